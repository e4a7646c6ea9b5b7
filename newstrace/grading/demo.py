"""Build demonstration classes: a course folder and submissions, good and hostile, made from a source.

Used by `make grading-demo`, the hostile-class test and the grading benchmark. Submissions are built
from an assignment's source notebook (the perfect answer = the solution code) and its release (the
blank), so they follow whatever assignments the course has.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newstrace.grading.course import SOLUTION_BEGIN, SOLUTION_END
from newstrace.grading.precheck import nbgrader_cells

HOSTILE_KINDS = (
    "perfect",
    "blank",
    "truncated",
    "endless_loop",
    "tests_replaced",
    "stripped",
    "deleted_test",
    "huge_output",
    "kernel_exit",
    "leak",
)
EXPECTED_STATUS = {
    "perfect": "ok",
    "blank": "ok",
    "truncated": "unreadable",
    "endless_loop": "timeout",
    "tests_replaced": "tampered",
    "stripped": "tampered",
    "deleted_test": "tampered",
    "huge_output": "ok",
    "kernel_exit": "error",
    "leak": "review",  # it registers an IPython event hook: its points wait for a person
}
COURSE_CONFIG = '''"""nbgrader settings of a demonstration course (built by newstrace.grading.demo)."""

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "newstrace-demo"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.OverwriteCells.add_missing_cells = True
c.ExecutePreprocessor.timeout = 30
'''


def toy_source() -> NotebookNode:
    """Return a small instructor notebook: one function, visible and hidden tests, a written answer."""
    new_code, new_md = nbformat.v4.new_code_cell, nbformat.v4.new_markdown_cell
    cells = [
        new_md("# Doubling (5 points)\n\n**Content note:** none; a demonstration notebook."),
        new_code(f"def double(x):\n    {SOLUTION_BEGIN}\n    return 2 * x\n    {SOLUTION_END}"),
        new_code('"""Check that double() returns an int"""\nassert isinstance(double(2), int)'),
        new_code(
            '"""Check double() on known values"""\nassert double(0) == 0\n'
            "### BEGIN HIDDEN TESTS\nassert double(21) == 42, 'double(21) should be 42'\n"
            "### END HIDDEN TESTS"
        ),
        new_md("Why is doubling linear? (2 points)"),
        new_md(
            "YOUR ANSWER HERE\n### BEGIN SOLUTION\nBecause double(a + b) == double(a) + "
            "double(b) for every a and b.\n### END SOLUTION"
        ),
    ]
    meta = [
        None,
        {"solution": True, "grade": False, "locked": False, "grade_id": "double_code"},
        {
            "solution": False,
            "grade": True,
            "locked": True,
            "grade_id": "double_returns_int",
            "points": 1,
        },
        {
            "solution": False,
            "grade": True,
            "locked": True,
            "grade_id": "double_values",
            "points": 2,
        },
        None,
        {
            "solution": True,
            "grade": True,
            "locked": False,
            "grade_id": "linear_answer",
            "points": 2,
        },
    ]
    for cell, nbgrader in zip(cells, meta):
        if nbgrader:
            cell.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def build_course(
    root: Path, sources: dict[str, NotebookNode], extra_dirs: tuple[Path, ...] = ()
) -> None:
    """Write a course folder: nbgrader_config.py and solutions/<a>/<a>.ipynb for each source."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(COURSE_CONFIG, encoding="utf-8")
    for assignment, nb in sources.items():
        folder = root / "solutions" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{assignment}.ipynb")
    for extra in extra_dirs:
        shutil.copytree(extra, root / extra.name, dirs_exist_ok=True)


def copy_course_sources(repo: Path, root: Path, names: list[str]) -> None:
    """Build a course from assignments of an existing course's solutions/ folder."""
    sources = {a: nbformat.read(repo / "solutions" / a / f"{a}.ipynb", as_version=4) for a in names}
    build_course(root, sources)
    for a in names:
        shutil.copytree(repo / "solutions" / a, root / "solutions" / a, dirs_exist_ok=True)


