"""Step 3a, attributions: quotes masked, sentences found, and every attribution verb read with its speaker."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newstrace.attribution.quotes.records import (
    DETERMINER_BEFORE_RE,
    HEADLINE_VERB_RE,
    INSTRUCTION_RE,
    MASK,
    MULTI_NAME_RE,
    NAME_RE,
    NEXT_SENTENCE_RE,
    PARTICLE,
    PASSIVE_RE,
    VERB_RE,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    Attribution,
    Paragraph,
)
from newstrace.attribution.quotes.phrases import APPOSITIVE_AFTER_RE, INTRODUCED_NAME_RE, role_word
from newstrace.attribution.quotes.words import (
    CUT_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    FIRST_NAMES,
    FORBIDDEN_IN_SPEAKER,
    MALE_NAMES,
    MALE_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    POST_STOP_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_OPENERS,
    SUBJECT_VERBS,
    TRAILING_WORDS,
)
from newstrace.text.segments import ABBREVIATIONS, SENTENCE_END

# ---------------------------------------------------------------- sentences and attributions


def mask_paragraph(text: str, para: Paragraph) -> str:
    """Return the paragraph with every quote (marks included) replaced by MASK characters."""
    chars = list(text[para.start:para.end])
    for piece in para.pieces:
        for i in range(piece.open_at - para.start, piece.close_end - para.start):
            chars[i] = MASK
    return "".join(chars)


def sentence_starts(text: str, para: Paragraph) -> list[int]:
    """Return the paragraph-relative offsets where its sentences start (masked text)."""
    masked = para.masked
    starts = [0]
    for match in SENTENCE_END.finditer(masked):
        word = re.search(r"([\w.]+)[.!?]$", masked[max(0, match.start() - 40):match.start() + 1])
        token = word.group(1).lower().rstrip(".") if word else ""
        opens_quote = masked[match.end():match.end() + 1] == MASK
        if match.group()[0] == "." and (token in ABBREVIATIONS or len(token) == 1 or "." in token) \
                and not (opens_quote and len(token) > 1):
            continue
        starts.append(match.end())
    for piece in para.pieces:
        inner = text[piece.inner_start:piece.inner_end].rstrip("'\u2019\" )")
        after = piece.close_end - para.start
        following = NEXT_SENTENCE_RE.match(masked, after)
        if inner[-1:] in ".!?" and following:
            starts.append(following.end() - 1)
    return sorted(set(starts))


def sentence_bounds(para: Paragraph, at: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence containing paragraph offset at."""
    i = bisect_right(para.sentence_starts, at) - 1
    start = para.sentence_starts[max(i, 0)]
    end = para.sentence_starts[i + 1] if i + 1 < len(para.sentence_starts) else len(para.masked)
    return start, end


def phrase_words(phrase: str) -> list[str]:
    """Return the whitespace-separated words of a phrase."""
    return phrase.split()


def _clean_speaker(segment: str) -> str:
    """Return the speaker words at the end of a segment, cut after conjunctions and before adverbs."""
    segment = segment.split(MASK)[-1]
    words = [w.strip("\u2014\u2013()[]") for w in phrase_words(segment)]
    words = [w for w in words if w]
    while words and (words[-1] in TRAILING_WORDS or (words[-1].endswith("ly") and words[-1].islower()
                                                             and len(words) > 1)):
        words.pop()
    cut = max((i for i, w in enumerate(words) if w.lower() in CUT_WORDS and not w.isupper()  # "A WHO spokesperson"
               and not (w == "and" and i + 1 < len(words) and words[i + 1][:1].isupper() and i > 0
                        and words[i - 1][:1].isupper())), default=-1)
    words = words[cut + 1:]
    restart = max((i for i, w in enumerate(words) if i > 0 and w.lower() in NEW_PHRASE_WORDS
                   and words[i - 1].islower() and words[i - 1] not in PREPOSITIONS), default=0)
    return " ".join(words[restart:])


NEW_PHRASE_WORDS = {"a", "an", "the", "one", "another", "some", "several", "many", "two", "three"}
"""A determiner after a noun starts a new phrase ("a finding one researcher" -> "one researcher")."""


def is_pronoun(phrase: str) -> bool:
    """Return True if the phrase is a subject pronoun that needs resolving."""
    return phrase.lower() in PRONOUNS


