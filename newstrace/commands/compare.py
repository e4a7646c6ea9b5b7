"""`newstrace compare A B`: how much of B derives from A, and what changed."""

from __future__ import annotations

import argparse

import pandas as pd

from newstrace.commands.articles import read_story, shown_paragraph
from newstrace.commands.options import check_report_path, whole_number
from newstrace.commands.tables import print_table
from newstrace.syndication.comparison import Comparison, compare
from newstrace.syndication.evidence import evidence_summary
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE

MAX_SHINGLE_SIZE = 50
"""Longest shingle the command accepts: longer shingles make most paragraphs a single shingle."""
MAX_PASSAGE_WORDS = 1000
"""Longest shortest-passage length the command accepts: longer than most whole articles' paragraphs."""

NAME = "compare"
HELP = "compare an original article A with a possible copy B: relation, scores, changed paragraphs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register A, B, --html and the matching parameters."""
    parser.add_argument("original", metavar="A", help="the original (fuller) article, plain text")
    parser.add_argument("copy", metavar="B", help="the possible copy, plain text or page capture")
    parser.add_argument("--html", metavar="REPORT", help="also write a side-by-side HTML report")
    parser.add_argument("--shingle-size", type=whole_number(1, MAX_SHINGLE_SIZE), default=DEFAULT_SHINGLE_SIZE,
                        help=f"words per shingle, 1 to {MAX_SHINGLE_SIZE} (default {DEFAULT_SHINGLE_SIZE})")
    parser.add_argument("--min-passage-words", type=whole_number(1, MAX_PASSAGE_WORDS), default=8,
                        help=f"shortest shared passage to list, in words, 1 to {MAX_PASSAGE_WORDS} (default 8)")


def _runs_of_missing(rows: list[dict]) -> list[dict]:
    """Return rows with each run of consecutive missing paragraphs folded into one row."""
    folded: list[dict] = []
    for row in rows:
        last = folded[-1] if folded else None
        if (last and row["status"] == last["status"] == "missing"
                and row["original_para"] == last["_last"] + 1):
            last["_last"] = row["original_para"]
            last["original_para_shown"] = f"{shown_paragraph(last['original_para'])}-{shown_paragraph(row['original_para'])}"
            last["text"] = f"({row['original_para'] - last['original_para'] + 1} paragraphs)"
            continue
        folded.append({**row, "_last": row["original_para"],
                       "original_para_shown": shown_paragraph(row["original_para"])})
    return folded


def changed_paragraphs(comparison: Comparison) -> pd.DataFrame:
    """Return the missing, added, edited and duplicate paragraphs, runs of missing ones folded."""
    table = comparison.alignment
    changed = table[table["status"] != "same"]
    rows = [{"status": row.status, "original_para": row.original_para,
             "copy_para": shown_paragraph(row.copy_para), "similarity": f"{row.similarity:.2f}",
             "text": row.copy_text if isinstance(row.copy_text, str) else row.original_text}
            for row in changed.itertuples()]
    folded = pd.DataFrame(_runs_of_missing(rows),
                          columns=["status", "original_para_shown", "copy_para", "similarity", "text"])
    return folded.rename(columns={"original_para_shown": "original_para"})


def print_order(comparison: Comparison, other_way: Comparison | None, names: tuple[str, str]) -> None:
    """Print the order hint and the other way round's result, when the copy holds the original."""
    if comparison.order_hint:
        print(f"order:       {comparison.order_hint}")
    if other_way is not None:
        print(f"             compared that way ({names[1]} as the original): {other_way.relation}, "
              f"score {other_way.score:.3f}")


def edit_counts(edits: pd.DataFrame) -> str:
    """Return how many edits there are of each category, e.g. "10 house style, 4 content"."""
    return ", ".join(f"{(edits['category'] == category).sum()} {category}" for category in ("house style", "content"))


def shown_edits(edits: pd.DataFrame) -> pd.DataFrame:
    """Return the edits table as a person reads it: paragraphs from 1, "(nothing)" for an empty side."""
    return edits.assign(original_para=edits["original_para"].map(shown_paragraph),
                        copy_para=edits["copy_para"].map(shown_paragraph),
                        before=edits["before"].replace("", "(nothing)"),
                        after=edits["after"].replace("", "(nothing)"))


def print_summary(comparison: Comparison, names: tuple[str, str]) -> None:
    """Print the relation, the scores and the paragraph counts."""
    print(f"original:    {names[0]}")
    print(f"copy:        {names[1]}")
    print(f"relation:    {comparison.relation}")
    print(f"score:       {comparison.score:.3f}  (how likely the copy derives from the original, 0 to 1)")
    print(f"verbatim:    {comparison.derived_share:.3f}  (share of the copy's words verbatim from the original)")
    print(f"shared:      {evidence_summary(comparison.evidence)}")
    print(f"containment: {comparison.containment:.3f}  ({comparison.shingle_size}-word shingles)")
    print(f"jaccard:     {comparison.jaccard:.3f}")
    print("paragraphs:  " + ", ".join(f"{n} {status}" for status, n in comparison.counts().items()))
    print(f"shared verbatim passages: {len(comparison.shared_passages)}")


def _check_parameters(args: argparse.Namespace) -> None:
    """Raise ArticleError for parameters that cannot work, naming them."""
    check_report_path(args.html)


def run(args: argparse.Namespace) -> int:
    """Print the comparison of B against A, and write the HTML report if asked."""
    _check_parameters(args)
    original, copy = read_story(args.original, raw_hint=False), read_story(args.copy, raw_hint=False)
    comparison = compare(original, copy, shingle_size=args.shingle_size,
                         min_passage_words=args.min_passage_words)
    other_way = compare(copy, original, shingle_size=args.shingle_size,
                        min_passage_words=args.min_passage_words) if comparison.order_hint else None
    names = (args.original, args.copy)
    print_summary(comparison, names)
    print_order(comparison, other_way, names)
    changed = changed_paragraphs(comparison)
    print()
    if changed.empty:
        print("Changed paragraphs: none.")
    else:
        print(f"Changed paragraphs ({len(changed)}; paragraphs of the cleaned stories, counted from 1):")
        print_table(changed, max_width=70)
    if not comparison.edits.empty:
        print()
        print(f"Edits ({len(comparison.edits)}: {edit_counts(comparison.edits)}; house style changes how "
              "words are written, content what the text says):")
        print_table(shown_edits(comparison.edits), max_width=50)
    if args.html:
        from newstrace.report import write_report  # lazy: matplotlib, for --html only

        print(f"\nReport written to {write_report(comparison, args.html, names, other_way)}")
    return 0
