"""Reading the article files a command is given: HTML extracted, page captures cleaned, and a note saying so.

Every command that takes an article reads it with `read_story`, so its numbers refer to the same
text: the story as `newstrace clean` prints it. Paragraph numbers shown to a person count that
story's paragraphs from 1 (`shown_paragraph`); CSV output keeps Python's 0-based indexes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass

from newstrace.data import load_article
from newstrace.pages.clutter import clean

PARAGRAPH_NOTE = "para = paragraph number in the cleaned story, counted from 1"
"""The label printed under every table that shows paragraph numbers."""


def note(message: str) -> None:
    """Print a one-line note about the input on stderr, so that stdout stays the command's result."""
    print(f"note: {message}", file=sys.stderr)


def add_raw_option(parser: argparse.ArgumentParser) -> None:
    """Register --raw, which reads a page capture as it is instead of cleaning it first."""
    parser.add_argument("--raw", action="store_true",
                        help="read the file as it is: do not set page clutter aside first")


@dataclass(frozen=True)
class Story:
    """The text a command reads, and the picture captions cleaning set aside (kept as evidence)."""

    text: str
    captions: tuple[str, ...] = ()


def load_story(path: str, raw: bool = False, raw_hint: bool = True) -> Story:
    """Return the story in the file at path: extracted from HTML, and cleaned of page clutter unless raw.

    raw_hint: say that --raw reads the file as it is (False for commands that always clean).
    """
    loaded = load_article(path)
    if loaded.from_html:
        note(f"{path} is an HTML page: reading the story text extracted from it by trafilatura")
    if raw:
        return Story(loaded.text)
    cleaned = clean(loaded.text)
    if not cleaned.removed_rows:
        return Story(loaded.text)
    reasons = Counter(row["reason"] for row in cleaned.removed_rows)
    note(f"{path}: reading its cleaned story, page clutter set aside ("
         + ", ".join(f"{count} {reason}" for reason, count in reasons.items())
         + "; see `newstrace clean`" + ("; --raw reads the file as it is)" if raw_hint else ")"))
    return Story(cleaned.text, tuple(row["text"] for row in cleaned.caption_rows))


def read_story(path: str, raw: bool = False, raw_hint: bool = True) -> str:
    """Return the text of load_story(path, raw, raw_hint)."""
    return load_story(path, raw, raw_hint).text


def shown_paragraph(index: object) -> str:
    """Return a 0-based paragraph index as the number a person reads (from 1), "-" for none."""
    try:
        return str(int(index) + 1)
    except (TypeError, ValueError):
        return "-"
