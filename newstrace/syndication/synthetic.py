"""Seeded synthetic news corpora with known copies, built without any downloaded data.

`synthetic_corpus(n)` writes base articles from a small grammar with a large, varied vocabulary:
independent articles share names and facts but hardly any five-word run. Some bases get a second,
*independent report* of the same event (same people, place and figures, new wording and quotes),
which is the hard negative for copy detection. Other articles are *derived* from a base by one of
the mutation kinds in `KINDS`:

- ``copy``: the same paragraphs inside different page clutter (navigation, share lines, a photo
  caption, a related-articles block, a sidebar of other news with later years);
- ``trimmed copy``: the text stops part of the way in, sometimes skipping a stretch before its
  last paragraph;
- ``edited copy``: house-style copy edits (serial comma, -ise/-ize and other spelling variants,
  hyphenation, quote marks, capitalised "the", a dropped sentence), sometimes also trimmed;
- ``reordered``: a few paragraphs after the lead moved;
- ``rewrite``: new wording on the same facts that lifts the quotes verbatim, carries over a few
  phrases and credits the first outlet ("told The <Outlet>").

The mutation kinds describe how a copy was made, not the relation `compare` must find. The truth
table lists each (source, derived) pair with its kind, and each (base, independent report) pair
with ``derived=False``. `variants(text)` applies the same mutations to any article.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import pandas as pd

from newstrace.text import segments
from newstrace.text.guard import check_text


def _listed(text: str, separator: str | None = None) -> tuple[str, ...]:
    """Return the items of a word list written as one string."""
    return tuple(text.split(separator))


KINDS = ("copy", "trimmed copy", "edited copy", "reordered", "rewrite")
"""Mutation kinds of derived articles, in the order `synthetic_corpus` cycles through them."""

VARIANT_KINDS = ("identical", *KINDS, "independent report", "unrelated")
"""Keys of the dictionary `variants` returns."""

_FIRST = _listed(
    "Amara Nadia Tomas Ingrid Kwame Lucia Dmitri Fatima Oskar Priya Mateo Yuki Hannah Samir "
    "Elena Tariq Greta Joao Leila Pavel Chiara Kofi Marta Hugo Aisha Bram Sofia Ravi Noor "
    "Felix Ines Omar Vera Kenji Rosa Idris Maren Luca Zara Anton Mei Dario Selin Ewan Lina "
    "Rafael Ayo Katya Nils Paloma Imran Alma Stefan Wanjiru Milo Irena Hamza Clara Jonas"
)
_LAST = _listed(
    "Okafor Lindqvist Moreau Haddad Tanaka Kowalski Mensah Rossi Petrov Nakamura Alvarez "
    "Brennan Osei Karimi Duarte Fischer Ndlovu Castillo Varga Ibrahim Holm Sato Mwangi "
    "Santos Novak Eriksen Aziz Lozano Quinn Abbasi Marsh Okonkwo Dubois Jovanovic Reyes "
    "Halvorsen Baptiste Costa Rahman Weller Achebe Ferreira Tran Lindgren Hussain Kaur Bauer "
    "Oyelaran Silva Keller Nwosu Mancini Farouk Delgado Strand Oduya Pereira Zimmer Cho Ilunga"
)
_PLACES = _listed(
    "Northbridge|Calder|Valmont|Eastwick|Harrowgate|Lindale|Port Ashby|Redmere|Saltcombe|"
    "Brackenfield|Greyhaven|Thornbury|Millbrook|Ostend|Kessling|Marrow Bay|Dunmore|Westerly|"
    "Halden|Carrick|Fenwick|Aldmoor|Penhallow|Ravensholt|Stillwater|Brightwell|Corran|Elmsford|"
    "Glenhaven|Kirkby|Lowther|Merriton|Norwood|Oakhurst|Pellham|Quarry Hill|Rushmere|Tarnbrook",
    "|",
)
_ROLES = _listed(
    "spokeswoman spokesman director chairwoman chairman inspector coordinator analyst "
    "treasurer commissioner manager adviser secretary superintendent organiser researcher"
)
_ORG_HEADS = _listed("Regional District County Municipal National Coastal Northern Harbour Valley")
_ORG_TAILS = _listed(
    "Water Board|Transport Authority|Health Trust|Fire Service|Teachers' Union|Housing "
    "Council|Energy Agency|Farmers' Association|Port Authority|Police Service|Planning "
    "Office|Rail Company|Hospital Group|Chamber of Commerce|Environment Agency",
    "|",
)
_PAPERS = _listed("Herald Courier Post Times Gazette Chronicle Observer Tribune Sentinel Record")
_TOPICS = {
    "flood": ("the flooding", "the floods", "homes roads farms bridges basements fields", "residents"),
    "strike": ("the strike", "the walkout", "depots routes shifts services schools lines", "workers"),
    "fire": ("the fire", "the blaze", "warehouses hectares buildings sheds barns vehicles", "firefighters"),
    "merger": ("the merger", "the takeover", "branches offices jobs contracts plants stores", "staff"),
    "trial": ("the trial", "the hearing", "charges documents witnesses accounts files claims", "jurors"),
    "outbreak": ("the outbreak", "the infections", "wards clinics cases schools beds samples", "patients"),
    "protest": ("the protest", "the march", "streets squares offices stations roads gates", "protesters"),
    "storm": ("the storm", "the gales", "roofs trees pylons boats piers roads", "households"),
    "budget": ("the budget", "the spending plan", "programmes grants posts projects services funds", "councillors"),
    "collapse": ("the collapse", "the accident", "buildings floors cranes walls sites flats", "engineers"),
}
_WHEN = _listed(
    "On {day}|Late on {day}|Early on {day}|By {day} evening|Earlier this week|In {month}|"
    "Since {month}|Over the weekend|By midday on {day}|Within hours",
    "|",
)
_SAID = _listed("said|told reporters|added|explained|warned|insisted|noted|confirmed|stressed|acknowledged", "|")
_ADJ = _listed(
    "local senior angry exhausted worried independent regional younger veteran frustrated "
    "cautious volunteer elderly seasonal temporary unnamed longtime visiting"
)
_ADV = _listed("quickly slowly repeatedly quietly openly briefly sharply steadily partly largely")
_PAST = _listed(
    "damaged closed reopened inspected blocked cleared counted surveyed evacuated "
    "abandoned repaired reported lost checked listed mapped"
)
_REASONS = _listed(
    "poor maintenance|years of underfunding|a missed warning|heavy rain upstream|a dispute over "
    "pay|faulty wiring|delayed repairs|a shortage of staff|an outdated plan|a software "
    "failure|cuts to inspections|rising costs|weak oversight|a contractor's error",
    "|",
)
_LANDMARKS = _listed(
    "old mill|ring road|river crossing|town hall|bus station|main square|harbour wall|sports "
    "centre|market|railway bridge|primary school|ferry terminal|bypass|library",
    "|",
)

_SENTENCES = (
    "{when}, {adj} {actors} in {place} {adv} {past} {figure} {things}.",
    ("{when}, {officials} {in|across|around|near} {place} {past} {adj} {things}, {things} and "
    "{things}."),
    "The {org} {said} that {event} had {past} {figure} {things} and {adj} {things}.",
    "{name}, the {role} {of|at|for} the {org}, blamed {reason} and {reason}.",
    ("{Many|Some|Several|Most|Few} {actors} {said|told us|admitted|complained} they {felt|were|"
    "remained|seemed} {feeling} and {feeling} {as|while|after|once} {event} {went on|spread|"
    "ended|dragged on}."),
    ("A {week-long|month-long|year-long|two-day} {review|inquiry|audit|study} {organised|led|"
    "ordered|planned|backed} by the {org} {will|is to|should} {look at|examine|weigh|study} "
    "{reason}."),
    ("{Figures|Estimates|Records|Accounts} {past} by the {org} {put|estimated|set|placed} the "
    "{cost|bill|damage|loss} at {figure} {thousand|million} pounds, {about|roughly|nearly|"
    "almost} {percent} per cent {more|less|higher|lower} than {in|during|over} {last_year}."),
    ("{It was|This was|Officials called it|Records show it was} the {first|second|worst|largest|"
    "third} {such case|incident of its kind|event like it|episode of this scale} {in|across|"
    "around} {place} since {old_year}."),
    ("{name} {said} that {adj} {actors} had {past} {things} near the {landmark} {before dawn|"
    "by noon|after dark|on {day}|within a day}."),
    ("{Critics|Opponents|Neighbours|Campaigners} {criticised|attacked|faulted|blamed} the {org} "
    "for {reason}, while its {role} {apologised|wrote|spoke|promised help} to {adj} {actors}."),
    ("{Traffic|Trains|Buses|Deliveries|Classes} {near|around|beyond} the {landmark} {were|"
    "remained|stayed} {suspended|diverted|delayed|cancelled} {until|through|beyond} {day}, "
    "{the|a} {org} {said|confirmed|announced}."),
    ("{In|At} a {statement|briefing|letter|meeting} on {day}, {name} {promised|pledged|vowed|"
    "offered} {figure} {extra|new|temporary|emergency} {posts|grants|places|repairs}."),
)
_QUOTES = (
    ("{I|We|My neighbours|Our crews|Nobody here|The families|Most of us|Everyone on my street} "
     "{have never seen|did not expect|kept warning about|kept counting|cannot forgive|"
     "will remember|had feared|knew about|begged them to stop|tried to report} "
     "{this kind of|so much|such|all that|the same} {damage|chaos|silence|delay|smoke|anger|"
     "waste|confusion|noise|fear|loss|neglect} {in {place}|around {place}|on {place}'s "
     "{streets|estates|waterfront|high street}|at the {landmark} in {place}}, {and|but|so|"
     "because|yet} {nobody|the council|they|the company|we|the owners|the ministers} "
     "{listened|came back|took notice|answered|paid|helped|explained why|turned up|said sorry} "
     "{until it was too late|for weeks|last night|at all|in time|this year|before {day}}"),
    ("{When|After|Once|Before} {the|those} {figure} {things} {were|had been} {past}, "
     "{we|I|the crews|my family|the volunteers} {called|wrote to|waited for|looked for} "
     "{name}'s {team|office|crew|people} {about|over|because of} {reason}"),
    ("{It|This|That} {feels|looks|seems} {like|as if} {place} {has been|was} {forgotten|"
     "abandoned|punished|ignored|left behind} by the {org}, {and|while|but} {figure} {things} "
     "{still wait|are still waiting|remain shut|need repairs}"),
)


def _expand(template: str, slots: dict, rng: random.Random) -> str:
    """Return template with each {a|b} alternative and each {slot} filled, innermost first."""
    def replace(match: re.Match) -> str:
        """Return one filled slot or one chosen alternative."""
        key = match.group(1)
        if "|" in key:
            return rng.choice(key.split("|"))
        return slots[key]() if key in slots else key

    while "{" in template:
        template = _SLOT.sub(replace, template, count=1)
    return template


def _fill(template: str, slots: dict, rng: random.Random) -> str:
    """Return the expanded template as a sentence starting with a capital letter."""
    text = _expand(template, slots, rng)
    return text[0].upper() + text[1:]


_SLOT = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Event:
    """The facts one or more reports share: topic, place, dates, people and figures."""

    topic: str
    place: str
    year: int
    month: str
    day: str
    people: tuple[tuple[str, str, str], ...]
    figures: tuple[int, ...]
    paper: str


@dataclass
class _Writer:
    """A seeded sentence writer for one event."""

    rng: random.Random
    event: Event
    quotes: list[tuple[str, str]] = field(default_factory=list)

    def pick(self, options: tuple | list) -> str:
        """Return one option chosen by the seeded generator."""
        return self.rng.choice(options)

    def person(self) -> tuple[str, str, str]:
        """Return one (name, role, organisation) of the event."""
        return self.pick(self.event.people)

    def slots(self) -> dict:
        """Return the named slots of the sentence grammar, each a callable giving fresh text."""
        event, pick, topic = self.event, self.pick, _TOPICS[self.event.topic]
        return {
            "when": lambda: pick(_WHEN).format(day=event.day, month=event.month),
            "day": lambda: event.day, "place": lambda: event.place,
            "adj": lambda: pick(_ADJ), "adv": lambda: pick(_ADV), "past": lambda: pick(_PAST),
            "said": lambda: pick(_SAID), "reason": lambda: pick(_REASONS),
            "landmark": lambda: pick(_LANDMARKS), "actors": lambda: topic[3],
            "things": lambda: pick(topic[2].split()), "event": lambda: pick(topic[:2]),
            "figure": lambda: f"{pick(event.figures):,}",
            "percent": lambda: str(self.rng.randint(2, 60)),
            "last_year": lambda: str(event.year - 1),
            "old_year": lambda: str(event.year - self.rng.randint(3, 30)),
            "name": lambda: self.person()[0], "role": lambda: self.person()[1],
            "org": lambda: self.person()[2],
            "officials": lambda: pick(["officials", "inspectors", "crews", "volunteers"]),
            "feeling": lambda: pick(["relieved", "shaken", "angry", "uncertain", "hopeful",
                                     "exhausted", "sceptical", "anxious", "grateful"]),
        }

    def sentence(self) -> str:
        """Return one narrative sentence from a randomly chosen pattern."""
        return _fill(self.pick(_SENTENCES), self.slots(), self.rng)

    def quote(self) -> str:
        """Return a new quoted paragraph, remembering the quote and its speaker for rewrites."""
        text = _fill(self.pick(_QUOTES), self.slots(), self.rng)
        name, role, org = self.person()
        self.quotes.append((name, text))
        return f'"{text}," {self.pick(_SAID)} {name}, {role} of the {org}.'

    def paragraph(self) -> str:
        """Return a paragraph of one or two sentences, or a quote."""
        if self.rng.random() < 0.25:
            return self.quote()
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 2)))


_NAV = _listed(
    "Skip to content|Skip to main content|Menu|Home|Sign in|Subscribe|Log in|Search|"
    "Home > News > Local|News \u00b7 Sport \u00b7 Business \u00b7 Opinion|Advertisement|Accept cookies",
    "|",
)
_SHARE = _listed(
    "Share this article|Share on Facebook|Share on X|Copy link|Link copied to clipboard|"
    "Email this story|Print|Share via WhatsApp",
    "|",
)
_RELATED = _listed("Related articles|Related|Read more|More on this story|You may also like", "|")
_SIDEBAR = _listed("Most read|Trending|Latest news|Top stories|In other news|Popular now", "|")
_CAPTION_CREDITS = _listed("Photo|Reuters|File photo|Handout|Screenshot from video|Image", "|")
_CREDIT_FORMS = _listed(
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


def _check_seed(seed: object) -> int:
    """Return seed as an int, or raise TypeError naming the problem."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be a whole number, got {seed!r}")
    return seed


