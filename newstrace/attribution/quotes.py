"""Find quotations in news text, say what kind they are and who said them, by rules a student can read.

How it works, in four steps:

1. **Marks.** Every quotation mark is found and given a role (open, close, either, apostrophe) from
   its glyph and the characters beside it: a straight ``"`` after a space opens, before a space or
   punctuation closes. A ``'`` between letters (don't, State's) is an apostrophe, and so are the
   elisions in ``ELISIONS`` ('em, '90s). A backslash-escaped mark (``\\'``) is still a mark.
2. **Pairs.** Marks of one type (double or single) are paired inside each paragraph, so one stray
   mark cannot break the rest of the document. A quote left open at the end of a paragraph runs on
   when the next paragraph opens with a mark again (the news convention for quotes over several
   paragraphs); it gives one row per paragraph. A quote inside another quote (nested) is part of
   the outer quote, not a row. Text hard-wrapped at a fixed width is first rejoined into paragraphs.
3. **Attributions.** Quotes are masked out and every attribution verb in ``ATTRIBUTION_VERBS`` is
   read with its speaker: before it ("Smith said", "Smith, a spokesman, said") or after it
   ("said Smith", "according to Smith"); also ", saying ...", "X is heard asking", a colon after a
   clause ("Reuters gave this account: ...") and a dash signature ("... \u2014 Rep. Jane Doe").
   A quote takes the attribution next to it, else one in its sentence, else the latest one earlier
   in its paragraph, else the previous paragraph's speaker if the paragraph opens with the quote,
   else the person the previous sentence was about. Pronouns (he, she, they, it) become the most
   recent speaker or named person that fits (gender from titles, first names and earlier
   pronouns); "the official" becomes the earlier speaker with the same last word. Titles and role
   words before a name are dropped ("Prime Minister Jane Doe" -> "Jane Doe").
4. **Kinds.** ``title`` for capitalised names of works near a word like film or book; ``term`` for
   short unattributed quotes (scare quotes, coined words, nicknames); ``direct`` for a quote that
   starts a sentence with a capital (or resumes one after "he said,"); ``partial`` for a fragment
   inside the writer's sentence. Only direct and partial quotes get a speaker and verb.

The word lists the rules read (attribution verbs, titles, gender cues...) are in
``newstrace.attribution.quote_words``, one documented list per purpose. Every rule reads a bounded window
around a quote or verb, so time grows linearly with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from newstrace.pages.story import strip_span
from newstrace.text.guard import check_text
from newstrace.attribution.quote_words import (  # noqa: F401  (re-exported: the vocabularies are part of the rules)
    ABBREVIATIONS,
    ATTRIBUTION_VERBS,
    CUT_WORDS,
    DETERMINERS,
    ELISIONS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    FORBIDDEN_IN_SPEAKER,
    MALE_NAMES,
    MALE_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    POST_STOP_WORDS,
    PRONOUNS,
    SENTENCE_OPENERS,
    SUBJECT_VERBS,
    TERM_CUES,
    TRAILING_WORDS,
    WORK_NOUNS,
)

COLUMNS = ["quote", "start", "end", "kind", "speaker", "verb", "paragraph"]
KINDS = ("direct", "partial", "term", "title")
SPEECH_KINDS = ("direct", "partial")

MASK = "\x1a"
DOUBLE, SINGLE = "double", "single"
_OPEN_AFTER = "([{<\u2014\u2013-/" + MASK
_CLOSE_BEFORE = ".,;:!?)]}>\u2014\u2013-/\u2026" + MASK
_DOUBLE_GLYPHS = {'"': "either", "\u201c": "open", "\u201e": "open", "\u00ab": "open",
                  "\u201d": "close", "\u00bb": "close", "``": "open", "''": "close"}
_SINGLE_GLYPHS = {"'": "either", "\u2018": "open", "\u201a": "open", "\u2039": "open",
                  "\u2019": "either", "\u203a": "close"}

PARAGRAPH_RE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
"""A line of text: paragraphs are the non-blank lines, as in loading.count_paragraphs."""
MARK_RE = re.compile("\\\\?[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a]")
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
SENTENCE_END_RE = re.compile(r"[.!?][)\]'\u2019\"\u201d]*\s+(?=[A-Z0-9" + MASK + "\"\u201c'\u2018])")
"""Punctuation that ends a sentence: . ! or ? then space and a capital, digit or quotation."""
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


@dataclass
class Mark:
    """One quotation mark: where it is, its type and its role."""

    start: int
    end: int
    type: str
    role: str


@dataclass
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
    _persons: list[tuple[int, str, str | None]] | None = None

    @property
    def persons(self) -> list[tuple[int, str, str | None]]:
        """Return (offset, name, gender) of people and sentence subjects in the paragraph (found on first use)."""
        if self._persons is None:
            self._persons = sorted(find_persons(self) + find_subjects(self), key=lambda item: item[0])
        return self._persons


# ---------------------------------------------------------------- marks and pairs


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line of text."""
    return [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text) if m.group().strip()]


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


