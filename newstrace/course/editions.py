"""One lesson source, two editions: the instructor edition and the student edition.

The hand-edited lessons live in `instructor/`. From each one this module makes:

- the **student edition** (committed in `notebooks/`, what students and Binder open): no answers, no
  instructor notes, no worked solutions, and a "Your answer" cell under every question;
- the **instructor edition** (written to `build/instructor/`): everything, with answers as later
  slide fragments and instructor notes as speaker notes.

Cells are marked the way nbgrader marks `solutions/`, with cell tags and comment markers:

| mark | instructor edition | student edition |
|---|---|---|
| tag `question` | kept | kept, followed by a "Your answer" cell (where its answer was) |
| tag `answer` | kept, shown as a later fragment | removed |
| tag `instructor`, or slide type `notes` | kept as speaker notes | removed |
| `### BEGIN SOLUTION` ... `### END SOLUTION` in a code cell | kept (markers removed) | removed |
| `### BEGIN STUDENT` ... `### END STUDENT` in a code cell | removed | kept (markers removed) |

In the source, a STUDENT block comes before its SOLUTION block, so the source itself also runs top to
bottom with the solutions (the instructor can open `instructor/` directly).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newstrace.course.errors import CourseBuildError
from newstrace.course.notebooks import BUILD, LESSON_GLOB, NOTEBOOKS, ROOT, clean_notebook

INSTRUCTOR = ROOT / "instructor"
"""The hand-edited lesson sources (the only lesson files edited by hand)."""
INSTRUCTOR_BUILD = BUILD / "instructor"
"""Where `make lessons` writes the instructor edition (not committed)."""

QUESTION_TAG = "question"
ANSWER_TAG = "answer"
INSTRUCTOR_TAG = "instructor"
YOUR_ANSWER_TAG = "your-answer"
YOUR_ANSWER_TEXT = "**Your answer:** …\n\n*(Double-click this cell, write your answer, then press Shift + Enter.)*"

_BLOCK = re.compile(r"^[ \t]*### BEGIN (?P<kind>SOLUTION|STUDENT)[^\n]*\n(?P<body>.*?)"
                    r"^[ \t]*### END (?P=kind)[^\n]*(?:\n|\Z)", re.MULTILINE | re.DOTALL)
_MARKER = re.compile(r"^[ \t]*### (?:BEGIN|END) (?:SOLUTION|STUDENT)\b", re.MULTILINE)


def source_paths(folder: Path = INSTRUCTOR) -> list[Path]:
    """Return the hand-edited lesson sources in teaching order."""
    return sorted(folder.glob(LESSON_GLOB))


def tags(cell: NotebookNode) -> set[str]:
    """Return a cell's tags as a set."""
    return set(cell.metadata.get("tags", []))


def is_instructor_only(cell: NotebookNode) -> bool:
    """Return True for an answer, an instructor note or a speaker-notes cell."""
    slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
    return bool(tags(cell) & {ANSWER_TAG, INSTRUCTOR_TAG}) or slide_type == "notes"


def _keep_block(source: str, keep: str, where: str) -> str:
    """Return code with the blocks of kind `keep` unwrapped and the other kind removed."""
    text = _BLOCK.sub(lambda match: match["body"] if match["kind"] == keep else "", source)
    if _MARKER.search(text):
        raise CourseBuildError(f"{where}: a BEGIN/END SOLUTION or STUDENT marker is unpaired")
    return text.rstrip("\n")


def your_answer_cell() -> NotebookNode:
    """Return the empty markdown cell a student writes an answer into."""
    cell = nbformat.v4.new_markdown_cell(YOUR_ANSWER_TEXT)
    cell.metadata = nbformat.from_dict({"slideshow": {"slide_type": "-"}, "tags": [YOUR_ANSWER_TAG]})
    return cell


def _fresh_ids(notebook: NotebookNode, prefix: str) -> None:
    """Give every cell a stable id derived from its position (ids must be unique in nbformat 4.5)."""
    notebook.nbformat_minor = max(notebook.nbformat_minor, 5)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{prefix}-{index:03d}"


def student_edition(source: NotebookNode, where: str = "lesson") -> NotebookNode:
    """Return the student edition: answers, notes and solutions removed, an answer cell per question."""
    notebook = clean_notebook(source)
    cells: list[NotebookNode] = []
    pending_question = False
    for cell in notebook.cells:
        if ANSWER_TAG in tags(cell) and pending_question:
            cells.append(your_answer_cell())
            pending_question = False
        if is_instructor_only(cell):
            continue
        if QUESTION_TAG in tags(cell):
            if pending_question:
                cells.append(your_answer_cell())
            pending_question = True
        elif pending_question and cell.cell_type == "markdown":
            cells.append(your_answer_cell())
            pending_question = False
        if cell.cell_type == "code":
            cell.source = _keep_block(cell.source, "STUDENT", where)
        cells.append(cell)
    if pending_question:
        cells.append(your_answer_cell())
    notebook.cells = cells
    _fresh_ids(notebook, "student")
    return notebook


def instructor_edition(source: NotebookNode, where: str = "lesson") -> NotebookNode:
    """Return the instructor edition: everything, with answers as later fragments and no scaffolds."""
    notebook = clean_notebook(source)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.source = _keep_block(cell.source, "SOLUTION", where)
        if ANSWER_TAG in tags(cell):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = "fragment"
    _fresh_ids(notebook, "instructor")
    return notebook


def solution_blocks(source: NotebookNode) -> list[str]:
    """Return the body of every SOLUTION block in a lesson source (for leak checks)."""
    return [match["body"] for cell in source.cells if cell.cell_type == "code"
            for match in _BLOCK.finditer(cell.source) if match["kind"] == "SOLUTION"]


def _as_text(notebook: NotebookNode) -> str:
    """Return a notebook as the exact text committed for it."""
    return nbformat.writes(notebook) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds exactly that; return True when it wrote."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def build_editions(sources: Sequence[Path] | None = None, students: Path = NOTEBOOKS,
                   instructors: Path = INSTRUCTOR_BUILD) -> tuple[list[Path], list[Path]]:
    """Write both editions of each lesson source; return (student paths, instructor paths)."""
    student_paths, instructor_paths = [], []
    for path in sources or source_paths():
        source = nbformat.read(path, as_version=4)
        student, instructor = students / path.name, instructors / path.name
        write_if_changed(student, _as_text(student_edition(source, str(path))))
        write_if_changed(instructor, _as_text(instructor_edition(source, str(path))))
        student_paths.append(student)
        instructor_paths.append(instructor)
    return student_paths, instructor_paths


def stale_student_editions(sources: Iterable[Path] | None = None,
                           students: Path = NOTEBOOKS) -> list[str]:
    """Return the student notebooks that differ from a fresh build of their source (or are missing)."""
    stale = []
    expected = set()
    for path in sources or source_paths():
        target = students / path.name
        expected.add(target.name)
        fresh = _as_text(student_edition(nbformat.read(path, as_version=4), str(path)))
        if not target.is_file() or target.read_text(encoding="utf-8") != fresh:
            stale.append(str(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target))
    stale += [f"{path} has no source in instructor/" for path in students.glob(LESSON_GLOB)
              if path.name not in expected]
    return stale
