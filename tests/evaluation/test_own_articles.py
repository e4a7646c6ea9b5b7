"""The regression gate on invented articles and page captures: every figure at or above its pinned minimum."""

from __future__ import annotations

import pytest

import own_articles

SCORES = {}


def _scores() -> dict[str, float]:
    """Return the regression set's figures, computed once for all the gates."""
    if not SCORES:
        SCORES.update(own_articles.all_scores())
    return SCORES


def test_the_set_has_at_least_ten_articles_and_page_captures():
    names = sorted(path.stem for path in own_articles.ARTICLES.glob("*.txt"))
    assert len(names) >= 10
    assert sum(name.endswith("-page") for name in names) >= 3
    for kind in ("clutter", "sources", "quotes", "credits", "drifts"):
        table = own_articles.gold(kind)
        files = set(table["file"]) if "file" in table else set(table["original"]) | set(table["copy"])
        assert files <= set(names), f"{kind}.csv names a file that is not in the set"


def test_every_gold_clutter_and_quote_row_points_at_real_text():
    for row in own_articles.gold("clutter").itertuples():
        assert any(line.startswith(row.starts) for line in own_articles.text(row.file).split("\n")), row
    for row in own_articles.gold("quotes").itertuples():
        assert row.quote in own_articles.text(row.file), row


@pytest.mark.parametrize("metric", sorted(own_articles.minimums()))
def test_figure_is_at_least_its_pinned_minimum(metric):
    assert _scores()[metric] >= own_articles.minimums()[metric], (metric, _scores()[metric])
