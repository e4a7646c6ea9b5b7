"""Shared parts of every exercise widget: answer keys, feedback HTML, CSS classes and static fallback."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets
import pandas as pd

from newstrace.errors import AnnotationError

RIGHT = "right"
WRONG = "wrong"
UNANSWERED = "unanswered"
MARKS = {RIGHT: "✓ Right.", WRONG: "✗ Not quite.", UNANSWERED: "… Not answered yet."}
SLIDE_ITEMS = 5
"""Items a slide shows of a static exercise; the slide deck's CSS hides the rest (class nt-slide-extra)
and shows how many more there are (class nt-slide-more, hidden elsewhere)."""
CHOOSE = "— choose —"
"""The first entry of every answer dropdown: shown until the student picks, and scored unanswered."""

STYLE = """<style>
.nt-exercise .nt-right {border-left: 4px solid #0072B2; padding-left: 6px; margin: 4px 0}
.nt-exercise .nt-wrong {border-left: 4px dashed #D55E00; padding-left: 6px; margin: 4px 0}
.nt-exercise .nt-unanswered {border-left: 4px dotted #999999; padding-left: 6px; margin: 4px 0}
.nt-exercise ins, .nt-static ins {background: #cfe8f7; text-decoration: underline; color: inherit}
.nt-exercise del, .nt-static del {background: #fbe0c2; text-decoration: line-through; color: inherit}
.nt-exercise .nt-item-text, .nt-static .nt-item-text {white-space: normal; line-height: 1.4}
</style>"""
"""Marks use words and symbols, with solid/dashed/dotted borders, so colour is never the only cue."""


def pick_column(table: pd.DataFrame, names: Sequence[str], file_name: str) -> str:
    """Return the first of names that is a column of table, or raise AnnotationError listing them."""
    for name in names:
        if name in table.columns:
            return name
    raise AnnotationError(
        f"{file_name} has no column {' or '.join(repr(name) for name in names)}: "
        f"its columns are {', '.join(table.columns)}; check the file against data/annotations/README.md"
    )


def optional_column(table: pd.DataFrame, names: Sequence[str]) -> str | None:
    """Return the first of names that is a column of table, or None."""
    return next((name for name in names if name in table.columns), None)


def rows_for_text(table: pd.DataFrame, text_id: str, file_name: str) -> pd.DataFrame:
    """Return the rows of an annotation table for one text, or raise KeyError listing the texts."""
    column = pick_column(table, ("text_id", "article", "text", "id"), file_name)
    rows = table[table[column] == text_id]
    if rows.empty:
        known = ", ".join(sorted(set(table[column]))) or "none"
        raise KeyError(f"{file_name} has no rows for text {text_id!r}: choose one of {known}")
    return rows.reset_index(drop=True)


def escape(text: object) -> str:
    """Return text escaped for HTML."""
    return html.escape(str(text), quote=True)


def verdict_html(status: str, message: str) -> str:
    """Return one item's feedback: a mark in words and the explanation, in a classed block."""
    return (
        f'<div class="nt-verdict nt-{status}"><strong>{MARKS[status]}</strong> '
        f"{message}</div>"
    )


def summary_html(statuses: Iterable[str], noun: str = "item") -> str:
    """Return the score line: how many items are right, wrong and unanswered, of how many."""
    statuses = list(statuses)
    right, wrong, unanswered = (statuses.count(status) for status in (RIGHT, WRONG, UNANSWERED))
    line = (f"{right} right, {wrong} wrong, {unanswered} unanswered "
            f"(of {len(statuses)} {noun}{'' if len(statuses) == 1 else 's'})")
    if unanswered:
        line += ". Answer the rest, then check again"
    elif right == len(statuses):
        line += ". Well done"
    return f'<p class="nt-score"><strong>{line}.</strong></p>'


def choice_dropdown(choices: Sequence[tuple[str, object]], description: str,
                    prompt: str = CHOOSE) -> widgets.Dropdown:
    """Return an answer dropdown that shows `prompt` (value None) until the student picks a choice."""
    dropdown = widgets.Dropdown(options=[(prompt, None), *choices], index=0,
                                description=description)

    def keep_prompt_visible(change: dict) -> None:
        """Show the prompt again when the value is reset to None (ipywidgets would show a blank)."""
        if change["new"] is None:
            dropdown.index = 0

    dropdown.observe(keep_prompt_visible, "index")
    return dropdown


def item_label(text: str, number: int) -> widgets.HTML:
    """Return an HTML widget showing one numbered item's text."""
    label = widgets.HTML(
        f'<div class="nt-item-text"><strong>{number}.</strong> {escape(text)}</div>',
        layout=widgets.Layout(width="100%"),
    )
    label.add_class("nt-item-text")
    return label


def item_row(number: int, text: str, controls: Sequence[widgets.Widget]) -> tuple[widgets.VBox, widgets.HTML]:
    """Return one item (its text, its answer controls, an empty feedback line) and that feedback line."""
    feedback = widgets.HTML("")
    feedback.add_class("nt-item-feedback")
    row = widgets.VBox([item_label(text, number), widgets.HBox(list(controls)), feedback])
    row.add_class("nt-item")
    return row, feedback


def excerpt(text: str, width: int = 60) -> str:
    """Return the start of text, cut at a word boundary with an ellipsis past width characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + "…"


def check_button(description: str = "Check my answers") -> widgets.Button:
    """Return the Check button every exercise uses."""
    button = widgets.Button(description=description, button_style="primary", icon="check")
    button.add_class("nt-check")
    return button


def feedback_box() -> widgets.HTML:
    """Return the empty HTML widget that shows feedback (CSS class nt-feedback)."""
    box = widgets.HTML("")
    box.add_class("nt-feedback")
    return box


class StaticFallback:
    """Mixin for a widget that also offers static HTML: its text/html is shown where no kernel runs.

    The bundle holds both the widget view and text/html. JupyterLab ranks its widget renderer
    (-10) above text/html (50), so the live widget shows; nbconvert's WidgetsDataTypeFilter skips
    the widget view when the notebook has no saved widget state for it, so exports show the HTML.
    """

    def static_html(self) -> str:
        """Return the static HTML shown where no kernel runs."""
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs) -> dict | None:
        """Return the live widget view plus the static HTML fallback."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        bundle["text/html"] = self.static_html()
        return bundle


class Exercise(StaticFallback, widgets.VBox):
    """A VBox with a title, instructions and items whose static fallback lists the items, no answers."""

    css_name = "exercise"

    def __init__(self, title: str, instructions: str, body: Sequence[widgets.Widget]) -> None:
        """Build the box: style, title, instructions, then the exercise's own widgets."""
        self.exercise_title = title
        self.exercise_instructions = instructions
        heading = widgets.HTML(f"{STYLE}<h4>{escape(title)}</h4><p>{escape(instructions)}</p>")
        heading.add_class("nt-instructions")
        super().__init__([heading, *body])
        self.add_class("nt-exercise")
        self.add_class(f"nt-{self.css_name}")

    def static_items(self) -> list[str]:
        """Return the exercise items as plain strings for the static fallback (no answers)."""
        return []

    def static_choices(self) -> str:
        """Return what to choose for each item (shown apart from the items), or ''."""
        return ""

    def static_html(self) -> str:
        """Return the exercise as static HTML: title, instructions, choices, then the items; no answers."""
        static_items = self.static_items()
        items = "".join(
            f'<li class="nt-item-text{" nt-slide-extra" if number > SLIDE_ITEMS else ""}">'
            f"{escape(item)}</li>" for number, item in enumerate(static_items, 1)
        )
        listing = f'<ol class="nt-static-items">{items}</ol>' if items else ""
        if len(static_items) > SLIDE_ITEMS:
            listing += (f'<p class="nt-slide-more" hidden>… and {len(static_items) - SLIDE_ITEMS} '
                        "more items: see them all in the lesson notebook.</p>")
        choices = self.static_choices()
        choices_html = (f'<p class="nt-static-choices"><strong>For each item, choose:</strong> '
                        f"{escape(choices)}</p>" if choices else "")
        return (
            f'<div class="nt-static nt-{self.css_name}"><h4>{escape(self.exercise_title)}</h4>'
            f'<div class="nt-static-instructions"><p>{escape(self.exercise_instructions)}</p>'
            f"{choices_html}</div>{listing}"
            '<p class="nt-static-note"><em>This is an interactive exercise: open the notebook in '
            "JupyterLab and run it to answer and get feedback.</em></p></div>"
        )


class CheckedExercise(Exercise):
    """An exercise of numbered items, each with answer controls and feedback, checked by one button.

    Subclasses build each item's row in `_add_row` (appending its feedback line to
    `self.item_feedback`) and give feedback in `check`.
    """

    def __init__(self, title: str, instructions: str, items: Sequence[object]) -> None:
        """Build one row per item, then the Check button and the overall feedback box."""
        self.item_feedback: list[widgets.HTML] = []
        rows = [self._add_row(number, item) for number, item in enumerate(items, 1)]
        self.button = check_button()
        self.feedback = feedback_box()
        self.button.on_click(lambda _button: self.check())
        super().__init__(title, instructions, [*rows, self.button, self.feedback])

    def _add_row(self, number: int, item: object) -> widgets.VBox:
        """Return the row for one item."""
        raise NotImplementedError

    def check(self) -> None:
        """Show feedback for every item and a summary."""
        raise NotImplementedError

    def show_verdicts(self, verdicts: Iterable[tuple[str, str]]) -> list[str]:
        """Show each item's (status, message) under it, in item order; return the statuses."""
        statuses = []
        for (status, message), feedback in zip(verdicts, self.item_feedback):
            feedback.value = verdict_html(status, message)
            statuses.append(status)
        return statuses
