"""Separate a news story from the page clutter around it, keeping what was removed as evidence.

`clean(text)` works on the story's paragraphs (one per non-blank line; hard-wrapped blocks are
joined first) by general rules about how web pages are built, never by a list of known strings:

| reason      | rule |
|-------------|------|
| navigation  | a short line (at most 8 words) made of site-interface words: "skip to content", "menu", "sign in", breadcrumbs ("Home > World") |
| share       | a short line of sharing-widget words: "share", "link copied", "tweet", "email", "print" |
| advert      | a short line announcing an advertisement or sponsored content |
| byline      | a short line that names the author: "By Jane Doe", "Written by ..." |
| timestamp   | a short line that is only a publication or update time or date |
| headline    | the first line of a page capture, when it reads as a title (no closing punctuation) and prose follows |
| caption     | a line that ends in a picture credit, "(Photo: ...)", "(Screenshot from ...)", or starts "Photo:"; also kept in `.captions` |
| duplicate   | a line repeated word for word (after typographic folding) later on the page: the later copies go |
| related     | a heading such as "Related articles" or "Read more", and the run of linked headlines (with their short summaries) after it |
| sidebar     | any other short heading followed by two or more headline-like lines, or a bare run of three or more of them: lists of other stories |
| promo       | a teaser for another story inside a paragraph: a trailing unquoted question with a short answer, or "Read more:" / "Click here" sentences |

The rules run again on their own output until nothing changes, so `clean` is idempotent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from newstrace.text.guard import check_text

REASONS = {
    "navigation": "site navigation or interface text",
    "share": "sharing-widget text",
    "advert": "advertisement marker",
    "byline": "author line",
    "timestamp": "publication or update time",
    "headline": "page headline above the story",
    "caption": "picture caption with its credit",
    "duplicate": "a repeat of an earlier line",
    "related": "related-articles block",
    "sidebar": "list of other stories",
    "promo": "teaser for another story",
}
"""The vocabulary of `Cleaned.removed["reason"]`, with what each reason means."""

REMOVED_COLUMNS = ["line", "start", "end", "text", "reason"]
CAPTION_COLUMNS = ["line", "start", "end", "text", "credit"]

MAX_UI_WORDS = 8
MAX_HEADLINE_WORDS = 25
MAX_SUMMARY_WORDS = 40
MAX_HEADING_WORDS = 4
_MEMO_SIZE = 1024  # per-line rules are pure functions of the line: memoised, as `clean` runs them pass after pass

_TERMINAL = re.compile(r"[.!?…:;,][\"'”’)\]\s]*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")

_SHARE_WORDS = re.compile(
    r"\b(share|shares|shared|link copied|copy link|copied to clipboard|clipboard|tweet|facebook|"
    r"twitter|whatsapp|linkedin|pinterest|reddit|email|e-mail|print|comments?|messenger)\b",
    re.IGNORECASE,
)
_NAVIGATION_WORDS = re.compile(
    r"\b(skip to( main)? content|skip navigation|main menu|menu|search|sign in|sign up|log in|login|"
    r"log out|subscribe|subscription|home|back to top|toggle navigation|accessibility|cookies?|"
    r"sections|next article|previous article|listen to this article|min read|font size|"
    r"open in app|download the app|close)\b",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^\s*\w[\w &'-]*(\s*[>»›|/]\s*\w[\w &'-]*){1,}\s*$")
_ADVERT_WORDS = re.compile(
    r"\b(advertisement|advertising|sponsored|story continues below|paid content|promoted)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(by|written by|posted by|reporting by|words by)\s+[A-Z][\w.'-]*", re.IGNORECASE)
_MONTH = (
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_TIMESTAMP = re.compile(
    rf"^((published|updated|posted|last updated|first published)\b.*|"
    rf".*\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b.*|.*\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b.*|"
    rf".*\b\d{{1,2}}:\d{{2}}\s*(am|pm|a\.m\.|p\.m\.)?.*|\d+\s+(minutes?|hours?|days?)\s+ago)$",
    re.IGNORECASE,
)
_RELATED_HEADING = re.compile(
    r"^(related( articles| stories| content| coverage| news| links)?|read more|read next|"
    r"more stories|more on this( story)?|more from .{1,30}|you may also like|you might also like|"
    r"recommended( for you| stories)?|also read|see also|further reading|what to read next|"
    r"most read|most popular|trending( now)?|top stories|editor'?s picks)\s*:?$",
    re.IGNORECASE,
)
_CREDIT_WORDS = (
    r"screenshot|screen grab|screengrab|photo|photograph|photographer|image|picture|pic|credit|"
    r"courtesy|file|video|still|handout|illustration|graphic|getty|reuters|afp|epa|ap"
)
_TRAILING_CREDIT = re.compile(rf"\(([^()]{{0,80}}\b({_CREDIT_WORDS})\b[^()]{{0,80}})\)\s*$", re.IGNORECASE)
_LEADING_CREDIT = re.compile(r"^(photo|image|picture|caption|pictured|credit)\s*:", re.IGNORECASE)
_PROMO_SENTENCE = re.compile(
    r"^(read more|read also|related|see also|click here|watch|listen|sign up|subscribe|"
    r"more:|continue reading)\b",
    re.IGNORECASE,
)
_INTERROGATIVE = re.compile(
    r"^(why|how|what|who|whom|whose|which|when|where|did|does|do|is|are|was|were|can|could|"
    r"should|would|will)\b",
    re.IGNORECASE,
)
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\\": None})


@dataclass(frozen=True)
class Cleaned:
    """The story without page clutter, what was removed and why, and captions kept as evidence."""

    text: str
    paragraphs: list[str]
    removed_rows: list[dict] = field(repr=False)
    caption_rows: list[dict] = field(repr=False)
    headline: str | None = None

    @functools.cached_property
    def removed(self) -> pd.DataFrame:
        """What was removed: line, start, end, text, reason (built on first access, then kept)."""
        return _table(self.removed_rows, REMOVED_COLUMNS)

    @functools.cached_property
    def captions(self) -> pd.DataFrame:
        """Captions kept as evidence: line, start, end, text, credit (built on first access)."""
        return _table(self.caption_rows, CAPTION_COLUMNS)

    def __repr__(self) -> str:
        """Summarise the result in one line."""
        return (
            f"Cleaned({len(self.paragraphs)} paragraphs, {len(self.text.split())} words; "
            f"removed {len(self.removed_rows)} pieces, {len(self.caption_rows)} captions)"
        )


@dataclass
class _Unit:
    """A candidate paragraph with the input offsets it came from."""

    line: int
    start: int
    text: str
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, offset in input)

    def input_offset(self, position: int) -> int:
        """Return the input offset of a character position in this unit's text."""
        text_start, input_start = max((p for p in self.pieces if p[0] <= position), default=(0, self.start))
        return input_start + position - text_start

    @property
    def end(self) -> int:
        """Return the input offset just after this unit."""
        return self.input_offset(len(self.text))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Return (line number, input offset, stripped text) for each non-blank line."""
    result, offset = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True)):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        if stripped:
            result.append((number, offset + content.index(stripped[0]), stripped))
        offset += len(raw)
    return result


def _blocks(text: str) -> list[list[tuple[int, int, str]]]:
    """Return the non-blank lines grouped into blank-line-separated blocks."""
    blocks: list[list[tuple[int, int, str]]] = [[]]
    previous = None
    for line in _lines(text):
        if previous is not None and line[0] > previous + 1:
            blocks.append([])
        blocks[-1].append(line)
        previous = line[0]
    return [block for block in blocks if block]


def is_hard_wrapped(text: str) -> bool:
    """Return True if paragraphs are blank-line separated and their lines are wrapped mid-sentence."""
    blocks = _blocks(text)
    if len(blocks) < 2:
        return False
    inner = [line[2] for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner:
        return False
    lengths = sorted(len(line[2]) for block in blocks for line in block)
    unfinished = sum(1 for line in inner if not _TERMINAL.search(line))
    return lengths[int(0.9 * (len(lengths) - 1))] <= 100 and unfinished >= 0.6 * len(inner)


def _units(text: str) -> list[_Unit]:
    """Return candidate paragraphs: each line, or each block joined when the text is hard-wrapped."""
    if not is_hard_wrapped(text):
        return [_Unit(number, start, line, [(0, start)]) for number, start, line in _lines(text)]
    units = []
    for block in _blocks(text):
        pieces, parts, position = [], [], 0
        for _, start, line in block:
            pieces.append((position, start))
            parts.append(line)
            position += len(line) + 1
        units.append(_Unit(block[0][0], block[0][1], " ".join(parts), pieces))
    return units


@functools.lru_cache(maxsize=_MEMO_SIZE)
def word_count(text: str) -> int:
    """Return the number of words in text."""
    return len(_WORD.findall(text))


@functools.lru_cache(maxsize=_MEMO_SIZE)
def fold(text: str) -> str:
    """Return text folded for comparing lines: typography, escapes, case and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_prose(text: str) -> bool:
    """Return True if the line ends like a sentence."""
    return bool(_TERMINAL.search(text))


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_headline_like(text: str) -> bool:
    """Return True if the line reads as a title: short, no closing punctuation, starts capitalised."""
    words = word_count(text)
    first = next((char for char in text if char.isalnum()), "")
    return 0 < words <= MAX_HEADLINE_WORDS and not is_prose(text) and (first.isupper() or first.isdigit())


