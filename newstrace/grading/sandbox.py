"""Confinement of student kernels: bubblewrap, an unprivileged user, and resource limits.

A student's kernel sees a private working folder (a copy of the non-notebook files nbgrader put
beside the submission), the Python installation, the newstrace package and the case data, read-only,
and nothing else: not solutions/, not the gradebook, not other students' work. It has no network:
the grader talks to it through Unix sockets in its private folder, so it runs in a network
namespace of its own and cannot send the hidden tests it is given to run anywhere. When the grader
runs as root the kernel also drops to the unprivileged user `nobody`. prlimit caps memory, CPU time
and the size of files it writes; output size is capped later by feedback.limit_outputs.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import default

from newstrace.grading.kernel_client import PromptKernelClient

UNPRIVILEGED_UID = 65534  # "nobody" on Debian and most Linux distributions
UNPRIVILEGED_GID = 65534
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")
KEPT_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "PYTHONHASHSEED")
CONNECTION_NAME = ".kernel-connection.json"
KERNEL_EXIT_POLL = 0.01  # seconds between looks at a stopping kernel
MAX_SOCKET_PATH = 100  # Linux allows 107 bytes in a Unix socket path; jupyter_client adds "-<n>"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one student kernel."""

    memory_bytes: int = 4 * 1024**3
    cpu_seconds: int = 600
    file_bytes: int = 64 * 1024**2
    processes: int = 512


@dataclass(frozen=True)
class Confinement:
    """How student kernels will be confined on this machine."""

    kind: str  # "bwrap+nobody", "bwrap" or "none"
    description: str

    @property
    def confined(self) -> bool:
        """Return True when kernels cannot see the course folder."""
        return self.kind != "none"


def running_as_root() -> bool:
    """Return True when this process has uid 0."""
    return os.geteuid() == 0


def bwrap_works() -> bool:
    """Return True when bubblewrap is installed and can start a sandbox here."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return False
    probe = [bwrap, *system_binds(), "--proc", "/proc", "--dev", "/dev", "--unshare-pid"]
    probe += ["--unshare-net", "true"]
    try:
        return subprocess.run(probe, check=False, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def detect_confinement(requested: str = "auto") -> Confinement:
    """Return the confinement to use; `requested` is "auto", "bwrap" or "none"."""
    if requested == "none":
        return Confinement("none", "sandbox disabled on request (--sandbox none)")
    if bwrap_works():
        if running_as_root():
            text = (
                "bubblewrap with only the submission visible and no network, run as user nobody, "
                "prlimit limits"
            )
            return Confinement("bwrap+nobody", text)
        text = "bubblewrap with only the submission visible and no network, prlimit limits"
        return Confinement("bwrap", text)
    if requested == "bwrap":
        raise RuntimeError(
            "--sandbox bwrap was requested but bubblewrap is missing or cannot create namespaces "
            "here; install it (apt-get install bubblewrap) or run as a user allowed to"
        )
    who = "root" if running_as_root() else f"uid {os.geteuid()}"
    return Confinement(
        "none",
        f"NO CONFINEMENT: bubblewrap is unavailable, so student code runs as {who} and can read "
        "every file this user can, including solutions/ and the gradebook",
    )


def system_binds() -> list[str]:
    """Return bwrap arguments mounting the system folders read-only (symlinks kept as links)."""
    args: list[str] = []
    for folder in SYSTEM_DIRS:
        if os.path.islink(folder):
            args += ["--symlink", os.readlink(folder), folder]
        elif os.path.isdir(folder):
            args += ["--ro-bind", folder, folder]
    return args


def readable_paths() -> list[str]:
    """Return the folders a kernel needs read-only: Python, the venv, newstrace and its data."""
    import newstrace

    paths = {sys.base_prefix, sys.prefix, sys.exec_prefix, *map(str, newstrace.__path__)}
    data = case_data_dir()
    if data is not None:
        paths.add(str(data))
    return sorted(p for p in paths if os.path.isdir(p) and not p.startswith(SYSTEM_DIRS))


def case_data_dir() -> Path | None:
    """Return the newstrace data folder, or None when there is none."""
    from newstrace.data import data_dir

    try:
        return data_dir()
    except Exception:  # noqa: BLE001 - a course without the case data still grades
        return None


def sandbox_command(
    kernel_cmd: list[str],
    workdir: str,
    private_dir: str,
    limits: Limits,
    as_nobody: bool,
    network: bool = False,
) -> list[str]:
    """Return `kernel_cmd` wrapped in bwrap, optional setpriv, and prlimit.

    The private folder is mounted at `workdir` and also at its own path, where the kernel's Unix
    sockets are; `network=True` keeps the host network (needed only for a TCP connection).
    """
    args = ["bwrap", "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
    if not network:
        args.append("--unshare-net")
    # In the pid namespace the kernel's parent is pid 1, which ipykernel's parent poller takes
    # for a dead parent; --die-with-parent does that job instead.
    args += [
        "--unsetenv",
        "JPY_PARENT_PID",
        "--unshare-cgroup-try",
        *system_binds(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
    ]
    args += ["--perms", "1777", "--tmpfs", "/tmp"]
    paths = readable_paths()
    args += open_parents([*paths, workdir, private_dir])
    for path in paths:
        args += ["--ro-bind", path, path]
    # workdir first: when it holds the private folder, the second mount goes inside the first
    args += ["--bind", private_dir, workdir, "--bind", private_dir, private_dir, "--chdir", workdir]
    if as_nobody:
        args += ["setpriv", f"--reuid={UNPRIVILEGED_UID}", f"--regid={UNPRIVILEGED_GID}"]
        args += ["--clear-groups", "--no-new-privs"]
    args += ["prlimit", f"--as={limits.memory_bytes}", f"--cpu={limits.cpu_seconds}"]
    args += [f"--fsize={limits.file_bytes}", f"--nproc={limits.processes}", "--core=0"]
    return [*args, *kernel_cmd]


def open_parents(paths: list[str]) -> list[str]:
    """Return bwrap arguments creating each path's parent folders traversable (bwrap makes 0700)."""
    parents: set[str] = set()
    for path in paths:
        parent = os.path.dirname(os.path.abspath(path))
        while parent not in ("/", "") and not parent.startswith(SYSTEM_DIRS):
            parents.add(parent)
            parent = os.path.dirname(parent)
    args: list[str] = []
    for parent in sorted(parents, key=lambda p: (p.count("/"), p)):
        args += ["--perms", "0755", "--dir", parent]
    return args


