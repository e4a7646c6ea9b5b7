"""A copy in another house style (tests/data/house_style): compare finds exactly the hand-listed edits."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newstrace as nt
from newstrace.syndication.edits import HOUSE_STYLE

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def comparison() -> nt.Comparison:
    """Return compare(the invented agency story, its copy in a British house style)."""
    original = nt.read_article(DATA / "own_articles" / "factory-closure.txt")
    return nt.compare(original, nt.read_article(DATA / "house_style" / "factory-closure-uk.txt"))


def test_every_edit_and_its_kind_match_the_gold(comparison: nt.Comparison) -> None:
    gold = pd.read_csv(DATA / "house_style" / "edits.csv", dtype=str, keep_default_na=False)
    expected = {(int(row.original_para), int(row.copy_para), row.kind, row.before, row.after)
                for row in gold.itertuples()}
    found = {(row.original_para, row.copy_para, row.kind, row.before, row.after)
             for row in comparison.edits.itertuples()}
    assert found == expected


def test_house_style_is_told_from_content(comparison: nt.Comparison) -> None:
    edits = comparison.edits
    content = edits[edits["category"] == "content"]
    assert set(content["before"]) == {"2019", "largest", "could"}
    assert set(edits.loc[edits["category"] == "house style", "kind"]) <= set(HOUSE_STYLE)
    assert comparison.relation == "edited copy"
