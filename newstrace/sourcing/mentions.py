"""Every attribution in a story, sentence by sentence: who is said to say, tell or show something.

Each match of a newstrace.sourcing.patterns pattern outside quotations becomes a `Mention`: a name,
a description, a medium or a pronoun, with its offset and sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newstrace.attribution.outlet_credits import looks_like_outlet
from newstrace.attribution.quotes import extract_quotes
from newstrace.pages.story import story_spans
from newstrace.sourcing.names import description_name, is_description, name_key, strip_name
from newstrace.sourcing.patterns import (
    ACCORDING_TO,
    GROUP,
    MEDIA_SUBJECT,
    NAME,
    ORG_HEAD,
    ORG_PLURAL_HEAD,
    PASSIVE_BY,
    PERSON_HEAD,
    POST_MODIFIER,
    PRONOUN_VERB,
    SUBJECT_VERB,
    VERB_SUBJECT,
)
from newstrace.sourcing.vocabulary import GROUP_PLURAL, MEDIA_NOUNS, NOT_NAMES, PERSON_NOUNS, PREPOSITIONS
from newstrace.text.segments import sentences


SECOND_RECORD = re.compile(
    rf"[^,.;:]{{0,40}}?\s+and\s+(?P<record>(?:(?:the|an?|its|his|her|their|[A-Z][\w'’-]*['’]s)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{MEDIA_NOUNS}))(?![\w'’])")
"""A second record joined to the first by 'and': "according to a filing by X and Halden's annual report"."""
INSTRUCTION = re.compile(r"\s+\w+\s+(?:not\s+)?to\s+[a-z]")
"""'told him to drive': the verb gives an instruction, not an attribution."""


@dataclass
class Mention:
    """One attribution or mention of a source in the story."""

    name: str
    kind: str  # name, description, media, pronoun, outlet
    start: int
    sentence: int
    counts: bool = True  # True if it is an attribution (a saying verb), not a bare mention
    verb: str = ""
    role: str = ""


def story_sentences(text: str) -> list[tuple[int, int]]:
    """Return every sentence of the story (clutter left out) as input offsets."""
    return [span for start, end in story_spans(text) for span in sentences(text, start, end)]


def subject_mention(subject: str, start: int, sentence: int, counts: bool = True) -> Mention | None:
    """Return a mention for a subject phrase (a name or a description), or None if it names nobody."""
    subject = description_name(subject)
    if looks_like_outlet(subject):
        return None  # outlets come from newstrace.attribution.outlet_credits
    if re.fullmatch(rf"(?:{PERSON_NOUNS})|{GROUP_PLURAL}", subject.lower()) and not subject.isupper():
        return Mention(subject, "description", start, sentence, counts)  # "Police said", "Opponents said"
    words = subject.split()
    if len(words) > 2 and re.fullmatch(rf"(?:{PERSON_NOUNS})|{GROUP_PLURAL}", words[0].lower()) and (
            words[1] in {"of", "in", "from", "at", "near", "on"} and words[2] != "the"):
        return Mention(subject, "description", start, sentence, counts)  # "Residents of Dunar said": a group
    if re.fullmatch(rf"(?:[Tt]he\s+)?{NAME}\.?", subject):  # "Jolt Mobility Inc." ends with its period
        name, role = strip_name(subject)
        if not name or name_key(name) in NOT_NAMES:
            return None
        the = name_key(subject).startswith("the ")  # persons are never 'the Jane Doe': an institution
        return Mention(name, "name", start, sentence, counts, role="organisation" if the else role)
    if re.search(rf"{PERSON_HEAD}{POST_MODIFIER}$", subject) or re.fullmatch(GROUP, subject):
        return Mention(subject, "description", start, sentence, counts)
    if re.fullmatch(rf"(?:[Tt]he|[Aa]n?)\s+(?:[\w.'’-]+\s+){{0,3}}{ORG_HEAD}", subject) or re.fullmatch(
            rf"(?:[\w.'’-]+\s+){{0,4}}{ORG_PLURAL_HEAD}", subject):
        return Mention(subject, "description", start, sentence, counts, role="organisation")
    return None


def _after_preposition(sentence: str, position: int) -> bool:
    """Return True if the word before position (or before its 'the') is a preposition: the phrase is an object."""
    before = sentence[:position].split()
    if before and before[-1].lower() == "the":
        before.pop()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _subject_of(match: re.Match, pattern: re.Pattern, sentence: str) -> tuple[str, tuple[int, int]] | None:
    """Return the subject phrase and span of an attribution match, or None if it is an object."""
    subject, span = match.group("subject"), match.span("subject")
    if pattern is SUBJECT_VERB:
        if _after_preposition(sentence, span[0]):
            return None
        named = re.match(rf",\s*((?:the\s+)?{NAME})(?:\s+(?:of|at|from|with)\s+[^,]+)?\s*,",
                         match.group("appositive") or "")
        if named and is_description(subject):  # "a spokeswoman, Jane Doe, said": the name is the source
            offset = match.start("appositive")
            return named.group(1), (offset + named.start(1), offset + named.end(1))
        owner = re.search(r"\b(?:its|his|her|their)\s+$", sentence[:span[0]])
        if owner and re.fullmatch(r"[a-z]+", subject):  # "its director said": a definite description
            return sentence[owner.start():span[1]], (owner.start(), span[1])
    return subject, span


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of every quotation in text, sorted (from extract_quotes)."""
    quotes = extract_quotes(text)
    return sorted(zip(quotes["start"].astype(int), quotes["end"].astype(int)))


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Return True if offset lies inside one of the sorted spans."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def according_to_mention(match: re.Match, start: int, sentence: int) -> Mention | None:
    """Return the mention of an 'according to' phrase: a document, or who speaks in a statement."""
    subject, offset = match.group("subject"), start + match.start("subject")
    maker = match.group("maker")
    head = subject[: match.start("maker") - match.start("subject")] if maker else subject
    head = re.sub(r"\s+(?:by|from|of|at|for)\s+(?:the\s+)?$", "", head)
    if maker and re.search(r"\bstatements?$", head):  # a statement from X is X speaking
        return subject_mention(maker, start + match.start("maker"), sentence)
    if re.search(rf"(?:{MEDIA_NOUNS})$", head):
        return Mention(description_name(subject), "media", offset, sentence)
    return subject_mention(subject, offset, sentence)


