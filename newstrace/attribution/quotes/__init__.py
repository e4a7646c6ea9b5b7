"""Find quotations in news text, say what kind they are and who said them, by rules a student can read.

How it works, in four steps:

1. **Marks.** Every quotation mark is found and given a role (open, close, either, apostrophe) from
   its glyph and the characters beside it: a straight ``"`` after a space opens, before a space or
   punctuation closes. A ``'`` between letters (don't, State's) is an apostrophe, and so are the
   elisions in ``ELISIONS`` ('em, '90s). A backslash-escaped mark (``\\'``) is still a mark.
   Corner brackets (「」 『』) and the Hebrew gershayim (״) are marks too.
2. **Pairs.** Marks of one type (double or single) are paired inside each paragraph, so one stray
   mark cannot break the rest of the document. A quote left open at the end of a paragraph runs on
   when the next paragraph opens with a mark again (the news convention for quotes over several
   paragraphs); it gives one row per paragraph. A quote inside another quote (nested) is part of
   the outer quote, not a row. Text hard-wrapped at a fixed width is first rejoined into paragraphs.
3. **Attributions.** Quotes are masked out and every attribution verb in ``ATTRIBUTION_VERBS`` is
   read with its speaker: before it ("Smith said", "Smith, a spokesman, said") or after it
   ("said Smith", "according to Smith"); also ", saying ...", "X is heard asking", a colon after a
   clause ("Reuters gave this account: ...") and a dash signature ("... \u2014 Rep. Jane Doe").
   A quote takes the attribution next to it, else one in its sentence, else the latest one earlier
   in its paragraph, else the previous paragraph's speaker if the paragraph opens with the quote,
   else the person the previous sentence was about (not one named inside that sentence's relative
   clause: "..., said X, who works with Y." keeps X). Pronouns (he, she, they, it) become the most
   recent speaker or named person that fits (gender from titles, first names and earlier
   pronouns, and a role word before a name: "his wife, X"); "the official" becomes the earlier
   speaker with the same last word, "the judge" the person last named with that title, "the
   statement" whoever spoke "in a statement", and "one of them" the group last quoted. In features a
   pronoun follows its chain: people named after an earlier "She ..." sentence do not take it over,
   and a quote paragraph after a paragraph ending "She remembers ..." is hers. Titles and role words before a name are dropped ("Prime
   Minister Jane Doe" -> "Jane Doe"). What a speaker phrase can name (a document's source, never
   a thing such as "the advert") is in ``newstrace.attribution.quotes.phrases``.
4. **Kinds.** ``title`` for capitalised names of works near a word like film or book; ``term`` for
   short unattributed quotes (scare quotes, coined words, nicknames); ``direct`` for a quote that
   starts a sentence with a capital (or resumes one after "he said,"); ``partial`` for a fragment
   inside the writer's sentence. Only direct and partial quotes get a speaker and verb.

The word lists the rules read (attribution verbs, titles, gender cues...) are in
``newstrace.attribution.quotes.words``, one documented list per purpose. Every rule reads a bounded window
around a quote or verb, so time grows linearly with the text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import pandas as pd

from newstrace.attribution.quotes.attributions import (
    find_attributions,
    full_name_surnames,
    mask_paragraph,
    sentence_bounds,
    sentence_starts,
)
from newstrace.attribution.quotes.kinds import classify, is_headline
from newstrace.attribution.quotes.marks import unit_spans
from newstrace.attribution.quotes.pairs import find_pieces
from newstrace.attribution.quotes.records import (
    COLUMNS,
    KINDS,
    LEADING_BLANK_RE,
    SPACE_RE,
    SPEECH_KINDS,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    Attribution,
    Paragraph,
    Piece,
)
from newstrace.attribution.quotes.speakers import attribute, resolve_speakers
from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts

__all__ = ["COLUMNS", "KINDS", "SPEECH_KINDS", "extract_quotes"]

# ---------------------------------------------------------------- the public function


def extract_quotes(text: str) -> pd.DataFrame:
    """Return one row per quoted span: quote, start, end, kind, speaker, verb, paragraph."""
    check_text(text, "extract_quotes")
    paragraphs = [Paragraph(i, s, e) for i, (s, e) in enumerate(unit_spans(text))]
    paragraph_starts = line_starts(text)
    find_pieces(text, paragraphs)
    for para in paragraphs:
        para.masked = mask_paragraph(text, para)
        para.sentence_starts = sentence_starts(text, para)
        para.headline = is_headline(para.masked)
        para.attributions = find_attributions(para)
        para.attribution_starts = [a.span_start for a in para.attributions]
        para.lead = SPACE_RE.match(para.masked).end()
        para.masked_lead = LEADING_BLANK_RE.match(para.masked).end()
        para.colon_end = para.masked.rstrip().endswith(":")
    surnames = full_name_surnames(paragraphs)
    for para in paragraphs:
        para.surnames = surnames
    genders = resolve_speakers(paragraphs)
    chosen, in_sentence = attribute(paragraphs, genders)
    sizes = Counter(piece.group for para in paragraphs for piece in para.pieces)
    rows = [_row(text, para, piece, chosen.get(piece.group), piece.group in in_sentence, sizes[piece.group] > 1)
            | {"paragraph": bisect_right(paragraph_starts, piece.inner_start) - 1}
            for para in paragraphs for piece in para.pieces]
    return _frame([row for row in rows if has_words(row["quote"])])


def has_words(quote: str) -> bool:
    """Return True if a quoted span holds a letter or digit: marks around punctuation quote nothing."""
    return any(char.isalnum() for char in quote)


def _row(text: str, para: Paragraph, piece: Piece, attribution: Attribution | None, in_sentence: bool,
         multi: bool) -> dict:
    """Return the output row for one piece."""
    quote = text[piece.inner_start:piece.inner_end]
    open_at, close_at = piece.open_at - para.start, piece.close_end - para.start
    s_start, s_end = sentence_bounds(para, open_at)
    before = para.masked[max(s_start, open_at - WINDOW_BEFORE):open_at]
    after = para.masked[close_at:min(s_end, close_at + WINDOW_AFTER)]
    kind = classify(quote, before, after, in_sentence, multi or not piece.closed, para.headline)
    speech = kind in SPEECH_KINDS and attribution is not None
    return {
        "quote": quote, "start": piece.inner_start, "end": piece.inner_end, "kind": kind,
        "speaker": attribution.resolved if speech else None,
        "verb": (attribution.verb or None) if speech else None, "paragraph": para.index,
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    """Return the rows as a DataFrame with the documented columns and types."""
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("start", "end", "paragraph"):
        frame[column] = frame[column].astype(int)
    for column in ("quote", "kind", "speaker", "verb"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame
