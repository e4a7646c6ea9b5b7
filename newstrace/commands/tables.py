"""Plain-text tables for the command line."""

from __future__ import annotations

import pandas as pd


def shorten(value: object, max_width: int) -> str:
    """Return value as one line of text, cut with an ellipsis past max_width characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def print_table(table: pd.DataFrame, max_width: int = 60) -> None:
    """Print a DataFrame as an aligned text table with long cells shortened."""
    shown = table.map(lambda value: shorten(value, max_width))
    print(shown.to_string(index=False, justify="left"))
