"""credits(): credits to other outlets and media, on the case, on built texts and on any string."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.attribution.outlet_credits import COLUMNS, CREDIT_KINDS, credits

GOLD_KEY = ["outlet", "phrase", "kind", "paragraph", "own_reporting"]


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    """Return the hand-made credits gold."""
    table = pd.read_csv(nt.data_dir() / "annotations" / "credits.csv", keep_default_na=False)
    table["own_reporting"] = table["own_reporting"].astype(str).str.lower() == "true"
    return table


@pytest.mark.parametrize("text_id", ["full-text", "short-copy", "re-report"])
def test_case_credits_match_the_gold(case, gold, text_id):
    found = credits(case.loc[text_id, "text"])
    expected = gold[gold["article"] == text_id]
    assert sorted(map(tuple, found[GOLD_KEY].values.tolist())) == sorted(
        map(tuple, expected[GOLD_KEY].values.tolist()))


def test_re_report_credits_another_outlet_and_a_video(re_report):
    found = credits(re_report)
    told = found[found["kind"] == "told"]
    assert len(told) == 3 and not found["own_reporting"].any()
    assert (told["outlet"] == "Washington Post").all()
    assert found.loc[found["kind"] == "image", "phrase"].tolist() == ["(Screenshot from ISIS video)"]


def test_full_text_outlet_is_flagged_as_own_reporting(full_text):
    found = credits(full_text)
    assert len(found) == 4 and found["own_reporting"].all()
    assert "own reporting" in set(found["kind"])


def test_offsets_slice_back_to_the_phrase(case):
    for text in case["text"]:
        found = credits(text)
        assert list(found.columns) == COLUMNS
        for row in found.itertuples():
            assert text[row.start:row.end] == row.phrase
            assert row.kind in CREDIT_KINDS


BUILT = [
    ("LONDON (Reuters) - The minister resigned on Monday.", "Reuters", "dateline"),
    ("The minister told The New York Times that he would stay.", "New York Times", "told"),
    ("According to a report in Le Monde, the talks failed.", "Le Monde", "report"),
    ("The story was first reported by Politico last week.", "Politico", "report"),
    ("Sky News reported that the vote was delayed.", "Sky News", "report"),
    ("In an interview with the BBC, she denied it.", "BBC", "told"),
    ("The crowd left. Photo: Jane Doe/AFP", "Jane Doe/AFP", "image"),
    ("Police cleared the square (John Smith/Getty Images) at dawn.", "John Smith/Getty Images", "image"),
    ("Smoke rises over the port. (Screenshot from a drone video)", "a drone video", "image"),
    ("Speaking to the Jerusalem Post, he said the deal was off.", "Jerusalem Post", "told"),
    ("According to Reuters, the ship sank.", "Reuters", "report"),
    ("The mayor gave detailed accounts of the flood to the Daily Herald.", "Daily Herald", "told"),
]


@pytest.mark.parametrize(("text", "outlet", "kind"), BUILT)
def test_built_credit_patterns(text, outlet, kind):
    found = credits(text)
    assert found[["outlet", "kind"]].values.tolist() == [[outlet, kind]]
    assert not found["own_reporting"].any()


def test_own_reporting_marks_every_credit_to_that_outlet():
    text = ("Residents gave their accounts to The Valley Gazette.\n"
            "They were approached on behalf of The Gazette.\nA relative told a Gazette reporter so.")
    found = credits(text)
    assert len(found) == 3 and found["own_reporting"].all()
    assert set(found["outlet"]) == {"Valley Gazette"}
    assert found["paragraph"].tolist() == [0, 1, 2]


@pytest.mark.parametrize("text", [
    "He told the Islamic State he would fight.",
    "According to the Ministry of Health, 12 people died.",
    "Smith told Jones that the deal was off.",
    "The recipe needs two eggs, flour and a pinch of salt.",
    "The video was shot in the desert. Reporters gathered outside.",
    "",
])
def test_no_credit_where_no_outlet_is_credited(text):
    found = credits(text)
    assert found.empty and list(found.columns) == COLUMNS


def test_shuffled_and_rewrapped_re_report_keeps_its_credits(re_report):
    lines = [line for line in re_report.splitlines() if line.strip()]
    random.Random(7).shuffle(lines)
    shuffled = "\n\n".join(lines)
    assert sorted(credits(shuffled)["phrase"]) == sorted(credits(re_report)["phrase"])


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_on_any_string(text):
    found = credits(text)
    for row in found.itertuples():
        assert text[row.start:row.end] == row.phrase


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["told", "The", "Daily", "Post", "(Photo:", "Reuters)", "by",
                                 "according", "to", "a", "report", "in", "\n", "X/Y)", "-", "LONDON"]),
                max_size=30))
def test_never_raises_on_credit_like_word_salad(tokens):
    text = " ".join(tokens)
    for row in credits(text).itertuples():
        assert text[row.start:row.end] == row.phrase


@pytest.mark.parametrize("bad", [None, 42, b"told The Post", ["text"]])
def test_non_string_raises_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="credits\\(\\) needs the article text as a str"):
        credits(bad)
