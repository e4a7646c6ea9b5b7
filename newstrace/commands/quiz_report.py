"""`newstrace quiz-report FOLDER`: per objective, the share of answers right before and after."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "quiz-report"
HELP = "report a class's pre/post check: share right per objective before and after, bad and missing files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register FOLDER, --key and --plot."""
    parser.add_argument("folder", metavar="FOLDER", help="folder of the students' answer files (*.json)")
    parser.add_argument("--key", help="the answer key (default: guide/quiz-key.json of the course)")
    parser.add_argument("--plot", help="where to write the chart (PNG, alt text beside it; "
                                       "default FOLDER/quiz-report.png)")


def run(args: argparse.Namespace) -> int:
    """Print the report and write its chart; return 2 if the folder or key cannot be read."""
    from newstrace.quiz import class_report, load_key, report_chart

    try:
        key = load_key(Path(args.key)) if args.key else load_key()
        report = class_report(args.folder, key)
    except FileNotFoundError as err:
        print(f"newstrace quiz-report: {err}", file=sys.stderr)
        return 2
    print(report.text())
    plot = Path(args.plot) if args.plot else Path(args.folder) / "quiz-report.png"
    chart = report_chart(report)
    chart.save(str(plot))
    print(f"\nChart: {plot} (alt text in {plot.name}.alt.txt)")
    return 0