def is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Return True if paragraphs are blank-line separated and wrapped at a fixed width (<= 100 chars)."""
    lengths = [end - start for start, end in lines]
    blocks = block_spans(text, lines)
    if len(lines) < 3 or len(blocks) < 2 or len(blocks) == len(lines) or max(lengths) > 100:
        return False
    wrapped = sum(1 for start, end in lines if end - start >= 0.6 * max(lengths))
    return wrapped >= 0.5 * len(lines)


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
            words and words[-1].endswith(".") and not _ends_sentence_word(words[-1]))
        if blocks and len(previous_line) >= 0.6 * width and not ends:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
    return [(start, end) for start, end in blocks]


def unit_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans quotes are paired in: lines, or the paragraphs of hard-wrapped text."""
    lines = paragraph_spans(text)
    if is_hard_wrapped(text, lines):
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
    if before is not None and after is not None and before.isalnum() and after.isalnum():
        return "apostrophe"
    role = _position_role(before, after)
    if _SINGLE_GLYPHS.get(glyph) == "open" and role != "close":
        role = "open"
    if _SINGLE_GLYPHS.get(glyph) == "close" and role != "open":
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
        if glyph in _DOUBLE_GLYPHS:
            role = _DOUBLE_GLYPHS[glyph]
            position = _position_role(before, after)
            if role == "either" or (position != "either" and position != role):
                role = position
            marks.append(Mark(match.start(), match.end(), DOUBLE, role))
        else:
            role = _single_role(glyph, before, after, text, match.end(), end)
            if role != "apostrophe":
                marks.append(Mark(match.start(), match.end(), SINGLE, role))
    return marks


def _pair_paragraph(marks: list[Mark], carried: Mark | None) -> tuple[list[tuple[Mark, Mark | None]], Mark | None]:
    """Pair one type's marks in a paragraph; return pairs and the mark left open at the end."""
    pairs: list[tuple[Mark, Mark | None]] = []
    opened = carried
    fallback: Mark | None = None
    for mark in marks:
        if opened is None:
            if mark.role in ("open", "either"):
                opened, fallback = mark, None
        elif mark.role == "weak-close":
            fallback = fallback or mark
        elif mark.role in ("close", "either"):
            pairs.append((opened, mark))
            opened, fallback = None, None
        elif mark.role == "open":
            opened, fallback = mark, None
    if opened is not None and fallback is not None:
        pairs.append((opened, fallback))
        opened = None
    return pairs, opened


def _opens_paragraph(marks: list[Mark], para_start: int, text: str) -> Mark | None:
    """Return the paragraph's first mark if it opens the paragraph (a continued quote), else None."""
    if not marks or marks[0].role not in ("open", "either"):
        return None
    return marks[0] if not text[para_start:marks[0].start].strip() else None


def find_pieces(text: str, paragraphs: list[Paragraph]) -> None:
    """Fill each paragraph's pieces: paired quotes of both types, nested ones removed."""
    ptb = "``" in text
    new_group = iter(range(1_000_000_000)).__next__
    marks_by_para = [find_marks(text, p.start, p.end, ptb) for p in paragraphs]
    for qtype in (DOUBLE, SINGLE):
        carried: int | None = None
        for i, para in enumerate(paragraphs):
            marks = [m for m in marks_by_para[i] if m.type == qtype]
            opener = _opens_paragraph(marks, para.start, text) if carried is not None else None
            pairs, left_open = _pair_paragraph(marks[1:] if opener else marks, opener)
            for open_mark, close_mark in pairs:
                group = carried if open_mark is opener else new_group()
                para.pieces.append(_piece(text, group, qtype, open_mark, close_mark, para))
            carried = _left_open(text, paragraphs, marks_by_para, i, qtype, left_open, opener, carried, new_group)
    for para in paragraphs:
        para.pieces = _drop_nested(sorted(para.pieces, key=lambda p: p.open_at))


def _left_open(text: str, paragraphs: list[Paragraph], marks_by_para: list[list[Mark]], i: int, qtype: str,
               left_open: Mark | None, opener: Mark | None, carried: int | None, new_group) -> int | None:
    """Keep a quote still open at a paragraph end; return its group if the next paragraph continues it."""
    if left_open is None:
        return None
    para = paragraphs[i]
    group = carried if left_open is opener else new_group()
    next_marks = [m for m in marks_by_para[i + 1] if m.type == qtype] if i + 1 < len(paragraphs) else []
    continues = bool(next_marks) and _opens_paragraph(next_marks, paragraphs[i + 1].start, text) is not None
    at_start = not text[para.start:left_open.start].strip()
    if continues or at_start:
        para.pieces.append(_piece(text, group, qtype, left_open, None, para))
    return group if continues else None


def _piece(text: str, group: int, qtype: str, open_mark: Mark, close_mark: Mark | None, para: Paragraph) -> Piece:
    """Return the piece between two marks (or to the paragraph end when unclosed)."""
    inner_end = close_mark.start if close_mark else para.end
    if close_mark and text[close_mark.start] == "\\":
        inner_end = close_mark.start
    start, end = strip_span(text, open_mark.end, inner_end)
    close_end = close_mark.end if close_mark else para.end
    return Piece(group, qtype, open_mark.start, start, end, close_end, para.index, close_mark is not None)


def _drop_nested(pieces: list[Piece]) -> list[Piece]:
    """Remove pieces inside an earlier piece, and single-mark pieces that cross a double-mark one (one sweep)."""
    kept: list[Piece] = []
    for piece in pieces:
        if piece.inner_end <= piece.inner_start:
            continue
        outer = kept[-1] if kept else None
        if outer is None or outer.close_end <= piece.open_at:
            kept.append(piece)
        elif piece.close_end <= outer.close_end:
            continue
        elif piece.type == SINGLE:
            continue
        elif outer.type == SINGLE:
            kept[-1] = piece
    return kept


