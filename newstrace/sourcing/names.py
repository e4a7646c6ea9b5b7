"""Personal names in attributions: folding for matching, titles set aside, short references.

Later short references are the same source when they are a leading part of a longer name
("Abu Hajer" = "Abu Hajer al Maghribi") or its last word, a surname ("Comey" = "James B. Comey"),
with hyphens and spaces folded ("al-X" = "al X"). A shared origin after a kunya ("al Maghribi") and
the last word of an institution's name are not surnames.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.sourcing.vocabulary import (
    CONJUNCTIONS,
    KUNYA_PREFIXES,
    LEADING_FUNCTION_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    TITLES,
)


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Return a name folded for matching: lower case, hyphens and apostrophes as spaces, no 's."""
    name = re.sub(r"['’]s$", "", name.strip())
    return " ".join(re.sub(r"[-‐'’.]", " ", name.lower()).split())


def strip_name(name: str) -> tuple[str, str]:
    """Return (personal name, role) from a name run: leading function words and titles set aside."""
    tokens = re.sub(r"['’]s?$", "", name.strip()).split()
    while tokens and tokens[0].lower().strip(".,") in LEADING_FUNCTION_WORDS:
        tokens.pop(0)
    role_end = 0
    for index, token in enumerate(tokens[:-1]):
        bare = token.lower().strip(".,")
        if tokens[index + 1] in {"of", "for"} and bare not in TITLES:
            break  # a person noun heading an institution's name: "Friends of the Library"
        if bare in TITLES or re.fullmatch(PERSON_NOUNS, bare) or (token.isupper() and len(token) > 1 and index + 1 < len(tokens)
                              and tokens[index + 1].lower().strip(".") in TITLES):
            role_end = index + 1
    while len(tokens) > role_end + 1 and tokens[-1] in {"al", "el", "bin", "ibn", "de", "van", "von"}:
        tokens.pop()
    name = tokens[role_end:]
    if "of" in name[2:]:  # "Mira Solberg of Crane Hill Partners": a person's affiliation, not part of the name
        before = name[:name.index("of", 2)]
        if not {token.lower().strip(".,") for token in before} & (ORG_WORDS | TITLES):
            name = before
    return " ".join(name), " ".join(tokens[:role_end])


def is_description(subject: str) -> bool:
    """Return True if a subject phrase is a description (starts lower case, with a determiner, or with a
    possessive before more words: "Labour's shadow transport secretary")."""
    words = subject.split()
    first = words[0] if words else ""
    if len(words) > 1 and (re.search(r"['’]s$", first) or first.lower() in {"his", "her", "its", "their", "our"}):
        return True
    return first[:1].islower() or first.lower() in LEADING_FUNCTION_WORDS | {
        "one", "two", "three", "some", "many", "several", "most", "all", "other", "another",
        "former", "senior"}


def description_name(subject: str) -> str:
    """Return a subject phrase on one line, without a leading conjunction or trailing comma."""
    words = subject.split()
    while len(words) > 1 and words[0].lower() in CONJUNCTIONS:
        words.pop(0)
    return " ".join(words).rstrip(",")


@lru_cache(maxsize=8192)
def same_person(short: str, long: str) -> bool:
    """Return True if short is a leading part of long or its last word (a surname)."""
    short_words, long_words = name_key(short).split(), name_key(long).split()
    if not short_words or len(short_words) > len(long_words):
        return False
    if long_words[: len(short_words)] == short_words:  # a place is not the institution it leads ("Hexford District Council")
        return len(short_words) > 1 or short_words[0] not in KUNYA_PREFIXES and not set(long_words) & ORG_WORDS
    kunya = long_words[0] in KUNYA_PREFIXES  # "al X" after a kunya is a shared origin, not a surname
    if kunya or set(long_words) & ORG_WORDS or "of" in long_words:  # "Shares of Halden" is nobody's full name
        return False
    return len(short_words) == 1 and long_words[-1] == short_words[0] and len(long_words) > 1 and not kunya
