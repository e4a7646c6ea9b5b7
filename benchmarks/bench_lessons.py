"""Time to execute each lesson top to bottom in a fresh kernel, against a one-cell notebook baseline.

Target (a goal, not a verdict): every lesson under 20 s on the course machine. The baseline is a
notebook whose only cell imports newstrace, run the same way in the same run, so the ratio shows what
a lesson costs beyond starting a kernel. Also times exporting all lessons to decks.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from newstrace import course

RUNS = 2
TARGET_SECONDS = 20


def timed(action) -> tuple[float, object]:
    """Return (seconds, result) of calling action()."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def median_execution(path: Path) -> tuple[float, nbformat.NotebookNode]:
    """Return the median seconds over RUNS executions of a notebook, and its last executed copy."""
    times, notebook = [], None
    for _ in range(RUNS):
        seconds, notebook = timed(lambda: course.execute_notebook(path))
        times.append(seconds)
    return statistics.median(times), notebook


def main() -> int:
    """Print each lesson's execution time, its ratio to the baseline, and the deck export time."""
    with tempfile.TemporaryDirectory() as scratch:
        baseline_path = Path(scratch) / "00-baseline.ipynb"
        baseline = nbformat.v4.new_notebook()
        baseline.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}}
        baseline.cells = [nbformat.v4.new_code_cell("import newstrace as nt\nnt.articles();")]
        nbformat.write(baseline, baseline_path)
        base, _ = median_execution(baseline_path)
        print(f"baseline: fresh kernel + import newstrace + nt.articles(): {base:6.2f} s (median of {RUNS})")
        executed = []
        for path in course.lesson_paths():
            seconds, notebook = median_execution(path)
            status = "under" if seconds < TARGET_SECONDS else "OVER"
            print(f"{path.stem:32s} {seconds:6.2f} s  {seconds / base:5.1f}x baseline  "
                  f"({status} the {TARGET_SECONDS} s goal)")
            out = Path(scratch) / path.name
            nbformat.write(notebook, out)
            executed.append(out)
        seconds, decks = timed(lambda: course.build_slides(Path(scratch) / "slides", executed,
                                                           course.BUILD / "vendor"))
        print(f"export {len(decks)} offline decks (reveal.js cached):  {seconds:6.2f} s  "
              f"{seconds / base:5.1f}x baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
