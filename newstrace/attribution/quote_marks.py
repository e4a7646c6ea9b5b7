"""Step 1 of quote finding: every quotation mark with its type (double or single) and role.

A mark's role (open, close, either, apostrophe) comes from its glyph and the characters beside it:
a straight ``"`` after a space opens, before a space or punctuation closes. A ``'`` between letters
(don't, State's) is an apostrophe, and so are the elisions in ``ELISIONS`` ('em, '90s). Chinese and
Japanese corner brackets (「」 outer, 『』 inner) open or close by their shape, and the Hebrew
gershayim (״) is a straight double mark except between two letters (an acronym such as צה״ל).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.attribution.quote_words import ELISIONS

MASK = "\x1a"
"""Stands in for quoted text once quotes are masked out (see newstrace.attribution.quotes)."""
DOUBLE, SINGLE = "double", "single"
_OPEN_AFTER = "([{<\u2014\u2013-/" + MASK
_CLOSE_BEFORE = ".,;:!?)]}>\u2014\u2013-/\u2026" + MASK
DOUBLE_GLYPHS = {'"': "either", "\u201c": "open", "\u201e": "open", "\u00ab": "open",
                 "\u201d": "close", "\u00bb": "close", "``": "open", "''": "close",
                 "\u300c": "open", "\u300d": "close", "\u05f4": "either"}
"""Double (outer) marks and their role: Latin, guillemets, CJK corner brackets, Hebrew gershayim."""
SINGLE_GLYPHS = {"'": "either", "\u2018": "open", "\u201a": "open", "\u2039": "open",
                 "\u2019": "either", "\u203a": "close", "\u300e": "open", "\u300f": "close"}
"""Single (inner) marks and their role: Latin, single guillemets, CJK white corner brackets."""
BRACKET_MARKS = frozenset("\u300c\u300d\u300e\u300f")
"""CJK corner brackets: open or close by their shape alone, never apostrophes."""
ACRONYM_MARK = "\u05f4"
"""Hebrew gershayim: a quotation mark, or the mark inside an acronym when letters stand on both sides."""

MARK_RE = re.compile("\\\\?[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a\u300c-\u300f\u05f4]")
"""A quotation mark or apostrophe, with a backslash escape (\\') kept as part of the mark."""
MARK_PTB_RE = re.compile("``|''|" + MARK_RE.pattern)
"""The same, plus ``...'' pairs used in some tokenised corpora (only when `` appears)."""


@dataclass
class Mark:
    """One quotation mark: where it is, its type and its role."""

    start: int
    end: int
    type: str
    role: str


def _char_before(text: str, at: int, floor: int) -> str | None:
    """Return the character before position at, or None at the paragraph start."""
    return text[at - 1] if at > floor else None


def _char_after(text: str, at: int, ceiling: int) -> str | None:
    """Return the character at position at, or None at the paragraph end."""
    return text[at] if at < ceiling else None


def _position_role(before: str | None, after: str | None) -> str:
    """Return open, close or either for a straight mark from the characters beside it."""
    can_open = before is None or before.isspace() or before in _OPEN_AFTER or before in "\"'\u201c\u2018"
    can_close = after is None or after.isspace() or after in _CLOSE_BEFORE or after in "\"'\u201d\u2019"
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
