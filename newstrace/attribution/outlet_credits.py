"""Find credits to other outlets and media: "told The X Post", "according to a report in X", "(Photo: X)".

Every rule is a general pattern of news writing; nothing here names an outlet of the case. An outlet
is recognised by its form: a capitalised name with a news word in it (Post, Times, News, Radio, ...),
one of the well-known wire services and broadcasters, or any capitalised name in a slot that only an
outlet can fill ("a report in X", "a X reporter", "first reported by X", "WASHINGTON (X) -").

`kind` says what is credited:

| kind | pattern | example |
|---|---|---|
| told | a source speaking to an outlet | "told The Daily Post", "in an interview with X", "accounts to X" |
| report | information taken from an outlet's report | "according to a report in X", "X reported", "first reported by X" |
| image | a picture or video credit | "(Screenshot from X video)", "Photo: X/Agency", "courtesy of X" |
| dateline | a wire agency in the dateline | "LONDON (Reuters) -" |
| own reporting | the text describing its own newsroom | "on behalf of The X", "interviewed by X", "a X reporter" |

`own_reporting` is True for every credit to an outlet that the text also names in an own-reporting
phrase: that outlet is probably the one that did the reporting (the publisher), not a second outlet.
The text alone cannot prove it, so the credit is kept and flagged rather than dropped.
"""

from __future__ import annotations

import re

import pandas as pd

from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts, paragraph_index

COLUMNS = ["outlet", "phrase", "start", "end", "kind", "paragraph", "own_reporting"]
CREDIT_KINDS = ("told", "report", "image", "dateline", "own reporting")

NEWS_WORDS = ["Post", "Times", "News", "Journal", "Herald", "Tribune", "Telegraph", "Guardian", "Gazette", "Press", "Television", "TV", "Radio", "Broadcasting", "Broadcast", "Network", "Channel", "Magazine", "Daily", "Chronicle", "Observer", "Independent", "Express", "Mail", "Star", "Standard", "Economist", "Review", "Monitor", "Wire", "Insider", "Today", "Weekly", "Courier", "Record", "Mirror", "Examiner", "Inquirer", "Dispatch", "Bulletin", "Sun", "Times-Picayune", "Newswire", "Newspaper", "Agency", "Service"]
"""Words that make a capitalised name an outlet's name (The Jerusalem Post, Sky News, ...)."""

WELL_KNOWN_OUTLETS = ["Reuters", "AP", "AFP", "UPI", "DPA", "dpa", "Xinhua", "BBC", "CNN", "NPR", "PBS", "ABC", "CBS", "NBC", "MSNBC", "Bloomberg", "Politico", "Axios", "Vox", "Newsweek", "Slate", "Salon", "BuzzFeed", "Vice", "HuffPost", "Al-Monitor", "ProPublica", "TASS", "Kyodo", "Yonhap", "EFE", "ANSA", "ITV", "Sky"]
"""Wire services and broadcasters whose names carry no news word: general knowledge, not case data."""

_CAP = r"(?:[A-Z](?:[\w'’&-]|\.(?=\w))*)"
_LINK = r"(?:of|and|&|de|du|la|le|el|al|for|the|on)"
NAME = rf"(?:[Tt]he[ \t]+)?{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,5}}"
"""A capitalised name of up to six words, optionally led by 'the' and joined by of/and/de/al."""

PERSON_NOUNS = r"(?:reporter|correspondent|journalist|interviewer|photographer|producer|editor|crew|team)s?"
SPEECH_BEFORE_TO = (
    r"(?:accounts?|interviews?|statements?|comments?|remarks|details|revealed|said|explained|"
    r"described|confirmed|disclosed|admitted|spoke|speaking|talked|talking|recounted|wrote)"
)

