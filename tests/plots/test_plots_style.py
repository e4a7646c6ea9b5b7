"""The shared plot style: the Okabe-Ito palette, required alt text and deterministic images."""

from __future__ import annotations

import pytest

from newstrace.plots.style import CYCLE, PALETTE, Chart, colour, describe_counts, hatch, new_figure


def _bar_chart(alt: str) -> Chart:
    """Return a small bar chart with the given alt text."""
    figure, axes = new_figure()
    axes.bar(["a", "b"], [1, 2], color=[colour(0), colour(1)], hatch=hatch(1))
    return Chart(figure, alt)


def test_palette_is_okabe_ito_and_categories_never_rely_on_colour_alone():
    assert set(CYCLE) <= set(PALETTE.values())
    assert PALETTE["vermillion"] == "#D55E00" and PALETTE["bluish green"] == "#009E73"
    assert colour(0) == colour(len(CYCLE)) and hatch(0) != hatch(1)


@pytest.mark.parametrize("alt", ["", "a chart", None])
def test_chart_refuses_missing_or_empty_alt_text(alt):
    with pytest.raises(ValueError, match="alt text"):
        _bar_chart(alt)


def test_chart_png_is_identical_every_time_and_html_carries_the_alt():
    chart = _bar_chart("Bar chart of two made-up values, b twice a")
    assert chart.png() == _bar_chart("Bar chart of two made-up values, b twice a").png()
    assert chart.png().startswith(b"\x89PNG")
    html = chart._repr_html_()
    assert 'alt="Bar chart of two made-up values, b twice a"' in html and "<figcaption" in html
    assert repr(chart) == "Chart: Bar chart of two made-up values, b twice a"


def test_chart_alt_text_is_escaped_in_html():
    chart = _bar_chart('Bar chart of "quoted" <values> & more')
    assert 'alt="Bar chart of &quot;quoted&quot; &lt;values&gt; &amp; more"' in chart._repr_html_()


def test_chart_save_writes_png_and_alt_text(tmp_path):
    path = tmp_path / "chart.png"
    _bar_chart("Bar chart of two made-up values, b twice a").save(str(path))
    assert path.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "chart.png.alt.txt").read_text() == "Bar chart of two made-up values, b twice a\n"


def test_describe_counts_orders_largest_first_and_agrees_in_number():
    phrases = list(describe_counts({"expert": 1, "anonymous": 15, "named": 2.5}, "sources"))
    assert phrases == ["anonymous: 15 sources", "named: 2.5 sources", "expert: 1 source"]
