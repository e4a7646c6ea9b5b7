"""Syndication plots: where a copy's paragraphs come from, and how similar several texts are."""

from __future__ import annotations

import numpy as np
import pandas as pd

from newstrace.syndication.comparison import Comparison, compare
from newstrace.plots.style import MARKERS, Chart, colour, new_figure

STATUS_ORDER = ("same", "edited", "duplicate", "missing", "added")


def status_colour(status: str) -> str:
    """Return the palette colour of an alignment status."""
    return colour(STATUS_ORDER.index(status))


def status_marker(status: str) -> str:
    """Return the marker of an alignment status, so colour is never the only cue."""
    return MARKERS[STATUS_ORDER.index(status)]


def _paragraph_points(alignment: pd.DataFrame, side: str) -> dict[int, str]:
    """Return each paragraph of one side with its status (edited wins over same)."""
    points: dict[int, str] = {}
    for row in alignment.dropna(subset=[side]).itertuples():
        index = int(getattr(row, side))
        if points.get(index) not in ("edited", "duplicate"):
            points[index] = row.status
    return points


def _alignment_alt(comparison: Comparison, names: tuple[str, str]) -> str:
    """Return the alt text of the alignment map."""
    counts = comparison.counts()
    linked = comparison.alignment.dropna(subset=["original_para", "copy_para"])
    spans = (f"the copy's paragraphs come from original paragraphs "
             f"{int(linked['original_para'].min())} to {int(linked['original_para'].max())}"
             if len(linked) else "no copy paragraph comes from the original")
    return (f"Alignment map of {names[1]} ({len(comparison.copy.paragraphs)} paragraphs) against "
            f"{names[0]} ({len(comparison.original.paragraphs)} paragraphs), relation "
            f"{comparison.relation}, score {comparison.score:.2f}: "
            + ", ".join(f"{n} {status}" for status, n in counts.items()) + f"; {spans}.")


def _side_label(name: str, role: str) -> str:
    """Return an axis label naming a text and, when the name does not already say it, its role."""
    return name if name == role else f"{name}\n({role})"


def alignment_map(comparison: Comparison, names: tuple[str, str] = ("original", "copy")) -> Chart:
    """Return a dot-and-ribbon map linking each copy paragraph to its original, coloured by status."""
    figure, axes = new_figure()
    for row in comparison.alignment.dropna(subset=["original_para", "copy_para"]).itertuples():
        axes.plot([0, 1], [row.original_para, row.copy_para], color=status_colour(row.status),
                  alpha=0.6, linewidth=1.5, linestyle="-" if row.status == "same" else "--")
    for x, side in ((0, "original_para"), (1, "copy_para")):
        points = _paragraph_points(comparison.alignment, side)
        for status in STATUS_ORDER:
            ys = [index for index, value in points.items() if value == status]
            if ys:
                axes.scatter([x] * len(ys), ys, color=status_colour(status), marker=status_marker(status),
                             s=28, zorder=3, label=status if x == 0 or status == "added" else None)
    axes.set_xticks([0, 1], [_side_label(names[0], "original"), _side_label(names[1], "copy")])
    axes.set_xlim(-0.4, 1.4)
    axes.invert_yaxis()
    axes.set_ylabel("paragraph (0-based, cleaned)")
    axes.set_title(f"Where the copy's paragraphs come from: {comparison.relation}")
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    axes.legend(unique.values(), unique.keys(), loc="center left", bbox_to_anchor=(1.0, 0.5))
    axes.grid(False)
    return Chart(figure, _alignment_alt(comparison, names))


def score_matrix(texts: dict[str, str]) -> pd.DataFrame:
    """Return compare(row, column).score for every ordered pair of texts (1 on the diagonal)."""
    names = list(texts)
    matrix = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for original in names:
        for copy in names:
            if original != copy:
                matrix.loc[original, copy] = compare(texts[original], texts[copy]).score
    return matrix


def _matrix_alt(matrix: pd.DataFrame) -> str:
    """Return the alt text of the similarity matrix, naming the strongest pairs."""
    pairs = [(matrix.loc[a, b], a, b) for a in matrix.index for b in matrix.columns if a != b]
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    shown = "; ".join(f"{b} from {a}: {value:.2f}" for value, a, b in pairs[:6])
    return (f"Similarity matrix of {len(matrix)} texts: share of each column text's words derived "
            f"from each row text, from 0 to 1. Highest pairs: {shown or 'none'}.")


def similarity_matrix(texts: dict[str, str] | pd.DataFrame) -> Chart:
    """Return a heat map of compare() scores for several texts (row = original, column = copy)."""
    matrix = texts if isinstance(texts, pd.DataFrame) else score_matrix(texts)
    size = 2.2 + 0.9 * len(matrix)
    figure, axes = new_figure()
    figure.set_size_inches(size + 1.5, size)
    image = axes.imshow(matrix.to_numpy(dtype=float), cmap="cividis", vmin=0, vmax=1)
    for (row, column), value in np.ndenumerate(matrix.to_numpy(dtype=float)):
        axes.text(column, row, f"{value:.2f}", ha="center", va="center",
                  color="black" if value > 0.6 else "white", fontsize=10)
    axes.set_xticks(range(len(matrix)), matrix.columns, rotation=30, ha="right")
    axes.set_yticks(range(len(matrix)), matrix.index)
    axes.set_xlabel("copy")
    axes.set_ylabel("original")
    axes.grid(False)
    axes.set_title("How much of each copy derives from each original")
    figure.colorbar(image, ax=axes, label="score")
    return Chart(figure, _matrix_alt(matrix))
