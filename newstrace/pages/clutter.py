"""Separate a news story from the page clutter around it, keeping what was removed as evidence.

`clean(text)` works on the story's paragraphs (one per non-blank line; hard-wrapped blocks are
joined first) by general rules about how web pages are built, never by a list of known strings:

| reason      | rule |
|-------------|------|
| navigation  | a short line (at most 8 words) made of site-interface words: "skip to content", "menu", "sign in", breadcrumbs ("Home > World"), a lone "Close" |
| share       | a short line of sharing-widget words: "share", "link copied", "tweet", "email", "print" |
| advert      | a short line announcing an advertisement or sponsored content, however often it repeats |
| byline      | a short line that names the author: "By Jane Doe", "Written by ..." |
| timestamp   | a short line that is only a publication or update time or date |
| headline    | the first line of a page capture, when it reads as a title (no closing punctuation) and prose follows; furniture lines around it do not make it a sidebar |
| caption     | a line that ends in a picture credit, "(Photo: ...)", "(Screenshot from ...)", ". Picture: ...", or starts "Photo:"; also kept in `.captions` |
| duplicate   | a line repeated word for word (after typographic folding) later on the page: the later copies go (repeated furniture keeps its own reason) |
| related     | a heading such as "Related articles" or "Read more" and the run of linked headlines (with their short summaries) after it; a stand-alone "Related: ..." / "See also: ..." line |
| sidebar     | a "Most read" / "Trending" / "Top stories" heading, any other short heading followed by two or more headline-like lines, or a bare run of three or more of them: lists of other stories |
| promo       | a teaser for another story inside a paragraph: a trailing unquoted question with a short answer, or "Read more:" / "Click here" sentences |
| consent     | a cookie or consent banner: "we use cookies", "we value your privacy", "accept all cookies", "cookie policy" |
| subscription| a newsletter or subscription prompt opening with an imperative: "Sign up for our newsletter ...", "Subscribe for £1 a week", "Already a subscriber?" |
| comments    | a comment count or link: "17 comments", "Comments (12)", "Have your say: 32 comments", "View comments" |
| copyright   | a copyright line or wire-service footer: "© ...", "Copyright 2024 ...", "All rights reserved", "may not be published, broadcast, rewritten ..." |
| bio         | a note about the author: a line that opens with a byline's name and "is", "was", "has", "writes", "covers" or "joined" |

Consent, subscription and copyright wording is read in lines of up to 60 words; longer lines are story.
The rules run again on their own output until nothing changes, so `clean` is idempotent.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from newstrace.pages.furniture import (
    MAX_SUMMARY_WORDS,
    RELATED_HEADING,
    SIDEBAR_HEADING,
    byline_names,
    caption_credit,
    caption_or_interface_reason,
    fold,
    is_author_bio,
    is_headline_like,
    is_prose,
    is_summary_of,
    promo_start,
    word_count,
)
from newstrace.text.guard import check_text
from newstrace.text.segments import is_hard_wrapped, line_blocks, numbered_lines

REASONS = {
    "navigation": "site navigation or interface text",
    "share": "sharing-widget text",
    "advert": "advertisement marker",
    "byline": "author line",
    "timestamp": "publication or update time",
    "headline": "page headline above the story",
    "caption": "picture caption with its credit",
    "duplicate": "a repeat of an earlier line",
    "related": "related-articles line or block",
    "sidebar": "list of other stories, such as most read",
    "promo": "teaser for another story",
    "consent": "cookie or consent banner",
    "subscription": "newsletter or subscription prompt",
    "comments": "comment count or comments link",
    "copyright": "copyright line or wire-service footer",
    "bio": "the author's biography box",
}
"""The vocabulary of `Cleaned.removed["reason"]`, with what each reason means."""

REMOVED_COLUMNS = ["line", "start", "end", "text", "reason"]
CAPTION_COLUMNS = ["line", "start", "end", "text", "credit"]

REMOVED_COLUMNS = ["line", "start", "end", "text", "reason"]
CAPTION_COLUMNS = ["line", "start", "end", "text", "credit"]
MAX_HEADING_WORDS = 4


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


def _units(text: str) -> list[_Unit]:
    """Return candidate paragraphs: each line, or each block joined when the text is hard-wrapped."""
    if not is_hard_wrapped(text):
        return [_Unit(number, start, line, [(0, start)]) for number, start, line in numbered_lines(text)]
    units = []
    for block in line_blocks(text):
        pieces, parts, position = [], [], 0
        for _, start, line in block:
            pieces.append((position, start))
            parts.append(line)
            position += len(line) + 1
        units.append(_Unit(block[0][0], block[0][1], " ".join(parts), pieces))
    return units


def _section_end(units: list[_Unit], heading: int) -> int:
    """Return the index after the run of linked headlines and summaries that follows a heading."""
    index, seen, headline = heading + 1, Counter(), None
    while index < len(units):
        text = units[index].text
        if fold(text) not in seen and (_heading_reason(units, index) or caption_or_interface_reason(text)):
            break
        if fold(text) in seen or is_headline_like(text):
            headline = text
        elif headline is not None and _is_teaser_summary(units, index, headline, seen):
            headline = None
        else:
            break
        seen[fold(text)] += 1
        index += 1
    return index


def _is_teaser_summary(units: list[_Unit], index: int, headline: str, seen: Counter) -> bool:
    """Return True if a line under a listed headline is its summary: shared words, or short under a teaser's repeated link."""
    text = units[index].text
    if is_summary_of(text, headline):
        return True
    repeated = seen[fold(headline)] >= 2  # a teaser's headline captured twice (picture link and title link)
    next_is_headline = index + 1 == len(units) or is_headline_like(units[index + 1].text)
    return repeated and next_is_headline and word_count(text) <= MAX_SUMMARY_WORDS


def _headline_count(units: list[_Unit], start: int, window: int = 4) -> int:
    """Return how many distinct headline-like lines stand among the next `window` units."""
    texts = {fold(unit.text) for unit in units[start : start + window]
             if is_headline_like(unit.text) and not caption_or_interface_reason(unit.text)}
    return len(texts)


def _heading_reason(units: list[_Unit], index: int) -> str | None:
    """Return related/sidebar if this unit heads a list of other stories, else None."""
    text = units[index].text
    if RELATED_HEADING.match(text):
        return "related"
    if SIDEBAR_HEADING.match(text):
        return "sidebar"
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


def _classify(units: list[_Unit]) -> list[str | None]:
    """Return a removal reason (or None to keep) for each unit."""
    reasons: list[str | None] = [None] * len(units)
    seen: set[str] = set()
    first_prose = _first_prose_index(units)
    authors = byline_names(unit.text for unit in units)
    index = 0
    while index < len(units):
        text = units[index].text
        reason = caption_or_interface_reason(text) or ("duplicate" if fold(text) in seen else None)
        if reason is None and is_author_bio(text, authors):
            reason = "bio"
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


def paragraph_numbers(text: str) -> list[tuple[int, str]]:
    """Return (number, paragraph) for each paragraph of the cleaned story, numbered from 1 as people read them."""
    return list(enumerate(clean(text).paragraphs, start=1))


def _table(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Return the rows as a DataFrame with the given columns (built column by column: faster)."""
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    return pd.DataFrame({name: [row[name] for row in rows] for name in columns}, columns=columns)
