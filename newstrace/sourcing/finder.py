"""Who the story relies on: one row per source, with a type from a documented vocabulary.

`sources(text)` reads the story (page clutter removed by newstrace.pages.clutter) sentence by sentence and
finds attributions by general rules of news English, never by a list of this case's names:

- "NAME said", "NAME, a ..., said", "said NAME," (an inversion only when a comma, full stop or a
  clause follows: "said Jo would" is not one), "according to NAME", "revealed by NAME"; NAME is a
  run of capitalised words, with titles and role words ("FBI Director", "Resident") set aside;
- descriptions instead of names: "a senior security official said", "defectors said",
  "said the son", "a spokesperson for the council said" (a determiner, up to four modifiers, a
  person noun, an optional "for/of/at X"); "a spokeswoman, Jane Doe, said" counts for the name;
- media as evidence: "A video released in January shows", "according to ... estimates";
- pronouns ("he said") counted for the person last named before them;
- quotations from newstrace.attribution.quotes.extract_quotes, counted for their speaker, with their words;
- credits to other outlets from newstrace.attribution.outlet_credits (outlets the text names in own-reporting
  phrases are left out: they are probably the publisher; a dateline agency wrote the whole story,
  so it stays a credit, not a source).

Later short references are the same source when they are a leading part of a longer name
("Abu Hajer" = "Abu Hajer al Maghribi") or its last word, a surname ("Comey" = "James B. Comey"),
with hyphens and spaces folded ("al-X" = "al X"). A shared origin after a kunya ("al Maghribi") and
the last word of an institution's name are not surnames. "the official" is the last source
described with the same noun; "the president" is the last named source with that title.

Types (SOURCE_TYPES), decided in this order:

| type | rule |
|---|---|
| news outlet | credited as an outlet by newstrace.attribution.outlet_credits |
| document or media | the source phrase is headed by a media noun: video, report, images, estimates, ... |
| adopted name | a kunya-style name (Abu/Umm + name), a name the text calls a nom de guerre, alias, pseudonym or adopted name in its first sentence, or a single name (no surname) in a text whose ground rule is "identified only by their adopted/first names" |
| organisation | "The X said" (people are never "the Jane Doe"; checked first of all), a name with an organisation word (Ministry, Police, Office, ...), an all-capital acronym, or a description headed by one ("police", "the ministry", "a spokesperson for the council") |
| expert or analyst | a name with an expert word (analyst, expert, researcher, professor, university, ...) within its first mention, or a description headed by one |
| named person | any other personal name |
| anonymous source | a description instead of a name: "a U.S. official", "a relative", "defectors" |

Stated conditions ("spoke on the condition that ...", "in the presence of ...", "declined to be
named", "to disguise his identity") go to the sources mentioned in the same sentence; a condition in
a sentence that names no source (a ground rule for all interviews) goes to every adopted-name source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from newstrace.attribution.outlet_credits import (
    credits,
    looks_like_outlet,
)
from newstrace.attribution.quotes import extract_quotes
from newstrace.pages.story import story_spans
from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts, paragraph_index, sentences

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
COLUMNS = ["source", "type", "first_paragraph", "first_offset", "attributions", "words_quoted",
           "condition", "aliases"]

SAY_VERBS = (
    "said|says|say|told|tells|recalled|recalls|added|adds|explained|explains|acknowledged|"
    "acknowledges|described|describes|noted|notes|warned|warns|argued|argues|insisted|insists|"
    "claimed|claims|stated|wrote|writes|recounted|recounts|shared|asserted|asserts|admitted|"
    "admits|denied|denies|confirmed|confirms|estimated|estimates|suggested|suggests|testified|"
    "complained|conceded|concedes|observed|remembered|remembers|revealed|reveals|announced|"
    "announces|replied|answered|agreed|contended|maintained|cautioned|stressed|predicted|"
    "reported|believes|believed|recalls"
)
INVERSION_VERBS = "said|says|added|adds|recalled|recalls|explained|wrote|writes|asked|continued|insisted"
MEDIA_VERBS = (
    "shows|showed|show|revealed|reveals|reveal|depicts|depicted|indicates|indicated|suggests|"
    "suggested|found|finds|find|appeared to show|appears to show|appear to show|documents|"
    "documented|confirms|confirmed|says|said|states|stated"
)
PERSON_NOUNS = (
    "officials?|officers?|defectors?|members?|spokes(?:man|woman|person)|sources?|analysts?|"
    "experts?|researchers?|witness(?:es)?|residents?|relatives?|sons?|daughters?|fathers?|"
    "mothers?|wife|wives|husbands?|brothers?|sisters?|friends?|colleagues?|fighters?|militants?|"
    "prisoners?|inmates?|diplomats?|lawyers?|attorneys?|activists?|doctors?|people|persons?|man|"
    "woman|men|women|students?|workers?|leaders?|commanders?|soldiers?|police|investigators?|"
    "authorities|prosecutors?|aides?|advisers?|advisors?|employees?|neighbou?rs?|survivors?|"
    "victims?|parents?|supporters?|critics?|participants?|interviewees?|recruits?|cameram[ae]n|"
    "veterans?|refugees?|villagers?|agents?|staff|executives?|managers?|owners?|teachers?|"
    "guards?|users?|figures?|voices?|speakers?|insiders?|observers?|scholars?|professors?|"
    "specialists?|academics?|economists?|scientists?|historians?|consultants?|mayors?|governors?|"
    "ministers?|presidents?|directors?|secretar(?:y|ies)|senators?|judges?|engineers?|chairm[ae]n|"
    "ambassadors?|envoys?|negotiators?|coroners?|sheriffs?|coaches?|captains?|priests?|imams?|"
    "bishops?|landlords?|chiefs?|heads?|organi[sz]ers?|protesters?|demonstrators?|passengers?|"
    "patients?|nurses?|farmers?|shopkeepers?|traders?|drivers?|pilots?|crew|defenders?|"
    "detectives?|inspectors?|rescuers?|firefighters?|paramedics?|medics?|journalists?|reporters?"
)
MEDIA_NOUNS = (
    "videos?|films?|footage|images?|photos?|photographs?|pictures?|documents?|reports?|records|"
    "data|estimates|statistics|study|studies|survey|poll|analysis|memos?|letters?|e-?mails?|"
    "recordings?|frames|statements?|transcripts?|filings?|papers|figures|census|tapes?|"
    "broadcasts?|posts?|tweets?|messages?|files?|logs?|minutes|website|web site|site|entry|"
    "archives?|database|maps?|screenshots?|clips?|segments?|releases?"
)
EXPERT_WORDS = re.compile(
    r"\b(analysts?|experts?|researchers?|professors?|scholars?|fellows?|specialists?|academics?|"
    r"economists?|scientists?|historians?|consultants?|lecturers?|criminologists?|"
    r"think tank|institute|university|studies)\b", re.IGNORECASE)
ORG_WORDS = {
    "ministry", "department", "agency", "police", "government", "army", "military", "company",
    "corporation", "group", "institute", "council", "commission", "office", "university",
    "committee", "organisation", "organization", "association", "foundation", "bank", "court",
    "service", "party", "union", "center", "centre", "bureau", "authority", "administration",
    "force", "forces", "inc", "corp", "ltd", "network", "church", "league", "federation",
    "board", "parliament", "congress", "senate", "embassy", "coalition", "command", "guard",
    "directorate", "secretariat", "cabinet", "municipality", "school", "hospital", "fund",
    "house", "kremlin", "pentagon", "palace", "budget", "treasury", "ministries", "agencies",
}
ORG_DESCRIPTION = re.compile(
    r"^(?:the |a |an )?(?:[\w.'’-]+ ){0,3}(ministry|department|agency|police|government|army|"
    r"military|company|group|council|commission|office|court|embassy|coalition|authorities)$",
    re.IGNORECASE)
ADOPTED_CONTEXT = re.compile(
    r"nom(?:s)? de guerre|pseudonyms?|\balias\b|adopted names?|assumed names?|war names?|"
    r"nicknames?|only (?:his|her|their) (?:first|given|nick|adopted)[ -]?names?|kunya",
    re.IGNORECASE)
BLANKET_ADOPTED = re.compile(
    r"identified only by (?:the |their |his |her )?(?:adopted|assumed|first|given|war|nick)[ -]?names?|"
    r"(?:by|use|used|gave) (?:only )?(?:their|his|her) noms? de guerre|only (?:their|his|her) (?:first|given) names?",
    re.IGNORECASE)
"""A ground rule saying the text's sources go by adopted or first names only."""
KUNYA_PREFIXES = {"abu", "abou", "abo", "umm", "um", "om", "abi"}
TITLES = {
    "director", "president", "secretary", "minister", "chief", "general", "gen", "senator",
    "sen", "governor", "gov", "mayor", "judge", "officer", "spokesman", "spokeswoman",
    "ambassador", "commissioner", "professor", "prof", "dr", "mr", "mrs", "ms", "rep", "lt",
    "col", "sgt", "capt", "king", "queen", "prince", "pope", "sheikh", "imam", "rabbi",
    "commander", "colonel", "captain", "sergeant", "lieutenant", "inspector", "detective",
    "superintendent", "archbishop", "bishop", "cardinal", "prime", "vice", "deputy", "assistant",
    "attorney", "justice", "chancellor", "premier", "analyst", "expert", "researcher",
    "representative", "chairman", "chairwoman", "chair", "ceo", "founder", "leader", "emir",
}
LEADING_FUNCTION_WORDS = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "when", "after",
    "before", "then", "now", "later", "also", "asked", "as", "if", "while", "though", "although",
    "because", "since", "still", "even", "this", "that", "these", "those", "there", "here", "by",
    "from", "with", "to", "of", "overall", "meanwhile", "however", "instead", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "some", "many",
    "all", "most", "several", "others", "both", "each", "one", "two", "three", "other", "another",
    "former", "senior", "what", "who", "how", "why", "where", "we", "they", "he", "she", "it", "i",
}
NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "who"}

