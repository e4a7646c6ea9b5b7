"""Pre-check a submitted notebook against the released version before any kernel runs it.

Rules, in order: the file exists; its JSON is readable; it is a valid notebook; every grade_id of
the release is present and no unknown one was added; every locked cell (tests, read-only
instructions) still has the released source. nbgrader's own checksum warning is no signal (it fires
for every submission of an assignment with hidden tests), so locked cells are compared by source.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

OK, UNREADABLE, TAMPERED, REVIEW = "ok", "unreadable", "tampered", "review"
TAMPERING_ATTRIBUTES = frozenset(
    "input_transformers_cleanup input_transformers_post ast_transformers input_transformer_manager "
    "events set_custom_exc custom_exceptions showtraceback _showtraceback run_cell run_ast_nodes "
    "transform_cell history_manager user_ns user_global_ns displayhook display_pub excepthook "
    "settrace setprofile _getframe currentframe f_back f_globals f_locals f_code f_builtins "
    "tb_frame gi_frame cr_frame co_consts __code__ __globals__ __builtins__ __subclasses__ "
    # reaching any of the above by a name built at run time, or hooking the kernel's own machinery
    "__dict__ __getattribute__ attrgetter methodcaller addaudithook run_cell_async run_code "
    "should_run_async ast_parse do_execute shell_handlers setitimer walk_stack extract_stack".split()
)
TAMPERING_NAMES = frozenset(
    "In Out _ih _oh _dh _i _ii _iii __builtins__ exec eval compile __import__ globals vars "
    "breakpoint attrgetter methodcaller".split()
)
TAMPERING_MODULES = frozenset(
    "builtins inspect gc ctypes importlib code codeop signal marshal dis atexit faulthandler "
    "unittest mock".split()
)
# Methods that decide what a comparison, a truth test or a type check says: an object of the
# student's own that defines them can pass an `assert result == expected` without the work.
HONEST_DUNDERS = frozenset("__init__ __repr__ __str__ __post_init__ __doc__ __slots__".split())
DUNDER = re.compile(r"__[a-z][a-z0-9_]*__$")
COMPARISON_DUNDERS = frozenset(
    "__eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ __len__ __hash__ __instancecheck__ "
    "__subclasscheck__ __contains__ __class__ __getattr__".split()
)
INPUT_HISTORY = re.compile(r"_i\d+$|_\d+$")
HISTORY_NAMES = frozenset("In Out _ih _oh _dh _i _ii _iii".split())
MAX_SUBMISSION_BYTES = 50 * 1024**2  # every file of one submission together
MAX_NOTEBOOK_BYTES = 20 * 1024**2


@dataclass(frozen=True)
class Precheck:
    """The verdict on one submitted notebook: a status, a short message, the files to copy."""

    status: str
    message: str = ""
    files: tuple[str, ...] = field(default=())  # regular files of the submission, relative paths
    note: str = ""  # something the row's message should say though the submission is graded
    suspect: str = ""  # special methods it defines: held for review if it earns test points


def special_kind(mode: int) -> str:
    """Return what a non-regular, non-folder file is, in words."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "a special file"


def submission_files(folder: Path, budget: int = MAX_SUBMISSION_BYTES) -> tuple[list[str], str]:
    """Return (regular files under `folder`, relative, sorted; problem or ''), following no link.

    Symbolic links, pipes, sockets, device files and hard links to files outside the folder are
    problems (they could make the grader copy files the student cannot read), and so is a total
    size beyond `budget`.
    """
    if not folder.is_dir() or folder.is_symlink():
        return [], f"{folder.name} is not a folder" if folder.is_symlink() else ""
    files: list[str] = []
    inodes: dict[tuple[int, int], list[int]] = {}
    total = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        for name in sorted(dirs + names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder)
            info = os.lstat(path)
            if stat.S_ISDIR(info.st_mode):
                continue
            if not stat.S_ISREG(info.st_mode):
                return [], f"{rel} is {special_kind(info.st_mode)}; submit ordinary files only"
            inodes.setdefault((info.st_dev, info.st_ino), []).append(info.st_nlink)
            total += info.st_size
            files.append(rel)
    for links in inodes.values():
        if links[0] > len(links):
            return [], "a file is a hard link to a file outside the submission; submit copies"
    if total > budget:
        return [], f"the submission holds {total / 1024**2:.0f} MB, over the {budget // 1024**2} MB allowed"
    return sorted(files), ""


def nbgrader_cells(nb: NotebookNode) -> dict[str, NotebookNode]:
    """Return the cells carrying nbgrader metadata, keyed by grade_id (first one wins)."""
    cells: dict[str, NotebookNode] = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id not in cells:
            cells[grade_id] = cell
    return cells


