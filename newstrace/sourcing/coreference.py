"""Mentions grouped into sources: short names, "the official", "the company", "its director", "he said".

Later short references are one source with the longer name they are part of (see
newstrace.sourcing.names). "the official" is the last source described with the same noun; "the
president" is the last named source with that title; "he" or "she" is the person last named before.
"Two of the people" is the group named before with that noun; "the memo" is the memo cited before; "the statement said" is whoever was said to
speak "in a statement" before it.
Before grouping, four descriptions become the name they stand for when the text has it:
"the company" or "the agency" (the last name before it with that noun; Inc or Ltd for a company),
"its director" (the person named "..., the clinic's director" within two sentences), "the judge" (the person
last named with that title, "Judge Harold Yee", within three sentences), and a one-word
plural-looking subject that is someone's surname ("Rogers said" after "Jane Rogers").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newstrace.sourcing.mentions import Mention, find_mentions, name_runs
from newstrace.sourcing.names import name_key, same_person, strip_name
from newstrace.sourcing.patterns import NAME
from newstrace.sourcing.vocabulary import COMPANY_WORDS, ORG_WORDS, TITLES


@dataclass
class Source:
    """A source with every form it is referred to by and what the story takes from it."""

    name: str
    kind: str
    first_offset: int
    forms: list[str] = field(default_factory=list)
    attributions: int = 0
    words_quoted: int = 0
    conditions: list[str] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    counted_at: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    type: str = ""


def _description_key(description: str) -> str:
    """Return a description folded for matching, without its determiner."""
    words = name_key(description).split()
    while words and words[0] in {"a", "an", "the", "one", "some", "all", "most", "those", "these"}:
        words.pop(0)
    return " ".join(words)


def _find_source(found: list[Source], mention: Mention) -> Source | None:
    """Return the existing source a mention refers to, or None if it is a new one."""
    one_word = mention.kind == "description" and " " not in mention.name and mention.name[:1].isupper()
    if mention.kind == "name" or one_word:  # "Rogers" after "Jane Rogers" is her, not a group
        for source in found:
            if source.kind == "name" and any(
                    same_person(mention.name, form) or same_person(form, mention.name)
                    for form in source.forms):
                return source
        if mention.kind == "name":
            return None
    key = _description_key(mention.name)
    if mention.kind == "media" and len(name_key(mention.name).split()) == 2 and name_key(mention.name).startswith("the "):
        earlier = [source for source in found if source.kind == "media" and any(
            _description_key(form).split()[-1:] == key.split() for form in source.forms)]
        if earlier:
            return earlier[-1]  # "The memo, written by ..." after "an internal memo": the same record
    if mention.kind == "description" and re.match(r"\S+ of (?:the|those|these) ", mention.name):
        return _group_with(found, key.split()[-1], mention.start)  # "two of the people": of the group named before
    for source in found:
        if source.kind == mention.kind and key in [_description_key(form) for form in source.forms]:
            return source
    if mention.kind == "description" and name_key(mention.name).split()[:1] == ["the"]:
        bare_title = len(name_key(mention.name).split()) == 2  # "the president", not "the crew's director"
        return (_titled(found, key.split(), mention.start) if bare_title else None) or _antecedent(
            found, key.split()[-1:], mention.start)
    return None


def _titled(found: list[Source], head: list[str], before: int) -> Source | None:
    """Return the named source last mentioned before an offset whose title has the head noun."""
    titled = [source for source in found if source.kind == "name" and head
              and any(head[0] in name_key(role).split() for role in source.roles)
              and any(offset < before for offset in source.offsets)]
    return max(titled, key=lambda source: max(o for o in source.offsets if o < before), default=None)


def _group_with(found: list[Source], noun: str, before: int) -> Source | None:
    """Return the description source last mentioned before an offset with the noun among its words."""
    groups = [(max(o for o in source.offsets if o < before), index) for index, source in enumerate(found)
              if source.kind == "description" and any(o < before for o in source.offsets)
              and any(noun in _description_key(form).split() for form in source.forms)]
    return found[max(groups)[1]] if groups else None


def _antecedent(found: list[Source], head: list[str], before: int) -> Source | None:
    """Return the description source with the same head noun mentioned last before an offset."""
    best, best_offset = None, -1
    for source in found:
        heads = [_description_key(form).split()[-1:] for form in source.forms]
        earlier = [offset for offset in source.offsets if offset < before]
        if source.kind == "description" and head in heads and earlier and max(earlier) > best_offset:
            best, best_offset = source, max(earlier)
    return best


def add_mention(found: list[Source], mention: Mention) -> Source:
    """Attach a mention to its source (creating it) and return the source."""
    source = _find_source(found, mention)
    if source is None:
        source = Source(mention.name, mention.kind, mention.start)
        found.append(source)
    if mention.name not in source.forms:
        source.forms.append(mention.name)
    if mention.kind == "name" and len(name_key(mention.name)) > len(name_key(source.name)):
        source.name = mention.name
    source.sentences.add(mention.sentence)
    source.offsets.append(mention.start)
    if mention.role and mention.role not in source.roles:
        source.roles.append(mention.role)
    if mention.counts:
        source.attributions += 1
        source.counted_at.append(mention.start)
    return source


def _is_person(source: Source) -> bool:
    """Return True if a source is a single person a later 'he' or 'she' can refer to."""
    if source.kind == "name":
        return True
    last = name_key(source.name).split()[-1:]
    return source.kind == "description" and bool(last) and not last[0].endswith("s")


def resolve_mentions(mentions: list[Mention]) -> tuple[list[Source], dict[int, Source]]:
    """Group mentions into sources; return them and the source of each mention by its offset."""
    found: list[Source] = []
    by_offset: dict[int, Source] = {}
    last_person: Source | None = None
    for mention in mentions:
        if mention.kind == "pronoun":
            if last_person is not None:
                last_person.attributions += 1
                last_person.counted_at.append(mention.start)
                last_person.sentences.add(mention.sentence)
                by_offset[mention.start] = last_person
            continue
        source = add_mention(found, mention)
        by_offset[mention.start] = source
        if _is_person(source):
            last_person = source
    return found, by_offset


def _refers_to(name: str, source: Source) -> bool:
    """Return True if a name is one of a named source's forms, longer or shorter."""
    return source.kind == "name" and any(
        same_person(name, form) or same_person(form, name) for form in source.forms)


