"""Attacks from the grader security review (issue 11), each built here in a temporary course.

Every test grades a small toy course (one function, a public and a hidden test, a written answer)
with one or two attack submissions beside an honest one, and checks what reaches the feedback,
the gradebook and grades.csv. No attack submission is kept in the repository.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from newstrace.grading import demo
from newstrace.grading.gradesheet import read_grades
from newstrace.grading.pipeline import GradeOptions, grade_course
from newstrace.grading.precheck import precheck_submission

ASSIGNMENT = "doubling"
TIMEOUT = 10


@pytest.fixture(scope="module")
def toy_release(tmp_path_factory):
    """Return (release, source) of the toy assignment, generated once."""
    root = tmp_path_factory.mktemp("toy-release")
    demo.build_course(root, {ASSIGNMENT: demo.toy_source()})
    return demo.release_of(root, ASSIGNMENT), demo.toy_source()


def new_course(root: Path) -> Path:
    """Write the toy course into `root` and return it."""
    demo.build_course(root, {ASSIGNMENT: demo.toy_source()})
    return root


def submit(root: Path, student: str, nb: nbformat.NotebookNode | str) -> Path:
    """Write a student's notebook (a notebook or raw text); return the submission folder."""
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    text = nb if isinstance(nb, str) else nbformat.writes(nb)
    (folder / f"{ASSIGNMENT}.ipynb").write_text(text, encoding="utf-8")
    return folder


def perfect(toy_release) -> nbformat.NotebookNode:
    """Return the perfect submission."""
    release, source = toy_release
    return demo.perfect(release, source)


def with_cell(nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """Return `nb` with a code cell added after its first answer cell."""
    return demo.insert_after_first_answer(nb, code)


def grade(root: Path, **options) -> dict[str, object]:
    """Grade the course quietly; return rows by student."""
    rows = grade_course(root, GradeOptions(timeout=TIMEOUT, **options), log=lambda _: None)
    return {row.student: row for row in rows}


def files_under(folder: Path) -> dict[str, bytes]:
    """Return every regular file under a folder with its bytes."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def feedback_page(root: Path, student: str) -> str:
    """Return the feedback page of a student."""
    return (root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")


# --- 1: links beside the notebook ---------------------------------------------------------------


def test_links_beside_the_notebook_are_refused_and_never_copied(toy_release, tmp_path):
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    folder = submit(root, "linker", with_cell(perfect(toy_release), "print(open('gb.txt', 'rb').read()[:16])"))
    (root / "gradebook.db").write_bytes(b"SQLite format 3\x00 the course gradebook")
    os.symlink(root / "gradebook.db", folder / "gb.txt")
    os.symlink(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", folder / "sol.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/etc", folder / "etc-folder")
    (root / "gradebook.db").unlink()  # grading makes the real gradebook; the link now points at it
    rows = grade(root, jobs=1)
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score
    assert rows["linker"].status == "unreadable", rows["linker"]
    assert "symbolic link" in rows["linker"].message
    for area in ("autograded", "feedback"):
        copied = files_under(root / area / "linker")
        assert not any(name.endswith(("gb.txt", "sol.txt", "passwd.txt")) for name in copied), copied
        assert not any(b"SQLite format" in data or b"root:x:0:0" in data for data in copied.values())


def test_precheck_refuses_special_files_and_outside_hard_links(toy_release, tmp_path):
    release = toy_release[0]
    cases = {
        "fifo": lambda folder: os.mkfifo(folder / "pipe"),
        "hardlink": lambda folder: os.link(tmp_path / "outside.txt", folder / "inside.txt"),
        "notebook-link": lambda folder: (
            (folder / f"{ASSIGNMENT}.ipynb").unlink(),
            os.symlink("/proc/self/mem", folder / f"{ASSIGNMENT}.ipynb"),
        ),
    }
    (tmp_path / "outside.txt").write_text("a file the student does not own", encoding="utf-8")
    for kind, make in cases.items():
        folder = tmp_path / kind
        folder.mkdir()
        (folder / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(release), encoding="utf-8")
        make(folder)
        verdict = precheck_submission(folder, {ASSIGNMENT: release})
        assert verdict.status == "unreadable", (kind, verdict)
    ok = tmp_path / "ok"
    ok.mkdir()
    (ok / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(release), encoding="utf-8")
    (ok / "data.csv").write_text("a,b\n", encoding="utf-8")
    verdict = precheck_submission(ok, {ASSIGNMENT: release})
    assert verdict.status == "ok" and verdict.files == ("data.csv", f"{ASSIGNMENT}.ipynb")


# --- 5: one submission must not stop the class ----------------------------------------------------


def test_a_deeply_nested_or_linked_notebook_costs_only_its_own_row(toy_release, tmp_path):
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    submit(root, "nested", "[" * 100_000)
    linked = root / "submitted" / "memlink" / ASSIGNMENT
    linked.mkdir(parents=True)
    os.symlink("/proc/self/mem", linked / f"{ASSIGNMENT}.ipynb")
    rows = grade(root, jobs=1)
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score
    assert rows["nested"].status == "unreadable" and "RecursionError" in rows["nested"].message
    assert rows["memlink"].status == "unreadable" and "symbolic link" in rows["memlink"].message
    assert {r.student for r in read_grades(root / "grades.csv")} == {"honest", "nested", "memlink"}