_NAME_TOKEN = r"(?:(?:al|el|bin|ibn|Al|El)-[A-Z][\w'’-]*|[A-Z][\w'’-]*(?:\.(?=[\s,]))?|[A-Z]\.|al|el|bin|ibn|de|van|von|der|da|du|la|le)"
NAME = rf"[A-Z][\w'’-]*\.?(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?{_NAME_TOKEN})*"
"""A run of capitalised words, with initials, name particles (al, bin, de, van) and 'of'/'for'."""

_MODIFIER = (
    r"(?:(?!(?:and|or|that|which|who|whom|of|in|to|with|by|for|from|but|as|at|on|while|when|"
    r"after|before|because|if|than|where|since|although|though|until|then|also|so|not|no|is|are|"
    r"was|were|has|have|had|said|says|told|the|a|an|his|her|their|its|later|then|now)\b)[\w.'’-]+\s+)"
)
GROUP = (
    r"(?:[Tt]hose|[Pp]eople|[Oo]thers|[Aa]ll) (?:interviewed|questioned|surveyed|polled|involved|"
    r"present|familiar with [\w ]{1,40}?)"
)
"""A group described by a participle: "those interviewed", "people familiar with the talks"."""
_DETERMINER = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Aa]ll|"
    r"[Tt]hose|[Tt]hese|[Oo]ther|[Aa]nother|[Ff]ormer|[Ss]enior)\s+"
)
_POST_MODIFIER = r"(?:\s+(?:for|at|from|with)\s+(?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w'’-]*){0,3})?"
DESCRIPTION = rf"{GROUP}|(?:{_DETERMINER})?{_MODIFIER}{{0,4}}?(?:{PERSON_NOUNS}){_POST_MODIFIER}"
"""A person described instead of named: an optional determiner, up to four modifiers, a person noun."""
DETERMINED_DESCRIPTION = rf"{_DETERMINER}{_MODIFIER}{{0,4}}?(?:{PERSON_NOUNS})"
_APPOSITIVE = r"(?:(?:,[^,;\"“”]{1,160}?){1,3},)?"
_ADVERB = (
    r"(?:(?:also|later|recently|once|then|previously|earlier|further|first|finally|even|still|has|"
    r"have|had|meanwhile|however|now|again|often|repeatedly|publicly|privately|subsequently|"
    r"separately|simply|only|never|always|reportedly|allegedly)\s+)*"
)

