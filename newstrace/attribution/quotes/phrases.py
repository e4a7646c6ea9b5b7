"""What a speaker phrase names: a document's source, its head noun, whether it can speak at all.

Small rules `newstrace.attribution.quotes` applies to the phrase it read as a quote's speaker:

- `document_source`: "a statement from the Harbour Trust", "a report by X": the speaker is X;
- `head_noun`: the noun a phrase is about ("a spokeswoman for Westmoor Rail" -> spokeswoman);
- `can_speak`: False for a thing that carries words but does not speak ("the advert says",
  `THING_NOUNS`), unless the phrase holds a name;
- `INTRODUCED_NAME_RE`, `APPOSITIVE_AFTER_RE`, `role_word`: the text around a capitalised name that
  shows it is an organisation's ("the charity Open Hands") or a person's (", a former nurse"; "his
  wife, X" says she is a woman).
"""

from __future__ import annotations

import re

from newstrace.attribution.quotes.words import (
    DOCUMENT_NOUNS,
    NAME_INTRODUCERS,
    PREPOSITIONS,
    SENTENCE_OPENERS,
    THING_NOUNS,
)

DOCUMENT_SOURCE_RE = re.compile(r"^(?:\S+\s+){0,3}?(?:" + "|".join(sorted(DOCUMENT_NOUNS)) +
                                r")\s+(?:issued\s+|released\s+|put\s+out\s+)?(?:from|by|of)\s+(\S.*)$", re.IGNORECASE)
"""'a statement from X', 'a report by X': the speaker is X."""
INTRODUCED_NAME_RE = re.compile(r"\b(?:" + "|".join(sorted(NAME_INTRODUCERS)) + r")\s+$")
"""A name right after "the charity", "the company"...: an organisation or a thing, not a person."""
APPOSITIVE_AFTER_RE = re.compile(r",\s+(?:a|an|the|who|whose|aged|now|herself|himself)\b|,\s+\d{1,3},")
"""A description after a name (", a former nurse", ", 54,"): the name is a person's, not a place's."""
ROLE_BEFORE_RE = re.compile(r"\b(\w+),?\s+$")
"""The word just before a name, as in "his wife, Jane Doe"."""


def document_source(phrase: str) -> str | None:
    """Return X in a speaker phrase naming a text and its source ("a statement from X"), else None."""
    match = DOCUMENT_SOURCE_RE.match(phrase)
    return match.group(1).strip(" ,.") if match else None


def head_noun(phrase: str) -> str:
    """Return the head word of a noun phrase: its last word before a preposition, lower-cased, no 's."""
    head = ""
    for word in phrase.split():
        bare = word.strip(".,;:()\"'\u2019").lower()
        if head and bare in PREPOSITIONS:
            break
        head = re.sub(r"['\u2019]s?$", "", bare)
    return head


def can_speak(phrase: str) -> bool:
    """Return False for a phrase naming a thing that carries words but does not speak ("the advert")."""
    return head_noun(phrase) not in THING_NOUNS or any(
        w[:1].isupper() and w not in SENTENCE_OPENERS for w in phrase.split()[1:])


def role_word(before: str) -> str:
    """Return the word just before a name ("his wife, Jane Doe" -> "wife"), pronouns aside, else ""."""
    role = ROLE_BEFORE_RE.search(before)
    return role.group(1) if role and role.group(1) not in ("he", "she", "her", "him", "his") else ""
