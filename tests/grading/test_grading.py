"""The grading pipeline: pre-checks, feedback rules, grades.csv, and a hostile class graded twice.

The hostile class is built here from the course's own assignments (solutions/<a>/<a>.ipynb; a toy
assignment when there are none yet): for each assignment a perfect, a blank and eight broken or
hostile submissions. It is graded once sequentially through the API and once with --jobs 2 through
the command line, in the same course folder, which also checks that a re-run is idempotent.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import html
import io
import re
import shutil
import socket
import time
from pathlib import Path

import nbformat
import pytest
from grading_kernels import run_in_grading_kernel
from nbgrader.api import Gradebook

from newstrace.cli import main
from newstrace.grading import demo
from newstrace.grading.course import build_reference, load_config
from newstrace.grading.feedback import (
    WITHHELD,
    HideHiddenTests,
    ScrubSecrets,
    hide_between,
    strip_remote_resources,
    write_feedback,
)
from newstrace.grading.gradesheet import COLUMNS, STATUSES, GradeRow, read_grades, to_csv
from newstrace.grading.pipeline import GradeOptions, grade_course
from newstrace.grading.precheck import compare_with_release, precheck_submission, read_submission
from newstrace.grading.sandbox import Limits, detect_confinement, sandbox_command

REPO = Path(__file__).resolve().parents[2]
TEST_TIMEOUT = 8  # seconds per cell: long enough for real cells on a busy machine, short for loops
ZERO_KINDS = ("blank", "truncated", "tests_replaced", "stripped", "deleted_test", "leak")


def course_assignments() -> list[str]:
    """Return the repository's assignments that have a solution notebook."""
    root = REPO / "solutions"
    return sorted(p.name for p in root.glob("*") if (p / f"{p.name}.ipynb").is_file())


def build_class(root: Path) -> None:
    """Build a course with the repository's assignments (or the toy one) and a hostile class."""
    names = course_assignments()
    if names:
        demo.copy_course_sources(REPO, root, names)
    else:
        demo.build_course(root, {"doubling": demo.toy_source()})
    demo.submit_class(root)


def tree_digest(folder: Path) -> dict[str, str]:
    """Return the sha256 of every file under a folder."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def gradebook_dump(root: Path) -> list[tuple]:
    """Return every grade of the course gradebook as comparable tuples."""
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        return sorted(
            (s.student.id, s.assignment.name, nb.name, g.name, g.auto_score, g.manual_score,
             g.needs_manual_grade, g.max_score)
            for assignment in gb.assignments
            for s in assignment.submissions
            for nb in s.notebooks
            for g in nb.grades
        )


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Grade the hostile class sequentially, then again with --jobs 2; return both results."""
    root = tmp_path_factory.mktemp("hostile-course")
    build_class(root)
    before = tree_digest(root / "submitted")
    started = time.perf_counter()
    sequential = grade_course(root, GradeOptions(jobs=1, timeout=TEST_TIMEOUT), log=lambda _: None)
    seq_csv, seq_db = (root / "grades.csv").read_text(), gradebook_dump(root)
    middle = time.perf_counter()
    status = main(["grade", "--course", str(root), "--jobs", "2", "--timeout", str(TEST_TIMEOUT)])
    finished = time.perf_counter()
    print(f"\nhostile class: sequential {middle - started:.1f} s, --jobs 2 {finished - middle:.1f} s")
    return {
        "root": root, "rows": sequential, "seq_csv": seq_csv, "seq_db": seq_db,
        "par_csv": (root / "grades.csv").read_text(), "par_db": gradebook_dump(root),
        "status": status, "before": before, "after": tree_digest(root / "submitted"),
    }


def row_for(rows: list[GradeRow], student: str, assignment: str) -> GradeRow:
    """Return the row of one student and assignment."""
    return next(r for r in rows if r.student == student and r.assignment == assignment)


# --- the hostile class -------------------------------------------------------------------------


