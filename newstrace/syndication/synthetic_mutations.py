"""How a derived article is made from a base: the mutation kinds in `KINDS`.

- ``copy``: the same paragraphs inside different page clutter (navigation, share lines, a photo
  caption, a related-articles block, a sidebar of other news with later years);
- ``trimmed copy``: the text stops part of the way in, sometimes skipping a stretch before its
  last paragraph;
- ``edited copy``: house-style copy edits (serial comma, -ise/-ize and other spelling variants,
  hyphenation, quote marks, capitalised "the", a dropped sentence), sometimes also trimmed;
- ``reordered``: a few paragraphs after the lead moved;
- ``rewrite``: new wording on the same facts that lifts the quotes verbatim, carries over a few
  phrases and credits the first outlet ("told The <Outlet>").

`derive(text, kind, rng)` applies one kind to any article, one paragraph per line;
`independent_report` writes a new report of the same event (the hard negative).
"""

from __future__ import annotations

import random
import re

from newstrace.syndication.synthetic_articles import (
    LANDMARKS,
    PLACES,
    ROLES,
    Event,
    Writer,
    make_event,
    other_headline,
    paragraphs_of,
    word_list,
    write_article,
)
from newstrace.text import segments

KINDS = ("copy", "trimmed copy", "edited copy", "reordered", "rewrite")
"""Mutation kinds of derived articles, in the order `synthetic_corpus` cycles through them."""


_NAV = word_list(
    "Skip to content|Skip to main content|Menu|Home|Sign in|Subscribe|Log in|Search|"
    "Home > News > Local|News \u00b7 Sport \u00b7 Business \u00b7 Opinion|Advertisement|Accept cookies",
    "|",
)
_SHARE = word_list(
    "Share this article|Share on Facebook|Share on X|Copy link|Link copied to clipboard|"
    "Email this story|Print|Share via WhatsApp",
    "|",
)
_RELATED = word_list("Related articles|Related|Read more|More on this story|You may also like", "|")
_SIDEBAR = word_list("Most read|Trending|Latest news|Top stories|In other news|Popular now", "|")
_CAPTION_CREDITS = word_list("Photo|Reuters|File photo|Handout|Screenshot from video|Image", "|")
_CREDIT_FORMS = word_list(
    "{name} told The {paper}.|{name} said in an interview with The {paper}.|"
    "according to a report in The {paper}.|as first reported by The {paper}.|"
    "{name} told The {paper}, which first reported the story.",
    "|",
)


_SPELLINGS = (
    ("organised", "organized"), ("recognised", "recognized"), ("criticised", "criticized"),
    ("apologised", "apologized"), ("programme", "program"), ("per cent", "percent"),
    ("week-long", "weeklong"), ("month-long", "monthlong"), ("centre", "center"),
    ("labour", "labor"), ("neighbours", "neighbors"), ("defence", "defense"),
)


def add_clutter(paras: list[str], rng: random.Random, year: int | None = None) -> list[str]:
    """Return paras inside page clutter: navigation, share lines, caption, related block, sidebar."""
    top = rng.sample(_NAV, rng.randint(1, 3)) + rng.sample(_SHARE, rng.randint(0, 2))
    caption = (
        f"A view of the {rng.choice(LANDMARKS)} in {rng.choice(PLACES)} on "
        f"{rng.choice(['Monday', 'Friday', 'Sunday'])}. ({rng.choice(_CAPTION_CREDITS)})"
    )
    body = [paras[0], caption, *paras[1:]] if rng.random() < 0.6 else list(paras)
    related = [rng.choice(_RELATED)]
    for _ in range(rng.randint(2, 4)):
        headline = other_headline(rng)
        related += [headline] * rng.randint(1, 2)
    later = (year or 2015) + rng.randint(4, 10)
    sidebar = [rng.choice(_SIDEBAR)] + [
        f"{other_headline(rng)} ({rng.choice(['March', 'June', 'October'])} {later})"
        for _ in range(rng.randint(2, 3))
    ]
    tail = related + (sidebar if rng.random() < 0.7 else [])
    return top + body + tail


def trim(paras: list[str], rng: random.Random) -> list[str]:
    """Return the first part of paras, sometimes skipping a stretch before the last kept one."""
    keep = min(max(3, round(len(paras) * rng.uniform(0.35, 0.7))), max(1, len(paras) - 1))
    kept = paras[:keep]
    if rng.random() < 0.5 and len(paras) > keep + 2:
        kept.append(paras[rng.randint(keep + 1, len(paras) - 1)])
    return kept


def _toggle_serial_comma(paragraph: str) -> str:
    """Return paragraph with the serial comma of its first list added or removed."""
    with_comma = re.search(r", (\w+), and ", paragraph)
    if with_comma:
        return paragraph[:with_comma.start()] + f", {with_comma.group(1)} and " + paragraph[
            with_comma.end():]
    return re.sub(r"(, [\w' ]+?) and ", r"\1, and ", paragraph, count=1)


def _respell(paragraph: str, rng: random.Random) -> str:
    """Return paragraph with one house-style spelling pair swapped in either direction."""
    pairs = [pair if rng.random() < 0.5 else pair[::-1] for pair in _SPELLINGS]
    for before, after in pairs:
        if before in paragraph:
            return paragraph.replace(before, after, 1)
    return paragraph


