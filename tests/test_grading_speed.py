"""The grader's speed-ups keep behaviour: template cache, shared engines, fork choice, kernel stop."""

from __future__ import annotations

import threading
from pathlib import Path

import jinja2
import nbgrader.api
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