# ---------------------------------------------------------------- sentences and attributions


def mask_paragraph(text: str, para: Paragraph) -> str:
    """Return the paragraph with every quote (marks included) replaced by MASK characters."""
    chars = list(text[para.start:para.end])
    for piece in para.pieces:
        for i in range(piece.open_at - para.start, piece.close_end - para.start):
            chars[i] = MASK
    return "".join(chars)


def sentence_starts(text: str, para: Paragraph) -> list[int]:
    """Return the paragraph-relative offsets where its sentences start (masked text)."""
    masked = para.masked
    starts = [0]
    for match in SENTENCE_END_RE.finditer(masked):
        word = re.search(r"([\w.]+)[.!?]$", masked[max(0, match.start() - 40):match.start() + 1])
        token = word.group(1).lower().rstrip(".") if word else ""
        opens_quote = masked[match.end():match.end() + 1] == MASK
        if match.group()[0] == "." and (token in ABBREVIATIONS or len(token) == 1 or "." in token) \
                and not (opens_quote and len(token) > 1):
            continue
        starts.append(match.end())
    for piece in para.pieces:
        inner = text[piece.inner_start:piece.inner_end].rstrip("'\u2019\" )")
        after = piece.close_end - para.start
        following = NEXT_SENTENCE_RE.match(masked, after)
        if inner[-1:] in ".!?" and following:
            starts.append(following.end() - 1)
    return sorted(set(starts))


