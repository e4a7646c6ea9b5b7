"""Real-browser test: JupyterLab runs a lesson, and two different widgets answer clicks with feedback.

JupyterLab starts on 127.0.0.1 with no token; Playwright drives the Debian Chromium (never a
downloaded browser). The server is stopped by its PID.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from lesson_runs import require_tool

from newstrace import course

LESSON = course.NOTEBOOKS / "04-same-story-different-page.ipynb"
"""A lesson with two different exercise widgets: Spot the clutter and the diff viewer."""
START_TIMEOUT = 60
RUN_TIMEOUT_MS = 90_000


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_ready(url: str, server: subprocess.Popen, timeout: float) -> bool:
    """Return True once the server answers /api/status, False on timeout or if it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def stop(server: subprocess.Popen) -> None:
    """Stop the server we started, by its PID: terminate, then kill if it does not exit."""
    if server.poll() is None:
        os.kill(server.pid, 15)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, 9)
            server.wait(timeout=5)


def start_lab(root: Path, home: Path) -> tuple[subprocess.Popen, str]:
    """Start JupyterLab on a free port serving root; return the process and its URL."""
    port = free_port()
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", "--IdentityProvider.token=", f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=", "--ServerApp.disable_check_xsrf=False"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {**course.kernel_environment(), "HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "NEWSTRACE_DATA": str(course.ROOT / "data")}
    log = open(home / "lab.log", "wb")  # noqa: SIM115 (closed with the server)
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
    server.log = log
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Yield the URL of a JupyterLab serving a copy of the lesson; retry once on a slow first start."""
    require_tool(course.chromium_path() is not None, "chromium")
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copy(LESSON, root / LESSON.name)
    for attempt in (1, 2):
        home = tmp_path_factory.mktemp(f"lab-home-{attempt}")
        server, url = start_lab(root, home)
        if wait_until_ready(url, server, START_TIMEOUT):
            break
        stop(server)
        server.log.close()
        if attempt == 2:
            pytest.fail(f"JupyterLab did not start twice: {(home / 'lab.log').read_text()[-1500:]}")
    try:
        yield url
    finally:
        stop(server)
        server.log.close()


def run_all_and_use_widgets(url: str, screenshot: Path) -> tuple[str, str, str, str, str]:
    """Open the lesson, run all cells, use two widgets; return the prompt shown and the feedback texts.

    On failure the page is saved to `screenshot` for diagnosis before the error is raised.
    """
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=course.chromium_path(),
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/lab/tree/{LESSON.name}")
            page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]',
                                   timeout=RUN_TIMEOUT_MS)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()

            clutter = page.locator(".nt-spot-the-clutter").first
            first_choice = clutter.locator(".nt-answer select").first
            first_choice.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
            prompt = first_choice.evaluate("select => select.options[select.selectedIndex].text")
            first_choice.select_option(label="not the story")
            clutter.locator("button.nt-check").click()
            first_feedback = clutter.locator(".nt-item-feedback").first
            expect(first_feedback).to_contain_text("Right", timeout=15_000)
            expect(clutter.locator(".nt-feedback")).to_contain_text("unanswered", timeout=15_000)
            untouched = clutter.locator(".nt-item-feedback").nth(1).text_content()

            diff = page.locator(".nt-diff-viewer").first
            copy_choice = diff.locator(".nt-diff-right-choice select")
            copy_choice.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
            copy_choice.select_option(label="re-report")
            expect(diff.locator(".nt-feedback")).to_contain_text("of re-report have a version in",
                                                                 timeout=15_000)
            expect(diff.locator(".nt-diff")).to_contain_text("re-report", timeout=15_000)
            return (prompt, first_feedback.text_content(), untouched,
                    clutter.locator(".nt-feedback").text_content(),
                    diff.locator(".nt-feedback").text_content())
        except Exception:
            page.screenshot(path=str(screenshot))
            shutil.copy(screenshot, Path(tempfile.gettempdir()) / f"newstrace-browser-{screenshot.name}")
            raise
        finally:
            browser.close()


def test_lesson_widgets_answer_in_a_real_browser(lab: str, tmp_path: Path):
    """Check that after Run All, Spot the clutter and the diff viewer react to clicks with feedback"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        seen = run_all_and_use_widgets(lab, tmp_path / "first.png")
    except PlaywrightTimeout:  # a cold first kernel start on a busy machine: retry once
        seen = run_all_and_use_widgets(lab, tmp_path / "second.png")
    prompt, line_feedback, untouched, score, diff_feedback = seen
    assert " ".join(prompt.split()) == "— choose —", "an unanswered line should show the prompt, not a blank"
    assert "Right" in line_feedback and len(line_feedback.split()) > 4, "feedback should explain why"
    assert "Not answered yet" in untouched
    assert re.search(r"1 right, 0 wrong, \d+ unanswered \(of \d+ lines\)", score), score
    assert "re-report" in diff_feedback and "full-text" in diff_feedback
