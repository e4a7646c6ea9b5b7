"""`newstrace quotes FILE [--csv]`: list every quotation with its kind, speaker and verb."""

from __future__ import annotations

import argparse

from newstrace.data import read_article
from newstrace.attribution.quotes import extract_quotes
from newstrace.commands.tables import print_table

NAME = "quotes"
HELP = "list the quotations in an article with their kind, speaker, attribution verb and paragraph"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the FILE argument and the --csv switch."""
    parser.add_argument("file", metavar="FILE", help="a plain-text article or page capture")
    parser.add_argument("--csv", action="store_true", help="print CSV (all columns, with offsets) instead of a table")


def run(args: argparse.Namespace) -> int:
    """Print the quotes as a table or as CSV."""
    quotes = extract_quotes(read_article(args.file))
    if args.csv:
        print(quotes.to_csv(index=False), end="")
    elif quotes.empty:
        print(f"No quotations found in {args.file}.")
    else:
        shown = quotes[["paragraph", "kind", "speaker", "verb", "quote"]].fillna("-")
        print_table(shown, max_width=70)
        print(f"\n{len(quotes)} quotations: " + ", ".join(
            f"{count} {kind}" for kind, count in quotes["kind"].value_counts().items()))
    return 0
