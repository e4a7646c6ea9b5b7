"""The analysis imports and runs with the core dependencies alone: no Jupyter, no nbgrader."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CLASSROOM_ONLY = ("ipywidgets", "IPython", "jupyterlab", "notebook", "nbgrader", "nbconvert", "nbclient",
                  "nbformat", "ipykernel", "jupyter_client")

SCRIPT = """
import importlib.util, sys
import newstrace as nt
present = [name for name in {classroom!r} if importlib.util.find_spec(name) is not None]
assert not present, f"classroom packages reachable: {{present}}"
case = nt.articles()
full, short, rereport = (case.loc[i, "text"] for i in ("full-text", "short-copy", "re-report"))
assert len(nt.clean(rereport).paragraphs) > 0
assert len(nt.extract_quotes(full)) > 0 and len(nt.sources(full)) > 0 and len(nt.credits(rereport)) > 0
assert len(nt.attribution_diff(full, rereport)) > 0
assert nt.compare(full, short).relation != "unrelated"
assert len(nt.lineage({{"full": full, "short": short}})) == 1
assert len(nt.find_copies({{"full": full, "short": short, "re-report": rereport}})) > 0
from newstrace.evaluation.extraction import evaluate
assert evaluate().loc["overall", "gold"] > 0
import newstrace.plots
from newstrace.cli import main
sys.exit(main(["quotes", str(nt.data_dir() / "articles" / case.loc["full-text", "file"])]))
"""


def requirement_name(requirement: str) -> str:
    """Return the distribution name at the start of a requirement string."""
    return re.match(r"[A-Za-z0-9_.-]+", requirement).group()


def core_closure() -> set[str]:
    """Return the core dependencies of pyproject.toml and everything they require, as installed here."""
    core = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    todo, found = [requirement_name(r) for r in core], set()
    while todo:
        name = todo.pop()
        if name.lower() in found:
            continue
        found.add(name.lower())
        for requirement in metadata.requires(name) or []:
            if "extra ==" not in requirement and "python_version <" not in requirement:
                todo.append(requirement_name(requirement))
    return found


def link_distributions(names: set[str], site: Path) -> None:
    """Symlink the installed files of the named distributions into an empty site folder."""
    site.mkdir(parents=True)
    for name in names:
        distribution = metadata.distribution(name)
        for top in {Path(str(file)).parts[0] for file in distribution.files or []}:
            source = Path(distribution.locate_file(top))
            if source.exists() and not top.startswith("..") and not (site / top).exists():
                (site / top).symlink_to(source)


@pytest.mark.slow
def test_analysis_runs_with_core_dependencies_only(tmp_path: Path) -> None:
    """A fresh venv that sees only the core dependencies runs every analysis function and the CLI."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv")], check=True)
    python = tmp_path / "venv" / "bin" / "python"
    site = tmp_path / "site"
    link_distributions(core_closure(), site)
    venv_site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                    capture_output=True, text=True, check=True).stdout.strip())
    (venv_site / "newstrace.pth").write_text(f"{site}\n{REPO}\n")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    result = subprocess.run([python, "-c", SCRIPT.format(classroom=CLASSROOM_ONLY)], capture_output=True,
                            text=True, cwd=tmp_path, env=environment, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "quote" in result.stdout
    grade = subprocess.run([python, "-m", "newstrace", "grade", "--course", str(tmp_path)], capture_output=True,
                           text=True, cwd=tmp_path, env=environment, timeout=120, check=False)
    assert grade.returncode == 2 and "newstrace[course]" in grade.stderr, grade.stderr[-3000:]