PATTERNS: list[tuple[str, str, bool]] = [
    # (kind, regex with a named group 'outlet', whether the outlet must look like an outlet)
    ("own reporting", rf"\bon behalf of (?P<outlet>{NAME})", True),
    ("own reporting", rf"\b(?:interviewed|contacted|reached|approached) by (?P<outlet>{NAME})", True),
    ("told", rf"\b(?:told|tells|telling) (?:an? |the )?(?P<outlet>{NAME}) {PERSON_NOUNS}\b", False),
    ("own reporting", rf"\b(?:[Aa]n?|[Tt]he) (?P<outlet>{NAME}) {PERSON_NOUNS}\b", True),
    ("told", rf"\b(?:told|tells|telling) (?P<outlet>{NAME})", True),
    ("told", rf"\b(?:in |during )?an? (?:exclusive )?interview with (?P<outlet>{NAME})", True),
    ("told", rf"\b(?:[Ss]peaking|[Ss]poke|[Tt]alking|[Tt]alked) (?:to|with) (?P<outlet>{NAME})", True),
    ("told", rf"\b{SPEECH_BEFORE_TO}\b[^.;:!?\"“”]{{0,120}}?\bto (?P<outlet>{NAME})", True),
    (
        "report",
        (r"\b(?:[Aa]ccording to |[Cc]iting |cited (?:in|by) |[Ii]n |by |from )?"
        r"(?:an? |the )?(?:\w+ )?(?:report|reports|article|story|dispatch|investigation|"
        r"broadcast|interview|documentary|survey|poll) (?:published |aired |broadcast )?"
        rf"(?:in|by|from|on) (?P<outlet>{NAME})"),
        False,
    ),
    ("report", (rf"\b(?:first |originally |previously |also )?(?:reported|revealed|disclosed|broken|"
               rf"published|broadcast|aired) by (?P<outlet>{NAME})"), False),
    ("report", rf"\b[Aa]ccording to (?P<outlet>{NAME})", True),
    ("report", rf"\b(?:seen|obtained|reviewed|verified|examined) by (?P<outlet>{NAME})", True),
    ("report", (rf"(?P<outlet>{NAME}) (?:has |have |had )?(?:first |earlier |previously )?"
               r"(?:reported|reports|revealed|disclosed|broke the news)\b"), True),
    ("image", (r"\((?:[^()]{0,80}?[ ,;])?(?:[Ss]creenshot|[Ss]creen grab|[Ss]till|[Pp]hoto|"
              r"[Pp]hotograph|[Ii]mage|[Pp]icture|[Vv]ideo grab|[Ff]ootage|[Cc]redit)s?"
              r"(?: taken)?(?: from| by| via|:)\s*(?P<outlet>[^()]{2,80}?)\)"), False),
    ("image", (r"(?m)^(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]ootage)s?"
              r"(?: by)?\s*[:|-]\s*(?P<outlet>[^\n]{2,80}?)\s*$"), False),
    ("image", rf"\b(?:Photo|Photograph|Image|Picture|Credit)s?: (?P<outlet>{NAME}(?:/{NAME})?)", False),
    ("image", (r"\b(?:[Pp]hoto|[Pp]hotograph|[Ii]mage|[Pp]icture|[Ff]ootage|[Vv]ideo)s? "
              rf"courtesy of (?P<outlet>{NAME})"), False),
    ("image", r"\((?P<outlet>[A-Z][\w .'-]{1,40}/(?:[A-Z][\w .'-]{1,40}))\)", False),
    ("dateline", (r"(?m)^[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?\s*"
                 r"\((?P<outlet>[A-Z][\w .&-]{0,30})\)\s*[-–—]"), False),
]

_COMPILED = [(kind, re.compile(pattern), strict) for kind, pattern, strict in PATTERNS]
_LEADING_ARTICLE = re.compile(r"^[Tt]he\s+")
_TRAILING_JUNK = re.compile(r"[\s,.;:'’]+$")




