"""Showing a long table in a lesson so that its slide still fits the projector.

    from newstrace.course import first_rows
    first_rows(sources, 8)                       # as the last line of a cell
    first_rows(sources, 8, where="in build/lessons/02-who-is-talking.html")

The first rows are shown as a table, then a line saying how many rows follow and where to see them:
a "Show all N rows" fold right below (closed on the slide and in print, open it in the notebook), and
optionally another place. A table no longer than `rows` is shown whole, with no line.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

SLIDE_ROWS = 8
"""Rows a slide shows by default: with a heading and a question, that fits a 1280×720 slide."""


@dataclass(frozen=True)
class FirstRows:
    """A table shown by its first rows, with a count of the rest and where to see them."""

    table: pd.DataFrame
    rows: int = SLIDE_ROWS
    where: str = ""

    @property
    def rest(self) -> int:
        """Return how many rows are not shown in the first part."""
        return max(len(self.table) - self.rows, 0)

    def note(self) -> str:
        """Return the line under the first rows: how many follow and where to see them."""
        if not self.rest:
            return ""
        elsewhere = f", and {self.where}" if self.where else ""
        return (f"Showing the first {self.rows} of {len(self.table)} rows. The other {self.rest} "
                f"are under “Show all {len(self.table)} rows” below{elsewhere}.")

    def head(self) -> pd.DataFrame:
        """Return the first rows, long texts cut to pandas' display.max_colwidth as a notebook shows them."""
        width = pd.get_option("display.max_colwidth")
        first = self.table.head(self.rows)
        if width is None:
            return first
        return first.apply(lambda column: column.map(
            lambda value: value[:width - 3] + "..." if isinstance(value, str) and len(value) > width else value))

    def _repr_html_(self) -> str:
        """Return the first rows as an HTML table, then the note and a closed fold with every row."""
        if not self.rest:
            return self.table.to_html()
        return (f'<div class="nt-first-rows">{self.head().to_html()}'
                f'<p class="nt-more-rows"><em>{html.escape(self.note())}</em></p>'
                f"<details><summary>Show all {len(self.table)} rows</summary>"
                f"{self.table.to_html()}</details></div>")

    def __repr__(self) -> str:
        """Return the first rows as text, then the note."""
        first = self.head().to_string()
        return f"{first}\n{self.note()}" if self.rest else first


def first_rows(table: pd.DataFrame, rows: int = SLIDE_ROWS, where: str = "") -> FirstRows:
    """Return a display of the table's first rows with a count of the rest and where to see them."""
    if rows < 1:
        raise ValueError(f"rows must be at least 1, not {rows}")
    return FirstRows(table, rows, where)
