"""The story's own text inside a page capture, with offsets into the input.

Shared by the attribution tools (sources, credits, attribution_diff): `story_spans` keeps every
non-blank line except what `newstrace.pages.clutter` removed as page clutter, so offsets always refer
to the text the caller passed in. Its sentences come from `newstrace.text.segments.sentences`.
"""

from __future__ import annotations

from newstrace.pages.clutter import clean
from newstrace.text.segments import line_spans, strip_span


def story_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) input offsets of the story's paragraphs, page clutter left out."""
    removed = _removed_ranges(text)
    spans = []
    for start, end in line_spans(text):
        for piece in _subtract(start, end, removed):
            if text[piece[0]:piece[1]].strip():
                spans.append(strip_span(text, *piece))
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



