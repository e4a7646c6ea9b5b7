"""Each written answer's marking rubric in formgrader's comment box, taken from the instructor's notebook.

formgrader shows a cell's `auto_comment` as the placeholder of its comment box, so the grader reads the
rubric where they type. The rubric is the "**How it is marked**" part of the markdown cell just before the
answer cell: the same text students see above their answer, so nothing secret reaches the gradebook.
An unanswered cell keeps nbgrader's own "No response." comment.
"""

from __future__ import annotations

from nbformat import NotebookNode
from nbgrader.api import Gradebook

RUBRIC_HEADING = "**How it is marked"


def rubric_before(source: NotebookNode, grade_id: str) -> str:
    """Return the rubric in the markdown cell just before a cell (from its heading on), or ''."""
    cells = source.cells
    for index, cell in enumerate(cells):
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id and index:
            before = cells[index - 1]
            if before.cell_type == "markdown" and RUBRIC_HEADING in before.source:
                return before.source[before.source.index(RUBRIC_HEADING):].strip()
            return ""
    return ""


def manual_cells(source: NotebookNode) -> list[str]:
    """Return the grade_ids of a notebook's manually graded answer cells."""
    return [cell.metadata.nbgrader.grade_id for cell in source.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade")
            and cell.metadata.nbgrader.get("solution")]


def show_rubrics(url: str, student: str, assignment: str, sources: dict[str, NotebookNode]) -> None:
    """Put each answered written cell's rubric in its formgrader comment box (as auto_comment)."""
    with Gradebook(url) as gradebook:
        for notebook, source in sources.items():
            for grade_id in manual_cells(source):
                rubric = rubric_before(source, grade_id)
                if not rubric:
                    continue
                comment = gradebook.find_comment(grade_id, notebook, assignment, student)
                if comment.auto_comment is None:
                    comment.auto_comment = rubric
        gradebook.db.commit()
