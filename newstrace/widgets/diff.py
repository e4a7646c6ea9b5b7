"""Diff viewer: two texts side by side, one aligned paragraph pair at a time, edits highlighted.

Deleted words are struck through (<del>, orange background) and inserted words underlined
(<ins>, blue background): Okabe-Ito colours, and never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from newstrace.loading import articles
from newstrace.widgets._base import STYLE, StaticFallback, escape, excerpt

MIN_SIMILARITY = 50.0
"""Lowest rapidfuzz ratio (0-100) for two paragraphs to count as versions of each other."""


@dataclass(frozen=True)
class ParagraphPair:
    """Two aligned paragraphs: their indexes among story paragraphs, texts and similarity (0-100)."""

    left_index: int
    right_index: int
    left: str
    right: str
    similarity: float

    def label(self) -> str:
        """Return the dropdown label: paragraph numbers, similarity and the start of the text."""
        return (f"¶{self.left_index + 1} ↔ ¶{self.right_index + 1} "
                f"({self.similarity:.0f}% alike): {excerpt(self.right, 40)}")


def story_paragraphs(text: str) -> list[str]:
    """Return the story paragraphs of a text: nt.clean's when available, else its non-blank lines."""
    try:
        from newstrace.clean import clean
    except ImportError:
        return [line.strip() for line in text.split("\n") if line.strip()]
    return list(clean(text).paragraphs)


def align_paragraphs(left: list[str], right: list[str],
                     min_similarity: float = MIN_SIMILARITY) -> list[ParagraphPair]:
    """Return, for each right paragraph, its most similar left paragraph if similar enough."""
    pairs = []
    for right_index, paragraph in enumerate(right):
        best = process.extractOne(paragraph, left, scorer=fuzz.ratio, score_cutoff=min_similarity)
        if best is not None:
            _, score, left_index = best
            pairs.append(ParagraphPair(left_index, right_index, left[left_index], paragraph, score))
    return pairs


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


def side_by_side(pair: ParagraphPair, left_name: str, right_name: str) -> str:
    """Return the HTML table showing a paragraph pair side by side with its edits marked."""
    left_html, right_html, deleted, inserted = word_diff(pair.left, pair.right)
    summary = (f"{deleted} word{'s' * (deleted != 1)} deleted (struck through) and {inserted} "
               f"inserted (underlined); the paragraphs are {pair.similarity:.0f}% alike.")
    if not deleted and not inserted:
        summary = "The two paragraphs are word for word the same."
    cell = 'style="vertical-align:top; width:50%; padding:6px; text-align:left"'
    return (
        f'{STYLE}<table class="nt-diff-table" style="width:100%; table-layout:fixed">'
        f"<thead><tr><th {cell}>{escape(left_name)}, ¶{pair.left_index + 1}</th>"
        f"<th {cell}>{escape(right_name)}, ¶{pair.right_index + 1}</th></tr></thead>"
        f"<tbody><tr><td {cell} class=\"nt-diff-left\">{left_html}</td>"
        f"<td {cell} class=\"nt-diff-right\">{right_html}</td></tr></tbody></table>"
        f'<p class="nt-diff-summary">{summary}</p>'
    )


class DiffViewer(StaticFallback, widgets.VBox):
    """Choose two texts and an aligned paragraph pair; see the pair side by side with edits marked."""

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
        return align_paragraphs(story_paragraphs(self.texts[self.left.value]),
                                story_paragraphs(self.texts[self.right.value]))

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
            self.feedback.value = (f"<p>No paragraph of {escape(self.right.value)} is at least "
                                   f"{MIN_SIMILARITY:.0f}% alike to one of {escape(self.left.value)}: "
                                   "these texts do not share paragraphs.</p>")
            return
        if self.pair.value is None:
            return
        pair = self._pairs[self.pair.value]
        self.view.value = side_by_side(pair, self.left.value, self.right.value)
        self.feedback.value = (f"<p>{len(self._pairs)} paragraphs of {escape(self.right.value)} "
                               f"have a version in {escape(self.left.value)}.</p>")

    def static_html(self) -> str:
        """Return the current pair as static HTML, for exports where no kernel runs."""
        return f'<div class="nt-static nt-diff-viewer">{self.view.value}{self.feedback.value}</div>'



def _case_texts() -> dict[str, str]:
    """Return the case texts keyed by catalogue id."""
    table: pd.DataFrame = articles()
    return dict(zip(table["id"], table["text"]))