def without_markers(source: str) -> str:
    """Return the solution code of a source cell: the marker lines removed."""
    keep = [ln for ln in source.splitlines() if SOLUTION_BEGIN not in ln and SOLUTION_END not in ln]
    return "\n".join(ln for ln in keep if ln.strip() != "YOUR ANSWER HERE")


def perfect(release: NotebookNode, source: NotebookNode) -> NotebookNode:
    """Return the release with every answer cell filled in with the instructor's solution."""
    nb = copy.deepcopy(release)
    solutions = nbgrader_cells(source)
    for grade_id, cell in nbgrader_cells(nb).items():
        if cell.metadata.nbgrader.get("solution") and grade_id in solutions:
            cell.source = without_markers(solutions[grade_id].source)
    return nb


def test_cells(nb: NotebookNode) -> list[NotebookNode]:
    """Return the code test cells (graded, not answers)."""
    return [
        c
        for c in nb.cells
        if c.cell_type == "code"
        and c.get("metadata", {}).get("nbgrader", {}).get("grade")
        and not c.metadata.nbgrader.get("solution")
    ]


def answer_cells(nb: NotebookNode) -> list[NotebookNode]:
    """Return the code answer cells."""
    return [
        c
        for c in nb.cells
        if c.cell_type == "code" and c.get("metadata", {}).get("nbgrader", {}).get("solution")
    ]


def insert_after_first_answer(nb: NotebookNode, code: str) -> NotebookNode:
    """Return a copy of `nb` with a new code cell right after its first answer cell."""
    nb = copy.deepcopy(nb)
    first = nb.cells.index(answer_cells(nb)[0])
    nb.cells.insert(first + 1, nbformat.v4.new_code_cell(code))
    return nb


def leak_code(course_root: Path, assignment: str) -> str:
    """Return code that tries to print the solutions, the gradebook and every later cell's code."""
    return f"""import glob, os
targets = [{str(course_root / "solutions")!r}, {str(course_root / "gradebook.db")!r},
           "../../../solutions", "../../../gradebook.db", "../..", "/proc/1/cwd"]
for target in targets:
    for path in glob.glob(target + "/**", recursive=True) or [target]:
        try:
            print(path, open(path, errors="replace").read())
        except Exception as err:
            print(path, type(err).__name__)
get_ipython().events.register("pre_run_cell", lambda info: print("LEAK", info.raw_cell))
"""


