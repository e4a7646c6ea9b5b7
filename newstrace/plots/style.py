"""The one place that sets the look of every newstrace plot: palette, fonts, sizes and alt text."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass

import matplotlib
from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
# deficiencies and in greyscale when paired with the markers and hatches below.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
}
CYCLE = [PALETTE[name] for name in ("blue", "orange", "bluish green", "vermillion",
                                    "reddish purple", "sky blue", "yellow", "black")]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "legend.frameon": False,
    "svg.hashsalt": "newstrace",
}


def colour(index: int) -> str:
    """Return the palette colour for the index-th category, cycling."""
    return CYCLE[index % len(CYCLE)]


def hatch(index: int) -> str:
    """Return the hatch pattern for the index-th category, so colours are never the only cue."""
    return HATCHES[index % len(HATCHES)]


def new_figure(**subplot_kwargs) -> tuple[Figure, object]:
    """Return a styled (figure, axes) pair not registered with pyplot, so it never shows twice."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=STYLE["figure.figsize"], layout="constrained")
        axes = figure.subplots(**subplot_kwargs)
    return figure, axes


@dataclass
class Chart:
    """A figure with the alt text that describes it; notebooks show it as an <img alt=...>."""

    figure: Figure
    alt: str

    def __post_init__(self) -> None:
        """Refuse a chart without a descriptive alt text."""
        if not isinstance(self.alt, str) or len(self.alt.split()) < 5:
            raise ValueError("a Chart needs alt text of at least five words describing what it shows")

    def png(self) -> bytes:
        """Return the figure as PNG bytes, identical on every run."""
        buffer = io.BytesIO()
        with matplotlib.rc_context(STYLE):
            self.figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        """Return an <figure> with the PNG, its alt text and a visible caption."""
        data = base64.b64encode(self.png()).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return (
            f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}" '
            f'style="max-width:100%"/><figcaption style="font-size:0.85em">{alt}</figcaption></figure>'
        )

    def __repr__(self) -> str:
        """Return the alt text, the plain-text form of the chart."""
        return f"Chart: {self.alt}"

    def save(self, path: str) -> None:
        """Write the figure as a PNG file and its alt text beside it as path + '.alt.txt'."""
        with open(path, "wb") as file:
            file.write(self.png())
        with open(f"{path}.alt.txt", "w", encoding="utf-8") as file:
            file.write(self.alt + "\n")


def describe_counts(counts: dict[str, float], unit: str) -> Iterator[str]:
    """Yield 'label: value unit' phrases, largest first, for alt text ('1 source', '2 sources')."""
    singular = unit[:-1] if unit.endswith("s") else unit
    for label, value in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        shown = int(value) if float(value).is_integer() else round(float(value), 2)
        yield f"{label}: {shown} {singular if shown == 1 else unit}"
