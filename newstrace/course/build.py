"""The build steps behind `make lessons`, `make slides` and `make handouts`, and their command line."""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from newstrace.casebook import case_notes
from newstrace.course.browser import SlideFit, chromium_path, measure_slides, run_chromium
from newstrace.course.editions import (
    INSTRUCTOR_BUILD,
    build_editions,
    instructor_edition,
    source_paths,
    write_if_changed,
)
from newstrace.course.errors import CourseBuildError
from newstrace.course.execute import execute_notebook, stderr_outputs
from newstrace.course.export import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    fetch_reveal,
    lesson_html,
    slides_html,
)
from newstrace.course.handouts import packet_for, worksheet_html, worksheet_items
from newstrace.course.notebooks import (
    BUILD,
    LessonInfo,
    Slide,
    clean_files,
    hygiene_problems,
    lesson_info,
    lesson_paths,
    lesson_table,
    slides_of,
    slides_without_notes,
)
from newstrace.course.stamps import (
    build_inputs,
    content_hash,
    is_up_to_date,
    lesson_hash,
    write_stamp,
)
from newstrace.errors import AnnotationError

INSTRUCTOR_SOURCES = "instructor-edition"
"""Build subfolder for the unexecuted instructor edition; executed, it goes to build/instructor/."""


def _write_index(out: Path, infos: Sequence[LessonInfo], suffix: str, heading: str) -> None:
    """Write an index.html linking each lesson's page, with its minutes and key question."""
    items = []
    for info in infos:
        question = html.escape(info.questions[0]) if info.questions else ""
        minutes = f"{info.minutes} minutes. " if info.minutes else ""
        items.append(f'<li><a href="{info.slug}{suffix}">{html.escape(info.title)}</a>'
                     f"<br><small>{minutes}{question}</small></li>")
    out.joinpath("index.html").write_text(
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>newstrace: {heading}'
        '</title><style>body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5}'
        f"li{{margin:0.8em 0}}</style></head><body><h1>newstrace: {heading}</h1>"
        f"<p><strong>Content note.</strong> {html.escape(case_notes().content_note)}</p><ol>"
        + "\n".join(items) + "</ol></body></html>\n", encoding="utf-8")


def build_lessons(out: Path, paths: Sequence[Path],
                  notes: bool = False) -> tuple[list[Path], list[Path]]:
    """Execute each changed lesson into out/<lesson>.ipynb and offline .html; return (all, executed now).

    A lesson is executed only when it, the package or the data changed since its last build
    (a content-hash stamp beside the output, see `stamps`). With notes=True (the instructor
    edition) the HTML keeps the speaker notes. Each path must lie outside out.
    """
    out.mkdir(parents=True, exist_ok=True)
    inputs_hash = content_hash(build_inputs())
    written, ran = [], []
    for path in paths:
        executed = out / path.name
        page = executed.with_suffix(".html")
        expected = lesson_hash(path, inputs_hash)
        if is_up_to_date(executed, expected, [executed, page]):
            print(f"  up to date: {path.name}", flush=True)
            written.append(executed)
            continue
        print(f"  executing {path.name}", flush=True)
        notebook = execute_notebook(path)
        problems = stderr_outputs(notebook)
        if problems:
            raise CourseBuildError(f"{path} printed to stderr: {problems[0][:300]}")
        nbformat.write(notebook, executed)
        page.write_text(lesson_html(notebook, notes), encoding="utf-8")
        write_stamp(executed, expected)
        written.append(executed)
        ran.append(executed)
    _write_index(out, [lesson_info(path) for path in paths], ".html", "lessons")
    return written, ran


def build_slides(out: Path, executed: Sequence[Path], cache: Path) -> list[Path]:
    """Write one offline reveal.js deck per executed lesson, plus index.html; return the decks."""
    reveal = fetch_reveal(cache)
    out.mkdir(parents=True, exist_ok=True)
    decks = []
    for path in executed:
        deck = out / f"{path.stem}.slides.html"
        write_if_changed(deck, slides_html(nbformat.read(path, as_version=4), reveal))
        decks.append(deck)
    _write_index(out, [lesson_info(path) for path in executed], ".slides.html", "slide decks")
    return decks