def hostile(
    kind: str, release: NotebookNode, source: NotebookNode, course_root: Path, name: str
) -> str:
    """Return the JSON text of one kind of submission (see HOSTILE_KINDS)."""
    good = perfect(release, source)
    builders: dict[str, Callable[[], NotebookNode]] = {
        "perfect": lambda: good,
        "blank": lambda: release,
        "endless_loop": lambda: prepend_to_first_answer(good, "while True:\n    pass\n"),
        "tests_replaced": lambda: replace_tests(good),
        "stripped": lambda: strip_nbgrader(good),
        "deleted_test": lambda: delete_first_test(good),
        "huge_output": lambda: insert_after_first_answer(good, "print('x' * 5_000_000)"),
        "kernel_exit": lambda: insert_after_first_answer(good, "import os\nos._exit(1)"),
        # built on the blank, so any solution line in its feedback can only have been read from disk
        "leak": lambda: insert_after_first_answer(release, leak_code(course_root, name)),
    }
    if kind == "truncated":
        text = nbformat.writes(good)
        return text[: len(text) // 2]
    return nbformat.writes(builders[kind]())


def prepend_to_first_answer(nb: NotebookNode, code: str) -> NotebookNode:
    """Return a copy with `code` put at the top of the first answer cell."""
    nb = copy.deepcopy(nb)
    cell = answer_cells(nb)[0]
    cell.source = code + cell.source
    return nb


def replace_tests(nb: NotebookNode) -> NotebookNode:
    """Return a copy whose test cells all read `pass`."""
    nb = copy.deepcopy(nb)
    for cell in test_cells(nb):
        cell.source = "pass"
    return nb


def strip_nbgrader(nb: NotebookNode) -> NotebookNode:
    """Return a copy without any nbgrader metadata (a notebook re-created outside Jupyter)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)
    return nb


def delete_first_test(nb: NotebookNode) -> NotebookNode:
    """Return a copy with its first test cell deleted."""
    nb = copy.deepcopy(nb)
    nb.cells.remove(test_cells(nb)[0])
    return nb


def release_of(course_root: Path, assignment: str) -> NotebookNode:
    """Return the student version of an assignment, generated by nbgrader into a scratch folder."""
    from newstrace.grading.course import generate, load_config

    scratch = course_root / ".demo-release"
    generate(load_config(course_root), assignment, scratch, f"sqlite:///{scratch / 'scratch.db'}")
    nb = nbformat.read(scratch / assignment / f"{assignment}.ipynb", as_version=4)
    shutil.rmtree(scratch)
    return nb


def submit_class(
    course_root: Path, kinds: tuple[str, ...] = HOSTILE_KINDS
) -> dict[tuple[str, str], str]:
    """Write submitted/<kind>/<a>/<a>.ipynb for every assignment; return {(student, a): kind}."""
    roster = {}
    for folder in sorted((course_root / "solutions").iterdir()):
        name = folder.name
        source = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        release = release_of(course_root, name)
        for kind in kinds:
            target = course_root / "submitted" / kind / name
            target.mkdir(parents=True, exist_ok=True)
            (target / f"{name}.ipynb").write_text(
                hostile(kind, release, source, course_root, name), encoding="utf-8"
            )
            roster[(kind, name)] = kind
    return roster


def solution_json(course_root: Path, assignment: str) -> dict:
    """Return the instructor notebook as a plain dict (for tests that look for leaked text)."""
    path = course_root / "solutions" / assignment / f"{assignment}.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))


DEMO_KINDS = ("perfect", "blank", "truncated", "tests_replaced", "leak")
DEMO_PURPOSES = {
    "perfect": "the instructor's solution handed in: full autograded marks (written answers wait for you)",
    "blank": "the student version handed in untouched: 0 points, graded without any error",
    "truncated": "a file cut in half (not readable JSON): reported as unreadable, never crashes the class",
    "tests_replaced": "the test cells rewritten to `pass`: reported as tampered and scored 0, so it gains nothing",
    "leak": "code that tries to read the solutions and gradebook: confined, it finds neither (see its feedback)",
}
"""What each deliberately broken (or perfect) demo submission shows about the grader."""


def build_demo(target: Path, repo: Path, kinds: tuple[str, ...] = DEMO_KINDS) -> None:
    """Build (from scratch) a demo course from the repo's assignments with a small class."""
    names = sorted(
        p.name for p in (repo / "solutions").glob("*") if (p / f"{p.name}.ipynb").is_file()
    )
    shutil.rmtree(target, ignore_errors=True)
    if names:
        copy_course_sources(repo, target, names)
    else:
        build_course(target, {"doubling": toy_source()})
    submit_class(target, kinds)


def main(argv: list[str] | None = None) -> int:
    """Build a demo course: python -m newstrace.grading.demo TARGET [REPO]."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m newstrace.grading.demo TARGET [REPO]", file=sys.stderr)
        return 2
    repo = Path(args[1]) if len(args) > 1 else Path.cwd()
    target = Path(args[0]).resolve()
    build_demo(target, repo.resolve())
    explanation = demo_explanation()
    (target / "README.md").write_text(explanation, encoding="utf-8")
    print(explanation, end="")
    return 0


def demo_explanation(kinds: tuple[str, ...] = DEMO_KINDS) -> str:
    """Return what the demo class is: one line per student saying what its submission demonstrates."""
    lines = [
        f"Demo class: {len(kinds)} made-up students per assignment. Most submissions are broken "
        "on purpose, to show how `newstrace grade` handles them; a low score or a 'tampered' or "
        "'unreadable' count below is the demonstration working, not a fault.",
        *(f"  {kind:<15} {DEMO_PURPOSES[kind]}" for kind in kinds),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
