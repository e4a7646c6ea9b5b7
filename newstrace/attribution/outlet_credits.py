"""Find credits to other outlets and media: "told The X Post", "according to a report in X", "(Photo: X)".

Every rule is a general pattern of news writing; nothing here names an outlet of the case. An outlet
is recognised by its form or by its context:

- form: a capitalised name with a news word in it (Post, Times, News, Radio, TV, ...), a station's
  call sign ("WXYZ-TV", "KQRT-FM"), or one of the well-known wire services and broadcasters;
- context: any capitalised name in a slot that only an outlet can fill: "told the X", "the X reported",
  "the state news agency X reported", "public broadcaster X", "a memo seen by the X",
  "a report in X", "first reported by X", a dateline "WASHINGTON (X) -", a byline "By Jo Doe, X staff
  writer", "Photograph: Jo Doe for the X", a "Copyright 2024 X" or "(c) X" footer. A name learned
  there is an outlet everywhere in the text, with its short forms ("the Ledger" after "the Riverton
  Ledger"): "according to the Ledger", "records reviewed by the Ledger".

A name with an institution or title word (Council, Ministry, State, Office, President, ...) or a day or
month is never taken from a context slot: "told the City Council", "a survey published on Monday".
An outlet is kept whole ("Radio Kerry", "BBC Radio Hexford"); only a trailing day or month and a
company suffix (Ltd, Inc) are cut. An acronym spelling the initials of a longer outlet the text names
is that outlet ("AP" = "Associated Press").

`kind` says what is credited:

| kind | pattern | example |
|---|---|---|
| told | a source speaking to an outlet | "told The Daily Post", "in an interview with X", "accounts to X" |
| report | information taken from an outlet's report | "according to a report in X", "X reported", "first reported by X" |
| image | a picture or video credit | "(Screenshot from X video)", "Photo: X/Agency", "courtesy of X" |
| dateline | a wire agency in the dateline | "LONDON (Reuters) -" |
| own reporting | the text describing its own newsroom | "on behalf of The X", "interviewed by X", "a X reporter", "the X's correspondent", a byline ("By Jo Doe, X staff writer"), a photo "by Jo Doe for the X", a copyright footer, "records reviewed by X" when X is the text's own outlet |

`own_reporting` is True for every credit to an outlet that the text also names in an own-reporting
phrase: that outlet is probably the one that did the reporting (the publisher), not a
second outlet. The text alone cannot prove it, so the credit is kept and flagged rather than dropped.
"""

from __future__ import annotations

import re

import pandas as pd

from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts, paragraph_index

COLUMNS = ["outlet", "phrase", "start", "end", "kind", "paragraph", "own_reporting"]
CREDIT_KINDS = ("told", "report", "image", "dateline", "own reporting")

NEWS_WORDS = ["Post", "Times", "News", "Journal", "Herald", "Tribune", "Telegraph", "Guardian", "Gazette", "Press", "Television", "TV", "Radio", "Broadcasting", "Broadcast", "Network", "Channel", "Magazine", "Daily", "Chronicle", "Observer", "Independent", "Express", "Mail", "Star", "Standard", "Economist", "Review", "Monitor", "Wire", "Insider", "Today", "Weekly", "Courier", "Record", "Mirror", "Examiner", "Inquirer", "Dispatch", "Bulletin", "Sun", "Times-Picayune", "Newswire", "Newspaper"]
"""Words that make a capitalised name an outlet's name (The Jerusalem Post, Sky News, ...). "Agency" and
"Service" alone are not among them: the Environment Agency and the Forest Service are institutions; a news
agency or service has "News" or "Press" in its name."""

WELL_KNOWN_OUTLETS = ["Reuters", "AP", "AFP", "UPI", "DPA", "dpa", "Xinhua", "BBC", "CNN", "NPR", "PBS", "ABC", "CBS", "NBC", "MSNBC", "Bloomberg", "Politico", "Axios", "Vox", "Newsweek", "Slate", "Salon", "BuzzFeed", "Vice", "HuffPost", "Al-Monitor", "ProPublica", "TASS", "Kyodo", "Yonhap", "EFE", "ANSA", "ITV", "Sky"]
"""Wire services and broadcasters whose names carry no news word: general knowledge, not case data."""

CALL_SIGN = re.compile(r"[A-Z]{3,5}-(?:TV|FM|AM|DT|HD)")
"""A broadcast station's call sign: WXYZ-TV, KQRT-FM."""

_CAP = r"(?:[A-Z](?:[\w'’&-]|\.(?=\w))*)"
_LINK = r"(?:of|and|&|de|du|la|le|el|al|for|the|on)"
NAME = rf"(?:[Tt]he[ \t]+)?{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,5}}"
"""A capitalised name of up to six words, optionally led by 'the' and joined by of/and/de/al."""

