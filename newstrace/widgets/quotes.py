"""Find the quotes: mark the sentences that quote someone and who speaks; key in quotes.csv.

A sentence "carries a quote" when a gold quote (data/annotations/quotes.csv) overlaps it. The
passage is a run of story paragraphs (page clutter left out with nt.clean), split into sentences
by punctuation, never inside quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ipywidgets as widgets
import pandas as pd

from newstrace.pages.clutter import clean
from newstrace.data import article
from newstrace.data import read_annotation
from newstrace.errors import AnnotationError
from newstrace.text.segments import sentences
from newstrace.widgets._base import (
    RIGHT,
    WRONG,
    CheckedExercise,
    escape,
    excerpt,
    item_row,
    optional_column,
    pick_column,
    rows_for_text,
    summary_html,
)

KEY_FILE = "quotes.csv"
NOT_SPEECH_KINDS = {"scare", "scare quote", "term", "title", "nickname", "name", "not a quote"}
"""Gold `kind` values that mark quotation marks around a term rather than someone's words."""
NO_SPEAKER = "— who speaks? —"

_QUOTE_MARKS = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class GoldQuote:
    """One gold quote: where it is in the text, its words, kind, speaker and verb."""

    start: int
    end: int
    quote: str
    kind: str
    speaker: str
    verb: str

    @property
    def is_speech(self) -> bool:
        """Return True if the quotation marks enclose someone's words (not a term or nickname)."""
        return self.kind.strip().lower() not in NOT_SPEECH_KINDS


@dataclass
class Sentence:
    """A sentence of the passage with its offsets in the text and the gold quotes that overlap it."""

    start: int
    end: int
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)

    @property
    def speech(self) -> list[GoldQuote]:
        """Return the overlapping quotes that are someone's words."""
        return [quote for quote in self.quotes if quote.is_speech]

    @property
    def speakers(self) -> list[str]:
        """Return the named speakers of this sentence's quotes."""
        return sorted({quote.speaker for quote in self.speech if quote.speaker})


def split_sentences(paragraph: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of each sentence, cut by the library's splitter (newstrace.text.segments)."""
    return [(offset + start, offset + end, paragraph[start:end]) for start, end in sentences(paragraph)]


def story_lines(text: str) -> list[tuple[int, int, str]]:
    """Return (line number, start offset, line) for each non-blank line that nt.clean keeps as story."""
    lines, offset, result = text.split("\n"), 0, []
    removed = clean(text).removed
    clutter = set(removed.loc[removed["reason"] != "promo", "line"].astype(int))
    for number, line in enumerate(lines):
        if line.strip() and number not in clutter:
            result.append((number, offset, line))
        offset += len(line) + 1
    return result


def _is_part_of(short: str, long: str) -> bool:
    """Return True if the words of short are a run of the words of long ("Comey" in "James B. Comey")."""
    part, whole = short.casefold().split(), long.casefold().split()
    return bool(part) and any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def canonical_speakers(names: set[str]) -> dict[str, str]:
    """Return {name: fullest form}: a name that is a run of another's words is the same person."""
    ordered = sorted(names, key=lambda name: (-len(name.split()), name))
    return {name: next(full for full in ordered if _is_part_of(name, full)) for name in names}


def _locate(row: pd.Series, columns: dict[str, str | None], text: str) -> tuple[int, int] | None:
    """Return the (start, end) of a gold quote in text: its offsets if they match, else a search."""
    quote = row[columns["quote"]].strip()
    if columns["start"] and columns["end"] and row[columns["start"]].strip():
        start, end = int(row[columns["start"]]), int(row[columns["end"]])
        if quote[:20] in text[start:end] or not quote:
            return start, end
    found = text.find(quote)
    return (found, found + len(quote)) if quote and found >= 0 else None


def gold_quotes(text_id: str, text: str) -> list[GoldQuote]:
    """Return the gold quotes of a text from data/annotations/quotes.csv, located in the text."""
    table = read_annotation(KEY_FILE, "the Find the quotes exercise")
    columns = {
        "quote": pick_column(table, ("quote", "text"), KEY_FILE),
        "speaker": pick_column(table, ("speaker", "who"), KEY_FILE),
        "kind": optional_column(table, ("kind", "type")),
        "verb": optional_column(table, ("verb",)),
        "start": optional_column(table, ("start",)),
        "end": optional_column(table, ("end",)),
    }
    quotes = []
    rows = rows_for_text(table, text_id, KEY_FILE)
    full_name = canonical_speakers({name.strip() for name in rows[columns["speaker"]] if name.strip()})
    for _, row in rows.iterrows():
        span = _locate(row, columns, text)
        if span is None:
            raise AnnotationError(
                f"{KEY_FILE}: the quote {row[columns['quote']]!r} of {text_id} is not in the text; "
                "re-read the text and fix the row"
            )
        quotes.append(GoldQuote(
            span[0], span[1], row[columns["quote"]].strip(),
            row[columns["kind"]].strip() if columns["kind"] else "direct",
            full_name.get(row[columns["speaker"]].strip(), ""),
            row[columns["verb"]].strip() if columns["verb"] else "",
        ))
    return quotes


def passage(text_id: str, first: int = 0, count: int | None = 6) -> list[Sentence]:
    """Return the sentences of `count` story paragraphs (None: all) from the first-th on, with gold quotes."""
    text = article(text_id)
    quotes = gold_quotes(text_id, text)
    sentences = []
    last = None if count is None else first + count
    for _, offset, line in story_lines(text)[first:last]:
        for start, end, sentence in split_sentences(line, offset):
            overlapping = [q for q in quotes if q.start < end and q.end > start]
            sentences.append(Sentence(start, end, sentence, overlapping))
    return sentences


def _attribution(quote: GoldQuote) -> str:
    """Return 'attributed to X with the verb "said"' for a gold quote, as far as the gold says."""
    who = f"attributed to <strong>{escape(quote.speaker)}</strong>" if quote.speaker else "not attributed to anyone by name"
    verb = f" with the verb “{escape(quote.verb)}”" if quote.verb else ""
    return who + verb


def sentence_feedback(sentence: Sentence, marked: bool, speaker: str | None) -> tuple[str, str]:
    """Return (status, message) for one sentence: quote or not, who speaks, and why."""
    speech = sentence.speech
    if speech:
        first = speech[0]
        words = f"the words “{escape(excerpt(first.quote, 70))}” are in quotation marks"
        kind = f" ({escape(first.kind)} quote)" if first.kind else ""
        if not marked:
            return WRONG, f"This sentence carries a quote{kind}: {words}, {_attribution(first)}."
        if sentence.speakers and speaker not in sentence.speakers:
            chosen = f"You chose {escape(speaker)}, but " if speaker else "Now choose who speaks: "
            return WRONG, (f"{chosen}{words}, {_attribution(first)}. Follow the attribution, "
                           "and when it says 'he' or 'she', look back to the last person named.")
        return RIGHT, f"A quote{kind}: {words}, {_attribution(first)}."
    if sentence.quotes:
        terms = ", ".join(f"“{escape(q.quote)}”" for q in sentence.quotes)
        reason = (f"the quotation marks around {terms} flag a term or a name, not someone's words.")
    elif _QUOTE_MARKS.search(sentence.text):
        reason = ("its quotation marks do not enclose anyone's words that the key counts as a "
                  "quote here; check whether they mark a term or continue a quote from elsewhere.")
    else:
        reason = ("there are no quotation marks. Narration, or someone's words retold in the "
                  "writer's own words (a paraphrase), is not a quote, even when it says who said it.")
    if marked:
        return WRONG, f"No quote in this sentence: {reason}"
    return RIGHT, f"No quote here: {reason}"


class FindTheQuotes(CheckedExercise):
    """Mark the sentences that carry a quote and choose who speaks, then check: feedback per sentence."""

    css_name = "find-the-quotes"

    def __init__(self, text_id: str = "re-report", first: int = 0, count: int = 12) -> None:
        """Build a checkbox and speaker dropdown per sentence of a passage, keyed by quotes.csv."""
        self.text_id = text_id
        self.sentences = passage(text_id, first, count)
        self.speakers = sorted({name for sentence in passage(text_id, 0, None)
                                for name in sentence.speakers})
        self.boxes: list[widgets.Checkbox] = []
        self.dropdowns: list[widgets.Dropdown] = []
        super().__init__(
            "Find the quotes",
            f"Here is a passage of '{text_id}', one sentence at a time. Tick each sentence that "
            "quotes someone's own words and choose who speaks, then press the button. The "
            "feedback shows the quotation marks and the attribution that decide it.",
            self.sentences,
        )

    def _add_row(self, number: int, sentence: Sentence) -> widgets.VBox:
        """Return the row for one sentence: its text, a 'quote' checkbox, a speaker dropdown, feedback."""
        box = widgets.Checkbox(value=False, description="carries a quote", indent=False)
        dropdown = widgets.Dropdown(options=[(NO_SPEAKER, None), *[(s, s) for s in self.speakers]],
                                    value=None, description="speaker:")
        box.add_class("nt-answer")
        dropdown.add_class("nt-speaker")
        row, feedback = item_row(number, sentence.text, [box, dropdown])
        self.boxes.append(box)
        self.dropdowns.append(dropdown)
        self.item_feedback.append(feedback)
        return row

    def check(self) -> list[str]:
        """Show feedback for every sentence and the score; return the status of each."""
        statuses = self.show_verdicts(
            sentence_feedback(sentence, box.value, dropdown.value)
            for sentence, box, dropdown in zip(self.sentences, self.boxes, self.dropdowns)
        )
        self.feedback.value = summary_html(statuses, "sentence")
        return statuses

    def static_items(self) -> list[str]:
        """Return the passage's sentences for the static fallback."""
        return [sentence.text for sentence in self.sentences]