def print_pdf(page: Path, pdf: Path, query: str = "") -> Path:
    """Print an HTML page (plus an optional ?query) to PDF with headless Chromium; return the PDF."""
    pdf.unlink(missing_ok=True)
    done = run_chromium(page.resolve().as_uri() + query, "--virtual-time-budget=5000",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}")
    if not pdf.is_file():
        raise CourseBuildError(f"Chromium did not print {page}: {done.stderr.strip()[-300:]}")
    return pdf


def print_if_changed(page: Path, pdf: Path, query: str = "") -> bool:
    """Print page to pdf unless the PDF was printed from exactly these bytes (and query); return True if it printed.

    The page is the whole input Chromium prints (decks and handouts inline every asset), so its
    hash, kept in a stamp beside the PDF, says whether the PDF is up to date.
    """
    expected = hashlib.sha256(page.read_bytes() + b"\0" + query.encode("utf-8")).hexdigest()
    if is_up_to_date(pdf, expected, [pdf]):
        print(f"  up to date: {pdf.name}", flush=True)
        return False
    print(f"  printing {pdf.name}", flush=True)
    print_pdf(page, pdf, query)
    write_stamp(pdf, expected)
    return True


def build_handouts(out: Path, decks: Sequence[Path],
                   executed: Sequence[Path] = ()) -> tuple[list[Path], list[Path]]:
    """Print each deck to PDF (a page per slide) and each lesson's reading packet and worksheet.

    Return (every PDF, the PDFs printed now): a PDF is printed again only when the page it prints
    from changed since the last build. Decks are the instructor edition (answers as fragments):
    their PDFs are for the teacher. Pass the executed *student* edition as `executed`: the
    worksheets must carry no answers. Packets and worksheets are written as HTML beside their PDFs
    (the source they print from).
    """
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(deck, out / deck.name.replace(".slides.html", ".slides.pdf"), "?print-pdf") for deck in decks]
    note = case_notes().content_note  # the active case's, like the lessons' own notes
    for lesson in executed:
        notebook, info = nbformat.read(lesson, as_version=4), lesson_info(lesson)
        pages = {"worksheet": worksheet_html(info, worksheet_items(notebook)),
                 "reading": packet_for(notebook, info, note)}
        for kind, markup in pages.items():
            if markup is None:
                print(f"  {lesson.stem}: no reading packet (the lesson loads none of the texts)")
                continue
            page = out / f"{lesson.stem}.{kind}.html"
            write_if_changed(page, markup)
            jobs.append((page, page.with_suffix(".pdf"), ""))
    printed = [pdf for page, pdf, query in jobs if print_if_changed(page, pdf, query)]
    return [pdf for _, pdf, _ in jobs], printed


def _slide_label(slide: Slide | None, number: str, title: str = "") -> str:
    """Return how a report names a slide: its number and heading, or the start of its first cell."""
    title = title or (slide.title if slide else "")
    if not title and slide and slide.cells:
        first = next((line.strip() for line in slide.cells[0].source.splitlines() if line.strip()), "")
        title = f"starts “{first[:50]}{'…' if len(first) > 50 else ''}”" if first else "empty"
    return f"slide {number} ({title or 'untitled'})"


def fit_problems(notebook: NotebookNode, fits: Sequence[SlideFit]) -> list[str]:
    """Return one lesson's problems: a count line, then one indented line per tall slide or slide without notes."""
    slides = {slide.number: slide for slide in slides_of(notebook)}
    tall = [f"  {_slide_label(slides.get(fit.number), fit.number, fit.title)}: {fit.height} px tall, "
            f"{fit.height - SLIDE_HEIGHT} px over {SLIDE_HEIGHT}" for fit in fits if fit.height > SLIDE_HEIGHT]
    bare = [f"  {_slide_label(slide, slide.number)}: no speaker notes"
            for slide in slides_without_notes(notebook)]
    if not tall and not bare:
        return []
    return [f"{_count(len(tall), 'slide')} too tall, {_count(len(bare), 'teaching slide')} without notes:",
            *tall, *bare]