def interface_reason(text: str) -> str | None:
    """Return navigation/share/advert/byline/timestamp if a short line is page furniture, else None."""
    words = word_count(text)
    if words > MAX_UI_WORDS + 4:
        return None
    if words > MAX_UI_WORDS or (is_prose(text) and not text.rstrip().endswith(":")):
        return "timestamp" if _TIMESTAMP.match(text) else None
    if _ADVERT_WORDS.search(text):
        return "advert"
    if _SHARE_WORDS.search(text):
        return "share"
    if _NAVIGATION_WORDS.search(text) or _BREADCRUMB.match(text):
        return "navigation"
    if _BYLINE.match(text):
        return "byline"
    return "timestamp" if _TIMESTAMP.match(text) else None


def caption_credit(text: str) -> str | None:
    """Return the credit of a picture caption line, or None if the line is not a caption."""
    trailing = _TRAILING_CREDIT.search(text)
    if trailing:
        return trailing.group(1).strip()
    if _LEADING_CREDIT.match(text):
        return text.split(":", 1)[1].strip() or None
    return None


def _stems(text: str) -> set[str]:
    """Return crude stems (first five letters) of the words of four letters or more."""
    return {word[:5].casefold() for word in _WORD.findall(text) if len(word) >= 4}


def is_summary_of(text: str, headline: str) -> bool:
    """Return True if a short prose line reads as the summary of the headline above it."""
    return word_count(text) <= MAX_SUMMARY_WORDS and len(_stems(text) & _stems(headline)) >= 2


