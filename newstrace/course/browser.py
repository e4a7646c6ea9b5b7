"""Headless Debian Chromium, run with a throwaway profile and HOME: handouts, and measuring slides."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class SlideFit:
    """One slide of a deck as laid out in the browser: where it is, its title and its content size."""

    number: str
    title: str
    height: int
    width: int
    has_notes: bool


_MEASURE_SLIDES_JS = """() => {
  const fits = [];
  for (const slide of Reveal.getSlides()) {
    const where = Reveal.getIndices(slide);
    Reveal.slide(where.h, where.v || 0);
    const heading = slide.querySelector("h1, h2, h3");
    fits.push({number: `${where.h + 1}.${(where.v || 0) + 1}`,
               title: heading ? heading.textContent.replace(/¶/g, "").trim() : "",
               height: slide.scrollHeight, width: slide.scrollWidth,
               has_notes: slide.querySelector("aside.notes") !== null});
  }
  return fits;
}"""


def measure_slides(decks: Sequence[Path], width: int, height: int) -> dict[Path, list[SlideFit]]:
    """Return every slide's content size per deck, stepping through each deck in headless Chromium.

    Needs Playwright (a dev dependency) and drives the Debian Chromium, never a downloaded browser.
    """
    from playwright.sync_api import sync_playwright

    browser_path = chromium_path()
    if browser_path is None:
        raise CourseBuildError("chromium is not installed: run `make system-deps` "
                               "(apt-get install chromium)")
    measured = {}
    with tempfile.TemporaryDirectory() as home, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path,
                                             args=[*CHROMIUM_FLAGS[1:]], env={**os.environ, "HOME": home})
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            for deck in decks:
                page.goto(deck.resolve().as_uri())
                page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)
                measured[deck] = [SlideFit(**fit) for fit in page.evaluate(_MEASURE_SLIDES_JS)]
        finally:
            browser.close()
    return measured
