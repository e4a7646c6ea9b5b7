"""House style beyond punctuation and spelling: the written forms a style guide chooses between.

Two runs of tokens (`newstrace.text.tokenizer.tokens`) say the same thing in another house style when,
after normalisation, they have the same items in the same order. Each family has one table (number
words have text2num's parser, made for the job) and is tried in this order, with the families before
it already applied; `house_style_kind` names the first family that makes the runs alike:

- `initialism`: an initialism with or without full stops ("U.N." / "UN", "U.S.A." / "USA",
  "p.m." / "pm"). Rule: two or more single letters, each followed by "." (the last one's may be the
  sentence's full stop), are one word.
- `abbreviation`: `ABBREVIATIONS`, abbreviated words and their full forms: months and days
  ("Aug." / "August"), titles ("Prof." / "Professor", "Gen." / "General"), street and place types
  ("St." / "Street", "Ave." / "Avenue", "Mt." / "Mount"), company words ("Corp." / "Corporation") and
  the US states in news-agency style ("Calif." / "California", "N.Y." / "New York"). A capitalised
  abbreviation, with or without its full stop, stands for any of its full forms ("St." is "Street"
  or "Saint").
- `number style`: numbers as words or figures ("nine" / "9", "twenty-five" / "25", "twenty-first" /
  "21st", "a million" / "1 million"; text2num reads the words), thousands separators ("12,000" /
  "12000" / "12 000"), and a figure with a `MULTIPLIERS` word as one value ("4.1 million" /
  "4,100,000").
- `date style`: a day and its month in either order, the day as a figure or an ordinal
  ("Aug. 5" / "5 August" / "August 5th" / "the 5th of August"). Rule: a month (`MONTHS`, written
  out or abbreviated) next to a whole number from 1 to 31, or "the" day "of" month.
- `unit style`: currency signs and names, units and their symbols, `UNIT_FORMS` and the
  `SUFFIXES` written onto a figure ("£4.1m" / "£4.1 million" / "4.1 million pounds", "$2bn" /
  "$2 billion", "10 per cent" / "10 percent" / "10%", "5km" / "five kilometres", "3pm" / "3 p.m.").
  A figure with its currency and unit is one item: its value and unit, so "£4.1m" and "4.1m pounds"
  agree, and "4.1m" alone may be 4.1 million or 4.1 metres.

One more family reads a word added or dropped, not two forms of one:

- `courtesy title`: "Mr", "Mrs", "Ms", "Miss" or "Mx" (`COURTESY_TITLES`), with or without its full
  stop, added or dropped before a capitalised name ("Mr. Halvorsen said" / "Halvorsen said"): some
  style guides use them on second reference, others never. A title changed for another ("Mr." /
  "Ms.") is content, and so is a dropped "Dr." or "Prof.": a qualification, not a courtesy.

Punctuation left over once a family has read its forms is dropped (punctuation is house style too).
A changed number, name or word is never house style: a value or a word differs ("nine" / "10",
"£4.1m" / "£4.2m", "Smith" / "Jones", "could" / "will").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from text_to_num import alpha2digit

from newstrace.text.vocabulary import SCALE_WORDS

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    # months and days
    "Jan": ("January",), "Feb": ("February",), "Mar": ("March",), "Apr": ("April",),
    "Jun": ("June",), "Jul": ("July",), "Aug": ("August",), "Sep": ("September",),
    "Sept": ("September",), "Oct": ("October",), "Nov": ("November",), "Dec": ("December",),
    "Mon": ("Monday",), "Tue": ("Tuesday",), "Tues": ("Tuesday",), "Wed": ("Wednesday",),
    "Thu": ("Thursday",), "Thur": ("Thursday",), "Thurs": ("Thursday",), "Fri": ("Friday",),
    "Sat": ("Saturday",), "Sun": ("Sunday",),
    # titles and ranks
    "Prof": ("Professor",), "Dr": ("Doctor", "Drive"), "Gov": ("Governor",), "Sen": ("Senator",),
    "Rep": ("Representative",), "Pres": ("President",), "Atty": ("Attorney",),
    "Amb": ("Ambassador",), "Supt": ("Superintendent",), "Insp": ("Inspector",),
    "Det": ("Detective",), "Sgt": ("Sergeant",), "Cpl": ("Corporal",), "Pvt": ("Private",),
    "Lt": ("Lieutenant",), "Capt": ("Captain",), "Cmdr": ("Commander",), "Maj": ("Major",),
    "Col": ("Colonel",), "Gen": ("General",), "Adm": ("Admiral",), "Rev": ("Reverend",),
    "Fr": ("Father",), "Hon": ("Honourable", "Honorable"), "Jr": ("Junior",), "Sr": ("Senior",),
    # street and place types
    "St": ("Street", "Saint"), "Ave": ("Avenue",), "Av": ("Avenue",), "Rd": ("Road",),
    "Blvd": ("Boulevard",), "Ln": ("Lane",), "Ct": ("Court",), "Pl": ("Place",),
    "Sq": ("Square",), "Hwy": ("Highway",), "Pkwy": ("Parkway",), "Ter": ("Terrace",),
    "Terr": ("Terrace",), "Cres": ("Crescent",), "Mt": ("Mount", "Mountain"), "Ft": ("Fort",),
    # company and institution words
    "Co": ("Company", "County"), "Corp": ("Corporation",), "Inc": ("Incorporated",),
    "Ltd": ("Limited",), "Bros": ("Brothers",), "Dept": ("Department",), "Univ": ("University",),
    "Assn": ("Association",), "Govt": ("Government",), "Intl": ("International",),
    # US states, news-agency style (two-letter forms come from the initialism rule: "N.Y." -> "NY")
    "Ala": ("Alabama",), "Ariz": ("Arizona",), "Ark": ("Arkansas",), "Calif": ("California",),
    "Colo": ("Colorado",), "Conn": ("Connecticut",), "Del": ("Delaware",), "Fla": ("Florida",),
    "Ga": ("Georgia",), "Ill": ("Illinois",), "Ind": ("Indiana",), "Kan": ("Kansas",),
    "Ky": ("Kentucky",), "La": ("Louisiana",), "Md": ("Maryland",), "Mass": ("Massachusetts",),
    "Mich": ("Michigan",), "Minn": ("Minnesota",), "Miss": ("Mississippi",), "Mo": ("Missouri",),
    "Mont": ("Montana",), "Neb": ("Nebraska",), "Nev": ("Nevada",), "NH": ("New Hampshire",),
    "NJ": ("New Jersey",), "NM": ("New Mexico",), "NY": ("New York",), "NC": ("North Carolina",),
    "ND": ("North Dakota",), "Okla": ("Oklahoma",), "Ore": ("Oregon",), "Pa": ("Pennsylvania",),
    "RI": ("Rhode Island",), "SC": ("South Carolina",), "SD": ("South Dakota",),
    "Tenn": ("Tennessee",), "Vt": ("Vermont",), "Va": ("Virginia",), "Wash": ("Washington",),
    "Wis": ("Wisconsin",), "Wyo": ("Wyoming",),
}
"""Abbreviation (as written, capitalised, without its full stop) -> the full forms it may stand for."""

MONTHS = frozenset("january february march april may june july august september october november december".split())
"""Month names (abbreviations reach them through `ABBREVIATIONS`)."""

MULTIPLIERS = {"hundred": 100, **SCALE_WORDS}
"""Multiplier words read with the figure before them as one value ("4.1 million" = 4,100,000)."""

UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "%": ("percent",), "per cent": ("percent",), "percent": ("percent",), "pct": ("percent",),
    "$": ("dollar",), "dollar": ("dollar",), "dollars": ("dollar",),
    "£": ("pound sterling",), "sterling": ("pound sterling",),
    "pound": ("pound sterling", "pound weight"), "pounds": ("pound sterling", "pound weight"),
    "€": ("euro",), "euro": ("euro",), "euros": ("euro",), "¥": ("yen",), "yen": ("yen",),
    "pence": ("penny",), "penny": ("penny",), "p": ("penny",), "cent": ("cent",), "cents": ("cent",),
    "km": ("kilometre",), "kms": ("kilometre",), "kilometre": ("kilometre",),
    "kilometres": ("kilometre",), "kilometer": ("kilometre",), "kilometers": ("kilometre",),
    "m": ("metre",), "metre": ("metre",), "metres": ("metre",), "meter": ("metre",), "meters": ("metre",),
    "cm": ("centimetre",), "centimetre": ("centimetre",), "centimetres": ("centimetre",),
    "centimeter": ("centimetre",), "centimeters": ("centimetre",),
    "mm": ("millimetre",), "millimetre": ("millimetre",), "millimetres": ("millimetre",),
    "millimeter": ("millimetre",), "millimeters": ("millimetre",),
    "mi": ("mile",), "mile": ("mile",), "miles": ("mile",),
    "ft": ("foot",), "foot": ("foot",), "feet": ("foot",), "inch": ("inch",), "inches": ("inch",),
    "kg": ("kilogram",), "kgs": ("kilogram",), "kilo": ("kilogram",), "kilos": ("kilogram",),
    "kilogram": ("kilogram",), "kilograms": ("kilogram",), "kilogramme": ("kilogram",),
    "kilogrammes": ("kilogram",), "g": ("gram",), "gram": ("gram",), "grams": ("gram",),
    "gramme": ("gram",), "grammes": ("gram",), "lb": ("pound weight",), "lbs": ("pound weight",),
    "tonne": ("tonne",), "tonnes": ("tonne",),
    "l": ("litre",), "litre": ("litre",), "litres": ("litre",), "liter": ("litre",), "liters": ("litre",),
    "mph": ("mile per hour",), "miles per hour": ("mile per hour",), "mile per hour": ("mile per hour",),
    "km / h": ("kilometre per hour",), "kph": ("kilometre per hour",),
    "kilometres per hour": ("kilometre per hour",), "kilometers per hour": ("kilometre per hour",),
    "° c": ("degree celsius",), "degrees celsius": ("degree celsius",), "degrees c": ("degree celsius",),
    "celsius": ("degree celsius",), "° f": ("degree fahrenheit",), "fahrenheit": ("degree fahrenheit",),
    "degrees fahrenheit": ("degree fahrenheit",), "degrees f": ("degree fahrenheit",),
    "am": ("morning",), "pm": ("afternoon",),
}
"""Unit form, lower case, its tokens joined by spaces -> the units it may name. Forms of one or two
letters ("m", "am") count only right after a figure."""

SUFFIXES: dict[str, tuple[int | str, ...]] = {
    **{form: (form,) for form in UNIT_FORMS if form.isalpha() and len(form) <= 3},
    "k": (1000,), "m": (10**6, "m"), "mn": (10**6,), "mln": (10**6,), "bn": (10**9,), "b": (10**9,),
    "tn": (10**12,), "trn": (10**12,), "in": ("inch",),
}
"""What a suffix written onto a figure may be ("4.1m", "2bn", "5km"): a multiplier or a `UNIT_FORMS` form."""

COURTESY_TITLES = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx"])
"""Titles some house styles put before every name and others never use."""

CURRENCY_SIGNS = ("$", "£", "€", "¥")
"""Signs written before a figure: part of its unit ("£4.1m")."""
WORD_SYMBOLS = frozenset([*CURRENCY_SIGNS, "%", "°"])
"""Symbols that stand for words (a currency, per cent, degrees): never mere punctuation."""


class Figure(NamedTuple):
    """A number read from the text: its value, and whether it is an ordinal ("21st")."""

    value: Decimal
    ordinal: bool = False


Item = str | frozenset | Figure  # a token as written, the set of forms it may stand for, or a number
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_SUFFIXED = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([a-z]+)")
_SHORT_UNIT_FORM = 2  # unit forms this short or shorter must follow a figure


def _figure_value(token: str) -> Decimal | None:
    """Return the value of a figure ("12,000", "4.1"), or None."""
    if not _FIGURE.fullmatch(token):
        return None
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def _is_letter(piece: Item) -> bool:
    """Return True for a single letter as written."""
    return isinstance(piece, str) and len(piece) == 1 and piece.isalpha()


def join_initialisms(pieces: list[Item]) -> list[Item]:
    """Return pieces with each initialism written with full stops ("U", ".", "N", ".") as one word."""
    out: list[Item] = []
    index = 0
    while index < len(pieces):
        end = index
        while end + 1 < len(pieces) and _is_letter(pieces[end]) and pieces[end + 1] == ".":
            end += 2
        if end < len(pieces) and _is_letter(pieces[end]) and end > index:
            end += 1  # the last letter's full stop is the sentence's
        if (end - index) >= 3:
            out.append("".join(piece for piece in pieces[index:end] if piece != "."))
            index = end
        else:
            out.append(pieces[index])
            index += 1
    return out


def _by_first_word(forms: Iterable[str]) -> dict[str, list[str]]:
    """Return the forms (tokens joined by spaces) grouped by their first token, longest first."""
    index: dict[str, list[str]] = {}
    for form in sorted(forms, key=lambda form: -len(form.split(" "))):
        index.setdefault(form.split(" ")[0], []).append(form)
    return index


def _phrase_at(pieces: list[Item], index: int, forms: dict[str, list[str]]) -> tuple[str, int] | None:
    """Return (form, end) of the longest of the forms written at pieces[index:], or None."""
    piece = pieces[index] if index < len(pieces) else None
    if not isinstance(piece, str):
        return None
    for form in forms.get(piece.lower(), ()):
        words = form.split(" ")
        written = pieces[index:index + len(words)]
        if len(written) == len(words) and all(isinstance(piece, str) and piece.lower() == word
                                               for piece, word in zip(written, words)):
            return form, index + len(words)
    return None


_FULL_FORMS = _by_first_word({form.lower() for forms in ABBREVIATIONS.values() for form in forms})
_UNIT_FORMS = _by_first_word(UNIT_FORMS)


def expand_abbreviations(pieces: list[Item]) -> list[Item]:
    """Return pieces with abbreviations and full forms as the set of full forms they stand for."""
    out: list[Item] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if isinstance(piece, str) and piece[:1].isupper() and piece in ABBREVIATIONS:
            out.append(frozenset(form.lower() for form in ABBREVIATIONS[piece]))
            index += 2 if index + 1 < len(pieces) and pieces[index + 1] == "." else 1
            continue
        found = _phrase_at(pieces, index, _FULL_FORMS)
        if found:
            out.append(frozenset([found[0]]))
            index = found[1]
            continue
        out.append(piece)
        index += 1
    return out


def _fold_multipliers(words: list[str]) -> list[str]:
    """Return words with a figure, "a" or "an" and the multiplier words after it as one figure."""
    out: list[str] = []
    index = 0
    while index < len(words):
        value = _figure_value(words[index])
        if value is None and words[index].lower() in ("a", "an"):
            value = Decimal(1)
        end = index + 1
        while value is not None and end < len(words) and words[end].lower() in MULTIPLIERS:
            value *= MULTIPLIERS[words[end].lower()]
            end += 1
        if end > index + 1:
            out.append(format(value.normalize(), "f"))
            index = end
        else:
            out.append(words[index])
            index += 1
    return out


def _spaced_thousands(words: list[str]) -> list[str]:
    """Return words with thousands written with spaces ("12 000") as one figure."""
    out: list[str] = []
    for word in words:
        if (out and len(word) == 3 and word.isdigit() and out[-1].replace(" ", "").isdigit()
                and len(out[-1].split(" ")[0]) <= 3):
            out[-1] += " " + word
        else:
            out.append(word)
    return [word.replace(" ", "") if word.replace(" ", "").isdigit() else word for word in out]


def _read_number(word: str) -> Item:
    """Return a Figure for a figure or ordinal figure, else the word."""
    value = _figure_value(word)
    if value is not None:
        return Figure(value.normalize())
    ordinal = _ORDINAL.fullmatch(word.lower())
    return Figure(Decimal(ordinal.group(1)), True) if ordinal else word


def _numbers_in(words: list[str]) -> list[Item]:
    """Return a stretch of written tokens with its numbers read as Figures."""
    words = _fold_multipliers(_spaced_thousands(words))
    return [_read_number(word) for word in alpha2digit(" ".join(words), "en", threshold=0).split(" ")]


def _parts(token: str) -> list[str]:
    """Return a word's hyphen-separated parts ("nine-year-old" -> nine, year, old); punctuation whole."""
    return [part for part in token.split("-") if part] if any(map(str.isalnum, token)) else [token]