def _section_end(units: list[_Unit], heading: int) -> int:
    """Return the index after the run of linked headlines and summaries that follows a heading."""
    index, seen, headline = heading + 1, set(), None
    while index < len(units):
        text = units[index].text
        if fold(text) not in seen and _heading_reason(units, index):
            break
        if fold(text) in seen or is_headline_like(text):
            headline = text
        elif headline is not None and is_summary_of(text, headline):
            headline = None
        else:
            break
        seen.add(fold(text))
        index += 1
    return index


def _headline_count(units: list[_Unit], start: int, window: int = 4) -> int:
    """Return how many distinct headline-like lines stand among the next `window` units."""
    texts = {fold(unit.text) for unit in units[start : start + window] if is_headline_like(unit.text)}
    return len(texts)


def _heading_reason(units: list[_Unit], index: int) -> str | None:
    """Return related/sidebar if this unit heads a list of other stories, else None."""
    text = units[index].text
    if _RELATED_HEADING.match(text):
        return "related"
    heading = is_headline_like(text) and word_count(text) <= MAX_HEADING_WORDS
    return "sidebar" if heading and _headline_count(units, index + 1) >= 2 else None


def _section_reason(units: list[_Unit], index: int) -> str | None:
    """Return related/sidebar if a list of other stories, headed or bare, starts at this unit."""
    heading = _heading_reason(units, index)
    if heading:
        return heading
    bare_run = is_headline_like(units[index].text) and _headline_count(units, index, 3) >= 3
    return "sidebar" if bare_run and index > 0 else None


def _first_prose_index(units: list[_Unit]) -> int | None:
    """Return the index of the first unit that reads as a story paragraph."""
    return next((i for i, unit in enumerate(units) if is_prose(unit.text) and word_count(unit.text) >= 12), None)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def caption_or_interface_reason(text: str) -> str | None:
    """Return caption, or the interface reason, for a line that is page furniture; else None."""
    return "caption" if caption_credit(text) else interface_reason(text)


