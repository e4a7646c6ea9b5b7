"""sources() on the everyday sourcing patterns of issue 18, in several wordings and positions (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest

from newstrace.sourcing.finder import sources


def _only(table: pd.DataFrame, words: str) -> pd.Series:
    """Return the one source whose name holds words (case ignored)."""
    rows = table[table["source"].str.contains(words, case=False, regex=False)]
    assert len(rows) == 1, (words, table[["source", "type"]].values.tolist())
    return rows.iloc[0]


@pytest.mark.parametrize(("text", "source", "condition"), [
    ("A city clerk who was not authorized to speak publicly said the vote was close.",
     "A city clerk", "not authorized to speak publicly"),
    ("Two nurses who were not permitted to talk to reporters said the ward was full.",
     "Two nurses", "not permitted to talk to reporters"),
    ("A police officer who spoke on the condition of anonymity said the suspect fled.",
     "A police officer", "spoke on the condition of anonymity"),
    ("The raid was planned for weeks, said a detective who spoke on condition of anonymity.",
     "a detective", "spoke on condition of anonymity"),
    ("A diplomat, who was not authorised to comment, told reporters the talks had stalled.",
     "A diplomat", "not authorised to comment"),
    ("The school will close in June, according to a teacher who asked not to be named.",
     "a teacher", "asked not to be named"),
])
def test_anonymous_source_with_a_clause_keeps_its_condition(text, source, condition):
    row = _only(sources(text), source)
    assert row["source"] == source and row["type"] == "anonymous source"
    assert row["condition"] == condition


@pytest.mark.parametrize(("text", "group"), [
    ("Opponents said the plan would remove 40 parking spaces.", "Opponents"),
    ("Tour operators said visitor numbers had not yet dropped.", "Tour operators"),
    ("Fishermen told reporters that warmer water had pushed the fish north.", "Fishermen"),
    ("Critics in Congress argued the bill went too far.", "Critics in Congress"),
    ("Shopkeepers on the quay complained that fewer yachts were calling.", "Shopkeepers on the quay"),
    ("The fare rise will hurt, many commuters said on Monday.", "many commuters"),
    ("Retirees told the council they could not afford the new fees.", "Retirees"),
    ("Environmentalists warned the spoil could smother seagrass.", "Environmentalists"),
])
def test_groups_are_anonymous_never_named_people(text, group):
    row = _only(sources(text), group)
    assert row["source"] == group and row["type"] == "anonymous source"


def test_a_surname_that_looks_like_a_plural_stays_the_person():
    found = sources("Jane Rogers, a farmer, said the rain came early. Rogers said the crop was lost.\n"
                    "Growers said prices would rise.")
    rogers = _only(found, "Rogers")
    assert rogers["source"] == "Jane Rogers" and rogers["type"] == "named person"
    assert rogers["attributions"] == 2
    assert _only(found, "Growers")["type"] == "anonymous source"


@pytest.mark.parametrize(("text", "document"), [
    ("According to a count by the Millbrook Tenants Union, 40 flats are empty.",
     "a count by the Millbrook Tenants Union"),
    ("Court records reviewed by the Gazette show the firm was fined twice.", "Court records reviewed by the Gazette"),
    ("Police logs obtained by the Herald show six calls that night.", "Police logs obtained by the Herald"),
    ("Survey records compiled by volunteers show the dunes have shrunk.", "Survey records compiled by volunteers"),
    ("The ferry lost money, according to a tally by the Harbour Users Group.", "a tally by the Harbour Users Group"),
    ("Closing the pool saves $80,000, according to a city staff report.", "a city staff report"),
])
def test_documents_and_counts_are_media_with_their_maker(text, document):
    row = _only(sources(text), document)
    assert row["source"] == document and row["type"] == "document or media"


@pytest.mark.parametrize(("text", "name", "attributions"), [
    ("Halvern Foods Ltd said it would cut 40 jobs. The company said orders had fallen.", "Halvern Foods Ltd", 2),
    ("Ostrava Tooling Inc. will shut its plant, the company said Friday.", "Ostrava Tooling Inc.", 1),
    ("The Coastal Flood Agency will raise the wall. The agency said work starts in May.",
     "Coastal Flood Agency", 1),
    ("Bins will be emptied fortnightly, the county council announced.", "the county council", 1),
    ("The county council announced that bins would be emptied fortnightly.", "The county council", 1),
    ("The path will reopen in May, according to the city planner's office.", "the city planner's office", 1),
    ("According to a statement from Ashby Parish Council, the path will reopen.", "Ashby Parish Council", 1),
    ("BrightPath Energy said the outage lasted two hours.", "BrightPath Energy", 1),
])
def test_organisations_and_companies_are_organisations(text, name, attributions):
    row = _only(sources(text), name.split()[-1].rstrip("."))
    assert (row["source"], row["type"], row["attributions"]) == (name, "organisation", attributions)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Dr Ana Sousa, a seabird ecologist, said the colony could recover.", "Ana Sousa", "expert or analyst"),
    ("Professor Liam Hart said the figures were unusual.", "Liam Hart", "expert or analyst"),
    ("A marine biologist at the aquarium said the seals were healthy.", "A marine biologist at the aquarium",
     "expert or analyst"),
    ("Dr. Rebecca Lund, the clinic's director, said two posts were empty.", "Rebecca Lund", "named person"),
    ("Councillor Priya Shah said the bins would go fortnightly.", "Priya Shah", "named person"),
])
def test_experts_by_title_or_appositive(text, name, kind):
    row = _only(sources(text), name)
    assert (row["source"], row["type"]) == (name, kind)


@pytest.mark.parametrize(("text", "outlet"), [
    ("Fishermen told Radio Tay that the catch was down.", "Radio Tay"),
    ("The pier will close, the Carrow Ledger reported.", "Carrow Ledger"),
    ("Residents told WXYZ-TV the road had flooded.", "WXYZ-TV"),
])
def test_outlets_are_news_outlet_sources_never_people(text, outlet):
    found = sources(text)
    row = _only(found, outlet)
    assert (row["source"], row["type"]) == (outlet, "news outlet")
    assert "named person" not in set(found["type"])


@pytest.mark.parametrize("text", [
    "The clinic will close on weekends, its director said Friday.\nDr. Jo Lee, the clinic's director, said two posts were open.",
    "Dr. Jo Lee, the clinic's director, said two posts were open. Its director said more would go.",
])
def test_its_director_is_the_person_named_with_that_role(text):
    found = sources(text)
    assert found["source"].tolist() == ["Jo Lee"] and found["attributions"].tolist() == [2]


def test_its_owner_with_nobody_named_so_stays_an_anonymous_description():
    found = sources("The plant will close, its owner said on Monday. Ana Ruiz, a welder, said she would move.")
    assert _only(found, "owner")[["source", "type"]].tolist() == ["its owner", "anonymous source"]
