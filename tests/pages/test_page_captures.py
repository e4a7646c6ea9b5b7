"""The gate on the invented page captures (tests/data/page_captures): every figure at or above its pinned minimum."""

from __future__ import annotations

import pytest

import page_captures
from newstrace.pages.clutter import REASONS

SCORES: dict[str, float] = {}


def _scores() -> dict[str, float]:
    """Return the set's figures, computed once for all the gates."""
    if not SCORES:
        SCORES.update(page_captures.all_scores())
    return SCORES


def test_the_set_has_at_least_twelve_captures_and_gold_for_each():
    names = sorted(path.stem for path in page_captures.FOLDER.glob("*.txt"))
    assert len(names) >= 12
    assert set(page_captures.gold()["file"]) == set(names)


def test_the_gold_labels_every_non_blank_line_with_the_vocabulary():
    gold = page_captures.gold()
    for name, rows in gold.groupby("file"):
        lines = page_captures.text(name).split("\n")
        assert list(rows["line"]) == [i for i, line in enumerate(lines) if line.strip()], name
        for row in rows.itertuples():
            assert lines[row.line].strip().startswith(row.starts), (name, row.line)
            assert row.label == "story" or row.label in REASONS, (name, row.line, row.label)
            assert not row.teaser or (row.label == "story" and row.teaser in lines[row.line]), (name, row.line)


def test_every_figure_has_a_minimum():
    assert set(page_captures.minimums()) == set(_scores())


@pytest.mark.parametrize("metric", sorted(page_captures.minimums()))
def test_figure_is_at_least_its_pinned_minimum(metric):
    assert _scores()[metric] >= page_captures.minimums()[metric], (metric, _scores()[metric])