def bare_name(name: str) -> str:
    """Return a name without a leading 'the', trailing punctuation or a possessive."""
    name = _TRAILING_JUNK.sub("", _LEADING_ARTICLE.sub("", name.strip()))
    return re.sub(r"['’]s$", "", name)


def looks_like_outlet(name: str) -> bool:
    """Return True if a capitalised name has the form of a news outlet's name."""
    words = re.findall(r"[\w'’-]+", bare_name(name))
    return any(word in NEWS_WORDS or word in WELL_KNOWN_OUTLETS for word in words)


def _trim_name(name: str, strict: bool) -> str:
    """Return the name cut after its last news word when strict, so trailing words are dropped."""
    if not strict:
        return name
    words = name.split()
    last = max((i for i, word in enumerate(words) if bare_name(word) in NEWS_WORDS + WELL_KNOWN_OUTLETS
                or word in NEWS_WORDS + WELL_KNOWN_OUTLETS), default=len(words) - 1)
    return " ".join(words[: last + 1])


def _matches(text: str) -> list[dict]:
    """Return every credit pattern match as a row, before overlaps are resolved."""
    rows = []
    for rank, (kind, pattern, strict) in enumerate(_COMPILED):
        for match in pattern.finditer(text):
            raw = match.group("outlet")
            if strict and not looks_like_outlet(raw):
                continue
            outlet = bare_name(_trim_name(raw, strict))
            if not outlet or not re.search(r"[A-Za-z]", outlet):
                continue
            end = match.end()
            if match.end("outlet") == match.end() and not match.group(0).endswith(")"):
                last = outlet.split()[-1]
                end = match.start("outlet") + raw.rfind(last) + len(last)
            rows.append({"outlet": outlet, "start": match.start(), "end": max(end, match.start() + 1),
                         "kind": kind, "rank": rank})
    return rows


def _drop_overlaps(rows: list[dict]) -> list[dict]:
    """Keep the earliest-listed pattern where matches overlap, then order by position."""
    kept: list[dict] = []
    for row in sorted(rows, key=lambda r: (r["rank"], r["start"])):
        if all(row["end"] <= other["start"] or row["start"] >= other["end"] for other in kept):
            kept.append(row)
    return sorted(kept, key=lambda r: r["start"])


def same_outlet(short: str, full: str) -> bool:
    """Return True if one outlet name is the other or its trailing words ('Post' ~ 'Daily Post')."""
    short_words, full_words = short.lower().split(), full.lower().split()
    if len(short_words) > len(full_words):
        short_words, full_words = full_words, short_words
    return bool(short_words) and full_words[-len(short_words):] == short_words


def canonical_outlets(names: list[str]) -> dict[str, str]:
    """Map each outlet name to the longest name in the list that it is a short form of."""
    mapping = {}
    for name in names:
        longer = [other for other in names if same_outlet(name, other)]
        mapping[name] = max(longer, key=lambda other: (len(other.split()), other))
    return mapping


def credits(text: str) -> pd.DataFrame:
    """Return one row per credit to an outlet or media creator: outlet, phrase, start, end, kind, ..."""
    check_text(text, "credits")
    rows = _drop_overlaps(_matches(text))
    if not rows:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(
            COLUMNS, [str, str, int, int, str, int, bool])})
    names = canonical_outlets([row["outlet"] for row in rows])
    own = {names[row["outlet"]] for row in rows if row["kind"] == "own reporting"}
    starts = line_starts(text)
    table = pd.DataFrame([
        {
            "outlet": names[row["outlet"]],
            "phrase": text[row["start"]:row["end"]],
            "start": row["start"],
            "end": row["end"],
            "kind": row["kind"],
            "paragraph": paragraph_index(starts, row["start"]),
            "own_reporting": names[row["outlet"]] in own,
        }
        for row in rows
    ], columns=COLUMNS)
    return table.astype({"start": int, "end": int, "paragraph": int, "own_reporting": bool})
