"""Speakers on development data: quote precision, recall and speaker accuracy of `nt.extract_quotes`.

Usage: .venv/bin/python benchmarks/eval_speakers_dev.py PATH [--limit N]

PATH is a local copy of DirectQuote's token file (`data/truecased.txt` in the THUNLP-MT/DirectQuote
repository; Zhang and Liu, 2022): one `word TAG` per line, a blank line between paragraphs, tags
`Out`, `B-`/`I-` `LeftSpeaker`, `RightSpeaker`, `Unknown` (a quote whose speaker is before it,
after it, or not in the paragraph) and `Speaker` (IOB1: a chunk may start with `I-`). The file is
never copied into this project (docs/finding-copies.md says how to get it).

Each paragraph is rebuilt as text: words joined by spaces, punctuation attached to the word before,
an opening quotation mark to the word after and a closing one to the word before (marks alternate
within a quote chunk). Then, per paragraph:

- a gold quote is the text inside the quotation marks of one quote chunk; a predicted quote is a
  `direct` or `partial` row of `nt.extract_quotes`. They match when they overlap by at least half
  of the longer of the two (in characters);
- quote precision: predicted quotes matching a gold quote; recall: gold quotes matched;
- speaker accuracy: over matched gold quotes, the predicted speaker against the gold one
  (`newstrace.evaluation.extraction.same_speaker`). The gold speaker of a LeftSpeaker quote is the last
  Speaker chunk before it, of a RightSpeaker quote the first one after it, of an Unknown quote
  none. A gold pronoun ("he") accepts any predicted speaker, since paragraphs come alone and the
  person it names is not in the file;
- baseline, on the same matched quotes: the bare "nearest name" rule, the run of capitalised words
  (two or more, or one after a title) nearest the quote in the paragraph, else no speaker.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import newstrace as nt
from newstrace.evaluation.extraction import same_speaker
from newstrace.attribution.quotes import SPEECH_KINDS
from newstrace.attribution.quotes.records import NAME_RE
from newstrace.attribution.quotes.words import PRONOUNS

QUOTE_TAGS = ("LeftSpeaker", "RightSpeaker", "Unknown")
MARKS = {'"', "\u201c", "\u201d", "''", "``", "'", "\u2018", "\u2019"}
ATTACH_LEFT = {".", ",", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
               "\u2019s", "...", "\u2026"}
ATTACH_RIGHT = {"(", "[", "$", "#"}


@dataclass
class Chunk:
    """A tagged span of a paragraph: its label and its characters in the rebuilt text."""

    label: str
    start: int
    end: int
    text: str = ""


@dataclass
class GoldParagraph:
    """One rebuilt paragraph with its gold quotes (inner spans) and their speakers."""

    text: str
    quotes: list[Chunk] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Return the paragraphs of a CoNLL file as lists of (word, tag)."""
    if not path.exists():
        raise SystemExit(f"{path} not found: PATH must be DirectQuote's data/truecased.txt")
    paragraphs, current = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if current:
                paragraphs.append(current)
            current = []
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            raise SystemExit(f"{path}:{number}: expected 'word TAG', got {line!r}")
        current.append((parts[0], parts[1]))
    if current:
        paragraphs.append(current)
    return paragraphs


def chunks_of(tags: list[str]) -> list[tuple[str, int, int]]:
    """Return (label, first token, end token) of each IOB1 chunk (`Out` is no chunk)."""
    found: list[list] = []
    for i, tag in enumerate(tags):
        if tag in ("Out", "O"):
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "B" or not found or found[-1][0] != label or found[-1][2] != i:
            found.append([label, i, i + 1])
        else:
            found[-1][2] = i + 1
    return [tuple(chunk) for chunk in found]


def rebuild(words: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Return the paragraph's text and each token's (start, end) in it."""
    quote_chunks = {i: (label, start, end) for label, start, end in chunks_of(tags)
                    for i in range(start, end) if label in QUOTE_TAGS}
    text, spans, glue_next, open_marks = "", [], False, 0
    for i, word in enumerate(words):
        is_mark = word in MARKS
        if is_mark:
            chunk = quote_chunks.get(i)
            opening = (i == chunk[1]) if chunk else open_marks % 2 == 0
            open_marks += 1
        attach_left = (word in ATTACH_LEFT or (is_mark and not opening)) and text
        if text and not attach_left and not glue_next:
            text += " "
        spans.append((len(text), len(text) + len(word)))
        text += word
        glue_next = word in ATTACH_RIGHT or (is_mark and opening)
    return text, spans


def gold_paragraph(tokens: list[tuple[str, str]]) -> GoldParagraph:
    """Return a rebuilt paragraph with its gold quotes and speakers."""
    words, tags = [w for w, _ in tokens], [t for _, t in tokens]
    text, spans = rebuild(words, tags)
    chunks = chunks_of(tags)
    speakers = [(start, end) for label, start, end in chunks if label == "Speaker"]
    paragraph = GoldParagraph(text)
    for label, start, end in chunks:
        if label not in QUOTE_TAGS:
            continue
        first, last = start, end - 1
        while first <= last and words[first] in MARKS:
            first += 1
        while last >= first and words[last] in MARKS:
            last -= 1
        if first > last:
            continue
        paragraph.quotes.append(Chunk(label, spans[first][0], spans[last][1], text[spans[first][0]:spans[last][1]]))
        if label == "LeftSpeaker":
            before = [s for s in speakers if s[1] <= start]
            chosen = before[-1] if before else None
        elif label == "RightSpeaker":
            after = [s for s in speakers if s[0] >= end]
            chosen = after[0] if after else None
        else:
            chosen = None
        paragraph.speakers.append(text[spans[chosen[0]][0]:spans[chosen[1] - 1][1]] if chosen else None)
    return paragraph


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Return True if two spans overlap by at least half of the longer one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= max(a[1] - a[0], b[1] - b[0])


def nearest_name(text: str, start: int, end: int) -> str | None:
    """Return the baseline speaker: the capitalised name run nearest the quote, outside it."""
    best, distance = None, None
    for match in NAME_RE.finditer(text):
        if match.start() < end and match.end() > start:
            continue
        words = match.group().split()
        if len(words) < 2:
            continue
        gap = start - match.end() if match.end() <= start else match.start() - end
        if distance is None or gap < distance:
            best, distance = match.group(), gap
    return best


def speaker_right(predicted: str | None, gold: str | None) -> bool:
    """Return True if a predicted speaker counts as right (a gold pronoun accepts any speaker)."""
    if gold is not None and gold.lower() in PRONOUNS:
        return predicted is not None
    return same_speaker(predicted, gold)


def evaluate(paragraphs: list[GoldParagraph]) -> dict[str, float]:
    """Return quote precision, recall, speaker accuracy and the baseline's, pooled over paragraphs."""
    predicted_total = gold_total = predicted_hits = gold_hits = 0
    speaker_hits = baseline_hits = speaker_total = 0
    for paragraph in paragraphs:
        rows = nt.extract_quotes(paragraph.text)
        rows = rows[rows["kind"].isin(SPEECH_KINDS)]
        predicted = list(zip(rows["start"], rows["end"], rows["speaker"]))
        predicted_total += len(predicted)
        gold_total += len(paragraph.quotes)
        predicted_hits += sum(any(overlaps((s, e), (q.start, q.end)) for q in paragraph.quotes)
                              for s, e, _ in predicted)
        for quote, gold_speaker in zip(paragraph.quotes, paragraph.speakers):
            match = next((p for p in predicted if overlaps(p[:2], (quote.start, quote.end))), None)
            if match is None:
                continue
            gold_hits += 1
            speaker_total += 1
            speaker_hits += speaker_right(match[2], gold_speaker)
            baseline_hits += speaker_right(nearest_name(paragraph.text, quote.start, quote.end), gold_speaker)
    return {"paragraphs": len(paragraphs), "gold quotes": gold_total, "predicted quotes": predicted_total,
            "quote precision": predicted_hits / predicted_total if predicted_total else float("nan"),
            "quote recall": gold_hits / gold_total if gold_total else float("nan"),
            "speaker accuracy": speaker_hits / speaker_total if speaker_total else float("nan"),
            "baseline speaker accuracy (nearest name)": baseline_hits / speaker_total if speaker_total else float("nan")}


def main(argv: list[str] | None = None) -> int:
    """Print the figures for a local copy of DirectQuote."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="DirectQuote's data/truecased.txt")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N paragraphs")
    args = parser.parse_args(argv)
    tokens = read_conll(args.path)
    paragraphs = [gold_paragraph(p) for p in (tokens[:args.limit] if args.limit else tokens)]
    started = time.perf_counter()
    figures = evaluate(paragraphs)
    print(f"({time.perf_counter() - started:.1f} s)")
    for name, value in figures.items():
        print(f"{name:<42}{value:>8.3f}" if isinstance(value, float) else f"{name:<42}{value:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
