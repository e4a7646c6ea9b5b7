"""The gate on the invented page captures (tests/data/page_captures and its later/ and latest/ sets): every figure
at or above its pinned minimum."""

from __future__ import annotations

import pytest

import page_captures
from newstrace.pages.clutter import REASONS

FOLDERS = {"first": page_captures.FOLDER, "later": page_captures.LATER, "latest": page_captures.LATEST}
SCORES: dict[str, dict[str, float]] = {}


def _scores(which: str) -> dict[str, float]:
    """Return one set's figures, computed once for all the gates."""
    if which not in SCORES:
        SCORES[which] = page_captures.all_scores(FOLDERS[which])
    return SCORES[which]


def test_the_first_set_has_at_least_twelve_captures_and_each_set_gold_for_each():
    assert len(list(page_captures.FOLDER.glob("*.txt"))) >= 12
    for folder in FOLDERS.values():
        names = sorted(path.stem for path in folder.glob("*.txt"))
        assert set(page_captures.gold(folder)["file"]) == set(names)


@pytest.mark.parametrize("which", sorted(FOLDERS))
def test_the_gold_labels_every_non_blank_line_with_the_vocabulary(which):
    gold = page_captures.gold(FOLDERS[which])
    for name, rows in gold.groupby("file"):
        lines = page_captures.text(name, FOLDERS[which]).split("\n")
        assert list(rows["line"]) == [i for i, line in enumerate(lines) if line.strip()], name
        for row in rows.itertuples():
            assert lines[row.line].strip().startswith(row.starts), (name, row.line)
            assert row.label == "story" or row.label in REASONS, (name, row.line, row.label)
            assert not row.teaser or (row.label == "story" and row.teaser in lines[row.line]), (name, row.line)


@pytest.mark.parametrize("which", sorted(FOLDERS))
def test_every_figure_has_a_minimum(which):
    assert set(page_captures.minimums(FOLDERS[which])) == set(_scores(which))


@pytest.mark.parametrize("which, metric", [(which, metric) for which in sorted(FOLDERS)
                                           for metric in sorted(page_captures.minimums(FOLDERS[which]))])
def test_figure_is_at_least_its_pinned_minimum(which, metric):
    found, minimum = _scores(which)[metric], page_captures.minimums(FOLDERS[which])[metric]
    assert found >= minimum, (which, metric, found)