def kernel_env(env: dict[str, str]) -> dict[str, str]:
    """Return the environment a student kernel gets: an allowlist, HOME in the private /tmp."""
    kept = {k: v for k, v in env.items() if k in KEPT_ENV or k.startswith("JPY_")}
    kept.update(HOME="/tmp", MPLCONFIGDIR="/tmp/matplotlib", PYTHONDONTWRITEBYTECODE="1")
    data = case_data_dir()
    if data is not None:
        kept["NEWSTRACE_DATA"] = str(data)
    return kept


def copy_visible_files(source: str, target: str) -> None:
    """Copy what a kernel may see from nbgrader's working folder: every regular file but notebooks.

    The target itself is skipped when it lies inside the source, and so are links, sockets and
    pipes (links are never followed: a link could point at the course's own files).
    """
    for root, dirs, files in os.walk(source):
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".ipynb_checkpoints")
            and not os.path.islink(os.path.join(root, d))
            and not os.path.samefile(os.path.join(root, d), target)
        ]
        rel = os.path.relpath(root, source)
        os.makedirs(os.path.join(target, rel), exist_ok=True)
        for name in files:
            path = os.path.join(root, name)
            if not name.endswith(".ipynb") and stat.S_ISREG(os.lstat(path).st_mode):
                shutil.copyfile(path, os.path.join(target, rel, name), follow_symlinks=False)


def give_to_nobody(folder: str) -> None:
    """Make `folder` and everything in it owned by the unprivileged user."""
    for root, _dirs, files in os.walk(folder):
        os.chown(root, UNPRIVILEGED_UID, UNPRIVILEGED_GID)
        for name in files:
            os.chown(os.path.join(root, name), UNPRIVILEGED_UID, UNPRIVILEGED_GID)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts each kernel inside the sandbox described in this module."""

    sandbox_kind = "none"  # set by configure() in each worker process
    limits = Limits()
    private_root = tempfile.gettempdir()
    private_dir = ""  # each confined kernel's own folder, made by _async_pre_start_kernel

    @default("client_factory")
    def _client_factory_default(self) -> type:
        """Give every kernel a client that does not idle once the kernel is ready."""
        return PromptKernelClient

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        """Wait for the kernel process to end, looking every 10 ms (jupyter_client: 100 ms).

        Grading kills each kernel once its notebook has run, so it is gone within milliseconds;
        a 100 ms look-up interval made every submission wait ~0.1 s for nothing.
        """
        await super()._async_wait(pollinterval=min(pollinterval, KERNEL_EXIT_POLL))

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        """Make a confined kernel's private folder and put its sockets there (Unix, not TCP)."""
        if type(self).sandbox_kind != "none":
            self.private_dir = tempfile.mkdtemp(prefix="kernel-", dir=type(self).private_root)
            sockets = os.path.join(self.private_dir, "ipc")
            if len(sockets.encode()) <= MAX_SOCKET_PATH:  # else TCP, with the host network
                self.transport, self.ip = "ipc", sockets
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        """Launch the kernel confined, with a private working folder and a trimmed environment."""
        kind = type(self).sandbox_kind
        kw["env"] = kernel_env(kw.get("env") or dict(os.environ))
        kw["stdout"] = kw["stderr"] = (
            subprocess.DEVNULL
        )  # kernel chatter is not the grader's output
        if kind != "none":
            workdir = os.path.abspath(kw.get("cwd") or os.getcwd())
            private = self.private_dir
            copy_visible_files(workdir, private)
            kernel_cmd = self._private_connection_file(kernel_cmd, private, workdir)
            as_nobody = kind == "bwrap+nobody"
            # A SIGINT to the process group would kill bwrap itself: interrupt by message instead.
            self.kernel_spec.interrupt_mode = "message"
            if as_nobody:
                give_to_nobody(private)
            kernel_cmd = sandbox_command(
                kernel_cmd, workdir, private, type(self).limits, as_nobody, self.transport == "tcp"
            )
        await super()._async_launch_kernel(kernel_cmd, **kw)

    def _private_connection_file(self, cmd: list[str], private: str, workdir: str) -> list[str]:
        """Copy the connection file into the private folder and point the kernel at the copy."""
        shutil.copy(self.connection_file, os.path.join(private, CONNECTION_NAME))
        inside = os.path.join(workdir, CONNECTION_NAME)
        return [inside if arg == self.connection_file else arg for arg in cmd]


def configure(kind: str, limits: Limits, private_root: str) -> None:
    """Set the sandbox used by every SandboxedKernelManager in this process."""
    SandboxedKernelManager.sandbox_kind = kind
    SandboxedKernelManager.limits = limits
    SandboxedKernelManager.private_root = private_root