def drop_duplicate_ids(nb: NotebookNode) -> list[str]:
    """Make every later cell repeating an earlier cell's grade_id an ordinary cell; return their ids.

    Jupyter keeps a cell's metadata when it is copied and pasted, so an honest copy of an answer
    cell repeats its grade_id; nbgrader then refuses the whole notebook. The first one counts.
    """
    seen: set[str] = set()
    dropped = []
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if not grade_id:
            continue
        if grade_id in seen:
            del cell.metadata["nbgrader"]
            dropped.append(grade_id)
        seen.add(grade_id)
    return dropped


def is_locked(cell: NotebookNode) -> bool:
    """Return True for cells students must not change: locked cells and test cells."""
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("locked")) or (bool(meta.get("grade")) and not meta.get("solution"))


def grading_role(cell: NotebookNode) -> tuple:
    """Return what decides how a cell is graded: its type and nbgrader's flags and points."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    points = meta.get("points") if meta.get("grade") else None
    try:
        points = None if points is None else float(points)
    except (TypeError, ValueError):
        points = str(points)
    flags = tuple(bool(meta.get(flag)) for flag in ("grade", "solution", "locked", "task"))
    return cell.get("cell_type"), flags, points


def normalise_source(source: str) -> str:
    """Return a cell source with line-end whitespace and surrounding blank lines ignored."""
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def read_submission(path: Path) -> tuple[NotebookNode | None, Precheck]:
    """Read and validate a submitted notebook; return it, or None and an unreadable verdict."""
    if path.is_symlink():
        return None, Precheck(UNREADABLE, f"{path.name} is a symbolic link; submit the notebook itself")
    if not path.is_file():
        return None, Precheck(UNREADABLE, f"no notebook {path.name} was submitted")
    try:
        text = read_regular_file(path, MAX_NOTEBOOK_BYTES).decode("utf-8")
        raw = json.loads(text)
    except Exception as err:  # noqa: BLE001 - deep nesting (RecursionError), OSError, bad bytes
        reason = one_line(err)
        return None, Precheck(UNREADABLE, f"{path.name} is not readable JSON ({reason})")
    try:
        if not isinstance(raw, dict) or raw.get("nbformat") != 4:
            raise ValueError("expected a version 4 notebook")
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # noqa: BLE001 - any validation failure means unreadable
        return None, Precheck(UNREADABLE, f"{path.name} is not a valid notebook ({one_line(err)})")
    return nb, Precheck(OK)


def one_line(err: BaseException) -> str:
    """Return an exception as one short line: its type and the first line of its message."""
    text = str(err).strip()
    first = text.splitlines()[0][:200] if text else ""
    return f"{type(err).__name__}: {first}" if first else type(err).__name__


def read_regular_file(path: Path, limit: int) -> bytes:
    """Return a regular file's bytes, refusing links, special files and files over `limit` bytes."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path.name} is {special_kind(info.st_mode)}")
        if info.st_size > limit:
            raise OSError(f"{info.st_size / 1024**2:.0f} MB, over the {limit // 1024**2} MB allowed")
        return handle.read(limit + 1)[:limit]


def compare_with_release(submitted: NotebookNode, release: NotebookNode, name: str) -> Precheck:
    """Return tampered when grade_ids differ from the release or a locked cell was edited."""
    got, expected = nbgrader_cells(submitted), nbgrader_cells(release)
    if expected and not got:
        return Precheck(TAMPERED, f"{name}: the nbgrader metadata of every cell was removed")
    missing = sorted(set(expected) - set(got))
    if missing:
        return Precheck(TAMPERED, f"{name}: cells deleted: {', '.join(missing)}")
    unknown = sorted(set(got) - set(expected))
    if unknown:
        return Precheck(TAMPERED, f"{name}: cells with unknown grade_ids: {', '.join(unknown)}")
    changed = [gid for gid, cell in expected.items() if grading_role(got[gid]) != grading_role(cell)]
    if changed:
        return Precheck(TAMPERED, f"{name}: grading metadata changed (cell type, points, locks): {', '.join(changed)}")
    edited = [
        grade_id
        for grade_id, cell in expected.items()
        if is_locked(cell)
        and normalise_source(got[grade_id].source) != normalise_source(cell.source)
    ]
    if edited:
        return Precheck(TAMPERED, f"{name}: locked or test cells edited: {', '.join(edited)}")
    return Precheck(OK)


