"""Rules that read one line of a page capture: is it furniture (and which), a caption, a title, a teaser?

Every rule here is a pure function of one line (memoised, as `newstrace.pages.clutter.clean` runs
them pass after pass); the rules that need the lines around a line (headlines, related blocks,
sidebars, duplicates) are in newstrace.pages.clutter, whose docstring lists every reason.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from newstrace.pages import wording as w
from newstrace.text.segments import SENTENCE_END, TERMINAL

MAX_SUMMARY_WORDS = 40
MAX_UI_WORDS = 8
MAX_HEADLINE_WORDS = 25
_MEMO_SIZE = 1024  # per-line rules are pure functions of the line: memoised, as `clean` runs them pass after pass

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_FURNITURE_WORDS = 60
"""Longest line read for consent, subscription and copyright wording: longer lines are story."""
MAX_CAPTION_WORDS = 40
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\\": None})


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
    return bool(TERMINAL.search(text))


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_headline_like(text: str) -> bool:
    """Return True if the line reads as a title: short, no closing punctuation, starts capitalised."""
    words = word_count(text)
    first = next((char for char in text if char.isalnum()), "")
    return 0 < words <= MAX_HEADLINE_WORDS and not is_prose(text) and (first.isupper() or first.isdigit())


@functools.lru_cache(maxsize=_MEMO_SIZE)
def interface_reason(text: str) -> str | None:
    """Return navigation/share/advert/byline/timestamp if a short line is page furniture, else None."""
    words = word_count(text)
    if is_time_only(text):
        return "timestamp"
    if is_link_list(text):
        return "share" if w.SHARE_WORDS.search(w.LINK_SEPARATOR.split(text.strip())[0]) else "navigation"
    if words > MAX_UI_WORDS + 4:
        return None
    if words > MAX_UI_WORDS or (is_prose(text) and not text.rstrip().endswith(":")):
        return "timestamp" if w.TIMESTAMP.match(text) else None
    return _short_interface_reason(text)


def _short_interface_reason(text: str) -> str | None:
    """Return the interface reason of a short line without closing punctuation, else None."""
    if w.ADVERT_WORDS.search(text):
        return "advert"
    if w.SHARE_WORDS.search(text):
        return "share"
    if any(p.match(text) for p in (w.READ_TIME, w.GALLERY_COUNTER, w.TEMPERATURE)):
        return "navigation"
    if w.NAVIGATION_WORDS.search(text) or w.BREADCRUMB.match(text):
        return "navigation"
    if w.BYLINE.match(text):
        return "byline"
    return "timestamp" if w.TIMESTAMP.match(text) else None


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_time_only(text: str) -> bool:
    """Return True if a line is only a date or time with its labels: "Published: 10:21 GMT, 4 March 2025 | Updated: ..."."""
    tokens = re.findall(r"[^\s,|;()]+", text.replace(":", ": "))
    tokens = [token.strip(":.-–—") or token for token in tokens]
    dated = any(char.isdigit() for char in text) and bool(w.TIMESTAMP.match(text) or re.search(r"\d{4}|\bago\b", text))
    return dated and 0 < len(tokens) <= 25 and all(w.TIME_WORDS.match(token) for token in tokens if token.strip(":.-–—"))


@functools.lru_cache(maxsize=_MEMO_SIZE)
def is_link_list(text: str) -> bool:
    """Return True for a row of three or more short links on one line: "Contact us | Careers | Advertise"."""
    parts = [part for part in w.LINK_SEPARATOR.split(text.strip()) if part]
    return len(parts) >= 3 and all(word_count(part) <= 4 and not is_prose(part) for part in parts)


def furniture_reason(text: str) -> str | None:
    """Return consent, subscription, comments, copyright, byline or related for a line of page furniture, else None."""
    words = word_count(text)
    if words > MAX_FURNITURE_WORDS:
        return None
    if w.COMMENTS.search(text):
        return "comments"
    if w.COPYRIGHT.search(text):
        return "copyright"
    if w.CONSENT.search(text):
        return "consent"
    if w.SUBSCRIPTION.search(text) or (words <= MAX_UI_WORDS and words > 1 and w.NEWSLETTER_WORDS.search(text)):
        return "subscription"
    if w.WIRE_CREDIT.match(text):
        return "byline"
    if (w.TAGS_LINE.match(text) and words <= MAX_HEADLINE_WORDS) or w.PLACEHOLDER.match(text):
        return "navigation"
    if w.RELATED_LINE.match(text) and words <= MAX_HEADLINE_WORDS:
        return "related"
    return None


def caption_credit(text: str) -> str | None:
    """Return the credit of a picture caption line, or None if the line has none (or is no caption)."""
    trailing = w.TRAILING_CREDIT.search(text)
    if trailing:
        return trailing.group(1).strip()
    leading = w.LEADING_CREDIT.match(text)
    if leading:
        label = leading.group(1).casefold()
        return None if label.endswith("caption") and label != "caption" else (text[leading.end():].strip() or None)
    words = word_count(text)
    if words <= 12 and (w.MAKER_CREDIT.match(text) or w.DATA_CREDIT.match(text) or w.CREDIT_LINE.match(text.strip())):
        return text.strip()
    for pattern, group in ((w.LABELLED_CREDIT, 2), (w.RUN_ON_CREDIT, 2), (w.NAME_SLASH_CREDIT, 1)):
        found = pattern.search(text)
        if found and words <= MAX_CAPTION_WORDS + 10:
            return found.group(group).strip()
    return None


def is_credit_only(text: str) -> bool:
    """Return True if a line is a picture credit and nothing else: "Jo Bloggs/Alamy", "Image source, Getty Images"."""
    stripped = text.strip()
    if w.CREDIT_LINE.match(stripped) or w.MAKER_CREDIT.match(stripped):
        return True
    leading = w.LEADING_CREDIT.match(stripped)
    return bool(leading) and not leading.group(1).casefold().endswith("caption") and word_count(stripped) <= 8


def is_caption(text: str) -> bool:
    """Return True for a picture caption: one with a credit, a labelled one, or one that says where people stand."""
    if caption_credit(text) or w.LEADING_CREDIT.match(text):
        return True
    return not is_prose(text) and 6 <= word_count(text) <= MAX_CAPTION_WORDS and bool(w.POSITION_NOTE.search(text))


def content_stems(text: str) -> set[str]:
    """Return crude stems (first five letters) of the words of four letters or more."""
    return {word[:5].casefold() for word in _WORD.findall(text) if len(word) >= 4}


def is_summary_of(text: str, headline: str) -> bool:
    """Return True if a short prose line reads as the summary of the headline above it."""
    return word_count(text) <= MAX_SUMMARY_WORDS and len(content_stems(text) & content_stems(headline)) >= 2


@functools.lru_cache(maxsize=_MEMO_SIZE)
def caption_or_interface_reason(text: str) -> str | None:
    """Return caption, or the interface reason, for a line that is page furniture; else None."""
    return furniture_reason(text) or ("caption" if is_caption(text) else interface_reason(text))


_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"


def byline_names(lines: Iterable[str]) -> set[str]:
    """Return the author names of the byline lines among lines ("By Jo Bloggs and Al Roe, Staff" -> both)."""
    names = set()
    for line in lines:
        if interface_reason(line) == "byline":
            after_by = re.search(r"\b[Bb]y\s+(.*)$", line)
            pieces = re.split(r",|;|\band\b|&", after_by.group(1) if after_by else line)
            for number, piece in enumerate(pieces):
                name = re.match(_NAME, piece.strip())
                if name and (number == 0 or name.group() == piece.strip()):
                    names.add(name.group())
    return names


def is_author_bio(text: str, authors: set[str]) -> bool:
    """Return True if a line opens with a byline's author and reads as a note about them."""
    return any(text.startswith(name + " ") and w.BIO.match(text[len(name) + 1:]) for name in authors)


