"""Rules that read a line with the lines around it: menus, the page header, widgets, captions, pull quotes.

Each rule takes the page's lines and the reasons found so far (None: story so far) and fills in reasons
for lines that only their place on the page gives away: a one-word menu item among other menu items, a
name under the headline, a "Sign up" button inside a newsletter box, a count beside the share buttons, a
caption without a credit between two paragraphs, a pull quote that repeats a sentence of the story.
newstrace.pages.clutter runs them; its docstring lists every reason.
"""

from __future__ import annotations

import functools
import re

from newstrace.pages.furniture import (
    MAX_UI_WORDS,
    fold,
    is_bare_count,
    is_credit_only,
    is_header_byline,
    is_headline_like,
    is_prose,
    promo_start,
    word_count,
)
from newstrace.pages.wording import RELATED_HEADING, SIDEBAR_HEADING, TAGS_HEADING
from newstrace.text.segments import SENTENCE_END, is_abbreviation

MAX_ITEM_WORDS = 3
"""Longest menu item: section names ("Local News", "Climate crisis") are one to three words."""
MIN_MENU_ITEMS = 3
MIN_BARE_MENU_ITEMS = 4
"""A menu with no navigation word ("Menu", "Search", "Sign in") needs this many items: three short lines can be
a byline, a handle and a box title."""
MIN_INTRO_WORDS = 3
MAX_LIST_ITEMS = 12
MIN_LEAD_WORDS = 12
MAX_DEK_WORDS = 45
MIN_QUOTE_WORDS = 6
MIN_CAPTION_WORDS = 10
MIN_CAPTIONED_WORDS = 4
MAX_CAPTION_WORDS = 40
MAX_BOX_WORDS = 40
"""Longest line a newsletter box's description can have, between the box's other lines."""
_CONTACT = re.compile(r"www\.|https?://|\S@\S|\b\w+\.(com|org|net|gov|uk|example)\b|\d{3,}[\s-]\d{3,}")
"""A web or email address or a phone number, which a story line ends with and a caption does not."""
_LABEL = re.compile(r"\w:\s")
"""A labelled note ("Journal reference: ...", "This article first appeared in X: ..."), which is the story's, not a
picture's (captions with a label, "Pictured: ...", are read line by line)."""
_SOLID = {"headline", "duplicate", "related", "sidebar", "bio", "promo"}
"""Reasons a neighbour must not pass on: they belong to that line alone or to a block with its own end."""


def is_heading(text: str) -> bool:
    """Return True if a line heads a list of other stories or of tags."""
    return any(pattern.match(text) for pattern in (RELATED_HEADING, SIDEBAR_HEADING, TAGS_HEADING))


def is_menu_item(text: str) -> bool:
    """Return True for a line that could be one link of a menu: one to three words, no sentence."""
    words = word_count(text)
    stripped = text.strip()
    sentence = is_prose(stripped) and not (" " not in stripped and is_abbreviation(stripped))  # "U.S."
    starts_with_letter = next((char for char in stripped if char.isalnum()), "0").isalpha()
    return 0 < words <= MAX_ITEM_WORDS and starts_with_letter and not sentence and not is_heading(stripped)


def is_introduced(texts: list[str], reasons: list[str | None], index: int) -> bool:
    """Return True if this line is an item of a list the story introduces: "The three sites are:" above it, with only
    other items between."""
    before = index - 1
    while before >= 0 and reasons[before] is None and is_headline_like(texts[before]) and index - before <= MAX_LIST_ITEMS:
        before -= 1
    return (before >= 0 and reasons[before] is None and texts[before].rstrip().endswith(":")
            and word_count(texts[before]) >= MIN_INTRO_WORDS and not is_heading(texts[before]))


def mark_menus(texts: list[str], reasons: list[str | None]) -> None:
    """Mark menu items as navigation where three or more menu lines (items or navigation furniture) stand together."""
    index = 0
    while index < len(texts):
        end = index
        while end < len(texts) and _in_menu(texts[end], reasons[end]):
            end += 1
        members = [(texts[i], reasons[i]) for i in range(index, end)]
        items = sum(reason is None for _, reason in members)
        navigation = any(reason == "navigation" for _, reason in members)
        listed = is_introduced(texts, reasons, index)
        if len(members) >= MIN_MENU_ITEMS and (navigation or items >= MIN_BARE_MENU_ITEMS) and not listed:
            for position in range(index, end):
                reasons[position] = reasons[position] or "navigation"
        index = max(end, index + 1)


def _in_menu(text: str, reason: str | None) -> bool:
    """Return True if a line can stand in a menu: an item, navigation, or a short sign-in, subscribe or share button."""
    if reason is None:
        return is_menu_item(text)
    return reason == "navigation" or (reason in ("subscription", "share") and word_count(text) <= MAX_ITEM_WORDS)


def first_prose(texts: list[str], reasons: list[str | None], start: int = 0) -> int | None:
    """Return the index of the first line from `start` not yet set aside that reads as a story paragraph."""
    return next((i for i in range(start, len(texts)) if reasons[i] is None and is_prose(texts[i])
                 and word_count(texts[i]) >= MIN_LEAD_WORDS), None)


