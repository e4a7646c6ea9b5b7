"""The assignments grade fairly through the real path: `newstrace grade` on a built class.

One class is built from the course's own assignments: for each assignment, students who answer every
graded function in a different correct way (tests/answer_variants.py: CORRECT) and students who each make
one typical mistake per function (WRONG). It is graded once. Correct answers must get full marks; each
mistake must lose exactly the points of the cells of the property it breaks, with the failed cell saying
so in the instructor's own words; and the feedback of a near-miss must show those words and no hidden test.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import nbformat
import pytest
from answer_variants import CORRECT, WRONG
from nbgrader.api import Gradebook

from newstrace.cli import main
from newstrace.grading import demo, rubrics

REPO = Path(__file__).resolve().parent.parent
# Grading a whole class through `newstrace grade` takes about half a minute: not in the quick loop.
pytestmark = pytest.mark.slow
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.DOTALL)


def student_id(kind: str, number: int) -> str:
    """Return the id of a variant student: correct-1, wrong-2, ..."""
    return f"{kind}-{number + 1}"


def submission(release, source, answers: dict[str, str]):
    """Return the release filled with the solution, except the given answer cells."""
    notebook = demo.perfect(release, source)
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id].strip("\n")
    return notebook


def graded_test_cells(notebook) -> dict[str, nbformat.NotebookNode]:
    """Return the autograded test cells of a notebook by grade_id."""
    return {cell.metadata.nbgrader.grade_id: cell for cell in demo.test_cells(notebook)}


def assert_messages(source: str) -> set[str]:
    """Return the string-literal messages of every assert in a test cell's code."""
    return {node.msg.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Assert) and isinstance(node.msg, ast.Constant)}


@pytest.fixture(scope="module")
def graded_variants(tmp_path_factory):
    """Build one class with every answer variant of every assignment, grade it once, return what it made."""
    root = tmp_path_factory.mktemp("variants-course")
    names = sorted(CORRECT)
    demo.copy_course_sources(REPO, root, names)
    sources = {}
    for name in names:
        source = nbformat.read(root / "solutions" / name / f"{name}.ipynb", as_version=4)
        release = demo.release_of(root, name)
        sources[name] = source
        students = [(student_id("correct", i), answers) for i, answers in enumerate(CORRECT[name])]
        students += [(student_id("wrong", i), {key: code for key, (code, _) in mistakes.items()})
                     for i, mistakes in enumerate(WRONG[name])]
        for student, answers in students:
            folder = root / "submitted" / student / name
            folder.mkdir(parents=True)
            nbformat.write(submission(release, source, answers), folder / f"{name}.ipynb")
    status = main(["grade", "--course", str(root), "--jobs", "2", "--timeout", "30"])
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        scores = {
            (submitted.student.id, assignment.name, grade.name): (grade.score, grade.max_score)
            for assignment in gradebook.assignments
            for submitted in assignment.submissions
            for notebook in submitted.notebooks
            for grade in notebook.grades
            if grade.cell.cell_type == "code"
        }
        comments = {
            (submitted.student.id, assignment.name, comment.name): comment.auto_comment
            for assignment in gradebook.assignments
            for submitted in assignment.submissions
            for notebook in submitted.notebooks
            for comment in notebook.comments
        }
    return {"root": root, "status": status, "scores": scores, "sources": sources, "comments": comments}


def cell_scores(graded, student: str, name: str) -> dict[str, tuple[float, float]]:
    """Return {test grade_id: (score, max_score)} of one student's submission."""
    return {grade_id: score for (who, assignment, grade_id), score in graded["scores"].items()
            if who == student and assignment == name}


def test_the_class_was_graded(graded_variants):
    """Check that `newstrace grade` graded every variant submission."""
    assert graded_variants["status"] == 0
    students = {who for who, _, _ in graded_variants["scores"]}
    assert len(students) == max(len(CORRECT[n]) for n in CORRECT) + max(len(WRONG[n]) for n in WRONG)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_differently_written_correct_answers_get_full_marks(graded_variants, name: str):
    """Check that every differently written correct answer scores every point of every test cell."""
    assert len(CORRECT[name]) >= 3
    for number in range(len(CORRECT[name])):
        scores = cell_scores(graded_variants, student_id("correct", number), name)
        assert scores, f"{name}: no grades for correct variant {number + 1}"
        lost = {grade_id: score for grade_id, score in scores.items() if score[0] != score[1]}
        assert not lost, f"{name}: correct variant {number + 1} lost points in {lost}"


