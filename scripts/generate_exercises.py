"""Generate the student versions in exercises/ from the nbgrader sources in solutions/.

nbgrader's own generate_assignment does the work (solutions and hidden tests removed, checksums
added). It runs in a temporary copy of the course, so its gradebook.db and logs never land in the
repository, and only files whose bytes changed are rewritten: running it twice changes nothing.

    python scripts/generate_exercises.py            # update exercises/
    python scripts/generate_exercises.py --out DIR  # write the release to DIR instead (for checks)
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = "nbgrader_config.py"
IGNORED = {".ipynb_checkpoints", "__pycache__"}
"""Folders of Jupyter's and Python's own files, never generated, compared or deleted."""


def put_venv_on_path() -> None:
    """Put this interpreter's bin folder on PATH: nbgrader runs the `alembic` command it installs there."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def load_config(course_root: Path) -> Config:
    """Return the course's nbgrader configuration, read from nbgrader_config.py."""
    return PyFileConfigLoader(CONFIG_FILE, path=str(course_root)).load_config()


def assignments(source_dir: Path) -> list[str]:
    """Return the names of the assignment folders in the source directory, sorted."""
    return sorted(p.name for p in source_dir.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def generate_release(course_root: Path, work_dir: Path) -> Path:
    """Generate every assignment in a copy of the course inside work_dir; return the release folder."""
    config = load_config(course_root)
    source_name = config.CourseDirectory.source_directory
    release_name = config.CourseDirectory.release_directory
    copy = work_dir / "course"
    copy.mkdir()
    shutil.copy2(course_root / CONFIG_FILE, copy / CONFIG_FILE)
    shutil.copytree(course_root / source_name, copy / source_name,
                    ignore=shutil.ignore_patterns(*IGNORED))
    config.CourseDirectory.root = str(copy)
    config.Application.log_level = logging.ERROR
    put_venv_on_path()
    api = NbGraderAPI(config=config)
    for name in assignments(copy / source_name):
        result = api.generate_assignment(name, force=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader could not generate {name}:\n{result['log']}{result['error']}")
    return copy / release_name


def release_files(folder: Path) -> set[Path]:
    """Return the files in an assignment folder, relative to it, ignoring Jupyter's own working files."""
    if not folder.is_dir():
        return set()
    return {path.relative_to(folder) for path in folder.rglob("*")
            if path.is_file() and not set(path.relative_to(folder).parts) & IGNORED}


def sync(generated: Path, target: Path, names: list[str]) -> list[Path]:
    """Copy each generated assignment folder into target, rewriting only changed files; return them."""
    changed = []
    for name in names:
        new_dir, old_dir = generated / name, target / name
        new_files = release_files(new_dir)
        old_files = release_files(old_dir)
        for stale in sorted(old_files - new_files):
            (old_dir / stale).unlink()
            changed.append(old_dir / stale)
        for rel in sorted(new_files):
            data = (new_dir / rel).read_bytes()
            destination = old_dir / rel
            if not destination.exists() or destination.read_bytes() != data:
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(data)
                changed.append(destination)
    return changed


def main(argv: list[str] | None = None) -> int:
    """Regenerate the release folder (or --out DIR) and report which files changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", type=Path, default=ROOT, help="course root (has nbgrader_config.py)")
    parser.add_argument("--out", type=Path, help="write the release here instead of the course's own")
    args = parser.parse_args(argv)
    course = args.course.resolve()
    if not (course / CONFIG_FILE).is_file():
        print(f"{course} has no {CONFIG_FILE}: run this from the course root or pass --course", file=sys.stderr)
        return 2
    config = load_config(course)
    source = course / config.CourseDirectory.source_directory
    if not source.is_dir() or not assignments(source):
        print(f"{source} has no assignment folders with notebooks: nothing to generate", file=sys.stderr)
        return 2
    target = args.out or course / config.CourseDirectory.release_directory
    with tempfile.TemporaryDirectory(prefix="newstrace-exercises-") as tmp:
        try:
            generated = generate_release(course, Path(tmp))
        except RuntimeError as error:
            print(f"{error}\nexercises/ was left unchanged.", file=sys.stderr)
            return 1
        names = assignments(source)
        changed = sync(generated, target, names)
    for path in changed:
        print(f"updated {path}")
    print(f"{len(names)} assignments in {target}: {len(changed)} files changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