_INVERTED_END = (
    r"(?![\w'’])(?=\s*[,.;:!?\"”)]|\s*$|\s+(?:who|whose|in|at|on|of|from|during|after|before|"
    r"when|while|as|to|involved|according|with|by)\b)"
)
"""After 'said NAME' the sentence goes on with punctuation or a clause, never a verb ('said Jo would')."""
SUBJECT_VERB = re.compile(
    rf"(?<![\w.])(?P<subject>{NAME}|{DESCRIPTION})(?P<appositive>{_APPOSITIVE})\s+{_ADVERB}"
    rf"(?P<verb>{SAY_VERBS})\b")
VERB_SUBJECT = re.compile(
    rf"\b(?P<verb>{INVERSION_VERBS})\s+(?P<subject>{NAME}|{DETERMINED_DESCRIPTION}){_INVERTED_END}")
ACCORDING_TO = re.compile(
    rf"\b(?P<verb>[Aa]ccording to)\s+(?P<subject>{GROUP}|(?:[\w.'’-]+\s+){{0,4}}?"
    rf"(?:{MEDIA_NOUNS}|{PERSON_NOUNS})(?![\w'’])|(?:the\s+)?{NAME})")
MEDIA_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s\"“]))(?P<subject>(?:[\w.'’-]+\s+){{0,5}}?(?i:{MEDIA_NOUNS})"
    rf"(?:\s+(?:that|which|released|published|broadcast|aired|posted|seen|obtained|shown|from|"
    rf"of|by|on|in)\b[^,.;\"“”]{{0,50}}?)?)"
    rf"{_APPOSITIVE}\s+(?P<verb>{MEDIA_VERBS})\b")