_PLACE_STARTS = _listed(
    "Ash Bar Black Brack Bram Brook Cal Carr Clay Cold Dun East Elm Fair Fen Glen Grey Hal Har "
    "Hazel Kings Lang Lin Long Low Mar Mill North Oak Pen Red Ros Salt Sand Stan Stone Thorn Wal "
    "West Whit Wick Wood"
)
_PLACE_ENDS = _listed(
    "bridge bury by combe dale don field ford gate ham haven hill holm hurst ley mere minster "
    "mouth ness port stead stow thorpe ton wick worth"
)


def _place(rng: random.Random) -> str:
    """Return a town name: one of the listed places or one built from two parts."""
    if rng.random() < 0.1:
        return rng.choice(_PLACES)
    return rng.choice(_PLACE_STARTS) + rng.choice(_PLACE_ENDS)


def make_event(rng: random.Random) -> Event:
    """Return a new random event with two to four named people."""
    people = tuple(
        (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES),
         f"{rng.choice(_ORG_HEADS)} {rng.choice(_ORG_TAILS)}")
        for _ in range(rng.randint(2, 4))
    )
    months = "January February March April May June July August September October November December"
    days = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    return Event(
        topic=rng.choice(sorted(_TOPICS)), place=_place(rng), year=rng.randint(2005, 2018),
        month=rng.choice(months.split()), day=rng.choice(days.split()), people=people,
        figures=tuple(rng.randint(3, 4000) for _ in range(3)),
        paper=f"{_place(rng)} {rng.choice(_PAPERS)}",
    )