def read_numbers(pieces: list[Item]) -> list[Item]:
    """Return pieces with numbers in words or figures read as Figures (hyphenated words split)."""
    out: list[Item] = []
    stretch: list[str] = []
    for piece in [*pieces, None]:
        if isinstance(piece, str):
            stretch += _parts(piece)
            continue
        if stretch:
            out += _numbers_in(stretch)
            stretch = []
        if piece is not None:
            out.append(piece)
    return out


def _month(piece: Item) -> str | None:
    """Return the month a piece names (a capitalised month name or its expanded abbreviation), or None."""
    if isinstance(piece, frozenset) and len(piece) == 1 and next(iter(piece)) in MONTHS:
        return next(iter(piece))
    if isinstance(piece, str) and piece[:1].isupper() and piece.lower() in MONTHS:
        return piece.lower()
    return None


def _day(piece: Item) -> int | None:
    """Return the day of the month a piece may be (a whole number from 1 to 31), or None."""
    if isinstance(piece, Figure) and piece.value == piece.value.to_integral_value() and 1 <= piece.value <= 31:
        return int(piece.value)
    return None


def _date_at(pieces: list[Item], index: int) -> tuple[str, int] | None:
    """Return (month and day, end) of a date written at pieces[index:], or None."""
    window = [*pieces[index:index + 4], None, None, None, None]
    lowered = [piece.lower() if isinstance(piece, str) else None for piece in window]
    if lowered[0] == "the" and _day(window[1]) and lowered[2] == "of" and _month(window[3]):
        return f"{_month(window[3])} {_day(window[1])}", index + 4
    if _month(window[0]) and _day(window[1]):
        return f"{_month(window[0])} {_day(window[1])}", index + 2
    if _day(window[0]) and _month(window[1]):
        return f"{_month(window[1])} {_day(window[0])}", index + 2
    return None