PASSIVE_BY = re.compile(
    rf"\b(?P<verb>revealed|reported|described|disclosed|confirmed|recounted|told|said|stated|"
    rf"claimed|alleged|quoted|cited) by (?P<subject>{NAME}|{DESCRIPTION})(?![\w'’])")
PRONOUN_VERB = re.compile(rf"\b(?P<subject>[Hh]e|[Ss]he)\s+{_ADVERB}(?P<verb>{SAY_VERBS})\b"
                          rf"|\b(?P<verb2>{INVERSION_VERBS})\s+(?P<subject2>he|she)(?=\s*[,.;:!?\"”])")
CONDITION = re.compile(
    r"(?:spoke |speaking |talked |agreed to speak |on )?(?:on |under )?(?:the )?condition (?:that|of)"
    r"[^.;]*?(?=[.;]|,\s*(?:\w+\s+)?(?:said|says|told|added)\b|$)|"
    r"in the presence of [^,.;]*|declined to be (?:named|identified)[^,.;]*|"
    r"asked (?:not to be|that (?:he|she|they) not be) (?:named|identified)[^,.;]*|"
    r"(?:requested|insisted on|was granted|were granted) anonymity[^,.;]*|"
    r"not authori[sz]ed to (?:speak|talk|comment)[^,.;]*|identified only by [^,.;]*|"
    r"gave only (?:his|her|their) [^,.;]*|to (?:disguise|hide|conceal|protect) (?:his|her|their) identit[^,.;]*|"
    r"(?:wore|wearing) a (?:hood|mask|balaclava)[^,.;]*",
    re.IGNORECASE)


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
        if bare in TITLES or re.fullmatch(PERSON_NOUNS, bare) or (token.isupper() and len(token) > 1 and index + 1 < len(tokens)
                              and tokens[index + 1].lower().strip(".") in TITLES):
            role_end = index + 1
    while len(tokens) > role_end + 1 and tokens[-1] in {"al", "el", "bin", "ibn", "de", "van", "von"}:
        tokens.pop()
    return " ".join(tokens[role_end:]), " ".join(tokens[:role_end])