def _name_occurrences(runs: list[tuple[str, int, int]], found: list[Source]) -> list[Mention]:
    """Return bare (non-attribution) mentions of the named sources, so pronouns find them."""
    return [Mention(name, "name", offset, index, counts=False) for name, offset, index in runs
            if any(_refers_to(name, source) for source in found)]


def institution_antecedent(mention: Mention, runs: list[tuple[str, int, int]]) -> Mention:
    """Return 'the company' or 'the agency' as the name it stands for: the last name before it with
    that noun in it (for a company or firm: Inc, Ltd, Corp, ...); else the mention itself."""
    words = name_key(mention.name).split()
    if mention.kind != "description" or mention.role != "organisation" or words[:1] != ["the"]:
        return mention
    wanted = COMPANY_WORDS if words[-1] in {"company", "firm"} else {words[-1]}
    earlier = [(offset, name) for name, offset, _ in runs
               if offset < mention.start and set(name_key(name).split()) & wanted]
    if not earlier:
        return mention
    return replace(mention, name=max(earlier)[1], kind="name")


def surname_or_group(mention: Mention, runs: list[tuple[str, int, int]]) -> Mention:
    """Return a one-word plural-looking subject ("Rogers said") as a name when the text names someone
    with that surname ("Jane Rogers"); a group ("Opponents said") stays a description."""
    word = mention.name
    if mention.kind != "description" or " " in word or not word[:1].isupper():
        return mention
    if any(len(name.split()) > 1 and same_person(word, name) for name, _, _ in runs):
        return replace(mention, kind="name")
    return mention


def role_holder(mention: Mention, runs: list[tuple[str, int, int]], text: str) -> Mention:
    """Return 'its director' as the person the text names with that role within two sentences
    ("Dr. Jo Lee, the clinic's director"); else the mention itself."""
    words = mention.name.split()
    if mention.kind != "description" or len(words) != 2 or words[0].lower() not in {"its", "his", "her", "their"}:
        return mention
    role = re.compile(rf",\s+(?:[\w.'’-]+\s+){{0,4}}?{re.escape(words[1])}\b")
    holders = [(abs(offset - mention.start), name) for name, offset, index in runs
               if abs(index - mention.sentence) <= 2 and role.match(text, offset + len(name))]
    return replace(mention, name=min(holders)[1], kind="name") if holders else mention