def _valid_speaker(phrase: str) -> bool:
    """Return True if a phrase can be a speaker: a pronoun, a name or a short noun phrase."""
    words = phrase_words(phrase)
    lower = [w for w in words if not w[:1].isupper()]  # an institution's long name is not a long phrase
    if not words or len(lower) > 6 or len(words) > 14 or any(w.lower() in FORBIDDEN_IN_SPEAKER for w in words):
        return False
    if is_pronoun(phrase):
        return True
    if phrase.lower() in ("i", "we", "you", "me", "us", "him", "her", "them"):
        return False
    first = words[0]
    if not re.match(r"[\w\u00c0-\u024f]", first):
        return False
    return first[0].isupper() or first.lower() in DETERMINERS or first.lower().endswith("s") or len(words) > 1


def _is_appositive(segment: str) -> bool:
    """Return True if a comma segment describes a speaker named before it (", a spokesman,")."""
    words = phrase_words(segment)
    if not words:
        return False
    first = words[0].lower()
    return (first in {"a", "an", "the", "who", "whose", "which", "now", "formerly", "himself", "of", "from", "in",
                      "herself", "one", "until", "once", "then", "still", "also", "both", "another"}
            or first.rstrip(",").isdigit() or segment.strip().endswith("-old")
            or (len(words) > 1 and words[1].lower() in {"of", "for", "at"})
            or first.endswith("'s") or first.endswith("\u2019s")
            or (first.isalpha() and first.islower() and first.endswith(("ing", "ed")))
            or (first.endswith("en") and first not in {"even", "often", "then", "when", "open", "seven", "ten"}))


def _strip_trailing_adverbs(pre: str) -> str:
    """Return text with adverbs and auxiliaries removed from its end ("Smith, 54, later" -> "Smith, 54,")."""
    words = pre.split(" ")
    while words and (words[-1] in TRAILING_WORDS or (words[-1].endswith("ly") and words[-1].isalpha()
                                                     and words[-1].islower())):
        words.pop()
    return " ".join(words).rstrip()


def speaker_before(pre: str) -> str | None:
    """Return the speaker written just before a verb ("Smith", "Smith, a spokesman,"), or None."""
    stripped = _strip_trailing_adverbs(pre.rstrip())
    if not stripped.endswith(","):
        candidate = _clean_speaker(re.split(r"[,;:]", stripped)[-1])
        return candidate if _valid_speaker(candidate) else None
    segments = stripped[:-1].split(",")
    affiliated = re.fullmatch(r"\s*(" + NAME_RE.pattern[2:] + r")\s+(?:of|at|from)\s+[A-Z][^" + MASK + "]*", segments[-1])
    if affiliated and len(segments) > 1 and not is_name(_clean_speaker(segments[-2])):
        return speaker_name(affiliated.group(1))  # "Another analyst, Jo Doe of Crane Hill Partners, wrote"
    last = _clean_speaker(segments[-1])
    if is_name(last) and len(segments) > 1 and not is_name(_clean_speaker(segments[-2])):
        return last
    popped = 0
    while len(segments) > 1 and popped < 2 and _is_appositive(segments[-1].split(MASK)[-1]):
        segments.pop()
        popped += 1
    if popped and segments:
        candidate = _clean_speaker(segments[-1])
        if _valid_speaker(candidate) and MASK not in segments[-1].split(MASK)[-1]:
            return candidate
    return None


def ends_sentence_word(word: str) -> bool:
    """Return True if a word ending in a period ends a sentence (not an initial or abbreviation)."""
    bare = word.rstrip(".").lower()
    return word.endswith(".") and len(bare) > 1 and "." not in bare and bare not in ABBREVIATIONS


def speaker_after(post: str) -> str | None:
    """Return the speaker written just after a verb ("said Smith, a spokesman"), or None."""
    head = re.split(r"[,;:!?()\u2014\u2013" + MASK + "]", post, maxsplit=1)[0]
    words: list[str] = []
    for word in phrase_words(head):
        bare = word.rstrip(".")
        after_document = bare.lower() in ("from", "by", "of") and words and words[-1].lower() in DOCUMENT_NOUNS
        if words and not after_document and (bare.lower() in POST_STOP_WORDS or (bare.islower() and re.search(r"(?:ed|ing)$", bare))
                      or (bare == "of" and len(words) >= 2 and is_name(" ".join(words)))):
            break
        if not words and bare.lower() in POST_STOP_WORDS - {"the"}:
            return None
        words.append(bare if ends_sentence_word(word) else word)
        if ends_sentence_word(word) or len(words) >= 8:
            break
    phrase = " ".join(words)
    affiliation = re.match(r"(.*?\b[A-Z][\w'\u2019-]+ [A-Z][\w'\u2019-]+) of (?:the )?[A-Z]", phrase)
    if affiliation:
        phrase = affiliation.group(1)
    named = re.match(r",\s*(" + NAME_RE.pattern[2:] + r")\s*(?:[.,;]|$)", post[len(head):])
    if named and phrase and not is_name(phrase):
        return named.group(1).rstrip(".")
    return phrase if _valid_speaker(phrase) and not is_pronoun(phrase) else None


