"""One lesson source, two editions: the student edition is current, answer-free, and asks before it tells."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from lesson_runs import SOURCE_IDS, SOURCES

from newstrace import course
from newstrace.course import editions

MIN_LEAK_CHARS = 30
"""Answer sentences shorter than this (such as "No.") are too common to count as a leak."""


def read(path: Path) -> nbformat.NotebookNode:
    """Return a notebook as stored on disk."""
    return nbformat.read(path, as_version=4)


def flat(text: str) -> str:
    """Return text with markdown emphasis, markup and runs of whitespace removed, lower-cased."""
    text = re.sub(r"<[^>]+>|[*_`>]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def sentences(text: str) -> list[str]:
    """Return the sentences (and list items) of a markdown text, flattened."""
    pieces = re.split(r"(?<=[.!?])\s+|\n\s*[-*\d.]+\s+|\n{2,}", text)
    return [flat(piece) for piece in pieces if len(flat(piece)) >= MIN_LEAK_CHARS]


def instructor_only_texts(source: nbformat.NotebookNode) -> list[str]:
    """Return every answer and note sentence and every solution line of a lesson source."""
    texts = []
    for cell in source.cells:
        if editions.is_instructor_only(cell):
            texts += [sentence.removeprefix("answer. ") for sentence in sentences(cell.source)]
    for block in editions.solution_blocks(source):
        texts += [flat(line) for line in block.splitlines()
                  if len(line.strip()) >= 12 and not line.strip().startswith("#")]
    return texts


def test_student_editions_are_up_to_date():
    """Check that notebooks/ is exactly what the instructor sources give (run `make lessons` if not)"""
    assert SOURCES, "no lesson sources in instructor/"
    assert course.stale_student_editions() == [], "notebooks/ is stale: run `make lessons`"
    assert [path.name for path in SOURCES] == [path.name for path in course.lesson_paths()]


@pytest.mark.parametrize("source", SOURCES, ids=SOURCE_IDS)
def test_student_edition_has_no_answer_text(source: Path):
    """Check that no answer, instructor note or worked solution of the source reaches the student edition"""
    student = read(course.NOTEBOOKS / source.name)
    student_text = flat("\n".join(cell.source for cell in student.cells))
    leaks = [text for text in instructor_only_texts(read(source)) if text in student_text]
    assert not leaks, f"{source.name}: instructor-only text in the student edition: {leaks[:3]}"
    kinds = {tag for cell in student.cells for tag in editions.tags(cell)}
    assert not kinds & {editions.ANSWER_TAG, editions.INSTRUCTOR_TAG}
    assert all(cell.metadata.get("slideshow", {}).get("slide_type") != "notes" for cell in student.cells)
    assert "BEGIN SOLUTION" not in student_text.upper() and "Instructor note" not in student_text


@pytest.mark.parametrize("source", SOURCES, ids=SOURCE_IDS)
def test_every_question_gets_an_answer_cell_before_any_discussion(source: Path):
    """Check that in the student edition each question is followed, before any text, by a 'Your answer' cell"""
    cells = read(course.NOTEBOOKS / source.name).cells
    questions = [index for index, cell in enumerate(cells) if editions.QUESTION_TAG in editions.tags(cell)]
    assert len(questions) >= 3, f"{source.name}: fewer than three questions"
    for index in questions:
        following = next(cell for cell in cells[index + 1:] if cell.cell_type == "markdown")
        assert editions.YOUR_ANSWER_TAG in editions.tags(following), (
            f"{source.name}: question in cell {index} is not followed by an answer cell: {following.source[:80]}")
        assert following.source.startswith("**Your answer:**")


@pytest.mark.parametrize("source", SOURCES, ids=SOURCE_IDS)
def test_every_question_has_an_answer_in_the_instructor_edition(source: Path):
    """Check that each question of the source has an answer cell before the next question"""
    cells = read(source).cells
    marks = [("Q" if editions.QUESTION_TAG in editions.tags(cell) else "A")
             for cell in cells if editions.tags(cell) & {editions.QUESTION_TAG, editions.ANSWER_TAG}]
    assert "".join(marks).count("Q") >= 3
    assert re.fullmatch(r"(QA+)+", "".join(marks)), f"{source.name}: questions and answers out of order: {marks}"
    instructor = course.instructor_edition(read(source))
    answers = [cell for cell in instructor.cells if editions.ANSWER_TAG in editions.tags(cell)]
    assert all(cell.metadata["slideshow"]["slide_type"] == "fragment" for cell in answers), (
        "answers are shown on the slides as later fragments")


# ----------------------------------------------------------------- the edition builder itself


def tiny_source() -> nbformat.NotebookNode:
    """Return a small lesson source with every kind of mark."""
    def cell(kind: str, text: str, slide: str = "-", tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
        made = nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        made.metadata = {"slideshow": {"slide_type": slide}, **({"tags": list(tags)} if tags else {})}
        return made

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        cell("md", "# Title", "slide"),
        cell("md", "**Question 1.** Why?", tags=("question",)),
        cell("code", "print('read this first')"),
        cell("md", "**Answer.** Because the secret reason.", tags=("answer",)),
        cell("md", "**Instructor note.** Pause here.", "notes"),
        cell("md", "**Question 2.** And then?", tags=("question",)),
        cell("md", "A new slide of teaching.", "slide"),
        cell("code", "# Try it\n### BEGIN STUDENT\nvalue = ...\n### END STUDENT\n"
                     "### BEGIN SOLUTION\nvalue = 6 * 7\n### END SOLUTION\nprint(value)"),
        cell("md", "**Question 3.** Last?", tags=("question",)),
    ]
    return notebook


def test_student_edition_places_answer_cells_and_strips_answers():
    """Check answer cells go where the answer was (or before the next text) and solutions are removed"""
    student = course.student_edition(tiny_source())
    kinds = [("ANSWER" if editions.YOUR_ANSWER_TAG in editions.tags(cell) else cell.source.split("\n")[0][:13])
             for cell in student.cells]
    assert kinds == ["# Title", "**Question 1.", "print('read t", "ANSWER", "**Question 2.", "ANSWER",
                     "A new slide o", "# Try it", "**Question 3.", "ANSWER"]
    text = "\n".join(cell.source for cell in student.cells)
    assert "secret reason" not in text and "Pause here" not in text and "6 * 7" not in text
    assert "value = ...\nprint(value)" in text and "###" not in text


def test_instructor_edition_keeps_answers_and_solutions():
    """Check the instructor edition keeps answers (as fragments) and notes, and drops the scaffold"""
    instructor = course.instructor_edition(tiny_source())
    text = "\n".join(cell.source for cell in instructor.cells)
    assert "secret reason" in text and "Pause here" in text
    assert "value = 6 * 7\nprint(value)" in text and "value = ..." not in text and "###" not in text
    assert instructor.cells[3].metadata["slideshow"]["slide_type"] == "fragment"


def test_unpaired_marker_is_a_clear_error():
    """Check that a BEGIN SOLUTION without its END stops the build with the lesson named"""
    source = tiny_source()
    source.cells[7].source = "### BEGIN SOLUTION\nvalue = 1"
    with pytest.raises(course.CourseBuildError, match="99-broken.*unpaired"):
        course.student_edition(source, "99-broken")


def test_build_editions_writes_both_and_detects_staleness(tmp_path: Path):
    """Check that building writes both editions, is idempotent, and a hand edit makes it stale"""
    sources, students, instructors = tmp_path / "instructor", tmp_path / "notebooks", tmp_path / "build"
    sources.mkdir()
    nbformat.write(tiny_source(), sources / "01-tiny-lesson.ipynb")
    paths = editions.source_paths(sources)
    built, taught = editions.build_editions(paths, students, instructors)
    assert [path.name for path in built] == [path.name for path in taught] == ["01-tiny-lesson.ipynb"]
    assert editions.stale_student_editions(paths, students) == []
    before = built[0].stat().st_mtime_ns
    editions.build_editions(paths, students, instructors)
    assert built[0].stat().st_mtime_ns == before, "an unchanged edition is not rewritten"
    built[0].write_text(built[0].read_text().replace("Question 1", "Question one"))
    assert editions.stale_student_editions(paths, students) == [str(built[0])]
    (students / "02-orphan-lesson.ipynb").write_text("{}")
    assert any("02-orphan-lesson" in problem for problem in editions.stale_student_editions(paths, students))