@pytest.mark.parametrize("name", sorted(WRONG))
def test_each_typical_mistake_loses_exactly_its_property(graded_variants, name: str):
    """Check that each wrong variant loses the points of exactly the cells of the property it breaks."""
    functions = {key for mistakes in WRONG[name] for key in mistakes}
    for key in functions:
        assert sum(key in mistakes for mistakes in WRONG[name]) >= 3, f"{name}: fewer than 3 mistakes for {key}"
    for number, mistakes in enumerate(WRONG[name]):
        scores = cell_scores(graded_variants, student_id("wrong", number), name)
        expected = set().union(*(cells for _, cells in mistakes.values()))
        lost = {grade_id for grade_id, (score, most) in scores.items() if score != most}
        assert lost == expected, f"{name}: wrong variant {number + 1} lost {sorted(lost)}, expected {sorted(expected)}"
        for grade_id in lost:
            assert scores[grade_id][0] == 0


@pytest.mark.parametrize("name", sorted(WRONG))
def test_each_failed_cell_says_what_was_expected(graded_variants, name: str):
    """Check that every failed cell of a wrong variant fails with one of its own assert messages."""
    source_tests = graded_test_cells(graded_variants["sources"][name])
    root = graded_variants["root"]
    for number in range(len(WRONG[name])):
        student = student_id("wrong", number)
        graded = nbformat.read(root / "autograded" / student / name / f"{name}.ipynb", as_version=4)
        for grade_id, cell in graded_test_cells(graded).items():
            errors = [out for out in cell.get("outputs", []) if out.output_type == "error"]
            if not errors:
                continue
            error = errors[0]
            messages = assert_messages(source_tests[grade_id].source)
            if error.ename == "AssertionError":
                assert error.evalue in messages, f"{name}/{student}/{grade_id}: failed without its message: {error.evalue!r}"
            else:  # the answer raised before an assert could judge it (e.g. ZeroDivisionError): its name is shown
                assert error.ename.endswith("Error"), (grade_id, error.ename)


def test_near_miss_feedback_shows_each_message_and_no_hidden_test(graded_variants):
    """Check a near-miss's feedback page: each failed cell's message is shown, and no line of a hidden test."""
    root = graded_variants["root"]
    name = "syndication"
    student = student_id("wrong", 0)
    page = (root / "feedback" / student / name / f"{name}.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    graded = nbformat.read(root / "autograded" / student / name / f"{name}.ipynb", as_version=4)
    failed = {grade_id: [out for out in cell.outputs if out.output_type == "error"][0]
              for grade_id, cell in graded_test_cells(graded).items()
              if any(out.output_type == "error" for out in cell.get("outputs", []))}
    assert set(failed) == set().union(*(cells for _, cells in WRONG[name][0].values()))
    for grade_id, error in failed.items():
        assert error.evalue and error.evalue in text, f"{grade_id}: its message is not in the feedback"
    source = graded_variants["sources"][name]
    hidden_lines = {line.strip() for cell in demo.test_cells(source) for block in HIDDEN.findall(cell.source)
                    for line in block.splitlines() if len(line.strip()) > 12}
    shown_to_students = {line.strip() for cell in source.cells for line in HIDDEN.sub("", cell.source).splitlines()}
    hidden_lines -= shown_to_students
    assert hidden_lines
    shown = [line for line in hidden_lines if line in text]
    assert not shown, f"hidden-test code in the feedback: {shown[:2]}"


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_formgrader_comment_box_shows_the_rubric(graded_variants, name: str):
    """Check that each written answer's comment box (formgrader's placeholder) holds its three-level rubric."""
    source = graded_variants["sources"][name]
    manual = rubrics.manual_cells(source)
    assert manual, f"{name}: no manually graded cell"
    for grade_id in manual:
        comment = graded_variants["comments"][(student_id("correct", 0), name, grade_id)]
        assert comment == rubrics.rubric_before(source, grade_id)
        assert comment.startswith(rubrics.RUBRIC_HEADING) and all(level in comment for level in ("1 point", "½ point", "0 points"))
