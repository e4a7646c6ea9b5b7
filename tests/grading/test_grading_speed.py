"""The grader's speed-ups keep behaviour: template cache, shared engines, fork choice, kernel stop."""

from __future__ import annotations

import threading
from pathlib import Path

import jinja2
import nbgrader.api
import pytest
from grading_kernels import run_in_grading_kernel, use_grading_kernels
from nbgrader.api import Gradebook

from newstrace.grading import engines
from newstrace.grading.autograde import SandboxedExecute, fork_is_safe
from newstrace.grading.course import put_tools_on_path
from newstrace.grading.feedback import FeedbackHTMLExporter, MemoryBytecodeCache


def render(folder: Path, cache: MemoryBytecodeCache) -> str:
    """Render page.j2 from `folder` through a fresh environment sharing `cache`."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)
    return env.get_template("page.j2").render(name="Ada")


def test_template_cache_reuses_compiled_code_but_sees_edited_templates(tmp_path):
    cache = MemoryBytecodeCache()
    (tmp_path / "page.j2").write_text("Hello {{ name }}", encoding="utf-8")
    assert render(tmp_path, cache) == "Hello Ada"
    assert len(cache.store) == 1
    assert render(tmp_path, cache) == "Hello Ada"  # a second environment, served from the cache
    (tmp_path / "page.j2").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render(tmp_path, cache) == "Goodbye Ada"


def test_feedback_exporter_output_equals_nbconverts(tmp_path):
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1")]
    ours = [FeedbackHTMLExporter(template_name="lab").from_notebook_node(nb)[0] for _ in range(2)]
    theirs, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert ours[0] == ours[1] == theirs


def test_shared_engine_per_gradebook_keeps_every_write(tmp_path, monkeypatch):
    monkeypatch.setattr(nbgrader.api, "create_engine", nbgrader.api.create_engine)
    put_tools_on_path()  # nbgrader runs `alembic` for a new gradebook
    engines.share_gradebook_engines()
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as first:
        first.add_student("ada")
        engine = first.engine
    with Gradebook(url) as second:
        assert second.engine is engine
        second.add_student("grace")
    with Gradebook(f"sqlite:///{tmp_path / 'other.db'}") as other:
        assert other.engine is not engine
        assert other.students == []
    with Gradebook(url) as third:
        assert sorted(s.id for s in third.students) == ["ada", "grace"]
    engines.forget_engines()


def test_shared_engines_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(nbgrader.api, "create_engine", nbgrader.api.create_engine)
    engines.forget_engines()
    made = [engines.shared_engine(f"sqlite:///{tmp_path / f'g{i}.db'}") for i in range(6)]
    assert len(engines._engines) == engines.KEPT_ENGINES
    assert engines.shared_engine(f"sqlite:///{tmp_path / 'g5.db'}") is made[5]
    engines.forget_engines()
    assert not engines._engines


def test_fork_is_refused_while_another_thread_runs():
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert fork_is_safe() is False
    finally:
        stop.set()
        worker.join()


def test_kernels_are_stopped_immediately_unless_configured():
    assert SandboxedExecute().shutdown_kernel == "immediate"
    assert SandboxedExecute(shutdown_kernel="graceful").shutdown_kernel == "graceful"


@pytest.fixture
def unconfined_kernels(monkeypatch, tmp_path):
    """Make SandboxedKernelManager start plain kernels here, whatever earlier tests configured."""
    use_grading_kernels(monkeypatch, "none", tmp_path)


def test_grading_kernels_answer_every_cell_with_the_prompt_client(tmp_path, monkeypatch):
    from newstrace.grading.kernel_client import PromptKernelClient

    cells = ["print('first')", "21 * 2", "import sys\nprint('err', file=sys.stderr)"]
    nb, client_class = run_in_grading_kernel(cells, "none", tmp_path, monkeypatch)
    assert client_class is PromptKernelClient
    assert nb.cells[0].outputs[0].text == "first\n"  # nothing of the start-up leaks into cell 1
    assert nb.cells[1].outputs[0].data["text/plain"] == "42"
    assert nb.cells[2].outputs[0].name == "stderr"
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]


def test_prompt_client_says_when_the_kernel_dies_before_it_is_ready(
    tmp_path, monkeypatch, unconfined_kernels
):
    import asyncio
    import json
    import sys

    from newstrace.grading.sandbox import SandboxedKernelManager

    spec = tmp_path / "kernels" / "dying"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-c", "raise SystemExit(3)", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "dying"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))

    async def start_and_wait() -> None:
        manager = SandboxedKernelManager(kernel_name="dying")
        await manager.start_kernel()
        client = manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=30)
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    with pytest.raises(RuntimeError, match="died before replying"):
        asyncio.run(start_and_wait())


def test_a_killed_grading_kernel_is_reaped(tmp_path, unconfined_kernels):
    import asyncio

    from newstrace.grading.sandbox import SandboxedKernelManager

    async def start_and_kill() -> tuple[bool, bool]:
        manager = SandboxedKernelManager()
        await manager.start_kernel(cwd=str(tmp_path))
        process = manager.provisioner.process
        alive_before = await manager.is_alive()
        await manager.shutdown_kernel(now=True)
        return alive_before, process.poll() is not None

    alive_before, reaped = asyncio.run(start_and_kill())
    assert alive_before and reaped


def python_says(code: str) -> str:
    """Return what a fresh interpreter of this environment prints for `code`."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_finding_the_case_data_does_not_import_pandas():
    code = "import sys, newstrace.data as l; l.data_dir(); print('pandas' in sys.modules)"
    assert python_says(code) == "False"


def test_grading_skips_jsonschemas_iri_grammar_and_still_validates_notebooks():
    code = (
        "import sys\n"
        "from newstrace.commands.grade import skip_unused_optional_imports\n"
        "skip_unused_optional_imports()\n"
        "import nbformat, jsonschema\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('x = 1')])\n"
        "nbformat.validate(nb)\n"
        "bad = nbformat.from_dict(nb)\n"
        "bad.cells[0].cell_type = 'bogus'\n"
        "try:\n    nbformat.validate(bad)\nexcept nbformat.ValidationError:\n    print('invalid caught')\n"
        "print(sys.modules['rfc3987_syntax'] is None)"
    )
    assert python_says(code).splitlines() == ["invalid caught", "True"]