def is_description(subject: str) -> bool:
    """Return True if a subject phrase is a description (starts lower case or with a determiner)."""
    first = subject.split()[0] if subject.split() else ""
    return first[:1].islower() or first.lower() in LEADING_FUNCTION_WORDS | {
        "one", "two", "three", "some", "many", "several", "most", "all", "other", "another",
        "former", "senior"}


CONJUNCTIONS = {"but", "and", "or", "so", "yet", "then", "now", "also", "still", "even", "meanwhile"}


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
    if long_words[: len(short_words)] == short_words:
        return len(short_words) > 1 or short_words[0] not in KUNYA_PREFIXES
    kunya = long_words[0] in KUNYA_PREFIXES  # "al X" after a kunya is a shared origin, not a surname
    if kunya or set(long_words) & ORG_WORDS:
        return False
    return len(short_words) == 1 and long_words[-1] == short_words[0] and len(long_words) > 1 and not kunya


def _quotes(text: str) -> pd.DataFrame:
    """Return extract_quotes(text)."""
    return extract_quotes(text)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return every sentence of the story (clutter left out) as input offsets."""
    return [span for start, end in story_spans(text) for span in sentences(text, start, end)]


def _subject_mention(subject: str, start: int, sentence: int, counts: bool = True) -> Mention | None:
    """Return a mention for a subject phrase (a name or a description), or None if it names nobody."""
    subject = description_name(subject)
    if looks_like_outlet(subject):
        return None  # outlets come from newstrace.attribution.outlet_credits
    if re.fullmatch(PERSON_NOUNS, subject.lower()):  # "Firefighters said", "Police said"
        return Mention(subject, "description", start, sentence, counts)
    if re.fullmatch(rf"(?:[Tt]he\s+)?{NAME}", subject):
        name, role = strip_name(subject)
        if not name or name_key(name) in NOT_NAMES:
            return None
        the = name_key(subject).startswith("the ")  # persons are never 'the Jane Doe': an institution
        return Mention(name, "name", start, sentence, counts, role="organisation" if the else role)
    if re.search(rf"(?:{PERSON_NOUNS}){_POST_MODIFIER}$", subject) or re.fullmatch(GROUP, subject):
        return Mention(subject, "description", start, sentence, counts)
    return None


PREPOSITIONS = {"for", "of", "by", "to", "with", "from", "in", "on", "at", "against", "about", "into"}


def _after_preposition(sentence: str, position: int) -> bool:
    """Return True if the word before position is a preposition (the phrase is an object)."""
    before = sentence[:position].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _subject_of(match: re.Match, pattern: re.Pattern, sentence: str) -> tuple[str, tuple[int, int]] | None:
    """Return the subject phrase and span of an attribution match, or None if it is an object."""
    subject, span = match.group("subject"), match.span("subject")
    if pattern is SUBJECT_VERB:
        if _after_preposition(sentence, span[0]):
            return None
        named = re.fullmatch(rf",\s*({NAME})\s*,", match.group("appositive") or "")
        if named and is_description(subject):  # "a spokeswoman, Jane Doe, said": the name is the source
            offset = match.start("appositive")
            return named.group(1), (offset + named.start(1), offset + named.end(1))
    return subject, span


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of every quotation in text, sorted (from extract_quotes)."""
    quotes = _quotes(text)
    return sorted(zip(quotes["start"].astype(int), quotes["end"].astype(int)))


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Return True if offset lies inside one of the sorted spans."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


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
                subject, span = found
                media_head = re.search(rf"(?:{MEDIA_NOUNS})$", subject)
                if kind == "media" or (pattern is ACCORDING_TO and media_head):
                    mention = Mention(description_name(subject), "media", start + span[0], index)
                else:
                    mention = _subject_mention(subject, start + span[0], index)
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