def find_attributions(para: Paragraph) -> list[Attribution]:
    """Return every attribution verb in a masked paragraph with its speaker."""
    found = []
    masked = para.masked
    matches = list(VERB_RE.finditer(masked))
    if para.headline:
        matches = sorted(matches + list(HEADLINE_VERB_RE.finditer(masked)), key=lambda m: m.start())
    for match in matches:
        verb = match.group(1).lower()
        before = masked[max(0, match.start() - 40):match.start()]
        tail = before[-40:]
        if verb != "according to" and (PASSIVE_RE.search(tail) or DETERMINER_BEFORE_RE.search(tail)):
            continue
        if verb in ("told", "tells") and INSTRUCTION_RE.match(masked[match.end():match.end() + 60]):
            continue
        s_start, s_end = sentence_bounds(para, match.start())
        pre = masked[max(s_start, match.start() - WINDOW_BEFORE):match.start()]
        post = masked[match.end():min(s_end, match.end() + WINDOW_AFTER)]
        attribution = _read_attribution(verb, pre, post, match.start(), match.end(), s_start, para)
        prior = found[-1] if found and found[-1].span_start >= s_start else None
        if attribution is None and prior and re.search(r"\b(?:and|but)\s+(?:then\s+|also\s+)?$", pre):
            attribution = Attribution(verb, match.start(), match.end(), prior.speaker, match.start(), match.end(),
                                      para.index)  # "The memo says ... and warns that ...": the same subject
        if attribution:
            found.append(attribution)
    found += _subject_attributions(para, found)
    return sorted(found, key=lambda a: a.span_start)


HEARD_RE = re.compile(r"\b(?:is|was|were|are|can be|could be)\s+(?:heard|seen|filmed|recorded|quoted)\s+"
                      r"(?:as\s+)?(saying|asking|shouting|telling\s+\w+)\b")
"""'X is heard saying/asking': the speaker is before the verb phrase."""
GERUND_RE = re.compile(r",\s+(saying|adding|noting|arguing|warning|insisting|explaining|declaring|"
                       r"stressing|claiming|writing|telling\s+\w+)\b")
"""A participle after a comma that attributes to the sentence's subject ("X left, saying ...")."""


DASH_SIGNATURE_RE = re.compile(r"[.,]?\s*[\u2014\u2013-]{1,2}\s*(" + NAME_RE.pattern[2:] + r")\s*(?:[.,;]|$)")
"""A quote signed with a dash and a name: "..." \u2014 Rep. Adam Schiff."""


def _subject_attributions(para: Paragraph, found: list[Attribution]) -> list[Attribution]:
    """Return attributions to a sentence's subject: ', saying ...' and a colon before a quote."""
    extra = []
    found = sorted(found, key=lambda a: a.span_start)
    starts = [a.span_start for a in found]
    for match in HEARD_RE.finditer(para.masked):
        s_start = sentence_bounds(para, match.start())[0]
        pre = para.masked[s_start:match.start()]
        speaker = speaker_before(pre)
        if speaker:
            extra.append(Attribution(match.group(1).split()[0], match.start(1), match.end(1), speaker,
                                     s_start + _last_position(pre, speaker), match.end(1), para.index))
    for match in GERUND_RE.finditer(para.masked):
        s_start = sentence_bounds(para, match.start())[0]
        said = [a for a in found[:bisect_left(starts, match.start())][-3:] if a.span_start >= s_start]
        subject = (said[-1].speaker if said else None) or subject_at(para.masked, s_start) \
            or _pronoun_subject(para.masked, s_start)
        if subject:
            verb = match.group(1).split()[0]
            extra.append(Attribution(verb, match.start(1), match.end(1), subject, match.start(1),
                                     match.end(1), para.index))
    for piece in para.pieces:
        open_at, close_at = piece.open_at - para.start, piece.close_end - para.start
        signed = DASH_SIGNATURE_RE.match(para.masked, close_at)
        if signed:
            name = speaker_name(signed.group(1))
            extra.append(Attribution("", close_at, close_at, name, close_at, signed.end(1), para.index))
        s_start = sentence_bounds(para, open_at)[0]
        before = para.masked[max(s_start, open_at - WINDOW_BEFORE):open_at]
        if before.rstrip().endswith(":") and bisect_left(starts, open_at) == bisect_left(starts, s_start):
            named = re.fullmatch(r"\s*(" + NAME_RE.pattern[2:] + r"):\s*", before)
            subject = (speaker_name(named.group(1)) if named else None) or subject_at(para.masked, s_start) \
                or _pronoun_subject(para.masked, s_start)
            if subject:
                colon = s_start + before.rstrip().rfind(":")
                extra.append(Attribution("", colon, colon, subject, colon, colon, para.index))
    return extra