PERSON_NOUNS = r"(?:reporter|correspondent|journalist|interviewer|photographer|producer|editor|crew|team)s?"
OUTLET_NOUNS = (
    r"(?:news[ \t]+agency|(?:news[ \t]+)?wire[ \t]+service|news[ \t]+service|broadcaster|newspaper|daily|weekly|"
    r"tabloid|magazine|news[ \t]+(?:site|website|outlet|portal|channel|network)|(?:television|TV|radio)[ \t]+"
    r"(?:station|channel|network)|outlet|news[ \t]+broadcaster)"
)
"""Common nouns that introduce an outlet's name: "the state news agency TNA", "public broadcaster NRT"."""
BEAT_ROLE = r"(?:[A-Z][a-z]+[ \t]+)?(?:Correspondent|Reporter|Editor|Writer|Columnist|Critic)\b"
"""A byline's role after the outlet's name: "Wessex Echo Health Correspondent"."""
REPORT_VERBS = r"(?:has |have |had )?(?:first |earlier |previously |also )?(?:reported|reports|revealed|disclosed|said|quoted)\b"
STAFF = r"staff(?:[ \t]+(?:writer|reporter|photographer|correspondent|member)s?)?\b"
SPEECH_BEFORE_TO = (
    r"(?:accounts?|interviews?|statements?|comments?|remarks|details|revealed|said|explained|"
    r"described|confirmed|disclosed|admitted|spoke|speaking|talked|talking|recounted|wrote)"
)
INSTITUTION_WORDS = {
    "state", "states", "nation", "nations", "union", "council", "committee", "commission", "court",
    "ministry", "department", "government", "parliament", "congress", "senate", "house", "assembly",
    "police", "army", "military", "navy", "office", "board", "authority", "university", "college",
    "school", "hospital", "church", "party", "bank", "company", "group", "institute", "centre",
    "center", "centers", "bureau", "foundation", "association", "president", "minister", "king",
    "queen", "prince", "governor", "mayor", "judge", "chief", "general", "pope", "director",
    "secretary", "chairman", "ambassador", "administration", "cabinet",
}
"""Words of institutions and titles: a name with one (and no news word) is never an outlet from a context slot."""
TIME_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Tonight",
}
"""Days and months: cut off the end of an outlet's name ("told CNN Sunday"), never an outlet themselves."""
COMPANY_SUFFIXES = {"Ltd", "Limited", "Inc", "LLC", "Plc", "plc", "PLC", "Corp", "GmbH"}
"""A publisher's company form, cut off its name in a copyright line ("X Ltd 2024")."""

FORM, CONTEXT, ANY = "form", "context", "any"
"""What a pattern's name must be: an outlet by FORM (or a name learned from context), any name that
is no institution, day or month (a CONTEXT slot: the name is learned), or ANY text (images, datelines)."""

