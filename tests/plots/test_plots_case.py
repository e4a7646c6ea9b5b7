"""Plots for the first look at the texts: right numbers in the alt text, palette, clear errors."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

import newstrace as nt
from newstrace import plots
from newstrace.plots.style import CYCLE


@pytest.fixture(scope="module")
def sizes() -> pd.DataFrame:
    """Return the case table with story-only counts added."""
    table = nt.articles()
    cleaned = {name: nt.clean(text) for name, text in table["text"].items()}
    table["story_words"] = [len(cleaned[name].text.split()) for name in table.index]
    table["story_paragraphs"] = [len(cleaned[name].paragraphs) for name in table.index]
    return table


def test_text_sizes_alt_text_states_every_count(sizes: pd.DataFrame):
    """Check that the alt text gives each text's words and paragraphs, captured and story only"""
    chart = plots.text_sizes(sizes)
    for _, row in sizes.iterrows():
        assert f"{row['label']} has {row['words']} words in {row['paragraphs']} paragraphs" in chart.alt
        assert f"{row['story_words']} words in {row['story_paragraphs']} paragraphs of story" in chart.alt
    bars = [patch for axes in chart.figure.axes for patch in axes.patches]
    assert len(bars) == 2 * 2 * len(sizes)
    assert {str(patch.get_hatch()) for patch in bars} == {"", "//"}, "captured and story bars differ by hatch"


def test_text_sizes_without_story_columns_has_one_bar_per_text():
    """Check that a plain table (words, paragraphs) gets one bar per text and no 'story' phrase"""
    table = pd.DataFrame({"label": ["a", "b"], "words": [10, 20], "paragraphs": [1, 2]})
    chart = plots.text_sizes(table)
    assert len([p for axes in chart.figure.axes for p in axes.patches]) == 4
    assert "story" not in chart.alt and "b has 20 words in 2 paragraphs" in chart.alt


def test_text_sizes_names_missing_columns():
    """Check that a table without the needed columns is refused with their names"""
    with pytest.raises(ValueError, match=r"\['paragraphs'\]"):
        plots.text_sizes(pd.DataFrame({"label": ["a"], "words": [3]}))
    with pytest.raises(ValueError, match="empty"):
        plots.text_sizes(pd.DataFrame({"label": [], "words": [], "paragraphs": []}))


def test_removed_lines_counts_reasons_per_text(sizes: pd.DataFrame):
    """Check that removed_lines stacks one bar segment per reason and states totals in the alt text"""
    removed = {"page": pd.DataFrame({"reason": ["share", "share", "promo"]}),
               "clean": pd.DataFrame({"reason": pd.Series([], dtype=str)})}
    chart = plots.removed_lines(removed)
    assert "page: 3 lines removed (share 2, promo 1)" in chart.alt
    assert "clean: nothing removed" in chart.alt
    faces = [to_hex(patch.get_facecolor()) for patch in chart.figure.axes[0].patches]
    assert len(faces) == 2 * 2, "two reasons, a segment for each of two texts"
    assert set(faces) == {CYCLE[0].lower(), CYCLE[1].lower()}, "reasons take palette colours in order"


def test_removed_lines_on_the_case_reports_the_page_clutter(sizes: pd.DataFrame):
    """Check that on the case the full text loses 1 line and the re-report many"""
    removed = {name: nt.clean(text).removed for name, text in sizes["text"].items()}
    chart = plots.removed_lines(removed)
    assert "full-text: 1 line removed (promo 1)" in chart.alt
    assert "re-report:" in chart.alt and "sidebar" in chart.alt and "related" in chart.alt


def test_paragraph_lengths_describes_each_text():
    """Check that paragraph_lengths gives count, range and median per text, and refuses empty text"""
    chart = plots.paragraph_lengths({"a": "one two three\n\nfour five\nsix", "b": "x y"})
    assert "a: 3 paragraphs, 1 to 3 words each, median 2" in chart.alt
    assert "b: 1 paragraphs" in chart.alt or "b: 1 paragraph" in chart.alt
    with pytest.raises(ValueError, match="'empty'"):
        plots.paragraph_lengths({"empty": "  \n "})


def test_charts_are_identical_across_calls(sizes: pd.DataFrame):
    """Check that the same data gives byte-identical PNGs (deterministic outputs)"""
    assert plots.text_sizes(sizes).png() == plots.text_sizes(sizes).png()
