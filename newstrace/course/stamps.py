"""Content-hash stamps: a lesson is executed again only when the lesson, the package or the data changed.

A stamp is a small file beside the executed lesson holding the SHA-256 of everything its run can
depend on: the lesson file, every file of the `newstrace` package, `pyproject.toml` (the
dependency versions) and every file of the data folder the kernels read (`nt.data_dir()`).
Hashes, not timestamps: a fresh clone, a `git checkout` or a copy changes every mtime and nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from newstrace.course.notebooks import ROOT
from newstrace.data import data_dir

PACKAGE = ROOT / "newstrace"
STAMP_SUFFIX = ".stamp"
_IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def _files_under(folder: Path) -> list[Path]:
    """Return every regular file under folder, in a stable order, leaving out caches."""
    return sorted(path for path in folder.rglob("*")
                  if path.is_file() and not _IGNORED_PARTS.intersection(path.parts)
                  and path.suffix != ".pyc")


def build_inputs() -> list[Path]:
    """Return the files every lesson run depends on: the package, pyproject.toml and the data."""
    project = ROOT / "pyproject.toml"
    return [*_files_under(PACKAGE), *([project] if project.is_file() else []),
            *_files_under(data_dir())]


def content_hash(paths: Iterable[Path]) -> str:
    """Return the SHA-256 of the files' names (relative to the checkout) and bytes, in order."""
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        digest.update(str(name).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def lesson_hash(lesson: Path, inputs_hash: str) -> str:
    """Return the stamp value of one lesson: its own bytes combined with the shared inputs' hash."""
    return hashlib.sha256(lesson.read_bytes() + b"\0" + inputs_hash.encode("ascii")).hexdigest()


def stamp_path(executed: Path) -> Path:
    """Return where the stamp of an executed lesson is kept (beside it)."""
    return executed.with_suffix(STAMP_SUFFIX)


def is_up_to_date(executed: Path, expected: str, outputs: Iterable[Path]) -> bool:
    """Return True when every output exists and the stamp records the expected hash."""
    stamp = stamp_path(executed)
    return (all(path.is_file() for path in outputs) and stamp.is_file()
            and stamp.read_text(encoding="ascii").strip() == expected)


def write_stamp(executed: Path, value: str) -> None:
    """Record the hash an executed lesson was built from (after its outputs are written)."""
    stamp_path(executed).write_text(value + "\n", encoding="ascii")