def find_mentions(text: str, spans: list[tuple[int, int]],
                  quoted: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Return every attribution in the story's sentences outside quotations, in text order."""
    quoted = quoted_spans(text) if quoted is None else quoted
    mentions = []
    patterns = ((MEDIA_SUBJECT, "media"), (ACCORDING_TO, None), (PASSIVE_BY, None),
                (VERB_SUBJECT, None), (SUBJECT_VERB, None))
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        taken: list[tuple[int, int]] = []
        for pattern, kind in patterns:
            for match in pattern.finditer(sentence):
                found = _subject_of(match, pattern, sentence)
                if found is None or any(found[1][0] < b and a < found[1][1] for a, b in taken):
                    continue
                if INSTRUCTION.match(sentence, match.end()) and match.group("verb") in ("told", "tells"):
                    continue  # "her doctor has told her to stop": an instruction, not information
                subject, span = found
                if kind == "media":
                    mention = Mention(description_name(subject), "media", start + span[0], index)
                elif pattern is ACCORDING_TO:
                    mention = according_to_mention(match, start, index)
                    second = SECOND_RECORD.match(sentence, match.end())
                    if mention and mention.kind == "media" and second:  # "according to a filing ... and X's report"
                        mentions.append(Mention(description_name(second.group("record")), "media",
                                                start + second.start("record"), index, verb=match.group("verb")))
                else:
                    mention = subject_mention(subject, start + span[0], index)
                    if mention and mention.kind == "name" and subject != match.group("subject") and not mention.role:
                        mention.role = description_name(match.group("subject"))  # "Another analyst, Jo Doe, said"
                if mention:
                    mention.verb = match.group("verb")
                    taken.append(span)
                    mentions.append(mention)
        for match in PRONOUN_VERB.finditer(sentence):
            position = match.start("subject") if match.group("subject") else match.start("subject2")
            verb = match.group("verb") or match.group("verb2")
            mentions.append(Mention("<pronoun>", "pronoun", start + position, index, verb=verb))
    mentions = [mention for mention in mentions if not _inside(quoted, mention.start)]
    return sorted(mentions, key=lambda mention: mention.start)


def name_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Return (name, offset, sentence index) for every capitalised name run in the story."""
    found = []
    for index, (start, end) in enumerate(spans):
        for match in re.finditer(NAME, text[start:end]):
            name, _ = strip_name(match.group())
            if name:
                found.append((name, start + match.start() + match.group().find(name.split()[0]), index))
    return found
