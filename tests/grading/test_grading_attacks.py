"""Attack variants from the second red-team round, each graded through the real grader.

One toy class holds an honest submission and one submission per attack; each test checks what
reached the feedback, the gradebook and grades.csv. The attacks are written to slip past the
source scan where the point is to show that a later defence (the feedback of late cells, the
kernel-state probe) holds on its own.
"""

from __future__ import annotations

import binascii
import copy
import html
import re
from pathlib import Path

import nbformat
import pytest

from newstrace.grading import demo
from newstrace.grading.pipeline import GradeOptions, grade_course
from newstrace.grading.precheck import precheck_submission, redefined_behaviour, tampering_in

ASSIGNMENT = "doubling"
HIDDEN_CODE = "assert double(21) == 42"

# The input history read through a format string: no name the source scan knows.
HISTORY = "import __main__, binascii\nkept = binascii.hexlify('{0._ih}'.format(__main__).encode()).decode()\n"
LATE_LEAK = HISTORY + "print('LEAK' + kept)"
DISPLAY_EARLY = "from IPython.display import display\nhandle = display('placeholder', display_id=True)"
DISPLAY_LATE = HISTORY + "handle.update('LEAK' + kept)"
ALWAYS_EQUAL = (
    "class Yes(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\n\n"
    "def double(x):\n    return Yes(0)\n"
)
BLANK = "def double(x):\n    return 0\n"
# Drops the error messages of failing tests and turns their replies into successes.
SESSION = BLANK + """session = get_ipython().kernel.session
real = session.send
def send(stream, kind, content=None, *args, **kwargs):
    if kind == 'error':
        return None
    if kind == 'execute_reply' and content and content.get('status') == 'error':
        content = {'status': 'ok', 'execution_count': content.get('execution_count'),
                   'user_expressions': {}, 'payload': []}
    return real(stream, kind, content, *args, **kwargs)
session.send = send
"""
# Every test cell parsed as `pass`; the attribute named so that the scan does not see it.
COMPILER = BLANK + """import ast
put, compiler = setattr, get_ipython().compile
parse = ast.parse
put(compiler, ''.join(['ast', '_parse']), lambda src, *a, **k: parse('pass' if 'assert' in src else src))
"""
SHADOW = BLANK + "def isinstance(*args):\n    return True\n"
LIBRARY = BLANK + "import math\nmath.isclose = lambda *args, **kwargs: True\n"


@pytest.fixture(scope="module")
def toy_release(tmp_path_factory):
    """Return (release, source) of the toy assignment."""
    root = tmp_path_factory.mktemp("toy-release")
    demo.build_course(root, {ASSIGNMENT: demo.toy_source()})
    return demo.release_of(root, ASSIGNMENT), demo.toy_source()


def with_answer(nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """Return a copy of `nb` whose first answer cell holds `code`."""
    nb = copy.deepcopy(nb)
    demo.answer_cells(nb)[0].source = code
    return nb


def with_final(nb: nbformat.NotebookNode, code: str, said: str | None = None) -> nbformat.NotebookNode:
    """Return a copy of `nb` with a code cell at the end (after the tests), its saved output `said`."""
    nb = copy.deepcopy(nb)
    cell = nbformat.v4.new_code_cell(code)
    if said is not None:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=said)]
    nb.cells.append(cell)
    return nb


def submissions(release: nbformat.NotebookNode, source: nbformat.NotebookNode) -> dict:
    """Return {student: notebook} of the attack class."""
    good = demo.perfect(release, source)
    honest = with_final(good, "print('twice 5 is', double(5))", said="twice 5 is 10\n")
    honest = with_final(honest, "print('twice 6 is', double(6))")  # run before saving: no output
    return {
        "honest": honest,
        "lateleak": with_final(good, LATE_LEAK),
        "display": with_final(demo.insert_after_first_answer(good, DISPLAY_EARLY), DISPLAY_LATE),
        "alwaysequal": with_answer(release, ALWAYS_EQUAL),
        "session": with_answer(release, SESSION),
        "compiler": with_answer(release, COMPILER),
        "shadow": with_answer(release, SHADOW),
        "library": with_answer(release, LIBRARY),
    }


