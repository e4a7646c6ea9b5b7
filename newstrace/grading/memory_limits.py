"""Memory limits for student kernels: the measured minimums, and memory cgroups that cap a kernel's whole process tree."""

from __future__ import annotations

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
    path = tempfile.mkdtemp(prefix=f"newstrace-{os.getpid()}-", dir=root)
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
