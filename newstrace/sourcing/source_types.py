"""The source types (SOURCE_TYPES) and the rules that give each source one.

Types, decided in this order:

| type | rule |
|---|---|
| news outlet | credited as an outlet by newstrace.attribution.outlet_credits |
| document or media | the source phrase is headed by a media noun: video, report, images, estimates, ... |
| adopted name | a kunya-style name (Abu/Umm + name), a name the text calls a nom de guerre, alias, pseudonym or adopted name in its first sentence, or a single name (no surname) in a text whose ground rule is "identified only by their adopted/first names" |
| organisation | "The X said" (people are never "the Jane Doe"; checked first of all), a name with an organisation word (Ministry, Police, Office, Inc, ...), an all-capital acronym, a brand-style name with a capital inside ("BirdWatch Ireland"), "a statement from X", "the company" or "the agency" (the last name before it with that noun, or the description itself), or a description headed by one ("police", "the county council", "the city engineer's office", "a spokesperson for the council") |
| expert or analyst | a name with an expert word (analyst, expert, researcher, professor, ecologist, university, ...) in its title or within its first mention, or a description headed by one ("a seabird ecologist") |
| named person | any other personal name |
| anonymous source | a description instead of a name: "a U.S. official", "a relative", "defectors", and groups, whose plural noun is known by its form, not a list ("Opponents said", "Tour operators said") |
"""

from __future__ import annotations

import re

from newstrace.sourcing.coreference import Source
from newstrace.sourcing.names import name_key
from newstrace.sourcing.vocabulary import (
    ADOPTED_CONTEXT,
    EXPERT_WORDS,
    KUNYA_PREFIXES,
    ORG_DESCRIPTION,
    ORG_WORDS,
    SAY_VERBS,
)

BRAND = re.compile(r"\b(?!(?:Mac|Fitz|Vander|Van|Von|Della|Del)[A-Z])[A-Z][a-z]{2,}[A-Z]")
"""A word with a capital inside, as brands and organisations are written ("BirdWatch", "YouTube");
surname prefixes (Mac, Fitz, Van, ...) are set aside ("MacArthur")."""

SOURCE_TYPES = (
    "named person",
    "adopted name",
    "anonymous source",
    "expert or analyst",
    "organisation",
    "document or media",
    "news outlet",
)
SOURCE_TYPE_MEANINGS = {
    "named person": "a person named in full (given and family name), e.g. an official on the record",
    "adopted name": "a person identified only by an adopted name: a kunya (Abu X) or nom de guerre",
    "anonymous source": "a person or group described but not named: 'a senior official', 'defectors'",
    "expert or analyst": "a researcher, analyst or expert whose expertise the text states",
    "organisation": "an institution speaking as itself: a ministry, police, a company, 'the FBI'",
    "document or media": "a video, report, image, estimate or other record the text cites",
    "news outlet": "another news organisation credited with information",
}

def _head_phrase(description: str) -> str:
    """Return a description without what follows its head ("A spokesman for the association" -> "A spokesman")."""
    return re.sub(r"\s+(?:for|at|from|with|of|in|on)\s.*$", "", description)


def source_type(source: Source, context: str, blanket_rule: bool = False) -> str:
    """Return the type of a source from its form and the sentence of its first mention.

    blanket_rule: the text says its sources are identified only by adopted names, so a person
    known by a single name (no surname anywhere in the text) is taken to use an adopted one.
    """
    if source.kind in ("outlet", "media"):
        return "news outlet" if source.kind == "outlet" else "document or media"
    words = name_key(source.name).split()
    if source.kind == "name" and ("organisation" in source.roles or any(
            ORG_DESCRIPTION.match(_head_phrase(role)) for role in source.roles)):
        return "organisation"  # "The vaccine's developer, Kestrel Biologics, said": described as an institution
    if source.kind == "name":
        after = context[context.find(source.name.split()[0]):][:160] if source.name else context
        after = re.split(rf"\b(?:{SAY_VERBS})\b", after, maxsplit=1)[0] if after[:1] else after  # its own clause
        single = len(words) == 1 and not re.fullmatch(r"[A-Z]{2,6}", source.name)
        if words[0] in KUNYA_PREFIXES and len(words) > 1 or ADOPTED_CONTEXT.search(context) or (
                blanket_rule and single and not set(words) & ORG_WORDS):
            return "adopted name"
        if set(words) & ORG_WORDS or re.fullmatch(r"[A-Z]{2,6}", source.name) or BRAND.search(source.name):
            return "organisation"
        expert = EXPERT_WORDS.search(after) or any(EXPERT_WORDS.search(role) for role in source.roles)
        return "expert or analyst" if expert else "named person"
    if ORG_DESCRIPTION.match(source.name):
        return "organisation"
    head = name_key(_head_phrase(source.name)).split()[-1:]
    return "expert or analyst" if head and EXPERT_WORDS.fullmatch(head[0]) else "anonymous source"
