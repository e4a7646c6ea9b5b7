"""The shared plot style: colours told apart under colour blindness, palette-only charts, alt text, deterministic images."""

from __future__ import annotations

import pytest

import itertools

import matplotlib
import numpy as np
import pandas as pd
from colorspacious import cspace_convert, deltaE
from matplotlib.colors import to_hex, to_rgb, to_rgba

import newstrace as nt
from newstrace import plots
from newstrace.plots.style import CYCLE, PALETTE, Chart, colour, describe_counts, hatch, new_figure

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")
"""Colour-vision deficiencies simulated at full severity (Machado et al. 2009, via colorspacious)."""
MIN_DISTANCE = 10.0
"""Smallest CAM02-UCS colour difference between two category colours: clearly told apart on a plot."""
SAFE_COLOUR_MAPS = {"cividis", "viridis"}
"""Continuous colour maps made to read the same under colour-vision deficiencies."""


def _bar_chart(alt: str) -> Chart:
    """Return a small bar chart with the given alt text."""
    figure, axes = new_figure()
    axes.bar(["a", "b"], [1, 2], color=[colour(0), colour(1)], hatch=hatch(1))
    return Chart(figure, alt)


def seen_as(colour_: str, deficiency: str | None) -> np.ndarray:
    """Return a colour as sRGB (0 to 1) as seen with a colour-vision deficiency (None: typical vision)."""
    rgb = np.array(to_rgb(colour_))
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def confusable_pairs(colours: list[str]) -> list[tuple[str, str, str, float]]:
    """Return (deficiency, colour, colour, distance) for each pair closer than MIN_DISTANCE."""
    found = []
    for deficiency in (None, *DEFICIENCIES):
        for first, second in itertools.combinations(colours, 2):
            distance = float(deltaE(seen_as(first, deficiency), seen_as(second, deficiency), input_space="sRGB1"))
            if distance < MIN_DISTANCE:
                found.append((deficiency or "typical vision", first, second, round(distance, 1)))
    return found


def test_category_colours_stay_distinguishable_under_colour_blindness():
    """Every pair of category colours differs clearly with typical vision and with each deficiency."""
    assert set(CYCLE) <= set(PALETTE.values())
    assert not confusable_pairs(CYCLE)


def test_the_distinguishability_check_catches_a_red_green_palette():
    """The check above fails for matplotlib's default categories (red and green merge for deuteranopes)."""
    default = [to_hex(rgb) for rgb in matplotlib.colormaps["tab10"].colors]
    found = confusable_pairs(default)
    assert ("deuteranomaly", "#2ca02c", "#d62728") in {(d, *sorted((a, b))) for d, a, b, _ in found}


def test_categories_cycle_and_never_rely_on_colour_alone():
    """Past the last colour the cycle starts again, and hatches tell neighbouring categories apart."""
    assert colour(0) == colour(len(CYCLE)) and colour(1) != colour(0)
    assert len({hatch(index) for index in range(len(CYCLE))}) == len(CYCLE)


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


def data_colours(chart: Chart) -> set[str]:
    """Return the colours of a chart's data (bars, lines, markers), as lower-case hex, transparent ones left out."""
    found = []
    for axes in chart.figure.axes:
        found += [colour_ for patch in axes.patches for colour_ in (patch.get_facecolor(), patch.get_edgecolor())]
        found += [to_rgba(line.get_color()) for line in axes.lines]
        for collection in axes.collections:
            if collection.get_array() is None:  # mapped collections are judged by their colour map
                found += [*collection.get_facecolors(), *collection.get_edgecolors()]
    return {to_hex(rgba) for rgba in found if rgba[3] > 0}


def colour_maps(chart: Chart) -> set[str]:
    """Return the names of the colour maps a chart's images and mapped collections use."""
    mapped = [artist for axes in chart.figure.axes for artist in (*axes.images, *axes.collections)
              if artist.get_array() is not None]
    return {artist.get_cmap().name for artist in mapped}


@pytest.fixture(scope="module")
def case_charts(full_text: str, short_copy: str, re_report: str) -> dict[str, Chart]:
    """Return every kind of newstrace chart, drawn from the case."""
    texts = {"full-text": full_text, "short-copy": short_copy, "re-report": re_report}
    table = nt.articles()
    scores = pd.DataFrame({"score": [0.9, 0.8, 0.2, 0.1], "known_copy": [True, True, False, False]})
    return {
        "text_sizes": plots.text_sizes(table),
        "removed_lines": plots.removed_lines({name: nt.clean(text).removed for name, text in texts.items()}),
        "paragraph_lengths": plots.paragraph_lengths(texts),
        "threshold_strip": plots.threshold_strip(scores, 0.5, "containment", 5),
        "source_mix": plots.source_mix(nt.sources(full_text)),
        "words_quoted": plots.words_quoted(nt.sources(full_text)),
        "alignment_map": plots.alignment_map(nt.compare(full_text, short_copy)),
        "similarity_matrix": plots.similarity_matrix(pd.DataFrame(np.eye(2), index=["a", "b"], columns=["a", "b"])),
    }


def test_every_chart_draws_its_data_in_palette_colours_only(case_charts: dict[str, Chart]):
    """Bars, lines and markers of every chart take palette colours; colour maps are colour-blind safe."""
    palette = {value.lower() for value in PALETTE.values()}
    for name, chart in case_charts.items():
        assert data_colours(chart) <= palette, (name, sorted(data_colours(chart) - palette))
        assert colour_maps(chart) <= SAFE_COLOUR_MAPS, (name, colour_maps(chart))
    assert len(set().union(*map(data_colours, case_charts.values()))) >= 4, "the charts do draw in colour"


def test_the_palette_check_sees_a_colour_from_outside_the_palette():
    """A bar drawn in matplotlib's default red is reported by data_colours."""
    figure, axes = new_figure()
    axes.bar(["a"], [1], color="#d62728")
    assert "#d62728" in data_colours(Chart(figure, "Bar chart of one made-up value in red"))
