"""Run a lesson top to bottom in a fresh kernel, and read what it printed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newstrace.course.errors import CourseBuildError
from newstrace.course.notebooks import ROOT

EXECUTE_TIMEOUT = 60
"""Seconds any one lesson cell may run before the build fails."""


def kernel_environment() -> dict[str, str]:
    """Return the environment for lesson kernels: this checkout's newstrace comes first on the path."""
    paths = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


def execute_notebook(path: Path, timeout: int = EXECUTE_TIMEOUT) -> NotebookNode:
    """Return the notebook executed top to bottom in a fresh kernel, run from its own folder."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(env=kernel_environment())
    except CellExecutionError as err:
        raise CourseBuildError(f"{path} failed to run: {err.ename}: {err.evalue}") from None
    return notebook


def stderr_outputs(notebook: NotebookNode) -> list[str]:
    """Return every text a notebook printed to stderr while it ran (warnings, logs)."""
    return [f"cell {index}: {output.get('text', '')}".strip()
            for index, cell in enumerate(notebook.cells)
            for output in cell.get("outputs", [])
            if output.get("output_type") == "stream" and output.get("name") == "stderr"]


def text_outputs(notebook: NotebookNode) -> list[str]:
    """Return each code cell's outputs as text, for comparing two runs of a lesson."""
    texts = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        previous_stream = None
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == previous_stream:
                texts[-1] += output.text  # how a kernel chunks one stream into messages varies by timing
                continue
            previous_stream = output.name if output.output_type == "stream" else None
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                texts.append(str(data.get("text/html", data.get("text/plain", ""))))
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
    return texts


_WIDGET_MODEL_ID = re.compile(r'"model_id":\s*"[0-9a-f]+"')


def stable_text(text: str) -> str:
    """Return text with per-run identifiers (widget model ids) blanked out."""
    return _WIDGET_MODEL_ID.sub('"model_id": "…"', text)
