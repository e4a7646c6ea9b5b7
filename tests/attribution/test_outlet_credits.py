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


# Outlets with no news word in their name, recognised by the slot they fill (invented outlets).
BY_CONTEXT = [
    ("Ms Quinn told the Dunmore Clarion that the pier would close.", "Dunmore Clarion", "told"),
    ('"It will close," she told the Fenwick Sentinel on Tuesday.', "Fenwick Sentinel", "told"),
    ("The bridge was shut for a week, the Carrow Ledger reported.", "Carrow Ledger", "report"),
    ("The Harlow Beacon first reported the closure on Friday.", "Harlow Beacon", "report"),
    ("The figures were first published by the Oxley Clarion in May.", "Oxley Clarion", "report"),
    ("Fishermen told Radio Tay that the catch was down.", "Radio Tay", "told"),
    ("The harbour master told BBC Radio Fenmoor the quay was unsafe.", "BBC Radio Fenmoor", "told"),
    ("She told WXYZ-TV the road had flooded twice.", "WXYZ-TV", "told"),
    ("Speaking to Radio Corrib Sunday, he said the ferry was late.", "Radio Corrib", "told"),
    ("Two residents told KQRT-FM on Monday that the water was brown.", "KQRT-FM", "told"),
]


@pytest.mark.parametrize(("text", "outlet", "kind"), BY_CONTEXT)
def test_outlets_are_recognised_from_their_slot_and_kept_whole(text, outlet, kind):
    found = credits(text)
    assert found[["outlet", "kind"]].values.tolist() == [[outlet, kind]]


@pytest.mark.parametrize("text", [
    "The mayor told the City Council that the budget was short.",
    "A survey published on Monday found fewer puffins.",
    "In an interview on Tuesday, she said the plan was sound.",
    "The Council reported a deficit of $2 million.",
    "According to the Hexford Rowing Club, the race is off.",
    "Smith reported that the gate was open.",
    "The general told the President that the troops were ready.",
])
def test_institutions_days_and_people_in_an_outlet_slot_are_no_outlets(text):
    assert credits(text).empty


def test_a_name_learned_from_the_byline_is_an_outlet_everywhere():
    text = ("By Ana Ruiz, Dunmore Clarion staff writer\n"
            "Harbour records reviewed by the Clarion show six groundings since 2020.\n"
            "The pier will close in May, according to the Clarion.\n")
    found = credits(text)
    assert set(found["outlet"]) == {"Dunmore Clarion"} and found["own_reporting"].all()
    assert found["kind"].tolist() == ["own reporting", "own reporting", "report"]


def test_records_reviewed_by_another_outlet_stay_a_report():
    found = credits("Inspection records reviewed by the Oxley Clarion, first reported by the Oxley Clarion, show it.")
    assert set(map(tuple, found[["outlet", "kind"]].values.tolist())) == {("Oxley Clarion", "report")}
    assert not found["own_reporting"].any()


def test_dateline_acronym_is_the_agency_the_text_names_in_full():
    text = ("NEWTON, Mass. (AP) — The mill will close.\n"
            "Payroll documents obtained by The Associated Press show 200 jobs will go.\n")
    found = credits(text)
    assert found[["outlet", "kind"]].values.tolist() == [
        ["Associated Press", "dateline"], ["Associated Press", "own reporting"]]


@pytest.mark.parametrize(("footer", "outlet"), [
    ("Copyright 2023 The Dunmore Clarion. All rights reserved.", "Dunmore Clarion"),
    ("© Fenwick Media Ltd 2024. All rights reserved.", "Fenwick Media"),
    ("(c) 2022 Harlow Beacon", "Harlow Beacon"),
])
def test_copyright_footer_names_the_publisher(footer, outlet):
    found = credits("The pier will close in May.\n" + footer)
    assert found[["outlet", "kind"]].values.tolist() == [[outlet, "own reporting"]]


def test_photographer_for_an_outlet_and_its_correspondent_are_own_reporting():
    text = ("Boats in the harbour. Photograph: Jo Price for the Echo\n"
            "Budget papers seen by the Northfield Echo show the cost.\n"
            "Jo Price is the Echo's chief photographer.\n")
    found = credits(text)
    assert set(found["outlet"]) == {"Northfield Echo"} and set(found["kind"]) == {"own reporting"}
    assert len(found) == 3


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


@pytest.mark.parametrize(("text", "expected"), [
    ("The army sent four helicopters, the state news agency TNA reported.", {("TNA", "report")}),
    ("The strike is the longest since 1998, Dutch public broadcaster NRT reported.", {("NRT", "report")}),
    ("Platt told local radio station Radio Ashby after the match that he was sure.", {("Radio Ashby", "told")}),
])
def test_an_outlet_introduced_by_a_common_noun_is_learned_from_context(text, expected):
    assert set(zip(credits(text)["outlet"], credits(text)["kind"])) == expected


def test_a_byline_with_a_beat_role_names_the_home_outlet_and_a_memo_it_saw_is_its_own_reporting():
    text = ("By Sophie Marr, Wessex Echo Health Correspondent\n"
            "An internal memo seen by the Wessex Echo shows the trust missed its target.")
    assert set(zip(credits(text)["outlet"], credits(text)["kind"])) == {("Wessex Echo", "own reporting")}
    assert credits("By Hannah Cole, Science Correspondent\nTeenagers slept longer, a study found.").empty
    assert credits("By Fergus Lang, Political Editor\nThe minister said it was over.").empty


def test_a_document_seen_by_the_x_teaches_an_outlet_but_not_an_institution():
    found = credits("A letter seen by the Portwell Clarion shows the board knew.")
    assert set(zip(found["outlet"], found["kind"])) == {("Portwell Clarion", "report")}
    assert credits("Satellite images analysed by the United Nations show the floods.").empty
