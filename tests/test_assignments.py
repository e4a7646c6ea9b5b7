"""The nbgrader assignments: exercises/ is generated and current, leaks nothing, and the tests grade.

Everything that writes (nbgrader's release, its gradebook.db, executed copies) happens in a temporary
copy of the course, never in the repository.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from answer_variants import CORRECT, WRONG
from nbgrader.validator import Validator
from traitlets.config.loader import PyFileConfigLoader

import newstrace as nt
from newstrace.grading import demo

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
ASSIGNMENTS = sorted(p.parent.name for p in SOLUTIONS.glob("*/*.ipynb"))
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
AUTO_POINTS = (9, 15)
"""Allowed range of autograded points per notebook (about a dozen one-point cells)."""
CELL_POINTS = (1, 2)
"""Allowed points of one test cell: one property each, so one slip costs one point."""
MANUAL_POINTS = (2, 4)
"""Allowed range of manually graded points per notebook."""
MIN_SECRET_CHARS = 12
"""Solution or hidden-test lines shorter than this (e.g. `return 0.0`) are too generic to count as leaks."""
NBGRADER_OUTPUT = ("gradebook.db", "release", "source", "autograded", "submitted", "feedback")
PREEXISTING = {name for name in NBGRADER_OUTPUT if (ROOT / name).exists()}
"""nbgrader folders that existed in the repository before these tests ran (someone else made them)."""


def load_script():
    """Return scripts/generate_exercises.py imported as a module."""
    spec = importlib.util.spec_from_file_location("generate_exercises", ROOT / "scripts/generate_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nbgrader_config():
    """Return the course's nbgrader configuration."""
    return PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()


def notebook_paths(folder: Path) -> list[Path]:
    """Return the assignment notebooks in solutions/ or exercises/, one folder per assignment."""
    return sorted(folder.glob("*/*.ipynb"))


def meta(cell) -> dict:
    """Return the nbgrader metadata of a cell ({} for ordinary cells)."""
    return cell.metadata.get("nbgrader", {})


def is_test(cell) -> bool:
    """Return True for an autograded test cell (graded, not an answer)."""
    return meta(cell).get("grade", False) and not meta(cell).get("solution", False)


def is_manual(cell) -> bool:
    """Return True for a manually graded answer cell."""
    return meta(cell).get("grade", False) and meta(cell).get("solution", False)


def secret_regions(source: str) -> tuple[list[str], list[str]]:
    """Split a cell's lines into (lines inside solution or hidden-test regions, lines outside them)."""
    inside, outside, depth = [], [], 0
    for line in source.splitlines():
        if re.search(r"BEGIN (SOLUTION|HIDDEN TESTS)", line):
            depth += 1
        elif re.search(r"END (SOLUTION|HIDDEN TESTS)", line):
            depth -= 1
        else:
            (inside if depth else outside).append(line.strip())
    return inside, outside


def secret_lines(notebook) -> set[str]:
    """Return the non-trivial solution and hidden-test lines of a source notebook.

    Lines that the notebook also shows outside those regions (visible code, prose) are not secret.
    """
    inside, outside = set(), set()
    for cell in notebook.cells:
        secret, shown = secret_regions(cell.source)
        inside.update(secret)
        outside.update(shown)
    return {line for line in inside - outside
            if len(line) >= MIN_SECRET_CHARS and re.search(r"[A-Za-z0-9]", line)}


def leaked_lines(secrets: set[str], released_text: str) -> list[str]:
    """Return the secret lines that appear in a released text (compared line by line, stripped)."""
    released = {line.strip() for line in released_text.splitlines()}
    return sorted(secrets & released)


def notebook_text(path: Path) -> str:
    """Return all cell sources and text outputs of a notebook, joined by line breaks."""
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(str(output.get("text", "")))
            parts.extend(str(value) for value in output.get("data", {}).values())
    return "\n".join(parts)


@pytest.fixture(scope="session")
def fresh_course(tmp_path_factory) -> Path:
    """Return a temporary course root holding data/, solutions/ and a freshly generated exercises/."""
    script = load_script()
    work = tmp_path_factory.mktemp("generate")
    release = script.generate_release(ROOT, work)
    course = release.parent
    shutil.copytree(ROOT / "data", course / "data")
    return course


def test_there_are_three_assignments():
    """Check that the sourcing, attribution and syndication assignments (and any variants) each have one notebook."""
    assert {"sourcing", "attribution", "syndication"} <= set(ASSIGNMENTS)
    for name in ASSIGNMENTS:
        assert len(list((SOLUTIONS / name).glob("*.ipynb"))) == 1, f"{name}: expected one notebook"