def header(texts: list[str], reasons: list[str | None]) -> tuple[int | None, int | None]:
    """Return (headline, lead): the page's title line before the story, and the story's first paragraph.

    A prose line right under the headline is the standfirst, not the lead, when a byline or time comes
    between it and the next paragraph."""
    lead = first_prose(texts, reasons)
    if lead is None:
        return None, None
    head = next((i for i in range(lead) if reasons[i] is None and is_headline_like(texts[i])
                 and not is_bare_count(texts[i])), None)
    if head is None or word_count(texts[lead]) > MAX_DEK_WORDS:
        return head, lead
    between = range(head + 1, lead)
    if any(reasons[i] is None and not is_headline_like(texts[i]) for i in between):
        return head, lead
    following = first_prose(texts, reasons, lead + 1)
    if following is None:
        return head, lead
    signed = any(reasons[i] in ("byline", "timestamp") or (reasons[i] is None and is_header_byline(texts[i]))
                 for i in range(lead + 1, following))
    return head, (following if signed else lead)


def mark_header(texts: list[str], reasons: list[str | None], head: int | None, lead: int | None) -> None:
    """Mark the headline, the standfirst lines under it and a byline written without "By"."""
    if head is None or lead is None:
        return
    reasons[head] = reasons[head] or "headline"
    for index in range(head + 1, lead):
        if reasons[index] is not None or is_bare_count(texts[index]):
            continue
        if is_headline_like(texts[index]):
            reasons[index] = "byline" if is_header_byline(texts[index]) else "headline"
        elif is_prose(texts[index]) and word_count(texts[index]) <= MAX_DEK_WORDS:
            reasons[index] = "headline"


def mark_between(texts: list[str], reasons: list[str | None]) -> None:
    """Give a short line between two lines set aside for the same reason that reason ("X" among share buttons).

    Inside a newsletter box the line may be its description, up to MAX_BOX_WORDS words."""
    for index in range(1, len(texts) - 1):
        before, after = reasons[index - 1], reasons[index + 1]
        if reasons[index] is not None or before is None or before != after or before in _SOLID:
            continue
        words = word_count(texts[index])
        short = words <= MAX_ITEM_WORDS and not is_prose(texts[index])
        if short or (before == "subscription" and words <= MAX_BOX_WORDS):
            reasons[index] = before
    for index in range(1, len(texts) - 1):  # a newsletter box's button or title, though it reads as navigation
        boxed = reasons[index - 1] == reasons[index + 1] == "subscription"
        if boxed and reasons[index] == "navigation" and word_count(texts[index]) <= MAX_UI_WORDS:
            reasons[index] = "subscription"


def mark_counts(texts: list[str], reasons: list[str | None]) -> None:
    """Mark a line that is only a number: a share count above a share line, else a comment count."""
    for index, text in enumerate(texts):
        if reasons[index] is None and is_bare_count(text):
            share_after = index + 1 < len(texts) and reasons[index + 1] == "share"
            reasons[index] = "share" if share_after else "comments"


def mark_body_captions(texts: list[str], reasons: list[str | None], lead: int | None) -> None:
    """Mark a long line without closing punctuation standing alone inside the story as a caption."""
    if lead is None:
        return
    for index in range(lead + 1, len(texts)):
        text = texts[index]
        if reasons[index] is not None or is_prose(text) or not MIN_CAPTION_WORDS <= word_count(text) <= MAX_CAPTION_WORDS:
            continue
        if SENTENCE_END.search(text) or promo_start(text) is not None or _CONTACT.search(text) or _LABEL.search(text):
            continue  # a paragraph (perhaps with a teaser), or a line that ends in an address or a number to call
        reasons[index] = "caption"


@functools.lru_cache(maxsize=1024)
def _words(text: str) -> str:
    """Return the folded words of a line, space-padded, for finding one line inside another."""
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


def mark_pull_quotes(texts: list[str], reasons: list[str | None]) -> None:
    """Mark a line whose words all stand, in order, inside a longer story line: a pull quote or repeated sentence."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    page = "\n".join(_words(texts[i]) for i in kept)  # a line found twice here stands inside another line too
    for index in kept:
        text = texts[index]
        if is_prose(text) and MIN_QUOTE_WORDS <= word_count(text) <= MAX_CAPTION_WORDS and page.count(_words(text)) > 1:
            reasons[index] = "duplicate"  # a subhead may repeat a story phrase; a pull quote is a sentence


def mark_tail(texts: list[str], reasons: list[str | None]) -> None:
    """Mark headline-like lines after the story's last paragraph and the furniture under it as a list of other
    stories: related or advert when a related line or heading, or an advert marker, comes before them, else
    sidebar (a line right under the last paragraph may be the story's own last line)."""
    last = max((i for i, reason in enumerate(reasons) if reason is None and is_prose(texts[i])), default=None)
    if last is None:
        return
    for index in range(last + 1, len(texts)):
        after_furniture = any(reason is not None for reason in reasons[last + 1:index])
        if reasons[index] is None and after_furniture and is_headline_like(texts[index]) and not is_menu_item(texts[index]):
            earlier = [r for r in reasons[last + 1:index] if r in ("related", "sidebar", "advert")]
            reasons[index] = earlier[-1] if earlier else "sidebar"


def mark_credited(texts: list[str], reasons: list[str | None]) -> None:
    """Mark a line without closing punctuation just above a line that is only a picture credit as that picture's caption."""
    for index in range(len(texts) - 1):
        credit_only = reasons[index + 1] == "caption" and is_credit_only(texts[index + 1])
        text = texts[index]
        if credit_only and reasons[index] is None and not is_prose(text) and word_count(text) >= MIN_CAPTIONED_WORDS:
            reasons[index] = "caption"
