"""Plots for a first look at the texts: how long each is, and what cleaning took out of each."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from newstrace.plots.style import Chart, colour, hatch, new_figure


def _plural(count: int, noun: str) -> str:
    """Return '1 line' or '3 lines'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _check_columns(table: pd.DataFrame, columns: list[str], what: str) -> None:
    """Raise ValueError naming the columns a plot needs that the table lacks."""
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(f"{what} needs the columns {missing}; the table has {list(table.columns)}")


def text_sizes(table: pd.DataFrame, label: str = "label") -> Chart:
    """Return a two-panel bar chart of words and paragraphs per text (columns words, paragraphs).

    If the table also has story_words and story_paragraphs (counts after cleaning), each text gets a
    second, hatched bar for them.
    """
    _check_columns(table, [label, "words", "paragraphs"], "text_sizes")
    if table.empty:
        raise ValueError("text_sizes needs at least one text; the table is empty")
    cleaned = {"story_words", "story_paragraphs"} <= set(table.columns)
    figure, (left, right) = new_figure(ncols=2)
    names = [str(name) for name in table[label]]
    positions = np.arange(len(names))
    width = 0.38 if cleaned else 0.6
    for axes, measure in ((left, "words"), (right, "paragraphs")):
        series = [(measure, "as captured")] + ([(f"story_{measure}", "story only")] if cleaned else [])
        for index, (column, legend) in enumerate(series):
            offset = (index - (len(series) - 1) / 2) * width
            bars = axes.bar(positions + offset, table[column], width, label=legend,
                            color=colour(index), hatch=hatch(index), edgecolor="black", linewidth=0.6)
            axes.bar_label(bars, fmt="%d", fontsize=9)
        axes.set_xticks(positions, names, rotation=15, ha="right")
        axes.set_title(f"{measure.capitalize()} per text")
        axes.set_ylabel(measure)
        axes.margins(y=0.15)
    if cleaned:
        left.legend(loc="upper right")
    figure.suptitle("How long is each text?")
    return Chart(figure, _text_sizes_alt(table, label, cleaned))


def _text_sizes_alt(table: pd.DataFrame, label: str, cleaned: bool) -> str:
    """Return the alt text for text_sizes: every bar's value in words."""
    parts = []
    for _, row in table.iterrows():
        part = f"{row[label]} has {int(row['words'])} words in {int(row['paragraphs'])} paragraphs"
        if cleaned:
            part += (f" as captured, and {int(row['story_words'])} words in "
                     f"{int(row['story_paragraphs'])} paragraphs of story")
        parts.append(part)
    return "Bar charts of the length of each text: " + "; ".join(parts) + "."


def removed_lines(removed: Mapping[str, pd.DataFrame]) -> Chart:
    """Return a stacked horizontal bar chart: for each text, how many lines cleaning removed, by reason.

    `removed` maps a text's name to its Cleaned.removed table (one row per removed line, with a
    `reason` column).
    """
    if not removed:
        raise ValueError("removed_lines needs at least one text; the mapping is empty")
    for name, table in removed.items():
        _check_columns(table, ["reason"], f"removed_lines (text {name!r})")
    counts = pd.DataFrame({name: table["reason"].value_counts() for name, table in removed.items()})
    counts = counts.fillna(0).astype(int).T
    reasons = sorted(counts.columns, key=lambda reason: (-counts[reason].sum(), reason))
    figure, axes = new_figure()
    names = list(counts.index)
    left = np.zeros(len(names))
    for index, reason in enumerate(reasons):
        axes.barh(names, counts[reason], left=left, label=reason, color=colour(index),
                  hatch=hatch(index), edgecolor="black", linewidth=0.6)
        left += counts[reason].to_numpy()
    for position, total in enumerate(left):
        axes.text(total + 0.2, position, f"{int(total)}", va="center", fontsize=10)
    axes.invert_yaxis()
    axes.set_xlabel("lines removed")
    axes.set_title("What cleaning removed from each text")
    axes.margins(x=0.1)
    if reasons:
        axes.legend(title="reason", loc="upper left", bbox_to_anchor=(1.01, 1))
    return Chart(figure, _removed_alt(counts, reasons))


def _removed_alt(counts: pd.DataFrame, reasons: list[str]) -> str:
    """Return the alt text for removed_lines: each text's total and its reasons."""
    parts = []
    for name, row in counts.iterrows():
        total = int(row.sum())
        if total == 0:
            parts.append(f"{name}: nothing removed")
            continue
        detail = ", ".join(f"{reason} {int(row[reason])}" for reason in reasons if row[reason])
        parts.append(f"{name}: {_plural(total, 'line')} removed ({detail})")
    return "Stacked bar chart of the lines cleaning removed from each text, by reason. " + \
        "; ".join(parts) + "."


def paragraph_lengths(texts: Mapping[str, str]) -> Chart:
    """Return a step chart of words per paragraph, in reading order, one line per text."""
    if not texts:
        raise ValueError("paragraph_lengths needs at least one text; the mapping is empty")
    figure, axes = new_figure()
    parts = []
    for index, (name, text) in enumerate(texts.items()):
        lengths = [len(line.split()) for line in text.splitlines() if line.strip()]
        if not lengths:
            raise ValueError(f"text {name!r} has no paragraphs to plot")
        axes.step(range(1, len(lengths) + 1), lengths, where="mid", label=name, color=colour(index),
                  linestyle=("-", "--", ":", "-.")[index % 4], linewidth=1.8)
        parts.append(f"{name}: {len(lengths)} paragraphs, {min(lengths)} to {max(lengths)} words "
                     f"each, median {int(np.median(lengths))}")
    axes.set_xlabel("paragraph number (reading order)")
    axes.set_ylabel("words in paragraph")
    axes.set_title("Words per paragraph")
    axes.legend()
    return Chart(figure, "Step chart of words per paragraph in reading order. " + "; ".join(parts) + ".")
