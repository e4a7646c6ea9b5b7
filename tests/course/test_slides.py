"""Each lesson's deck is self-contained and renders in headless Debian Chromium with no network."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import matplotlib.image
import nbformat
import pytest
from lesson_runs import (
    LESSON_IDS,
    LESSONS,
    SOURCES,
    executed,
    executed_instructor_edition,
    lesson_params,
    require_tool,
)

from newstrace import course

NO_NETWORK = ("--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>")
"""Chromium flags that send every request to a closed local port: any CDN load fails."""
MIN_PIXEL_STD = 0.02
"""A blank (or one-colour) screenshot has a pixel standard deviation near 0."""


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return {lesson: deck path}, built from each lesson's instructor edition executed once."""
    require_tool(shutil.which("npm") is not None or (course.BUILD / "vendor" / "reveal.js").is_dir(),
                 "npm (to fetch reveal.js)")
    folder = tmp_path_factory.mktemp("lessons")
    paths = []
    for lesson in SOURCES:
        nbformat.write(executed_instructor_edition(lesson), folder / lesson.name)
        paths.append(folder / lesson.name)
    out = tmp_path_factory.mktemp("slides")
    built = course.build_slides(out, paths, course.BUILD / "vendor")
    return {deck.name.removesuffix(".slides.html"): deck for deck in built}


@pytest.fixture(scope="module")
def chromium() -> None:
    """Require the Debian Chromium browser (skip outside CI when it is absent)."""
    require_tool(course.chromium_path() is not None, "chromium")


@pytest.mark.parametrize("lesson", LESSON_IDS)
def test_deck_loads_nothing_from_the_network(decks: dict[str, Path], lesson: str):
    """Check that the deck has no script, stylesheet, image or import from outside the file"""
    markup = decks[lesson].read_text(encoding="utf-8")
    assert course.remote_references(markup) == []
    assert "Reveal.initialize" in markup and 'class="notes"' in markup, "no reveal.js or no speaker notes"
    assert "data:image/png;base64" in markup or "<img" not in markup


@pytest.mark.parametrize("lesson", LESSON_IDS)
def test_deck_shows_answers_as_later_fragments(decks: dict[str, Path], lesson: str):
    """Check that the deck (the instructor edition) carries the answers, each in a later fragment"""
    markup = decks[lesson].read_text(encoding="utf-8")
    fragments = re.findall(r'<div class="fragment">(.*?)</section>', markup, re.DOTALL)
    assert any("Answer." in fragment for fragment in fragments), f"{lesson}: no answer fragment in the deck"


@pytest.mark.parametrize("lesson", LESSON_IDS)
def test_deck_starts_in_chromium_offline(decks: dict[str, Path], chromium: None, lesson: str):
    """Check that reveal.js starts (root gets class 'ready') in headless Chromium with network blocked"""
    done = course.run_chromium(decks[lesson].as_uri(), *NO_NETWORK, "--virtual-time-budget=5000",
                               "--window-size=1280,800", "--dump-dom")
    root = next((line for line in done.stdout.splitlines() if 'class="reveal ' in line), "")
    assert "ready" in root.split('class="', 1)[-1].split('"')[0], (
        f"reveal.js did not start in {lesson}: {root[:200]!r} {done.stderr[-300:]}")
    assert done.stdout.count("<section") >= 5


@pytest.mark.parametrize("lesson", LESSON_IDS)
def test_deck_slide_screenshot_is_not_blank(decks: dict[str, Path], chromium: None, lesson: str,
                                            tmp_path: Path):
    """Check that a screenshot of the deck's second slide shows content (pixels vary)"""
    shot = tmp_path / f"{lesson}.png"
    course.run_chromium(decks[lesson].as_uri() + "#/1", *NO_NETWORK, "--virtual-time-budget=5000",
                        "--window-size=1280,800", f"--screenshot={shot}")
    assert shot.is_file(), "Chromium wrote no screenshot"
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[0] >= 700 and pixels.shape[1] >= 1200
    assert pixels[..., :3].std() > MIN_PIXEL_STD, f"{lesson} slide 2 looks blank"


def test_slides_index_links_every_deck(decks: dict[str, Path]):
    """Check that index.html links each deck with its title"""
    index = next(iter(decks.values())).parent / "index.html"
    markup = index.read_text(encoding="utf-8")
    for lesson in LESSON_IDS:
        assert f'href="{lesson}.slides.html"' in markup
        assert course.lesson_info(course.NOTEBOOKS / f"{lesson}.ipynb").title in markup


def test_blank_page_fails_the_pixel_check(chromium: None, tmp_path: Path):
    """Check that the blank-screenshot check does fail on an empty page"""
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><body style='background:white'></body></html>")
    shot = tmp_path / "blank.png"
    course.run_chromium(page.as_uri(), "--window-size=1280,800", f"--screenshot={shot}")
    assert matplotlib.image.imread(shot)[..., :3].std() <= MIN_PIXEL_STD