def title_holder(mention: Mention, text: str, spans: list[tuple[int, int]], earlier: list[Mention]) -> Mention:
    """Return 'the judge' as the person last named with that title within three sentences ("U.S. District
    Judge Harold Yee"), else the mention itself."""
    words = name_key(mention.name).split()
    if mention.kind != "description" or len(words) != 2 or words[0] != "the" or words[1] not in TITLES:
        return mention
    holders = [(start + match.start(), strip_name(match.group())) for index, (start, end) in enumerate(spans)
               if 0 <= mention.sentence - index <= 3 for match in re.finditer(NAME, text[start:end])
               if start + match.start() < mention.start]
    titled = [name for _, (name, role) in holders if name and words[1] in name_key(role).split()]
    if not titled or any(other.kind == "name" and same_person(other.name, titled[-1]) for other in earlier):
        return mention  # a source already: resolve_mentions finds it by its title and keeps 'the judge' as a form
    return replace(mention, name=titled[-1], kind="name", role=words[1])


def document_author(mention: Mention, earlier: list[Mention], text: str, spans: list[tuple[int, int]]) -> Mention:
    """Return 'the statement said' as whoever was said to speak 'in a statement' before, else the mention itself."""
    words = name_key(mention.name).split()
    if mention.kind != "media" or len(words) != 2 or words[0] != "the":
        return mention
    said_in = re.compile(rf"\b(?:said|says|added|wrote|announced)\s+(?:\w+\s+)?in\s+an?\s+(?:\w+\s+)?{words[1]}\b")
    for other in reversed(earlier):
        start, end = spans[other.sentence]
        if other.kind in ("name", "description") and other.counts and said_in.search(text, other.start, end):
            return replace(mention, name=other.name, kind=other.kind, role=other.role)
    return mention


def _named_if_possible(mention: Mention, runs: list[tuple[str, int, int]], text: str,
                       spans: list[tuple[int, int]], earlier: list[Mention]) -> Mention:
    """Return a description as the name the text gives it (institution, role holder, title holder, surname), else as is."""
    mention = title_holder(mention, text, spans, earlier)
    return role_holder(surname_or_group(institution_antecedent(mention, runs), runs), runs, text)


def shared_surnames(runs: list[tuple[str, int, int]]) -> dict[str, str]:
    """Map a surname that two people in the text share to the first of them named ("Kilbride" -> "Agnes
    Kilbride" when "Duncan Kilbride" comes later): the surname alone is the person introduced first."""
    full: dict[str, list[str]] = {}
    for name, _, _ in runs:
        words = name_key(name).split()
        if len(words) > 1 and "of" not in words and not set(words) & ORG_WORDS and name not in full.get(words[-1], []):
            full.setdefault(words[-1], []).append(name)
    return {surname: names[0] for surname, names in full.items() if len(names) > 1}


def owner_of(name: str, owners: dict[str, str]) -> str:
    """Return a one-word name as the first person named with that surname when two share it, else the name."""
    return owners.get(name_key(name), name) if len(name_key(name).split()) == 1 else name


def collect_sources(text: str, spans: list[tuple[int, int]],
                    quoted: list[tuple[int, int]] | None = None) -> tuple[list[Source], dict[int, Source]]:
    """Return the sources of the story and the source of every mention by offset."""
    runs = name_runs(text, spans)
    owners = shared_surnames(runs)
    runs = [(owner_of(name, owners), offset, index) for name, offset, index in runs]
    attributions: list[Mention] = []
    for mention in find_mentions(text, spans, quoted):
        if mention.kind == "name":
            mention = replace(mention, name=owner_of(mention.name, owners))
        named = _named_if_possible(mention, runs, text, spans, attributions)
        attributions.append(document_author(named, attributions, text, spans))
    found, _ = resolve_mentions(attributions)
    taken = {mention.start for mention in attributions}
    bare = [m for m in _name_occurrences(runs, found) if m.start not in taken]
    return resolve_mentions(sorted(attributions + bare, key=lambda mention: mention.start))


def first_name_occurrence(runs: list[tuple[str, int, int]], source: Source) -> tuple[str, int]:
    """Return the longest form of a named source and the offset of its first occurrence."""
    best, first = source.name, source.first_offset
    for name, offset, _ in runs:
        if _refers_to(name, source):
            first = min(first, offset)
            if len(name_key(name)) > len(name_key(best)) and same_person(best, name):
                best = name
    if len(name_key(best).split()) == 1:  # "Halden said" after "Halden Foods": the institution's short name
        longer = [name for name, _, _ in runs if name_key(name).split()[:1] == [name_key(best)]
                  and set(name_key(name).split()) & ORG_WORDS]
        best = longer[0] if longer else best
    return best, first