def _classify(units: list[_Unit]) -> list[str | None]:
    """Return a removal reason (or None to keep) for each unit."""
    reasons: list[str | None] = [None] * len(units)
    seen: set[str] = set()
    first_prose = _first_prose_index(units)
    index = 0
    while index < len(units):
        text = units[index].text
        reason = "duplicate" if fold(text) in seen else caption_or_interface_reason(text)
        section = None if reason else _section_reason(units, index)
        if section and first_prose is not None:
            end = _section_end(units, index)
            reasons[index:end] = [section] * (end - index)
            seen.update(fold(unit.text) for unit in units[index:end])
            index = end
            continue
        reasons[index] = reason
        seen.add(fold(text))
        index += 1
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    if kept and first_prose is not None and kept[0] < first_prose and is_headline_like(units[kept[0]].text):
        reasons[kept[0]] = "headline"
    return reasons


def _sentences(text: str) -> list[tuple[int, str]]:
    """Return (offset, sentence) pairs for a paragraph."""
    starts = [0] + [match.end() for match in _SENTENCE_END.finditer(text)]
    ends = starts[1:] + [len(text)]
    return [(s, text[s:e].rstrip()) for s, e in zip(starts, ends) if text[s:e].strip()]


def _unquoted(sentence: str) -> bool:
    """Return True if the sentence carries no quotation marks."""
    return not re.search(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)", sentence)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def promo_start(text: str) -> int | None:
    """Return where a trailing teaser for another story begins in a paragraph, or None."""
    sentences = _sentences(text)
    for position in range(max(1, len(sentences) - 2), len(sentences)):
        offset, sentence = sentences[position]
        answer = sentences[position + 1 :]
        if _PROMO_SENTENCE.match(sentence):
            return offset
        if _is_teaser_question(sentence, answer) and not any("?" in s for _, s in sentences[:position]):
            return offset
    return None


def _is_teaser_question(sentence: str, answer: list[tuple[int, str]]) -> bool:
    """Return True for an unquoted question followed by at most one short unquoted answer."""
    question = sentence.endswith("?") and _INTERROGATIVE.match(sentence) and _unquoted(sentence)
    short_answer = len(answer) <= 1 and all(
        word_count(s) <= 10 and _unquoted(s) and not s.endswith("?") for _, s in answer
    )
    return bool(question) and 5 <= word_count(sentence) <= 20 and short_answer


def _record(unit: _Unit, start: int, end: int, reason: str) -> dict:
    """Return a row of the removal table for part of a unit."""
    return {
        "line": unit.line,
        "start": unit.input_offset(start),
        "end": unit.input_offset(end),
        "text": unit.text[start:end],
        "reason": reason,
    }


def _one_pass(units: list[_Unit], removed: list[dict], captions: list[dict]) -> list[_Unit]:
    """Apply every rule once, recording removals, and return the units kept."""
    kept = []
    for unit, reason in zip(units, _classify(units)):
        if reason is None:
            cut = promo_start(unit.text)
            if cut is not None:
                removed.append(_record(unit, cut, len(unit.text), "promo"))
                unit = _Unit(unit.line, unit.start, unit.text[:cut].rstrip(), unit.pieces)
            kept.append(unit)
            continue
        row = _record(unit, 0, len(unit.text), reason)
        removed.append(row)
        if reason == "caption":
            captions.append({**row, "credit": caption_credit(unit.text)} | {"reason": None})
    return kept


def clean(text: str) -> Cleaned:
    """Return the story in `text` without page clutter, with what was removed and the captions."""
    check_text(text, "clean")
    units, removed, captions, headline = _units(text), [], [], None
    while True:
        before = len(removed)
        units = _one_pass(units, removed, captions)
        if len(removed) == before:
            break
    headlines = [row["text"] for row in removed if row["reason"] == "headline"]
    if headlines:
        headline = headlines[0]
    paragraphs = [unit.text for unit in units]
    removed = sorted(removed, key=lambda row: row["start"])  # stable, as the table's order by start
    return Cleaned(
        text="\n".join(paragraphs),
        paragraphs=paragraphs,
        removed_rows=removed,
        caption_rows=captions,
        headline=headline,
    )


def _table(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Return the rows as a DataFrame with the given columns (built column by column: faster)."""
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    return pd.DataFrame({name: [row[name] for row in rows] for name in columns}, columns=columns)
