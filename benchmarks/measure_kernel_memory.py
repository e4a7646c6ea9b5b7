"""Measure the memory a grading kernel needs: peak RSS and peak address space, per assignment.

Runs each assignment's instructor notebook in solutions/ (every answer and every test cell, public
and hidden, as nbgrader's autograder runs them) in the grader's own confined kernel, then reads
the kernel's /proc/self/status: VmHWM (peak resident memory, what a memory cgroup charges) and
VmPeak (peak address space, what `prlimit --as`, the per-process fallback, counts). Then it looks
for the smallest per-process cap (`--memory-mb` without a memory cgroup) under which every
notebook still runs without an error, in 128 MB steps. The grader's minimums in
newstrace/grading/memory_limits.py (MIN_CGROUP_MEMORY_MB, MIN_PROCESS_MEMORY_MB) come from this.

    .venv/bin/python benchmarks/measure_kernel_memory.py [--assignment NAME ...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from newstrace.grading import memory_limits, sandbox

REPO = Path(__file__).resolve().parent.parent
STATUS_CELL = "print(open('/proc/self/status').read())"
STEP_MB = 128


def run(assignment: str, limits: sandbox.Limits, work: Path) -> tuple[bool, dict[str, int]]:
    """Run an instructor notebook in a confined kernel; return (no cell failed, VmPeak/VmHWM in kB)."""
    source = REPO / "solutions" / assignment
    folder = work / assignment
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)  # the files nbgrader puts beside the notebook, and the notebook
    nb = nbformat.read(folder / f"{assignment}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(STATUS_CELL))
    sandbox.configure(sandbox.detect_confinement("bwrap").kind, limits, str(work))
    client = NotebookClient(nb, timeout=120, allow_errors=True, shutdown_kernel="immediate",
                            kernel_manager_class=sandbox.SandboxedKernelManager,
                            resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except Exception:  # noqa: BLE001 - a kernel that could not start under this cap
        return False, {}
    failed = any(o.get("output_type") == "error" for c in nb.cells if c.cell_type == "code"
                 for o in c.outputs)
    status = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    peaks = {key: int(kb) for key, kb in re.findall(r"(VmPeak|VmHWM):\s+(\d+) kB", status)}
    return not failed and len(peaks) == 2, peaks


def main() -> None:
    """Print each assignment's peaks and the smallest per-process cap that runs them all."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", action="append", default=None)
    args = parser.parse_args()
    names = args.assignment or sorted(
        p.name for p in (REPO / "solutions").iterdir() if (p / f"{p.name}.ipynb").is_file()
    )
    memory_limits.memory_cgroup_root = lambda: None  # measure the per-process fallback (prlimit --as)
    with tempfile.TemporaryDirectory(prefix="kernel-memory-") as tmp:
        work = Path(tmp)
        print(f"{'assignment':<28}{'peak RSS (VmHWM)':>18}{'peak address space (VmPeak)':>30}")
        peak_rss = peak_as = 0
        for name in names:
            ok, peaks = run(name, sandbox.Limits(memory_bytes=16 * 1024**3), work)
            if not ok:
                raise SystemExit(f"{name}: the instructor notebook does not run cleanly, uncapped")
            peak_rss, peak_as = max(peak_rss, peaks["VmHWM"]), max(peak_as, peaks["VmPeak"])
            print(f"{name:<28}{peaks['VmHWM'] / 1024:>15.0f} MB{peaks['VmPeak'] / 1024:>27.0f} MB")
        cap = STEP_MB
        while not all(run(n, sandbox.Limits(memory_bytes=cap * 1024**2), work)[0] for n in names):
            cap += STEP_MB
        print(f"largest peak RSS {peak_rss / 1024:.0f} MB, largest peak address space "
              f"{peak_as / 1024:.0f} MB")
        print(f"smallest per-process cap (prlimit --as, {STEP_MB} MB steps) running every notebook "
              f"without an error: {cap} MB")


if __name__ == "__main__":
    main()
