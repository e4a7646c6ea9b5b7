"""Helpers shared by the lesson tests: which notebooks exist, and each lesson executed once per session."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

import nbformat
import pytest

from newstrace import course

LESSONS = course.lesson_paths()
"""The student edition (notebooks/), what students and Binder open."""
LESSON_IDS = [path.stem for path in LESSONS]
SOURCES = course.source_paths()
"""The hand-edited lesson sources (instructor/), from which both editions are made."""
SOURCE_IDS = [f"instructor/{path.stem}" for path in SOURCES]
ALL_NOTEBOOKS = sorted(
    path
    for folder in ("instructor", "notebooks", "solutions", "exercises")
    for path in (course.ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in path.parts
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@functools.cache
def executed(path: Path) -> nbformat.NotebookNode:
    """Return the lesson executed in a fresh kernel (cached: the first run in this test session)."""
    return course.execute_notebook(path)


@functools.cache
def executed_instructor_edition(source: Path) -> nbformat.NotebookNode:
    """Return a lesson's instructor edition executed in a fresh kernel (cached for the session)."""
    folder = Path(tempfile.mkdtemp(prefix="instructor-edition-"))
    path = folder / source.name
    nbformat.write(course.instructor_edition(nbformat.read(source, as_version=4)), path)
    return course.execute_notebook(path)


def require_tool(available: bool, what: str) -> None:
    """Skip the test when a system tool is missing, except in CI (CI=true), where that fails it."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing in CI: scripts/system-deps.sh should have installed it")
    pytest.skip(f"{what} is not installed (run `make system-deps`); not in CI, so skipping")


SLIDE_CONTENT_PENDING = frozenset(LESSON_IDS) - {"04-same-story-different-page", "05-your-own-story",
                                                 "06-leaving-the-page"}
"""Lessons whose slides still overflow 1280×720 or lack speaker notes (issue 16's content part, done in
the instructor source). Their fit and notes tests are strict xfails: once a lesson is mended its test
passes, the xfail fails, and the lesson must leave this set."""


def pending_content(lesson: str) -> pytest.MarkDecorator | tuple[()]:
    """Return a strict xfail mark for a lesson whose slide content is still pending, else no mark."""
    if lesson in SLIDE_CONTENT_PENDING:
        return pytest.mark.xfail(strict=True, reason="slide content pending (issue 16): "
                                                     "`python -m newstrace.course fit` lists it")
    return ()


def lesson_params() -> list:
    """Return the lesson ids as pytest params, each marked when its slide content is pending."""
    return [pytest.param(lesson, marks=pending_content(lesson)) for lesson in LESSON_IDS]
