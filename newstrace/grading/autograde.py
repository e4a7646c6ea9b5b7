"""Autograde submissions in parallel worker processes that never touch the course gradebook.

Each task autogrades one student's submission with nbgrader's own Autograde converter in a private
temporary course (a copy of the submission, the assignment's source files and a gradebook holding
only that assignment), with a confined kernel. The parent process then replays nbgrader's
SaveAutoGrades and AssignLatePenalties on the autograded notebooks against the course gradebook,
one submission at a time, so no sqlite write can be lost or interleaved, and the result is the same
whatever the number of workers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import stat
import tempfile
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
from nbclient.util import run_sync
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbformat import NotebookNode
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)
from sqlalchemy.exc import SAWarning
from traitlets import Enum, Integer, Unicode
from traitlets.config import Config

from newstrace.grading import kernel_state, sandbox
from newstrace.grading.course import folder, with_overrides
from newstrace.grading.engines import forget_engines, share_gradebook_engines
from newstrace.grading.precheck import drop_duplicate_ids
from newstrace.grading.verdicts import plain_traceback

TIMEOUT_ENAME = "CellTimeoutError"  # what nbgrader's Execute records for a cell that timed out
DEFAULT_MAX_OUTPUT_CHARS = 100_000
DEFAULT_MAX_NOTEBOOK_CHARS = 2_000_000
FILLED = "filled: "  # a findings line naming a disk budget the kernel filled


@dataclass(frozen=True)
class Task:
    """One submission to autograde, with everything a worker needs to do it alone."""

    student: str
    assignment: str
    submission: Path  # submitted/<student>/<assignment>/ in the course (read only)
    source: Path  # the assignment's source folder (files beside the notebooks)
    template_db: Path  # gradebook holding only this assignment
    workdir: Path  # private temporary folder for this task
    secrets: tuple[str, ...]  # lines feedback outputs must not quote (no default: never forget it)
    show_hidden_tests: bool
    files: tuple[str, ...] = ()  # the submission's regular files, checked by the pre-check
    note: str = ""  # what the row's message should say besides (e.g. a copied cell)
    review: str = ""  # why its points wait for a person (tampering interfaces in its code)
    suspect: str = ""  # special methods its code defines: its points wait for a person if it earns any


@dataclass(frozen=True)
class Outcome:
    """What a worker returns: the autograded folder, or the reason there is none."""

    student: str
    assignment: str
    autograded: Path | None
    error: str = ""
    feedback: Path | None = None  # feedback written from the worker's own gradebook, if it could
    attempts: int = 1  # 2 when the kernel died during the first attempt
    worker_lost: bool = False  # the worker process itself died twice: keep the earlier results
    review: str = ""  # hooks found in the kernel before a test cell: its points wait for a person


class SandboxedExecute(Execute):
    """nbgrader's Execute, starting each kernel through sandbox.SandboxedKernelManager."""

    # Once every cell has run the kernel has nothing left to save: kill it (bwrap's
    # --die-with-parent takes the whole sandbox down) instead of asking it to shut down and
    # polling until it has, which cost ~0.4 s per submission.
    shutdown_kernel = Enum(
        ["graceful", "immediate"], default_value="immediate", help="how to stop the kernel"
    ).tag(config=True)

    def __init__(self, *args, **kwargs) -> None:
        """Use the confining kernel manager unless one was given."""
        kwargs.setdefault("kernel_manager_class", sandbox.SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        self.kernel_start_state: dict | None = None
        self.running_cell = -1

    findings_file = Unicode("", help="file the kernel-state findings are appended to").tag(config=True)

    async def probe_kernel_state(self) -> dict | None:
        """Evaluate the kernel-state probe silently (no cell sees its output); None if it failed."""
        msg_id = self.kc.execute(
            "", silent=True, store_history=False,
            user_expressions={"state": kernel_state.PROBE_EXPRESSION},
        )
        reply = await self.async_wait_for_reply(msg_id)
        return kernel_state.parse_reply(reply or {})

    async def async_execute_cell(self, cell: NotebookNode, cell_index: int, *args, **kwargs):
        """Before each test cell, record any hook the student's code installed in the kernel."""
        if self.findings_file and cell.cell_type == "code":
            if self.kernel_start_state is None:
                self.km.lock_sockets()  # before any student code runs
                self.kernel_start_state = await self.probe_kernel_state()
            grade = cell.metadata.get("nbgrader", {})
            if self.kernel_start_state and grade.get("grade") and not grade.get("solution"):
                found = kernel_state.changes(self.kernel_start_state, await self.probe_kernel_state())
                if found:
                    with open(self.findings_file, "a", encoding="utf-8") as out:
                        out.write("; ".join(found) + "\n")
        self.running_cell = cell_index
        try:
            return await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        finally:
            self.note_full_budgets()

    def _update_display_id(self, display_id: str, msg: dict) -> None:
        """Update a display only in the running cell: a later cell must not rewrite an earlier one's output.

        (Feedback trusts the outputs of cells run before the hidden tests; a display update sent
        after them could otherwise carry what a hook kept into such a cell.)
        """
        cells = self._display_id_map.get(display_id, {})
        kept = {index: outputs for index, outputs in cells.items() if index == self.running_cell}
        if kept:
            self._display_id_map[display_id] = kept
            super()._update_display_id(display_id, msg)
            self._display_id_map[display_id] = {**cells, **kept}

    def note_full_budgets(self) -> None:
        """Record any disk budget (working folder, /tmp) the kernel has filled, as the grader sees it."""
        full = self.km.full_budgets() if self.findings_file and self.km is not None else []
        if full:
            with open(self.findings_file, "a", encoding="utf-8") as out:
                out.write("".join(f"{FILLED}{budget}\n" for budget in full))

    execute_cell = run_sync(async_execute_cell)  # nbclient binds it to the base class's coroutine


class LimitOutputSize(LimitOutput):
    """nbgrader's LimitOutput (lines), plus a cap on the characters every output of a cell keeps.

    The cap counts every output type: streams, errors (name, message and traceback), results and
    rich outputs of any MIME type, whatever their form; a notebook as a whole keeps at most
    `max_notebook_chars`.
    """

    max_chars = Integer(DEFAULT_MAX_OUTPUT_CHARS, help="characters of output kept per cell").tag(
        config=True
    )
    max_notebook_chars = Integer(
        DEFAULT_MAX_NOTEBOOK_CHARS, help="characters of output kept per notebook"
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        """Cap each cell, then the notebook as a whole."""
        self.notebook_budget = self.max_notebook_chars
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        """Apply the line limits, then cut outputs beyond this cell's and the notebook's budget."""
        cell, resources = super().preprocess_cell(cell, resources, index)
        if cell.cell_type == "code":
            budget = min(self.max_chars, self.notebook_budget)
            capped = []
            for output in cell.outputs:
                output, used = cap_output(output, budget)
                budget -= used
                capped.append(output)
            cell.outputs = capped
            self.notebook_budget -= min(self.max_chars, self.notebook_budget) - budget
        return cell, resources


def output_chars(output: NotebookNode) -> int:
    """Return the size of an output as JSON characters (every field, every MIME type)."""
    return len(json.dumps(output, default=str))


def cut(text: str, budget: int) -> str:
    """Return `text` cut to `budget` characters, saying so when it was cut."""
    if len(text) <= budget:
        return text
    return text[: max(budget, 0)] + f"\n... output truncated ({len(text):,} characters) ...\n"


def cap_output(output: NotebookNode, budget: int) -> tuple[NotebookNode, int]:
    """Return the output cut to `budget` characters and the characters it now takes."""
    size = output_chars(output)
    if size <= budget:
        return output, size
    budget = max(budget, 0)
    kind = output.get("output_type")
    if kind == "stream":
        output.text = cut(output.get("text", ""), budget)
    elif kind == "error":
        output.ename = cut(str(output.get("ename", "")), 100)
        output.evalue = cut(str(output.get("evalue", "")), budget // 2)
        output.traceback = [cut(plain_traceback(output), budget // 2)]
    else:
        plain = output.get("data", {}).get("text/plain", "")
        plain = "".join(plain) if isinstance(plain, list) else str(plain)
        note = f"\n... output of {size:,} characters removed ({', '.join(output.get('data', {}))}) ..."
        output.data = {"text/plain": cut(plain, budget) + note}
        output.metadata = {}
    return output, output_chars(output)


def worker_config(config: Config, task: Task, timeout: int, max_chars: int) -> Config:
    """Return the course config pointed at the task's private course, with confined execution."""
    root = task.workdir / "course"
    return with_overrides(
        config,
        CourseDirectory={"root": str(root), "db_url": f"sqlite:///{root / 'gradebook.db'}"},
        Execute={"timeout": timeout},
        SandboxedExecute={"timeout": timeout, "findings_file": str(findings_file(task))},
        LimitOutputSize={"max_chars": max_chars},
        Autograde={
            "autograde_preprocessors": [
                SandboxedExecute,
                IgnorePattern,
                ClearMetadataPreprocessor,
                LimitOutputSize,
                SaveAutoGrades,
                AssignLatePenalties,
                CheckCellMetadata,
            ]
        },
    )


def stage_course(config: Config, task: Task) -> None:
    """Copy the submission, the source folder and the template gradebook into the private course."""
    root = task.workdir / "course"
    submitted = folder(config, "submitted_directory", "submitted")
    source = folder(config, "source_directory", "source")
    staged = root / submitted / task.student / task.assignment
    copy_regular_files(task.submission, staged, task.files)
    for path in staged.glob("*.ipynb"):  # an honest copy-pasted cell repeats a grade_id
        nb = nbformat.read(path, as_version=4)
        if drop_duplicate_ids(nb):
            nbformat.write(nb, path)
    shutil.copytree(task.source, root / source / task.assignment)
    shutil.copy(task.template_db, root / "gradebook.db")


def copy_regular_files(source: Path, target: Path, names: Iterable[str]) -> None:
    """Copy the named files of a submission, refusing any that is no longer a regular file."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = source / name
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise OSError(f"{name} changed into a link or special file after the pre-check")
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / name, follow_symlinks=False)


UNINTERRUPTIBLE = (
    "interrupted at the per-cell time limit, but the cell ignored the interrupt: the kernel was "
    "killed and the cells after it did not run"
)
KERNEL_DIED = "the kernel stopped (crashed or exited) while running the notebook"


def autograde_task(config: Config, task: Task, timeout: int, max_chars: int) -> Outcome:
    """Autograde one submission; if its kernel dies, grade it once more from a fresh copy.

    A kernel can die for reasons that are not the student's (the machine under memory pressure,
    a signal meant for another process); a submission that really ends its kernel dies again and
    keeps its `error` status.
    """
    outcome = autograde_once(config, task, timeout, max_chars)
    if outcome.error != KERNEL_DIED:
        return outcome
    shutil.rmtree(task.workdir / "course", ignore_errors=True)
    findings_file(task).unlink(missing_ok=True)
    return replace(autograde_once(config, task, timeout, max_chars), attempts=2)


def autograde_once(config: Config, task: Task, timeout: int, max_chars: int) -> Outcome:
    """Autograde one submission in its private course; never raises."""
    try:
        stage_course(config, task)
        api = NbGraderAPI(config=worker_config(config, task, timeout, max_chars))
        result = api.autograde(task.assignment, task.student, force=True, create=True)
    except Exception as err:  # noqa: BLE001 - one bad submission must not stop the class
        return Outcome(task.student, task.assignment, None, f"{type(err).__name__}: {err}")
    autograded = task.workdir / "course" / folder(config, "autograded_directory", "autograded")
    autograded = autograded / task.student / task.assignment
    if not result["success"]:
        return Outcome(task.student, task.assignment, None, failure_reason(result.get("log", "")))
    private = worker_config(config, task, timeout, max_chars)
    return Outcome(
        task.student,
        task.assignment,
        autograded,
        feedback=worker_feedback(private, task),
        review=kernel_review(task),
    )


def findings_file(task: Task) -> Path:
    """Return where the kernel-state check of a task writes what it found."""
    return task.workdir / "kernel-state.txt"


def kernel_review(task: Task) -> str:
    """Return why what the grader saw in the kernel holds the submission for review, or ''."""
    path = findings_file(task)
    if not path.exists():
        return ""
    found = sorted(set(path.read_text(encoding="utf-8").split("\n")) - {""})
    filled = [line.removeprefix(FILLED) for line in found if line.startswith(FILLED)]
    changed = [line for line in found if not line.startswith(FILLED)]
    reasons = []
    if filled:
        reasons.append(f"student code filled its disk budget: {', '.join(filled)}; later writes failed")
    if changed:
        reasons.append(f"kernel state changed before a test cell ({'; '.join(changed)})")
    return "; ".join(reasons)[:300]


def worker_feedback(private: Config, task: Task) -> Path | None:
    """Write feedback in the private course (in parallel); return its folder, None on failure."""
    from newstrace.grading.feedback import feedback_folder, write_feedback

    try:
        problem = write_feedback(
            private, task.student, task.assignment, task.secrets, task.show_hidden_tests
        )
    except Exception:  # noqa: BLE001 - the parent writes the feedback instead
        return None
    return None if problem else feedback_folder(private, task.student, task.assignment)


def failure_reason(log: str) -> str:
    """Return a one-line reason from nbgrader's autograde log."""
    if "DeadKernelError" in log or "Kernel died" in log:
        return KERNEL_DIED
    if "CellTimeoutError" in log:
        return UNINTERRUPTIBLE
    lines = [line.strip() for line in log.splitlines() if "Error" in line or "error" in line]
    return lines[-1][:300] if lines else "nbgrader could not autograde this submission"


def init_worker(kind: str, limits: sandbox.Limits, private_root: str) -> None:
    """Configure the sandbox (and quiet nbgrader's harmless SQLAlchemy warning) in a worker."""
    warnings.filterwarnings("ignore", category=SAWarning)
    forget_engines()  # a forked worker must not use the parent's gradebook connections
    share_gradebook_engines()
    sandbox.configure(kind, limits, private_root)


def run_tasks(
    config: Config,
    tasks: list[Task],
    jobs: int,
    options: tuple[str, sandbox.Limits, str, int, int],
    on_done: Callable[[Outcome], None],
) -> None:
    """Autograde every task, `jobs` at a time, calling `on_done` in the parent as each finishes."""
    kind, limits, private_root, timeout, max_chars = options
    if jobs <= 1:
        init_worker(kind, limits, private_root)
        for task in tasks:
            on_done(autograde_task(config, task, timeout, max_chars))
        return
    context = worker_context()
    lost: list[Task] = []
    with ProcessPoolExecutor(jobs, context, init_worker, (kind, limits, private_root)) as pool:
        futures = [pool.submit(autograde_task, config, t, timeout, max_chars) for t in tasks]
        for task, future in zip(tasks, futures):
            outcome = outcome_of(task, future)
            if outcome.worker_lost:
                lost.append(task)  # perhaps only beside the submission that killed the worker
            else:
                on_done(outcome)
    for task in lost:  # each alone in a fresh worker, so one killer cannot take others with it
        with ProcessPoolExecutor(1, context, init_worker, (kind, limits, private_root)) as pool:
            shutil.rmtree(task.workdir, ignore_errors=True)
            future = pool.submit(autograde_task, config, task, timeout, max_chars)
            on_done(replace(outcome_of(task, future), attempts=2))


def worker_context() -> multiprocessing.context.BaseContext:
    """Return a start method for workers: fork when that is safe, else a fork server, else spawn.

    A forked worker starts at once with the grader already imported (a fork server re-imports
    nbgrader, ~3 s before the first submission). Fork is used only when this process runs one
    thread and has no event loop of jupyter_core's (an event loop's epoll instance would be shared
    with every worker).
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and fork_is_safe():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(
            ["newstrace.grading.autograde", "newstrace.grading.feedback"]
        )
        return context
    return multiprocessing.get_context("spawn")


def fork_is_safe() -> bool:
    """Return True when this process has a single thread and no jupyter_core event loop."""
    import threading

    from jupyter_core import utils

    loop_var = getattr(utils, "_loop", None)  # a ContextVar; if it ever goes, stay with forkserver
    if loop_var is None or not hasattr(loop_var, "get"):
        return False
    return threading.active_count() == 1 and loop_var.get(None) is None


def outcome_of(task: Task, future: Future) -> Outcome:
    """Return a future's Outcome, or a worker_lost Outcome when the worker process itself died."""
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - e.g. a worker killed by the out-of-memory killer
        reason = f"the grading worker died ({type(err).__name__})"
        return Outcome(task.student, task.assignment, None, reason, worker_lost=True)


def timed_out_cells(nb: NotebookNode) -> list[int]:
    """Return the indexes of cells interrupted at the per-cell timeout."""
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and any(o.get("ename") == TIMEOUT_ENAME for o in cell.get("outputs", []))
    ]


def read_autograded(folder_path: Path, names: Iterable[str]) -> dict[str, NotebookNode]:
    """Return the autograded notebooks of one submission, by name."""
    return {n: nbformat.read(folder_path / f"{n}.ipynb", as_version=4) for n in names}


def private_tempdir(parent: str | None = None) -> Path:
    """Return a new temporary folder only this user can enter."""
    path = Path(tempfile.mkdtemp(prefix="newstrace-grade-", dir=parent))
    os.chmod(path, 0o700)
    return path
