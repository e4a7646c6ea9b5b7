"""`newstrace clean FILE`: print the story without page clutter, then what was removed."""

from __future__ import annotations

import argparse

from newstrace.commands.articles import read_story
from newstrace.commands.tables import print_table
from newstrace.pages.clutter import clean

NAME = "clean"
HELP = "print the story without page clutter, then a table of what was removed and why"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the FILE argument."""
    parser.add_argument("file", metavar="FILE", help="a plain-text article or page capture")


def run(args: argparse.Namespace) -> int:
    """Print the cleaned story and the removal table."""
    result = clean(read_story(args.file, raw=True))
    print(result.text)
    print()
    if result.removed.empty:
        print("Removed: nothing.")
    else:
        print(f"Removed ({len(result.removed)}):")
        print_table(result.removed[["line", "reason", "text"]], max_width=70)
    return 0
