"""sources(): who a story relies on, with types, coreference, conditions; on the case, built texts, any string."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.evaluation.sources import load_gold_sources, match_sources
from newstrace.sourcing.finder import COLUMNS, sources
from newstrace.sourcing.names import same_person
from newstrace.sourcing.source_types import SOURCE_TYPE_MEANINGS, SOURCE_TYPES


def _row(table: pd.DataFrame, name: str) -> pd.Series:
    """Return the one row whose source is name."""
    rows = table[table["source"] == name]
    assert len(rows) == 1, f"expected one source {name!r}, got {table['source'].tolist()}"
    return rows.iloc[0]


@pytest.fixture(scope="module")
def full_sources(full_text) -> pd.DataFrame:
    """Return sources(full text)."""
    return sources(full_text)


def test_vocabulary_is_documented():
    assert set(SOURCE_TYPE_MEANINGS) == set(SOURCE_TYPES)
    assert all(len(SOURCE_TYPE_MEANINGS[kind].split()) >= 3 for kind in SOURCE_TYPES), "each type is explained"
    assert set(load_gold_sources()["type"]) <= set(SOURCE_TYPES)


def test_gold_first_paragraphs_and_types_hold_on_the_case(case):
    gold = load_gold_sources()
    for text_id in case.index:
        expected = gold[gold["article"] == text_id].reset_index(drop=True)
        found = sources(case.loc[text_id, "text"])
        pairs = [(g, p) for g, p in match_sources(found, expected) if p is not None]
        assert len(pairs) >= len(expected) - 1
        same_paragraph = sum(found.loc[p, "first_paragraph"] == int(expected.loc[g, "first_paragraph"])
                             for g, p in pairs)
        assert same_paragraph >= 0.9 * len(pairs)


def test_short_references_are_one_source(full_sources):
    comey = _row(full_sources, "James B. Comey")
    assert comey["type"] == "named person" and comey["first_paragraph"] == 14
    assert "Comey" in comey["aliases"] and comey["attributions"] == 2
    hajer = _row(full_sources, "Abu Hajer al Maghribi")
    assert hajer["type"] == "adopted name" and "Abu Hajer" in hajer["aliases"].split(" | ")
    assert hajer["first_paragraph"] == 1 and hajer["attributions"] >= 25
    assert (full_sources["source"].str.startswith("Abu Hajer")).sum() == 1
    winter = _row(full_sources, "Charlie Winter")
    assert winter["type"] == "expert or analyst" and winter["first_paragraph"] == 69


def test_stated_conditions_reach_their_sources(full_sources):
    official = _row(full_sources, "a senior Moroccan security official")
    assert official["type"] == "anonymous source"
    assert "neither he nor his agency be identified" in official["condition"]
    for name in ("Abu Hajer al Maghribi", "Abu Abdullah al Maghribi", "Abu Hourraira al-Maghribi"):
        condition = _row(full_sources, name)["condition"]
        assert "adopted names" in condition and "presence of security officials" in condition
    assert "disguise his identity" in _row(full_sources, "Abu Abdullah al Maghribi")["condition"]
    assert _row(full_sources, "James B. Comey")["condition"] == ""


def test_words_quoted_come_from_extract_quotes(full_sources, full_text):
    quotes = nt.extract_quotes(full_text)
    speech = quotes[quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()]
    assert full_sources["words_quoted"].sum() == speech["quote"].str.split().str.len().sum()
    assert _row(full_sources, "James B. Comey")["words_quoted"] == 32


def test_re_report_relies_on_another_outlet_and_ignores_the_sidebar(re_report):
    found = sources(re_report)
    assert _row(found, "Washington Post")["type"] == "news outlet"
    assert _row(found, "ISIS video")["type"] == "document or media"
    assert not found["source"].str.contains("UN|Mullally|Hawken|ISIS$").any()
    assert (found["condition"] == "").all()


def test_own_outlet_is_not_a_source(full_text, short_copy):
    for text in (full_text, short_copy):
        assert "news outlet" not in set(sources(text)["type"])


BUILT = """\
CAIRO - Flooding closed the main road on Tuesday, officials said.
"The water came in minutes," said Maria Gonzalez, who runs a bakery near the river.
Gonzalez said she lost her stock. "Everything is gone," she said.
Dr. Ahmed Nabil, a hydrologist at Cairo University, said the drainage system was decades old.
A senior ministry official, who spoke on the condition of anonymity because he was not authorized to speak publicly, said repairs would take a month.
The Ministry of Irrigation said in a statement that pumps had been sent.
A report released last year shows the canal was already blocked.
One fighter, who gave only his nom de guerre, Saqr, said the militia had left the area. Saqr said the militia would come back.
Abu Omar al Shami said he saw the water rise. Abu Bakr al Shami said he did not.
The mayor told The Nile Daily News that the road would reopen soon.
"""


@pytest.fixture(scope="module")
def built() -> pd.DataFrame:
    """Return sources() of the built story."""
    return sources(BUILT)


@pytest.mark.parametrize(("name", "kind"), [
    ("Maria Gonzalez", "named person"),
    ("Ahmed Nabil", "expert or analyst"),
    ("A senior ministry official", "anonymous source"),
    ("Ministry of Irrigation", "organisation"),
    ("A report released last year", "document or media"),
    ("Saqr", "adopted name"),
    ("Abu Omar al Shami", "adopted name"),
    ("Abu Bakr al Shami", "adopted name"),
    ("Nile Daily News", "news outlet"),
    ("officials", "anonymous source"),
])
def test_built_story_types(built, name, kind):
    assert _row(built, name)["type"] == kind


def test_built_story_coreference_and_counts(built):
    gonzalez = _row(built, "Maria Gonzalez")
    assert gonzalez["aliases"] == "Gonzalez" and gonzalez["attributions"] == 3
    assert gonzalez["words_quoted"] == 5 + 3 and gonzalez["first_paragraph"] == 1
    assert "condition of anonymity" in _row(built, "A senior ministry official")["condition"]
    assert "nom de guerre" in _row(built, "Saqr")["condition"]
    assert list(built.columns) == COLUMNS
    assert built["first_offset"].is_monotonic_increasing


def test_shared_origin_name_is_not_a_surname():
    assert same_person("Abu Hajer", "Abu Hajer al Maghribi")
    assert same_person("Comey", "James B. Comey")
    assert same_person("Abu Abdullah al-Maghribi", "Abu Abdullah al Maghribi")
    assert not same_person("Maghribi", "Abu Hajer al Maghribi")
    assert not same_person("Abu", "Abu Hajer al Maghribi")
    assert not same_person("Abu Hajer", "Abu Hourraira al-Maghribi")


@pytest.mark.parametrize("text", [
    "",
    "The recipe needs two eggs, flour and a pinch of salt. Bake for 20 minutes.",
    "Rain is expected tomorrow across the north. Temperatures will fall overnight.",
])
def test_no_sources_in_texts_without_attribution(text):
    found = sources(text)
    assert found.empty and list(found.columns) == COLUMNS


def test_shuffled_story_keeps_its_named_sources(full_text, full_sources):
    lines = [line for line in full_text.splitlines() if line.strip()]
    random.Random(3).shuffle(lines)
    shuffled = sources("\n".join(lines))
    named = {"adopted name", "named person", "expert or analyst"}
    # shuffled, a paragraph's "he said" may point at whoever is named before it, so more may appear
    assert set(full_sources.loc[full_sources["type"].isin(named), "source"]) <= set(
        shuffled.loc[shuffled["type"].isin(named), "source"])


def test_page_clutter_adds_no_sources(short_copy, case):
    story = sources(case.loc["short-copy", "text"])
    cluttered = short_copy + "\n\nRelated articles\nUN says the world must act now\nUN says the world must act now\n"
    assert set(sources(cluttered)["source"]) == set(story["source"])


@settings(max_examples=80, deadline=None)
@given(st.text())
def test_never_raises_on_any_string(text):
    found = sources(text)
    assert list(found.columns) == COLUMNS
    assert set(found["type"]) <= set(SOURCE_TYPES)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Abu", "Hajer", "al", "said", "he", "told", "The", "Post", '"',
                                 "a", "senior", "official", ",", ".", "\n", "according", "to",
                                 "video", "shows", "condition", "Smith"]), max_size=40))
def test_never_raises_on_attribution_word_salad(tokens):
    found = sources(" ".join(tokens))
    assert (found["attributions"] >= 0).all()


@pytest.mark.parametrize("bad", [None, 3.5, b"Smith said", {"text": "x"}])
def test_non_string_raises_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="sources\\(\\) needs the article text as a str"):
        sources(bad)


WIRE = """\
WASHINGTON (AP) - The Senate on Thursday passed a bill to fund the government through March.
"We did our job," Senate Majority Leader Chuck Schumer said on the floor.
The White House said President Joe Biden would sign the bill. A White House spokeswoman, Karine Jean-Pierre, said the vote was welcome.
According to the Congressional Budget Office, the bill adds $12 billion to the deficit.
Two congressional aides, who spoke on condition of anonymity to discuss private talks, said the House would vote Friday.
President Ann Lee said on Monday that talks would continue. Later the president said she was hopeful.
"""


@pytest.fixture(scope="module")
def wire() -> pd.DataFrame:
    """Return sources() of a built wire story in another house style."""
    return sources(WIRE)


def test_wire_story_rules(wire):
    assert _row(wire, "Chuck Schumer")["type"] == "named person"
    assert _row(wire, "White House")["type"] == "organisation"  # 'The X said': an institution
    assert _row(wire, "Congressional Budget Office")["type"] == "organisation"
    assert _row(wire, "Karine Jean-Pierre")["type"] == "named person"  # appositive name, not the description
    assert "A White House spokeswoman" not in set(wire["source"])
    assert "Joe Biden" not in set(wire["source"])  # 'said President Joe Biden would': not an inversion
    aides = _row(wire, "Two congressional aides")
    assert aides["condition"] == "spoke on condition of anonymity to discuss private talks"
    lee = _row(wire, "Ann Lee")
    assert lee["aliases"] == "the president" and lee["attributions"] == 2
    assert "AP" not in set(wire["source"])  # the dateline agency wrote the story; it is a credit


LOCAL = """\
Police in Manchester have arrested a man after a fire at a block of flats, Greater Manchester Police said.
Resident Sarah Jones, 45, said she was woken by smoke. 'I grabbed the kids and ran,' she told the BBC.
A spokesperson for the council said an investigation had begun.
Dr Priya Shah, a fire safety expert at the University of Leeds, told the Guardian that cladding was a concern.
Firefighters said the blaze was under control by 3am.
Documents seen by Reuters show the building failed an inspection in 2019.
Neighbours, who asked not to be named, said the alarms did not sound.
"""


def test_local_story_in_british_style():
    found = sources(LOCAL)
    assert _row(found, "Greater Manchester Police")["type"] == "organisation"
    jones = _row(found, "Sarah Jones")  # the role word 'Resident' is set aside
    assert jones["type"] == "named person" and jones["words_quoted"] == 6 and jones["attributions"] == 2
    assert _row(found, "Priya Shah")["type"] == "expert or analyst"
    assert _row(found, "A spokesperson for the council")["type"] == "organisation"
    assert _row(found, "Firefighters")["type"] == "anonymous source"
    assert _row(found, "Neighbours")["condition"] == "asked not to be named"
    assert _row(found, "Documents seen by Reuters")["type"] == "document or media"
    assert {"BBC", "Guardian", "Reuters"} <= set(found.loc[found["type"] == "news outlet", "source"])


def test_blanket_rule_makes_single_names_adopted():
    text = ("The fighters spoke on the condition that they be identified only by their noms de guerre.\n"
            '"We crossed at night," said Saqr, 24. Maria Gonzalez, a nurse at the camp, said ten arrived.\n')
    found = sources(text)
    assert _row(found, "Saqr")["type"] == "adopted name"
    assert _row(found, "Maria Gonzalez")["type"] == "named person"
    assert _row(sources(text.split("\n", 1)[1]), "Saqr")["type"] == "named person"  # no rule, no guess


def test_saying_verbs_inside_quotations_are_not_sources():
    text = '"The owners said nothing and the police told us to wait," said Felix Petrov, a resident.\n'
    assert sources(text)["source"].tolist() == ["Felix Petrov"]