def write_article(event: Event, rng: random.Random, paragraphs: tuple[int, int] = (6, 12)) -> str:
    """Return a new article about event: a headline-free text, one paragraph per line."""
    writer = _Writer(rng, event)
    lead = f"{event.place.upper()} -- {writer.sentence()}"
    body = [writer.paragraph() for _ in range(rng.randint(*paragraphs) - 1)]
    if not writer.quotes:
        body.insert(min(2, len(body)), writer.quote())
    return "\n".join([lead, *body])


def paragraphs_of(text: str) -> list[str]:
    """Return the non-blank lines of text, stripped: one paragraph per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _headline(rng: random.Random) -> str:
    """Return the headline of some other, unrelated story."""
    event = make_event(rng)
    name = event.people[0][0]
    return rng.choice((
        f"{name} named {rng.choice(_ROLES)} after {_TOPICS[event.topic][0][4:]} in {event.place}",
        (f"{event.place} {rng.choice(_TOPICS[event.topic][2].split())} reopen after "
        f"{_TOPICS[event.topic][1][4:]}"),
        f"What {_TOPICS[event.topic][0][4:]} means for {event.place}",
    ))


def add_clutter(paras: list[str], rng: random.Random, year: int | None = None) -> list[str]:
    """Return paras inside page clutter: navigation, share lines, caption, related block, sidebar."""
    top = rng.sample(_NAV, rng.randint(1, 3)) + rng.sample(_SHARE, rng.randint(0, 2))
    caption = (
        f"A view of the {rng.choice(_LANDMARKS)} in {rng.choice(_PLACES)} on "
        f"{rng.choice(['Monday', 'Friday', 'Sunday'])}. ({rng.choice(_CAPTION_CREDITS)})"
    )
    body = [paras[0], caption, *paras[1:]] if rng.random() < 0.6 else list(paras)
    related = [rng.choice(_RELATED)]
    for _ in range(rng.randint(2, 4)):
        headline = _headline(rng)
        related += [headline] * rng.randint(1, 2)
    later = (year or 2015) + rng.randint(4, 10)
    sidebar = [rng.choice(_SIDEBAR)] + [
        f"{_headline(rng)} ({rng.choice(['March', 'June', 'October'])} {later})"
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
    _listed("The A An In On At For But And As When While After Before If It This That")
)


def _facts_of(text: str, rng: random.Random) -> Event:
    """Return an Event carrying the names and figures of any article, for rewrites of it."""
    speakers = re.findall(rf"\b(?:said|says|told) ({_NAME.pattern})", text) + re.findall(
        rf"({_NAME.pattern}),? (?:said|says|told)\b", text)
    found = (name.split(" ", 1)[1] if name.split()[0] in _NOT_NAMES else name
             for name in speakers + _NAME.findall(text))
    names = [name for name in dict.fromkeys(found) if " " in name][:4]
    base = make_event(rng)
    people = tuple((name, rng.choice(_ROLES), base.people[0][2]) for name in names)
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
    event = event or _facts_of(text, rng)
    writer = _Writer(rng, event)
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


def _check_corpus_args(n_articles: object, copy_share: float, independent_share: float) -> int:
    """Return n_articles as an int after checking the corpus arguments, or raise naming the fault."""
    if isinstance(n_articles, bool) or not isinstance(n_articles, int):
        raise TypeError(f"n_articles must be a whole number, got {n_articles!r}")
    if n_articles < 1:
        raise ValueError(f"n_articles must be at least 1, got {n_articles}")
    for label, share in (("copy_share", copy_share), ("independent_share", independent_share)):
        if not 0 <= share < 1:
            raise ValueError(f"{label} must be at least 0 and below 1, got {share!r}")
    if copy_share + independent_share >= 1:
        raise ValueError("copy_share + independent_share must be below 1: some bases are needed")
    return n_articles


def synthetic_corpus(
    n_articles: int, seed: int = 0, *, copy_share: float = 0.3, independent_share: float = 0.05,
) -> tuple[dict[str, str], pd.DataFrame]:
    """Return (texts by id, truth table with columns a, b, kind, derived) for a seeded corpus."""
    n_articles = _check_corpus_args(n_articles, copy_share, independent_share)
    rng = random.Random(_check_seed(seed))
    n_derived = int(n_articles * copy_share)
    n_independent = int(n_articles * independent_share)
    n_bases = n_articles - n_derived - n_independent
    events = [make_event(rng) for _ in range(n_bases)]
    bases = [write_article(event, rng) for event in events]
    texts, rows = list(bases), []
    for _ in range(n_independent):
        source = rng.randrange(n_bases)
        texts.append(independent_report(events[source], rng))
        rows.append((source, len(texts) - 1, "independent report", False))
    for i in range(n_derived):
        source = rng.randrange(n_bases)
        kind = KINDS[i % len(KINDS)]
        texts.append(derive(bases[source], kind, rng, events[source]))
        rows.append((source, len(texts) - 1, kind, True))
    order = list(range(len(texts)))
    rng.shuffle(order)
    ids = {index: f"art{position:06d}" for position, index in enumerate(order)}
    corpus = {ids[index]: texts[index] for index in sorted(order, key=ids.get)}
    truth = pd.DataFrame(
        [(ids[a], ids[b], kind, derived) for a, b, kind, derived in rows],
        columns=["a", "b", "kind", "derived"],
    )
    return corpus, truth


def families(truth: pd.DataFrame) -> dict[str, str]:
    """Return {article id: id of the base it derives from} for every derived article in truth."""
    derived = truth[truth["derived"]]
    return dict(zip(derived["b"], derived["a"]))


def variants(text: str, seed: int = 0) -> dict[str, str]:
    """Return one built variant of text per kind in VARIANT_KINDS, the same for the same seed."""
    check_text(text, "variants")
    paras = paragraphs_of(text)
    if len(paras) < 2:
        raise ValueError(
            f"variants need an article of at least 2 paragraphs (one per line), got {len(paras)}"
        )
    rng = random.Random(_check_seed(seed))
    facts = _facts_of(text, rng)
    built = {"identical": text}
    for kind in KINDS:
        built[kind] = derive(text, kind, rng, facts if kind == "rewrite" else None, 0.0)
    built["independent report"] = independent_report(facts, rng)
    built["unrelated"] = write_article(make_event(rng), rng)
    return built
