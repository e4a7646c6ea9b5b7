"""Every lesson opens as promised and every notebook (lessons, solutions, exercises) is committed clean."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from lesson_runs import ALL_NOTEBOOKS, LESSON_IDS, LESSONS, SOURCE_IDS, SOURCES

from newstrace import course

OPENING_CELLS = 3
"""The content note must appear within this many cells from the top."""


def read(path: Path) -> nbformat.NotebookNode:
    """Return a notebook as stored on disk."""
    return nbformat.read(path, as_version=4)


def opening_markdown(notebook: nbformat.NotebookNode, cells: int = 6) -> str:
    """Return the markdown of the notebook's first cells."""
    return "\n".join(cell.source for cell in notebook.cells[:cells] if cell.cell_type == "markdown")


def test_there_are_five_numbered_lessons():
    """Check that notebooks/ holds at least five lessons named NN-what-it-teaches.ipynb"""
    assert len(LESSONS) >= 5, f"expected at least 5 lessons, found {LESSON_IDS}"
    numbers = [int(path.name[:2]) for path in LESSONS]
    assert numbers == list(range(1, len(LESSONS) + 1)), f"lessons are not numbered 01, 02, ...: {LESSON_IDS}"
    for path in LESSONS:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)+\.ipynb", path.name), path.name


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[str(p.relative_to(course.ROOT)) for p in ALL_NOTEBOOKS])
def test_notebook_is_committed_clean(path: Path):
    """Check that no outputs, execution counts or metadata outside the allowlist were committed

    Student releases in exercises/ may also keep the cell locks nbgrader writes (editable, deletable).
    """
    released = path.is_relative_to(course.ROOT / "exercises")
    allowed = course.RELEASE_CELL_METADATA_ALLOWED if released else course.CELL_METADATA_ALLOWED
    problems = course.hygiene_problems(read(path), allowed)
    assert not problems, f"{path} is not clean (run `python -m newstrace.course clean {path}`): {problems}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[str(p.relative_to(course.ROOT)) for p in ALL_NOTEBOOKS])
def test_notebook_images_have_alt_text(path: Path):
    """Check that every markdown image and <img> tag carries a non-empty alt text"""
    assert course.images_without_alt(read(path)) == []


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_opens_with_content_note(path: Path):
    """Check that a content note comes within the first cells: the active case's (nt.content_note()), or a static one naming the violence"""
    notebook = read(path)
    opening = "\n".join(cell.source for cell in notebook.cells[:OPENING_CELLS])
    if any(cell.cell_type == "code" and "nt.content_note()" in cell.source
           for cell in notebook.cells[:OPENING_CELLS]):
        return  # what each case's note says is checked in tests/test_casebook.py
    assert "Content note" in opening, f"{path.name}: no 'Content note' in the first {OPENING_CELLS} cells"
    assert re.search(r"execution|killing|violence", opening, re.IGNORECASE), (
        f"{path.name}: the content note should say what the texts describe")


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_states_time_objectives_and_questions(path: Path):
    """Check that the opening states the time in minutes, objectives and key questions"""
    notebook = read(path)
    opening = opening_markdown(notebook)
    assert re.search(r"\*\*Time:\*\*\s*\d+\s*minutes", opening), f"{path.name}: no '**Time:** N minutes'"
    assert "Objectives" in opening, f"{path.name}: no objectives"
    info = course.lesson_info(path)
    assert info.minutes and 10 <= info.minutes <= 120, f"{path.name}: implausible time {info.minutes}"
    assert len(info.questions) >= 1, f"{path.name}: no bullet items under 'Key questions'"
    assert info.title and not info.title.startswith("Untitled"), f"{path.name}: no '# Title' heading"


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_has_catch_up_setup_cell(path: Path):
    """Check that the first code cell is a '# Run this cell.' setup that imports newstrace"""
    code = [cell.source for cell in read(path).cells if cell.cell_type == "code"]
    assert code, f"{path.name} has no code cells"
    assert code[0].startswith("# Run this cell."), f"{path.name}: first code cell is not the setup cell"
    assert "import newstrace as nt" in code[0], f"{path.name}: setup cell does not import newstrace"


