"""`newstrace quotes FILE [--csv]`: list every quotation with its kind, speaker and verb."""

from __future__ import annotations

import argparse

from newstrace.attribution.quotes import extract_quotes
from newstrace.commands.articles import PARAGRAPH_NOTE, add_raw_option, read_story, shown_paragraph
from newstrace.commands.tables import print_table

NAME = "quotes"
HELP = "list the quotations in an article with their kind, speaker, attribution verb and paragraph"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the FILE argument and the --csv switch."""
    parser.add_argument("file", metavar="FILE", help="a plain-text article or page capture")
    parser.add_argument("--csv", action="store_true",
                        help="print CSV instead of a table: all columns, with 0-based paragraph indexes and "
                             "character offsets into the cleaned story")
    add_raw_option(parser)


def run(args: argparse.Namespace) -> int:
    """Print the quotes as a table or as CSV."""
    quotes = extract_quotes(read_story(args.file, args.raw))
    if args.csv:
        print(quotes.to_csv(index=False), end="")
    elif quotes.empty:
        print(f"No quotations found in {args.file}.")
    else:
        shown = quotes[["paragraph", "kind", "speaker", "verb", "quote"]].fillna("-")
        shown = shown.assign(paragraph=shown["paragraph"].map(shown_paragraph)).rename(columns={"paragraph": "para"})
        print_table(shown, max_width=70)
        print(PARAGRAPH_NOTE)
        print(f"\n{len(quotes)} quotations: " + ", ".join(
            f"{count} {kind}" for kind, count in quotes["kind"].value_counts().items()))
    return 0
