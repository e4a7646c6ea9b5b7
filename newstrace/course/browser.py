"""Headless Debian Chromium, run with a throwaway profile and HOME (handouts and deck tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from newstrace.course.errors import CourseBuildError

CHROMIUM = "chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--disable-extensions", "--mute-audio",
)


def chromium_path() -> str | None:
    """Return the path of the Debian Chromium browser, or None when it is not installed."""
    return shutil.which(CHROMIUM)


def run_chromium(url: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium on url with a throwaway profile and HOME; return the finished process."""
    browser = chromium_path()
    if browser is None:
        raise CourseBuildError("chromium is not installed: run `make system-deps` "
                               "(apt-get install chromium)")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home}
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={home}/profile", *args, url]
        return subprocess.run(command, check=False, capture_output=True, text=True,
                              timeout=timeout, env=env)
