"""Step 1, marks: the units quotes are paired in (lines, or paragraphs of hard-wrapped text) and every quotation mark with its role."""

from __future__ import annotations

import re

from newstrace.attribution.quotes.attributions import ends_sentence_word
from newstrace.attribution.quotes.records import (
    ACRONYM_MARK,
    BRACKET_MARKS,
    CLOSE_BEFORE,
    DOUBLE,
    DOUBLE_GLYPHS,
    MARK_PTB_RE,
    MARK_RE,
    OPEN_AFTER,
    SINGLE,
    SINGLE_GLYPHS,
    Mark,
)
from newstrace.attribution.quotes.words import ELISIONS
from newstrace.text.segments import is_hard_wrapped, line_spans

# ---------------------------------------------------------------- marks and pairs



def block_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return (start, end) of runs of non-blank lines with nothing but one line break between them."""
    blocks: list[list[int]] = []
    for start, end in lines:
        if blocks and not text[blocks[-1][1]:start].strip() and text.count("\n", blocks[-1][1], start) <= 1 \
                and "\r\n\r\n" not in text[blocks[-1][1]:start]:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
    return [(start, end) for start, end in blocks]



def is_narrow(lines: list[tuple[int, int]]) -> bool:
    """Return True if most lines fill a fixed width of at most 100 characters (text wrapped by a tool)."""
    lengths = [end - start for start, end in lines]
    if len(lines) < 3 or max(lengths) > 100:
        return False
    return sum(1 for length in lengths if length >= 0.6 * max(lengths)) >= 0.5 * len(lines)


def sentence_blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return lines joined where a full-width line stops mid-sentence (wrapped text without blank lines)."""
    width = max(end - start for start, end in lines)
    blocks: list[list[int]] = []
    for start, end in lines:
        last = text[blocks[-1][0]:blocks[-1][1]] if blocks else ""
        previous_line = last.rsplit("\n", 1)[-1]
        words = previous_line.split()
        ends = bool(re.search(r"[.!?:][\"'\u201d\u2019)]*\s*$", last)) and not (
            words and words[-1].endswith(".") and not ends_sentence_word(words[-1]))
        if blocks and len(previous_line) >= 0.6 * width and not ends:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
    return [(start, end) for start, end in blocks]


def unit_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans quotes are paired in: lines, or the paragraphs of hard-wrapped text."""
    lines = line_spans(text)
    if is_hard_wrapped(text):
        return block_spans(text, lines)
    if is_narrow(lines) and len(block_spans(text, lines)) == 1:
        return sentence_blocks(text, lines)
    return lines


def _char_before(text: str, at: int, floor: int) -> str | None:
    """Return the character before position at, or None at the paragraph start."""
    return text[at - 1] if at > floor else None


def _char_after(text: str, at: int, ceiling: int) -> str | None:
    """Return the character at position at, or None at the paragraph end."""
    return text[at] if at < ceiling else None


def _position_role(before: str | None, after: str | None) -> str:
    """Return open, close or either for a straight mark from the characters beside it."""
    can_open = before is None or before.isspace() or before in OPEN_AFTER or before in "\"'\u201c\u2018"
    can_close = after is None or after.isspace() or after in CLOSE_BEFORE or after in "\"'\u201d\u2019"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _is_elision(text: str, at: int, ceiling: int) -> bool:
    """Return True if a mark at `at` starts an elided word such as 'em or '90s."""
    word = re.match(r"[\w]+", text[at:ceiling])
    if not word:
        return False
    token = word.group().lower()
    return token in ELISIONS or bool(re.fullmatch(r"\d0s|\d\ds?", token))


def _single_role(glyph: str, before: str | None, after: str | None, text: str, end: int, ceiling: int) -> str:
    """Return the role of a single mark: open, close, weak-close (s' + word) or apostrophe."""
    if glyph in BRACKET_MARKS:
        return SINGLE_GLYPHS[glyph]
    if before is not None and after is not None and before.isalnum() and after.isalnum():
        return "apostrophe"
    role = _position_role(before, after)
    if SINGLE_GLYPHS.get(glyph) == "open" and role != "close":
        role = "open"
    if SINGLE_GLYPHS.get(glyph) == "close" and role != "open":
        role = "close"
    if role == "open" and (after is None or not (after.isalnum() or after in "[(\u2026.")):
        return "apostrophe"
    if role == "open" and _is_elision(text, end, ceiling):
        return "apostrophe"
    if role in ("close", "either") and before is not None and before.isspace():
        return "either" if role == "either" else "close"
    if role == "close" and before in ("s", "S") and re.match(r"\s+[a-z]", text[end:ceiling]):
        return "weak-close"
    return role


def find_marks(text: str, start: int, end: int, ptb: bool = False) -> list[Mark]:
    """Return the quotation marks between start and end with their type and role."""
    marks = []
    for match in (MARK_PTB_RE if ptb else MARK_RE).finditer(text, start, end):
        glyph = match.group().lstrip("\\")
        before = _char_before(text, match.start(), start)
        after = _char_after(text, match.end(), end)
        if glyph == ACRONYM_MARK and before is not None and after is not None and before.isalpha() and after.isalpha():
            continue
        if glyph in DOUBLE_GLYPHS:
            role = DOUBLE_GLYPHS[glyph]
            position = _position_role(before, after)
            if glyph not in BRACKET_MARKS and (role == "either" or position not in ("either", role)):
                role = position
            marks.append(Mark(match.start(), match.end(), DOUBLE, role))
        else:
            role = _single_role(glyph, before, after, text, match.end(), end)
            if role != "apostrophe":
                marks.append(Mark(match.start(), match.end(), SINGLE, role))
    return marks
