"""Tests for nt.lineage: evidence for the fuller and earlier version, never more than it carries."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.syndication.provenance import COLUMNS, capture_hint, text_evidence, years
from newstrace.syndication.synthetic import synthetic_corpus
from newstrace.syndication.synthetic_articles import paragraphs_of
from newstrace.syndication.synthetic_mutations import add_clutter

CONFIDENCES = {"high", "moderate", "low", "none"}


def row(table: pd.DataFrame, a: str, b: str) -> dict:
    """Return the lineage row of the pair (a, b) in either order."""
    for record in table.to_dict("records"):
        if {record["a"], record["b"]} == {a, b}:
            return record
    raise KeyError((a, b))


@pytest.fixture(scope="module")
def case_lineage(case) -> pd.DataFrame:
    """Return lineage of the three case texts."""
    return nt.lineage(case["text"])


def test_one_row_per_pair_with_documented_columns(case_lineage):
    assert list(case_lineage.columns) == COLUMNS
    assert len(case_lineage) == 3
    assert set(case_lineage["fuller_confidence"]) <= CONFIDENCES
    assert set(case_lineage["earlier_confidence"]) <= CONFIDENCES
    assert case_lineage["fuller_reason"].str.len().gt(20).all()
    assert case_lineage["earlier_reason"].str.len().gt(20).all()


def test_full_text_is_the_fuller_version_with_a_stated_confidence(case_lineage):
    short = row(case_lineage, "full-text", "short-copy")
    assert short["likely_fuller"] == "full-text"
    assert short["fuller_confidence"] == "high"
    re_report = row(case_lineage, "full-text", "re-report")
    assert re_report["likely_fuller"] == "full-text"
    assert re_report["fuller_confidence"] in {"low", "moderate"}


def test_full_text_and_short_copy_are_not_ordered_in_time(case_lineage):
    pair = row(case_lineage, "full-text", "short-copy")
    assert pair["likely_earlier"] == "undetermined"
    assert pair["earlier_confidence"] == "none"


def test_re_report_credits_another_outlet_and_comes_later(case_lineage):
    pair = row(case_lineage, "full-text", "re-report")
    credits_of_re_report = pair["credits_b"] if pair["b"] == "re-report" else pair["credits_a"]
    assert "Washington Post" in credits_of_re_report
    assert pair["likely_earlier"] == "full-text"
    assert pair["earlier_confidence"] in {"low", "moderate"}
    assert "Washington Post" in pair["earlier_reason"]


def test_capture_hints_of_the_case(case):
    evidence = text_evidence(case["text"])
    assert evidence.loc["full-text", "capture_hint"].startswith("no page clutter")
    re_report = evidence.loc["re-report", "capture_hint"]
    assert "web page capture" in re_report and "sidebar" in re_report
    assert "capture date is unknown" in re_report
    assert evidence.loc["re-report", "image_credits"] != "none"


def test_sidebar_years_later_than_the_story_point_to_a_later_capture(re_report):
    page = re_report + "\n\nMost read\nFerry service resumes after long repairs (March 2024)\n" \
        "Council names new harbour master (June 2024)\n"
    hint = text_evidence({"page": page}).loc["page", "capture_hint"]
    assert "2024" in hint and "captured in 2024 or later" in hint
    assert "not publication date" in hint


def test_built_page_capture_with_later_sidebar_years(full_text):
    page = "\n".join(add_clutter(paragraphs_of(full_text), random.Random(2), year=2015))
    cleaned = nt.clean(page)
    hint = capture_hint(cleaned)
    clutter_years = years("\n".join(cleaned.removed["text"]))
    if any(year > 2014 for year in clutter_years):
        assert f"captured in {max(clutter_years)} or later" in hint
    else:
        assert "capture date is unknown" in hint


def test_two_texts_each_missing_different_paragraphs_are_undetermined(full_text):
    paragraphs = paragraphs_of(full_text)[:30]
    first = "\n".join(paragraphs[:10] + paragraphs[20:])
    second = "\n".join(paragraphs[:20])
    pair = nt.lineage({"first": first, "second": second}).iloc[0]
    assert pair["likely_fuller"] == "undetermined" and pair["fuller_confidence"] == "none"
    assert pair["likely_earlier"] == "undetermined"


def test_trimmed_variant_is_contained_but_not_dated(full_text):
    built = nt.variants(full_text, seed=1)
    table = nt.lineage({"original": full_text, "trimmed": built["trimmed copy"],
                        "page": built["copy"]})
    trimmed = row(table, "original", "trimmed")
    assert trimmed["likely_fuller"] == "original"
    assert trimmed["likely_earlier"] == "undetermined"
    same = row(table, "original", "page")
    assert same["likely_fuller"] == "neither"
    assert same["likely_earlier"] == "undetermined"


def test_a_rewrite_that_credits_an_outlet_is_the_later_text():
    texts, truth = synthetic_corpus(40, seed=9)
    pair = truth[truth["kind"] == "rewrite"].iloc[0]
    result = nt.lineage({"base": texts[pair["a"]], "rewrite": texts[pair["b"]]}).iloc[0]
    assert result["credits_b"] != "none" and result["credits_a"] == "none"
    assert result["likely_earlier"] == "base"
    assert result["earlier_confidence"] == "low"


def test_unrelated_texts_get_no_verdict():
    texts, _ = synthetic_corpus(3, seed=5, copy_share=0.0, independent_share=0.0)
    table = nt.lineage(texts)
    assert set(table["relation"]) == {"unrelated"}
    assert set(table["likely_fuller"]) == {"undetermined"}
    assert set(table["likely_earlier"]) == {"undetermined"}


def test_order_of_the_input_does_not_change_the_verdicts(case):
    texts = dict(case["text"])
    reversed_texts = dict(reversed(list(texts.items())))
    forward, backward = nt.lineage(texts), nt.lineage(reversed_texts)
    for a, b in (("full-text", "short-copy"), ("full-text", "re-report")):
        for column in ("likely_fuller", "fuller_confidence", "likely_earlier", "earlier_confidence"):
            assert row(forward, a, b)[column] == row(backward, a, b)[column]


def test_years_are_found_in_text():
    assert years("In 2014 and again in 1999, not in 12345 or 3000.") == [1999, 2014]


@pytest.mark.parametrize(
    ("texts", "error", "message"),
    [
        (["a"], TypeError, "mapping or pandas Series of id -> text"),
        ({"a": 1, "b": "text"}, TypeError, "text 'a' is int"),
        ({"a": "only one text"}, ValueError, "at least two texts"),
    ],
)
def test_bad_input_is_refused(texts, error, message):
    with pytest.raises(error, match=message):
        nt.lineage(texts)


def test_a_date_line_on_the_page_is_quoted_not_used_for_order(re_report, full_text):
    page = "Published 3 May 2019\n" + re_report
    hint = text_evidence({"page": page}).loc["page", "capture_hint"]
    assert "date line on the page states 2019" in hint
    pair = nt.lineage({"full": full_text, "page": page}).iloc[0]
    assert "2019" not in pair["earlier_reason"]


@pytest.fixture(scope="module")
def base_paragraphs() -> list[str]:
    """Return the paragraphs of one synthetic article of at least eight paragraphs."""
    texts, _ = synthetic_corpus(30, seed=13, copy_share=0.0, independent_share=0.0)
    return max((paragraphs_of(text) for text in texts.values()), key=len)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_versions_without_credits_are_never_ordered_and_never_called_fuller_wrongly(
        base_paragraphs, data):
    """Two paragraph subsets of one article: no time order, and the subset is never the fuller."""
    n = len(base_paragraphs)
    first = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=2, max_size=n)))
    second = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=2, max_size=n)))
    texts = {"first": "\n".join(base_paragraphs[i] for i in first),
             "second": "\n".join(base_paragraphs[i] for i in second)}
    pair = nt.lineage(texts).iloc[0]
    assert pair["likely_earlier"] == "undetermined"
    if set(first) < set(second):
        assert pair["likely_fuller"] in {"second", "neither", "undetermined"}
    if set(second) < set(first):
        assert pair["likely_fuller"] in {"first", "neither", "undetermined"}
    if not set(first) <= set(second) and not set(second) <= set(first):
        assert pair["likely_fuller"] != "neither" or pair["a_in_b"] >= 0.8


def test_a_later_year_in_one_story_is_noted_but_does_not_order(full_text):
    paragraphs = paragraphs_of(full_text)[:12]
    updated = "\n".join(paragraphs + ["In March 2017, a court in Rabat shortened two of the sentences."])
    pair = nt.lineage({"first": "\n".join(paragraphs), "updated": updated}).iloc[0]
    assert "2017" in pair["story_years_b"]
    assert "updated was written in 2017 or later" in pair["earlier_reason"]
    assert pair["likely_earlier"] == "undetermined"