@pytest.fixture(scope="module")
def attacked(toy_release, tmp_path_factory):
    """Grade the attack class once; return (course root, rows by student)."""
    root = tmp_path_factory.mktemp("attacks") / "course"
    demo.build_course(root, {ASSIGNMENT: demo.toy_source()})
    for student, nb in submissions(*toy_release).items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
    rows = grade_course(root, GradeOptions(timeout=10, jobs=2), log=lambda _: None)
    return root, {row.student: row for row in rows}


def page_text(root: Path, student: str) -> str:
    """Return the text of a student's feedback page (tags removed)."""
    page = root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def leaked(text: str) -> bool:
    """Return True when a LEAK<hex> blob of the page decodes to the hidden test."""
    for blob in re.findall(r"LEAK([0-9a-f]+)", text):
        if HIDDEN_CODE.encode() in binascii.unhexlify(blob[: len(blob) // 2 * 2]):
            return True
    return False


def test_the_late_attacks_slip_past_the_source_scan():
    for code in (LATE_LEAK, DISPLAY_EARLY, DISPLAY_LATE, SESSION, COMPILER, SHADOW, LIBRARY):
        assert tampering_in(code) == [], code


def test_a_cell_after_the_hidden_tests_cannot_print_them_in_any_encoding(attacked):
    root, rows = attacked
    evidence = (root / "autograded" / "lateleak" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert leaked(html.unescape(evidence))  # the attack really read the hidden test
    text = page_text(root, "lateleak")
    assert not leaked(text)
    assert "output not shown in feedback: this cell ran after hidden tests" in text
    assert rows["lateleak"].status == "ok" and rows["lateleak"].score == rows["lateleak"].max_score


def test_a_later_cell_cannot_rewrite_an_earlier_cells_display(attacked):
    root, _ = attacked
    text = page_text(root, "display")
    assert not leaked(text)
    assert "'placeholder'" in text


def test_late_outputs_the_submission_already_showed_stay_in_feedback(attacked):
    root, rows = attacked
    text = page_text(root, "honest")
    assert "twice 5 is 10" in text  # saved in the submitted notebook: nothing new
    assert "twice 6 is 12" not in text and "run the cell yourself to see it" in text
    assert "Hidden tests passed." in text
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score


def test_an_object_that_equals_everything_is_held_for_review(attacked):
    row = attacked[1]["alwaysequal"]
    assert row.status == "review" and row.score == 0, row
    assert "__eq__" in row.message and "autograder gave 3/3" in row.message


@pytest.mark.parametrize(
    ("student", "named"),
    [
        ("session", "ip.kernel.session methods"),
        ("compiler", "ip.compile methods"),
        ("shadow", "built-in names bound to the notebook's functions (isinstance)"),
        ("library", "library functions defined in the notebook (math.isclose)"),
    ],
)
def test_kernel_machinery_replaced_by_the_notebook_is_found_before_the_tests(attacked, student, named):
    root, rows = attacked
    row = rows[student]
    assert row.status == "review" and row.score == 0, row
    assert "kernel state changed before a test cell" in row.message and named in row.message
    assert "held for review" in page_text(root, student)


def test_faked_passes_really_gained_points_before_they_were_held(attacked):
    gave = {s: re.search(r"autograder gave (\d+)/3", attacked[1][s].message) for s in ("session", "compiler")}
    assert {s: m.group(1) for s, m in gave.items() if m} == {"session": "3", "compiler": "3"}


# --- grading metadata is the release's ------------------------------------------------------------


def edit_cell(nb: nbformat.NotebookNode, grade_id: str, **changes) -> nbformat.NotebookNode:
    """Return a copy of `nb` whose cell `grade_id` has its nbgrader metadata (or type) changed."""
    nb = copy.deepcopy(nb)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    if "cell_type" in changes:
        cell.cell_type = changes.pop("cell_type")
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
    cell.metadata.nbgrader.update(changes)
    return nb


@pytest.mark.parametrize(
    ("grade_id", "changes"),
    [
        ("double_values", {"points": 100}),
        ("double_code", {"grade": True, "points": 50}),
        ("double_values", {"solution": True, "locked": False}),
        ("double_values", {"locked": False}),
        ("double_values", {"cell_type": "markdown"}),
        ("linear_answer", {"points": "20"}),
    ],
)
def test_changed_grading_metadata_is_tampering(toy_release, tmp_path, grade_id, changes):
    release, source = toy_release
    nb = edit_cell(demo.perfect(release, source), grade_id, **changes)
    (tmp_path / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
    verdict = precheck_submission(tmp_path, {ASSIGNMENT: release})
    assert verdict.status == "tampered" and grade_id in verdict.message, verdict
    assert "grading metadata changed" in verdict.message


def test_unchanged_grading_metadata_passes_the_precheck(toy_release, tmp_path):
    release, source = toy_release
    (tmp_path / f"{ASSIGNMENT}.ipynb").write_text(nbformat.writes(demo.perfect(release, source)), encoding="utf-8")
    assert precheck_submission(tmp_path, {ASSIGNMENT: release}).status == "ok"


# --- the source scan ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("import __main__\nprint(__main__.__dict__['_' + 'ih'])", "__dict__"),
        ("import operator\nget = operator.attrgetter('f_' + 'back')", "attrgetter"),
        ("from operator import attrgetter as a", "attrgetter"),
        ("import sys\nsys.addaudithook(lambda event, args: None)", "addaudithook"),
        ("import signal\nsignal.setitimer(signal.ITIMER_REAL, 0.001)", "signal"),
        ("import traceback\nframes = list(traceback.walk_stack(None))", "walk_stack"),
        ("import marshal\nblob = marshal.dumps(code)", "marshal"),
        ("from unittest.mock import ANY\ndef double(x):\n    return ANY", "unittest.mock"),
        ("ip = get_ipython()\nip.compile.ast_parse = lambda *a: None", "ast_parse"),
        ("shell.run_cell_async = fake", "run_cell_async"),
        ("import __main__\nprint(__main__._ih[-1])", "_ih"),
    ],
)
def test_the_scan_finds_indirect_interfaces(code, found):
    assert found in tampering_in(code)


@pytest.mark.parametrize(
    ("code", "found"),
    [
        (ALWAYS_EQUAL, ["__eq__", "__hash__"]),
        ("Yes = type('Yes', (int,), {'__eq__': lambda s, o: True})", ["__eq__"]),
        ("class A:\n    pass\nA.__bool__ = lambda self: True", ["__bool__"]),
        ("class Point:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return 'P'", []),
        ("if __name__ == '__main__':\n    print(1)", []),
    ],
)
def test_special_methods_of_comparison_are_found(code, found):
    assert redefined_behaviour(code) == found


def test_late_test_cells_show_the_graders_verdict_and_early_cells_are_untouched(tmp_path):
    from newstrace.grading.late_outputs import LATE_NOTE, WithholdLateOutputs

    new_code, new_output = nbformat.v4.new_code_cell, nbformat.v4.new_output
    early = new_code("print('hello')", outputs=[new_output("stream", name="stdout", text="LEAK00\n")])
    hidden = new_code("### BEGIN HIDDEN TESTS\nassert f(1) == 2\n### END HIDDEN TESTS")
    test = new_code("assert f(2) == 4, 'f(2) should be 4'", execution_count=7)
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    test.outputs = [new_output("error", ename="AssertionError", evalue="LEAK01",
                               traceback=["Cell In[7], line 1", "LEAK01"])]
    kept = new_code("print(2)", outputs=[new_output("stream", name="stdout", text="2\n")])
    changed = new_code("print(3)", outputs=[new_output("stream", name="stdout", text="LEAK02\n")])
    graded = nbformat.v4.new_notebook(cells=[early, hidden, test, kept, changed])
    submitted = copy.deepcopy(graded)
    submitted.cells[4].outputs = [new_output("stream", name="stdout", text="3\n")]
    submitted.cells[2].outputs = []  # the student's own run passed the public test
    nbformat.write(submitted, tmp_path / "nb.ipynb")
    out, _ = WithholdLateOutputs(submitted_folder=str(tmp_path)).preprocess(
        copy.deepcopy(graded), {"nbgrader": {"notebook": "nb"}}
    )
    shown = [[o.get("text", "") for o in cell.outputs] for cell in out.cells]
    assert shown[0] == ["LEAK00\n"]  # before the hidden tests: the student's own
    assert shown[2] == ["Tests failed: AssertionError: f(2) should be 4.\n"]
    assert shown[3] == ["2\n"] and shown[4] == [LATE_NOTE]