def _pronoun_subject(masked: str, start: int) -> str | None:
    """Return the pronoun that opens a sentence (He, She, They, It), lower-cased, or None."""
    first = masked[start:start + 6].split()[:1]
    return first[0].lower() if first and is_pronoun(first[0]) else None


def _last_position(text: str, phrase: str) -> int:
    """Return where the phrase last occurs in text, whatever whitespace separates its words (else len(text))."""
    at = text.rfind(phrase)
    if at >= 0:
        return at
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    matches = list(re.finditer(pattern, text))
    return matches[-1].start() if matches else len(text)


def _read_attribution(verb: str, pre: str, post: str, v_start: int, v_end: int, s_start: int, para: Paragraph) -> Attribution | None:
    """Return the attribution around one verb, reading the speaker before or after it."""
    if verb == "as saying":
        quoted = re.search(r"\b(?:quoted|cited)\s+(.{1,80}?)\s*$", pre)
        speaker = _clean_speaker(quoted.group(1)) if quoted else speaker_before(re.sub(r"\s+(?:was|were|is)\s+quoted\s*$", "", pre))
        if speaker and _valid_speaker(speaker):
            return Attribution("quoted as saying", v_start, v_end, speaker, v_start - len(pre), v_end, para.index)
        return None
    if verb != "according to":
        speaker = speaker_before(pre)
        if not speaker and re.search(r"\b(?:and|but)\s+(?:then\s+|also\s+)?$", pre):
            speaker = subject_at(para.masked, s_start)
            pre = para.masked[s_start:v_start]
        if speaker:
            return Attribution(verb, v_start, v_end, speaker, v_start - len(pre) + _last_position(pre, speaker),
                               v_end, para.index)
        if pre.strip() and not pre.rstrip().endswith((",", ":", MASK)):
            return None
    speaker = speaker_after(post)
    if speaker:
        found = post.find(speaker)
        if found >= 0:
            end = found + len(speaker)
        else:
            match = re.search(r"\s+".join(re.escape(word) for word in speaker.split()), post)
            end = match.end() if match else 0
        return Attribution(verb, v_start, v_end, speaker, v_start, v_end + end, para.index)
    return None


def find_persons(para: Paragraph) -> list[tuple[int, str, str | None]]:
    """Return (offset, name, gender) for capitalised names that look like people in a masked paragraph."""
    persons = []
    for match in MULTI_NAME_RE.finditer(para.masked):
        name = strip_titles(match.group())
        words = name.split()
        while words and words[0] in SENTENCE_OPENERS:
            words.pop(0)
        if any(w.rstrip(".,'\u2019s") in ORG_WORDS or w in ORG_WORDS for w in words):
            continue
        titled = match.group() != name
        before = para.masked[max(0, match.start() - 30):match.start()].lower()
        if INTRODUCED_NAME_RE.search(before):
            continue  # "the charity Open Hands": an organisation or a thing, not a person
        described = APPOSITIVE_AFTER_RE.match(para.masked, match.end()) is not None
        first_name = bool(words) and words[0].lower() in FIRST_NAMES
        if re.search(r"\b(?:in|at|from|to|near|of)\s+$", before) and not (titled or described or first_name):
            continue
        if len(words) >= 2 or (titled and words):
            name = " ".join(words).removesuffix("'s").removesuffix("\u2019s")
            persons.append((match.start(), name, gender_of(match.group()) or gender_of(role_word(before))))
    for match in re.finditer(r"(?<![\w.])([A-Z][\w'\u2019-]+)(?=,\s+(?:\d{1,3},|a|an|the)\s)", para.masked):
        full = para.surnames.get(match.group(1))
        if full:  # "Hill, 38, a former teacher, thanked ...": Marcus Hill again
            persons.append((match.start(), full, gender_of(full)))
    persons.sort()
    return persons


