"""Check a copy's quotes and claims against the original: verbatim or not, who said it, what drifted.

`attribution_diff(original, copy)` reads the copy's story (page clutter left out) and returns one
row per quotation and one per sentence that makes a claim of its own:

- quotes: `verbatim` is True when the quote's words (typography folded by newstrace.text.tokenizer) appear in
  the original in the same order; the speaker and verb are given for both versions, and a verb that
  credits an outlet shows the whole phrase ("said" becoming "told The X Post");
- sentences: the closest original sentence, shortlisted by rapidfuzz's token_set_ratio on content
  words (0-100; word order and repeats ignored) and chosen by the share of the copy's content words
  it holds (spelling variants such as "al-Qaeda"/"al-Qaida" count as the same word); then the
  copy's content words missing from it: `new_words` (not in that sentence) and
  `unsupported_words` (nowhere in the original), such as a number, name or role the original
  does not state.

`status` of a row (FLAGGED statuses are the ones `check-copy` lists by default):

| status | rule |
|---|---|
| verbatim quote | the quote's words appear in the original in order |
| changed quote | not verbatim, but an original quote shares most of its words (similarity >= 80) |
| speaker changed | the quote is in the original (verbatim or close) but given to someone else |
| attribution changed | a quote or claim whose attribution changed: its verb (said -> claimed), a credit dropped ("reviewed by X", "according to X", "told Radio X"), or a claim given to another person |
| quote not in original | no original quote is close |
| same | similarity >= 90 and no new content words |
| paraphrase | a close original sentence (similarity >= 50 and at least a third of the copy's content words in it), reworded, no new content words |
| reworded | a close original sentence, and the copy adds content words, but none of the changes below: a reader may still judge the new words |
| drift | a close original sentence whose meaning the copy changed: a number, a hedge, a condition or the breadth of a source |
| attribution drift | the copy puts in a speaker's mouth (a sentence that continues an attributed sentence of its paragraph, "He also said ...") what the closest original sentence says in the reporter's own voice, with no attribution |
| no close original | no original sentence is close: a claim of the copy's own |

`kind` names each change found, joined by "; " (the rules and their vocabulary are in
newstrace.attribution.drift): number changed, number added, hedge strengthened, hedge dropped,
condition dropped, source broadened (drift); attribution verb changed, attribution dropped, outlet
credit dropped, claim moved to another speaker, quote moved to another speaker (attribution). A
row with drift and attribution kinds has the status drift. An attribution the copy adds ("the X
reported", "according to X") and a verb that only reports speech in other words (said -> told,
recalled, added) change nothing and are not flagged.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz, process

from newstrace.attribution.drift import (
    DRIFT_KINDS,
    attribution_dropped,
    figures,
    is_name,
    outlet_credit_dropped,
    sentence_attribution,
    sentence_drift,
    verb_change,
)
from newstrace.attribution.outlet_credits import credits
from newstrace.attribution.quotes import extract_quotes
from newstrace.pages.story import story_spans
from newstrace.sourcing.coreference import collect_sources
from newstrace.sourcing.mentions import Mention, find_mentions, quoted_spans
from newstrace.sourcing.names import name_key, same_person
from newstrace.sourcing.vocabulary import SAY_VERBS
from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts, paragraph_index, sentences
from newstrace.text.tokenizer import words
from newstrace.text.vocabulary import CLAIM_STOP_WORDS, claim_words

COLUMNS = [
    "row", "copy_paragraph", "copy_text", "verbatim", "copy_speaker", "copy_verb",
    "original_speaker", "original_verb", "closest_original", "original_paragraph", "similarity",
    "new_words", "unsupported_words", "status", "kind",
]
STATUSES = ("verbatim quote", "changed quote", "speaker changed", "attribution changed", "quote not in original",
            "same", "paraphrase", "reworded", "drift", "attribution drift", "no close original")
FLAGGED = ("drift", "attribution changed", "speaker changed", "attribution drift")
"""Statuses that tell a reader the meaning or the attribution changed: shown by default."""
REPORTED_VOICE = ("same", "paraphrase", "reworded")
"""Statuses of a copy sentence that has a close original, so the original's voice can be compared."""
VOICED = "_original_voiced"
"""Working column: the closest original sentence, or an earlier one in its paragraph, is attributed."""
CLOSE_SENTENCE = 50
CLOSE_OVERLAP = 1 / 3
CANDIDATES = 5
SAME_SENTENCE = 90
CLOSE_QUOTE = 80
IGNORED_WORDS = CLAIM_STOP_WORDS | frozenset(SAY_VERBS.split("|"))
"""Function words and attribution verbs (said, recalled, shared, ...): not content of a claim."""




