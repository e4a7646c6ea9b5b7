"""Lines, paragraphs and sentences with offsets into the input: the one place text is segmented.

- A *line* is a run of characters between line breaks (the breaks of `str.splitlines`); a news text
  has one paragraph per non-blank line, so `line_spans` are its paragraphs and `paragraph_index`
  finds the paragraph holding an offset.
- A *sentence* ends at `SENTENCE_END`: ".", "!", "?" or "…", any closing quotes or brackets, space,
  then a capital or digit (or an opening quote before one). A period after a word in
  `ABBREVIATIONS` (Mr., Gen., Jan.), an initial (B.) or a dotted acronym (U.S.) ends none, and
  `sentences` never splits inside an open double quotation.

Every module that needs lines, paragraph numbers or sentences calls these (story, clean, quotes,
sources, credits, the attribution diff, the report and the widgets), so a widget and the library
always cut a paragraph the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

MASK = "\x1a"
"""The character attribution.quotes writes over a quotation: in masked text it counts as an opening."""

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gens", "col", "lt", "sgt", "capt", "cmdr", "maj",
    "pvt", "adm", "rep", "reps", "sen", "sens", "gov", "prof", "rev", "no", "vol", "jan", "feb", "mar",
    "apr", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "vs", "etc", "mt",
    "ft", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
})
"""Words that end with a period without ending a sentence (titles, months, company forms), lower case."""

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[" + MASK + r"]?[A-Z0-9" + MASK + r"])")
"""End punctuation, closing quotes or brackets, space, then what can open the next sentence."""

TERMINAL = re.compile(r"[.!?…:;,][\"'”’)\]\s]*$")
"""Punctuation that can end a line of prose (a line ending otherwise stops mid-sentence)."""

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…][\"'”’)\]]*\s*$")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of every non-blank line, without its line break."""
    return [(match.start(), match.end()) for match in _LINE.finditer(text) if match.group().strip()]


def line_starts(text: str) -> list[int]:
    """Return the start offset of every non-blank line: the paragraphs of a one-per-line text."""
    return [start for start, _ in line_spans(text)]


def paragraph_index(starts: list[int], offset: int) -> int:
    """Return the 0-based paragraph holding offset, given the paragraphs' start offsets."""
    return max(bisect_right(starts, offset) - 1, 0)


def line_of(text: str, offset: int) -> int:
    """Return the 0-based line (blank lines included) of text that holds the character offset."""
    return text.count("\n", 0, offset)


def joined_starts(parts: list[str]) -> list[int]:
    """Return where each part starts in the parts joined by newlines."""
    return [0, *accumulate(len(part) + 1 for part in parts[:-1])] if parts else []


def numbered_lines(text: str) -> list[tuple[int, int, str]]:
    """Return (line number, input offset, stripped text) for each non-blank line."""
    result, offset = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True)):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        if stripped:
            result.append((number, offset + content.index(stripped[0]), stripped))
        offset += len(raw)
    return result

def line_blocks(text: str) -> list[list[tuple[int, int, str]]]:
    """Return the non-blank lines grouped into blank-line-separated blocks."""
    blocks: list[list[tuple[int, int, str]]] = [[]]
    previous = None
    for line in numbered_lines(text):
        if previous is not None and line[0] > previous + 1:
            blocks.append([])
        blocks[-1].append(line)
        previous = line[0]
    return [block for block in blocks if block]

def is_hard_wrapped(text: str) -> bool:
    """Return True if paragraphs are blank-line separated and their lines are wrapped mid-sentence."""
    blocks = line_blocks(text)
    if len(blocks) < 2:
        return False
    inner = [line[2] for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner:
        return False
    lengths = sorted(len(line[2]) for block in blocks for line in block)
    unfinished = sum(1 for line in inner if not TERMINAL.search(line))
    return lengths[int(0.9 * (len(lengths) - 1))] <= 100 and unfinished >= 0.6 * len(inner)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span narrowed so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_abbreviation(word: str) -> bool:
    """Return True if a word written before a period is an abbreviation, initial or dotted acronym."""
    bare = word.rstrip(".")
    return "." in bare or bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isupper())


def _ends_sentence(text: str, start: int, end_of_mark: int) -> bool:
    """Return True if the mark before end_of_mark ends a sentence (not 'U.S.', 'Mr.', 'B.')."""
    match = _WORD_BEFORE.search(text[start:end_of_mark])
    if not match or not text[start + match.end(1)] == ".":
        return True
    return not is_abbreviation(match.group(1))


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Return True if position lies inside an open double quotation in text[start:position]."""
    piece = text[start:position]
    straight = piece.count('"') % 2 == 1
    return straight or piece.count("“") > piece.count("”")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in text[start:end], never split inside quotes."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in SENTENCE_END.finditer(text, start, end):
        mark_end = match.start() + len(match.group(0).rstrip())
        if _inside_quote(text, start, mark_end):
            continue
        if _ends_sentence(text, cursor, match.start() + 1):
            spans.append(strip_span(text, cursor, mark_end))
            cursor = match.end()
    if cursor < end and text[cursor:end].strip():
        spans.append(strip_span(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]
