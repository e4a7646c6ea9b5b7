"""Memory and task limits for student kernels: the measured minimums, and cgroups that cap a kernel's whole process tree."""

from __future__ import annotations

import functools
import os
import tempfile
import time
from pathlib import Path

# Measured with `.venv/bin/python benchmarks/measure_kernel_memory.py` (each course assignment's
# instructor notebook, every answer and test cell, in the grader's confined kernel; 2 cores):
# peak RSS (VmHWM, what a memory cgroup charges) 97-99 MB; peak address space (VmPeak, what
# prlimit --as counts) 814 MB; the smallest per-process cap running every notebook without an
# error, in 128 MB steps, 896 MB. Address space is mostly reserved, not used: thread stacks, a
# 64 MB malloc arena per thread, and OpenBLAS's buffers for one thread per core (measured: 41 MB
# more VmPeak from its first to its second thread).
MIN_CGROUP_MEMORY_MB = 128  # peak RSS 99 MB, and a margin
MIN_PROCESS_MEMORY_MB = 1024  # 896 MB measured on 2 cores, one 128 MB step of margin
PROCESS_MEMORY_PER_EXTRA_CORE_MB = 64  # one more OpenBLAS thread (41 MB) in a 64 MB malloc arena
MEASURED_CORES = 2
MIN_WORK_MB = 1  # the smallest working-folder budget (--disk-mb)


def minimum_memory_mb(kind: str) -> int:
    """Return the smallest per-kernel memory cap (MB) that starts a course kernel here."""
    if kind == "none":
        return 0
    if memory_cgroup_root() is not None:
        return MIN_CGROUP_MEMORY_MB
    return minimum_process_memory_mb()


def minimum_process_memory_mb() -> int:
    """Return the smallest per-process cap (prlimit --as, MB): it grows with the number of cores."""
    extra_cores = max((os.cpu_count() or MEASURED_CORES) - MEASURED_CORES, 0)
    return MIN_PROCESS_MEMORY_MB + PROCESS_MEMORY_PER_EXTRA_CORE_MB * extra_cores


CGROUP_V2_ROOT = "/sys/fs/cgroup"
CGROUP_V1_MEMORY = "/sys/fs/cgroup/memory"
CGROUP_V1_PIDS = "/sys/fs/cgroup/pids"
CGROUP_PREFIX = "newstrace-"


def memory_cgroup_root() -> tuple[str, str] | None:
    """Return ("v2" or "v1", folder) where kernels' memory cgroups can be made, or None."""
    controllers = Path(CGROUP_V2_ROOT, "cgroup.subtree_control")
    try:
        if "memory" in controllers.read_text().split() and os.access(CGROUP_V2_ROOT, os.W_OK):
            return "v2", CGROUP_V2_ROOT
    except OSError:
        pass
    limit = Path(CGROUP_V1_MEMORY, "memory.limit_in_bytes")
    if limit.is_file() and os.access(CGROUP_V1_MEMORY, os.W_OK):
        return "v1", CGROUP_V1_MEMORY
    return None


def make_memory_cgroup(limit_bytes: int) -> str | None:
    """Make a memory cgroup capping a kernel's whole process tree; return its folder, or None."""
    found = memory_cgroup_root()
    if found is None:
        return None
    version, root = found
    path = new_cgroup(root)
    try:
        if version == "v2":
            Path(path, "memory.max").write_text(str(limit_bytes))
            swap = Path(path, "memory.swap.max")
            if swap.exists():
                swap.write_text("0")
        else:
            Path(path, "memory.limit_in_bytes").write_text(str(limit_bytes))
            swap = Path(path, "memory.memsw.limit_in_bytes")
            if swap.exists():
                swap.write_text(str(limit_bytes))
    except OSError:
        remove_cgroup(path)
        return None
    return path


def new_cgroup(root: str) -> str:
    """Make a kernel's cgroup folder under root, named for this process, after removing stale ones."""
    _remove_stale_cgroups(root)
    return tempfile.mkdtemp(prefix=f"{CGROUP_PREFIX}{os.getpid()}-", dir=root)


@functools.cache
def _remove_stale_cgroups(root: str) -> None:
    """Remove, once per process, the empty cgroups that graders which have since exited left under root."""
    for entry in os.scandir(root):
        owner = entry.name[len(CGROUP_PREFIX):].split("-", 1)[0]
        if entry.name.startswith(CGROUP_PREFIX) and owner.isdigit() and not _alive(int(owner)):
            try:
                os.rmdir(entry.path)  # refused while a process is still in it
            except OSError:
                pass


def _alive(pid: int) -> bool:
    """Return True if a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cap_tasks(memory_cgroup: str | None, max_tasks: int) -> str | None:
    """Cap a kernel's tasks (processes and threads of its whole tree) with the pids controller; return the cgroup.

    The cap is per kernel, where a per-user process limit (prlimit --nproc) is shared by every kernel
    run as `nobody`: one student's fork bomb would leave the others none. Under cgroup v2 the cap goes
    in the kernel's memory cgroup (a process is in one cgroup); under v1 a pids cgroup of its own is
    made, which the kernel joins too. None where no pids controller can be written.
    """
    found = memory_cgroup_root()
    if found is not None and found[0] == "v2":
        return memory_cgroup if memory_cgroup and _v2_has_pids() and _write_cap(memory_cgroup, max_tasks) else None
    if not (Path(CGROUP_V1_PIDS, "cgroup.procs").is_file() and os.access(CGROUP_V1_PIDS, os.W_OK)):
        return None
    path = new_cgroup(CGROUP_V1_PIDS)
    if _write_cap(path, max_tasks):
        return path
    remove_cgroup(path)
    return None


def _v2_has_pids() -> bool:
    """Return True if cgroup v2 hands the pids controller to the kernels' cgroups."""
    try:
        return "pids" in Path(CGROUP_V2_ROOT, "cgroup.subtree_control").read_text().split()
    except OSError:
        return False


def _write_cap(path: str, max_tasks: int) -> bool:
    """Write pids.max into a cgroup folder; return whether the controller took it."""
    try:
        Path(path, "pids.max").write_text(str(max_tasks))
    except OSError:
        return False
    return True


def remove_cgroup(path: str | None) -> None:
    """Remove a kernel's cgroup once its processes are gone (a few tries; never raises)."""
    for _ in range(50):
        try:
            if path:
                os.rmdir(path)
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.02)