PATTERNS: list[tuple[str, str, str]] = [
    # (kind, regex with a named group 'outlet', what the outlet must be: FORM, CONTEXT or ANY)
    ("own reporting", rf"\bon behalf of (?P<outlet>{NAME})", FORM),
    ("own reporting", rf"\b(?:interviewed|contacted|reached|approached) by (?P<outlet>{NAME})", FORM),
    ("own reporting", rf"(?m)^[Bb]y[ \t]+[^,|\n]{{2,60}}?[ \t]*[,|][ \t]*(?P<outlet>{NAME})[ \t]+{STAFF}", CONTEXT),
    ("own reporting", rf"(?m)^(?:[Cc]opyright|©|\([Cc]\))(?:[ \t]*(?:©|\([Cc]\)|\d{{4}}))*[ \t]*(?P<outlet>{NAME})", CONTEXT),
    ("told", rf"\b(?:told|tells|telling) (?:an? |the )?(?P<outlet>{NAME}) {PERSON_NOUNS}\b", CONTEXT),
    ("report", rf"\b{OUTLET_NOUNS}[ \t]+(?P<outlet>{NAME})(?:,[^,\n]{{1,80}},)?[ \t]+{REPORT_VERBS}", CONTEXT),
    ("told", rf"\b(?:told|tells|telling) (?:an? |the )?(?:[a-z-]+[ \t]+){{0,2}}{OUTLET_NOUNS}[ \t]+(?P<outlet>{NAME})", CONTEXT),
    ("own reporting", rf"(?m)^[Bb]y[ \t]+[^,|\n]{{2,60}}?[ \t]*[,|][ \t]*(?P<outlet>{NAME}?)[ \t]+{BEAT_ROLE}", FORM),
    ("own reporting", rf"\b(?:[Aa]n?|[Tt]he) (?P<outlet>{NAME}) {STAFF}", CONTEXT),
    ("own reporting", rf"\b(?:[Aa]n?|[Tt]he) (?P<outlet>{NAME}) {PERSON_NOUNS}\b", FORM),
    ("own reporting", rf"\b[Tt]he (?P<outlet>{NAME}['’]s)(?: [a-z]+){{0,2}} {PERSON_NOUNS}\b", FORM),
    ("own reporting", (r"\b(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage)s?(?: by)?:?[ \t]+"
                       rf"{NAME}[ \t]+for[ \t]+(?P<outlet>{NAME})"), CONTEXT),
    ("told", rf"\b(?:told|tells|telling) (?P<outlet>[Tt]he[ \t]+{NAME})", CONTEXT),
    ("told", rf"\b(?:told|tells|telling) (?P<outlet>{NAME})", FORM),
    ("told", rf"\b(?:in |during )?an? (?:exclusive )?interview with (?P<outlet>{NAME})", FORM),
    ("told", rf"\b(?:[Ss]peaking|[Ss]poke|[Tt]alking|[Tt]alked) (?:to|with) (?P<outlet>{NAME})", FORM),
    ("told", rf"\b{SPEECH_BEFORE_TO}\b[^.;:!?\"“”]{{0,120}}?\bto (?P<outlet>{NAME})", FORM),
    (
        "report",
        (r"\b(?:[Aa]ccording to |[Cc]iting |cited (?:in|by) |[Ii]n |by |from )?"
        r"(?:an? |the )?(?:\w+ )?(?:report|reports|article|story|dispatch|investigation|"
        r"broadcast|interview|documentary|survey|poll) (?:published |aired |broadcast )?"
        rf"(?:in|by|from|on) (?P<outlet>{NAME})"),
        CONTEXT,
    ),
    ("report", (rf"\b(?:first |originally |previously |also )?(?:reported|revealed|disclosed|broken|"
               rf"published|broadcast|aired) by (?P<outlet>{NAME})"), CONTEXT),
    ("report", rf"\b[Aa]ccording to (?P<outlet>{NAME})", FORM),
    ("report", (r"\b(?:memos?|documents?|letters?|records|data|e-?mails?|files|messages|reports?|papers|minutes|"
                r"recordings?|footage|images|photos|video) (?:seen|obtained|reviewed|verified|examined|analy[sz]ed) "
                rf"by (?P<outlet>[Tt]he[ \t]+{NAME})"), CONTEXT),
    ("report", rf"\b(?:seen|obtained|reviewed|verified|examined|compiled|analy[sz]ed) by (?P<outlet>{NAME})", FORM),
    ("report", (rf"(?P<outlet>\b[Tt]he[ \t]+{NAME}) (?:has |have |had )?(?:first |earlier |previously )?"
               r"(?:reported|reports|revealed|disclosed|broke the news)\b"), CONTEXT),
    ("report", (rf"(?P<outlet>{NAME}) (?:has |have |had )?(?:first |earlier |previously )?"
               r"(?:reported|reports|revealed|disclosed|broke the news)\b"), FORM),
    ("image", (r"\((?:[^()]{0,80}?[ ,;])?(?:[Ss]creenshot|[Ss]creen grab|[Ss]till|[Pp]hoto|"
              r"[Pp]hotograph|[Ii]mage|[Pp]icture|[Vv]ideo grab|[Ff]ootage|[Cc]redit)s?"
              r"(?: taken)?(?: from| by| via|:)\s*(?P<outlet>[^()]{2,80}?)\)"), ANY),
    ("image", (r"(?m)^(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]ootage)s?"
              r"(?: by)?\s*[:|-]\s*(?P<outlet>[^\n]{2,80}?)\s*$"), ANY),
    ("image", rf"\b(?:Photo|Photograph|Image|Picture|Credit)s?: (?P<outlet>{NAME}(?:/{NAME})?)", ANY),
    ("image", (r"\b(?:[Pp]hoto|[Pp]hotograph|[Ii]mage|[Pp]icture|[Ff]ootage|[Vv]ideo)s? "
              rf"courtesy of (?P<outlet>{NAME})"), ANY),
    ("image", r"\((?P<outlet>[A-Z][\w .'-]{1,40}/(?:[A-Z][\w .'-]{1,40}))\)", ANY),
    ("dateline", (r"(?m)^[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?\s*"
                 r"\((?P<outlet>[A-Z][\w .&-]{0,30})\)\s*[-–—]"), ANY),
]
NEWSROOM_ACTION = re.compile(r"\b(?:seen|obtained|reviewed|verified|examined|compiled|analy[sz]ed) by\b")
"""A credit for something the outlet did itself: its own reporting when the outlet is the text's own."""

_COMPILED = [(kind, re.compile(pattern), rule) for kind, pattern, rule in PATTERNS]
_LEADING_ARTICLE = re.compile(r"^[Tt]he\s+")
_TRAILING_JUNK = re.compile(r"[\s,.;:'’]+$")


def bare_name(name: str) -> str:
    """Return a name without a leading 'the', trailing punctuation or a possessive."""
    name = _TRAILING_JUNK.sub("", _LEADING_ARTICLE.sub("", name.strip()))
    return re.sub(r"['’]s$", "", name)


def _words(name: str) -> list[str]:
    """Return the words of a name, hyphenated parts apart ('WXYZ-TV' gives WXYZ and TV)."""
    return re.findall(r"[\w'’]+", bare_name(name))


def looks_like_outlet(name: str) -> bool:
    """Return True if a capitalised name has the form of a news outlet's name (or a station's call sign)."""
    words = [*_words(name), *re.findall(r"[\w'’-]+", bare_name(name))]
    return any(word in NEWS_WORDS or word in WELL_KNOWN_OUTLETS or CALL_SIGN.fullmatch(word) for word in words)


def could_be_outlet(name: str) -> bool:
    """Return True unless a name has an institution or title word, or is a day or month."""
    words = _words(name)
    return bool(words) and not any(word.lower() in INSTITUTION_WORDS for word in words) and not (
        all(word in TIME_WORDS for word in words))


def trim_name(name: str) -> str:
    """Return an outlet's name without a trailing day, month or company suffix ('told CNN Sunday')."""
    words = bare_name(name).split()
    while len(words) > 1 and (words[-1].rstrip(".") in TIME_WORDS | COMPANY_SUFFIXES or words[-1].islower()):
        words.pop()  # a day, a suffix, or the link word left before one ("Sentinel on Tuesday")
    return " ".join(words)


def _raw_matches(text: str) -> list[dict]:
    """Return every credit pattern match whose name fits its slot, before outlets learned in context."""
    rows = []
    for rank, (kind, pattern, rule) in enumerate(_COMPILED):
        for match in pattern.finditer(text):
            raw = match.group("outlet")
            outlet = bare_name(raw if rule == ANY else trim_name(raw))
            if not outlet or not re.search(r"[A-Za-z]", outlet) or (
                    rule != ANY and not looks_like_outlet(outlet) and not could_be_outlet(outlet)):
                continue
            end = match.end()
            if match.end("outlet") == match.end() and not match.group(0).endswith(")"):
                last = outlet.split()[-1]
                end = match.start("outlet") + raw.rfind(last) + len(last)
            rows.append({"outlet": outlet, "start": match.start(), "end": max(end, match.start() + 1),
                         "kind": kind, "rank": rank, "rule": rule,
                         "action": bool(NEWSROOM_ACTION.search(match.group(0)))})
    return rows


def _matches(text: str) -> list[dict]:
    """Return the matches whose name is an outlet by its form or by a context slot anywhere in the text."""
    rows = _raw_matches(text)
    learned = [row["outlet"] for row in rows if row["rule"] == CONTEXT or (
        row["kind"] == "dateline" and could_be_outlet(row["outlet"]))]
    return [row for row in rows if row["rule"] != FORM or looks_like_outlet(row["outlet"])
            or any(same_outlet(row["outlet"], known) for known in learned)]


def _drop_overlaps(rows: list[dict]) -> list[dict]:
    """Keep the earliest-listed pattern where matches overlap, then order by position."""
    kept: list[dict] = []
    for row in sorted(rows, key=lambda r: (r["rank"], r["start"])):
        if all(row["end"] <= other["start"] or row["start"] >= other["end"] for other in kept):
            kept.append(row)
    return sorted(kept, key=lambda r: r["start"])


def initials(name: str) -> str:
    """Return the initials of a name's capitalised words, hyphenated parts apart ('Agence France-Presse': AFP)."""
    return "".join(word[0] for word in _words(name) if word[0].isupper())


def same_outlet(short: str, full: str) -> bool:
    """Return True if one outlet name is the other, its trailing words ('Post' ~ 'Daily Post') or its initials."""
    short_words, full_words = short.lower().split(), full.lower().split()
    if len(short_words) > len(full_words):
        short, full, short_words, full_words = full, short, full_words, short_words
    if len(short_words) == 1 and short.isupper() and len(short) > 1 and len(full_words) > 1:
        return initials(full) == short
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
    names = canonical_outlets([row["outlet"] for row in rows if row["kind"] != "image"])
    names.update({row["outlet"]: row["outlet"] for row in rows if row["kind"] == "image"})
    home = {names[row["outlet"]] for row in rows if row["kind"] in ("own reporting", "dateline")}
    for row in rows:
        if row["action"] and names[row["outlet"]] in home:  # "records reviewed by" the text's own outlet
            row["kind"] = "own reporting"
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
