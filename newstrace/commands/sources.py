"""`newstrace sources FILE`: print who the story relies on, with source types and credits."""

from __future__ import annotations

import argparse

from newstrace.attribution.outlet_credits import credits
from newstrace.data import read_article
from newstrace.sourcing.finder import sources
from newstrace.commands.tables import print_table

NAME = "sources"
HELP = "print the sources a story relies on (type, first mention, attributions, words quoted) and its credits"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the FILE argument and --csv."""
    parser.add_argument("file", metavar="FILE", help="a plain-text article or page capture")
    parser.add_argument("--csv", action="store_true", help="print the sources table as CSV instead")


def run(args: argparse.Namespace) -> int:
    """Print the sources table, then the credits to other outlets and media."""
    text = read_article(args.file)
    table = sources(text)
    if args.csv:
        print(table.to_csv(index=False), end="")
        return 0
    if table.empty:
        print("Sources: none found (no attributions such as 'X said' or 'according to X').")
    else:
        print(f"Sources ({len(table)}):")
        shown = table[["source", "type", "first_paragraph", "attributions", "words_quoted", "condition"]]
        print_table(shown.rename(columns={"first_paragraph": "para", "attributions": "attr",
                                          "words_quoted": "quoted"}), max_width=50)
    found = credits(text)
    print()
    if found.empty:
        print("Credits to outlets and media: none.")
    else:
        print(f"Credits to outlets and media ({len(found)}):")
        print_table(found[["outlet", "kind", "paragraph", "own_reporting", "phrase"]], max_width=60)
    return 0
