"""Check nt.compare against the hand-made gold alignment in data/annotations/alignment.csv."""

from __future__ import annotations

import pandas as pd
import pytest

import newstrace as nt
from newstrace.pages.clutter import clean

# Gold links that compare() does not find yet, pinned so that the count can only fall.
# (re-report paragraph 3 takes "mid-30s" from original 22, twenty paragraphs from its other
# sources; only two content words, below the paraphrase rule's three.)
KNOWN_MISSED_LINKS = {("re-report", 3, 22)}


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    """Return the gold alignment rows."""
    table = pd.read_csv(nt.data_dir() / "annotations" / "alignment.csv", keep_default_na=False)
    table["original_para"] = table["original_para"].map(lambda v: None if v == "" else int(v))
    return table


@pytest.fixture(scope="module")
def comparisons(full_text: str, short_copy: str, re_report: str) -> dict[str, nt.Comparison]:
    """Return compare(full text, copy) for both copies."""
    return {"short-copy": nt.compare(full_text, short_copy),
            "re-report": nt.compare(full_text, re_report)}


def _links(table: pd.DataFrame) -> set[tuple[int, int | None, str]]:
    """Return (copy_para, original_para, status) for each row about a copy paragraph."""
    rows = table[table["copy_para"].notna()]
    return {(int(row.copy_para), None if pd.isna(row.original_para) else int(row.original_para),
             row.status) for row in rows.itertuples()}


def _gold_edits(gold_rows: pd.DataFrame) -> set[tuple[int, int, str, str, str]]:
    """Return (original_para, copy_para, kind, before, after) from the gold's edits column."""
    edits = set()
    for row in gold_rows.itertuples():
        for item in filter(None, row.edits.split(" | ")):
            kind, change = item.split(": ", 1)
            before, after = change.split(" ->", 1)
            edits.add((row.original_para, row.copy_para, kind, before.strip(), after.strip()))
    return edits


@pytest.mark.parametrize("copy", ["short-copy", "re-report"])
def test_gold_points_at_the_cleaned_paragraphs(gold: pd.DataFrame, case: pd.DataFrame,
                                               copy: str) -> None:
    """Every gold row's copy_starts is the start of that cleaned copy paragraph."""
    paragraphs = clean(case.loc[copy, "text"]).paragraphs
    rows = gold[gold["copy"] == copy]
    assert sorted(set(rows["copy_para"])) == list(range(len(paragraphs)))
    for row in rows.itertuples():
        assert paragraphs[row.copy_para].startswith(row.copy_starts)


def test_short_copy_alignment_matches_gold_exactly(gold: pd.DataFrame, comparisons: dict) -> None:
    """Every short-copy paragraph has the gold source and status; the rest of the original is missing."""
    found = comparisons["short-copy"].alignment
    expected = _links(gold[gold["copy"] == "short-copy"])
    assert _links(found) == expected
    linked = {original for _, original, _ in expected}
    missing = set(found.loc[found["status"] == "missing", "original_para"].astype(int))
    assert missing == set(range(102)) - linked


def test_short_copy_edits_match_gold_exactly(gold: pd.DataFrame, comparisons: dict) -> None:
    """The word-level edits, their paragraphs and kinds are exactly the gold's."""
    edits = comparisons["short-copy"].edits
    found = {(row.original_para, row.copy_para, row.kind, row.before, row.after)
             for row in edits.itertuples()}
    assert found == _gold_edits(gold[gold["copy"] == "short-copy"])


def test_re_report_statuses_match_gold(gold: pd.DataFrame, comparisons: dict) -> None:
    """Each re-report paragraph has the gold status (added, edited or same)."""
    found = comparisons["re-report"].alignment
    found = found[found["copy_para"].notna()].groupby("copy_para")["status"].first()
    expected = gold[gold["copy"] == "re-report"].groupby("copy_para")["status"].first()
    assert found.to_dict() == expected.to_dict()


def test_re_report_links_match_gold_but_for_pinned_misses(gold: pd.DataFrame,
                                                          comparisons: dict) -> None:
    """No link the gold lacks; gold links not found are exactly the pinned known misses."""
    found = {(c, o) for c, o, _ in _links(comparisons["re-report"].alignment) if o is not None}
    expected = {(c, o) for c, o, _ in _links(gold[gold["copy"] == "re-report"]) if o is not None}
    assert found - expected == set()
    missed = {("re-report", c, o) for c, o in expected - found}
    assert missed == KNOWN_MISSED_LINKS


def test_re_report_rewrites_list_no_word_edits(comparisons: dict) -> None:
    """Rewritten paragraphs are below the copy-edit similarity, so no word edits are listed."""
    assert comparisons["re-report"].edits.empty
