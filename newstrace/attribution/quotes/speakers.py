"""Step 3b, speakers: each quote takes its nearest attribution (or a fallback), pronouns resolved to earlier speakers."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.attribution.quotes.attributions import (
    LEADING_PHRASE_RE,
    gender_of,
    is_name,
    persons_of,
    phrase_words,
    sentence_bounds,
    speaker_name,
    strip_titles,
)
from newstrace.attribution.quotes.phrases import can_speak, document_source, head_noun
from newstrace.attribution.quotes.records import MASK, MULTI_NAME_RE, SPACE_RE, Attribution, Paragraph, Piece
from newstrace.attribution.quotes.words import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
)

# ---------------------------------------------------------------- speakers for quotes


def _attributions_around(para: Paragraph, at: int, before: int, after: int) -> list[Attribution]:
    """Return the few attributions starting just before and just after paragraph offset at."""
    i = bisect_left(para.attribution_starts, at)
    return para.attributions[max(0, i - before):i + after]


def _nearest(para: Paragraph, piece: Piece) -> Attribution | None:
    """Return the attribution for a piece from its own sentence: next to it first, then nearest."""
    open_at = piece.open_at - para.start
    close_at = piece.close_end - para.start
    s_start, s_end = sentence_bounds(para, open_at)
    s_end = max(s_end, sentence_bounds(para, close_at)[1])
    masked = para.masked
    same = []
    for a in reversed(_attributions_around(para, open_at, 4, 0)):
        if a.span_end <= open_at and a.span_start >= s_start:
            gap = masked[a.span_end:open_at] if open_at - a.span_end <= 80 else "."
            if re.fullmatch(r"[\s,:]*(?:that\s*)?", gap) or re.fullmatch(r"[^.!?" + MASK + r"]{0,60}:\s*", gap):
                return a
            same.append((open_at - a.span_end, a))
    for a in _attributions_around(para, close_at, 0, 3):
        if a.span_start >= close_at:
            gap = masked[close_at:a.span_start] if a.span_start - close_at <= 80 else "."
            if re.fullmatch(r"[\s,;:\u2014\u2013-]*", gap):
                return _speaker_over_record(a, same) or a
            if a.span_start < s_end:
                same.append((a.span_start - close_at, a))
    return min(same, key=lambda pair: pair[0])[1] if same else None


def _speaker_over_record(found: Attribution, earlier: list[tuple[int, Attribution]]) -> Attribution | None:
    """Return the sentence's speaker when the attribution next to a quote only names the record it is taken from
    ("X told parliament the government would not act "at this stage", according to a transcript")."""
    if found.verb != "according to" or head_noun(found.speaker) not in DOCUMENT_NOUNS | {"record", "records", "minutes"}:
        return None
    people = [a for _, a in earlier if a.verb != "according to"]
    return people[-1] if people else None


def attribute(paragraphs: list[Paragraph], genders: dict[str, str] | None = None
              ) -> tuple[dict[int, Attribution | None], set[int]]:
    """Return the attribution chosen for each quote group, and the groups attributed in their own sentence
    (genders: what resolve_speakers learned of each speaker)."""
    genders = genders or {}
    chosen: dict[int, Attribution | None] = {}
    in_sentence: set[int] = set()
    for para in paragraphs:
        for piece in para.pieces:
            found = _nearest(para, piece)
            if found and chosen.get(piece.group) is None:
                chosen[piece.group] = found
                in_sentence.add(piece.group)
            chosen.setdefault(piece.group, None)
    for k, para in enumerate(paragraphs):
        last: Attribution | None = None
        for i, piece in enumerate(para.pieces):
            if chosen[piece.group] is None:
                chosen[piece.group] = _fallback(paragraphs, k, i, chosen, last, genders)
            last = chosen[piece.group] or last
    return chosen, in_sentence


def _fallback(paragraphs: list[Paragraph], k: int, i: int, chosen: dict,
              last_quoted: Attribution | None, genders: dict[str, str]) -> Attribution | None:
    """Return an attribution for a quote with none in its sentence, from its paragraph or the last one."""
    para = paragraphs[k]
    piece = para.pieces[i]
    open_at = piece.open_at - para.start
    earlier = [a for a in reversed(_attributions_around(para, open_at, 4, 0)) if a.span_end <= open_at][:1]
    candidates = earlier + ([last_quoted] if last_quoted else [])
    if candidates:
        return max(candidates, key=lambda a: a.verb_start if a.paragraph == para.index else -1)
    later_quotes = [chosen.get(p.group) for p in para.pieces[i + 1:i + 2] if chosen.get(p.group)]
    if later_quotes and open_at <= para.masked_lead:
        return later_quotes[0]
    introduced = k > 0 and paragraphs[k - 1].colon_end and paragraphs[k - 1].attributions
    if open_at <= para.lead and introduced:
        return paragraphs[k - 1].attributions[-1]
    if open_at <= para.lead and k > 0 and paragraphs[k - 1].pieces:
        previous = paragraphs[k - 1]
        quoted = [chosen.get(p.group) for p in previous.pieces if chosen.get(p.group)]
        last_piece_end = previous.pieces[-1].close_end - previous.start
        sentence_end = sentence_bounds(previous, last_piece_end)[1]  # "..., said X, who works with Y." keeps X
        newcomers = [name for at, name, _ in persons_of(previous) if at >= sentence_end
                     and quoted and name != quoted[-1].resolved]
        if quoted and not newcomers:
            return quoted[-1]
    return _person_before(paragraphs, k, open_at, genders)


def _last_sentence_pronoun(paragraphs: list[Paragraph], k: int, genders: dict[str, str]) -> str | None:
    """Return who a paragraph's last sentence is about when it opens with he or she ("She remembers ..."), else None."""
    para = paragraphs[k]
    start = para.sentence_starts[-1]
    words = para.masked[start:start + 8].split()[:1]
    pronoun = words[0].lower() if words else ""
    if pronoun not in ("he", "she"):
        return None
    probe = Attribution("", start, start, pronoun, start, start, para.index)
    return _antecedent(pronoun, probe, paragraphs, k, genders)


