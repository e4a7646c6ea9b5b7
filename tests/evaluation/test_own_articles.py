"""The regression gate on invented articles and page captures: every figure at or above its pinned minimum."""

from __future__ import annotations

import pytest

import own_articles

SCORES: dict[str, dict[str, float]] = {}


def _scores(group: str = own_articles.ORIGINAL) -> dict[str, float]:
    """Return one group's figures, computed once for all the gates."""
    if group not in SCORES:
        SCORES[group] = own_articles.all_scores(group)
    return SCORES[group]


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


GROUP_METRICS = [(group, metric) for group in own_articles.groups() if group != own_articles.ORIGINAL
                 for metric in sorted(own_articles.minimums(group))]


@pytest.mark.parametrize(("group", "metric"), GROUP_METRICS)
def test_a_later_group_figure_is_at_least_its_pinned_minimum(group, metric):
    assert _scores(group)[metric] >= own_articles.minimums(group)[metric], (group, metric, _scores(group)[metric])


def test_every_later_group_is_pinned_and_scored_on_its_own_texts():
    for group in own_articles.groups():
        assert set(own_articles.minimums(group)) == set(_scores(group)), group
    assert not own_articles.group_files("styles") & own_articles.group_files(own_articles.ORIGINAL)
    assert own_articles.group_of()["bike-lanes"] == own_articles.ORIGINAL