def _description_key(description: str) -> str:
    """Return a description folded for matching, without its determiner."""
    words = name_key(description).split()
    while words and words[0] in {"a", "an", "the", "one", "some", "all", "most", "those", "these"}:
        words.pop(0)
    return " ".join(words)


def _find_source(found: list[Source], mention: Mention) -> Source | None:
    """Return the existing source a mention refers to, or None if it is a new one."""
    if mention.kind == "name":
        for source in found:
            if source.kind == "name" and any(
                    same_person(mention.name, form) or same_person(form, mention.name)
                    for form in source.forms):
                return source
        return None
    key = _description_key(mention.name)
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


def _antecedent(found: list[Source], head: list[str], before: int) -> Source | None:
    """Return the description source with the same head noun mentioned last before an offset."""
    best, best_offset = None, -1
    for source in found:
        heads = [_description_key(form).split()[-1:] for form in source.forms]
        earlier = [offset for offset in source.offsets if offset < before]
        if source.kind == "description" and head in heads and earlier and max(earlier) > best_offset:
            best, best_offset = source, max(earlier)
    return best


def _add(found: list[Source], mention: Mention) -> Source:
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
        source = _add(found, mention)
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


def collect_sources(text: str, spans: list[tuple[int, int]],
                    quoted: list[tuple[int, int]] | None = None) -> tuple[list[Source], dict[int, Source]]:
    """Return the sources of the story and the source of every mention by offset."""
    attributions = find_mentions(text, spans, quoted)
    found, _ = resolve_mentions(attributions)
    taken = {mention.start for mention in attributions}
    bare = [m for m in _name_occurrences(name_runs(text, spans), found) if m.start not in taken]
    return resolve_mentions(sorted(attributions + bare, key=lambda mention: mention.start))