def content_words(text: str) -> list[str]:
    """Return the stems of the words of text that carry content (no function words, no reporting verbs)."""
    return claim_words(text, IGNORED_WORDS)


@lru_cache(maxsize=4096)
def _sentence_vocabulary(sentence: str) -> tuple[frozenset[str], str]:
    """Return a sentence's content words and its words run together (for 'month-long' ~ 'monthlong')."""
    return frozenset(content_words(sentence)), "".join(words(sentence))


def is_variant(word: str, sentence: str) -> bool:
    """Return True if a content word is in the sentence, or only spelt differently (qaeda ~ qaida)."""
    candidates, joined = _sentence_vocabulary(sentence)
    if word in candidates or word in joined:
        return True
    return len(word) >= 5 and any(fuzz.ratio(word, other) >= 80 for other in candidates if len(other) >= 5)


def overlap_share(claim_words: list[str], sentence: str) -> float:
    """Return the share of a claim's content words found (or spelt differently) in a sentence."""
    if not claim_words:
        return 0.0
    return sum(is_variant(word, sentence) for word in claim_words) / len(claim_words)


def closest_sentence(claim_words: list[str], context: dict) -> tuple[int | None, float, float]:
    """Return (index, rapidfuzz similarity, content-word overlap) of the closest original sentence.

    rapidfuzz's token_set_ratio on content words shortlists CANDIDATES sentences; the one sharing
    the largest share of the claim's content words wins (ties: the higher similarity).
    """
    if not claim_words or not context["original_sentence_words"]:
        return None, 0.0, 0.0
    shortlist = process.extract(" ".join(claim_words), context["original_sentence_words"],
                                scorer=fuzz.token_set_ratio, limit=CANDIDATES)
    scored = [(overlap_share(claim_words, context["original_sentences"][index]), score, index)
              for _, score, index in shortlist]
    overlap, similarity, index = max(scored, key=lambda item: (item[0], item[1], -item[2]))
    return index, float(similarity), overlap


def _story_sentences(text: str) -> list[tuple[int, int]]:
    """Return the story's sentences (clutter left out) as input offsets."""
    return [span for start, end in story_spans(text) for span in sentences(text, start, end)]


def _speech_quotes(text: str, spans: list[tuple[int, int]]) -> pd.DataFrame:
    """Return extract_quotes rows that are speech and lie inside the story."""
    quotes = extract_quotes(text)
    inside = quotes["start"].map(lambda start: any(a <= start < b for a, b in spans))
    return quotes[inside & quotes["kind"].isin(["direct", "partial"])]


def _joined(text: str) -> str:
    """Return text as space-joined matching words, padded so substring tests respect word ends."""
    return " " + " ".join(words(text)) + " "


def _verb_with_credit(text: str, table: pd.DataFrame, verb: object, start: int, end: int) -> object:
    """Return the verb, widened to the outlet credit that follows it in the same sentence."""
    if not isinstance(verb, str):
        return verb
    for row in table.itertuples():
        if start <= row.start < end and row.kind == "told" and row.phrase.lower().startswith(verb.lower()):
            return row.phrase
    return verb


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """Return the sentence span holding offset (or an empty span at offset)."""
    return next(((a, b) for a, b in spans if a <= offset < b), (offset, offset))


def _closest_quote(quote: str, originals: pd.DataFrame) -> tuple[pd.Series | None, float]:
    """Return the original quote closest to a copy quote, with its similarity."""
    if originals.empty:
        return None, 0.0
    found = process.extractOne(" ".join(words(quote)), [" ".join(words(q)) for q in originals["quote"]],
                               scorer=fuzz.token_set_ratio)
    if found is None:
        return None, 0.0
    return originals.iloc[found[2]], float(found[1])


