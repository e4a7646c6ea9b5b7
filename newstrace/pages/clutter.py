"""Separate a news story from the page clutter around it, keeping what was removed as evidence.

`clean(text)` works on the story's paragraphs (one per non-blank line; hard-wrapped blocks are
joined first) by general rules about how web pages are built, never by a list of known strings:

| reason      | rule |
|-------------|------|
| navigation  | a short line (at most 8 words) made of site-interface words: "skip to content", "menu", "sign in", breadcrumbs ("Home > World"), a lone "Close", read times ("5 min read"), gallery counters ("1 of 12"), video-player controls ("Play video"); a row of links on one line ("Contact us · Careers · Advertise"); a menu: three or more short items together with a menu word among them, or four without; tags ("Topics: ...", or a "Tags" heading and the tags under it) |
| share       | a short line of sharing-widget words: "share", "link copied", "tweet", "email", "print", "Save", "Gift article", "12 Likes" |
| advert      | a short line announcing an advertisement or sponsored content, however often it repeats: "Advertisement", "Ad", "Story continues below advertisement"; title-like lines after the story's end under such a marker (sponsored links) |
| byline      | a short line that names the author: "By Jane Doe", "Written by ...", "Guest column by ..."; a wire's "(Reporting by ...; Editing by ...)"; under the headline, a name, a role or an agency without "By" ("Jane Doe", "Health correspondent", "Reuters") |
| timestamp   | a short line, or a line of any length made only of dates, times and their labels, that is a publication or update time |
| headline    | the page's title: the first title-like line (no closing punctuation) above the story's first paragraph, and the standfirst under it (title-like lines, or one sentence followed by a byline or a time before the story starts); furniture around it does not make it a sidebar |
| caption     | a line that ends in a picture credit, "(Photo: ...)", "(Jo Bloggs/Agency)", ". Picture: ...", ".Credit...", ". Jo Bloggs/Agency", or starts "Photo:", "Image caption,", "Image source,", "Illustration by", "Data:"; a credit-only line and the title-like line above it; a title-like line inside the story that says where people stand ("(pictured)", "(left)"), or a single unpunctuated sentence of 10 to 40 words standing alone between paragraphs; also kept in `.captions` |
| duplicate   | a line repeated word for word (after typographic folding) later on the page: the later copies go (repeated furniture keeps its own reason); a sentence of at least six words whose words all stand in a longer story line (a pull quote) |
| related     | a heading such as "Related articles" or "Read more" and the run of linked headlines (with their short summaries and dates) after it; a stand-alone "Related: ..." / "See also: ..." / "Watch more: ..." line; title-like lines after the story's last paragraph and the furniture under it, when a related line or heading comes first |
| sidebar     | a "Most read" / "Trending" / "Top stories" heading, any other short heading followed at once by two or more headline-like lines, or a bare run of three or more of them (never in the page's header, nor a list the story introduces with a colon): lists of other stories; title-like lines after the story's end and its furniture |
| promo       | a teaser for another story inside a paragraph: a trailing unquoted question with a short answer, or "Read more:" / "Click here" sentences |
| consent     | a cookie or consent banner: "we use cookies", "we value your privacy", "accept all cookies", "cookie policy" |
| subscription| a newsletter or subscription prompt opening with an imperative: "Sign up for our newsletter ...", "Subscribe for £1 a week", "Already a subscriber?", "Follow us on Instagram"; a short line about a newsletter or an email address; a sign-up form's fine print ("By signing up, you agree ..."); any line of up to 40 words between two such lines (a newsletter box) |
| comments    | a comment count or link: "17 comments", "Comments (12)", "Comments 123", "Have your say: 32 comments", "View comments", "Comments closed"; a line that is only a number (a share count when a share line follows) |
| copyright   | a copyright line or wire-service footer: "© ...", "Copyright 2024 ...", "All rights reserved", "may not be published, broadcast, rewritten ..."; a publisher's imprint ("Published by X Ltd", "Part of the Y Group") |
| bio         | a note about the author: a line that opens with a byline's name and "is", "was", "has", "writes", "covers", "joined", "reports" or "can be reached" |

Story lines in the same places stay: a subhead between paragraphs, a one-line quote, a short last paragraph
right under the story, "Correction: ..." and "Editor's note: ..." lines, labelled notes ("Journal
reference: ..."), a list the story introduces with a colon, a line ending in a web address or phone number.
Consent, subscription and copyright wording is read in lines of up to 60 words; longer lines are story.
Per-line word families are in newstrace.pages.wording and newstrace.pages.furniture; the rules that read
a line's neighbours (menus, the header, boxes, captions, pull quotes, lists after the story) in
newstrace.pages.layout.
The rules run again on their own output until nothing changes, so `clean` is idempotent.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from newstrace.pages import layout
from newstrace.pages.furniture import (
    MAX_SUMMARY_WORDS,
    byline_names,
    caption_credit,
    caption_or_interface_reason,
    fold,
    is_author_bio,
    is_bare_count,
    is_headline_like,
    is_prose,
    is_summary_of,
    promo_start,
    word_count,
)
from newstrace.pages.wording import RELATED_HEADING, SIDEBAR_HEADING, TAGS_HEADING
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
MAX_HEADING_WORDS = 4
MAX_TEASER_WORDS = 30
"""Longest summary a teaser list can have under a headline it shares no words with."""
MAX_TAG_WORDS = 5


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


def _section_end(texts: list[str], reasons: list[str | None], heading: int) -> int:
    """Return the index after the run of linked headlines, summaries and dates that follows a heading."""
    index, seen, headline, summaries = heading + 1, Counter(), None, 0
    while index < len(texts):
        text = texts[index]
        if reasons[index] == "timestamp":  # a teaser's date
            index += 1
            continue
        if fold(text) not in seen and (_heading_reason(texts, reasons, index) or caption_or_interface_reason(text)):
            break
        if fold(text) in seen or is_headline_like(text):
            headline = text
        elif _is_teaser_summary(texts, reasons, index, headline, seen, summaries):
            headline, summaries = None, summaries + 1
        else:
            break
        seen[fold(text)] += 1
        index += 1
    return index


def _tags_end(texts: list[str], reasons: list[str | None], heading: int) -> int:
    """Return the index after the tag links under a tags heading."""
    index = heading + 1
    while index < len(texts) and not layout.is_heading(texts[index]) and (reasons[index] == "navigation" or (
            reasons[index] is None and not is_prose(texts[index]) and word_count(texts[index]) <= MAX_TAG_WORDS)):
        index += 1
    return index


def _is_teaser_summary(texts: list[str], reasons: list[str | None], index: int, headline: str | None,
                       seen: Counter, summaries: int) -> bool:
    """Return True if a line in a list of teasers is a summary: under its headline with shared words, or short and
    followed by the next teaser's headline (once the list has shown summaries, by furniture or the page's end too)."""
    text = texts[index]
    if headline is None and index > 0 and not is_headline_like(texts[index - 1]):
        return False
    if headline is not None and is_summary_of(text, headline):
        return True
    following = index + 1
    last = following == len(texts)
    next_headline = not last and reasons[following] is None and is_headline_like(texts[following]) and not (
        caption_or_interface_reason(texts[following]) or is_bare_count(texts[following])
        or layout.is_heading(texts[following]) or _opens_paragraph(texts, following))
    next_furniture = not last and (reasons[following] is not None or bool(caption_or_interface_reason(texts[following])))
    repeated = headline is not None and seen[fold(headline)] >= 2  # picture link and title link
    limit = MAX_SUMMARY_WORDS if repeated else MAX_TEASER_WORDS
    return (next_headline or (summaries > 0 and (last or next_furniture))) and word_count(text) <= limit


def _opens_paragraph(texts: list[str], index: int) -> bool:
    """Return True if a headline-like line is a subhead: the line after it is a paragraph longer than any teaser's
    summary, or a paragraph followed by another paragraph (the story goes on, where a list would end or go on)."""
    after = texts[index + 1 : index + 3]
    paragraphs = [text for text in after if is_prose(text) and not caption_or_interface_reason(text)]
    long_first = bool(after) and word_count(after[0]) > MAX_TEASER_WORDS and not is_headline_like(after[0])
    return long_first or len(paragraphs) == 2


def _headline_count(texts: list[str], reasons: list[str | None], start: int, window: int = 4) -> int:
    """Return how many distinct headline-like lines not yet set aside stand among the next `window` lines."""
    distinct = {fold(texts[i]) for i in range(start, min(start + window, len(texts)))
                if reasons[i] is None and is_headline_like(texts[i]) and not caption_or_interface_reason(texts[i])
                and not is_bare_count(texts[i]) and not layout.is_heading(texts[i])}
    return len(distinct)


def _heading_reason(texts: list[str], reasons: list[str | None], index: int, header: range = range(0)) -> str | None:
    """Return related/sidebar if this line heads a list of other stories, navigation over tags, else None."""
    text = texts[index]
    if TAGS_HEADING.match(text):
        return "navigation"
    if RELATED_HEADING.match(text):
        return "related"
    if SIDEBAR_HEADING.match(text):
        return "sidebar"
    heading = is_headline_like(text) and word_count(text) <= MAX_HEADING_WORDS and index not in header
    heading = heading and not layout.is_introduced(texts, reasons, index)
    listed = index + 1 < len(texts) and reasons[index + 1] is None and is_headline_like(texts[index + 1])
    if not (heading and listed and _headline_count(texts, reasons, index + 1) >= 2):
        return None
    return "related" if text.casefold().startswith("more ") else "sidebar"


def _section_reason(texts: list[str], reasons: list[str | None], index: int, header: range) -> str | None:
    """Return related/sidebar if a list of other stories, headed or bare, starts at this line (a bare one never
    in the page's header, where the headline and its standfirst stand, nor after a story line ending in a colon)."""
    heading = _heading_reason(texts, reasons, index, header)
    if heading:
        return heading
    bare_run = is_headline_like(texts[index]) and _headline_count(texts, reasons, index, 3) >= 3
    listed = layout.is_introduced(texts, reasons, index)  # "The three sites are:"
    return "sidebar" if bare_run and index > 0 and index not in header and not listed else None


def _classify(units: list[_Unit]) -> list[str | None]:
    """Return a removal reason (or None to keep) for each unit."""
    texts = [unit.text for unit in units]
    authors = byline_names(texts)
    reasons = [caption_or_interface_reason(text) or ("bio" if is_author_bio(text, authors) else None)
               for text in texts]
    layout.mark_menus(texts, reasons)
    head, lead = layout.header(texts, reasons)
    header = range(head if head is not None else 0, lead if head is not None else 0)
    seen: set[str] = set()
    index = 0
    while index < len(texts):
        text = texts[index]
        reason = reasons[index] or ("duplicate" if fold(text) in seen else None)
        section = None if reason else _section_reason(texts, reasons, index, header)
        if section and lead is not None:
            end = (_tags_end if section == "navigation" else _section_end)(texts, reasons, index)
            reasons[index:end] = [section] * (end - index)
            seen.update(fold(line) for line in texts[index:end])
            index = end
            continue
        reasons[index] = reason
        seen.add(fold(text))
        index += 1
    layout.mark_credited(texts, reasons)
    layout.mark_between(texts, reasons)
    layout.mark_header(texts, reasons, head, lead)
    for rule in (layout.mark_counts, layout.mark_pull_quotes, layout.mark_tail):
        rule(texts, reasons)
    layout.mark_body_captions(texts, reasons, lead)
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
