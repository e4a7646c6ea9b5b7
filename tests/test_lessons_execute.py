"""Every lesson runs top to bottom in a fresh kernel: no errors, nothing on stderr, the same outputs twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from lesson_runs import LESSON_IDS, LESSONS, executed

from newstrace import course


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_runs_without_errors_or_stderr(path: Path):
    """Check that the lesson executes with nbclient and prints no warnings or errors to stderr"""
    notebook = executed(path)
    assert course.stderr_outputs(notebook) == []
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code_cells), "some code cells did not run"


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_outputs_have_alt_text(path: Path):
    """Check that every image the lesson outputs carries alt text (plots come as Charts)"""
    assert course.images_without_alt(executed(path)) == []


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_gives_the_same_outputs_every_run(path: Path):
    """Check that a second run in a new kernel gives the same text and figures as the first"""
    first = [course.stable_text(text) for text in course.text_outputs(executed(path))]
    second = [course.stable_text(text) for text in course.text_outputs(course.execute_notebook(path))]
    assert len(first) == len(second)
    for index, (a, b) in enumerate(zip(first, second)):
        assert a == b, f"output {index} differs between runs:\n{a[:300]}\n---\n{b[:300]}"


def test_execution_failure_names_the_notebook(tmp_path: Path):
    """Check that a lesson that raises is reported with its path, not silently executed"""
    import nbformat

    broken = nbformat.v4.new_notebook()
    broken.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    broken.cells = [nbformat.v4.new_code_cell("raise ValueError('broken on purpose')")]
    path = tmp_path / "99-broken-lesson.ipynb"
    nbformat.write(broken, path)
    with pytest.raises(course.CourseBuildError, match="99-broken-lesson.ipynb.*broken on purpose"):
        course.execute_notebook(path)
