"""Name what changed in meaning between an original sentence and the copy's version of it.

`attribution_diff` pairs every sentence of a copy with its closest original sentence; the
functions here compare the two and return the *kinds* of change a reader must know about. A
reworded sentence with none of them (synonyms, a new day name, an added "according to") is not
drift. Every rule is a general pattern of news writing:

| kind | family | rule |
|---|---|---|
| number changed | drift | the copy states a figure (digits or number words, "$1.5 million", "£4.1m", "twenty") that the original states nowhere, where the original sentence gives a different one |
| number added | drift | the same, where the original sentence gives no figure at all |
| hedge strengthened | drift | the original says it could, may, might, should, is expected or due to happen; the copy says it will, or uses a surer hedge (may -> is expected to) |
| hedge dropped | drift | the original marks a claim as uncertain or approximate (reportedly, allegedly, appears to, up to, about, nearly, ...) and the copy does not |
| condition dropped | drift | the original sets a condition (in principle, if, unless, subject to, pending, provisionally, ...) and the copy sets none |
| source broadened | drift | the original's source is one person ("a council officer", "one diplomat", a named person) and the copy's is a plural group ("council officers", "diplomats") |
| attribution verb changed | attribution | the verbs differ in what they say about the claim: said -> argued, said -> claimed, confirmed -> said (verbs that only report speech, such as said, told, added, recalled, are one class) |
| attribution dropped | attribution | the original credits the claim ("according to X", "reviewed by X", "X said") and the copy states it with no attribution, and names X nowhere in the sentence |
| outlet credit dropped | attribution | the original's source spoke to an outlet ("told Radio X") and the copy drops the outlet |
| claim moved to another speaker | attribution | both sentences name a speaker, and they are different people |

An attribution or credit the copy *adds* is not flagged: it tells the reader more, not less.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.text.tokenizer import normalize, words
from newstrace.text.vocabulary import CLAIM_STOP_WORDS, SCALE_WORDS

DRIFT_KINDS = ("number changed", "number added", "hedge strengthened", "hedge dropped",
               "condition dropped", "source broadened")
"""Kinds of change to what a sentence claims."""
ATTRIBUTION_KINDS = ("attribution verb changed", "attribution dropped", "outlet credit dropped",
                     "claim moved to another speaker", "quote moved to another speaker")
"""Kinds of change to who a claim is credited to, and how."""

# ----------------------------------------------------------------------------------- numbers

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
"""Number words read as figures ("one" is left out: it is as often a pronoun as a count)."""
MULTIPLIERS = {**{word: float(scale) for word, scale in SCALE_WORDS.items()},
               "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
"""Scale words and their abbreviations after a figure ("4.1 million", "£4.1m", "$2bn")."""
_FIGURE = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|mn|bn|tn|m|k|b)\b)?",
    re.IGNORECASE)
_WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")(?:-(" + "|".join(
    word for word in NUMBER_WORDS if NUMBER_WORDS[word] < 10) + r"))?\b", re.IGNORECASE)


def figures(text: str) -> set[float]:
    """Return the figures a text states, scaled ("$1.2 million" -> 1200000.0, "eighteen" -> 18.0)."""
    found = set()
    for match in _FIGURE.finditer(text):
        value = float(match.group(1).replace(",", ""))
        found.add(round(value * MULTIPLIERS.get((match.group(2) or "").lower(), 1), 6))
    for match in _WORD_NUMBER.finditer(text):
        value = NUMBER_WORDS[match.group(1).lower()] + NUMBER_WORDS.get((match.group(2) or "").lower(), 0)
        following = text[match.end():match.end() + 12].lower().split()
        scale = MULTIPLIERS.get(following[0], 1) if following else 1
        found.add(float(value * scale))
    return found


def number_change(original_sentence: str, copy_sentence: str, original_figures: set[float]) -> str | None:
    """Return 'number changed' / 'number added' when the copy states a figure the original never does."""
    new = figures(copy_sentence) - original_figures
    if not new:
        return None
    return "number changed" if figures(original_sentence) else "number added"


# ------------------------------------------------------------------------------------ hedges

POSSIBILITY = 1
PROBABILITY = 2
CERTAINTY = 3
MODAL_HEDGES: list[tuple[str, int]] = [
    (r"could|may|might|possibly|perhaps|maybe|potentially|conceivably", POSSIBILITY),
    (r"likely|probably|should|expected to|(?:is|are|was|were) due to|set to|plans? to|planned to|"
     r"aims? to|aimed to|hopes? to|hoped to|intends? to|intended to|scheduled to|on track to|"
     r"estimated to|projected to|poised to", PROBABILITY),
]
"""How sure a sentence is that something will happen, weakest first ('would' is left out: in
reported speech it is only 'will' moved into the past; 'can' too: it mostly tells what is allowed)."""
CERTAIN = re.compile(r"\b(?:will|shall|is going to|are going to|won't|definitely|certainly|is certain to)\b",
                     re.IGNORECASE)
QUALIFIERS = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|seemingly|appears? to|appeared to|"
    r"seems? to|seemed to|(?:is|are|was|were) (?:believed|thought|said|understood|alleged|reported) to|"
    r"suggests?|suggested|preliminary|unconfirmed|tentative)\b", re.IGNORECASE)
"""Words that mark a claim as uncertain or second-hand."""
APPROXIMATORS = re.compile(
    r"\b(?:up to|as many as|as much as|about|around|approximately|roughly|nearly|almost|some|"
    r"an estimated|estimated|at least|at most|more than|over|less than|fewer than|under)\s+"
    r"(?=[$£€]?\d|(?:" + "|".join(NUMBER_WORDS) + r")\b)", re.IGNORECASE)
"""Words that make the figure after them a ceiling, floor or estimate ("up to $410,000")."""


def _hedges(sentence: str) -> list[tuple[int, int, int]]:
    """Return (sureness level, start, end) of every modal hedge of a sentence, CERTAINTY for 'will'."""
    found = [(level, match.start(), match.end()) for pattern, level in MODAL_HEDGES
             for match in re.finditer(rf"\b(?:{pattern})\b", sentence)]
    return found + [(CERTAINTY, match.start(), match.end()) for match in CERTAIN.finditer(sentence)]


def _covered(sentence: str, start: int, end: int, copy_sentence: str, look_back: bool = True) -> bool:
    """Return True if the copy keeps the words a hedge or condition applies to (it is about the same clause).

    Those words are the next two content words after the phrase and the last one before it,
    compared by their first four letters ("may reduce" ~ "reduces"); look_back=False reads only
    the words after it.
    """
    after = [word for word in words(sentence[end:])[:5] if word not in CLAIM_STOP_WORDS][:2]
    before = [word for word in words(sentence[:start])[-3:] if word not in CLAIM_STOP_WORDS][-1:] if look_back else []
    kept = {word[:4] for word in words(copy_sentence)}
    return any(word[:4] in kept for word in after + before)


def clause_kept(sentence: str, phrase: str, copy_sentence: str) -> bool:
    """Return True if the copy keeps the clause after the first occurrence of phrase in sentence (its verb's object)."""
    match = re.search(rf"\b{re.escape(phrase)}\b", sentence)
    if match is None or not set(words(sentence[match.end():])) - CLAIM_STOP_WORDS:
        return True  # a verb that ends its sentence reports the whole sentence before it
    return _covered(sentence, match.start(), match.end(), copy_sentence, look_back=False)


def _approximated(sentence: str) -> set[float]:
    """Return the figures a sentence gives as a ceiling, floor or estimate."""
    return {value for match in APPROXIMATORS.finditer(sentence)
            for value in figures(" ".join(sentence[match.end():].split()[:2]))}


def hedge_changes(original_sentence: str, copy_sentence: str) -> list[str]:
    """Return 'hedge strengthened' and/or 'hedge dropped' for the copy's version of a sentence.

    Only hedges on a clause the copy keeps count (see _covered): a copy that leaves the clause out
    has not changed its hedge.
    """
    kinds = []
    copy_levels = [level for level, _, _ in _hedges(copy_sentence)]
    kept = [level for level, start, end in _hedges(original_sentence)
            if level < CERTAINTY and _covered(original_sentence, start, end, copy_sentence)]
    if kept and copy_levels and min(copy_levels) > min(kept):
        kinds.append("hedge strengthened")
    qualified = any(_covered(original_sentence, match.start(), match.end(), copy_sentence)
                    for match in QUALIFIERS.finditer(original_sentence))
    unhedged = _approximated(original_sentence) - _approximated(copy_sentence)
    if ((kept and not copy_levels) or (qualified and not QUALIFIERS.search(copy_sentence))
            or unhedged & figures(copy_sentence)):
        kinds.append("hedge dropped")
    return kinds


# -------------------------------------------------------------------------------- conditions

CONDITIONS = re.compile(
    r"\b(?:in principle|in theory|subject to|pending|provided that|providing that|on condition that|"
    r"only if|unless|conditional(?:ly)?|provisional(?:ly)?|tentative(?:ly)?|if)\b", re.IGNORECASE)
"""Phrases that make a claim hold only under a condition."""
NOT_CONDITIONS = re.compile(r"\b(?:as if|even if|if any|if ever|if not|if only|what if|as though)\b",
                            re.IGNORECASE)
"""Phrases with 'if' that set no condition."""


def _conditions(sentence: str) -> list[re.Match]:
    """Return the condition phrases of a sentence."""
    return list(CONDITIONS.finditer(NOT_CONDITIONS.sub(lambda match: " " * len(match.group(0)), sentence)))


def condition_change(original_sentence: str, copy_sentence: str) -> str | None:
    """Return 'condition dropped' when the original sets a condition on a clause the copy keeps, and the copy sets none."""
    kept = any(_covered(original_sentence, match.start(), match.end(), copy_sentence)
               for match in _conditions(original_sentence))
    return "condition dropped" if kept and not _conditions(copy_sentence) else None


# ------------------------------------------------------------------------------------ verbs

_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
              "writes": "write", "spoke": "speak", "went": "continue"}


