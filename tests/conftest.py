"""Shared fixtures: the case texts and a temporary folder for bad files."""

from __future__ import annotations

import pandas as pd
import pytest

import newstrace as nt


@pytest.fixture(scope="session")
def case() -> pd.DataFrame:
    """Return the three case articles as loaded by nt.articles()."""
    return nt.articles()


@pytest.fixture(scope="session")
def full_text(case: pd.DataFrame) -> str:
    """Return the full text of the story."""
    return case.loc["full-text", "text"]


@pytest.fixture(scope="session")
def short_copy(case: pd.DataFrame) -> str:
    """Return the short page copy."""
    return case.loc["short-copy", "text"]


@pytest.fixture(scope="session")
def re_report(case: pd.DataFrame) -> str:
    """Return the re-report page capture."""
    return case.loc["re-report", "text"]