def pdf_pages(pdf: Path) -> int:
    """Return the number of pages in a PDF (counting its page objects)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_handouts_print_deck_packet_and_worksheet(decks: dict[str, Path], chromium: None,
                                                  tmp_path: Path):
    """Check that `make handouts` prints the deck, a reading packet and a worksheet to PDF"""
    lesson = LESSONS[1]
    executed_lesson = tmp_path / lesson.name
    nbformat.write(executed(lesson), executed_lesson)
    deck = decks[lesson.stem]
    pdfs, printed = course.build_handouts(tmp_path / "handouts", [deck], [executed_lesson])
    assert printed == pdfs
    names = sorted(pdf.name for pdf in pdfs)
    assert names == [f"{lesson.stem}.reading.pdf", f"{lesson.stem}.slides.pdf",
                     f"{lesson.stem}.worksheet.pdf"]
    for pdf in pdfs:
        assert pdf.stat().st_size > 10_000 and pdf_pages(pdf) >= 1
        if pdf.name.endswith((".reading.pdf", ".worksheet.pdf")):
            assert pdf.with_suffix(".html").is_file(), "each printed handout keeps its HTML source"
    packet = tmp_path / "handouts" / f"{lesson.stem}.reading.pdf"
    assert pdf_pages(packet) >= 4, "the full text with numbered paragraphs runs to several pages"


def test_network_block_really_blocks(chromium: None, tmp_path: Path):
    """Check that the NO_NETWORK flags make a load from a live local server fail, and only they do"""
    import functools
    import http.server
    import threading

    (tmp_path / "probe.js").write_text("document.title = 'reached';")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = tmp_path / "remote.html"
        page.write_text("<!DOCTYPE html><html><head><title>blocked</title></head><body><script "
                        f"src='http://127.0.0.1:{server.server_address[1]}/probe.js'></script></body></html>")
        opened = course.run_chromium(page.as_uri(), "--virtual-time-budget=5000", "--dump-dom")
        blocked = course.run_chromium(page.as_uri(), *NO_NETWORK, "--virtual-time-budget=5000",
                                      "--dump-dom")
    finally:
        server.shutdown()
        server.server_close()
    assert "<title>reached</title>" in opened.stdout, "the probe server should be reachable without the block"
    assert "<title>blocked</title>" in blocked.stdout, "NO_NETWORK let a request through"


@pytest.fixture(scope="module")
def slide_fits(decks: dict[str, Path], chromium: None) -> dict[str, list[course.SlideFit]]:
    """Return {lesson: every slide's content size}, each deck stepped through once in Chromium at 1280×720."""
    measured = course.measure_slides(list(decks.values()), course.SLIDE_WIDTH, course.SLIDE_HEIGHT)
    return {deck.name.removesuffix(".slides.html"): fits for deck, fits in measured.items()}


@pytest.mark.parametrize("lesson", lesson_params())
def test_every_slide_fits_the_projector(slide_fits: dict[str, list[course.SlideFit]], lesson: str):
    """Check that no slide's content is taller than the 1280×720 projector (no scrolling, nothing cut off)"""
    fits = slide_fits[lesson]
    assert len(fits) >= 5
    tall = [f"{fit.number} {fit.title or '(untitled)'}: {fit.height} px" for fit in fits
            if fit.height > course.SLIDE_HEIGHT]
    assert not tall, f"slides taller than {course.SLIDE_HEIGHT} px: " + "; ".join(tall)


def test_slide_measure_catches_a_tall_slide(chromium: None, tmp_path: Path):
    """Check that the fit test can fail: a slide of 60 paragraphs measures taller than the projector"""
    cells = [nbformat.v4.new_markdown_cell("# Short"),
             nbformat.v4.new_markdown_cell("## Long\n\n" + "\n\n".join(f"Line {n}." for n in range(60)))]
    for cell in cells:
        cell.metadata["slideshow"] = {"slide_type": "slide"}
    notebook = nbformat.v4.new_notebook(cells=cells)
    deck = tmp_path / "tall.slides.html"
    deck.write_text(course.slides_html(notebook, course.fetch_reveal(course.BUILD / "vendor")),
                    encoding="utf-8")
    short, tall = course.measure_slides([deck], course.SLIDE_WIDTH, course.SLIDE_HEIGHT)[deck]
    assert short.height <= course.SLIDE_HEIGHT < tall.height
    assert (short.number, tall.number, tall.title) == ("1.1", "2.1", "Long")


@pytest.mark.parametrize("lesson", LESSON_IDS)
def test_print_mode_gives_one_page_per_slide(decks: dict[str, Path], chromium: None, lesson: str,
                                             tmp_path: Path):
    """Check that printing a deck (?print-pdf) gives exactly one PDF page per slide"""
    notebook = course.instructor_edition(nbformat.read(course.INSTRUCTOR / f"{lesson}.ipynb",
                                                       as_version=4))
    pdf = course.print_pdf(decks[lesson], tmp_path / f"{lesson}.pdf", "?print-pdf")
    assert pdf_pages(pdf) == len(course.slides_of(notebook))
