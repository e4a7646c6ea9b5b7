"""What the lessons' prose and answers say about the texts still matches what the library outputs.

The lessons ask questions and reveal answers that rest on specific outputs (a removed teaser, the
largest source type, a verbatim quote, an undetermined order). If a library change alters one of
those outputs, these tests fail and point at the lesson to re-read.
"""

from __future__ import annotations

import pandas as pd
import pytest

import newstrace as nt


@pytest.fixture(scope="module")
def story(case: pd.DataFrame) -> dict[str, str]:
    """Return each case text with page clutter removed."""
    return {name: nt.clean(text).text for name, text in case["text"].items()}


def test_lesson01_cleaning_answers(case: pd.DataFrame):
    """Lesson 01, questions 3-4: the short copy's furniture and repeated lead; the full text's teaser"""
    short = nt.clean(case.loc["short-copy", "text"]).removed.set_index("line")["reason"]
    assert short.get(0) == "navigation" and short.get(1) == "share" and short.get(6) == "duplicate"
    lines = case.loc["short-copy", "text"].splitlines()
    assert lines[6] == lines[4]
    full = nt.clean(case.loc["full-text", "text"]).removed
    assert list(full["reason"]) == ["promo"] and list(full["line"]) == [21]
    assert full["text"].iloc[0].startswith("Why did victims")
    page = case.loc["re-report", "text"]
    removed = nt.clean(page).removed
    assert len(removed) > case.loc["re-report", "paragraphs"] / 2, "question 5: more than half clutter"
    assert {"related", "sidebar", "caption", "headline"} <= set(removed["reason"])


def test_lesson02_sourcing_answers(full_text: str):
    """Lesson 02: the method paragraphs, the flagged claim, and anonymous sources as the largest group"""
    paragraphs = full_text.splitlines()
    assert "adopted names" in paragraphs[16] and "presence of security officials" in paragraphs[17]
    assert "at odds with what is known" in paragraphs[27]
    assert "at odds with his superiors" in paragraphs[97]
    types = nt.sources(full_text)["type"].value_counts()
    assert types.index[0] == "anonymous source" and types.iloc[0] > types.iloc[1]


def test_lesson03_attribution_answers(full_text: str, re_report: str, story: dict[str, str]):
    """Lesson 03: credits, verbatim quotes, and the Abu Abdullah drift in paragraph 7"""
    assert not nt.credits(re_report)["own_reporting"].any()
    assert nt.credits(full_text)["own_reporting"].all()
    check = nt.attribution_diff(full_text, story["re-report"])
    quotes = check[check["row"] == "quote"]
    assert len(quotes) >= 3 and quotes["verbatim"].all()
    re_paragraphs = story["re-report"].splitlines()
    assert "security and propaganda ranks" in re_paragraphs[7]
    assert "witness to the massacre" in re_paragraphs[2]
    paragraphs = full_text.splitlines()
    assert "no affiliation with the media arm" in paragraphs[50]
    assert "among 10 cameramen sent to record" in paragraphs[2]
    assert "drift candidate" in set(check["status"])


def test_lesson04_syndication_answers(story: dict[str, str], case: pd.DataFrame):
    """Lesson 04: containment finds the trimmed copy, the skip before its last paragraph, no order"""
    short = nt.compare(story["full-text"], story["short-copy"])
    assert short.containment > 0.9 and short.jaccard < 0.4
    assert short.relation in {"trimmed copy", "edited copy"}
    matched = short.alignment.dropna(subset=["copy_para"])
    originals = [int(value) for value in matched["original_para"]]
    assert originals[:-1] == list(range(len(originals) - 1)) and originals[-1] > len(originals)
    assert {"house style", "content"} <= set(short.edits["category"])
    assert nt.compare(story["full-text"], story["re-report"]).relation == "rewrite"
    lineage = nt.lineage(dict(case["text"])).set_index(["a", "b"])
    assert lineage.loc[("full-text", "short-copy"), "likely_fuller"] == "full-text"
    assert lineage.loc[("full-text", "short-copy"), "likely_earlier"] == "undetermined"
    assert lineage.loc[("full-text", "re-report"), "likely_earlier"] == "full-text"


def test_lesson05_scale_answers():
    """Lesson 05, question 3: copies are found, independent reports are not, precision is high"""
    corpus, truth = nt.synthetic_corpus(300, seed=0)
    found = nt.find_copies(corpus)
    pairs = {frozenset(pair) for pair in zip(found["a"], found["b"])}
    truth["found"] = [frozenset(pair) in pairs for pair in zip(truth["a"], truth["b"])]
    by_kind = truth.groupby("kind")["found"].mean()
    assert by_kind["independent report"] == 0
    for kind in ("copy", "trimmed copy", "edited copy", "reordered"):
        assert by_kind[kind] == 1, kind
    base_of = dict(zip(truth.loc[truth["derived"], "b"], truth.loc[truth["derived"], "a"]))
    right = sum(base_of.get(a, a) == base_of.get(b, b) for a, b in zip(found["a"], found["b"]))
    assert right / len(found) >= 0.95