def _count(number: int, noun: str) -> str:
    """Return '1 slide' or '3 slides'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def fit_report(paths: Sequence[Path], slides: Path) -> list[str]:
    """Return, per lesson with problems, its name and its slides that are too tall or lack speaker notes."""
    decks = [slides / f"{path.stem}.slides.html" for path in paths]
    missing = [str(deck) for deck in decks if not deck.is_file()]
    if missing:
        raise CourseBuildError(f"{missing[0]} is missing: run `make slides` first")
    report = []
    for path, fits in zip(paths, measure_slides(decks, SLIDE_WIDTH, SLIDE_HEIGHT).values()):
        problems = fit_problems(instructor_edition(nbformat.read(path, as_version=4)), fits)
        if problems:
            report += [f"{path.stem}: {problems[0]}", *problems[1:]]
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Run one build step from the command line and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m newstrace.course", description=__doc__)
    parser.add_argument("step", choices=["lessons", "slides", "handouts", "fit", "clean", "check",
                                         "table"])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="lesson sources in instructor/ to use (default: every lesson)")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder (default: build/)")
    parser.add_argument("--skip-without-chromium", action="store_true",
                        help="handouts: say so in one line and succeed when Chromium is missing")
    args = parser.parse_intermixed_args(argv)
    paths = args.notebooks or source_paths()
    lessons, slides = args.build / "lessons", args.build / "slides"
    instructor = args.build / INSTRUCTOR_BUILD.name
    instructor_sources = args.build / INSTRUCTOR_SOURCES
    try:
        if args.step == "lessons":
            students, instructors = build_editions(paths, instructors=instructor_sources)
            print(f"Wrote the student edition of {len(students)} lessons to notebooks/")
            for edition, out, sources in (("student", lessons, students),
                                          ("instructor", instructor, instructors)):
                written, ran = build_lessons(out, sources, notes=edition == "instructor")
                print(f"{edition} edition: {len(written)} lessons in {out}/ (.ipynb and offline "
                      f".html), {len(ran)} executed, {len(written) - len(ran)} unchanged since the "
                      "last build")
        elif args.step == "slides":
            executed = [instructor / path.name for path in paths]
            missing = [str(path) for path in executed if not path.is_file()]
            if missing:
                raise CourseBuildError(f"{missing[0]} is missing: run `make lessons` first")
            decks = build_slides(slides, executed, args.build / "vendor")
            print(f"{len(decks)} offline slide decks and index.html in {slides}/ (rewritten only when changed)")
        elif args.step == "handouts" and args.skip_without_chromium and chromium_path() is None:
            print("Skipped the PDF handouts: Chromium is not installed (apt-get install chromium).")
        elif args.step == "handouts":
            decks = [slides / f"{path.stem}.slides.html" for path in paths]
            executed = [lessons / path.name for path in paths]
            missing = [str(path) for path in [*decks, *executed] if not path.is_file()]
            if missing:
                raise CourseBuildError(f"{missing[0]} is missing: run `make slides` first")
            pdfs, printed = build_handouts(args.build / "handouts", decks, executed)
            print(f"{len(pdfs)} PDF handouts (decks, reading packets, worksheets) in "
                  f"{args.build / 'handouts'}/, {len(printed)} printed, {len(pdfs) - len(printed)} "
                  "unchanged since the last build")
        elif args.step == "fit":
            problems = fit_report(paths, slides)
            print("\n".join([*problems, "Mend them in instructor/, then `make slides` and run this again."])
                  if problems else
                  f"Every slide fits {SLIDE_WIDTH}×{SLIDE_HEIGHT} and every teaching slide has notes.")
            return 1 if problems else 0
        elif args.step == "clean":
            for path in clean_files(paths):
                print(f"cleaned {path}")
        elif args.step == "check":
            problems = {str(path): hygiene_problems(nbformat.read(path, as_version=4))
                        for path in (paths if args.notebooks else [*paths, *lesson_paths()])}
            problems = {path: found for path, found in problems.items() if found}
            print(json.dumps(problems, indent=1) if problems else "All notebooks are clean.")
            return 1 if problems else 0
        else:
            print(lesson_table(paths))
    except (CourseBuildError, AnnotationError) as err:  # AnnotationError: a missing or broken case.json
        print(f"newstrace.course {args.step}: {err}", file=sys.stderr)
        return 1
    return 0