def test_config_names_the_course_folders_and_grades_like_the_demo(tmp_path: Path):
    """Check nbgrader_config.py: its source folder holds the solutions, its release folder one exercise per
    assignment, and the grading demo (a deleted test cell, an endless loop) grades under its cell settings."""
    config = nbgrader_config()
    assert ROOT / config.CourseDirectory.source_directory == SOLUTIONS
    released = ROOT / config.CourseDirectory.release_directory
    assert sorted(p.parent.name for p in released.glob("*/*.ipynb")) == ASSIGNMENTS
    (tmp_path / "nbgrader_config.py").write_text(demo.COURSE_CONFIG, encoding="utf-8")
    shown = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    for section, setting in (("OverwriteCells", "add_missing_cells"), ("ExecutePreprocessor", "timeout")):
        assert shown[section][setting] == config[section][setting], f"the demo grades with another {setting}"
    assert 5 <= config.ExecutePreprocessor.timeout <= 120, "a loop is stopped within two minutes, a slow cell is not"


def test_makefile_builds_exercises():
    """Check that `make exercises` runs the generator and `make course` includes it."""
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^exercises:.*\n\t.*scripts/generate_exercises\.py", makefile, re.MULTILINE)
    parts = re.findall(r"^COURSE_PARTS\s*[+:]?=(.*)$", makefile, re.MULTILINE)
    assert "exercises" in " ".join(parts).split()


def test_exercises_are_up_to_date(fresh_course: Path):
    """Check that regenerating exercises/ from solutions/ gives the committed files byte for byte."""
    script = load_script()
    fresh = fresh_course / "exercises"
    for name in ASSIGNMENTS:
        new = {rel: (fresh / name / rel).read_bytes() for rel in script.release_files(fresh / name)}
        old = {rel: (EXERCISES / name / rel).read_bytes() for rel in script.release_files(EXERCISES / name)}
        assert sorted(new) == sorted(old), f"exercises/{name} has other files than nbgrader makes: run make exercises"
        stale = [str(rel) for rel in new if new[rel] != old[rel]]
        assert not stale, f"exercises/{name}: {stale} differ from a fresh release: run make exercises"


def test_generation_leaves_the_course_untouched(fresh_course: Path):
    """Check that generating in a copy left no gradebook or nbgrader folders in the copied-from course."""
    assert (fresh_course / "gradebook.db").exists(), "nbgrader should have made its gradebook in the copy"
    for name in NBGRADER_OUTPUT:
        assert name in PREEXISTING or not (ROOT / name).exists(), f"{name} appeared in the repository"



def test_sync_rewrites_only_changed_files(fresh_course: Path, tmp_path: Path):
    """Check that syncing a release twice changes nothing the second time, and removes stale files."""
    script = load_script()
    target = tmp_path / "exercises"
    (target / ASSIGNMENTS[0]).mkdir(parents=True)
    stale = target / ASSIGNMENTS[0] / "old-notebook.ipynb"
    stale.write_text("{}")
    keep = target / "README.md"
    keep.write_text("kept")
    checkpoint = target / ASSIGNMENTS[0] / ".ipynb_checkpoints" / "x-checkpoint.ipynb"
    checkpoint.parent.mkdir()
    checkpoint.write_text("{}")
    first = script.sync(fresh_course / "exercises", target, ASSIGNMENTS)
    assert stale in first and not stale.exists()
    assert len(first) == len(ASSIGNMENTS) + 1
    assert script.sync(fresh_course / "exercises", target, ASSIGNMENTS) == []
    assert keep.read_text() == "kept", "files outside the assignment folders are left alone"
    assert checkpoint.exists(), "Jupyter's checkpoints are left alone"


