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

from newstrace.text.segments import SENTENCE_END, TERMINAL

MAX_SUMMARY_WORDS = 40
MAX_UI_WORDS = 8
MAX_HEADLINE_WORDS = 25
_MEMO_SIZE = 1024  # per-line rules are pure functions of the line: memoised, as `clean` runs them pass after pass

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_SHARE_WORDS = re.compile(
    r"\b(share|shares|shared|link copied|copy link|copied to clipboard|clipboard|tweet|facebook|"
    r"twitter|whatsapp|linkedin|pinterest|reddit|email|e-mail|print|comments?|messenger)\b",
    re.IGNORECASE,
)
_NAVIGATION_WORDS = re.compile(
    r"\b(skip to( main)? content|skip navigation|main menu|menu|search|sign in|sign up|log in|login|"
    r"log out|subscribe|subscription|home|back to top|toggle navigation|accessibility|cookies?|"
    r"sections|next article|previous article|listen to this article|min read|font size|"
    r"open in app|download the app)\b|^\W*close\W*$",
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
RELATED_HEADING = re.compile(
    r"^(related( articles| stories| content| coverage| news| links)?|read more|read next|"
    r"more stories|more on this( story)?|more from .{1,30}|you may also like|you might also like|"
    r"recommended( for you| stories)?|also read|see also|further reading|what to read next)\s*:?$",
    re.IGNORECASE,
)
SIDEBAR_HEADING = re.compile(
    r"^(most (read|popular|viewed|shared|commented)|trending( now| stories)?|top stories|"
    r"editor'?s picks|latest( news| stories)?|don'?t miss)\s*:?$",
    re.IGNORECASE,
)
_RELATED_LINE = re.compile(
    r"^(related|read more|read also|read next|see also|also read|more|recommended|watch|listen|"
    r"latest|explainer)\s*:\s*\S",
    re.IGNORECASE,
)
"""A stand-alone line pointing to another story: "Related: City budget shortfall grows"."""
_COPYRIGHT = re.compile(
    r"^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))|\ball rights reserved\b|"
    r"\bmay not be (published|reproduced), broadcast, rewritten\b",
    re.IGNORECASE,
)
_CONSENT = re.compile(
    r"\b(we|this (web)?site|our partners) (and our partners )?(use|uses) cookies\b|\bwe value your privacy\b|"
    r"\b(accept|reject|manage) (all )?(cookies|preferences|consent)\b|\bcookie (policy|settings|preferences)\b|"
    r"\buse of cookies\b",
    re.IGNORECASE,
)
_SUBSCRIPTION = re.compile(
    r"^(already a (subscriber|member)|become a (member|subscriber)|support (our|local|independent) journalism|"
    r"subscribe (now|today|for|to|from)|subscribers? only)\b|"
    r"^(sign up|subscribe|register|get (our|the)|join (our|the)|don'?t miss)\b.*"
    r"\b(newsletters?|inbox|briefing|subscri\w*|access|membership|free|a (week|month|year))\b",
    re.IGNORECASE,
)
"""A prompt to subscribe or join a newsletter (a story sentence never opens with these imperatives)."""
_COMMENTS = re.compile(
    r"^((have your say|join the (conversation|discussion))\s*:?\s*)?(\d[\d,]*\s+comments?|comments?\s*\(\d[\d,]*\))$|"
    r"^(view|show|read|see|load|add|post|leave) (the |all |a )?(\d+ )?comments?\b",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 60
"""Longest line read for consent, subscription and copyright wording: longer lines are story."""
_BIO = re.compile(r"^(is|was|has|writes|covers|joined)\b")
"""What follows the author's name at the start of a biography box ("Jo Bloggs is the ...")."""
_CREDIT_WORDS = (
    r"screenshot|screen grab|screengrab|photo|photograph|photographer|image|picture|pic|credit|"
    r"courtesy|file|video|still|handout|illustration|graphic|getty|reuters|afp|epa|ap"
)
_TRAILING_CREDIT = re.compile(rf"\(([^()]{{0,80}}\b({_CREDIT_WORDS})\b[^()]{{0,80}})\)\s*$", re.IGNORECASE)
_LABELLED_CREDIT = re.compile(
    r"[.!?]\s+(photo|photograph|photography|picture|image|pic|credit|illustration|video)\s*:\s*([^.:]{2,80})\.?$",
    re.IGNORECASE,
)
"""A credit after a caption's last sentence: "Sandbags on Mill Lane. Picture: Jo Bloggs"."""
MAX_CAPTION_WORDS = 40
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


def furniture_reason(text: str) -> str | None:
    """Return consent, subscription, comments, copyright or related for a line of page furniture, else None."""
    if word_count(text) > MAX_FURNITURE_WORDS:
        return None
    if _COMMENTS.match(text):
        return "comments"
    if _COPYRIGHT.search(text):
        return "copyright"
    if _CONSENT.search(text):
        return "consent"
    if _SUBSCRIPTION.match(text):
        return "subscription"
    if _RELATED_LINE.match(text) and word_count(text) <= MAX_HEADLINE_WORDS:
        return "related"
    return None


def caption_credit(text: str) -> str | None:
    """Return the credit of a picture caption line, or None if the line is not a caption."""
    trailing = _TRAILING_CREDIT.search(text)
    if trailing:
        return trailing.group(1).strip()
    if _LEADING_CREDIT.match(text):
        return text.split(":", 1)[1].strip() or None
    labelled = _LABELLED_CREDIT.search(text)
    if labelled and word_count(text) <= MAX_CAPTION_WORDS:
        return labelled.group(2).strip()
    return None


def content_stems(text: str) -> set[str]:
    """Return crude stems (first five letters) of the words of four letters or more."""
    return {word[:5].casefold() for word in _WORD.findall(text) if len(word) >= 4}


def is_summary_of(text: str, headline: str) -> bool:
    """Return True if a short prose line reads as the summary of the headline above it."""
    return word_count(text) <= MAX_SUMMARY_WORDS and len(content_stems(text) & content_stems(headline)) >= 2


@functools.lru_cache(maxsize=_MEMO_SIZE)
def caption_or_interface_reason(text: str) -> str | None:
    """Return caption, or the interface reason, for a line that is page furniture; else None."""
    return furniture_reason(text) or ("caption" if caption_credit(text) else interface_reason(text))


def byline_names(lines: Iterable[str]) -> set[str]:
    """Return the author names of the byline lines among lines ("By Jo Bloggs, Staff" -> "Jo Bloggs")."""
    names = set()
    for line in lines:
        if interface_reason(line) == "byline":
            name = re.match(r"^\w+(?: by)?\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", line)
            if name:
                names.add(name.group(1))
    return names


def is_author_bio(text: str, authors: set[str]) -> bool:
    """Return True if a line opens with a byline's author and reads as a note about them."""
    return any(text.startswith(name + " ") and _BIO.match(text[len(name) + 1:]) for name in authors)


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
