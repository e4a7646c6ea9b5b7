"""Run code cells in the grader's own kernels (SandboxedKernelManager), confined as a test asks."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

from newstrace.grading.sandbox import SandboxedKernelManager


def use_grading_kernels(monkeypatch, kind: str, private_root: Path) -> None:
    """Make SandboxedKernelManager confine kernels as `kind` here, whatever earlier tests set."""
    monkeypatch.setattr(SandboxedKernelManager, "sandbox_kind", kind)
    monkeypatch.setattr(SandboxedKernelManager, "private_root", str(private_root))


def run_in_grading_kernel(
    cells: list[str], kind: str, root: Path, monkeypatch
) -> tuple[NotebookNode, type]:
    """Execute code cells in one grading kernel from root/work-<kind>; return (notebook, client class)."""
    use_grading_kernels(monkeypatch, kind, root)
    work = root / f"work-{kind}"
    work.mkdir(exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in cells])
    clients = []
    client = NotebookClient(
        nb,
        timeout=60,
        kernel_manager_class=SandboxedKernelManager,
        shutdown_kernel="immediate",
        on_notebook_start=lambda notebook: clients.append(type(client.kc)),
        resources={"metadata": {"path": str(work)}},
    )
    client.execute()
    return nb, clients[0]