def _first_sentence_text(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """Return the sentence that holds offset."""
    for start, end in spans:
        if start <= offset < end:
            return text[start:end]
    return ""


def first_name_occurrence(runs: list[tuple[str, int, int]], source: Source) -> tuple[str, int]:
    """Return the longest form of a named source and the offset of its first occurrence."""
    best, first = source.name, source.first_offset
    for name, offset, _ in runs:
        if _refers_to(name, source):
            first = min(first, offset)
            if len(name_key(name)) > len(name_key(best)) and same_person(best, name):
                best = name
    return best, first


def source_type(source: Source, context: str, blanket_rule: bool = False) -> str:
    """Return the type of a source from its form and the sentence of its first mention.

    blanket_rule: the text says its sources are identified only by adopted names, so a person
    known by a single name (no surname anywhere in the text) is taken to use an adopted one.
    """
    if source.kind in ("outlet", "media"):
        return "news outlet" if source.kind == "outlet" else "document or media"
    words = name_key(source.name).split()
    if source.kind == "name" and "organisation" in source.roles:
        return "organisation"
    if source.kind == "name":
        after = context[context.find(source.name.split()[0]):][:160] if source.name else context
        single = len(words) == 1 and not re.fullmatch(r"[A-Z]{2,6}", source.name)
        if words[0] in KUNYA_PREFIXES and len(words) > 1 or ADOPTED_CONTEXT.search(context) or (
                blanket_rule and single and not set(words) & ORG_WORDS):
            return "adopted name"
        if set(words) & ORG_WORDS or re.fullmatch(r"[A-Z]{2,6}", source.name):
            return "organisation"
        return "expert or analyst" if EXPERT_WORDS.search(after) else "named person"
    if ORG_DESCRIPTION.match(source.name):
        return "organisation"
    head = words[-1] if words else ""
    return "expert or analyst" if EXPERT_WORDS.fullmatch(head) else "anonymous source"


def _within(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Return the index of the span holding offset, or None."""
    for index, (start, end) in enumerate(spans):
        if start <= offset < end:
            return index
    return None


def _add_outlets(text: str, spans: list[tuple[int, int]], found: list[Source]) -> None:
    """Add outlets and media credited by newstrace.attribution.outlet_credits (not the text's own outlet)."""
    for row in credits(text).itertuples():
        if row.own_reporting or row.kind == "dateline":  # a dateline agency wrote the whole story
            continue
        if row.kind != "image" and _within(spans, row.start) is None:
            continue
        kind = "media" if row.kind == "image" else "outlet"
        source = next((s for s in found if s.kind == kind and s.name == row.outlet), None)
        if source is None:
            source = Source(row.outlet, kind, row.start, forms=[row.outlet])
            found.append(source)
        source.attributions += 1
        source.counted_at.append(row.start)
        sentence = _within(spans, row.start)
        if sentence is not None:
            source.sentences.add(sentence)


def _add_quotes(text: str, spans: list[tuple[int, int]], found: list[Source], quotes: pd.DataFrame) -> None:
    """Credit each quotation's words to its speaker's source (an attribution if none is nearby)."""
    starts = line_starts(text)
    for row in quotes.itertuples():
        sentence = _within(spans, row.start)
        if sentence is None or not isinstance(row.speaker, str) or row.kind not in ("direct", "partial"):
            continue
        mention = _subject_mention(row.speaker, row.start, sentence, counts=False)
        if mention is None:
            continue
        source = _add(found, mention)
        source.words_quoted += len(row.quote.split())
        paragraph = paragraph_index(starts, row.start)
        if not any(paragraph_index(starts, offset) == paragraph for offset in source.counted_at):
            source.attributions += 1
            source.counted_at.append(row.start)


def _add_conditions(text: str, spans: list[tuple[int, int]], found: list[Source]) -> None:
    """Attach each stated condition to the sources in its sentence, or to adopted-name sources."""
    for index, (start, end) in enumerate(spans):
        for match in CONDITION.finditer(text, start, end):
            phrase = " ".join(match.group().split()).rstrip(" ,")
            named = [source for source in found if index in source.sentences]
            targets = named or [source for source in found if source.type == "adopted name"]
            for source in targets:
                if phrase not in source.conditions:
                    source.conditions.append(phrase)


def _finish(text: str, spans: list[tuple[int, int]], runs: list[tuple[str, int, int]],
            source: Source, blanket_rule: bool = False) -> None:
    """Set a source's full name, first mention and type."""
    if source.kind == "name":
        source.name, source.first_offset = first_name_occurrence(runs, source)
    else:
        source.first_offset = min([source.first_offset, *source.counted_at])
    context_index = _within(spans, source.first_offset)
    context = text[slice(*spans[context_index])] if context_index is not None else source.name
    source.type = source_type(source, context, blanket_rule)


def _empty_table() -> pd.DataFrame:
    """Return an empty sources table with the documented columns."""
    dtypes = [str, str, int, int, int, int, str, str]
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(COLUMNS, dtypes)})


def sources(text: str) -> pd.DataFrame:
    """Return one row per source the story relies on, with type, first mention, attributions, words quoted."""
    check_text(text, "sources")
    spans = _sentence_spans(text)
    quotes = _quotes(text)
    quoted = sorted(zip(quotes["start"].astype(int), quotes["end"].astype(int)))
    found, _ = collect_sources(text, spans, quoted)
    _add_outlets(text, spans, found)
    _add_quotes(text, spans, found, quotes)
    found = [source for source in found if source.attributions or source.words_quoted]
    runs = name_runs(text, spans)
    blanket_rule = any(BLANKET_ADOPTED.search(text, start, end) for start, end in spans)
    for source in found:
        _finish(text, spans, runs, source, blanket_rule)
    _add_conditions(text, spans, found)
    if not found:
        return _empty_table()
    starts = line_starts(text)
    rows = [{
        "source": source.name,
        "type": source.type,
        "first_paragraph": paragraph_index(starts, source.first_offset),
        "first_offset": source.first_offset,
        "attributions": source.attributions,
        "words_quoted": source.words_quoted,
        "condition": "; ".join(source.conditions),
        "aliases": " | ".join(form for form in source.forms if form != source.name),
    } for source in sorted(found, key=lambda source: source.first_offset)]
    return pd.DataFrame(rows, columns=COLUMNS)
