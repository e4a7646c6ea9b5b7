"""sources() on news styles the first invented set lacked: court, business, wire, politics, features (issue: generalise)."""

from __future__ import annotations

import pandas as pd
import pytest

import newstrace as nt


def _names(text: str) -> list[str]:
    """Return the source names sources() finds in a text."""
    return nt.sources(text)["source"].tolist()


def _row(text: str, name: str) -> pd.Series:
    """Return the one source row whose name is name."""
    table = nt.sources(text)
    rows = table[table["source"] == name]
    assert len(rows) == 1, f"expected {name!r} in {table['source'].tolist()}"
    return rows.iloc[0]


@pytest.mark.parametrize(("sentence", "condition"), [
    ("A neighbour, who asked that her name not be used because she feared a feud, said the road was full.",
     "asked that her name not be used because she feared a feud"),
    ("A board member, speaking on the understanding that he would not be named, said the memo was hidden.",
     "on the understanding that he would not be named"),
    ("A nurse, who agreed to speak only if she was not identified, described shifts with 40 patients.",
     "agreed to speak only if she was not identified"),
])
def test_more_ways_of_stating_anonymity_are_conditions(sentence: str, condition: str) -> None:
    table = nt.sources(sentence)
    assert len(table) == 1 and table["condition"].iloc[0] == condition


def test_part_of_a_group_is_the_group_and_takes_its_condition() -> None:
    text = ("Halden is in talks to buy Marwick's, according to people familiar with the matter.\n"
            "The deal could come next week, said two of the people, who asked not to be identified.")
    table = nt.sources(text)
    assert table["source"].tolist() == ["people familiar with the matter"]
    assert table["condition"].iloc[0] == "asked not to be identified"


@pytest.mark.parametrize(("sentence", "source"), [
    ("Union leaders representing about 22,000 workers at the two chains said they were worried.",
     "Union leaders representing about 22,000 workers at the two chains"),
    ("Tessaly has tried to sell the chain for a year, a person briefed on the sale process said.",
     "a person briefed on the sale process"),
    ("An aid worker with an international charity said local officials were fighting over the rice.",
     "An aid worker with an international charity"),
    ("Villagers in flooded northern Teravia said Wednesday they had received no food.",
     "Villagers in flooded northern Teravia"),
    ("Residents of Dunar said the water had risen in less than an hour.", "Residents of Dunar"),
])
def test_unnamed_sources_with_clauses_and_places(sentence: str, source: str) -> None:
    row = _row(sentence, source)
    assert row["type"] == "anonymous source"


@pytest.mark.parametrize(("sentence", "source", "kind"), [
    ("A forensic accountant who testified for the prosecution, Priya Raman of Calder & Moss, said it was simple.",
     "Priya Raman", "named person"),
    ("Another analyst, Mira Solberg of Crane Hill Partners, wrote in a note that the price looked full.",
     "Mira Solberg", "expert or analyst"),
    ("Teravia's opposition leader, Leila Aziz, said on Facebook that warnings were ignored.", "Leila Aziz",
     "named person"),
    ("Halden's chief executive, Robert Lang, told analysts on a call that the company had room.", "Robert Lang",
     "named person"),
    ("Downing Street denied that any such conversation had taken place.", "Downing Street", "organisation"),
])
def test_names_in_apposition_affiliations_and_types(sentence: str, source: str, kind: str) -> None:
    assert _names(sentence) == [source]
    assert _row(sentence, source)["type"] == kind


@pytest.mark.parametrize(("sentence", "source"), [
    ("According to the indictment, Pruitt opened a bank account in 2016.", "the indictment"),
    ("Attendance data supplied by the schools show that late arrivals fell.",
     "Attendance data supplied by the schools"),
    ("According to polling by Meridian Research published on Saturday, 41 per cent agree.",
     "polling by Meridian Research"),
    ("The trust's accounts show visitor numbers rose to 11,000.", "The trust's accounts"),
    ("The minister ignored its engineers, citing a 2019 report on the embankments.", "a 2019 report"),
])
def test_records_and_legal_documents_are_documents(sentence: str, source: str) -> None:
    assert _row(sentence, source)["type"] == "document or media"


