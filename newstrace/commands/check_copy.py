"""`newstrace check-copy ORIGINAL COPY`: check a copy's quotes and claims against the original."""

from __future__ import annotations

import argparse

from newstrace.attribution.diff import FLAGGED, attribution_diff
from newstrace.commands.articles import PARAGRAPH_NOTE, add_raw_option, note, read_story, shown_paragraph
from newstrace.commands.options import check_report_path
from newstrace.commands.tables import print_table
from newstrace.syndication.comparison import compare

NAME = "check-copy"
HELP = ("print the attribution diff: verbatim quotes, drift in meaning (numbers, hedges, sources) "
        "and changed attributions")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the ORIGINAL and COPY arguments and --csv / --all / --html."""
    parser.add_argument("original", metavar="ORIGINAL", help="the text the copy is checked against")
    parser.add_argument("copy", metavar="COPY", help="the copy or re-report to check")
    parser.add_argument("--csv", action="store_true", help="print every row and column as CSV")
    parser.add_argument("--all", action="store_true",
                        help="also list sentences that are the same, paraphrased or reworded")
    parser.add_argument("--html", metavar="REPORT", help="also write the diff as an HTML report")
    add_raw_option(parser)


def verb_change(row) -> str:
    """Return 'original verb -> copy verb' when they differ, else ''."""
    if row.copy_verb == row.original_verb or not isinstance(row.copy_verb, str):
        return ""
    return f"{row.original_verb} -> {row.copy_verb}"


def _print_claim(row) -> None:
    """Print one claim row: its status and kind, the copy's and the original's sentence, what is new."""
    label = f"{row.status}: {row.kind}" if row.kind else row.status
    print(f"\n[{label}] copy paragraph {shown_paragraph(row.copy_paragraph)}, similarity {row.similarity:g}")
    print(f"  copy:     {row.copy_text}")
    if isinstance(row.closest_original, str):
        print(f"  original: {row.closest_original} (paragraph {shown_paragraph(row.original_paragraph)})")
    if verb_change(row) and isinstance(row.original_verb, str):
        print(f"  attribution: {verb_change(row)}")
    if row.unsupported_words:
        print(f"  not in the original at all: {row.unsupported_words}")
    elif row.new_words:
        print(f"  not in that sentence: {row.new_words}")


def order_note(original: str, copy: str, names: tuple[str, str]) -> str:
    """Return compare's order hint with the command the other way round, or "" when the order looks right."""
    hint = compare(original, copy).order_hint
    return f"{hint}: newstrace check-copy {names[1]} {names[0]}" if hint else ""


def run(args: argparse.Namespace) -> int:
    """Print a summary count by status, then the quotes and the claims whose meaning or attribution changed."""
    check_report_path(args.html)
    original, copy = read_story(args.original, args.raw), read_story(args.copy, args.raw)
    diff = attribution_diff(original, copy)
    order = order_note(original, copy, (args.original, args.copy))
    if args.html:
        from newstrace.report import write_diff_report  # lazy: matplotlib, for --html only

        note(f"report written to {write_diff_report(diff, args.html, (args.original, args.copy))}")
    if args.csv:
        if order:
            note(f"order: {order}")
        print(diff.to_csv(index=False), end="")
        return 0
    if order:
        print(f"order: {order}\n")
    if diff.empty:
        print("The copy has no quotes or claims to check.")
        return 0
    counts = diff["status"].value_counts()
    print("Summary: " + ", ".join(f"{count} {status}" for status, count in counts.items()))
    quotes = diff[diff["row"] == "quote"].assign(verb_change=lambda t: [verb_change(r) for r in t.itertuples()])
    if not quotes.empty:
        print(f"\nQuotes ({len(quotes)}):")
        quotes = quotes.assign(copy_paragraph=quotes["copy_paragraph"].map(shown_paragraph))
        print_table(quotes[["copy_paragraph", "status", "kind", "copy_speaker", "verb_change", "copy_text"]]
                    .rename(columns={"copy_paragraph": "para", "copy_text": "quote"}), max_width=45)
        print(PARAGRAPH_NOTE + " of the copy")
    claims = diff[diff["row"] != "quote"]
    shown = claims if args.all else claims[claims["status"].isin([*FLAGGED, "no close original"])]
    if not shown.empty:
        print(f"\nClaims to check ({len(shown)}; paragraphs of the cleaned stories, counted from 1):")
        for row in shown.itertuples():
            _print_claim(row)
    hidden = claims["status"][~claims.index.isin(shown.index)].value_counts()
    if not hidden.empty:
        print("\nNot listed: " + ", ".join(f"{count} {status}" for status, count in hidden.items())
              + " (no change the rules can name; --all lists them)")
    return 0