@functools.lru_cache(maxsize=256)
def cell_tree(source: str) -> ast.AST | None:
    """Return a code cell's syntax tree, IPython syntax (magics, `!`) turned into Python; None if it does not parse."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except Exception:  # noqa: BLE001 - code that does not parse can hook or define nothing
        return None


def tampering_in(source: str) -> list[str]:
    """Return the tampering interfaces a cell's code uses (IPython hooks, frames, history, eval)."""
    tree = cell_tree(source)
    if tree is None:
        return []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and (
            node.attr in TAMPERING_ATTRIBUTES or node.attr in HISTORY_NAMES or INPUT_HISTORY.match(node.attr)
        ):
            found.add(node.attr)  # __main__._ih is the same history as _ih
        elif isinstance(node, ast.Name) and (
            node.id in TAMPERING_NAMES or INPUT_HISTORY.match(node.id)
        ):
            found.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found.update(m for m in modules if m.split(".")[0] in TAMPERING_MODULES)
            if isinstance(node, ast.ImportFrom):  # from operator import attrgetter
                found.update(a.name for a in node.names if a.name in TAMPERING_NAMES | TAMPERING_ATTRIBUTES)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "delattr")
            and len(node.args) > 1
            and not isinstance(node.args[1], ast.Constant)
        ):
            found.add(f"{node.func.id} with a computed name")
        elif isinstance(node, ast.Constant) and node.value in TAMPERING_ATTRIBUTES:
            found.add(node.value)
    return sorted(found)


def redefined_behaviour(source: str) -> list[str]:
    """Return the special methods (`__eq__`, `__bool__`, ...) a cell's code defines or sets on a class."""
    tree = cell_tree(source)
    if tree is None:
        return []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                targets = item.targets if isinstance(item, ast.Assign) else [item]
                for target in targets:
                    name = getattr(target, "name", getattr(target, "id", ""))
                    found.add(name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            found.add(node.attr)
        elif isinstance(node, ast.Constant) and node.value in COMPARISON_DUNDERS:
            found.add(node.value)  # type("Yes", (int,), {"__eq__": ...}), setattr(cls, "__eq__", ...)
    return sorted(n for n in found if isinstance(n, str) and DUNDER.match(n) and n not in HONEST_DUNDERS)


def behaviour_report(submitted: NotebookNode, release: NotebookNode, name: str) -> str:
    """Return where the student's own cells define special methods of comparison or truth ('' when nowhere)."""
    return _where_found(submitted, release, name, redefined_behaviour)


def _where_found(submitted: NotebookNode, release: NotebookNode, name: str,
                 finder: Callable[[str], list[str]]) -> str:
    """Return "NAME cell N: what, ..." for each of the student's own code cells in which finder finds something."""
    uses = [
        f"{name} cell {index}: {', '.join(found)}"
        for index, cell in own_code_cells(submitted, release)
        if (found := finder(cell.source))
    ]
    return "; ".join(uses)


def own_code_cells(submitted: NotebookNode, release: NotebookNode) -> list[tuple[int, NotebookNode]]:
    """Return (1-based index, cell) of the code cells the student wrote or may edit."""
    locked = {gid for gid, cell in nbgrader_cells(release).items() if is_locked(cell)}
    seen_ids: set[str] = set()
    own = []
    for index, cell in enumerate(submitted.cells, start=1):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in locked and grade_id not in seen_ids:
            seen_ids.add(grade_id)
            continue  # the instructor's own cell, restored from the gradebook at grading
        if cell.cell_type == "code":
            own.append((index, cell))
    return own


def tampering_report(submitted: NotebookNode, release: NotebookNode, name: str) -> str:
    """Return where the student's own cells use tampering interfaces ('' when nowhere)."""
    return _where_found(submitted, release, name, tampering_in)


def precheck_submission(folder: Path, releases: dict[str, NotebookNode]) -> Precheck:
    """Check a student's submission folder and every released notebook in it; return the verdict.

    Never raises: whatever goes wrong while reading one submission is that submission's verdict.
    """
    notes, suspects = [], []
    try:
        files, problem = submission_files(folder)
        if problem:
            return Precheck(UNREADABLE, problem)
        for name, release in sorted(releases.items()):
            nb, verdict = read_submission(folder / f"{name}.ipynb")
            if nb is None:
                return verdict
            copies = drop_duplicate_ids(nb)
            if copies:
                notes.append(
                    f"{name}.ipynb: copied cells with the grade_id of an earlier cell "
                    f"({', '.join(copies)}) were graded as ordinary cells; the first one counts"
                )
            verdict = compare_with_release(nb, release, f"{name}.ipynb")
            if verdict.status != OK:
                return verdict
            uses = tampering_report(nb, release, f"{name}.ipynb")
            if uses:
                review = f"held for review: the code uses interfaces that can change the tests ({uses})"
                return Precheck(REVIEW, review, tuple(files), "; ".join(notes))
            suspects.append(behaviour_report(nb, release, f"{name}.ipynb"))
    except Exception as err:  # noqa: BLE001 - one bad submission must not stop the class
        return Precheck(UNREADABLE, f"the submission could not be read ({one_line(err)})")
    suspect = "; ".join(filter(None, suspects))
    return Precheck(OK, files=tuple(files), note="; ".join(notes), suspect=suspect)