def read_dates(pieces: list[Item]) -> list[Item]:
    """Return pieces with each day and month, in either order, as one date."""
    out: list[Item] = []
    index = 0
    while index < len(pieces):
        found = _date_at(pieces, index)
        out.append(frozenset([f"date {found[0]}"]) if found else pieces[index])
        index = found[1] if found else index + 1
    return out


def _unit_at(pieces: list[Item], index: int, after_figure: bool) -> tuple[tuple[str, ...], int] | None:
    """Return (units, end) of the unit form at pieces[index:], short forms only after a figure."""
    found = _phrase_at(pieces, index, _UNIT_FORMS)
    if found is None or (found[0].isalpha() and len(found[0]) <= _SHORT_UNIT_FORM and not after_figure):
        return None
    return UNIT_FORMS[found[0]], found[1]


def _suffixed(piece: Item) -> tuple[Decimal, tuple[int | str, ...]] | None:
    """Return (value, suffix readings) of a figure with a suffix ("4.1m", "2bn"), or None."""
    match = _SUFFIXED.fullmatch(piece.lower()) if isinstance(piece, str) else None
    if not match or match.group(2) not in SUFFIXES:
        return None
    return Decimal(match.group(1).replace(",", "")), SUFFIXES[match.group(2)]


def _quantity(value: Decimal, readings: tuple[int | str, ...], units: Iterable[str]) -> frozenset:
    """Return the forms of one quantity: value and unit, for each reading of its suffix."""
    units = tuple(units) or ("",)
    forms = set()
    for reading in readings:
        scaled = value * reading if isinstance(reading, int) else value
        extra = UNIT_FORMS[reading] if isinstance(reading, str) else ("",)
        for unit in units:
            for more in extra:
                label = "+".join(sorted(filter(None, {unit, more})))
                forms.add(f"{format(scaled.normalize(), 'f')} {label}".strip())
    return frozenset(forms)


