"""Who the story relies on: one row per source, with a type from a documented vocabulary.

`sources(text)` reads the story (page clutter removed by newstrace.pages.clutter) sentence by sentence and
finds attributions by general rules of news English, never by a list of this case's names:

- the attribution patterns of newstrace.sourcing.patterns, found by newstrace.sourcing.mentions;
- pronouns ("he said") counted for the person last named before them (newstrace.sourcing.coreference);
- quotations from newstrace.attribution.quotes.extract_quotes, counted for their speaker, with their words;
- credits to other outlets from newstrace.attribution.outlet_credits (outlets the text names in own-reporting
  phrases are left out: they are probably the publisher; a dateline agency wrote the whole story,
  so it stays a credit, not a source, and so does a source speaking to it: "told Reuters" in a Reuters story).

Each source gets a type from newstrace.sourcing.source_types and the conditions stated for it
(newstrace.sourcing.conditions).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from newstrace.attribution.outlet_credits import credits, same_outlet
from newstrace.attribution.quotes import extract_quotes
from newstrace.sourcing.conditions import add_conditions
from newstrace.sourcing.coreference import (
    Source,
    add_mention,
    collect_sources,
    first_name_occurrence,
    owner_of,
    shared_surnames,
)
from newstrace.sourcing.mentions import name_runs, story_sentences, subject_mention
from newstrace.sourcing.source_types import source_type
from newstrace.sourcing.vocabulary import BLANKET_ADOPTED
from newstrace.text.guard import check_text
from newstrace.text.segments import line_starts, paragraph_index

COLUMNS = ["source", "type", "first_paragraph", "first_offset", "attributions", "words_quoted",
           "condition", "aliases"]


def _within(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Return the index of the span holding offset, or None."""
    for index, (start, end) in enumerate(spans):
        if start <= offset < end:
            return index
    return None


def _add_outlets(text: str, spans: list[tuple[int, int]], found: list[Source]) -> None:
    """Add outlets and media credited by newstrace.attribution.outlet_credits (not the text's own outlet).

    A name the patterns took for a person ("the Riverton Ledger reported") is dropped when the
    credits know it as an outlet: the credit row stands for it.
    """
    table = credits(text)
    outlets = set(table.loc[table["kind"] != "image", "outlet"])
    found[:] = [source for source in found if source.kind != "name"
                or not any(same_outlet(source.name, outlet) for outlet in outlets)]
    wire = set(table.loc[table["kind"] == "dateline", "outlet"])
    for row in table.itertuples():
        if row.own_reporting or row.outlet in wire:  # a dateline agency wrote the whole story: "told Reuters" too
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
    owners = shared_surnames(name_runs(text, spans))
    for row in quotes.itertuples():
        sentence = _within(spans, row.start)
        if sentence is None or not isinstance(row.speaker, str) or row.kind not in ("direct", "partial"):
            continue
        mention = subject_mention(row.speaker, row.start, sentence, counts=False)
        if mention is None:
            continue
        if mention.kind == "name":
            mention = replace(mention, name=owner_of(mention.name, owners))
        source = add_mention(found, mention)
        source.words_quoted += len(row.quote.split())
        paragraph = paragraph_index(starts, row.start)
        if not any(paragraph_index(starts, offset) == paragraph for offset in source.counted_at):
            source.attributions += 1
            source.counted_at.append(row.start)


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
    spans = story_sentences(text)
    quotes = extract_quotes(text)
    quoted = sorted(zip(quotes["start"].astype(int), quotes["end"].astype(int)))
    found, _ = collect_sources(text, spans, quoted)
    _add_outlets(text, spans, found)
    _add_quotes(text, spans, found, quotes)
    found = [source for source in found if source.attributions or source.words_quoted]
    runs = name_runs(text, spans)
    owners = shared_surnames(runs)
    runs = [(owner_of(name, owners), offset, index) for name, offset, index in runs]
    blanket_rule = any(BLANKET_ADOPTED.search(text, start, end) for start, end in spans)
    for source in found:
        _finish(text, spans, runs, source, blanket_rule)
    add_conditions(text, spans, found)
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