def speakers_agree(copy_speaker: object, original_speaker: object) -> bool:
    """Return False only when both versions name a speaker and they are different people."""
    if not isinstance(copy_speaker, str) or not isinstance(original_speaker, str):
        return True
    a, b = name_key(copy_speaker), name_key(original_speaker)
    return a == b or same_person(copy_speaker, original_speaker) or same_person(
        original_speaker, copy_speaker) or a.split()[-1:] == b.split()[-1:]


def _quote_row(original: str, copy: str, row, context: dict) -> dict:
    """Return the diff row for one copy quote."""
    verbatim = len(words(row.quote)) > 0 and _joined(row.quote) in context["original_joined"]
    match, similarity = _closest_quote(row.quote, context["original_quotes"])
    close = match is not None and (verbatim or similarity >= CLOSE_QUOTE)
    start, end = _sentence_of(context["copy_spans"], row.start)
    copy_verb = _verb_with_credit(copy, context["copy_credits"], row.verb, start, end)
    status = "verbatim quote" if verbatim else "changed quote" if close else "quote not in original"
    kinds: list[str] = []
    original_verb = None
    if close:
        o_start, o_end = _sentence_of(context["original_spans"], int(match.start))
        original_verb = _verb_with_credit(original, context["original_credits"], match.verb, o_start, o_end)
        if not speakers_agree(row.speaker, match.speaker):
            kinds, status = ["quote moved to another speaker"], "speaker changed"
        else:
            kinds = [kind for kind in (verb_change(match.verb, row.verb),
                                       outlet_credit_dropped(original_verb, copy_verb)) if kind]
            status = "attribution changed" if kinds else status
    return {
        "row": "quote",
        "copy_paragraph": int(row.paragraph),
        "copy_text": row.quote,
        "verbatim": bool(verbatim),
        "copy_speaker": row.speaker,
        "copy_verb": copy_verb,
        "original_speaker": match.speaker if close else None,
        "original_verb": original_verb,
        "closest_original": match.quote if close else None,
        "original_paragraph": int(match.paragraph) if close else None,
        "similarity": round(similarity if close else 0.0, 1),
        "new_words": "",
        "unsupported_words": "",
        "status": status,
        "kind": "; ".join(kinds),
    }


def _outside_quotes(text: str, start: int, end: int, quotes: pd.DataFrame) -> str:
    """Return the sentence text with its quotations blanked out."""
    chars = list(text[start:end])
    for row in quotes.itertuples():
        for position in range(max(row.start, start), min(row.end, end)):
            chars[position - start] = " "
    return "".join(chars)


def _speaker_and_verb(mentions: dict[int, tuple[Mention, str]], start: int, end: int) -> tuple:
    """Return the (speaker, verb) of the first attribution in a sentence, or (None, None)."""
    for offset in sorted(mentions):
        if start <= offset < end:
            return mentions[offset]
    return None, None


def _attributions(text: str, spans: list[tuple[int, int]]) -> dict[int, tuple[str, str]]:
    """Return {offset: (source name, verb)} for every attribution in the story."""
    quoted = quoted_spans(text)
    _, by_offset = collect_sources(text, spans, quoted)
    result = {}
    for mention in find_mentions(text, spans, quoted):
        source = by_offset.get(mention.start)
        result[mention.start] = (source.name if source else mention.name, mention.verb)
    return result


def _attributed_before(attributions: dict, starts: list[int], start: int) -> bool:
    """Return True if an earlier sentence of the paragraph holding start has an attribution."""
    paragraph_start = starts[paragraph_index(starts, start)]
    return any(paragraph_start <= offset < start for offset in attributions)


def _speaker_dropped(o_speaker: object, speaker: object, copy_sentence: str, carried: bool) -> str | None:
    """Return 'attribution dropped' when the original sentence has a speaker the copy sentence lacks."""
    if not isinstance(o_speaker, str) or isinstance(speaker, str) or carried:
        return None
    named = set(words(o_speaker)) - CLAIM_STOP_WORDS
    return None if named & set(words(copy_sentence)) else "attribution dropped"


def attribution_changes(original_sentence: str, copy_sentence: str, original: tuple, copy: tuple,
                        has_quote: bool, carried: bool) -> list[str]:
    """Return the attribution kinds of a copy sentence against its closest original sentence.

    original and copy are each (speaker, verb widened to its outlet credit, bare verb). A sentence
    holding a quote leaves its verb to the quote's row; carried: an earlier sentence of the copy's
    paragraph is attributed, so the speaker carries over.
    """
    (o_speaker, o_credit, o_verb), (speaker, credit, verb) = original, copy
    kinds = [attribution_dropped(original_sentence, copy_sentence),
             _speaker_dropped(o_speaker, speaker, copy_sentence, carried)]
    if has_quote:
        return list(dict.fromkeys(kind for kind in kinds if kind))  # the quote's row has its speaker and verb
    if is_name(o_speaker) and is_name(speaker) and not speakers_agree(speaker, o_speaker):
        kinds.append("claim moved to another speaker")
    elif verb and _same_source(original_sentence, copy_sentence, o_speaker, speaker):
        kinds += [verb_change(o_verb, verb, original_sentence, copy_sentence),
                  outlet_credit_dropped(o_credit, credit)]
    return list(dict.fromkeys(kind for kind in kinds if kind))


def _verb_of(sentence: str, has_quote: bool) -> str | None:
    """Return the verb of an attribution that opens or ends a sentence without a quote, else None."""
    found = None if has_quote else sentence_attribution(sentence)
    return found[1] if found else None


def _same_source(original_sentence: str, copy_sentence: str, o_speaker: object, speaker: object) -> bool:
    """Return True if both sentences credit the same source, so that their verbs can be compared."""
    o_speaker = o_speaker if isinstance(o_speaker, str) else (sentence_attribution(original_sentence) or (None,))[0]
    speaker = speaker if isinstance(speaker, str) else (sentence_attribution(copy_sentence) or (None,))[0]
    return isinstance(o_speaker, str) and isinstance(speaker, str) and speakers_agree(speaker, o_speaker)


def _status(close: bool, similarity: float, new: list[str], kinds: list[str]) -> str:
    """Return a claim row's status from its closeness, new words and kinds of change."""
    if not close:
        return "no close original"
    if any(kind in DRIFT_KINDS for kind in kinds):
        return "drift"
    if kinds:
        return "attribution changed"
    return "reworded" if new else "same" if similarity >= SAME_SENTENCE else "paraphrase"


def _same_figure(word: str, known: set[float] | frozenset[float]) -> bool:
    """Return True for a figure written another way in known ("18" when the original says "eighteen")."""
    found = figures(word)
    return bool(found) and found <= known


def _sentence_row(copy: str, start: int, end: int, context: dict) -> dict | None:
    """Return the diff row for one copy sentence, or None if it holds no claim beyond its quotes."""
    own_text = _outside_quotes(copy, start, end, context["copy_quotes"])
    own_words = content_words(own_text)
    has_quote = own_text != copy[start:end]
    if has_quote and len(own_words) <= 4:
        return None
    claim_words = list(dict.fromkeys(content_words(copy[start:end])))
    if not claim_words:
        return None  # punctuation or function words only: no claim to check
    index, similarity, overlap = closest_sentence(claim_words, context)
    close = index is not None and overlap >= CLOSE_OVERLAP and similarity >= CLOSE_SENTENCE
    closest_text = context["original_sentences"][index] if close else ""
    new = [word for word in dict.fromkeys(own_words)
           if not is_variant(word, closest_text) and not _same_figure(word, figures(closest_text))]
    unsupported = [word for word in new if word not in context["original_vocabulary"]
                   and not _same_figure(word, context["original_figures"])]
    speaker, verb = _speaker_and_verb(context["copy_attributions"], start, end)
    verb = verb or _verb_of(copy[start:end], has_quote)
    copy_credit = _verb_with_credit(copy, context["copy_credits"], verb, start, end)
    o_speaker = o_verb = o_credit = None
    voiced = False
    kinds: list[str] = []
    if close:
        o_start, o_end = context["original_spans"][index]
        o_speaker, o_verb = _speaker_and_verb(context["original_attributions"], o_start, o_end)
        o_verb = o_verb or _verb_of(closest_text, False)
        o_credit = _verb_with_credit(context["original"], context["original_credits"], o_verb, o_start, o_end)
        starts = context["original_starts"]
        paragraph_start = starts[paragraph_index(starts, o_start)]
        voiced = any(paragraph_start <= offset < o_end for offset in context["original_attributions"])
        carried = _attributed_before(context["copy_attributions"], context["copy_starts"], start)
        kinds = [*sentence_drift(closest_text, copy[start:end], context["original_figures"]),
                 *attribution_changes(closest_text, copy[start:end], (o_speaker, o_credit, o_verb),
                                      (speaker, copy_credit, verb), has_quote, carried)]
    return {
        "row": "attributed claim" if verb else "claim",
        "copy_paragraph": paragraph_index(context["copy_starts"], start),
        "copy_text": copy[start:end],
        "verbatim": _joined(copy[start:end]) in context["original_joined"],
        "copy_speaker": speaker,
        "copy_verb": copy_credit,
        "original_speaker": o_speaker,
        "original_verb": o_credit,
        "closest_original": closest_text if close else None,
        "original_paragraph": paragraph_index(context["original_starts"], context["original_spans"][index][0])
        if close else None,
        "similarity": round(similarity, 1),
        "new_words": ", ".join(new),
        "unsupported_words": ", ".join(unsupported),
        "status": _status(close, similarity, new, kinds),
        "kind": "; ".join(kinds),
        VOICED: voiced,
    }


