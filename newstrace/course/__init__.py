"""Build the course: execute the lessons, export them to offline HTML and reveal.js decks, print handouts.

Run it as `python -m newstrace.course {lessons,slides,handouts,fit,clean,check,table}` (the Makefile
does; `fit` lists slides taller than the projector and teaching slides without speaker notes).
Everything it writes works with no network: reveal.js is fetched once with `npm pack` into a cache
and inlined into each deck, and widgets are shown through their static fallback.

One module per concern:

| module | concern |
|---|---|
| `notebooks` | lesson files: front matter (title, minutes, key questions), clean commits, alt text |
| `editions` | one hand-edited source in `instructor/`, two editions: student (`notebooks/`) and instructor |
| `execute` | running a lesson in a fresh kernel; its stderr and text outputs |
| `export` | offline student HTML and self-contained reveal.js decks; fetching reveal.js |
| `browser` | headless Chromium with a throwaway profile |
| `display` | `first_rows`: a long table's first rows, a count of the rest and where to see them |
| `handouts` | paper handouts: reading packets (numbered paragraphs) and worksheets (questions, no answers) |
| `stamps` | content-hash stamps, so a lesson is executed only when it, the package or the data changed |
| `build` | the `make lessons` / `slides` / `handouts` steps and the command line |
"""

from newstrace.course.browser import (
    CHROMIUM_FLAGS,
    SlideFit,
    chromium_path,
    measure_slides,
    run_chromium,
)
from newstrace.course.build import build_handouts, build_lessons, build_slides, main, print_pdf
from newstrace.course.display import SLIDE_ROWS, FirstRows, first_rows
from newstrace.course.editions import (
    INSTRUCTOR,
    build_editions,
    instructor_edition,
    source_paths,
    stale_student_editions,
    student_edition,
)
from newstrace.course.errors import CourseBuildError
from newstrace.course.execute import (
    EXECUTE_TIMEOUT,
    execute_notebook,
    kernel_environment,
    stable_text,
    stderr_outputs,
    text_outputs,
)
from newstrace.course.export import (
    REVEAL_PACKAGE,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    fetch_reveal,
    lesson_html,
    remote_references,
    slides_html,
    use_static_widgets,
    without_speaker_notes,
)
from newstrace.pages.clutter import paragraph_numbers
from newstrace.course.handouts import (
    WorksheetItem,
    packet_for,
    texts_used,
    worksheet_html,
    worksheet_items,
)
from newstrace.course.notebooks import (
    BUILD,
    CELL_METADATA_ALLOWED,
    NOTEBOOK_METADATA_ALLOWED,
    NOTEBOOKS,
    RELEASE_CELL_METADATA_ALLOWED,
    ROOT,
    LessonInfo,
    Slide,
    clean_files,
    clean_notebook,
    hygiene_problems,
    images_without_alt,
    lesson_info,
    lesson_paths,
    lesson_table,
    slides_of,
    slides_without_notes,
)

__all__ = [
    "BUILD", "CELL_METADATA_ALLOWED", "INSTRUCTOR", "build_editions", "instructor_edition",
    "source_paths", "stale_student_editions", "student_edition", "CHROMIUM_FLAGS", "EXECUTE_TIMEOUT", "NOTEBOOKS",
    "NOTEBOOK_METADATA_ALLOWED", "RELEASE_CELL_METADATA_ALLOWED", "REVEAL_PACKAGE", "ROOT",
    "SLIDE_HEIGHT", "SLIDE_ROWS", "SLIDE_WIDTH", "CourseBuildError", "FirstRows", "LessonInfo",
    "Slide", "SlideFit", "WorksheetItem", "build_handouts", "build_lessons", "build_slides",
    "chromium_path", "clean_files", "clean_notebook", "execute_notebook", "fetch_reveal", "first_rows",
    "hygiene_problems", "images_without_alt", "kernel_environment", "lesson_html", "lesson_info",
    "lesson_paths", "lesson_table", "main", "measure_slides", "packet_for", "paragraph_numbers", "print_pdf",
    "remote_references", "run_chromium", "slides_html", "slides_of", "slides_without_notes",
    "stable_text", "stderr_outputs", "text_outputs", "texts_used", "use_static_widgets",
    "without_speaker_notes", "worksheet_html", "worksheet_items",
]
