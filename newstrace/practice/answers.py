"""What the Try it checks share: the case's texts as the lessons load them, and plain-value helpers."""

from __future__ import annotations

import functools

import pandas as pd

import newstrace as nt
@functools.cache
def case_table() -> pd.DataFrame:
    """Return the case texts as nt.articles() gives them."""
    return nt.articles()


@functools.cache
def cleaned_text(name: str):
    """Return the cleaning result of one case text."""
    return nt.clean(case_table().loc[name, "text"])


@functools.cache
def found_sources() -> pd.DataFrame:
    """Return the sources nt.sources finds in the full text."""
    return nt.sources(case_table().loc["full-text", "text"])


def as_number(value: object) -> float | None:
    """Return value as a float when it is a plain number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "item"):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def kind_problem(value: object, wanted: type, what: str) -> str | None:
    """Return a message when value is not of the wanted type (naming what it is), else None."""
    if isinstance(value, wanted):
        return None
    if isinstance(value, (pd.DataFrame, pd.Series)) and wanted not in (pd.DataFrame, pd.Series):
        return f"you gave a pandas {type(value).__name__}; the answer is {what}."
    return f"you gave a {type(value).__name__}; the answer is {what}."