def _context(original: str, copy: str) -> dict:
    """Return everything about both texts that the row builders share."""
    original_spans, copy_spans = _story_sentences(original), _story_sentences(copy)
    original_sentences = [original[a:b] for a, b in original_spans]
    return {
        "original": original,
        "original_figures": frozenset(figures("\n".join(original_sentences))),
        "original_spans": original_spans,
        "copy_spans": copy_spans,
        "original_sentences": original_sentences,
        "original_sentence_words": [" ".join(content_words(sentence)) for sentence in original_sentences],
        "original_joined": _joined("\n".join(original_sentences)),
        "original_vocabulary": set(content_words(original)),
        "original_quotes": _speech_quotes(original, original_spans),
        "copy_quotes": _speech_quotes(copy, copy_spans),
        "original_credits": credits(original),
        "copy_credits": credits(copy),
        "original_attributions": _attributions(original, original_spans),
        "copy_attributions": _attributions(copy, copy_spans),
        "original_starts": line_starts(original),
        "copy_starts": line_starts(copy),
    }


def _empty() -> pd.DataFrame:
    """Return an empty diff table with the documented columns."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in COLUMNS})


def attribution_diff(original: str, copy: str) -> pd.DataFrame:
    """Return one row per quote and claim of the copy, checked against the original."""
    check_text(original, "attribution_diff")
    check_text(copy, "attribution_diff")
    context = _context(original, copy)
    rows = [_quote_row(original, copy, row, context) for row in context["copy_quotes"].itertuples()]
    for start, end in context["copy_spans"]:
        row = _sentence_row(copy, start, end, context)
        if row is not None:
            rows.append(row)
    if not rows:
        return _empty()
    table = pd.DataFrame(rows, columns=[*COLUMNS, VOICED]).astype({"original_paragraph": "Int64"})
    table = table.sort_values("copy_paragraph", kind="stable").reset_index(drop=True)
    return mark_attribution_drift(table).drop(columns=VOICED)


def mark_attribution_drift(table: pd.DataFrame) -> pd.DataFrame:
    """Mark claims that continue a speaker's attributed sentence but match an unattributed original.

    In a copy paragraph that opens with "He also said ...", the sentences after it read as the
    speaker's words. When the closest original sentence is in the reporter's own voice (neither it
    nor an earlier sentence of its paragraph is attributed), the copy has moved the reporter's words
    into the speaker's mouth: attribution drift. `table` has the working column VOICED.
    """
    speaker_of_paragraph: dict[int, object] = {}
    for index, row in table[table["row"] != "quote"].iterrows():
        paragraph = row["copy_paragraph"]
        if row["row"] == "attributed claim" and isinstance(row["copy_speaker"], str):
            speaker_of_paragraph[paragraph] = row["copy_speaker"]
        elif (row["row"] == "claim" and paragraph in speaker_of_paragraph
              and row["status"] in REPORTED_VOICE and row[VOICED] is False):
            table.loc[index, ["copy_speaker", "status", "kind"]] = [
                speaker_of_paragraph[paragraph], "attribution drift", "reporter's words given to a speaker"]
    return table