def read_units(pieces: list[Item]) -> list[Item]:
    """Return pieces with each figure, its currency sign, suffix and unit form as one quantity."""
    out: list[Item] = []
    index = 0
    while index < len(pieces):
        sign = pieces[index] if pieces[index] in CURRENCY_SIGNS else None
        start = index + 1 if sign else index
        piece = pieces[start] if start < len(pieces) else None
        suffixed = _suffixed(piece)
        if isinstance(piece, Figure) and not piece.ordinal or suffixed:
            value, readings = suffixed or (piece.value, (1,))
            unit = _unit_at(pieces, start + 1, after_figure=True)
            units = {*(UNIT_FORMS[sign] if sign else ()), *(unit[0] if unit else ())}
            out.append(_quantity(value, readings, units))
            index = unit[1] if unit else start + 1
            continue
        unit = _unit_at(pieces, index, after_figure=False)
        out.append(frozenset(f"unit {name}" for name in unit[0]) if unit else pieces[index])
        index = unit[1] if unit else index + 1
    return out


Normaliser = Callable[[list[Item]], list[Item]]
FAMILIES: tuple[tuple[str, Normaliser], ...] = (
    ("initialism", join_initialisms),
    ("abbreviation", expand_abbreviations),
    ("number style", read_numbers),
    ("date style", read_dates),
    ("unit style", read_units),
)
"""The house-style families, in the order tried, each with its normaliser."""
KINDS = tuple(name for name, _ in FAMILIES)


