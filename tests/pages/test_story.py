"""Tests for newstrace.pages.story: the story's own spans inside a page capture."""

from __future__ import annotations

from newstrace.pages.story import story_spans

PAGE = """Home | World | Politics | Sport
Share on Facebook Share on Twitter
The council approved the budget on Monday after a long debate.
Residents said they were worried about taxes, according to the mayor's office.
Related: Ten things to do this weekend
"""


def test_story_spans_keep_the_story_and_leave_page_clutter_out() -> None:
    kept = [PAGE[start:end] for start, end in story_spans(PAGE)]
    assert kept[:2] == ["The council approved the budget on Monday after a long debate.",
                        "Residents said they were worried about taxes, according to the mayor's office."]
    assert not any("Share on" in line or "Home |" in line for line in kept)


def test_spans_are_stripped_offsets_into_the_input() -> None:
    text = "  First paragraph of a story about the council.  \n\nSecond paragraph about the budget vote.\n"
    spans = story_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "First paragraph of a story about the council.", "Second paragraph about the budget vote."]