def subject_words(masked: str, start: int, ages: bool = True) -> str | None:
    """Return the words before the first verb of the sentence starting at `start` ("Her father Hugh"), or None.

    ages=False leaves out an age between commas ("Marsh, 19, had come on" -> "Marsh")."""
    opening = LEADING_PHRASE_RE.match(masked, start)
    if opening:
        start = opening.end()
    words = masked[start:start + 80].split()[:6]
    for i, word in enumerate(words):
        bare = word.strip(",.;:")
        if i and bare.islower() and (bare in SUBJECT_VERBS or (bare.endswith("ed") and len(bare) > 4)):
            kept = [w.strip(",") for w in words[:i] if ages or not re.fullmatch(r"\d{1,3},?", w)]
            phrase = " ".join(kept)
            if kept and MASK not in phrase and words[0] not in SUBJECT_OPENERS and i <= 4:
                return phrase
            return None
    return None


def full_name_surnames(paragraphs: list[Paragraph]) -> dict[str, str]:
    """Return the people named in full anywhere in the text (titles set aside) by their last word, first named first."""
    names = [strip_titles(match.group()).split() for para in paragraphs for match in MULTI_NAME_RE.finditer(para.masked)]
    found: dict[str, str] = {}
    for words in names:
        if len(words) >= 2 and words[0] not in SENTENCE_OPENERS and not any(w in ORG_WORDS for w in words):
            found.setdefault(words[-1], " ".join(words))
    return found


def subject_at(masked: str, start: int) -> str | None:
    """Return the subject of the sentence starting at `start`: its first words before a verb, or None."""
    phrase = subject_words(masked, start)
    return speaker_name(phrase) if phrase else None


SUBJECT_OPENERS = SENTENCE_OPENERS - {"The", "A", "An", "His", "Her", "Its", "Their", "He", "She", "They", "It"}


LEADING_PHRASE_RE = re.compile(r"\s*(?:In|On|At|After|Before|During|Speaking|Asked|Earlier|Later|Last|"
                               r"This|On|From|Since|Under|Writing|Meanwhile|However)\b[^,.;:" + MASK + r"]{0,60},\s*")
"""An opening phrase before the subject ("In a post on X, ...", "Speaking to reporters, ...")."""


def find_subjects(para: Paragraph) -> list[tuple[int, str, str | None]]:
    """Return (offset, phrase, gender) for each sentence's subject: its first words before a verb."""
    subjects = [(start, subject_words(para.masked, start, ages=False)) for start in para.sentence_starts]
    return [(start, speaker_name(words), gender_of(speaker_name(words)) or gender_of(words))
            for start, words in subjects if words and not is_pronoun(speaker_name(words))]


def strip_titles(name: str) -> str:
    """Return a name without the titles before it ("FBI Director James Comey" -> "James Comey")."""
    words = name.split()
    last_title = max((i for i, w in enumerate(words)
                      if w in PERSON_TITLES or (("-" in w) and w.split("-")[0] in PERSON_TITLES)), default=-1)
    rest = words[last_title + 1:]
    if not rest or not rest[0][0].isupper() or any(w.rstrip(".,") in ORG_WORDS for w in rest):
        return name
    return " ".join(rest)


def speaker_name(phrase: str) -> str:
    """Return the name ending a speaker phrase without titles or descriptors, else the phrase as written."""
    words = phrase.split()
    run = len(words)
    while run > 0 and (words[run - 1][0].isupper() or re.fullmatch(PARTICLE, words[run - 1])):
        run -= 1
    if run == len(words):
        return phrase
    name = strip_titles(" ".join(words[run:]))
    if name != " ".join(words[run:]):
        return name
    before = words[run - 1] if run else ""
    if run and before.islower() and before not in DETERMINERS and before not in {"of", "for", "at", "and"}:
        return name
    return phrase


def is_name(phrase: str) -> bool:
    """Return True if every word of a phrase is capitalised or a name particle."""
    words = phrase_words(phrase)
    return bool(words) and words[0] not in SENTENCE_OPENERS and all(
        w[0].isupper() or re.fullmatch(PARTICLE, w) for w in words)




def persons_of(para: Paragraph) -> list[tuple[int, str, str | None]]:
    """Return (offset, name, gender) of people and sentence subjects in the paragraph (found on first use)."""
    if para.persons_found is None:
        para.persons_found = sorted(find_persons(para) + find_subjects(para), key=lambda item: item[0])
    return para.persons_found


def gender_of(phrase: str) -> str | None:
    """Return 'f', 'm' or None from titles, role words and common first names in a phrase."""
    words = [w.lower().rstrip(".,") for w in phrase_words(phrase)]
    if len(words) > 1 and words[0] in ("her", "his", "their", "my", "our"):
        words = words[1:]  # "Her father": the possessive says nothing of the father
    if any(w in FEMALE_WORDS for w in words) or (words and words[0] in FEMALE_NAMES):
        return "f"
    if any(w in MALE_WORDS for w in words) or (words and words[0] in MALE_NAMES):
        return "m"
    return None