def is_header_byline(text: str) -> bool:
    """Return True if a short title-like line under a headline reads as a byline without "By": a name, a role, an agency."""
    words = text.replace(",", " ").split()
    if not 0 < len(words) <= 6:
        return False
    named = all(word[:1].isupper() or word.startswith("@") for word in words)
    named = named and (len(words) <= 4 or "," in text)  # "Jo Bloggs", "Jo Bloggs, The Valley Herald"
    named = named and not any(char.isdigit() for char in text)
    return named or bool(w.BYLINE_ROLE.search(text))


def is_bare_count(text: str) -> bool:
    """Return True if a line is only a count, as share and comment buttons show one."""
    return bool(w.BARE_COUNT.match(text.strip()))


def _sentences(text: str) -> list[tuple[int, str]]:
    """Return (offset, sentence) pairs for a paragraph."""
    starts = [0] + [match.end() for match in SENTENCE_END.finditer(text)]
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
        if w.PROMO_SENTENCE.match(sentence):
            return offset
        if _is_teaser_question(sentence, answer) and not any("?" in s for _, s in sentences[:position]):
            return offset
    return None


def _is_teaser_question(sentence: str, answer: list[tuple[int, str]]) -> bool:
    """Return True for an unquoted question followed by at most one short unquoted answer."""
    question = sentence.endswith("?") and w.INTERROGATIVE.match(sentence) and _unquoted(sentence)
    short_answer = len(answer) <= 1 and all(
        word_count(s) <= 10 and _unquoted(s) and not s.endswith("?") for _, s in answer
    )
    return bool(question) and 5 <= word_count(sentence) <= 20 and short_answer