def _sentence_bounds(para: Paragraph, at: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence containing paragraph offset at."""
    i = bisect_right(para.sentence_starts, at) - 1
    start = para.sentence_starts[max(i, 0)]
    end = para.sentence_starts[i + 1] if i + 1 < len(para.sentence_starts) else len(para.masked)
    return start, end


def _words(phrase: str) -> list[str]:
    """Return the whitespace-separated words of a phrase."""
    return phrase.split()


def _clean_speaker(segment: str) -> str:
    """Return the speaker words at the end of a segment, cut after conjunctions and before adverbs."""
    segment = segment.split(MASK)[-1]
    words = [w.strip("\u2014\u2013()[]") for w in _words(segment)]
    words = [w for w in words if w]
    while words and (words[-1] in TRAILING_WORDS or (words[-1].endswith("ly") and words[-1].islower()
                                                             and len(words) > 1)):
        words.pop()
    cut = max((i for i, w in enumerate(words) if w.lower() in CUT_WORDS
               and not (w == "and" and i + 1 < len(words) and words[i + 1][:1].isupper() and i > 0
                        and words[i - 1][:1].isupper())), default=-1)
    words = words[cut + 1:]
    restart = max((i for i, w in enumerate(words) if i > 0 and w.lower() in NEW_PHRASE_WORDS
                   and words[i - 1].islower() and words[i - 1] not in PREPOSITIONS), default=0)
    return " ".join(words[restart:])


NEW_PHRASE_WORDS = {"a", "an", "the", "one", "another", "some", "several", "many", "two", "three"}
PREPOSITIONS = {"of", "for", "at", "in", "on", "with", "from", "by", "to", "about", "near", "and", "or"}
"""A determiner after a noun starts a new phrase ("a finding one researcher" -> "one researcher")."""


def is_pronoun(phrase: str) -> bool:
    """Return True if the phrase is a subject pronoun that needs resolving."""
    return phrase.lower() in PRONOUNS


def _valid_speaker(phrase: str) -> bool:
    """Return True if a phrase can be a speaker: a pronoun, a name or a short noun phrase."""
    words = _words(phrase)
    if not words or len(words) > 8 or any(w.lower() in FORBIDDEN_IN_SPEAKER for w in words):
        return False
    if is_pronoun(phrase):
        return True
    if phrase.lower() in ("i", "we", "you", "me", "us", "him", "her", "them"):
        return False
    first = words[0]
    if not re.match(r"[\w\u00c0-\u024f]", first):
        return False
    return first[0].isupper() or first.lower() in DETERMINERS or first.lower().endswith("s") or len(words) > 1


def _is_appositive(segment: str) -> bool:
    """Return True if a comma segment describes a speaker named before it (", a spokesman,")."""
    words = _words(segment)
    if not words:
        return False
    first = words[0].lower()
    return (first in {"a", "an", "the", "who", "whose", "which", "now", "formerly", "himself", "of", "from", "in",
                      "herself", "one", "until", "once", "then", "still", "also", "both", "another"}
            or first.rstrip(",").isdigit() or segment.strip().endswith("-old")
            or (len(words) > 1 and words[1].lower() in {"of", "for", "at"})
            or first.endswith("'s") or first.endswith("\u2019s")
            or (first.isalpha() and first.islower() and first.endswith(("ing", "ed"))))


def _strip_trailing_adverbs(pre: str) -> str:
    """Return text with adverbs and auxiliaries removed from its end ("Smith, 54, later" -> "Smith, 54,")."""
    words = pre.split(" ")
    while words and (words[-1] in TRAILING_WORDS or (words[-1].endswith("ly") and words[-1].isalpha()
                                                     and words[-1].islower())):
        words.pop()
    return " ".join(words).rstrip()


def speaker_before(pre: str) -> str | None:
    """Return the speaker written just before a verb ("Smith", "Smith, a spokesman,"), or None."""
    stripped = _strip_trailing_adverbs(pre.rstrip())
    if not stripped.endswith(","):
        candidate = _clean_speaker(re.split(r"[,;:]", stripped)[-1])
        return candidate if _valid_speaker(candidate) else None
    segments = stripped[:-1].split(",")
    last = _clean_speaker(segments[-1])
    if _is_name(last) and len(segments) > 1 and not _is_name(_clean_speaker(segments[-2])):
        return last
    popped = 0
    while len(segments) > 1 and popped < 2 and _is_appositive(segments[-1].split(MASK)[-1]):
        segments.pop()
        popped += 1
    if popped and segments:
        candidate = _clean_speaker(segments[-1])
        if _valid_speaker(candidate) and MASK not in segments[-1].split(MASK)[-1]:
            return candidate
    return None


def _ends_sentence_word(word: str) -> bool:
    """Return True if a word ending in a period ends a sentence (not an initial or abbreviation)."""
    bare = word.rstrip(".").lower()
    return word.endswith(".") and len(bare) > 1 and "." not in bare and bare not in ABBREVIATIONS


def speaker_after(post: str) -> str | None:
    """Return the speaker written just after a verb ("said Smith, a spokesman"), or None."""
    head = re.split(r"[,;:!?()\u2014\u2013" + MASK + "]", post, maxsplit=1)[0]
    words: list[str] = []
    for word in _words(head):
        bare = word.rstrip(".")
        if words and (bare.lower() in POST_STOP_WORDS or (bare.islower() and re.search(r"(?:ed|ing)$", bare))
                      or (bare == "of" and len(words) >= 2 and _is_name(" ".join(words)))):
            break
        if not words and bare.lower() in POST_STOP_WORDS - {"the"}:
            return None
        words.append(bare if _ends_sentence_word(word) else word)
        if _ends_sentence_word(word) or len(words) >= 8:
            break
    phrase = " ".join(words)
    affiliation = re.match(r"(.*?\b[A-Z][\w'\u2019-]+ [A-Z][\w'\u2019-]+) of (?:the )?[A-Z]", phrase)
    if affiliation:
        phrase = affiliation.group(1)
    named = re.match(r",\s*(" + NAME_RE.pattern[2:] + r")\s*(?:[.,;]|$)", post[len(head):])
    if named and phrase and not _is_name(phrase):
        return named.group(1).rstrip(".")
    return phrase if _valid_speaker(phrase) and not is_pronoun(phrase) else None


def find_attributions(para: Paragraph) -> list[Attribution]:
    """Return every attribution verb in a masked paragraph with its speaker."""
    found = []
    masked = para.masked
    matches = list(VERB_RE.finditer(masked))
    if para.headline:
        matches = sorted(matches + list(HEADLINE_VERB_RE.finditer(masked)), key=lambda m: m.start())
    for match in matches:
        verb = match.group(1).lower()
        before = masked[max(0, match.start() - 40):match.start()]
        tail = before[-40:]
        if verb != "according to" and (PASSIVE_RE.search(tail) or DETERMINER_BEFORE_RE.search(tail)):
            continue
        if verb in ("told", "tells") and INSTRUCTION_RE.match(masked[match.end():match.end() + 60]):
            continue
        s_start, s_end = _sentence_bounds(para, match.start())
        pre = masked[max(s_start, match.start() - WINDOW_BEFORE):match.start()]
        post = masked[match.end():min(s_end, match.end() + WINDOW_AFTER)]
        attribution = _read_attribution(verb, pre, post, match.start(), match.end(), s_start, para)
        if attribution:
            found.append(attribution)
    found += _subject_attributions(para, found)
    return sorted(found, key=lambda a: a.span_start)


HEARD_RE = re.compile(r"\b(?:is|was|were|are|can be|could be)\s+(?:heard|seen|filmed|recorded|quoted)\s+"
                      r"(?:as\s+)?(saying|asking|shouting|telling\s+\w+)\b")
"""'X is heard saying/asking': the speaker is before the verb phrase."""
GERUND_RE = re.compile(r",\s+(saying|adding|noting|arguing|warning|insisting|explaining|declaring|"
                       r"stressing|claiming|writing|telling\s+\w+)\b")
"""A participle after a comma that attributes to the sentence's subject ("X left, saying ...")."""


DASH_SIGNATURE_RE = re.compile(r"[.,]?\s*[\u2014\u2013-]{1,2}\s*(" + NAME_RE.pattern[2:] + r")\s*(?:[.,;]|$)")
"""A quote signed with a dash and a name: "..." \u2014 Rep. Adam Schiff."""


def _subject_attributions(para: Paragraph, found: list[Attribution]) -> list[Attribution]:
    """Return attributions to a sentence's subject: ', saying ...' and a colon before a quote."""
    extra = []
    found = sorted(found, key=lambda a: a.span_start)
    starts = [a.span_start for a in found]
    for match in HEARD_RE.finditer(para.masked):
        s_start = _sentence_bounds(para, match.start())[0]
        pre = para.masked[s_start:match.start()]
        speaker = speaker_before(pre)
        if speaker:
            extra.append(Attribution(match.group(1).split()[0], match.start(1), match.end(1), speaker,
                                     s_start + _last_position(pre, speaker), match.end(1), para.index))
    for match in GERUND_RE.finditer(para.masked):
        s_start = _sentence_bounds(para, match.start())[0]
        said = [a for a in found[:bisect_left(starts, match.start())][-3:] if a.span_start >= s_start]
        subject = (said[-1].speaker if said else None) or subject_at(para.masked, s_start) \
            or _pronoun_subject(para.masked, s_start)
        if subject:
            verb = match.group(1).split()[0]
            extra.append(Attribution(verb, match.start(1), match.end(1), subject, match.start(1),
                                     match.end(1), para.index))
    for piece in para.pieces:
        open_at, close_at = piece.open_at - para.start, piece.close_end - para.start
        signed = DASH_SIGNATURE_RE.match(para.masked, close_at)
        if signed:
            name = speaker_name(signed.group(1))
            extra.append(Attribution("", close_at, close_at, name, close_at, signed.end(1), para.index))
        s_start = _sentence_bounds(para, open_at)[0]
        before = para.masked[max(s_start, open_at - WINDOW_BEFORE):open_at]
        if before.rstrip().endswith(":") and bisect_left(starts, open_at) == bisect_left(starts, s_start):
            named = re.fullmatch(r"\s*(" + NAME_RE.pattern[2:] + r"):\s*", before)
            subject = (speaker_name(named.group(1)) if named else None) or subject_at(para.masked, s_start) \
                or _pronoun_subject(para.masked, s_start)
            if subject:
                colon = s_start + before.rstrip().rfind(":")
                extra.append(Attribution("", colon, colon, subject, colon, colon, para.index))
    return extra


def _pronoun_subject(masked: str, start: int) -> str | None:
    """Return the pronoun that opens a sentence (He, She, They, It), lower-cased, or None."""
    first = masked[start:start + 6].split()[:1]
    return first[0].lower() if first and is_pronoun(first[0]) else None


def _last_position(text: str, phrase: str) -> int:
    """Return where the phrase last occurs in text, whatever whitespace separates its words (else len(text))."""
    at = text.rfind(phrase)
    if at >= 0:
        return at
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    matches = list(re.finditer(pattern, text))
    return matches[-1].start() if matches else len(text)


def _read_attribution(verb: str, pre: str, post: str, v_start: int, v_end: int, s_start: int, para: Paragraph) -> Attribution | None:
    """Return the attribution around one verb, reading the speaker before or after it."""
    if verb == "as saying":
        quoted = re.search(r"\b(?:quoted|cited)\s+(.{1,80}?)\s*$", pre)
        speaker = _clean_speaker(quoted.group(1)) if quoted else speaker_before(re.sub(r"\s+(?:was|were|is)\s+quoted\s*$", "", pre))
        if speaker and _valid_speaker(speaker):
            return Attribution("quoted as saying", v_start, v_end, speaker, v_start - len(pre), v_end, para.index)
        return None
    if verb != "according to":
        speaker = speaker_before(pre)
        if not speaker and re.search(r"\b(?:and|but)\s+(?:then\s+|also\s+)?$", pre):
            speaker = subject_at(para.masked, s_start)
            pre = para.masked[s_start:v_start]
        if speaker:
            return Attribution(verb, v_start, v_end, speaker, v_start - len(pre) + _last_position(pre, speaker),
                               v_end, para.index)
        if pre.strip() and not pre.rstrip().endswith((",", ":", MASK)):
            return None
    speaker = speaker_after(post)
    if speaker:
        found = post.find(speaker)
        if found >= 0:
            end = found + len(speaker)
        else:
            match = re.search(r"\s+".join(re.escape(word) for word in speaker.split()), post)
            end = match.end() if match else 0
        return Attribution(verb, v_start, v_end, speaker, v_start, v_end + end, para.index)
    return None


def find_persons(para: Paragraph) -> list[tuple[int, str, str | None]]:
    """Return (offset, name, gender) for capitalised names that look like people in a masked paragraph."""
    persons = []
    for match in MULTI_NAME_RE.finditer(para.masked):
        name = strip_titles(match.group())
        words = name.split()
        while words and words[0] in SENTENCE_OPENERS:
            words.pop(0)
        if any(w.rstrip(".,'\u2019s") in ORG_WORDS or w in ORG_WORDS for w in words):
            continue
        titled = match.group() != name
        before = para.masked[max(0, match.start() - 6):match.start()].lower()
        if re.search(r"\b(?:in|at|from|to|near|of)\s+$", before) and not titled:
            continue
        if len(words) >= 2 or (titled and words):
            name = " ".join(words).removesuffix("'s").removesuffix("\u2019s")
            persons.append((match.start(), name, _gender(match.group())))
    return persons


def subject_at(masked: str, start: int) -> str | None:
    """Return the subject of the sentence starting at `start`: its first words before a verb, or None."""
    opening = LEADING_PHRASE_RE.match(masked, start)
    if opening:
        start = opening.end()
    words = masked[start:start + 80].split()[:6]
    for i, word in enumerate(words):
        bare = word.strip(",.;:")
        if i and bare.islower() and (bare in SUBJECT_VERBS or (bare.endswith("ed") and len(bare) > 4)):
            phrase = " ".join(w.strip(",") for w in words[:i])
            if MASK not in phrase and words[0] not in SUBJECT_OPENERS and i <= 4:
                return speaker_name(phrase)
            return None
    return None


SUBJECT_OPENERS = SENTENCE_OPENERS - {"The", "A", "An", "His", "Her", "Its", "Their", "He", "She", "They", "It"}


LEADING_PHRASE_RE = re.compile(r"\s*(?:In|On|At|After|Before|During|Speaking|Asked|Earlier|Later|Last|"
                               r"This|On|From|Since|Under|Writing|Meanwhile|However)\b[^,.;:" + MASK + r"]{0,60},\s*")
"""An opening phrase before the subject ("In a post on X, ...", "Speaking to reporters, ...")."""


def find_subjects(para: Paragraph) -> list[tuple[int, str, str | None]]:
    """Return (offset, phrase, gender) for each sentence's subject: its first words before a verb."""
    subjects = [(start, subject_at(para.masked, start)) for start in para.sentence_starts]
    return [(start, subject, _gender(subject)) for start, subject in subjects if subject and not is_pronoun(subject)]


def strip_titles(name: str) -> str:
    """Return a name without the titles before it ("FBI Director James Comey" -> "James Comey")."""
    words = name.split()
    last_title = max((i for i, w in enumerate(words)
                      if w in PERSON_TITLES or (("-" in w) and w.split("-")[0] in PERSON_TITLES)), default=-1)
    rest = words[last_title + 1:]
    if not rest or not rest[0][0].isupper() or any(w.rstrip(".,") in ORG_WORDS for w in rest):
        return name
    return " ".join(rest)


def speaker_name(phrase: str) -> str:
    """Return the name ending a speaker phrase without titles or descriptors, else the phrase as written."""
    words = phrase.split()
    run = len(words)
    while run > 0 and (words[run - 1][0].isupper() or re.fullmatch(PARTICLE, words[run - 1])):
        run -= 1
    if run == len(words):
        return phrase
    name = strip_titles(" ".join(words[run:]))
    if name != " ".join(words[run:]):
        return name
    before = words[run - 1] if run else ""
    if run and before.islower() and before not in DETERMINERS and before not in {"of", "for", "at", "and"}:
        return name
    return phrase


def _is_name(phrase: str) -> bool:
    """Return True if every word of a phrase is capitalised or a name particle."""
    words = _words(phrase)
    return bool(words) and words[0] not in SENTENCE_OPENERS and all(
        w[0].isupper() or re.fullmatch(PARTICLE, w) for w in words)


# ---------------------------------------------------------------- speakers for quotes


def _attributions_around(para: Paragraph, at: int, before: int, after: int) -> list[Attribution]:
    """Return the few attributions starting just before and just after paragraph offset at."""
    i = bisect_left(para.attribution_starts, at)
    return para.attributions[max(0, i - before):i + after]


def _nearest(para: Paragraph, piece: Piece) -> Attribution | None:
    """Return the attribution for a piece from its own sentence: next to it first, then nearest."""
    open_at = piece.open_at - para.start
    close_at = piece.close_end - para.start
    s_start, s_end = _sentence_bounds(para, open_at)
    s_end = max(s_end, _sentence_bounds(para, close_at)[1])
    masked = para.masked
    same = []
    for a in reversed(_attributions_around(para, open_at, 4, 0)):
        if a.span_end <= open_at and a.span_start >= s_start:
            gap = masked[a.span_end:open_at] if open_at - a.span_end <= 80 else "."
            if re.fullmatch(r"[\s,:]*(?:that\s*)?", gap) or re.fullmatch(r"[^.!?" + MASK + r"]{0,60}:\s*", gap):
                return a
            same.append((open_at - a.span_end, a))
    for a in _attributions_around(para, close_at, 0, 3):
        if a.span_start >= close_at:
            gap = masked[close_at:a.span_start] if a.span_start - close_at <= 80 else "."
            if re.fullmatch(r"[\s,;:\u2014\u2013-]*", gap):
                return a
            if a.span_start < s_end:
                same.append((a.span_start - close_at, a))
    return min(same, key=lambda pair: pair[0])[1] if same else None


def attribute(paragraphs: list[Paragraph]) -> tuple[dict[int, Attribution | None], set[int]]:
    """Return the attribution chosen for each quote group, and the groups attributed in their own sentence."""
    chosen: dict[int, Attribution | None] = {}
    in_sentence: set[int] = set()
    for para in paragraphs:
        for piece in para.pieces:
            found = _nearest(para, piece)
            if found and chosen.get(piece.group) is None:
                chosen[piece.group] = found
                in_sentence.add(piece.group)
            chosen.setdefault(piece.group, None)
    for k, para in enumerate(paragraphs):
        last: Attribution | None = None
        for i, piece in enumerate(para.pieces):
            if chosen[piece.group] is None:
                chosen[piece.group] = _fallback(paragraphs, k, i, chosen, last)
            last = chosen[piece.group] or last
    return chosen, in_sentence


def _fallback(paragraphs: list[Paragraph], k: int, i: int, chosen: dict,
              last_quoted: Attribution | None) -> Attribution | None:
    """Return an attribution for a quote with none in its sentence, from its paragraph or the last one."""
    para = paragraphs[k]
    piece = para.pieces[i]
    open_at = piece.open_at - para.start
    earlier = [a for a in reversed(_attributions_around(para, open_at, 4, 0)) if a.span_end <= open_at][:1]
    candidates = earlier + ([last_quoted] if last_quoted else [])
    if candidates:
        return max(candidates, key=lambda a: a.verb_start if a.paragraph == para.index else -1)
    later_quotes = [chosen.get(p.group) for p in para.pieces[i + 1:i + 2] if chosen.get(p.group)]
    if later_quotes and open_at <= para.masked_lead:
        return later_quotes[0]
    introduced = k > 0 and paragraphs[k - 1].colon_end and paragraphs[k - 1].attributions
    if open_at <= para.lead and introduced:
        return paragraphs[k - 1].attributions[-1]
    if open_at <= para.lead and k > 0 and paragraphs[k - 1].pieces:
        previous = paragraphs[k - 1]
        quoted = [chosen.get(p.group) for p in previous.pieces if chosen.get(p.group)]
        last_piece_end = previous.pieces[-1].close_end - previous.start
        newcomers = [name for at, name, _ in previous.persons if at > last_piece_end
                     and quoted and name != quoted[-1].resolved]
        if quoted and not newcomers:
            return quoted[-1]
    return _person_before(paragraphs, k, open_at)


def _person_before(paragraphs: list[Paragraph], k: int, open_at: int) -> Attribution | None:
    """Return the person last mentioned before a sentence-opening quote (this paragraph, else the last)."""
    para = paragraphs[k]
    s_start = _sentence_bounds(para, open_at)[0]
    if SPACE_RE.match(para.masked, s_start).end() < open_at:
        return None
    people = [(at, name) for at, name, _ in para.persons[:bisect_left(para.persons, (open_at,))][-50:]
              if _kind_of_speaker(name) == "person"]
    if not people and open_at <= para.lead and k > 0:
        people = [(-1, name) for _, name, _ in paragraphs[k - 1].persons if _kind_of_speaker(name) == "person"]
    if not people:
        return None
    name = people[-1][1]
    return Attribution("", open_at, open_at, name, open_at, open_at, para.index, resolved=name)


def _gender(phrase: str) -> str | None:
    """Return 'f', 'm' or None from titles, role words and common first names in a phrase."""
    words = [w.lower().rstrip(".") for w in _words(phrase)]
    if any(w in FEMALE_WORDS for w in words) or (words and words[0] in FEMALE_NAMES):
        return "f"
    if any(w in MALE_WORDS for w in words) or (words and words[0] in MALE_NAMES):
        return "m"
    return None


def _kind_of_speaker(phrase: str) -> str:
    """Return person, group or thing for a resolved speaker phrase."""
    words = _words(phrase)
    head = words[-1].lower().rstrip(".,") if words else ""
    if head.endswith("s") and PERSON_NOUNS.match(head[:-1]) or head in ("police", "people", "authorities"):
        return "group"
    if _is_name(phrase) and not any(w in ORG_WORDS for w in words):
        return "person"
    return "person" if PERSON_NOUNS.match(head) else "thing"


def _fits(pronoun: str, phrase: str, genders: dict[str, str]) -> bool:
    """Return True if a pronoun can refer to a speaker or person phrase (genders: what the text showed)."""
    kind = _kind_of_speaker(phrase)
    gender = _gender(phrase) or genders.get(phrase) or genders.get(_words(phrase)[-1])
    if pronoun == "he":
        return kind == "person" and gender != "f"
    if pronoun == "she":
        return kind == "person" and gender != "m"
    words = _words(phrase)
    organisation = any(w.rstrip(".,") in ORG_WORDS for w in words) or (len(words) == 1 and _is_name(phrase))
    if pronoun == "they":
        return kind == "group" or organisation
    return kind == "thing" or (organisation and gender is None)


def resolve_speakers(paragraphs: list[Paragraph]) -> None:
    """Set each attribution's resolved speaker: pronouns and 'the official' become earlier speakers."""
    history: list[Attribution] = []
    genders: dict[str, str] = {}
    for k, para in enumerate(paragraphs):
        for attribution in para.attributions:
            attribution.resolved = _resolve(attribution, paragraphs, k, history, genders)
            _learn_gender(genders, attribution)
            history.append(attribution)


def _learn_gender(genders: dict[str, str], attribution: Attribution) -> None:
    """Remember a speaker's gender from a title (Mr, Mrs) or the pronoun that referred to them."""
    name = attribution.resolved
    gender = {"he": "m", "she": "f"}.get(attribution.speaker.lower()) or _gender(attribution.speaker)
    if name and gender:
        genders.setdefault(name, gender)
        genders.setdefault(_words(name)[-1], gender)


def _resolve(attribution: Attribution, paragraphs: list[Paragraph], k: int, history: list[Attribution],
             genders: dict[str, str]) -> str | None:
    """Return the speaker an attribution refers to, or None if a pronoun cannot be resolved."""
    speaker = attribution.speaker
    pronoun = speaker.lower()
    if pronoun in PRONOUNS:
        return _antecedent(pronoun, attribution, paragraphs, k, genders)
    words = _words(speaker)
    if words[0].lower() == "the" and not _is_name(" ".join(words[1:])):
        head = words[-1].lower()
        for earlier in reversed(history[-12:]):
            if earlier.resolved and earlier.resolved != speaker and k - earlier.paragraph <= 3 \
                    and _words(earlier.resolved)[-1].lower() == head:
                return earlier.resolved
    return speaker_name(speaker)


def _antecedent(pronoun: str, attribution: Attribution, paragraphs: list[Paragraph], k: int,
                genders: dict[str, str]) -> str | None:
    """Return the most recent fitting speaker, else named person, going back paragraph by paragraph."""
    for back in range(k, max(-1, k - 10), -1):
        para = paragraphs[back]
        limit = attribution.span_start if back == k else len(para.masked) + 1
        recent = para.attributions[:bisect_left(para.attribution_starts, limit)][-50:]
        speakers = [a.resolved for a in recent if a.span_end <= limit and a.resolved and a is not attribution]
        for name in reversed(speakers):
            if _fits(pronoun, name, genders):
                return name
        for _at, name, gender in reversed(para.persons[:bisect_left(para.persons, (limit,))][-50:]):
            if _fits(pronoun, name, {name: gender} if gender else genders):
                return name
    return None


# ---------------------------------------------------------------- kinds


def _is_title_case(quote: str) -> bool:
    """Return True if every longer word of a quote is capitalised (Flames of War)."""
    words = re.findall(r"[\w'\u2019-]+", quote)
    small = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "by", "from", "or", "vs", "is"}
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in small for w in words)


