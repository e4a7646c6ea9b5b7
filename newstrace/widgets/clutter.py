"""Spot the clutter: mark each line of a page capture as story or not; key in clutter.csv.

Every line has a dropdown that starts at "— choose —": a line the student has not marked is
unanswered, never right, even when leaving it alone would match the key.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from newstrace.data import article
from newstrace.data import read_annotation
from newstrace.errors import AnnotationError
from newstrace.widgets._base import (
    RIGHT,
    UNANSWERED,
    WRONG,
    CheckedExercise,
    choice_dropdown,
    escape,
    excerpt,
    item_row,
    pick_column,
    rows_for_text,
    summary_html,
)

KEY_FILE = "clutter.csv"
STORY = "story"
ANSWERS = (("part of the story", False), ("not the story", True))
"""The choices for a line, with the value each gives: True means 'not the story' (clutter)."""
DEFAULT_STORY_REASON = "This line is not listed as clutter in the key, so it counts as part of the story."


@dataclass(frozen=True)
class LineKey:
    """The gold answer for one line: its label, whether either answer is fine, and why."""

    line: int
    text: str
    label: str
    debatable: bool
    explanation: str

    @property
    def is_clutter(self) -> bool:
        """Return True if the line is not the story."""
        return self.label != STORY


def _check_starts(rows: pd.DataFrame, lines: list[str], text_id: str) -> None:
    """Raise AnnotationError if a key row does not point at the line it describes."""
    for row in rows.itertuples():
        number = int(row.line)
        if number >= len(lines) or not lines[number].startswith(row.starts):
            raise AnnotationError(
                f"{KEY_FILE}: the row for {text_id} line {number} expects a line starting "
                f"{row.starts!r}, but the text differs there; re-read the text and fix the row"
            )


def clutter_key(text_id: str) -> list[LineKey]:
    """Return the gold label of every non-blank line of a text, from data/annotations/clutter.csv."""
    table = read_annotation(KEY_FILE, "the Spot the clutter exercise")
    for column in ("line", "label", "explanation"):
        pick_column(table, (column,), KEY_FILE)
    rows = rows_for_text(table, text_id, KEY_FILE)
    lines = article(text_id).split("\n")
    if "starts" in rows.columns:
        _check_starts(rows, lines, text_id)
    labelled = {int(row.line): row for row in rows.itertuples()}
    key = []
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        row = labelled.get(number)
        if row is None:
            key.append(LineKey(number, line, STORY, False, DEFAULT_STORY_REASON))
            continue
        debatable = str(getattr(row, "debatable", "no")).strip().lower() in {"yes", "true", "1"}
        key.append(LineKey(number, line, row.label.strip(), debatable, row.explanation))
    return key


def line_feedback(key: LineKey, marked_clutter: bool | None) -> tuple[str, str]:
    """Return (status, message) for one line: was marking it clutter (True) or story (False) right, and why."""
    if marked_clutter is None:
        return UNANSWERED, "Choose whether this line is part of the story or not."
    if key.debatable:
        return RIGHT, f"Either answer is defensible here ({escape(key.label)}). {escape(key.explanation)}"
    if key.is_clutter and marked_clutter:
        return RIGHT, f"Not the story: <em>{escape(key.label)}</em>. {escape(key.explanation)}"
    if key.is_clutter:
        return WRONG, (f"This line is not the story: <em>{escape(key.label)}</em>. "
                       f"{escape(key.explanation)}")
    if marked_clutter:
        return WRONG, f"This line is part of the story, so keep it. {escape(key.explanation)}"
    return RIGHT, f"Part of the story. {escape(key.explanation)}"


class SpotTheClutter(CheckedExercise):
    """Mark each line of a page capture as story or not, then check: feedback per line."""

    css_name = "spot-the-clutter"

    def __init__(self, text_id: str = "re-report") -> None:
        """Build one story-or-not dropdown per non-blank line of the text, with the key from clutter.csv."""
        self.text_id = text_id
        self.key = clutter_key(text_id)
        self.choices: list[widgets.Dropdown] = []
        super().__init__(
            "Spot the clutter",
            f"These are the lines of the page capture '{text_id}'. For each line, choose whether "
            "it is part of the story or not (page furniture, repeats, captions, links to other "
            "stories), then press the button to see why each line is or is not the story.",
            self.key,
        )

    def _add_row(self, number: int, line_key: LineKey) -> widgets.VBox:
        """Return the row for one line: its text, a story / not the story dropdown, its feedback."""
        choice = choice_dropdown(ANSWERS, "this line:")
        choice.add_class("nt-answer")
        row, feedback = item_row(number, line_key.text, [choice])
        self.choices.append(choice)
        self.item_feedback.append(feedback)
        return row

    def answers(self) -> list[bool | None]:
        """Return the student's answer per line: True not the story, False story, None not answered."""
        return [choice.value for choice in self.choices]

    def check(self) -> list[str]:
        """Show feedback for every line and the score; return the status of each line."""
        answers = self.answers()
        statuses = self.show_verdicts(
            line_feedback(line_key, answer) for line_key, answer in zip(self.key, answers)
        )
        missed = [str(number) for number, (line_key, answer) in enumerate(zip(self.key, answers), 1)
                  if line_key.is_clutter and not line_key.debatable and answer is False]
        kept = [str(number) for number, (line_key, answer) in enumerate(zip(self.key, answers), 1)
                if not line_key.is_clutter and not line_key.debatable and answer is True]
        details = []
        if missed:
            details.append(f"Clutter you kept as story: lines {', '.join(missed)}.")
        if kept:
            details.append(f"Story lines you marked as clutter: lines {', '.join(kept)}.")
        self.feedback.value = summary_html(statuses, "line") + "".join(
            f"<p>{detail}</p>" for detail in details)
        return statuses

    def static_items(self) -> list[str]:
        """Return the lines, shortened, for the static fallback."""
        return [excerpt(line_key.text, 120) for line_key in self.key]

    def static_choices(self) -> str:
        """Return the two answers a line can get, shown apart from the lines."""
        return " or ".join(label for label, _ in ANSWERS) + "."
