"""Plots for the threshold lab: how pair similarities fall either side of a copy threshold."""

from __future__ import annotations

import pandas as pd

from newstrace.plots.style import PALETTE, Chart, colour, new_figure

GROUPS = ((True, "known copies", "o"), (False, "not copies", "s"))


def _rate(numerator: int, denominator: int) -> str:
    """Return numerator/denominator to two decimals, or 'undefined' when the denominator is 0."""
    return f"{numerator / denominator:.2f}" if denominator else "undefined"


def threshold_alt(scores: pd.DataFrame, threshold: float, measure: str, k: int) -> str:
    """Return alt text: how many known copies and other pairs score at or above the threshold."""
    flagged = scores["score"] >= threshold
    copies = scores["known_copy"]
    true_positives = int((flagged & copies).sum())
    return (
        f"Strip chart of {measure} for {len(scores)} text pairs with {k}-word shingles. "
        f"At threshold {threshold:.2f}, {true_positives} of {int(copies.sum())} known copy pairs "
        f"score at or above it (recall {_rate(true_positives, int(copies.sum()))}) and "
        f"{int((flagged & ~copies).sum())} of {int((~copies).sum())} other pairs do "
        f"(precision {_rate(true_positives, int(flagged.sum()))})."
    )


def threshold_strip(scores: pd.DataFrame, threshold: float, measure: str, k: int) -> Chart:
    """Return a strip chart of pair scores (known copies against others) with the threshold line."""
    figure, axes = new_figure()
    for row, (is_copy, label, marker) in enumerate(GROUPS):
        values = scores.loc[scores["known_copy"] == is_copy, "score"].sort_values()
        offsets = [(i % 5 - 2) * 0.06 for i in range(len(values))]
        axes.scatter(values, [row + offset for offset in offsets], marker=marker, s=46,
                     color=colour(row), edgecolor=PALETTE["black"], linewidth=0.5, label=label)
    axes.axvline(threshold, color=PALETTE["vermillion"], linestyle="--", linewidth=2,
                 label=f"threshold {threshold:.2f}")
    axes.set_yticks([0, 1], [label for _, label, _ in GROUPS])
    axes.set_ylim(-0.5, 1.5)
    axes.set_xlim(-0.02, 1.02)
    axes.set_xlabel(f"{measure} of {k}-word shingles")
    axes.set_title("Pairs at or right of the dashed line are flagged as copies")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3)
    return Chart(figure, threshold_alt(scores, threshold, measure, k))
