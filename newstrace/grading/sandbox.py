"""Confinement of student kernels: bubblewrap, an unprivileged user, and resource limits.

A student's kernel sees a private working folder, the Python installation, the newstrace package
and the case data, read-only, and nothing else: not solutions/, not the gradebook, not other
students' work. The working folder is a size-capped tmpfs of its own (its disk budget), into which
the sandbox copies the approved files (the regular files nbgrader put beside the submission, never
a notebook) before the kernel starts; its /tmp is another. Nothing the kernel writes lands on the
grader's disk. It has no network: it runs in a network namespace of its own and binds its Unix
sockets in a tiny tmpfs inside the sandbox, which the grader reaches through the sandbox's root,
/proc/<pid>/root (a link in the kernel's private folder on the host), never through TCP. When the
grader runs as root the kernel also drops to the unprivileged user `nobody`. prlimit caps CPU
time, the size of each file and (without a memory cgroup) memory per process; output size is
capped later by autograde.LimitOutputSize.
"""

from __future__ import annotations

import json
import os
import select
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

from newstrace.grading import memory_limits
from newstrace.grading.kernel_client import PromptKernelClient

UNPRIVILEGED_UID = 65534  # "nobody" on Debian and most Linux distributions
UNPRIVILEGED_GID = 65534
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")
KEPT_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "PYTHONHASHSEED")
CONNECTION_NAME = "kernel-connection.json"  # the kernel's copy, in its private folder on the host
APPROVED_NAME = "approved"  # the files the kernel may see, in its private folder on the host
SOCKETS_LINK = "sockets"  # in the private folder: a link to the sandbox's KERNEL_DIR
KERNEL_DIR = "/run/kernel"  # inside the sandbox: a tiny tmpfs for the kernel's Unix sockets
KERNEL_DIR_BYTES = 64 * 1024  # Unix sockets take no space; this only bounds what else lands there
KERNEL_CONNECTION = "/run/kernel-connection.json"  # inside the sandbox, read-only
APPROVED_DIR = "/run/approved"  # inside the sandbox, read-only, copied into the working folder
SANDBOX_START_WAIT = 20  # seconds to wait for bubblewrap to say which process is the sandbox
FULL_MARGIN = 1024**2  # a budget with less free space than this was filled (writes were refused)
KERNEL_EXIT_POLL = 0.01  # seconds between looks at a stopping kernel
MAX_SOCKET_PATH = 100  # Linux allows 107 bytes in a Unix socket path; jupyter_client adds "-<n>"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one student kernel."""

    memory_bytes: int = 4 * 1024**3
    cpu_seconds: int = 600
    file_bytes: int = 64 * 1024**2
    processes: int = 512
    tmp_bytes: int = 256 * 1024**2  # the sandbox's private /tmp (a tmpfs)
    work_bytes: int = 256 * 1024**2  # the kernel's working folder (a tmpfs): its disk budget


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
        found = memory_limits.memory_cgroup_root()
        memory = (
            f"memory capped per kernel's whole process tree (cgroup {found[0]})"
            if found
            else "memory capped per process only (prlimit --as): no writable memory cgroup here"
        )
        if running_as_root():
            text = f"bubblewrap with only the submission visible and no network, run as user nobody, {memory}"
            return Confinement("bwrap+nobody", text)
        text = f"bubblewrap with only the submission visible and no network, {memory}"
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
    cgroup: str | None = None,
    info_fd: int | None = None,
    task_cgroup: str | None = None,
) -> list[str]:
    """Return `kernel_cmd` wrapped in bwrap, a copy of the approved files, setpriv and prlimit.

    The working folder `workdir` and /tmp are size-capped tmpfs mounts (the kernel's disk
    budget); inside the sandbox, before privileges are dropped, the approved files of
    `private_dir` are copied into the working folder. The kernel's sockets go in KERNEL_DIR, a
    tiny tmpfs the grader reaches through /proc/<pid>/root. It always gets a network namespace of
    its own, so no network. With `cgroup` (a memory cgroup folder) the whole sandbox joins that
    cgroup before bwrap starts; with `info_fd` bwrap writes the sandbox's process id there. With
    `task_cgroup` (memory_limits.cap_tasks) the kernel's tasks are capped per kernel, and no
    per-user process limit, which all kernels run as `nobody` would share, is set.
    """
    args = ["bwrap", "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
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
    args += ["--perms", "1777", "--size", str(limits.tmp_bytes), "--tmpfs", "/tmp"]
    paths = readable_paths()
    args += open_parents([*paths, workdir, KERNEL_DIR])
    for path in paths:
        args += ["--ro-bind", path, path]
    args += ["--perms", "0700", "--size", str(limits.work_bytes), "--tmpfs", workdir]
    args += ["--perms", "0700", "--size", str(KERNEL_DIR_BYTES), "--tmpfs", KERNEL_DIR]
    args += ["--ro-bind", os.path.join(private_dir, APPROVED_NAME), APPROVED_DIR]
    args += ["--ro-bind", os.path.join(private_dir, CONNECTION_NAME), KERNEL_CONNECTION]
    # bwrap's own root and /dev are tmpfs mounts of half the RAM, writable where bwrap runs
    # without root: read-only, so the capped folders are the only places a kernel can write
    args += ["--remount-ro", "/dev", "--remount-ro", "/", "--chdir", workdir]
    if info_fd is not None:
        args += ["--info-fd", str(info_fd)]
    args += ["sh", "-c", copy_then_run(as_nobody), "sandbox-setup", APPROVED_DIR, workdir]
    if as_nobody:
        args += ["setpriv", f"--reuid={UNPRIVILEGED_UID}", f"--regid={UNPRIVILEGED_GID}"]
        args += ["--clear-groups", "--no-new-privs"]
    args += ["prlimit", f"--cpu={limits.cpu_seconds}"]
    if cgroup is None:  # no memory cgroup here: fall back to a cap per process
        args.append(f"--as={limits.memory_bytes}")
    args += [f"--fsize={limits.file_bytes}", "--core=0"]
    if task_cgroup is None:  # no pids cgroup here: fall back to the per-user process limit
        args.append(f"--nproc={limits.processes}")
    for folder in dict.fromkeys(folder for folder in (cgroup, task_cgroup) if folder is not None):
        args = ["sh", "-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', folder, *args]
    return [*args, *kernel_cmd]


def copy_then_run(as_nobody: bool) -> str:
    """Return the sandbox's set-up script: copy the approved files ($1) into the working folder ($2).

    Run as root, it gives the working folder and the socket folder to `nobody` before the
    command drops to that user; then it runs the rest of its arguments (the kernel command).
    """
    script = 'cp -R "$1"/. "$2"'
    if as_nobody:
        script += f' && chown -R {UNPRIVILEGED_UID}:{UNPRIVILEGED_GID} "$2" {KERNEL_DIR}'
    return script + ' && shift 2 && exec "$@"'


def check_limits(kind: str, limits: Limits) -> None:
    """Refuse, before any kernel starts, a memory cap too small for a kernel or an empty disk budget."""
    minimum = memory_limits.minimum_memory_mb(kind)
    if limits.memory_bytes < minimum * 1024**2:
        raise ValueError(
            f"--memory-mb {limits.memory_bytes // 1024**2} is too low: a kernel needs at least "
            f"{minimum} MB here"
            + (" (memory is capped per process, without a cgroup)" if minimum > memory_limits.MIN_CGROUP_MEMORY_MB else "")
        )
    if limits.work_bytes < memory_limits.MIN_WORK_MB * 1024**2:  # a tmpfs of size 0 would have no limit at all
        raise ValueError(f"--disk-mb {limits.work_bytes // 1024**2} is too low: use at least {memory_limits.MIN_WORK_MB}")


def open_parents(paths: list[str]) -> list[str]:
    """Return bwrap arguments creating each path's parent folders traversable (bwrap makes 0700)."""
    parents: set[str] = set()
    for path in paths:
        parent = os.path.dirname(os.path.abspath(path))
        while parent not in ("/", "/tmp", "") and not parent.startswith(SYSTEM_DIRS):
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


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts each kernel inside the sandbox described in this module."""

    sandbox_kind = "none"  # set by configure() in each worker process
    limits = Limits()
    private_root = tempfile.gettempdir()
    private_dir = ""  # each confined kernel's own folder, made by _async_pre_start_kernel
    cgroup: str | None = None  # each confined kernel's memory cgroup, when the machine has one
    task_cgroup: str | None = None  # the cgroup capping its tasks (the memory one under cgroup v2)
    sandbox_pid: int | None = None  # the confined kernel's sandbox (its root: /proc/<pid>/root)
    workdir = ""  # the kernel's working folder (a tmpfs inside the sandbox)

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
        """Make a confined kernel's private folder; its sockets are reached through a link there."""
        if type(self).sandbox_kind != "none":
            self.private_dir = tempfile.mkdtemp(prefix="k-", dir=socket_root(type(self).private_root))
            self.transport = "ipc"
            self.ip = os.path.join(self.private_dir, SOCKETS_LINK, "ipc")
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        """Launch the kernel confined, with a private working folder and a trimmed environment."""
        kind = type(self).sandbox_kind
        kw["env"] = kernel_env(kw.get("env") or dict(os.environ))
        kw["stdout"] = kw["stderr"] = (
            subprocess.DEVNULL
        )  # kernel chatter is not the grader's output
        if kind == "none":
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        limits = type(self).limits
        self.workdir = os.path.abspath(kw.get("cwd") or os.getcwd())
        private = self.private_dir
        approved = os.path.join(private, APPROVED_NAME)
        os.mkdir(approved)
        copy_visible_files(self.workdir, approved)
        if tree_bytes(approved) > limits.work_bytes - FULL_MARGIN:
            raise RuntimeError(
                f"the files beside the notebook ({tree_bytes(approved) / 1024**2:.0f} MB) do not fit "
                f"the kernel's {limits.work_bytes // 1024**2} MB working folder (--disk-mb)"
            )
        kernel_cmd = self._private_connection_file(kernel_cmd, private)
        as_nobody = kind == "bwrap+nobody"
        self.cgroup = memory_limits.make_memory_cgroup(limits.memory_bytes)
        self.task_cgroup = memory_limits.cap_tasks(self.cgroup, limits.processes)
        # A SIGINT to the process group would kill bwrap itself: interrupt by message instead.
        self.kernel_spec.interrupt_mode = "message"
        info_read, info_write = os.pipe()
        kw["pass_fds"] = (info_write,)
        kernel_cmd = sandbox_command(
            kernel_cmd, self.workdir, private, limits, as_nobody, self.cgroup, info_write, self.task_cgroup
        )
        try:
            await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            os.close(info_write)
        try:
            self.sandbox_pid = sandbox_pid(info_read)
        finally:
            os.close(info_read)
        os.symlink(f"/proc/{self.sandbox_pid}/root{KERNEL_DIR}", os.path.join(private, SOCKETS_LINK))

    def lock_sockets(self) -> None:
        """Once the kernel is up, take its socket folder back from `nobody` (root only).

        The grader reaches the sockets by a path a kernel owning the folder could replace with a
        link elsewhere, for the grader's next reconnection to follow; as root, nothing is left to
        replace once the sockets exist. (Where the grader is not root the kernel is the same user.)
        """
        if type(self).sandbox_kind == "bwrap+nobody" and self.sandbox_pid is not None:
            folder = f"/proc/{self.sandbox_pid}/root{KERNEL_DIR}"
            try:
                os.chown(folder, 0, 0)
                os.chmod(folder, 0o755)
            except OSError:  # the sandbox has gone: its kernel's death is reported as such
                pass

    def full_budgets(self) -> list[str]:
        """Return which of the kernel's disk budgets (working folder, /tmp) are full, while it runs."""
        if self.sandbox_pid is None:
            return []
        limits = type(self).limits
        found = []
        for label, inside, size in (
            ("working folder", self.workdir, limits.work_bytes),
            ("/tmp", "/tmp", limits.tmp_bytes),
        ):
            try:
                usage = os.statvfs(f"/proc/{self.sandbox_pid}/root{inside}")
            except OSError:  # the sandbox has gone
                continue
            if usage.f_bavail * usage.f_frsize < FULL_MARGIN:
                found.append(f"{label} ({size // 1024**2} MB)")
        return found

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        """Clean up as jupyter_client does, then remove the kernel's cgroup and private folder."""
        await super()._async_cleanup_resources(restart=restart)
        if self.task_cgroup != self.cgroup:
            memory_limits.remove_cgroup(self.task_cgroup)
        memory_limits.remove_cgroup(self.cgroup)
        self.cgroup = self.task_cgroup = None
        self.sandbox_pid = None
        if self.private_dir:
            shutil.rmtree(self.private_dir, ignore_errors=True)

    def _private_connection_file(self, cmd: list[str], private: str) -> list[str]:
        """Write the kernel's own connection file (sockets in KERNEL_DIR); point the kernel at it."""
        with open(self.connection_file, encoding="utf-8") as handle:
            info = json.load(handle)
        info["ip"] = f"{KERNEL_DIR}/ipc"
        with open(os.path.join(private, CONNECTION_NAME), "w", encoding="utf-8") as handle:
            json.dump(info, handle)
        return [KERNEL_CONNECTION if arg == self.connection_file else arg for arg in cmd]


def sandbox_pid(info_fd: int) -> int:
    """Return the sandbox's process id, read from bubblewrap's --info-fd (raise if it never came)."""
    text = ""
    while True:
        ready, _, _ = select.select([info_fd], [], [], SANDBOX_START_WAIT)
        chunk = os.read(info_fd, 4096).decode() if ready else ""
        if not chunk:
            raise RuntimeError("bubblewrap did not start the kernel's sandbox")
        text += chunk
        try:
            return int(json.loads(text)["child-pid"])
        except ValueError:
            continue  # not all of it yet


def tree_bytes(folder: str) -> int:
    """Return the size of every file under `folder`."""
    return sum(
        os.lstat(os.path.join(root, name)).st_size
        for root, _dirs, files in os.walk(folder)
        for name in files
    )


def socket_root(preferred: str) -> str:
    """Return a folder short enough for Unix socket paths: `preferred`, else /tmp or /dev/shm.

    A confined kernel always talks to the grader through Unix sockets (it has no network); there
    is no TCP fallback, so a long TMPDIR moves the kernel's private folder, never its network.
    """
    for root in (preferred, "/tmp", "/dev/shm"):
        if len(os.path.join(root, "k-xxxxxxxx", SOCKETS_LINK, "ipc").encode()) <= MAX_SOCKET_PATH and os.access(
            root, os.W_OK | os.X_OK
        ):
            return root
    raise RuntimeError("no writable folder with a short path (/tmp, /dev/shm) for kernel sockets")


def configure(kind: str, limits: Limits, private_root: str) -> None:
    """Set the sandbox used by every SandboxedKernelManager in this process."""
    SandboxedKernelManager.sandbox_kind = kind
    SandboxedKernelManager.limits = limits
    SandboxedKernelManager.private_root = private_root