def verb_stem(verb: str) -> str:
    """Return the stem an attribution verb shares with its other forms: argue/argued/argues -> 'argu'."""
    word = verb.lower().split()[0] if verb.strip() else ""
    word = _IRREGULAR.get(word, word)
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            word = word[: -len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


REPORTING_VERBS = frozenset(verb_stem(verb) for verb in (
    "say tell add explain recall recount share note state describe remark reply answer continue "
    "write speak ask comment report mention respond call").split())
"""Verbs that only report speech (as stems): a change among them changes nothing a reader weighs."""


def verb_class(verb: str) -> str:
    """Return 'report' for a verb that only reports speech, else the verb's own base form."""
    stem = verb_stem(verb)
    return "report" if stem in REPORTING_VERBS else stem


def verb_change(original_verb: object, copy_verb: object, original_sentence: str = "",
                copy_sentence: str = "") -> str | None:
    """Return 'attribution verb changed' when two attribution verbs differ in what they imply.

    Given the sentences, the copy must keep the clause the original's verb introduces: a sentence
    split off another clause of the original ("..., negotiators said") has not changed its verb.
    """
    if not isinstance(original_verb, str) or not isinstance(copy_verb, str):
        return None
    if original_sentence and not clause_kept(original_sentence, original_verb.split()[0], copy_sentence):
        return None
    changed = verb_class(original_verb) != verb_class(copy_verb)
    return "attribution verb changed" if changed else None


# ----------------------------------------------------------------------------- attributions

_SOURCE = (r"(?P<source>[^,.;:\"“”]{2,60}?)"
           r"(?=[,.;:\"“”]|\s+(?:that|show|shows|showed|found|finds|said|says|suggests?|indicates?)\b|$)")
CREDIT_PHRASES = [
    ("according to", re.compile(rf"\baccording to {_SOURCE}", re.IGNORECASE)),
    ("by", re.compile(rf"\b(?:reviewed|obtained|seen|examined|analy[sz]ed|verified|compiled|"
                      rf"collected|released|published|provided|commissioned|gathered) by {_SOURCE}",
                      re.IGNORECASE)),
    ("statement", re.compile(rf"\b(?:in|a|according to) (?:a |an |the )?(?:statement|report|"
                             rf"release|filing|letter) (?:from|by|of) {_SOURCE}", re.IGNORECASE)),
]
"""Phrases that credit a claim to someone other than the writer, each with its source."""
CREDIT_STOP_WORDS = frozenset("the a an one of to by from in on at for and its his her their".split())


def credited_sources(sentence: str) -> list[str]:
    """Return the sources a sentence credits with 'according to X', 'reviewed by X', 'a statement from X'."""
    return [match.group("source").strip() for _, pattern in CREDIT_PHRASES for match in pattern.finditer(sentence)]


def _source_words(source: str) -> set[str]:
    """Return the words of a source phrase that name it (no articles or prepositions)."""
    return {word for word in re.findall(r"[\w'’-]+", normalize(source).lower()) if word not in CREDIT_STOP_WORDS}


def attribution_dropped(original_sentence: str, copy_sentence: str) -> str | None:
    """Return 'attribution dropped' when the original credits a source that the copy sentence no longer names.

    A source still counts as named when the copy credits a source sharing a word with it ("according
    to a staff report presented to ..." -> "according to a city staff report"), or when at least
    half of its naming words are in the copy sentence ("according to the city engineer's office"
    -> "the engineer's office said").
    """
    copy_words = _source_words(copy_sentence)
    copy_credits = [_source_words(source) for source in credited_sources(copy_sentence)]
    for source in credited_sources(original_sentence):
        named = _source_words(source)
        if not named or any(named & credited for credited in copy_credits):
            continue
        if len(named & copy_words) * 2 < len(named):
            return "attribution dropped"
    return None


def outlet_credit_dropped(original_verb: object, copy_verb: object) -> str | None:
    """Return 'outlet credit dropped' when the original's verb credits an outlet the copy's does not.

    The verbs are as attribution_diff widens them: "told Radio X" when a source spoke to an outlet.
    """
    if not isinstance(original_verb, str) or " " not in original_verb.strip():
        return None
    outlet = original_verb.split(None, 1)[1]
    return None if isinstance(copy_verb, str) and outlet.lower() in copy_verb.lower() else "outlet credit dropped"


# --------------------------------------------------------------------------------- sources

SAY = (r"said|says|told|tells|added|argued|argues|claimed|claims|insisted|confirmed|warned|"
       r"explained|noted|stated|believes|believed|suggested|admitted|acknowledged|estimated")
_SUBJECT = re.compile(
    rf"^(?:[A-Z][A-Z ,.'’-]+(?:—|--|–|-)\s*)?(?P<subject>[^,;:\"“”]{{2,60}}?)"
    rf"(?:,?\s+who\b[^;\"“”]*?,?|,[^,;\"“”]{{1,160}},)?\s+(?:also\s+)?(?P<verb>{SAY})\b")
"""The subject of a sentence that opens with its source: 'A council officer, who ..., said'."""
_TRAILING = re.compile(
    rf",\s+(?P<subject>[^,;\"“”]{{2,60}}?)\s+(?P<verb>{SAY})(?:\s+(?:on|in|last|this|late|early|"
    rf"yesterday|today|tonight)\b[^,;\"“”]*)?[.!?]?[\"”’]?\s*$")
"""A source named at the end of a sentence: '..., the agency confirmed on Thursday.'"""
SINGULAR_DETERMINERS = re.compile(r"^(?:an?|one|a single|the only)\s", re.IGNORECASE)


def _subject(sentence: str) -> str | None:
    """Return the phrase a sentence opens with before its attribution verb, or None."""
    found = sentence_attribution(sentence)
    return found[0] if found else None


def sentence_attribution(sentence: str) -> tuple[str, str] | None:
    """Return (source, verb) of a sentence that opens or ends with its attribution, else None."""
    stripped = sentence.strip()
    match = _SUBJECT.match(stripped.lstrip("\"“'‘")) or _TRAILING.search(stripped)
    return (match.group("subject").strip(), match.group("verb")) if match else None


POST_MODIFIERS = frozenset("at of from in for with on to by who whose which that".split())
"""Words that open what follows a source's head noun: 'a teacher at one of the schools'."""


def _head_phrase(subject: str) -> str:
    """Return a source phrase up to its head noun, its post-modifiers cut ('a teacher at one school' -> 'a teacher')."""
    parts = subject.split()
    cut = next((index for index, part in enumerate(parts) if index > 0 and part.lower() in POST_MODIFIERS), len(parts))
    return " ".join(parts[:cut])


def is_plural_group(subject: str) -> bool:
    """Return True for a plural common-noun source: 'officials', 'Council officers', 'some diplomats'."""
    parts = _head_phrase(subject).split()
    if not parts or any(part[0].isupper() for part in parts[1:]) and not parts[-1].islower():
        return False
    head = parts[-1].lower()
    return (head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head in {"people", "police"}


def is_single_source(subject: str) -> bool:
    """Return True for one source: 'a council officer', 'one diplomat', or a named person."""
    if SINGULAR_DETERMINERS.match(subject):
        return not is_plural_group(SINGULAR_DETERMINERS.sub("", subject))
    return is_name(subject)


def is_name(phrase: object) -> bool:
    """Return True for what reads as a person's name: two to five capitalised words, no article."""
    if not isinstance(phrase, str):
        return False
    parts = phrase.split()
    return (2 <= len(parts) <= 5 and parts[0].lower() not in {"the", "a", "an", "one"}
            and all(part[0].isupper() or part in {"al", "el", "bin", "de", "van", "von"} for part in parts))


def source_change(original_sentence: str, copy_sentence: str) -> str | None:
    """Return 'source broadened' when one source in the original becomes a group in the copy."""
    original = _subject(original_sentence) or next(iter(credited_sources(original_sentence)), None)
    copy = _subject(copy_sentence) or next(iter(credited_sources(copy_sentence)), None)
    if not original or not copy:
        return None
    return "source broadened" if is_single_source(original) and is_plural_group(copy) else None


# ------------------------------------------------------------------------------ everything

@lru_cache(maxsize=4096)
def sentence_drift(original_sentence: str, copy_sentence: str, original_figures: frozenset[float]) -> tuple[str, ...]:
    """Return the drift kinds (DRIFT_KINDS) of the copy's version of an original sentence."""
    kinds = [number_change(original_sentence, copy_sentence, set(original_figures)),
             *hedge_changes(original_sentence, copy_sentence),
             condition_change(original_sentence, copy_sentence),
             source_change(original_sentence, copy_sentence)]
    return tuple(kind for kind in kinds if kind)
