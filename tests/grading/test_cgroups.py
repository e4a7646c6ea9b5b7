"""Kernel cgroups: stale folders left by graders that have exited are removed; live ones are kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newstrace.grading import memory_limits


def exited_pid() -> int:
    """Return the id of a process that has just exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_cgroups_of_exited_graders_are_removed_and_others_kept(tmp_path: Path) -> None:
    dead, alive = exited_pid(), os.getpid()
    for name in (f"newstrace-{dead}-a1", f"newstrace-{alive}-b2", "other-group", f"newstrace-{dead}-busy"):
        (tmp_path / name).mkdir()
    (tmp_path / f"newstrace-{dead}-busy" / "cgroup.procs").write_text("")  # rmdir refused, as for a cgroup in use
    memory_limits._remove_stale_cgroups.__wrapped__(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"newstrace-{alive}-b2", "other-group", f"newstrace-{dead}-busy"])


def test_a_new_cgroup_is_named_for_this_process_and_sweeps_once(tmp_path: Path) -> None:
    stale = tmp_path / f"newstrace-{exited_pid()}-x"
    stale.mkdir()
    path = memory_limits.new_cgroup(str(tmp_path))
    assert Path(path).name.startswith(f"newstrace-{os.getpid()}-") and not stale.exists()
