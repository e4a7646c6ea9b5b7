"""A first build that just works: system packages named or installed, the grading demo explained."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from newstrace.course import ROOT
from newstrace.grading import demo

SCRIPT = ROOT / "scripts" / "system-deps.sh"


def run_without_tools(as_user: int | None) -> subprocess.CompletedProcess:
    """Run system-deps.sh with a PATH holding only bash, sed and id (so every package looks missing)."""
    with tempfile.TemporaryDirectory() as scratch:  # not under pytest's tmp, which others cannot enter
        bin_dir = Path(scratch) / "bin"
        bin_dir.mkdir()
        for tool in ("bash", "sed", "id"):
            (bin_dir / tool).symlink_to(shutil.which(tool))
        Path(scratch).chmod(0o755)
        script = Path(scratch) / SCRIPT.name  # a copy the other user can read, wherever the checkout lies
        shutil.copyfile(SCRIPT, script)
        script.chmod(0o755)
        command = ["bash", str(script)]
        if as_user is not None:
            command = [shutil.which("setpriv"), f"--reuid={as_user}", f"--regid={as_user}",
                       "--clear-groups", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False, cwd=scratch,
                              env={"PATH": str(bin_dir), "HOME": scratch}, timeout=30)


def test_system_deps_without_root_names_packages_and_what_is_missing_in_one_line():
    """Check that, not as root, the script installs nothing and says in one line what to install and why"""
    if os.geteuid() != 0:
        done = run_without_tools(None)
    elif shutil.which("setpriv"):
        done = run_without_tools(65534)
    else:
        pytest.skip("running as root without setpriv: cannot run the script as another user")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for package in ("chromium", "bubblewrap", "npm", "openjdk-17-jre-headless"):
        assert package in lines[0]
    assert "apt-get install" in lines[0] and "unconfined" in lines[0] and "no PDF handouts" in lines[0]
    assert "no Spark engine" in lines[0]
    assert "installing" not in done.stdout


def test_grading_demo_says_its_broken_submissions_are_deliberate():
    """Check that the demo's explanation names every demo student and what its submission shows"""
    text = demo.demo_explanation()
    assert "on purpose" in text
    for kind in demo.DEMO_KINDS:
        line = next(line for line in text.splitlines() if line.split()[:1] == [kind])
        assert len(line.split()) > 6, f"{kind}: say what it demonstrates"
    assert "unreadable" in text and "tampered" in text
