"""Tests for newstrace.syndication.edits: word-level edits, house style told from content."""

from __future__ import annotations

from newstrace.syndication.edits import HOUSE_STYLE, classify, diff
from newstrace.text.tokenizer import tokens


def kinds(before: str, after: str) -> list[tuple[str, str, str]]:
    """Return (before, after, kind) for each edit between two sentences."""
    return [(edit.before, edit.after, edit.kind) for edit in diff(tokens(before), tokens(after))]


def test_house_style_edits_are_named() -> None:
    assert kinds("The organisation met.", "The organization met.") == [
        ("organisation", "organization", "spelling variant")]
    assert kinds("the Mayor spoke", "the mayor spoke") == [("Mayor", "mayor", "capitalisation")]
    assert classify([","], [";"]) == "punctuation"


def test_content_edits_are_word_changes_deletions_and_insertions() -> None:
    assert kinds("ten people died", "twelve people died") == [("ten", "twelve", "word change")]
    assert kinds("the very old bridge", "the old bridge")[0][2] == "deletion"
    assert kinds("the bridge", "the old bridge")[0][2] == "insertion"
    assert all(edit.category == "content" for edit in diff(tokens("a b"), tokens("a c")))
    assert {"punctuation", "capitalisation", "spelling variant"} == set(HOUSE_STYLE)


def test_identical_texts_have_no_edits() -> None:
    assert diff(tokens("Same words here."), tokens("Same words here.")) == []
