"""The records the quote steps pass along: marks, quoted pieces, attributions and paragraphs, and the shared patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.attribution.quotes.words import ATTRIBUTION_VERBS
from newstrace.text.segments import MASK

COLUMNS = ["quote", "start", "end", "kind", "speaker", "verb", "paragraph"]
KINDS = ("direct", "partial", "term", "title")
SPEECH_KINDS = ("direct", "partial")

DOUBLE, SINGLE = "double", "single"
OPEN_AFTER = "([{<\u2014\u2013-/" + MASK
CLOSE_BEFORE = ".,;:!?)]}>\u2014\u2013-/\u2026" + MASK
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
def _prefix_tree_pattern(words: list[str]) -> str:
    """Return a regex matching any of the words, nested by shared prefixes (faster than a flat a|b|c)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + _prefix_tree_pattern(rest) for first, rest in sorted(branches.items())]
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" in words:
        return "(?:" + body + ")?" if alternatives else ""
    return body


VERB_RE = re.compile(r"\b(" + _prefix_tree_pattern([*ATTRIBUTION_VERBS, "According to"]) + r")\b")
"""Any attribution verb as a whole word (masked quotes cannot match)."""
HEADLINE_VERB_RE = re.compile(r"\b(" + _prefix_tree_pattern([v.title() for v in ATTRIBUTION_VERBS]) + r")\b")
"""Capitalised verbs, read only in headline-like lines written in Title Case ("Trump Says ...")."""
NAME_TOKEN = r"(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]\.)"
PARTICLE = r"(?:al|el|bin|ibn|de|del|della|der|van|von|da|di|du|la|le|dos|das|y|al-\w+)"
NAME_RE = re.compile(rf"\b{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)?{NAME_TOKEN})*")
MULTI_NAME_RE = re.compile(rf"\b{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)?{NAME_TOKEN})+")
"""A run of capitalised words, allowing particles such as al, bin, van ("Abu Hajer al Maghribi")."""
WINDOW_BEFORE, WINDOW_AFTER = 300, 200
"""How far before and after a verb or quote the rules read: speakers and cues are close by."""
LEADING_BLANK_RE = re.compile(r"[\s" + MASK + r"]*")
SPACE_RE = re.compile(r"\s*")
NEXT_SENTENCE_RE = re.compile(r"\s+[A-Z0-9" + MASK + r"]")
PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$")
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|these|those)\s+$")
INSTRUCTION_RE = re.compile(r"^\s+\w+\s+to\s+[a-z]")
"""'told him to drive': an instruction, not a quote's attribution."""


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is, its type and its role."""

    start: int
    end: int
    type: str
    role: str


@dataclass(frozen=True)
class Piece:
    """One quoted span within one paragraph (a quote over several paragraphs has several pieces)."""

    group: int
    type: str
    open_at: int
    inner_start: int
    inner_end: int
    close_end: int
    paragraph: int
    closed: bool


@dataclass
class Attribution:
    """An attribution verb with its speaker, as found in a masked paragraph."""

    verb: str
    verb_start: int
    verb_end: int
    speaker: str
    span_start: int
    span_end: int
    paragraph: int
    resolved: str | None = None
    gender: str | None = None


@dataclass
class Paragraph:
    """A paragraph's offsets, its quotes, its masked text and what was read from it."""

    index: int
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)
    masked: str = ""
    sentence_starts: list[int] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    attribution_starts: list[int] = field(default_factory=list)
    lead: int = 0
    masked_lead: int = 0
    headline: bool = False
    colon_end: bool = False
    persons_found: list[tuple[int, str, str | None]] | None = None
    surnames: dict[str, str] = field(default_factory=dict)
    """The people the whole text names in full, by last word: "Hill" alone is Marcus Hill."""
    """People and sentence subjects, found on first use by attributions.persons_of."""