def test_no_markers_anywhere_in_exercises():
    """Check that no solution or hidden-test marker appears in any file under exercises/."""
    for path in sorted(p for p in EXERCISES.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [marker for marker in MARKERS if marker in text]
        assert not found, f"{path.relative_to(ROOT)} contains {found}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_no_solution_or_hidden_test_lines_in_exercises(name: str):
    """Check that no line of solution code or hidden tests from solutions/ appears in exercises/."""
    source = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    secrets = secret_lines(source)
    assert len(secrets) >= 15, f"{name}: suspiciously few solution lines found ({len(secrets)})"
    for path in sorted(EXERCISES.rglob("*")):
        if path.is_file():
            text = notebook_text(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
            leaks = leaked_lines(secrets, text)
            assert not leaks, f"{path.relative_to(ROOT)} shows lines of the {name} solution: {leaks[:3]}"


def test_leak_scan_catches_a_planted_leak():
    """Check that the leak scan finds a solution line and a hidden-test line pasted into a release."""
    source = nbformat.read(next((SOLUTIONS / ASSIGNMENTS[0]).glob("*.ipynb")), as_version=4)
    secrets = secret_lines(source)
    released = notebook_text(next((EXERCISES / ASSIGNMENTS[0]).glob("*.ipynb")))
    hidden = next(line for cell in source.cells if is_test(cell)
                  for line in secret_regions(cell.source)[0] if line in secrets)
    solution = next(line for cell in source.cells if meta(cell).get("solution") and cell.cell_type == "code"
                    for line in secret_regions(cell.source)[0] if line in secrets)
    assert leaked_lines(secrets, released) == []
    assert leaked_lines(secrets, released + "\n    " + hidden) == [hidden]
    assert leaked_lines(secrets, released + "\n" + solution + "  ") == [solution]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solutions_pass_their_own_tests(name: str, fresh_course: Path):
    """Check that the solution passes every test cell, with no error or stderr in any cell.

    It runs from autograded/<student>/<assignment>/ in a course copy, as nbgrader grades it.
    """
    graded = fresh_course / "autograded" / "ada" / name
    shutil.copytree(SOLUTIONS / name, graded)
    notebook = next(graded.glob("*.ipynb"))
    result = Validator(config=nbgrader_config(), validate_all=True).validate(str(notebook))
    failures = [cell.get("raw_error", cell["source"])[-800:] for cell in result.get("failed", [])]
    assert result == {}, f"{name}: the solution fails its own tests: {failures or result}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_fresh_exercises_fail_every_test(name: str, fresh_course: Path):
    """Check that an unanswered student notebook passes none of its test cells (validate --invert)."""
    notebook = next((fresh_course / "exercises" / name).glob("*.ipynb"))
    result = Validator(config=nbgrader_config(), invert=True).validate(str(notebook))
    passed = [cell["source"][:80] for cell in result.get("passed", [])]
    assert result == {}, f"{name}: these tests pass without any answer: {passed or result}"


@pytest.mark.parametrize("path", notebook_paths(SOLUTIONS) + notebook_paths(EXERCISES),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_opens_with_content_note(path: Path):
    """Check that the first cell is a content note describing the case the notebook reads.

    A notebook on the second case (it calls `nt.use_case(...)`) describes that non-violent case and does not
    warn of the main case's violence; every other notebook warns of it.
    """
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and "Content note" in first.source
    if any("nt.use_case(" in cell.source for cell in notebook.cells if cell.cell_type == "code"):
        assert "non-violent" in first.source and not re.search(r"executions|violence", first.source)
    else:
        assert re.search(r"executions|violence", first.source)


def test_one_assignment_has_a_variant_on_the_second_case():
    """Check that an assignment variant reads the second case in its locked setup cell, so it runs anywhere."""
    variants = [name for name in ASSIGNMENTS if name.endswith("-library-vote")]
    assert variants, "no assignment variant on the second case (solutions/<name>-library-vote/)"
    for name in variants:
        assert name.removesuffix("-library-vote") in ASSIGNMENTS, f"{name}: no main-case assignment it varies"
        notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
        setup = next(cell for cell in notebook.cells if meta(cell).get("locked") and not meta(cell).get("grade"))
        assert 'nt.use_case("library-vote")' in setup.source, f"{name}: the setup cell must choose the case"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_points_add_up_and_headings_show_them(name: str):
    """Check about 10 autograded and 2-4 manual points, and that each '## Part X (N points)' is right."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    auto = sum(meta(cell)["points"] for cell in notebook.cells if is_test(cell))
    manual = sum(meta(cell)["points"] for cell in notebook.cells if is_manual(cell))
    assert AUTO_POINTS[0] <= auto <= AUTO_POINTS[1], f"{name}: {auto} autograded points"
    assert MANUAL_POINTS[0] <= manual <= MANUAL_POINTS[1], f"{name}: {manual} manual points"
    parts: dict[str, list[int]] = {}
    current = None
    for cell in notebook.cells:
        heading = re.search(r"^## Part (\w+) \((\d+) points?\)", cell.source, re.MULTILINE)
        if cell.cell_type == "markdown" and heading:
            current = heading.group(1)
            parts[current] = [int(heading.group(2)), 0]
        elif meta(cell).get("grade"):
            assert current, f"{name}: graded cell {meta(cell)['grade_id']} comes before any Part heading"
            parts[current][1] += meta(cell)["points"]
    assert parts, f"{name}: no '## Part X (N points)' headings"
    wrong = {part: shown_actual for part, shown_actual in parts.items() if shown_actual[0] != shown_actual[1]}
    assert not wrong, f"{name}: headings show other points than the cells carry (shown, actual): {wrong}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_grade_ids_name_function_and_property(name: str):
    """Check that grade_ids are unique and test ids read <function>_<property> for a name the test uses."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    ids = [meta(cell)["grade_id"] for cell in notebook.cells if meta(cell)]
    assert len(ids) == len(set(ids)), f"{name}: duplicate grade_ids"
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", grade_id) for grade_id in ids), ids
    for cell in notebook.cells:
        if is_test(cell):
            grade_id = meta(cell)["grade_id"]
            used = {node.id for node in ast.walk(ast.parse(cell.source)) if isinstance(node, ast.Name)}
            assert any(grade_id.startswith(f"{used_name}_") for used_name in used), (
                f"{name}: {grade_id} should start with the function or variable its test checks")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_test_cells_have_docstring_visible_and_hidden_checks(name: str):
    """Check that every test cell opens with a 'Check ...' docstring and has visible and hidden asserts."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    tests = [cell for cell in notebook.cells if is_test(cell)]
    assert len(tests) >= 5, f"{name}: only {len(tests)} test cells"
    for cell in tests:
        grade_id = meta(cell)["grade_id"]
        first = ast.parse(cell.source).body[0]
        assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant), grade_id
        assert isinstance(first.value.value, str) and first.value.value.startswith("Check"), grade_id
        hidden, visible = secret_regions(cell.source)
        assert any(line.startswith("assert") for line in visible), f"{grade_id}: no visible check"
        assert any(line.startswith("assert") for line in hidden), f"{grade_id}: no hidden check"


MIN_MESSAGE_CHARS = 25
"""An assert message shorter than this cannot say what was expected and on what kind of input."""


def unexplained_asserts(source: str) -> list[str]:
    """Return the asserts of a cell's code whose message is missing, computed or too short to explain.

    A message must be a plain string literal: the grader quotes it from its own copy of the test, and a
    literal cannot carry a value computed from the answer (an f-string could print the expected result).
    """
    bad = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assert):
            continue
        message = node.msg
        if not (isinstance(message, ast.Constant) and isinstance(message.value, str)
                and len(message.value) >= MIN_MESSAGE_CHARS):
            bad.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return bad


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_assert_explains_what_was_expected(name: str):
    """Check that every assert in every test cell, visible or hidden, has a plain-text message."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    bad = {meta(cell)["grade_id"]: unexplained_asserts(cell.source) for cell in notebook.cells if is_test(cell)}
    bad = {grade_id: lines for grade_id, lines in bad.items() if lines}
    assert not bad, f"{name}: asserts without a plain-text message saying what was expected: {bad}"


TASK_RULE_VALUES = (0, 1)
"""Values the task texts themselves state as rules (0.0 for an empty input, 1.0 for equal sets)."""


def revealed_answers(source: str) -> list[str]:
    """Return the hidden asserts whose message spells out the value they compare against.

    Only values that are not words are looked at (numbers, lists, sets, ...): a hidden message may restate a
    rule of the task ("label ... 'words added'", "0.0 for an empty table"), never the real case's answer.
    """
    revealed = []
    for block in re.findall(r"BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.DOTALL):
        for node in ast.walk(ast.parse(block)):
            if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare)
                    and isinstance(node.msg, ast.Constant)):
                continue
            for value in node.test.comparators:
                try:
                    literal = ast.literal_eval(value)
                except ValueError:
                    continue
                if isinstance(literal, (str, bool, type(None))) or literal in TASK_RULE_VALUES:
                    continue
                if re.search(rf"(?<![\w.]){re.escape(ast.unparse(value))}(?![\w.])", node.msg.value):
                    revealed.append(ast.unparse(node)[:80])
    return revealed


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_hidden_messages_do_not_give_the_answer_away(name: str):
    """Check that no hidden assert's message contains the number or list it expects."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    revealed = [line for cell in notebook.cells if is_test(cell) for line in revealed_answers(cell.source)]
    assert not revealed, f"{name}: hidden messages that state the expected value: {revealed}"


def test_message_checks_catch_planted_problems():
    """Check the message checks: a bare assert, an f-string, a too-short message, a hidden message with the answer."""
    good = 'assert f(2) == 4, "f should double a small positive number"'
    assert unexplained_asserts(good) == []
    for bad in ("assert f(2) == 4", 'assert f(2) == 4, f"expected {f(2)}"', 'assert f(2) == 4, "wrong"',
                'assert f(2) == 4, message'):
        assert len(unexplained_asserts(good + "\n" + bad)) == 1, bad
    planted = '### BEGIN HIDDEN TESTS\nassert f() == [25, 26], "f should return [25, 26] here"\n### END HIDDEN TESTS'
    assert len(revealed_answers(planted)) == 1, "a hidden message stating the expected list is caught"
    rule = '### BEGIN HIDDEN TESTS\nassert f([]) == 0.0, "f of an empty list should be 0.0, as the task says"\n### END HIDDEN TESTS'
    assert revealed_answers(rule) == [], "a message restating a rule of the task is allowed"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_each_test_cell_is_worth_one_or_two_points(name: str):
    """Check that every test cell carries 1 or 2 points, so one slip never costs a whole function."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    heavy = {meta(cell)["grade_id"]: meta(cell)["points"] for cell in notebook.cells
             if is_test(cell) and not CELL_POINTS[0] <= meta(cell)["points"] <= CELL_POINTS[1]}
    assert not heavy, f"{name}: test cells outside {CELL_POINTS} points: {heavy}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_setup_and_written_cells_follow_conventions(name: str):
    """Check '# Run this cell.' on setup cells and a 'replace this text' placeholder on written answers."""
    source = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    setups = [cell for cell in source.cells if meta(cell).get("locked") and not meta(cell).get("grade")]
    assert setups, f"{name}: no locked setup cell"
    assert all(cell.source.startswith("# Run this cell.") for cell in setups)
    released = nbformat.read(next((EXERCISES / name).glob("*.ipynb")), as_version=4)
    written = [cell for cell in released.cells if is_manual(cell)]
    assert written and all(cell.cell_type == "markdown" for cell in written)
    assert all("replacing this text" in cell.source for cell in written), "written answers need a placeholder"


def with_answers(notebook, answers: dict[str, str]):
    """Return a copy of a source notebook whose answer cells (by grade_id) hold the given code instead."""
    notebook = nbformat.from_dict(notebook)
    for cell in notebook.cells:
        if meta(cell).get("grade_id") in answers:
            cell.source = answers[meta(cell)["grade_id"]].strip("\n")
    return notebook


@pytest.fixture(autouse=True)
def default_case_after_each_test():
    """Undo a case chosen by a notebook run in this process (`nt.use_case(...)`), so later tests read the default."""
    yield
    nt.use_case(None)


def run_checks(notebook) -> dict[str, bool]:
    """Run a source notebook's code in this process; return {test grade_id: whether the whole cell passed}.

    A failed cell stops at its failing assert, as in nbgrader, and the notebook runs on.
    """
    namespace: dict = {}
    results = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if not is_test(cell):
            try:
                exec(cell.source, namespace)
            except Exception:  # noqa: BLE001  (a wrong answer may break an ungraded cell; nbgrader runs on)
                pass
            continue
        try:
            exec(cell.source, namespace)
            results[meta(cell)["grade_id"]] = True
        except Exception:  # noqa: BLE001  (nbgrader fails a cell on any error, not only AssertionError)
            results[meta(cell)["grade_id"]] = False
    return results


@pytest.mark.parametrize("name", sorted(WRONG))
def test_answer_variants_score_as_expected_in_process(name: str, capsys):
    """Check quickly, in this process, the answer variants that test_assignment_answers.py grades for real.

    Correct variants pass every cell; each wrong variant fails exactly the cells of the property it breaks.
    """
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    for answers in CORRECT[name]:
        results = run_checks(with_answers(notebook, answers))
        assert all(results.values()), f"{name}: a correct variant failed {results}"
    for mistakes in WRONG[name]:
        results = run_checks(with_answers(notebook, {key: code for key, (code, _) in mistakes.items()}))
        expected = set().union(*(cells for _, cells in mistakes.values()))
        assert {grade_id for grade_id, passed in results.items() if not passed} == expected


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solution_passes_every_check_in_process(name: str, capsys):
    """Check that the in-process runner agrees with nbgrader: the solution passes every test cell."""
    notebook = nbformat.read(next((SOLUTIONS / name).glob("*.ipynb")), as_version=4)
    results = run_checks(notebook)
    assert results and all(results.values()), results
