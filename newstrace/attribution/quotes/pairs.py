"""Step 2, pairs: marks of one type paired inside each paragraph, quotes running on over paragraphs, nested quotes dropped."""

from __future__ import annotations

from newstrace.attribution.quotes.marks import find_marks
from newstrace.attribution.quotes.records import DOUBLE, SINGLE, Mark, Paragraph, Piece
from newstrace.text.segments import strip_span


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