def test_the_title_holder_the_statement_maker_and_instructions() -> None:
    court = ("U.S. District Judge Harold Yee set sentencing for March 14.\n"
             "The judge said Pruitt could remain free on bond.")
    assert _names(court) == ["Harold Yee"]
    statement = ('The chief executive, Dr Martin Hale, said in a statement that the trust never misled anyone.\n'
                 '"Our staff are working hard," the statement said.')
    assert _names(statement) == ["Martin Hale"]
    assert _names("Her nephew, Duncan Kilbride, says her doctor has told her to stop climbing.") == [
        "Duncan Kilbride"]


def test_a_surname_two_people_share_is_the_first_named() -> None:
    text = ("Agnes Kilbride climbs the tower every day.\n"
            "Kilbride said the lamp runs itself.\n"
            "Her nephew, Duncan Kilbride, says she should stop.")
    table = nt.sources(text)
    assert table["source"].tolist() == ["Agnes Kilbride", "Duncan Kilbride"]
    assert table["first_paragraph"].tolist() == [0, 2]


def test_posting_on_social_media_and_whole_word_particles() -> None:
    assert _names("The Chancellor, Graham Whitby, posted on Facebook that he would never sign.") == ["Graham Whitby"]
    assert _names("He was trusted to monitor the material other militants posted.") == []
    assert _names("The Green Alliance leader, Ruth Caldwell, said she was not there.") == ["Ruth Caldwell"]
    assert _names("The Pennsylvania Dept. of Labor said it would send a team.") == ["Pennsylvania Dept. of Labor"]


def test_a_short_company_name_is_the_company() -> None:
    text = ("Halden Foods, the third-largest chain, is in talks.\n"
            "Shares of Halden rose 6 percent.\n"
            "Halden said in a statement that it was looking to grow.")
    row = _row(text, "Halden Foods")
    assert row["type"] == "organisation"


def test_the_wire_that_wrote_the_story_is_no_source_and_outlets_named_by_a_noun_are() -> None:
    text = ("VELLHAVEN, Netherlands (Reuters) - Dock workers extended their strike on Tuesday.\n"
            '"We want it signed," union negotiator Jeroen Bakker told Reuters.\n'
            "The strike is the longest since 1998, Dutch public broadcaster NRT reported.")
    table = nt.sources(text)
    assert "Reuters" not in set(table["source"])
    assert table.set_index("source").loc["NRT", "type"] == "news outlet"


def test_an_institution_described_before_its_name_and_adverbs_are_no_persons() -> None:
    text = "The vaccine's developer, Kestrel Biologics, said in a statement that it would seek approval."
    assert _row(text, "Kestrel Biologics")["type"] == "organisation"
    spokesman = "A spokesman for the association, Marc de Wit, said it had no plans to talk."
    assert _row(spokesman, "Marc de Wit")["type"] == "named person"
    assert _names("The company later confirmed the closure.") == ["The company"]


def test_an_agency_is_an_institution_unless_it_is_a_news_agency() -> None:
    text = "River levels were a metre above normal, according to Environment Agency data."
    assert nt.credits(text).empty and _row(text, "Environment Agency data")["type"] == "document or media"


def test_the_record_cited_again_is_the_same_source() -> None:
    text = ("Norvane will cut 1,200 jobs, according to an internal memo reviewed by the Bay Ledger.\n"
            "The memo, sent to employees on Wednesday, says the cuts will fall on one division.")
    row = _row(text, "an internal memo")
    assert row["aliases"] == "The memo" and row["attributions"] == 2


def test_a_record_phrase_never_runs_back_over_a_saying_verb() -> None:
    text = "Prosecutor Alison Greaves said CCTV footage showed Benton pull a knife."
    table = nt.sources(text)
    assert table.set_index("source").loc["Alison Greaves", "type"] == "named person"
    assert "CCTV footage" in set(table["source"])
