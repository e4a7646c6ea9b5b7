"""`newstrace find-copies DIR`: list the pairs of articles in a folder where one copies the other."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newstrace.commands.options import fraction, whole_number
from newstrace.commands.tables import print_table
from newstrace.data import read_folder
from newstrace.syndication.candidates import METHODS
from newstrace.syndication.corpus import ENGINES, find_copies

NAME = "find-copies"
HELP = "list the pairs of .txt articles in a folder where one is a copy, trim, edit or rewrite of the other"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register DIR and the matching options."""
    parser.add_argument("folder", metavar="DIR",
                        help="a folder of plain-text articles, one per file; with --engine spark also "
                             "a Parquet or JSON-lines file with id and text columns, or a folder URL "
                             "such as s3a://bucket/articles/")
    parser.add_argument("--pattern", default="*.txt", help="which files to read (default: *.txt)")
    parser.add_argument("--threshold", type=fraction, default=0.3,
                        help="lowest compare score listed, 0 to 1 (default: 0.3)")
    parser.add_argument("--method", choices=METHODS, default="auto",
                        help="how candidate pairs are found (default: auto = every pair for small "
                             "folders, MinHash indexes for large ones)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="where to run: local (this process, default) or spark (Apache Spark: "
                             "pip install 'newstrace[spark]'; a running session, else all local cores)")
    parser.add_argument("--output", metavar="PATH",
                        help="with --engine spark: write the pairs to PATH as Parquet instead of printing them")
    parser.add_argument("--partitions", type=whole_number(1, 1_000_000),
                        help="with --engine spark: spread the articles over this many Spark partitions")


def run(args: argparse.Namespace) -> int:
    """Print the copy pairs found in the folder, best score first (or write them with --output)."""
    if args.engine == "local" and (args.output or args.partitions):
        print(f"newstrace {NAME}: --output and --partitions need --engine spark", file=sys.stderr)
        return 2
    local_folder = "://" not in args.folder and Path(args.folder).is_dir()
    texts = read_folder(args.folder, args.pattern) if args.engine == "local" or local_folder else args.folder
    try:
        table = find_copies(texts, threshold=args.threshold, method=args.method, engine=args.engine,
                            output=args.output, partitions=args.partitions)
    except (ValueError, TypeError, ModuleNotFoundError) as err:
        print(f"newstrace {NAME}: {err}", file=sys.stderr)
        return 2
    among = f"{len(texts)} texts in {args.folder}" if isinstance(texts, dict) else f"the articles of {args.folder}"
    if args.output:
        print(f"{table.count()} copy pair(s) among {among} written to {args.output} "
              "(Parquet, best score first).")
        return 0
    if table.empty:
        print(f"No copy pairs among {among} (threshold {args.threshold:g}).")
        return 0
    print(f"{len(table)} copy pair(s) among {among}, best first "
          "(a = the longer text, not necessarily the earlier one: see nt.lineage):")
    shown = table[["a", "b", "relation", "score", "containment", "jaccard"]].copy()
    for column in ("score", "containment", "jaccard"):
        shown[column] = shown[column].map("{:.2f}".format)
    print_table(shown, max_width=40)
    return 0
