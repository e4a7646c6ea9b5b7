"""Seeded news articles written from a small grammar with a large, varied vocabulary.

`make_event` draws the facts of a story (topic, place, date, two to four people with roles and
organisations, figures, the outlet that first reported it); `write_article` writes an article about
it, one paragraph per line, from sentence and quote patterns whose slots are filled by a seeded
`Writer`. Independent articles share names and facts but hardly any five-word run.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field


def word_list(text: str, separator: str | None = None) -> tuple[str, ...]:
    """Return the items of a word list written as one string."""
    return tuple(text.split(separator))


_FIRST = word_list(
    "Amara Nadia Tomas Ingrid Kwame Lucia Dmitri Fatima Oskar Priya Mateo Yuki Hannah Samir "
    "Elena Tariq Greta Joao Leila Pavel Chiara Kofi Marta Hugo Aisha Bram Sofia Ravi Noor "
    "Felix Ines Omar Vera Kenji Rosa Idris Maren Luca Zara Anton Mei Dario Selin Ewan Lina "
    "Rafael Ayo Katya Nils Paloma Imran Alma Stefan Wanjiru Milo Irena Hamza Clara Jonas"
)
_LAST = word_list(
    "Okafor Lindqvist Moreau Haddad Tanaka Kowalski Mensah Rossi Petrov Nakamura Alvarez "
    "Brennan Osei Karimi Duarte Fischer Ndlovu Castillo Varga Ibrahim Holm Sato Mwangi "
    "Santos Novak Eriksen Aziz Lozano Quinn Abbasi Marsh Okonkwo Dubois Jovanovic Reyes "
    "Halvorsen Baptiste Costa Rahman Weller Achebe Ferreira Tran Lindgren Hussain Kaur Bauer "
    "Oyelaran Silva Keller Nwosu Mancini Farouk Delgado Strand Oduya Pereira Zimmer Cho Ilunga"
)
PLACES = word_list(
    "Northbridge|Calder|Valmont|Eastwick|Harrowgate|Lindale|Port Ashby|Redmere|Saltcombe|"
    "Brackenfield|Greyhaven|Thornbury|Millbrook|Ostend|Kessling|Marrow Bay|Dunmore|Westerly|"
    "Halden|Carrick|Fenwick|Aldmoor|Penhallow|Ravensholt|Stillwater|Brightwell|Corran|Elmsford|"
    "Glenhaven|Kirkby|Lowther|Merriton|Norwood|Oakhurst|Pellham|Quarry Hill|Rushmere|Tarnbrook",
    "|",
)
ROLES = word_list(
    "spokeswoman spokesman director chairwoman chairman inspector coordinator analyst "
    "treasurer commissioner manager adviser secretary superintendent organiser researcher"
)
_ORG_HEADS = word_list("Regional District County Municipal National Coastal Northern Harbour Valley")
_ORG_TAILS = word_list(
    "Water Board|Transport Authority|Health Trust|Fire Service|Teachers' Union|Housing "
    "Council|Energy Agency|Farmers' Association|Port Authority|Police Service|Planning "
    "Office|Rail Company|Hospital Group|Chamber of Commerce|Environment Agency",
    "|",
)
_PAPERS = word_list("Herald Courier Post Times Gazette Chronicle Observer Tribune Sentinel Record")
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
_WHEN = word_list(
    "On {day}|Late on {day}|Early on {day}|By {day} evening|Earlier this week|In {month}|"
    "Since {month}|Over the weekend|By midday on {day}|Within hours",
    "|",
)
_SAID = word_list("said|told reporters|added|explained|warned|insisted|noted|confirmed|stressed|acknowledged", "|")
_ADJ = word_list(
    "local senior angry exhausted worried independent regional younger veteran frustrated "
    "cautious volunteer elderly seasonal temporary unnamed longtime visiting"
)
_ADV = word_list("quickly slowly repeatedly quietly openly briefly sharply steadily partly largely")
_PAST = word_list(
    "damaged closed reopened inspected blocked cleared counted surveyed evacuated "
    "abandoned repaired reported lost checked listed mapped"
)
_REASONS = word_list(
    "poor maintenance|years of underfunding|a missed warning|heavy rain upstream|a dispute over "
    "pay|faulty wiring|delayed repairs|a shortage of staff|an outdated plan|a software "
    "failure|cuts to inspections|rising costs|weak oversight|a contractor's error",
    "|",
)
LANDMARKS = word_list(
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
class Writer:
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
            "landmark": lambda: pick(LANDMARKS), "actors": lambda: topic[3],
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


_PLACE_STARTS = word_list(
    "Ash Bar Black Brack Bram Brook Cal Carr Clay Cold Dun East Elm Fair Fen Glen Grey Hal Har "
    "Hazel Kings Lang Lin Long Low Mar Mill North Oak Pen Red Ros Salt Sand Stan Stone Thorn Wal "
    "West Whit Wick Wood"
)
_PLACE_ENDS = word_list(
    "bridge bury by combe dale don field ford gate ham haven hill holm hurst ley mere minster "
    "mouth ness port stead stow thorpe ton wick worth"
)


def _place(rng: random.Random) -> str:
    """Return a town name: one of the listed places or one built from two parts."""
    if rng.random() < 0.1:
        return rng.choice(PLACES)
    return rng.choice(_PLACE_STARTS) + rng.choice(_PLACE_ENDS)


def make_event(rng: random.Random) -> Event:
    """Return a new random event with two to four named people."""
    people = tuple(
        (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(ROLES),
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
    writer = Writer(rng, event)
    lead = f"{event.place.upper()} -- {writer.sentence()}"
    body = [writer.paragraph() for _ in range(rng.randint(*paragraphs) - 1)]
    if not writer.quotes:
        body.insert(min(2, len(body)), writer.quote())
    return "\n".join([lead, *body])


def paragraphs_of(text: str) -> list[str]:
    """Return the non-blank lines of text, stripped: one paragraph per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def other_headline(rng: random.Random) -> str:
    """Return the headline of some other, unrelated story."""
    event = make_event(rng)
    name = event.people[0][0]
    return rng.choice((
        f"{name} named {rng.choice(ROLES)} after {_TOPICS[event.topic][0][4:]} in {event.place}",
        (f"{event.place} {rng.choice(_TOPICS[event.topic][2].split())} reopen after "
        f"{_TOPICS[event.topic][1][4:]}"),
        f"What {_TOPICS[event.topic][0][4:]} means for {event.place}",
    ))
