"""Sort the sources: choose a type for each source of a story; key in data/annotations/sources.csv."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from newstrace.sourcing.source_types import SOURCE_TYPE_MEANINGS, SOURCE_TYPES
from newstrace.data import read_annotation
from newstrace.widgets._base import (
    RIGHT,
    UNANSWERED,
    WRONG,
    CheckedExercise,
    choice_dropdown,
    escape,
    item_row,
    optional_column,
    pick_column,
    rows_for_text,
    summary_html,
)

KEY_FILE = "sources.csv"
NAME_COLUMNS = ("name", "source", "who")
TYPE_COLUMNS = ("type", "source_type", "kind", "category")
WHY_COLUMNS = ("explanation", "why", "reason", "rationale", "note", "notes")
CONDITION_COLUMNS = ("condition", "conditions")
WHERE_COLUMNS = ("first_paragraph", "paragraph")

@dataclass(frozen=True)
class SourceKey:
    """The gold answer for one source: how the text names it, where, its type and why."""

    name: str
    where: str
    type: str
    explanation: str

    def shown(self) -> str:
        """Return the text the student sees for this source: its name and where it first appears."""
        return f"{self.name} ({self.where})" if self.where else self.name


def _round_robin(rows: pd.DataFrame, type_column: str, limit: int | None) -> pd.DataFrame:
    """Return up to limit rows, taking one of each type in turn (in file order) for a varied mix."""
    if limit is None or limit >= len(rows):
        return rows
    groups = [list(group.index) for _, group in rows.groupby(type_column, sort=False)]
    chosen: list[int] = []
    while len(chosen) < limit:
        for group in groups:
            if group and len(chosen) < limit:
                chosen.append(group.pop(0))
    return rows.loc[sorted(chosen)]


def _where(value: str) -> str:
    """Return 'first in paragraph N' (1-based) from a 0-based paragraph index, or ''."""
    return f"first in paragraph {int(value) + 1}" if value.strip().isdigit() else ""


def _explanation(row: pd.Series, why: str | None, condition: str | None) -> str:
    """Return why the source has its type: the gold note and the conditions the story states."""
    parts = [row[why].strip()] if why and row[why].strip() else []
    if condition and row[condition].strip():
        parts.append(f"the story states its conditions: {row[condition].strip()}")
    return "; ".join(parts)


def source_key(text_id: str, limit: int | None = None) -> tuple[list[SourceKey], list[str]]:
    """Return the gold sources of a text (up to limit, mixing types) and the types to choose from.

    The choices are nt.SOURCE_TYPES plus any other type the key file uses.
    """
    table = read_annotation(KEY_FILE, "the Sort the sources exercise")
    name = pick_column(table, NAME_COLUMNS, KEY_FILE)
    kind = pick_column(table, TYPE_COLUMNS, KEY_FILE)
    why = optional_column(table, WHY_COLUMNS)
    condition = optional_column(table, CONDITION_COLUMNS)
    where = optional_column(table, WHERE_COLUMNS)
    rows = rows_for_text(table, text_id, KEY_FILE)
    rows = rows[rows[kind].str.strip() != ""]
    rows = _round_robin(rows.drop_duplicates(subset=[name]), kind, limit)
    key = [
        SourceKey(row[name].strip(), _where(row[where]) if where else "", row[kind].strip(),
                  _explanation(row, why, condition))
        for _, row in rows.iterrows()
    ]
    in_key = {value.strip() for value in table[kind] if value.strip()}
    return key, [*SOURCE_TYPES, *sorted(in_key - set(SOURCE_TYPES))]


def source_feedback(key: SourceKey, choice: str | None) -> tuple[str, str]:
    """Return (status, message) for one source: right or not, and why the text makes it that type."""
    if not choice:
        return UNANSWERED, f"Choose a type for {escape(key.name)}."
    meaning = SOURCE_TYPE_MEANINGS.get(key.type)
    because = f", because {escape(meaning)}" if meaning else ""
    evidence = f" From the text: {escape(key.explanation)}." if key.explanation else ""
    answer = f"{escape(key.name)} is a source of type <em>{escape(key.type)}</em>{because}.{evidence}"
    if choice == key.type:
        return RIGHT, answer
    return WRONG, f"You chose <em>{escape(choice)}</em>. {answer}"


class SortTheSources(CheckedExercise):
    """Pick a type for each source of a story from a dropdown, then check: feedback per source."""

    css_name = "sort-the-sources"

    def __init__(self, text_id: str = "full-text", limit: int | None = 8) -> None:
        """Build one dropdown per source of the text (at most limit, mixing types), keyed by sources.csv."""
        self.text_id = text_id
        self.key, self.types = source_key(text_id, limit)
        self.choices: list[widgets.Dropdown] = []
        super().__init__(
            "Sort the sources",
            f"Here are sources the story '{text_id}' relies on. For each one, choose the type "
            "that fits how the story describes it, then press the button. The feedback says "
            "what in the text decides the type.",
            self.key,
        )

    def _add_row(self, number: int, key: SourceKey) -> widgets.VBox:
        """Return the row for one source: how the text names it, a type dropdown, its feedback."""
        dropdown = choice_dropdown([(t, t) for t in self.types], "type:")
        dropdown.add_class("nt-answer")
        row, feedback = item_row(number, key.shown(), [dropdown])
        self.choices.append(dropdown)
        self.item_feedback.append(feedback)
        return row

    def answers(self) -> list[str | None]:
        """Return the student's chosen type for each source (None if not chosen)."""
        return [dropdown.value for dropdown in self.choices]

    def check(self) -> list[str]:
        """Show feedback for every source and the score; return the status of each."""
        statuses = self.show_verdicts(
            source_feedback(key, dropdown.value) for key, dropdown in zip(self.key, self.choices)
        )
        counts = ", ".join(f"{kind}: {sum(k.type == kind for k in self.key)}" for kind in self.types
                           if any(k.type == kind for k in self.key))
        self.feedback.value = summary_html(statuses, "source") + (
            f"<p>The mix in this set of sources ({escape(counts)}).</p>"
            if all(status != UNANSWERED for status in statuses) else "")
        return statuses

    def static_items(self) -> list[str]:
        """Return the sources, for the static fallback."""
        return [key.shown() for key in self.key]

    def static_choices(self) -> str:
        """Return the types to choose from, shown apart from the sources."""
        return f"one type of source: {', '.join(self.types)}."