def _person_before(paragraphs: list[Paragraph], k: int, open_at: int, genders: dict[str, str]) -> Attribution | None:
    """Return the person last mentioned before a sentence-opening quote (this paragraph, else who the last
    paragraph's closing "She ..." sentence is about, else the last person it names)."""
    para = paragraphs[k]
    s_start = sentence_bounds(para, open_at)[0]
    if SPACE_RE.match(para.masked, s_start).end() < open_at:
        return None
    people = [(at, name) for at, name, _ in persons_of(para)[:bisect_left(persons_of(para), (open_at,))][-50:]
              if _kind_of_speaker(name) == "person"]
    if not people and open_at <= para.lead and k > 0:
        topic = _last_sentence_pronoun(paragraphs, k - 1, genders)
        if topic:
            return Attribution("", open_at, open_at, topic, open_at, open_at, para.index, resolved=topic)
        people = [(-1, name) for _, name, _ in persons_of(paragraphs[k - 1]) if _kind_of_speaker(name) == "person"]
    if not people:
        return None
    name = people[-1][1]
    return Attribution("", open_at, open_at, name, open_at, open_at, para.index, resolved=name)



PLURAL_PERSON_RE = re.compile(r"(?!\w*ments$)[a-z]+(?:ents|ers|ors|ists|ians|ees|men|ants|ives)")
"""A plural person noun by its form ("jurors", "backbenchers", "villagers"), not a list."""


def _kind_of_speaker(phrase: str) -> str:
    """Return person, group or thing for a resolved speaker phrase."""
    words = phrase_words(phrase)
    head = (head_noun(phrase) if not is_name(phrase) else words[-1].lower().rstrip(".,")) if words else ""
    if head.endswith("s") and (PERSON_NOUNS.match(head[:-1]) or PLURAL_PERSON_RE.fullmatch(head)) or head in (
            "police", "people", "authorities"):
        return "group"
    if is_name(phrase) and not any(w in ORG_WORDS for w in words):
        return "person"
    return "person" if PERSON_NOUNS.match(head) else "thing"


def _fits(pronoun: str, phrase: str, genders: dict[str, str]) -> bool:
    """Return True if a pronoun can refer to a speaker or person phrase (genders: what the text showed)."""
    kind = _kind_of_speaker(phrase)
    gender = gender_of(phrase) or genders.get(phrase) or genders.get(phrase_words(phrase)[-1])
    if pronoun == "he":
        return kind == "person" and gender != "f"
    if pronoun == "she":
        return kind == "person" and gender != "m"
    words = phrase_words(phrase)
    organisation = (any(w.rstrip(".,") in ORG_WORDS for w in words) or head_noun(phrase) in ORG_NOUNS
                    or (len(words) == 1 and is_name(phrase)))
    if pronoun == "they":
        return kind == "group" or organisation
    return kind == "thing" or (organisation and gender is None)


def resolve_speakers(paragraphs: list[Paragraph]) -> dict[str, str]:
    """Set each attribution's resolved speaker: pronouns and 'the official' become earlier speakers; return the
    genders learned (speaker -> 'f' or 'm')."""
    history: list[Attribution] = []
    genders: dict[str, str] = {}
    for k, para in enumerate(paragraphs):
        for attribution in para.attributions:
            attribution.resolved = _resolve(attribution, paragraphs, k, history, genders)
            _learn_gender(genders, attribution)
            history.append(attribution)
    return genders


