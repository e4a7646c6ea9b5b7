"""Reading aids with the course's one paragraph numbering: paragraphs are numbered from 1 everywhere."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

PARAGRAPH_COLUMNS = ("paragraph", "first_paragraph", "original_para", "copy_para",
                     "original_paragraph", "copy_paragraph")
"""Columns of newstrace tables that hold paragraph positions (counted from 0, as Python does)."""


def show(paragraphs: Sequence[str], *numbers: int, width: int | None = None) -> None:
    """Print the paragraphs with these numbers (counted from 1), each headed by its number."""
    for number in numbers:
        if not 1 <= number <= len(paragraphs):
            raise IndexError(f"there is no paragraph {number}: they are numbered 1 to {len(paragraphs)}")
        text = paragraphs[number - 1]
        print(f"[{number}] {text if width is None else text[:width]}\n")


def numbered(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a newstrace table with its paragraph columns counted from 1, for reading."""
    table = table.copy()
    for column in PARAGRAPH_COLUMNS:
        if column in table.columns:
            table[column] = (pd.to_numeric(table[column], errors="coerce") + 1).astype("Int64")
    return table