def test_every_submission_gets_a_row_with_the_expected_status(graded_class):
    rows = graded_class["rows"]
    assignments = sorted({r.assignment for r in rows})
    assert len(rows) == len(assignments) * len(demo.HOSTILE_KINDS)
    for assignment in assignments:
        for kind in demo.HOSTILE_KINDS:
            row = row_for(rows, kind, assignment)
            assert row.status == demo.EXPECTED_STATUS[kind], (kind, assignment, row)
            assert row.max_score > 0
            if row.status != "ok":
                assert row.message, row


def test_perfect_scores_full_marks_and_broken_ones_zero(graded_class):
    for row in graded_class["rows"]:
        if row.student in ("perfect", "huge_output"):
            assert row.score == row.max_score, row
            assert row.manual_points_pending > 0, row  # the written answer waits for a person
        if row.student in ZERO_KINDS:
            assert row.score == 0, row
            assert row.manual_points_pending == 0, row


def test_parallel_run_equals_sequential_run_and_exits_zero(graded_class):
    assert graded_class["status"] == 0
    assert graded_class["par_csv"] == graded_class["seq_csv"]
    assert graded_class["par_db"] == graded_class["seq_db"]


def test_submissions_are_never_modified(graded_class):
    assert graded_class["after"] == graded_class["before"]