def _learn_gender(genders: dict[str, str], attribution: Attribution) -> None:
    """Remember a speaker's gender from a title (Mr, Mrs) or the pronoun that referred to them."""
    name = attribution.resolved
    gender = {"he": "m", "she": "f"}.get(attribution.speaker.lower()) or gender_of(attribution.speaker)
    if name and gender:
        genders.setdefault(name, gender)
        genders.setdefault(phrase_words(name)[-1], gender)


def _resolve(attribution: Attribution, paragraphs: list[Paragraph], k: int, history: list[Attribution],
             genders: dict[str, str]) -> str | None:
    """Return the speaker an attribution refers to, or None if a pronoun cannot be resolved."""
    speaker = attribution.speaker
    pronoun = speaker.lower()
    if pronoun in PRONOUNS:
        antecedent = _antecedent(pronoun, attribution, paragraphs, k, genders)
        return antecedent if antecedent is None or can_speak(antecedent) else None
    if PARTITIVE_RE.fullmatch(speaker):  # "one of them said": one of the group last quoted
        return _antecedent("they", attribution, paragraphs, k, genders)
    speaker = document_source(speaker) or speaker
    words = phrase_words(speaker)
    if words[0].lower() == "the" and not is_name(" ".join(words[1:])):
        head = words[-1].lower()
        for earlier in reversed(history[-12:]):
            if earlier.resolved and earlier.resolved != speaker and k - earlier.paragraph <= 3 \
                    and phrase_words(earlier.resolved)[-1].lower() == head:
                return earlier.resolved
        found = _titled_person(paragraphs, k, attribution.span_start, head) if len(words) == 2 else None
        found = found or (_statement_maker(paragraphs, history, k, head) if head in DOCUMENT_NOUNS else None)
        if found:
            return found
    name = speaker_name(speaker)
    return name if can_speak(name) else None


PARTITIVE_RE = re.compile(r"(?:one|two|three|some|several|both|each|another|many|most|all|none|either|neither)"
                          r" of (?:them|those|these)", re.IGNORECASE)
"""A speaker who is part of a group named before: "one of them said"."""


def _titled_person(paragraphs: list[Paragraph], k: int, before: int, head: str) -> str | None:
    """Return the person last named with a title that is the head noun ("the judge" after "Judge Harold Yee")."""
    for back in range(k, max(-1, k - 4), -1):
        masked = paragraphs[back].masked[:before] if back == k else paragraphs[back].masked
        for match in reversed(list(MULTI_NAME_RE.finditer(masked))):
            titles = [w.rstrip(".").lower() for w in match.group().split()[:-1]]
            name = strip_titles(match.group())
            if head in titles and name != match.group():
                return name
    return None


def _statement_maker(paragraphs: list[Paragraph], history: list[Attribution], k: int, head: str) -> str | None:
    """Return who was said to speak "in a statement" when a later sentence quotes "the statement"."""
    for earlier in reversed(history[-12:]):
        after = paragraphs[earlier.paragraph].masked[earlier.verb_end:earlier.verb_end + 40]
        if earlier.resolved and k - earlier.paragraph <= 3 and re.match(
                rf"\s+(?:\w+\s+)?(?:in|through)\s+an?\s+(?:\w+\s+)?{head}\b", after):
            return earlier.resolved
    return None


def pronoun_sentence(para: Paragraph, pronoun: str) -> int:
    """Return where the paragraph's first sentence about a pronoun starts ("At the top, she points ..."), else its end."""
    for start in para.sentence_starts:
        opening = LEADING_PHRASE_RE.match(para.masked, start)
        at = opening.end() if opening else SPACE_RE.match(para.masked, start).end()
        if re.match(rf"{pronoun}\b", para.masked[at:at + 8], re.IGNORECASE):
            return start
    return len(para.masked) + 1


def _antecedent(pronoun: str, attribution: Attribution, paragraphs: list[Paragraph], k: int,
                genders: dict[str, str]) -> str | None:
    """Return the most recent fitting speaker, else named person, going back paragraph by paragraph."""
    for back in range(k, max(-1, k - 10), -1):
        para = paragraphs[back]
        limit = attribution.span_start if back == k else len(para.masked) + 1
        recent = para.attributions[:bisect_left(para.attribution_starts, limit)][-50:]
        speakers = [a.resolved for a in recent if a.span_end <= limit and a.resolved and a is not attribution]
        for name in reversed(speakers):
            if _fits(pronoun, name, genders):
                return name
        known = genders | {name: gender for _, name, gender in persons_of(para) if gender}  # "his wife, X" named once
        if back < k:  # people named after an earlier "She ..." sentence are not who the pronoun goes on about
            limit = min(limit, pronoun_sentence(para, pronoun))
        for _at, name, gender in reversed(persons_of(para)[:bisect_left(persons_of(para), (limit,))][-50:]):
            if _fits(pronoun, name, {name: gender} if gender else known):
                return name
    return None