def _curl_quotes(paragraph: str) -> str:
    """Return paragraph with straight double quotes turned curly (or curly ones straight)."""
    if "\u201c" in paragraph:
        return paragraph.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r'"([^"]*)"', "\u201c\\1\u201d", paragraph)


def _drop_sentence(paragraph: str, rng: random.Random) -> str:
    """Return paragraph without one of its sentences (unchanged if it has only one)."""
    sentences = [paragraph[start:end] for start, end in segments.sentences(paragraph)]
    if len(sentences) < 2:
        return paragraph
    sentences.pop(rng.randrange(len(sentences)))
    return " ".join(sentences)


def copy_edit(paras: list[str], rng: random.Random) -> list[str]:
    """Return paras with light house-style edits in about half of them and one dropped sentence."""
    edits = (
        _toggle_serial_comma,
        lambda p: _respell(p, rng),
        _curl_quotes,
        lambda p: re.sub(r"\bthe ([A-Z])", r"The \1", p, count=1),
        lambda p: p.replace(" -- ", " - ", 1),
    )
    edited = [rng.choice(edits)(p) if i and rng.random() < 0.5 else p for i, p in enumerate(paras)]
    if len(edited) > 2:
        index = rng.randrange(1, len(edited))
        edited[index] = _drop_sentence(edited[index], rng)
    return edited


def reorder(paras: list[str], rng: random.Random) -> list[str]:
    """Return paras with the lead kept and two or three later paragraphs moved."""
    if len(paras) < 4:
        return list(reversed(paras))
    body = list(paras[1:])
    for _ in range(rng.randint(2, 3)):
        body.insert(rng.randrange(len(body)), body.pop(rng.randrange(len(body))))
    if body == list(paras[1:]):
        body.append(body.pop(0))
    return [paras[0], *body]


_QUOTE = re.compile(
    r'(?:^|(?<=[\s(]))["\u201c]([^"\u201c\u201d\n]{20,400}?)[,.?!]?["\u201d](?=[\s,.;:)]|$)'
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")
_NOT_NAMES = frozenset(
    word_list("The A An In On At For But And As When While After Before If It This That")
)


def facts_of(text: str, rng: random.Random) -> Event:
    """Return an Event carrying the names and figures of any article, for rewrites of it."""
    speakers = re.findall(rf"\b(?:said|says|told) ({_NAME.pattern})", text) + re.findall(
        rf"({_NAME.pattern}),? (?:said|says|told)\b", text)
    found = (name.split(" ", 1)[1] if name.split()[0] in _NOT_NAMES else name
             for name in speakers + _NAME.findall(text))
    names = [name for name in dict.fromkeys(found) if " " in name][:4]
    base = make_event(rng)
    people = tuple((name, rng.choice(ROLES), base.people[0][2]) for name in names)
    figures = tuple(int(f.replace(",", "")) for f in re.findall(r"\b\d[\d,]{0,6}\b", text)[:3])
    return Event(base.topic, base.place, base.year, base.month, base.day,
                 people or base.people, figures or base.figures, base.paper)


def _lifted_phrase(paras: list[str], rng: random.Random) -> str:
    """Return a run of eight to twelve words from a random paragraph of paras."""
    tokens = rng.choice(paras).split()
    size = min(len(tokens), rng.randint(8, 12))
    start = rng.randint(0, len(tokens) - size)
    phrase = " ".join(tokens[start:start + size])
    return re.sub(r"[\"\u201c\u201d]", "", phrase).strip(".,;: ")


def rewrite(text: str, rng: random.Random, event: Event | None = None) -> str:
    """Return a shorter re-report in new words that lifts text's quotes and credits its outlet."""
    paras = paragraphs_of(text)
    event = event or facts_of(text, rng)
    writer = Writer(rng, event)
    quotes = _QUOTE.findall(text) or [_lifted_phrase(paras, rng)]
    name = event.people[0][0]
    credit = rng.choice(_CREDIT_FORMS).format(name=name, paper=event.paper)
    out = [f"{writer.sentence()} {credit[0].upper()}{credit[1:]}"]
    for quote in rng.sample(quotes, min(len(quotes), rng.randint(2, 4))):
        speaker = writer.person()[0]
        out.append(f'"{quote}," {speaker} told The {event.paper}.')
        out.append(writer.sentence())
    out.append(f"{writer.sentence()} As one account put it, {_lifted_phrase(paras, rng)}.")
    return "\n".join(out)


def independent_report(event: Event, rng: random.Random) -> str:
    """Return a fresh report of the same event: same names and figures, new wording and quotes."""
    return write_article(event, rng)


def derive(
    text: str, kind: str, rng: random.Random, event: Event | None = None, page_chance: float = 0.5,
) -> str:
    """Return a copy of text made by one mutation kind (see KINDS); trims get clutter at random."""
    paras = paragraphs_of(text)
    year = event.year if event else None
    if kind == "copy":
        out = add_clutter(paras, rng, year)
    elif kind == "trimmed copy":
        out = trim(paras, rng)
        out = add_clutter(out, rng, year) if rng.random() < page_chance else out
    elif kind == "edited copy":
        out = copy_edit(trim(paras, rng) if rng.random() < 0.4 else paras, rng)
    elif kind == "reordered":
        out = reorder(paras, rng)
    elif kind == "rewrite":
        return rewrite(text, rng, event)
    else:
        raise ValueError(f"unknown mutation kind {kind!r}: choose one of {', '.join(KINDS)}")
    return "\n".join(out)
