"""Grade 16 submissions three ways and compare: newstrace grade --jobs 1, --jobs 2, nbgrader autograde.

Also reports the per-submission overhead of `newstrace grade` against executing the same notebook with
nbclient alone (kernel start + run, no grading). Prints ratios measured in this run, never verdicts.
Every course has had `nbgrader generate_assignment` run first (untimed), as before any grading.

    .venv/bin/python benchmarks/bench_grading.py [--submissions 16] [--assignment NAME] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from newstrace.grading import demo, sandbox

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


def nbclient_seconds(notebook: Path, count: int, shutdown: str = "graceful",
                     manager: type | None = None) -> float:
    """Return the mean wall time of executing the notebook with nbclient alone."""
    nb = nbformat.read(notebook, as_version=4)
    options = {"kernel_manager_class": manager} if manager else {}
    start = time.perf_counter()
    for _ in range(count):
        client = NotebookClient(nbformat.from_dict(nb), timeout=60, allow_errors=True,
                                shutdown_kernel=shutdown, **options,
                                resources={"metadata": {"path": str(notebook.parent)}})
        client.execute()
    return (time.perf_counter() - start) / count


def grading_seconds(template: Path, name: str, work: Path) -> dict[str, float]:
    """Grade fresh copies of the template course each way once; return wall seconds by way."""
    newstrace = str(BIN / "newstrace")
    commands = {
        "jobs1": [newstrace, "grade", "--jobs", "1"],
        "jobs2": [newstrace, "grade", "--jobs", "2"],
        "nbgrader": [str(BIN / "nbgrader"), "autograde", name, "--force"],
    }
    seconds = {}
    for label, command in commands.items():
        course = work / label
        shutil.rmtree(course, ignore_errors=True)
        shutil.copytree(template, course)
        # untimed, as an instructor has done before grading
        timed([str(BIN / "nbgrader"), "generate_assignment", name, "--force"], course)
        seconds[label] = timed(command, course)
    # nbgrader's way to the same outputs as `newstrace grade` (grades and feedback pages)
    feedback = [str(BIN / "nbgrader"), "generate_feedback", name, "--force"]
    seconds["nbgrader+feedback"] = seconds["nbgrader"] + timed(feedback, work / "nbgrader")
    return seconds


def main() -> None:
    """Run the three gradings and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=16)
    parser.add_argument("--assignment", default=None)
    parser.add_argument("--repeat", type=int, default=1,
                        help="grade each way this many times, interleaved; report medians")
    args = parser.parse_args()
    n = args.submissions
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        base = Path(tmp)
        name, notebook = build(base / "template", args.assignment, n)
        runs = [grading_seconds(base / "template", name, base) for _ in range(max(args.repeat, 1))]
        seconds = {label: statistics.median(run[label] for run in runs) for label in runs[0]}
        load_before = os.getloadavg()[0]
        alone = nbclient_seconds(notebook, n)
        alone_now = nbclient_seconds(notebook, n, shutdown="immediate")
        sandbox.configure("none", sandbox.Limits(), tmp)  # the grader's kernel manager, unconfined
        alone_prompt = nbclient_seconds(notebook, n, "immediate", sandbox.SandboxedKernelManager)
    if len(runs) > 1:
        print(f"medians of {len(runs)} interleaved runs; --jobs 2 vs nbgrader CLI per run: "
              + ", ".join(f"{run['nbgrader'] / run['jobs2']:.2f}x" for run in runs))
    print(f"assignment {name}, {n} perfect submissions, {os.cpu_count()} CPUs")
    print(f"{'way':<40}{'seconds':>9}{'per submission':>16}")
    for label, text in (("jobs1", "newstrace grade --jobs 1"), ("jobs2", "newstrace grade --jobs 2"),
                        ("nbgrader", "nbgrader autograde (CLI, sequential)"),
                        ("nbgrader+feedback", "nbgrader autograde + generate_feedback")):
        print(f"{text:<40}{seconds[label]:>9.1f}{seconds[label] / n:>16.2f}")
    print(f"{'nbclient alone (execute only)':<40}{alone * n:>9.1f}{alone:>16.2f}")
    print(f"{'nbclient alone, kernel killed at the end':<40}{alone_now * n:>9.1f}{alone_now:>16.2f}")
    print(f"{'nbclient alone, grader kernel manager':<40}{alone_prompt * n:>9.1f}{alone_prompt:>16.2f}")
    print("  (nbclient alone: same notebook, in this process, unconfined, no grading, no feedback;"
          " first with nbclient's default graceful kernel shutdown, then killing the kernel once"
          " done, then also with the grader's kernel manager, which does not sit idle around"
          " each kernel, as `newstrace grade` does)")
    print(f"load average (1 min) after the gradings: {load_before:.1f}, at the end: "
          f"{os.getloadavg()[0]:.1f} (other processes share the CPUs)")
    print(f"speed-up --jobs 2 vs nbgrader autograde CLI alone (no feedback pages): "
          f"{seconds['nbgrader'] / seconds['jobs2']:.2f}x (target >= 2x)")
    both = seconds["nbgrader+feedback"] / seconds["jobs2"]
    print(f"speed-up --jobs 2 vs nbgrader autograde + generate_feedback (same outputs): {both:.2f}x")
    print(f"speed-up --jobs 2 vs --jobs 1:     {seconds['jobs1'] / seconds['jobs2']:.2f}x")
    print(f"--jobs 1 vs nbgrader CLI:          {seconds['nbgrader'] / seconds['jobs1']:.2f}x")
    for label, base in (("nbclient alone", alone), ("nbclient alone, kernel killed", alone_now),
                        ("nbclient alone, grader kernel manager", alone_prompt)):
        overhead = seconds["jobs1"] / n - base
        print(f"overhead per submission of --jobs 1 over {label}: {overhead:.2f} s")
    print("  (start-up of the command, pre-check, confinement, nbgrader sanitising and saving, "
          "gradebook merge, feedback HTML)")


if __name__ == "__main__":
    main()
