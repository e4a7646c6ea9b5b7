"""`newstrace find-copies DIR`: list the pairs of articles in a folder where one copies the other."""

from __future__ import annotations

import argparse

from newstrace.commands.options import fraction
from newstrace.commands.tables import print_table
from newstrace.data import read_folder
from newstrace.syndication.candidates import METHODS
from newstrace.syndication.corpus import find_copies

NAME = "find-copies"
HELP = "list the pairs of .txt articles in a folder where one is a copy, trim, edit or rewrite of the other"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register DIR and the matching options."""
    parser.add_argument("folder", metavar="DIR", help="a folder of plain-text articles, one per file")
    parser.add_argument("--pattern", default="*.txt", help="which files to read (default: *.txt)")
    parser.add_argument("--threshold", type=fraction, default=0.3,
                        help="lowest compare score listed, 0 to 1 (default: 0.3)")
    parser.add_argument("--method", choices=METHODS, default="auto",
                        help="how candidate pairs are found (default: auto = every pair for small "
                             "folders, MinHash indexes for large ones)")


def run(args: argparse.Namespace) -> int:
    """Print the copy pairs found in the folder, best score first."""
    texts = read_folder(args.folder, args.pattern)
    table = find_copies(texts, threshold=args.threshold, method=args.method)
    if table.empty:
        print(f"No copy pairs among {len(texts)} texts in {args.folder} "
              f"(threshold {args.threshold:g}).")
        return 0
    print(f"{len(table)} copy pair(s) among {len(texts)} texts in {args.folder}, best first "
          "(a = the longer text, not necessarily the earlier one: see nt.lineage):")
    shown = table[["a", "b", "relation", "score", "containment", "jaccard"]].copy()
    for column in ("score", "containment", "jaccard"):
        shown[column] = shown[column].map("{:.2f}".format)
    print_table(shown, max_width=40)
    return 0
