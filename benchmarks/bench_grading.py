"""Grade 16 submissions three ways and compare: newstrace grade --jobs 1, --jobs 2, nbgrader autograde.

Also reports the per-submission overhead of `newstrace grade` against executing the same notebook with
nbclient alone (kernel start + run, no grading). Prints ratios measured in this run, never verdicts.
Every course has had `nbgrader generate_assignment` run first (untimed), as before any grading.

    .venv/bin/python benchmarks/bench_grading.py [--submissions 16] [--assignment NAME]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from newstrace.grading import demo

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def build(root: Path, assignment: str | None, count: int) -> tuple[str, Path]:
    """Build a course with one assignment and `count` perfect submissions; return (name, notebook)."""
    names = sorted(p.name for p in (REPO / "solutions").glob("*") if (p / f"{p.name}.ipynb").is_file())
    if assignment or names:
        name = assignment or names[0]
        demo.copy_course_sources(REPO, root, [name])
    else:
        name = "doubling"
        demo.build_course(root, {name: demo.toy_source()})
    source = nbformat.read(root / "solutions" / name / f"{name}.ipynb", as_version=4)
    perfect = nbformat.writes(demo.perfect(demo.release_of(root, name), source))
    for i in range(count):
        folder = root / "submitted" / f"student{i:02d}" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.ipynb").write_text(perfect, encoding="utf-8")
    return name, folder / f"{name}.ipynb"


def timed(cmd: list[str], cwd: Path) -> float:
    """Run a command in `cwd` and return its wall time in seconds (fails loudly)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def nbclient_seconds(notebook: Path, count: int, shutdown: str = "graceful") -> float:
    """Return the mean wall time of executing the notebook with nbclient alone."""
    nb = nbformat.read(notebook, as_version=4)
    start = time.perf_counter()
    for _ in range(count):
        client = NotebookClient(nbformat.from_dict(nb), timeout=60, allow_errors=True,
                                shutdown_kernel=shutdown,
                                resources={"metadata": {"path": str(notebook.parent)}})
        client.execute()
    return (time.perf_counter() - start) / count


def main() -> None:
    """Run the three gradings and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=16)
    parser.add_argument("--assignment", default=None)
    args = parser.parse_args()
    n = args.submissions
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        base = Path(tmp)
        name, notebook = build(base / "template", args.assignment, n)
        courses = {}
        for label in ("jobs1", "jobs2", "nbgrader"):
            courses[label] = base / label
            shutil.copytree(base / "template", courses[label])
        newstrace = str(BIN / "newstrace")
        for course in courses.values():  # untimed, as an instructor has done before grading
            timed([str(BIN / "nbgrader"), "generate_assignment", name, "--force"], course)
        seconds = {
            "jobs1": timed([newstrace, "grade", "--jobs", "1"], courses["jobs1"]),
            "jobs2": timed([newstrace, "grade", "--jobs", "2"], courses["jobs2"]),
            "nbgrader": timed([str(BIN / "nbgrader"), "autograde", name, "--force"], courses["nbgrader"]),
        }
        # nbgrader's way to the same outputs as `newstrace grade` (grades and feedback pages)
        feedback = [str(BIN / "nbgrader"), "generate_feedback", name, "--force"]
        seconds["nbgrader+feedback"] = seconds["nbgrader"] + timed(feedback, courses["nbgrader"])
        load_before = os.getloadavg()[0]
        alone = nbclient_seconds(notebook, n)
        alone_now = nbclient_seconds(notebook, n, shutdown="immediate")
    print(f"assignment {name}, {n} perfect submissions, {os.cpu_count()} CPUs")
    print(f"{'way':<40}{'seconds':>9}{'per submission':>16}")
    for label, text in (("jobs1", "newstrace grade --jobs 1"), ("jobs2", "newstrace grade --jobs 2"),
                        ("nbgrader", "nbgrader autograde (CLI, sequential)"),
                        ("nbgrader+feedback", "nbgrader autograde + generate_feedback")):
        print(f"{text:<40}{seconds[label]:>9.1f}{seconds[label] / n:>16.2f}")
    print(f"{'nbclient alone (execute only)':<40}{alone * n:>9.1f}{alone:>16.2f}")
    print(f"{'nbclient alone, kernel killed at the end':<40}{alone_now * n:>9.1f}{alone_now:>16.2f}")
    print("  (nbclient alone: same notebook, in this process, unconfined, no grading, no feedback;"
          " first with nbclient's default graceful kernel shutdown, then killing the kernel once"
          " done as `newstrace grade` does)")
    print(f"load average (1 min) after the gradings: {load_before:.1f}, at the end: "
          f"{os.getloadavg()[0]:.1f} (other processes share the CPUs)")
    print(f"speed-up --jobs 2 vs nbgrader autograde CLI alone (no feedback pages): "
          f"{seconds['nbgrader'] / seconds['jobs2']:.2f}x (target >= 1.7x)")
    both = seconds["nbgrader+feedback"] / seconds["jobs2"]
    print(f"speed-up --jobs 2 vs nbgrader autograde + generate_feedback (same outputs): {both:.2f}x")
    print(f"speed-up --jobs 2 vs --jobs 1:     {seconds['jobs1'] / seconds['jobs2']:.2f}x")
    print(f"--jobs 1 vs nbgrader CLI:          {seconds['nbgrader'] / seconds['jobs1']:.2f}x")
    for label, base in (("nbclient alone", alone), ("nbclient alone, kernel killed", alone_now)):
        overhead = seconds["jobs1"] / n - base
        print(f"overhead per submission of --jobs 1 over {label}: {overhead:.2f} s")
    print("  (start-up of the command, pre-check, confinement, nbgrader sanitising and saving, "
          "gradebook merge, feedback HTML)")


if __name__ == "__main__":
    main()
