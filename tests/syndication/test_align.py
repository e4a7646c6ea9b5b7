"""Tests for newstrace.syndication.align: paragraph alignment of two texts."""

from __future__ import annotations

from newstrace.syndication.align import align
from newstrace.syndication.paragraph_keys import paragraph_pair

ORIGINAL = [
    "The council approved the new budget on Monday after a long debate about road repairs.",
    "Residents who attended the meeting said they were worried about rising local taxes.",
    "The mayor promised a public hearing on the water plant before the end of the year.",
]


def aligned(original: list[str], copy: list[str]) -> list[tuple[int, int, str]]:
    """Return (original paragraph, copy paragraph, status) rows of the alignment."""
    first, second, _ = paragraph_pair(original, copy)
    table = align(first, second, 5)
    return [(row.original_para, row.copy_para, row.status) for row in table.itertuples()]


def test_an_identical_copy_aligns_paragraph_for_paragraph() -> None:
    assert aligned(ORIGINAL, ORIGINAL) == [(0, 0, "same"), (1, 1, "same"), (2, 2, "same")]


def test_a_light_edit_is_edited_and_a_dropped_paragraph_missing() -> None:
    copy = [ORIGINAL[0].replace("Monday", "Tuesday"), ORIGINAL[2]]
    rows = aligned(ORIGINAL, copy)
    assert (0, 0, "edited") in rows and (2, 1, "same") in rows
    assert [row for row in rows if row[0] == 1][0][2] == "missing"


def test_a_new_paragraph_in_the_copy_is_added() -> None:
    copy = [*ORIGINAL, "Shares in the local bakery rose sharply after the announcement of a merger."]
    assert [row for row in aligned(ORIGINAL, copy) if row[1] == 3][0][2] == "added"


def test_hyphenated_words_match_their_closed_form() -> None:
    first, second, closed = paragraph_pair(["a month-long strike ended"], ["a monthlong strike ended"])
    assert "monthlong" in closed and first.keys == second.keys