def classify(quote: str, before: str, after: str, attributed: bool, continued: bool, headline: bool = False) -> str:
    """Return direct, partial, term or title for a quote given the masked text beside it in its sentence."""
    words = _words(quote)
    ends_sentence = bool(re.search(r"[.!?][)'\u2019\"\u201d]*$", quote))
    context_before = before.lower().split()[-3:]
    context_after = after.lower().split()[:2]
    if _is_title_case(quote) and not ends_sentence and len(words) <= 10 and (
            any(w.strip(",.") in WORK_NOUNS for w in context_before + context_after)):
        return "title"
    cue = before.lower().rstrip()
    if not continued and len(words) <= 4 and not ends_sentence and any(cue.endswith(c) for c in TERM_CUES):
        return "term"
    starts_upper = bool(re.match(r"[\W\d]*[A-Z\u00c0-\u00de]", quote)) or bool(re.match(r"[\d\[(]", quote))
    if not attributed and not continued and len(words) <= 3 and not (ends_sentence and starts_upper) \
            and not (headline and len(words) >= 2) and before.strip(" " + MASK):
        return "term"
    opens_sentence = not before.strip(" " + MASK) or before.rstrip().endswith((":", ",", MASK)) or continued
    resumes = before.lstrip().startswith(MASK) and before.rstrip().endswith(",")
    return "direct" if (starts_upper and opens_sentence) or resumes else "partial"