def _forms(item: Item) -> frozenset | None:
    """Return the forms an item may stand for (None for leftover punctuation)."""
    if isinstance(item, Figure):
        return frozenset([f"{format(item.value, 'f')}{'th' if item.ordinal else ''}"])
    if isinstance(item, frozenset):
        return item
    if not any(char.isalnum() for char in item) and item not in UNIT_FORMS:
        return None
    return frozenset([item.lower()])


def _alike(first: list[Item], second: list[Item]) -> bool:
    """Return True if the runs have items that may stand for the same thing, in the same order."""
    forms_first = [forms for forms in map(_forms, first) if forms is not None]
    forms_second = [forms for forms in map(_forms, second) if forms is not None]
    return len(forms_first) == len(forms_second) and all(
        one & other for one, other in zip(forms_first, forms_second))


def is_courtesy_title(run: list[str], following: str | None) -> bool:
    """Return True for a courtesy title (its full stop may follow) standing before a capitalised name."""
    words = [token for token in run if token != "."]
    return (len(words) == 1 and words[0] in COURTESY_TITLES and len(run) <= 2 and run[0] == words[0]
            and following is not None and following[:1].isupper())


_TABLE_WORDS = frozenset([key.lower() for key in ABBREVIATIONS] + list(_FULL_FORMS) + list(_UNIT_FORMS)
                         + list(MULTIPLIERS) + list(MONTHS))
"""The first words of every table form: a run without one (or a figure, letter or number word) has none."""


def _may_hold_forms(tokens: list[str]) -> bool:
    """Return True if a run has a token some family reads: a figure, a letter, a table word or a number word."""
    for token in tokens:
        if len(token) == 1 and token.isalpha() or any(map(str.isdigit, token)) or token.lower() in _TABLE_WORDS:
            return True
    words = " ".join(tokens)
    return alpha2digit(words, "en", threshold=0) != words


def house_style_kind(before: list[str], after: list[str]) -> str | None:
    """Return the house-style family that makes two token runs alike (module docstring), or None."""
    if not (_may_hold_forms(before) or _may_hold_forms(after)):
        return None
    first: list[Item] = list(before)
    second: list[Item] = list(after)
    for name, normalise in FAMILIES:
        first, second = normalise(first), normalise(second)
        if _alike(first, second):
            return name
    return None
