"""`newstrace grade`: grade a class's nbgrader submissions, confined and in parallel, losing nothing."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

NAME = "grade"
UNUSED_OPTIONAL_MODULES = ("rfc3987_syntax",)
"""Optional imports of our dependencies that grading never uses; see skip_unused_optional_imports."""
HELP = (
    "autograde submitted/<student>/<assignment>/ in a course root: pre-checks, confined parallel "
    "kernels, offline feedback, grades.csv"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the grading options."""
    parser.add_argument(
        "--course", default=".", help="course root with nbgrader_config.py (default: .)"
    )
    parser.add_argument(
        "--assignment",
        action="append",
        default=[],
        metavar="A",
        help="grade only this assignment (repeatable; default: all)",
    )
    parser.add_argument(
        "--student",
        action="append",
        default=[],
        metavar="S",
        help="grade only this student (repeatable; default: all who submitted)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=None,
        metavar="SECONDS",
        help="per-cell time limit (default: the course config's, else 30)",
    )
    parser.add_argument(
        "--show-hidden-tests",
        action="store_true",
        help="show the code of hidden tests in feedback (hidden by default)",
    )
    parser.add_argument(
        "--feedback-only",
        action="store_true",
        help="do not autograde: rewrite feedback and grades.csv from the gradebook "
        "(after manual grading in formgrader)",
    )
    parser.add_argument(
        "--sandbox",
        choices=("auto", "bwrap", "none"),
        default="auto",
        help="confine student kernels with bubblewrap (auto: when available)",
    )
    parser.add_argument("--memory-mb", type=int, default=4096, help="memory limit per kernel")
    parser.add_argument("--cpu-seconds", type=int, default=600, help="CPU time limit per kernel")
    parser.add_argument(
        "--disk-mb",
        type=int,
        default=256,
        help="size of each kernel's working folder, its disk budget (default: 256)",
    )
    parser.add_argument(
        "--max-output-chars",
        type=int,
        default=100_000,
        help="characters of output kept per cell (default: 100000)",
    )


def options_from(args: argparse.Namespace):
    """Return GradeOptions from parsed arguments."""
    from newstrace.grading.pipeline import GradeOptions
    from newstrace.grading.sandbox import Limits

    limits = Limits(
        memory_bytes=args.memory_mb * 1024**2,
        cpu_seconds=args.cpu_seconds,
        work_bytes=args.disk_mb * 1024**2,
    )
    return GradeOptions(
        assignments=tuple(args.assignment),
        students=tuple(args.student),
        jobs=max(args.jobs, 1),
        timeout=args.timeout,
        show_hidden_tests=args.show_hidden_tests,
        sandbox=args.sandbox,
        limits=limits,
        max_output_chars=args.max_output_chars,
    )


def skip_unused_optional_imports() -> None:
    """Keep optional modules that grading never uses out of this process, unless already loaded.

    jsonschema (imported by nbformat) loads rfc3987_syntax when it is installed, only to check
    the "iri" string format, and that import builds a grammar: about 1 s of every start. No
    notebook schema uses formats, and jsonschema leaves a format it cannot check unchecked.
    """
    for name in UNUSED_OPTIONAL_MODULES:
        sys.modules.setdefault(name, None)  # None in sys.modules: `import name` raises ImportError


def run(args: argparse.Namespace) -> int:
    """Grade the class; 0 when grading completed (even with bad submissions), 1 when it could not."""
    skip_unused_optional_imports()
    try:  # imported here, not at the top: nbgrader takes seconds to import and only `grade` needs it
        from newstrace.grading.pipeline import grade_course, refresh_feedback
    except ModuleNotFoundError as err:
        print(f"newstrace grade: {err.name} is not installed; grading needs the course extra: "
              "pip install 'newstrace[course]'", file=sys.stderr)
        return 2

    course = Path(args.course)
    work = refresh_feedback if args.feedback_only else grade_course
    try:
        rows = work(course, options_from(args), log=lambda line: print(line, flush=True))
    except Exception as err:  # noqa: BLE001 - the grading system itself failed: say why
        print(f"newstrace grade: grading failed: {type(err).__name__}: {err}", file=sys.stderr)
        if os.environ.get("NEWSTRACE_DEBUG"):
            traceback.print_exc()
        return 1
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no submissions"
    print(f"graded {len(rows)} submissions ({summary}); wrote {course / 'grades.csv'}")
    return 0