def is_headline(masked: str) -> bool:
    """Return True for a short line without closing punctuation, like a headline (quotes masked)."""
    line = masked.rstrip()
    return len(line.split()) <= 20 and not re.search(r"[.!?" + MASK + r"]$", line)


# ---------------------------------------------------------------- the public function


def extract_quotes(text: str) -> pd.DataFrame:
    """Return one row per quoted span: quote, start, end, kind, speaker, verb, paragraph."""
    check_text(text, "extract_quotes")
    paragraphs = [Paragraph(i, s, e) for i, (s, e) in enumerate(unit_spans(text))]
    line_starts = [start for start, _ in paragraph_spans(text)]
    find_pieces(text, paragraphs)
    for para in paragraphs:
        para.masked = mask_paragraph(text, para)
        para.sentence_starts = sentence_starts(text, para)
        para.headline = is_headline(para.masked)
        para.attributions = find_attributions(para)
        para.attribution_starts = [a.span_start for a in para.attributions]
        para.lead = SPACE_RE.match(para.masked).end()
        para.masked_lead = LEADING_BLANK_RE.match(para.masked).end()
        para.colon_end = para.masked.rstrip().endswith(":")
    resolve_speakers(paragraphs)
    chosen, in_sentence = attribute(paragraphs)
    sizes = Counter(piece.group for para in paragraphs for piece in para.pieces)
    rows = [_row(text, para, piece, chosen.get(piece.group), piece.group in in_sentence, sizes[piece.group] > 1)
            | {"paragraph": bisect_right(line_starts, piece.inner_start) - 1}
            for para in paragraphs for piece in para.pieces]
    return _frame(rows)


def _row(text: str, para: Paragraph, piece: Piece, attribution: Attribution | None, in_sentence: bool,
         multi: bool) -> dict:
    """Return the output row for one piece."""
    quote = text[piece.inner_start:piece.inner_end]
    open_at, close_at = piece.open_at - para.start, piece.close_end - para.start
    s_start, s_end = _sentence_bounds(para, open_at)
    before = para.masked[max(s_start, open_at - WINDOW_BEFORE):open_at]
    after = para.masked[close_at:min(s_end, close_at + WINDOW_AFTER)]
    kind = classify(quote, before, after, in_sentence, multi or not piece.closed, para.headline)
    speech = kind in SPEECH_KINDS and attribution is not None
    return {
        "quote": quote, "start": piece.inner_start, "end": piece.inner_end, "kind": kind,
        "speaker": attribution.resolved if speech else None,
        "verb": (attribution.verb or None) if speech else None, "paragraph": para.index,
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    """Return the rows as a DataFrame with the documented columns and types."""
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("start", "end", "paragraph"):
        frame[column] = frame[column].astype(int)
    for column in ("quote", "kind", "speaker", "verb"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame
