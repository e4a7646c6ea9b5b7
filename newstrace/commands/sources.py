"""`newstrace sources FILE`: print who the story relies on, with source types and credits."""

from __future__ import annotations

import argparse

import pandas as pd

from newstrace.attribution.outlet_credits import credits
from newstrace.commands.articles import PARAGRAPH_NOTE, add_raw_option, load_story, shown_paragraph
from newstrace.commands.tables import print_table
from newstrace.sourcing.finder import sources

NAME = "sources"
HELP = "print the sources a story relies on (type, first mention, attributions, words quoted) and its credits"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the FILE argument and --csv."""
    parser.add_argument("file", metavar="FILE", help="a plain-text article or page capture")
    parser.add_argument("--csv", action="store_true",
                        help="print the sources table as CSV instead (0-based paragraph indexes)")
    add_raw_option(parser)


def run(args: argparse.Namespace) -> int:
    """Print the sources table, then the credits to other outlets and media."""
    story = load_story(args.file, args.raw)
    text = story.text
    table = sources(text)
    if args.csv:
        print(table.to_csv(index=False), end="")
        return 0
    if table.empty:
        print("Sources: none found (no attributions such as 'X said' or 'according to X').")
    else:
        print(f"Sources ({len(table)}):")
        shown = table[["source", "type", "first_paragraph", "attributions", "words_quoted", "condition"]]
        shown = shown.assign(first_paragraph=shown["first_paragraph"].map(shown_paragraph))
        print_table(shown.rename(columns={"first_paragraph": "para", "attributions": "attr",
                                          "words_quoted": "quoted"}), max_width=50)
        print(PARAGRAPH_NOTE + " (where the source first appears)")
    found = pd.concat([credits(text), *(credits(caption).assign(paragraph=pd.NA) for caption in story.captions)],
                      ignore_index=True)
    print()
    if found.empty:
        print("Credits to outlets and media: none.")
    else:
        print(f"Credits to outlets and media ({len(found)}):")
        shown = found[["outlet", "kind", "paragraph", "own_reporting", "phrase"]]
        shown = shown.assign(paragraph=shown["paragraph"].map(shown_paragraph)).rename(columns={"paragraph": "para"})
        print_table(shown, max_width=60)
        print(PARAGRAPH_NOTE + ("; '-' for a picture caption set aside by cleaning" if story.captions else ""))
    return 0
