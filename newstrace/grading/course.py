"""The course being graded: its nbgrader configuration, assignments, submissions and references."""

from __future__ import annotations

import copy
import os
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.apps import NbGraderAPI
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"
MIN_SECRET_LINE = 12  # shorter code lines (`return x`) are too common to count as a leak


class CourseError(RuntimeError):
    """The course itself cannot be graded (missing config, source or assignment)."""


@dataclass(frozen=True)
class Reference:
    """What grading one assignment is checked against, built fresh from the source."""

    assignment: str
    releases: dict[str, NotebookNode]  # notebook name -> released (student) version
    sources: dict[str, NotebookNode]  # notebook name -> instructor version
    template_db: Path  # a gradebook holding only this assignment, for worker copies
    hidden_lines: tuple[str, ...]  # hidden-test lines students never received
    solution_lines: tuple[str, ...]  # solution lines students never received

    def secret_lines(self, show_hidden_tests: bool = False) -> tuple[str, ...]:
        """Return the lines feedback outputs must not echo: hidden tests, unless they are shown.

        Hidden tests are the only secret a kernel ever receives (it runs them); solution code
        never reaches it, and is legitimately echoed by a correct answer's own cells and outputs.
        """
        return () if show_hidden_tests else self.hidden_lines


def put_tools_on_path() -> None:
    """Put this Python's bin folder on PATH: nbgrader runs `alembic` from there for a new gradebook."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def load_config(course_root: Path) -> Config:
    """Return the course's nbgrader configuration with its root set to `course_root`."""
    put_tools_on_path()
    if not (course_root / CONFIG_FILE).is_file():
        raise CourseError(
            f"{course_root} has no {CONFIG_FILE}: run `newstrace grade` in a course root"
        )
    config = PyFileConfigLoader(CONFIG_FILE, path=str(course_root)).load_config()
    config.CourseDirectory.root = str(course_root)
    return config


def with_overrides(config: Config, **sections: dict) -> Config:
    """Return a deep copy of `config` with {section: {trait: value}} overrides merged in."""
    result = copy.deepcopy(config)
    result.merge(Config(sections))
    return result


def folder(config: Config, key: str, default: str) -> str:
    """Return a CourseDirectory folder name from the config, or nbgrader's default."""
    value = config.CourseDirectory.get(key)
    return value if isinstance(value, str) else default


def source_dir(config: Config) -> Path:
    """Return the instructor source folder (nbgrader's source_directory)."""
    return Path(config.CourseDirectory.root) / folder(config, "source_directory", "source")


def submitted_dir(config: Config) -> Path:
    """Return the folder of submissions, submitted/<student>/<assignment>/."""
    return Path(config.CourseDirectory.root) / folder(config, "submitted_directory", "submitted")


def db_url(config: Config) -> str:
    """Return the course gradebook's database URL."""
    url = config.CourseDirectory.get("db_url")
    if isinstance(url, str) and url:
        return url
    return f"sqlite:///{Path(config.CourseDirectory.root) / 'gradebook.db'}"


def assignments(config: Config) -> list[str]:
    """Return the assignment names in the source folder that have notebooks."""
    root = source_dir(config)
    if not root.is_dir():
        raise CourseError(f"{root} does not exist: expected the assignments' source notebooks")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def submissions(config: Config, assignment: str) -> list[str]:
    """Return the students who have a submitted/<student>/<assignment>/ folder."""
    root = submitted_dir(config)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / assignment).is_dir())


def generate(config: Config, assignment: str, release_dir: Path, url: str) -> None:
    """Run nbgrader's generate_assignment into `release_dir`, recording cells in gradebook `url`."""
    release_dir.mkdir(parents=True, exist_ok=True)
    overrides = {"release_directory": str(release_dir), "db_url": url}
    api = NbGraderAPI(config=with_overrides(config, CourseDirectory=overrides))
    result = api.generate_assignment(assignment, force=True)
    if not result["success"]:
        raise CourseError(f"nbgrader could not generate {assignment}: {result.get('error', '')}")


def build_reference(config: Config, assignment: str, workdir: Path) -> Reference:
    """Sync the course gradebook with the source and return the assignment's reference.

    The template gradebook for the workers is a snapshot of the course gradebook taken right after
    the sync, so a worker sees the same due dates, manual grades and comments as the course (and
    no new database, whose creation costs nbgrader an `alembic` subprocess, is made).
    """
    base = workdir / "reference" / assignment
    generate(config, assignment, base / "release", db_url(config))
    template_db = base / "gradebook.db"
    snapshot_gradebook(db_url(config), template_db)
    releases = read_notebooks(base / "release" / assignment)
    sources = read_notebooks(source_dir(config) / assignment)
    hidden = secret_lines(sources.values(), releases.values(), HIDDEN_BEGIN, HIDDEN_END)
    solution = secret_lines(sources.values(), releases.values(), SOLUTION_BEGIN, SOLUTION_END)
    return Reference(assignment, releases, sources, template_db, hidden, solution)


def snapshot_gradebook(url: str, target: Path) -> None:
    """Copy a sqlite gradebook consistently (sqlite's backup API) to `target`."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        raise CourseError(f"only sqlite gradebooks can be graded in parallel, not {url}")
    source = sqlite3.connect(url[len(prefix) :])
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def read_notebooks(folder_path: Path) -> dict[str, NotebookNode]:
    """Return every notebook in a folder, keyed by file name without .ipynb."""
    return {p.stem: nbformat.read(p, as_version=4) for p in sorted(folder_path.glob("*.ipynb"))}


def marked_lines(source: str, begin: str, end: str) -> list[str]:
    """Return the stripped lines between `begin` and `end` marker lines."""
    inside, found = False, []
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            found.append(line.strip())
    return found


def secret_lines(
    sources: Iterable[NotebookNode], releases: Iterable[NotebookNode], begin: str, end: str
) -> tuple[str, ...]:
    """Return the lines between markers in the sources that no released notebook contains."""
    released = {
        ln.strip() for nb in releases for cell in nb.cells for ln in cell.source.splitlines()
    }
    found = {
        ln for nb in sources for cell in nb.cells for ln in marked_lines(cell.source, begin, end)
    }
    return tuple(sorted(s for s in found if len(s) >= MIN_SECRET_LINE and s not in released))
