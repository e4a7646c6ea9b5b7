"""Plots for sourcing: the mix of source types in a story, and how many words each speaker is quoted."""

from __future__ import annotations

import pandas as pd

from newstrace.plots.style import Chart, colour, describe_counts, hatch, new_figure
from newstrace.sourcing.source_types import SOURCE_TYPES


def _check_columns(table: pd.DataFrame, columns: list[str], what: str) -> None:
    """Raise ValueError naming the columns a plot needs that the table lacks."""
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} needs a DataFrame such as nt.sources(text), got {type(table).__name__}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(f"{what} needs the columns {missing}; the table has {list(table.columns)}")


def source_mix(table: pd.DataFrame, title: str = "Who does the story rely on?") -> Chart:
    """Return a horizontal bar chart of sources per type (from nt.sources), every type shown."""
    _check_columns(table, ["type"], "source_mix")
    counts = table["type"].value_counts()
    types = list(SOURCE_TYPES) + sorted(set(counts.index) - set(SOURCE_TYPES))
    values = [int(counts.get(kind, 0)) for kind in types]
    figure, axes = new_figure()
    for index, (_kind, value) in enumerate(zip(types, values)):
        bars = axes.barh(index, value, color=colour(index), hatch=hatch(index), edgecolor="black",
                         linewidth=0.6)
        axes.bar_label(bars, fmt="%d", padding=3, fontsize=10)
    axes.set_yticks(range(len(types)), types)
    axes.invert_yaxis()
    axes.set_xlabel("number of sources")
    axes.set_title(title)
    axes.margins(x=0.12)
    return Chart(figure, _mix_alt(dict(zip(types, values)), title))


def _mix_alt(counts: dict[str, int], title: str) -> str:
    """Return the alt text for source_mix: the count for every type."""
    total = sum(counts.values())
    if total == 0:
        return f"Bar chart '{title}': no sources were found, so every type has 0 sources."
    parts = "; ".join(describe_counts({k: v for k, v in counts.items() if v}, "sources"))
    empty = [kind for kind, value in counts.items() if not value]
    tail = f" No sources of type: {', '.join(empty)}." if empty else ""
    return f"Bar chart '{title}' of {total} sources by type. {parts}.{tail}"


def words_quoted(table: pd.DataFrame, title: str = "Words quoted per speaker", top: int = 12) -> Chart:
    """Return a bar chart of words quoted per source (nt.sources) or per speaker (nt.extract_quotes)."""
    counts = _quoted_counts(table)
    shown = counts.head(top)
    figure, axes = new_figure()
    for index, (_speaker, value) in enumerate(shown.items()):
        bars = axes.barh(index, value, color=colour(index), hatch=hatch(index), edgecolor="black",
                         linewidth=0.6)
        axes.bar_label(bars, fmt="%d", padding=3, fontsize=10)
    axes.set_yticks(range(len(shown)), [str(name) for name in shown.index])
    axes.invert_yaxis()
    axes.set_xlabel("words inside quotation marks")
    axes.set_title(title)
    axes.margins(x=0.12)
    return Chart(figure, _quoted_alt(shown, counts, title))


def _quoted_counts(table: pd.DataFrame) -> pd.Series:
    """Return words quoted per speaker, largest first, from a sources or a quotes table."""
    if isinstance(table, pd.DataFrame) and "words_quoted" in table.columns:
        _check_columns(table, ["source", "words_quoted"], "words_quoted")
        counts = table.set_index("source")["words_quoted"].astype(int)
    else:
        _check_columns(table, ["quote", "speaker", "kind"], "words_quoted")
        speech = table[table["kind"].isin(["direct", "partial"])]
        speakers = speech["speaker"].where(speech["speaker"].notna(), "(unattributed)")
        counts = speech["quote"].str.split().str.len().groupby(speakers).sum().astype(int)
    counts = counts[counts > 0]
    return counts.groupby(level=0).sum().sort_values(ascending=False, kind="stable")


def _quoted_alt(shown: pd.Series, counts: pd.Series, title: str) -> str:
    """Return the alt text for words_quoted: words per speaker shown, and any left out."""
    if counts.empty:
        return f"Bar chart '{title}': nobody is quoted, so there are no bars."
    parts = "; ".join(describe_counts({str(k): int(v) for k, v in shown.items()}, "words"))
    rest = len(counts) - len(shown)
    tail = f" {rest} more speakers with fewer words are not shown." if rest else ""
    return (f"Bar chart '{title}': {int(counts.sum())} quoted words from {len(counts)} speakers. "
            f"{parts}.{tail}")
