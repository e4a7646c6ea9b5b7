"""Tests for newstrace.text.segments: the one splitter of lines, paragraphs and sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.text.segments import (
    is_hard_wrapped,
    joined_starts,
    line_of,
    line_spans,
    line_starts,
    paragraph_index,
    sentences,
)


def cut(text: str) -> list[str]:
    """Return the sentences of text as strings."""
    return [text[start:end] for start, end in sentences(text)]


def test_lines_skip_blank_ones_and_every_kind_of_line_break() -> None:
    text = "One.\r\n\r\n  Two.\u2028Three.\n   \nFour."
    assert [text[start:end] for start, end in line_spans(text)] == ["One.", "  Two.", "Three.", "Four."]
    assert line_starts(text) == [start for start, _ in line_spans(text)]


def test_paragraph_index_finds_the_paragraph_holding_an_offset() -> None:
    text = "First line.\n\nSecond line.\nThird."
    starts = line_starts(text)
    assert [paragraph_index(starts, text.index(word)) for word in ("First", "Second", "Third")] == [0, 1, 2]
    assert paragraph_index(starts, 0) == 0 and paragraph_index([5], 0) == 0


def test_joined_starts_and_line_of_agree_with_the_joined_text() -> None:
    parts = ["alpha", "", "beta gamma", "delta"]
    joined = "\n".join(parts)
    starts = joined_starts(parts)
    assert [joined[start:start + len(part)] for start, part in zip(starts, parts)] == parts
    assert [line_of(joined, start) for start in starts] == [0, 1, 2, 3]
    assert joined_starts([]) == []


def test_sentences_end_at_end_marks_before_a_capital() -> None:
    assert cut("It rained. Then it stopped! Why? Nobody knows… Later it rained again.") == [
        "It rained.", "Then it stopped!", "Why?", "Nobody knows…", "Later it rained again."]


def test_abbreviations_initials_and_acronyms_end_no_sentence() -> None:
    text = "Mr. Smith met Gen. Jones in the U.S. on Jan. 5. J. R. Doe was there. It ended."
    assert cut(text) == ["Mr. Smith met Gen. Jones in the U.S. on Jan. 5.", "J. R. Doe was there.", "It ended."]


def test_no_split_inside_an_open_quotation() -> None:
    text = '"We stayed. We fought," he said. She left.'
    assert cut(text) == ['"We stayed. We fought," he said.', "She left."]


def test_lower_case_after_a_period_continues_the_sentence() -> None:
    assert cut("The vote was 5 to 4. and then some. Done.") == ["The vote was 5 to 4. and then some.", "Done."]


@given(st.text(alphabet="ab .!?\"“”\nMr", max_size=80))
def test_sentences_are_ordered_stripped_spans_of_the_input(text: str) -> None:
    spans = sentences(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)


def test_hard_wrapped_text_is_told_from_one_paragraph_per_line() -> None:
    wrapped = ("The council met on Monday to discuss the\nbudget for the coming year and the\nroads.\n\n"
               "Members said the plan would cost more\nthan expected and asked for a new\nvote.\n")
    per_line = "The council met on Monday.\nMembers said the plan would cost more.\nThey asked for a vote.\n"
    assert is_hard_wrapped(wrapped)
    assert not is_hard_wrapped(per_line)
