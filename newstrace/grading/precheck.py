"""Pre-check a submitted notebook against the released version before any kernel runs it.

Rules, in order: the file exists; its JSON is readable; it is a valid notebook; every grade_id of
the release is present and no unknown one was added; every locked cell (tests, read-only
instructions) still has the released source. nbgrader's own checksum warning is no signal (it fires
for every submission of an assignment with hidden tests), so locked cells are compared by source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

OK, UNREADABLE, TAMPERED = "ok", "unreadable", "tampered"


@dataclass(frozen=True)
class Precheck:
    """The verdict on one submitted notebook: a status and a short message."""

    status: str
    message: str = ""


def nbgrader_cells(nb: NotebookNode) -> dict[str, NotebookNode]:
    """Return the cells carrying nbgrader metadata, keyed by grade_id (first one wins)."""
    cells: dict[str, NotebookNode] = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id not in cells:
            cells[grade_id] = cell
    return cells


def is_locked(cell: NotebookNode) -> bool:
    """Return True for cells students must not change: locked cells and test cells."""
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("locked")) or (bool(meta.get("grade")) and not meta.get("solution"))


def normalise_source(source: str) -> str:
    """Return a cell source with line-end whitespace and surrounding blank lines ignored."""
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def read_submission(path: Path) -> tuple[NotebookNode | None, Precheck]:
    """Read and validate a submitted notebook; return it, or None and an unreadable verdict."""
    if not path.is_file():
        return None, Precheck(UNREADABLE, f"no notebook {path.name} was submitted")
    try:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, Precheck(UNREADABLE, f"{path.name} is not readable JSON ({err})")
    try:
        if not isinstance(raw, dict) or raw.get("nbformat") != 4:
            raise ValueError("expected a version 4 notebook")
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # noqa: BLE001 - any validation failure means unreadable
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return None, Precheck(UNREADABLE, f"{path.name} is not a valid notebook ({first_line})")
    return nb, Precheck(OK)


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
    edited = [
        grade_id
        for grade_id, cell in expected.items()
        if is_locked(cell)
        and normalise_source(got[grade_id].source) != normalise_source(cell.source)
    ]
    if edited:
        return Precheck(TAMPERED, f"{name}: locked or test cells edited: {', '.join(edited)}")
    return Precheck(OK)


def precheck_submission(folder: Path, releases: dict[str, NotebookNode]) -> Precheck:
    """Check every released notebook of one student's submission folder; return the first problem."""
    for name, release in sorted(releases.items()):
        nb, verdict = read_submission(folder / f"{name}.ipynb")
        if nb is None:
            return verdict
        verdict = compare_with_release(nb, release, f"{name}.ipynb")
        if verdict.status != OK:
            return verdict
    return Precheck(OK)
