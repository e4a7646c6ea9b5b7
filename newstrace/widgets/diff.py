"""Diff viewer: two texts side by side, one aligned paragraph group at a time, edits highlighted.

Paragraphs are aligned and edits classified by `newstrace.syndication.comparison` (house style against content);
the highlighting is a word-level diff (rapidfuzz Indel opcodes) of the aligned paragraphs.
Deleted words are struck through (<del>, orange background) and inserted words underlined
(<ins>, blue background): Okabe-Ito colours, and never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from rapidfuzz.distance import Indel

from newstrace.syndication.comparison import compare
from newstrace.data import articles
from newstrace.widgets._base import STYLE, StaticFallback, escape, excerpt


@dataclass(frozen=True)
class ParagraphPair:
    """An aligned group: paragraph indexes (0-based, cleaned), texts, percent alike word by word, edits."""

    left_indexes: tuple[int, ...]
    right_indexes: tuple[int, ...]
    left: str
    right: str
    similarity: int
    status: str
    edits: tuple[tuple[str, str, str, str], ...] = ()

    def label(self) -> str:
        """Return the dropdown label: paragraph numbers, status, similarity and the start of the copy."""
        return (f"{_numbers(self.left_indexes)} ↔ {_numbers(self.right_indexes)} {self.status} "
                f"({self.similarity}% alike): {excerpt(self.right, 40)}")


def _numbers(indexes: tuple[int, ...]) -> str:
    """Return 1-based paragraph numbers as '¶3' or '¶3, 5'."""
    return "¶" + ", ".join(str(index + 1) for index in indexes)


def percent_alike(left: str, right: str) -> int:
    """Return how alike two texts are, word by word, as a whole percent (100 only when identical)."""
    similarity = 100 * Indel.normalized_similarity(left.split(), right.split())
    return 100 if similarity == 100 else min(99, int(similarity))


def _side(rows: pd.DataFrame, index: str, text: str) -> tuple[tuple[int, ...], str]:
    """Return the distinct paragraph indexes of one side of a group and their texts joined."""
    first = rows.drop_duplicates(subset=[index]).sort_values(index)
    return tuple(int(i) for i in first[index]), "\n".join(first[text])


def aligned_pairs(original: str, copy: str) -> list[ParagraphPair]:
    """Return the aligned paragraph groups of copy against original, in copy order, with edits."""
    comparison = compare(original, copy)
    table = comparison.alignment.dropna(subset=["original_para", "copy_para"])
    edits = comparison.edits
    pairs = []
    for _, rows in table.groupby("group", sort=False):
        left_indexes, left = _side(rows, "original_para", "original_text")
        right_indexes, right = _side(rows, "copy_para", "copy_text")
        own = edits[edits["original_para"].isin(left_indexes) & edits["copy_para"].isin(right_indexes)]
        pairs.append(ParagraphPair(
            left_indexes, right_indexes, left, right, percent_alike(left, right),
            str(rows["status"].iloc[0]),
            tuple(own[["category", "kind", "before", "after"]].fillna("").astype(str).itertuples(index=False,
                                                                                     name=None)),
        ))
    return sorted(pairs, key=lambda pair: pair.right_indexes)


def word_diff(left: str, right: str) -> tuple[str, str, int, int]:
    """Return (left HTML, right HTML, words deleted, words inserted) for a word-level diff."""
    old, new = left.split(), right.split()
    left_html, right_html, deleted, inserted = [], [], 0, 0
    for tag, i1, i2, j1, j2 in Indel.opcodes(old, new).as_list():
        if tag == "equal":
            left_html.append(escape(" ".join(old[i1:i2])))
            right_html.append(escape(" ".join(new[j1:j2])))
            continue
        if i2 > i1:
            left_html.append(f'<del title="deleted">{escape(" ".join(old[i1:i2]))}</del>')
            deleted += i2 - i1
        if j2 > j1:
            right_html.append(f'<ins title="inserted">{escape(" ".join(new[j1:j2]))}</ins>')
            inserted += j2 - j1
    return " ".join(left_html), " ".join(right_html), deleted, inserted


def edits_html(pair: ParagraphPair) -> str:
    """Return the classified edits of a pair as an HTML list: house style or content, and what changed."""
    if not pair.edits:
        return ""
    items = "".join(
        f"<li><strong>{escape(category)}</strong> ({escape(kind)}): "
        f"{'“' + escape(before) + '”' if before else 'nothing'} → "
        f"{'“' + escape(after) + '”' if after else 'nothing'}</li>"
        for category, kind, before, after in pair.edits
    )
    return (f'<div class="nt-edits"><p>Edits found by <code>nt.compare</code>: house style changes '
            f"how words are written; content changes what the text says.</p><ul>{items}</ul></div>")


def side_by_side(pair: ParagraphPair, left_name: str, right_name: str) -> str:
    """Return the HTML table showing a paragraph pair side by side with its edits marked and listed."""
    left_html, right_html, deleted, inserted = word_diff(pair.left, pair.right)
    summary = (f"{deleted} word{'s' * (deleted != 1)} deleted (struck through) and {inserted} "
               f"inserted (underlined); the paragraphs are {pair.similarity}% alike word for word.")
    if not deleted and not inserted:
        summary = "The two paragraphs are word for word the same."
    cell = 'style="vertical-align:top; width:50%; padding:6px; text-align:left"'
    return (
        f'{STYLE}<table class="nt-diff-table" style="width:100%; table-layout:fixed">'
        f"<thead><tr><th {cell}>{escape(left_name)}, {_numbers(pair.left_indexes)}</th>"
        f"<th {cell}>{escape(right_name)}, {_numbers(pair.right_indexes)}</th></tr></thead>"
        f"<tbody><tr><td {cell} class=\"nt-diff-left\">{left_html}</td>"
        f"<td {cell} class=\"nt-diff-right\">{right_html}</td></tr></tbody></table>"
        f'<p class="nt-diff-summary">{summary}</p>{edits_html(pair)}'
    )


class DiffViewer(StaticFallback, widgets.VBox):
    """Choose two texts and an aligned paragraph group; see it side by side with edits marked."""

    def __init__(self, texts: dict[str, str] | None = None, left: str | None = None,
                 right: str | None = None) -> None:
        """Build the viewer over texts ({name: text}; default the case) comparing left with right."""
        self.texts = texts if texts is not None else _case_texts()
        names = list(self.texts)
        if len(names) < 2:
            raise ValueError("the diff viewer needs at least two texts to compare: pass a dict of two or more")
        self.left = widgets.Dropdown(options=names, value=left or names[0], description="original:")
        self.right = widgets.Dropdown(options=names, value=right or names[1], description="copy:")
        self.pair = widgets.Dropdown(options=[], description="paragraphs:",
                                     layout=widgets.Layout(width="95%"))
        self.view = widgets.HTML("")
        self.feedback = widgets.HTML("")
        for widget, css in ((self.left, "nt-diff-left-choice"), (self.right, "nt-diff-right-choice"),
                            (self.pair, "nt-diff-pair"), (self.view, "nt-diff"),
                            (self.feedback, "nt-feedback")):
            widget.add_class(css)
        self.left.observe(self._texts_changed, names="value")
        self.right.observe(self._texts_changed, names="value")
        self.pair.observe(self._pair_changed, names="value")
        super().__init__([widgets.HBox([self.left, self.right]), self.pair, self.view, self.feedback])
        self.add_class("nt-exercise")
        self.add_class("nt-diff-viewer")
        self._texts_changed()

    def pairs(self) -> list[ParagraphPair]:
        """Return the aligned paragraph pairs of the two chosen texts."""
        return aligned_pairs(self.texts[self.left.value], self.texts[self.right.value])

    def _texts_changed(self, _change: object = None) -> None:
        """Re-align the chosen texts and show their first paragraph pair."""
        self._pairs = self.pairs()
        self.pair.options = [(pair.label(), number) for number, pair in enumerate(self._pairs)]
        self.pair.value = 0 if self._pairs else None
        self._pair_changed()

    def _pair_changed(self, _change: object = None) -> None:
        """Show the chosen paragraph pair side by side."""
        if not self._pairs:
            self.view.value = ""
            self.feedback.value = (f"<p>No paragraph of {escape(self.right.value)} aligns with one "
                                   f"of {escape(self.left.value)}: these texts do not share "
                                   "paragraphs.</p>")
            return
        if self.pair.value is None:
            return
        pair = self._pairs[self.pair.value]
        self.view.value = side_by_side(pair, self.left.value, self.right.value)
        self.feedback.value = (f"<p>{len(self._pairs)} paragraph groups of "
                               f"{escape(self.right.value)} have a version in "
                               f"{escape(self.left.value)} (paragraphs numbered after page "
                               "clutter is removed).</p>")

    def static_html(self) -> str:
        """Return the current pair as static HTML, for exports where no kernel runs."""
        return f'<div class="nt-static nt-diff-viewer">{self.view.value}{self.feedback.value}</div>'



def _case_texts() -> dict[str, str]:
    """Return the case texts keyed by catalogue id."""
    table: pd.DataFrame = articles()
    return dict(zip(table["id"], table["text"]))