@pytest.mark.parametrize("path", SOURCES, ids=SOURCE_IDS)
def test_lesson_is_a_slide_deck_with_notes(path: Path):
    """Check that every cell has a slide type, the deck starts on a slide and has speaker notes"""
    cells = read(path).cells
    types = [cell.metadata.get("slideshow", {}).get("slide_type") for cell in cells]
    assert None not in types, f"{path.name}: cell {types.index(None)} has no slideshow metadata"
    assert types[0] == "slide", f"{path.name}: the first cell should start a slide"
    assert types.count("slide") >= 5, f"{path.name}: only {types.count('slide')} slides"
    assert "notes" in types, f"{path.name}: no speaker notes (cells with slide_type notes)"


def test_lesson_table_lists_every_lesson():
    """Check that the README table has one row per lesson with minutes and a deck link"""
    table = course.lesson_table(LESSONS)
    rows = table.splitlines()[2:]
    assert len(rows) == len(LESSONS)
    for row, path in zip(rows, LESSONS):
        assert f"{path.stem}.slides.html" in row and re.search(r"\| \d+ \|", row), row


# ----------------------------------------------------------------- the checkers themselves


def dirty_notebook() -> nbformat.NotebookNode:
    """Return a notebook with every kind of noise the checks must catch."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"},
                         "language_info": {"name": "python", "version": "3.11.4"},
                         "widgets": {}, "toc": {}}
    code = nbformat.v4.new_code_cell("1 + 1", execution_count=3,
                                     outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "2"},
                                                                     execution_count=3)])
    code.metadata = {"collapsed": True, "scrolled": True, "tags": ["keep"],
                     "nbgrader": {"grade": False}, "slideshow": {"slide_type": "slide"}}
    image = nbformat.v4.new_markdown_cell('![](chart.png) and <img src="x.png" alt="">')
    plot = nbformat.v4.new_code_cell("plot()")
    plot.outputs = [nbformat.v4.new_output("display_data", {"image/png": "iVBOR", "text/plain": "<Figure>"})]
    notebook.cells = [code, image, plot]
    return notebook


def test_hygiene_check_finds_every_kind_of_noise():
    """Check that the hygiene check reports outputs, counts and metadata outside the allowlist"""
    problems = " ".join(course.hygiene_problems(dirty_notebook()))
    for expected in ("widgets", "toc", "version", "collapsed", "scrolled", "has outputs", "execution count"):
        assert expected in problems
    assert "nbgrader" not in problems and "slideshow" not in problems and "'tags'" not in problems


def test_cleaning_keeps_the_allowlist_and_passes_the_check():
    """Check that clean_notebook keeps nbgrader, slideshow and tags and removes the rest"""
    cleaned = course.clean_notebook(dirty_notebook())
    assert course.hygiene_problems(cleaned) == []
    assert set(cleaned.cells[0].metadata) == {"tags", "nbgrader", "slideshow"}
    assert cleaned.metadata == {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"},
                                "language_info": {"name": "python"}}
    assert cleaned.cells[0].source == "1 + 1"


def test_alt_text_check_rejects_images_without_alt():
    """Check that markdown images, <img> tags and bare image outputs without alt text are reported"""
    found = course.images_without_alt(dirty_notebook())
    assert len(found) == 3, found
    good = nbformat.v4.new_notebook()
    good.cells = [nbformat.v4.new_markdown_cell('![Bar chart of words per text](c.png) <img src="x" alt="A map">')]
    assert course.images_without_alt(good) == []


def test_chart_output_counts_as_alt_text():
    """Check that a newstrace Chart's HTML output passes the alt-text check"""
    import newstrace as nt
    from newstrace import plots

    chart = plots.text_sizes(nt.articles())
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": chart._repr_html_(),
                                                            "text/plain": repr(chart)})]
    notebook.cells = [cell]
    assert course.images_without_alt(notebook) == []
