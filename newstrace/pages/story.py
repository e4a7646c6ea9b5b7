"""The story's own text inside a page capture, and its sentences, with offsets into the input.

Shared by the attribution tools (sources, credits, attribution_diff): `story_spans` keeps every
non-blank line except what `newstrace.pages.clutter` removed as page clutter, so offsets always refer to
the text the caller passed in; `sentences` splits a span at sentence ends, not at abbreviations.
"""

from __future__ import annotations

import re

from newstrace.pages.clutter import clean

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr",
    "jr", "sr", "prof", "inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "mt", "ft", "rev", "gens", "sens", "reps", "adm", "maj", "pvt",
}
"""Words that end with a period without ending a sentence (titles, months, company forms)."""

_CANDIDATE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?][\"'”’)\]]*\s*$")


def story_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) input offsets of the story's paragraphs, page clutter left out."""
    removed = _removed_ranges(text)
    spans = []
    for start, end in line_spans(text):
        for piece in _subtract(start, end, removed):
            if text[piece[0]:piece[1]].strip():
                spans.append(strip_span(text, *piece))
    return spans


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of every non-blank line, without its line break."""
    spans, position = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            spans.append((position, position + len(content)))
        position += len(line)
    return spans


def _removed_ranges(text: str) -> list[tuple[int, int]]:
    """Return the input ranges that newstrace.pages.clutter removes as clutter."""
    removed = clean(text).removed
    return sorted(zip(removed["start"].astype(int), removed["end"].astype(int)))


def _subtract(start: int, end: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the parts of [start, end) not covered by any removed range."""
    pieces, cursor = [], start
    for cut_start, cut_end in removed:
        if cut_end <= cursor or cut_start >= end:
            continue
        if cut_start > cursor:
            pieces.append((cursor, cut_start))
        cursor = max(cursor, cut_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span narrowed so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str, start: int, end_of_mark: int) -> bool:
    """Return True if the period before end_of_mark ends a sentence (not 'U.S.', 'Mr.', 'B.')."""
    match = _WORD_BEFORE.search(text[start:end_of_mark])
    if not match or not text[start + match.end(1)] == ".":
        return True
    word = match.group(1)
    last = word.split(".")[-1] if not word.endswith(".") else word.rstrip(".").split(".")[-1]
    if "." in word.rstrip("."):  # dotted acronym such as U.S. or U.N.
        return False
    return not (last.lower() in ABBREVIATIONS or (len(last) == 1 and last.isupper()))


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Return True if position lies inside an open double quotation in text[start:position]."""
    piece = text[start:position]
    straight = piece.count('"') % 2 == 1
    return straight or piece.count("“") > piece.count("”")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in text[start:end], never split inside quotes."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in _CANDIDATE_END.finditer(text, start, end):
        mark_end = match.start() + len(match.group(0).rstrip())
        if _inside_quote(text, start, mark_end):
            continue
        if _ends_sentence(text, cursor, match.start() + 1):
            stop = match.end() - len(match.group(0)) + len(match.group(0).rstrip())
            spans.append(strip_span(text, cursor, stop))
            cursor = match.end()
    if cursor < end and text[cursor:end].strip():
        spans.append(strip_span(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]