def test_grades_csv_is_rfc4180_and_matches_the_gradebook(graded_class):
    root = graded_class["root"]
    raw = (root / "grades.csv").read_bytes()
    assert raw.startswith(b"student,assignment,score,max_score,manual_points_pending,status,message\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF, none inside fields
    records = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert tuple(records[0]) == COLUMNS
    assert {r["status"] for r in records} <= set(STATUSES)
    scores: dict[tuple[str, str], float] = {}
    for student, assignment, _, _, auto, manual, _, _ in gradebook_dump(root):
        key = (student, assignment)
        scores[key] = scores.get(key, 0.0) + float(manual if manual is not None else auto or 0)
    for record in records:
        # the gradebook total includes written answers (none graded yet), so it equals the score
        assert float(record["score"]) == pytest.approx(scores[(record["student"], record["assignment"])])


def test_every_submission_has_offline_feedback(graded_class):
    root = graded_class["root"]
    for row in graded_class["rows"]:
        pages = list((root / "feedback" / row.student / row.assignment).glob("*.html"))
        assert pages, row
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "src=\"http" not in text and "href=\"http" not in text.split("<body")[0]
            assert page.stat().st_size < 2_000_000, page  # 5 MB of output was cut


def feedback_html(root: Path, student: str, assignment: str) -> str:
    """Return the feedback page of one submission."""
    return (root / "feedback" / student / assignment / f"{assignment}.html").read_text(encoding="utf-8")


def quoted(lines: tuple[str, ...], page: str) -> list[str]:
    """Return the lines that appear in a page's text (highlighted code and outputs alike)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return [line for line in lines if line in text]


def test_feedback_hides_hidden_tests_by_default(graded_class):
    root = graded_class["root"]
    config = load_config(root)
    for assignment in sorted({r.assignment for r in graded_class["rows"]}):
        reference = build_reference(config, assignment, root / ".scratch")
        assert reference.hidden_lines, f"{assignment} has no hidden tests to protect"
        for kind in ("perfect", "blank", "leak", "huge_output", "endless_loop"):
            leaked = quoted(reference.hidden_lines, feedback_html(root, kind, assignment))
            assert not leaked, (kind, assignment, leaked[:3])


def test_leak_attempt_gets_no_solution_or_hidden_test_into_its_feedback(graded_class):
    root = graded_class["root"]
    config = load_config(root)
    for assignment in sorted({r.assignment for r in graded_class["rows"]}):
        reference = build_reference(config, assignment, root / ".scratch")
        secrets = reference.hidden_lines + reference.solution_lines
        # the leak submission is the blank plus the attempt: anything it shows beyond the blank's
        # feedback could only come from reading the course's files or from echoing hidden tests
        baseline = set(quoted(secrets, feedback_html(root, "blank", assignment)))
        leaked = set(quoted(secrets, feedback_html(root, "leak", assignment))) - baseline
        assert not leaked, (assignment, sorted(leaked)[:3])
        # it registers an IPython hook: held for review, its feedback a notice without outputs
        assert "held for review" in feedback_html(root, "leak", assignment)


def test_leak_attempt_could_not_open_the_course(graded_class):
    if not detect_confinement().confined:
        pytest.skip("bubblewrap is unavailable here: student kernels cannot be confined")
    root = graded_class["root"]
    for assignment in sorted({r.assignment for r in graded_class["rows"]}):
        # held for review, so its feedback is a notice: read what the kernel printed in autograded/
        page = (root / "autograded" / "leak" / assignment / f"{assignment}.ipynb").read_text()
        assert "gradebook.db FileNotFoundError" in page or "gradebook.db/ FileNotFoundError" in page
        assert "SQLite format" not in page
        assert "nbgrader_config" not in page


def test_show_hidden_tests_option_shows_them_again(graded_class, tmp_path):
    root = tmp_path / "course"
    shutil.copytree(graded_class["root"], root)
    config = load_config(root)
    assignment = sorted({r.assignment for r in graded_class["rows"]})[0]
    reference = build_reference(config, assignment, tmp_path / "scratch")
    problem = write_feedback(config, "perfect", assignment, reference.secret_lines(True), True)
    assert problem == ""
    page = feedback_html(root, "perfect", assignment)
    assert quoted(reference.hidden_lines, page) == list(reference.hidden_lines)


def test_feedback_only_picks_up_manual_grades(graded_class, tmp_path):
    root = tmp_path / "course"
    shutil.copytree(graded_class["root"], root)
    assignment = sorted({r.assignment for r in graded_class["rows"]})[0]
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for notebook in gb.find_submission(assignment, "perfect").notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "markdown":
                    grade.manual_score = grade.max_score
                    grade.needs_manual_grade = False
        gb.db.commit()
    before = row_for(read_grades(root / "grades.csv"), "perfect", assignment)
    assert main(["grade", "--course", str(root), "--feedback-only", "--assignment", assignment]) == 0
    after = row_for(read_grades(root / "grades.csv"), "perfect", assignment)
    assert before.manual_points_pending > 0 and after.manual_points_pending == 0
    assert (after.score, after.status) == (before.score, "ok")
    assert row_for(read_grades(root / "grades.csv"), "truncated", assignment).status == "unreadable"
    assert (root / "autograded" / "perfect" / assignment).is_dir()


# --- pre-checks, without kernels ---------------------------------------------------------------


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    """Return (release, source) of the toy assignment."""
    root = tmp_path_factory.mktemp("toy-course")
    demo.build_course(root, {"doubling": demo.toy_source()})
    return demo.release_of(root, "doubling"), demo.toy_source(), root


@pytest.mark.parametrize(
    ("kind", "status", "words"),
    [
        ("perfect", "ok", ""),
        ("blank", "ok", ""),
        ("truncated", "unreadable", "not readable JSON"),
        ("tests_replaced", "tampered", "edited: double_returns_int, double_values"),
        ("stripped", "tampered", "metadata of every cell was removed"),
        ("deleted_test", "tampered", "deleted: double_returns_int"),
        ("huge_output", "ok", ""),
    ],
)
def test_precheck_verdicts(toy, tmp_path, kind, status, words):
    release, source, root = toy
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "doubling.ipynb").write_text(demo.hostile(kind, release, source, root, "doubling"))
    verdict = precheck_submission(folder, {"doubling": release})
    assert verdict.status == status
    assert words in verdict.message


def test_precheck_rejects_missing_and_invalid_notebooks(toy, tmp_path):
    release = toy[0]
    assert precheck_submission(tmp_path, {"doubling": release}).status == "unreadable"
    (tmp_path / "doubling.ipynb").write_text('{"cells": "not a list", "nbformat": 4}')
    nb, verdict = read_submission(tmp_path / "doubling.ipynb")
    assert nb is None and verdict.status == "unreadable" and "not a valid notebook" in verdict.message
    (tmp_path / "doubling.ipynb").write_bytes(b"\xff\xfe not text")
    assert read_submission(tmp_path / "doubling.ipynb")[1].status == "unreadable"


def test_precheck_ignores_whitespace_but_not_an_added_unknown_cell(toy):
    release = toy[0]
    spaced = copy.deepcopy(release)
    for cell in spaced.cells:
        cell.source = cell.source + "\n   \n"
    assert compare_with_release(spaced, release, "x").status == "ok"
    extra = copy.deepcopy(release)
    cell = nbformat.v4.new_code_cell("pass")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "free_points", "points": 9}
    extra.cells.append(cell)
    verdict = compare_with_release(extra, release, "x")
    assert verdict.status == "tampered" and "free_points" in verdict.message


# --- feedback rules ----------------------------------------------------------------------------


def test_hide_between_keeps_visible_lines_and_indentation():
    source = "assert f(1) == 1\n    ### BEGIN HIDDEN TESTS\n    assert f(2) == 99\n    ### END HIDDEN TESTS\nprint('done')"
    hidden = hide_between(source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
    assert "99" not in hidden
    assert hidden.splitlines()[0] == "assert f(1) == 1"
    assert hidden.splitlines()[1].startswith("    # (hidden tests")
    assert hidden.splitlines()[-1] == "print('done')"


def test_hidden_test_cells_show_only_the_graders_verdict():
    source = "x = 1\n### BEGIN HIDDEN TESTS\nassert g() == 3, 'g() should be 3'\nassert g() > 0\n### END HIDDEN TESTS"
    cell = nbformat.v4.new_code_cell(source, execution_count=7)
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="student hook output\n"),
        nbformat.v4.new_output("error", ename="AssertionError", evalue="ANSWER=3",
                               traceback=["Cell In[7], line 3\n----> 3 assert g() == 3"]),
    ]
    hidden, _ = HideHiddenTests().preprocess_cell(copy.deepcopy(cell), {}, 0)
    assert [o.text for o in hidden.outputs] == ["Hidden tests failed: AssertionError: g() should be 3.\n"]
    assert "assert g()" not in hidden.source
    cell.outputs[1].traceback = ["Cell In[7], line 4"]  # an assert without a message
    cell.outputs[1].ename = "ANSWER_IS_3"  # a class the submission defined
    hidden, _ = HideHiddenTests().preprocess_cell(copy.deepcopy(cell), {}, 0)
    assert hidden.outputs[0].text == (
        "Hidden tests failed: an exception of a type defined in the submission: a hidden test failed.\n"
    )
    shown, _ = HideHiddenTests(enabled=False).preprocess_cell(copy.deepcopy(cell), {}, 0)
    assert shown.outputs == cell.outputs  # --show-hidden-tests shows everything


def test_scrub_secrets_withholds_outputs_quoting_secret_lines_only():
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="LEAK assert double(21) == 42, 'x'\n"),
        nbformat.v4.new_output("stream", name="stdout", text="an honest result: 42\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "\x1b[0;31massert double(21) == 42"}),
    ]
    cell, _ = ScrubSecrets(secret_lines=["assert double(21) == 42"]).preprocess_cell(cell, {}, 0)
    texts = [o.get("text") for o in cell.outputs]
    assert texts == [WITHHELD, "an honest result: 42\n", WITHHELD]


def test_strip_remote_resources_removes_cdn_tags_only():
    page = ('<head><script src="https://cdnjs.example/mathjax.js"> </script>'
            '<link rel="stylesheet" href="http://x/y.css"><script>var local = 1;</script></head>')
    cleaned = strip_remote_resources(page)
    assert "https://" not in cleaned and "http://" not in cleaned
    assert "var local = 1;" in cleaned


# --- grades.csv and confinement ----------------------------------------------------------------


def test_grades_csv_quotes_awkward_messages():
    row = GradeRow("o'neil, jr", "a", 1.5, 10.0, 2.0, "tampered", 'cells "x", "y"\nedited')
    text = to_csv([row])
    assert text.endswith("\r\n") and text.count("\r\n") == 2
    parsed = list(csv.reader(io.StringIO(text)))[1]
    assert parsed == ["o'neil, jr", "a", "1.5", "10", "2", "tampered", 'cells "x", "y" edited']


def test_grades_csv_round_trips_and_replaces_rows(tmp_path):
    from newstrace.grading.gradesheet import write_grades

    path = tmp_path / "grades.csv"
    write_grades(path, [GradeRow("a", "x", 1, 2, 0, "ok", ""), GradeRow("b", "x", 0, 2, 0, "error", "boom")])
    write_grades(path, [GradeRow("b", "x", 2, 2, 0, "ok", "")])
    assert read_grades(path) == [GradeRow("a", "x", 1, 2, 0, "ok", ""), GradeRow("b", "x", 2, 2, 0, "ok", "")]


def test_sandbox_command_hides_the_course_and_drops_privileges(tmp_path):
    cmd = sandbox_command(["python", "-m", "ipykernel_launcher"], "/tmp/x/work", str(tmp_path),
                          Limits(memory_bytes=1000, cpu_seconds=7), as_nobody=True)
    assert cmd[0] == "bwrap" and cmd[-3:] == ["python", "-m", "ipykernel_launcher"]
    binds = [cmd[i + 1] for i, arg in enumerate(cmd) if arg in ("--ro-bind", "--bind")]
    assert str(REPO / "solutions") not in binds and str(REPO) not in binds
    assert "--reuid=65534" in cmd and "--as=1000" in cmd and "--cpu=7" in cmd
    assert "--bind" not in cmd  # no folder of the host is writable from inside
    tmpfs = {cmd[i + 1]: cmd[i - 1] for i, arg in enumerate(cmd) if arg == "--tmpfs"}
    assert tmpfs["/tmp/x/work"] == str(Limits().work_bytes)  # the working folder: a capped tmpfs
    assert cmd[cmd.index("--remount-ro") + 1] == "/dev" and "/" in cmd  # bwrap's own tmpfs: read-only


def kernel_says(code: str, kind: str, tmp_path: Path, monkeypatch) -> str:
    """Run one cell in a grading kernel confined as `kind`; return what it printed."""
    nb, _client = run_in_grading_kernel([code], kind, tmp_path, monkeypatch)
    return "".join(output.get("text", "") for output in nb.cells[0].outputs)


def test_a_confined_kernel_cannot_reach_the_network(tmp_path, monkeypatch):
    confinement = detect_confinement()
    if not confinement.confined:
        pytest.skip("bubblewrap is unavailable here: student kernels cannot be confined")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    code = (
        "import socket\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {listener.getsockname()[1]}), timeout=5)"
        ".sendall(b'hidden tests')\n"
        "    print('sent')\n"
        "except OSError as err:\n"
        "    print(type(err).__name__)\n"
    )
    with listener:
        assert kernel_says(code, confinement.kind, tmp_path, monkeypatch).strip() != "sent"
        with pytest.raises(BlockingIOError):  # nothing ever connected
            listener.accept()
        assert kernel_says(code, "none", tmp_path, monkeypatch).strip() == "sent"  # the control
        listener.accept()[0].close()


def test_a_confined_kernel_still_runs_where_a_socket_path_would_be_too_long(tmp_path, monkeypatch):
    confinement = detect_confinement()
    if not confinement.confined:
        pytest.skip("bubblewrap is unavailable here: student kernels cannot be confined")
    deep = tmp_path / ("long-temporary-folder-" * 4)  # Unix socket paths stop at 107 bytes: TCP
    deep.mkdir()
    assert kernel_says("print(6 * 7)", confinement.kind, deep, monkeypatch).strip() == "42"


def test_only_regular_files_beside_the_notebook_are_copied_for_the_kernel(tmp_path):
    from newstrace.grading.sandbox import copy_visible_files

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "table.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "answer.ipynb").write_text("{}", encoding="utf-8")
    with socket.socket(socket.AF_UNIX) as unix:
        unix.bind(str(tmp_path / "ipc-1"))  # a socket left by an earlier kernel
        target = tmp_path / "kernel-private"
        target.mkdir()
        copy_visible_files(str(tmp_path), str(target))
    copied = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert copied == ["data", "data/table.csv"]


def test_no_confinement_is_said_plainly():
    confinement = detect_confinement("none")
    assert not confinement.confined and "disabled" in confinement.description


def test_grade_command_fails_clearly_outside_a_course(tmp_path, capsys):
    assert main(["grade", "--course", str(tmp_path)]) == 1
    assert "no nbgrader_config.py" in capsys.readouterr().err
