"""The course builder's pieces: front matter, offline checks, static widgets, offline lesson HTML."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from lesson_runs import LESSON_IDS, LESSONS, executed, lesson_params

from newstrace import course

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def notebook_with(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a notebook holding the given cells."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    notebook.cells = list(cells)
    return notebook


def test_lesson_info_reads_title_minutes_and_questions(tmp_path: Path):
    """Check that lesson_info reads the H1 title, '**Time:** N minutes' and the key-question bullets"""
    notebook = notebook_with(
        nbformat.v4.new_markdown_cell("# Counting words\n\nintro"),
        nbformat.v4.new_markdown_cell("**Time:** 25 minutes\n\n**Objectives.**\n- count\n\n"
                                      "**Key questions**\n- How long is it?\n- Who wrote it?"),
        nbformat.v4.new_markdown_cell("## Later\n- not a question"),
    )
    path = tmp_path / "07-counting-words.ipynb"
    nbformat.write(notebook, path)
    info = course.lesson_info(path)
    assert info == course.LessonInfo("07-counting-words", "Counting words", 25,
                                     ("How long is it?", "Who wrote it?"))


def test_remote_references_finds_cdn_loads_and_ignores_inline_data():
    """Check that scripts, stylesheets, imports and remote images are reported, data URIs are not"""
    markup = """<script src="https://cdn.example.org/x.js"></script>
    <link rel="stylesheet" href="https://fonts.example.org/a.css">
    <style>@import url(https://fonts.example.org/b.css);</style>
    <script type="module">import mermaid from 'https://cdn.example.org/m.mjs';</script>
    <img src="https://example.org/p.png" alt="a photo"> <img src="data:image/png;base64,AAAA" alt="ok">"""
    found = course.remote_references(markup)
    assert len(found) == 5, found
    assert course.remote_references('<img src="data:image/png;base64,AA" alt="x"><script>var a=1</script>') == []


def test_static_widgets_replace_live_views_with_the_fallback():
    """Check that widget views give way to their text/html fallback and widget state is dropped"""
    cell = nbformat.v4.new_code_cell("widget")
    cell.outputs = [
        nbformat.v4.new_output("display_data", {WIDGET_VIEW: {"model_id": "abc"}, "text/plain": "W",
                                                "text/html": "<p>static list</p>"}),
        nbformat.v4.new_output("display_data", {WIDGET_VIEW: {"model_id": "def"}, "text/plain": "W"}),
    ]
    notebook = notebook_with(cell)
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    static = course.use_static_widgets(notebook)
    first, second = (output["data"] for output in static.cells[0].outputs)
    assert WIDGET_VIEW not in first and first["text/html"] == "<p>static list</p>"
    assert WIDGET_VIEW not in second and "open this notebook" in second["text/html"]
    assert "widgets" not in static.metadata
    assert WIDGET_VIEW in notebook.cells[0].outputs[0]["data"], "the original must be left unchanged"


def test_stable_text_blanks_widget_model_ids_only():
    """Check that per-run widget model ids are blanked and other text is kept"""
    text = '{"model_id": "0a1b2c", "version_major": 2} and 42'
    assert course.stable_text(text) == '{"model_id": "…", "version_major": 2} and 42'


def test_clean_files_rewrites_only_dirty_notebooks(tmp_path: Path):
    """Check that clean_files cleans a dirty notebook in place and leaves a clean one untouched"""
    dirty_cell = nbformat.v4.new_code_cell("1", execution_count=1,
                                           outputs=[nbformat.v4.new_output("stream", text="1\n")])
    dirty_cell.metadata = {"scrolled": True, "tags": ["keep"]}
    dirty, clean = tmp_path / "dirty.ipynb", tmp_path / "clean.ipynb"
    nbformat.write(notebook_with(dirty_cell), dirty)
    clean.write_text(nbformat.writes(course.clean_notebook(notebook_with(nbformat.v4.new_code_cell("2"))))
                     + "\n", encoding="utf-8")
    assert course.clean_files([dirty, clean]) == [dirty]
    cleaned = nbformat.read(dirty, as_version=4)
    assert course.hygiene_problems(cleaned) == [] and cleaned.cells[0].metadata == {"tags": ["keep"]}
    assert course.clean_files([dirty, clean]) == []


def test_command_line_check_fails_on_a_dirty_notebook(tmp_path: Path, capsys: pytest.CaptureFixture):
    """Check that `python -m newstrace.course check` exits 1 and names the problem"""
    cell = nbformat.v4.new_code_cell("1", execution_count=4)
    path = tmp_path / "01-dirty-lesson.ipynb"
    nbformat.write(notebook_with(cell), path)
    assert course.main(["check", str(path)]) == 1
    assert "execution count" in capsys.readouterr().out
    assert course.main(["clean", str(path)]) == 0
    assert course.main(["check", str(path)]) == 0


def test_slides_step_says_to_build_lessons_first(tmp_path: Path, capsys: pytest.CaptureFixture):
    """Check that `slides` without executed lessons fails with a message naming the fix"""
    assert course.main(["slides", "--build", str(tmp_path), str(LESSONS[0])]) == 1
    assert "make lessons" in capsys.readouterr().err


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_lesson_html_is_offline_and_shows_widget_fallbacks(path: Path):
    """Check that the executed lesson's HTML loads nothing remote and shows static widget fallbacks"""
    notebook = executed(path)
    markup = course.lesson_html(notebook)
    assert course.remote_references(markup) == []
    assert "application/vnd.jupyter.widget-view+json" not in markup
    has_widgets = any(WIDGET_VIEW in output.get("data", {})
                      for cell in notebook.cells for output in cell.get("outputs", []))
    if has_widgets:
        assert "nt-static" in markup, "widgets should show their static fallback in HTML"
    assert "Content note" in markup
    assert "Instructor note" not in markup, "speaker notes belong in the decks, not the student page"


def test_fetch_reveal_uses_the_cache_without_npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Check that a cached reveal.js is used as is, and that a missing npm is named when needed"""
    from newstrace.course import export

    monkeypatch.setattr(export.shutil, "which", lambda _name: None)
    with pytest.raises(course.CourseBuildError, match="npm is not installed"):
        course.fetch_reveal(tmp_path / "empty-cache")
    cached = tmp_path / "cache" / "reveal.js" / "dist"
    cached.mkdir(parents=True)
    (cached / "reveal.js").write_text("/* cached */")
    assert course.fetch_reveal(tmp_path / "cache") == tmp_path / "cache" / "reveal.js"


def tiny_lesson(folder: Path, text: str = "print(6 * 7)") -> Path:
    """Write a one-cell lesson into folder and return its path."""
    path = folder / "01-tiny-lesson.ipynb"
    nbformat.write(notebook_with(nbformat.v4.new_markdown_cell("# Tiny"),
                                 nbformat.v4.new_code_cell(text)), path)
    return path


@pytest.fixture()
def counted_runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Return the list of lessons the build executes, recorded by a stand-in for the kernel run."""
    from newstrace.course import build

    runs: list[Path] = []

    def fake_execute(path: Path) -> nbformat.NotebookNode:
        runs.append(path)
        return nbformat.read(path, as_version=4)

    monkeypatch.setattr(build, "execute_notebook", fake_execute)
    return runs


def test_second_build_with_nothing_changed_executes_no_lesson(tmp_path: Path, counted_runs: list[Path],
                                                               capsys: pytest.CaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch):
    """Check that `lessons` executes both editions of a lesson once, then neither while nothing changed"""
    import functools

    from newstrace.course import build, editions

    monkeypatch.setattr(build, "build_editions", functools.partial(
        editions.build_editions, students=tmp_path / "notebooks"))  # never the real notebooks/
    source = tmp_path / "instructor"
    source.mkdir()
    lesson = tiny_lesson(source)
    out = tmp_path / "build"
    assert course.main(["lessons", "--build", str(out), str(lesson)]) == 0
    assert [path.parent.name for path in counted_runs] == ["notebooks", "instructor-edition"]
    assert capsys.readouterr().out.count("1 executed") == 2
    assert course.main(["lessons", "--build", str(out), str(lesson)]) == 0
    assert len(counted_runs) == 2, "nothing changed, so nothing should run again"
    printed = capsys.readouterr().out
    assert printed.count("up to date: 01-tiny-lesson.ipynb") == 2
    assert printed.count("0 executed, 1 unchanged") == 2


def test_a_changed_lesson_or_data_file_executes_the_lesson_again(tmp_path: Path, counted_runs: list[Path],
                                                                 monkeypatch: pytest.MonkeyPatch):
    """Check that editing the lesson, a data file, or deleting an output makes the build run it again"""
    import shutil

    import newstrace as nt

    data = tmp_path / "data"
    shutil.copytree(nt.data_dir(), data)
    monkeypatch.setenv("NEWSTRACE_DATA", str(data))
    lesson, out = tiny_lesson(tmp_path), tmp_path / "build"
    course.build_lessons(out, [lesson])
    course.build_lessons(out, [lesson])
    assert len(counted_runs) == 1
    tiny_lesson(tmp_path, "print(6 * 9)")
    course.build_lessons(out, [lesson])
    assert len(counted_runs) == 2, "an edited lesson must run again"
    catalogue = data / "catalogue.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    course.build_lessons(out, [lesson])
    assert len(counted_runs) == 3, "changed data must run the lesson again"
    (out / "01-tiny-lesson.html").unlink()
    _, ran = course.build_lessons(out, [lesson])
    assert ran == [out / lesson.name] and len(counted_runs) == 4, "a missing output must be rebuilt"


def test_handouts_are_printed_again_only_when_their_page_changed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture):
    """Check that a second `handouts` with nothing changed prints no PDF, and a changed deck reprints only its own"""
    from newstrace.course import build

    printed: list[str] = []

    def fake_print(page: Path, pdf: Path, query: str = "") -> Path:
        printed.append(pdf.name)
        pdf.write_bytes(b"%PDF " + page.read_bytes()[:20])
        return pdf

    monkeypatch.setattr(build, "print_pdf", fake_print)
    deck = tmp_path / "01-tiny-lesson.slides.html"
    deck.write_text("<html>deck</html>", encoding="utf-8")
    lesson = tiny_lesson(tmp_path)
    out = tmp_path / "handouts"
    pdfs, now = course.build_handouts(out, [deck], [lesson])
    assert sorted(printed) == ["01-tiny-lesson.slides.pdf", "01-tiny-lesson.worksheet.pdf"] and now == pdfs
    assert course.build_handouts(out, [deck], [lesson]) == (pdfs, [])
    assert len(printed) == 2, "nothing changed, so nothing should be printed again"
    deck.write_text("<html>deck, edited</html>", encoding="utf-8")
    assert course.build_handouts(out, [deck], [lesson])[1] == [out / "01-tiny-lesson.slides.pdf"]
    (out / "01-tiny-lesson.worksheet.pdf").unlink()
    assert course.build_handouts(out, [deck], [lesson])[1] == [out / "01-tiny-lesson.worksheet.pdf"]
    assert printed.count("01-tiny-lesson.slides.pdf") == 2 and printed.count("01-tiny-lesson.worksheet.pdf") == 2
    assert "up to date: 01-tiny-lesson.slides.pdf" in capsys.readouterr().out


def test_build_inputs_cover_package_project_and_data():
    """Check that the stamp hashes the package's modules, pyproject.toml and the data files"""
    import newstrace as nt
    from newstrace.course import stamps

    inputs = stamps.build_inputs()
    assert course.ROOT / "pyproject.toml" in inputs
    assert course.ROOT / "newstrace" / "course" / "build.py" in inputs
    assert nt.data_dir() / "catalogue.csv" in inputs
    assert not any("__pycache__" in path.parts for path in inputs)


def test_worksheet_has_questions_and_space_but_no_answers():
    """Check that answers in <details>, instructor notes and notes slides stay off the worksheet"""
    question = nbformat.v4.new_markdown_cell(
        "**Question 1.** Who speaks in paragraph 2?\n<details><summary>Answer</summary>\n\n"
        "SECRET-ANSWER: Abu Hajer.\n</details>")
    notes = nbformat.v4.new_markdown_cell("**Question 9.** SECRET-NOTES-SLIDE")
    notes.metadata["slideshow"] = {"slide_type": "notes"}
    printed = nbformat.v4.new_code_cell("paragraphs[1]")
    printed.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "'\"Hello,\" he said.'"},
                                              execution_count=1)]
    notebook = notebook_with(
        nbformat.v4.new_markdown_cell("## One paragraph, one source"), printed, question,
        nbformat.v4.new_markdown_cell("**Instructor note.** SECRET-INSTRUCTOR"), notes,
        nbformat.v4.new_markdown_cell("**Question 2.** And then?\n<details>SECRET-UNCLOSED"))
    items = course.worksheet_items(notebook)
    assert [item.section for item in items] == ["One paragraph, one source"] * 2
    assert items[0].context == '"Hello," he said.' and items[1].context == "", "context shown once, as text"
    info = course.LessonInfo("01-x", "A lesson", 20, ("Why?",))
    markup = course.worksheet_html(info, items)
    assert "Who speaks in paragraph 2?" in markup and "And then?" in markup and "Why?" in markup
    assert "SECRET" not in markup and "<details" not in markup
    assert markup.count('class="answer-space"') == 2 and "Name:" in markup


@pytest.mark.parametrize("path", LESSONS, ids=LESSON_IDS)
def test_each_lesson_worksheet_asks_every_question_without_answers(path: Path):
    """Check that a lesson's worksheet has each of its questions and none of its answers or notes"""
    import re

    notebook = executed(path)
    visible = [cell for cell in notebook.cells if cell.cell_type == "markdown"
               and cell.metadata.get("slideshow", {}).get("slide_type") != "notes"]
    questions = [cell for cell in visible if re.match(r"\s*\*\*Question", cell.source)
                 or "question" in cell.metadata.get("tags", [])]
    questions += [cell for cell in notebook.cells
                  if cell.cell_type == "code" and re.match(r"\s*#\s*Try it [\d.]+:", cell.source)]
    markup = course.worksheet_html(course.lesson_info(path), course.worksheet_items(notebook))
    assert markup.count('class="answer-space"') == len(questions) > 0
    hidden = [text for cell in notebook.cells for text in re.findall(
        r"<details\b.*?</details>", cell.source, re.DOTALL)]
    hidden += [cell.source for cell in notebook.cells
               if cell.metadata.get("slideshow", {}).get("slide_type") == "notes"]
    for text in hidden:
        body = re.sub(r"<[^>]+>|\*\*[^*]+\*\*", " ", text).split()
        phrase = " ".join(body[2:9])
        if len(body) > 9:
            assert phrase not in markup, f"answer or note text on the worksheet: {phrase!r}"
    assert "<details" not in markup


def test_reading_packet_numbers_the_cleaned_story_from_one():
    """Check that the packet numbers each text's cleaned story ¶ 1 … ¶ N, as the commands do, and lists clutter unnumbered"""
    import newstrace as nt

    path = next(path for path in LESSONS if "06-" in path.name)
    notebook = executed(path)
    table = nt.articles().set_index("id")
    used = course.texts_used(notebook, list(table.index))
    assert "re-report" in used, "lesson 6 reads the re-report page"
    markup = course.packet_for(notebook, course.lesson_info(path), "A note.")
    for text_id in used:
        story = nt.clean(table.loc[text_id, "text"]).paragraphs
        assert [number for number, _ in course.paragraph_numbers(table.loc[text_id, "text"])] == list(
            range(1, len(story) + 1))
        assert f"{len(story)} story paragraphs" in markup
        assert f"¶ {len(story)}</td>" in markup
    page = nt.clean(table.loc["re-report", "text"])
    assert page.removed_rows and "Set aside as page clutter" in markup
    assert f"({len(page.removed_rows)} pieces, not numbered)" in markup
    assert "¶ 1</td>" in markup and "¶ 0<" not in markup and "A note." in markup
    assert page.paragraphs[0][:40].replace('"', "&quot;").replace("'", "&#x27;") in markup


def test_texts_used_finds_named_texts_and_all_texts():
    """Check that a lesson naming texts gets those, one calling articles() gets all, one naming none gets none"""
    ids = ["full-text", "short-copy", "re-report"]
    named = notebook_with(nbformat.v4.new_code_cell('nt.article("re-report")\nx = "full-text"'))
    every = notebook_with(nbformat.v4.new_code_cell("case = nt.articles()"))
    neither = notebook_with(nbformat.v4.new_markdown_cell('"full-text" in prose only'))
    assert course.texts_used(named, ids) == ["full-text", "re-report"]
    assert course.texts_used(every, ids) == ids and course.texts_used(neither, ids) == []


def test_handouts_print_in_black_and_white():
    """Check that the handout stylesheet uses only greys, so a black-and-white printer loses nothing"""
    import re

    from newstrace.course.handouts import PRINT_CSS

    colours = re.findall(r"#([0-9a-fA-F]{3,6})\b", PRINT_CSS)
    assert colours, "the stylesheet sets its colours explicitly"
    for colour in colours:
        full = colour if len(colour) == 6 else "".join(c * 2 for c in colour)
        assert full[0:2] == full[2:4] == full[4:6], f"#{colour} is not a grey"
    assert not re.search(r"\b(?:rgb|hsl)a?\(|\b(?:red|blue|green|orange)\b", PRINT_CSS)


def test_first_rows_shows_the_head_counts_the_rest_and_says_where():
    """Check that a long table shows its first rows, how many follow, and a fold with every row"""
    import pandas as pd

    table = pd.DataFrame({"source": [f"source {n}" for n in range(30)], "n": range(30)})
    shown = course.first_rows(table, 8, where="in the lesson's HTML page")
    markup = shown._repr_html_()
    first, fold = markup.split("<details>")
    assert "source 7" in first and "source 8" not in first
    assert "Showing the first 8 of 30 rows. The other 22" in first and "lesson&#x27;s HTML page" in first
    assert "Show all 30 rows" in fold and "source 29" in fold
    assert repr(shown).endswith("in the lesson's HTML page.") and "source 8 " not in repr(shown)
    short = course.first_rows(table.head(5))
    assert "<details>" not in short._repr_html_() and short.note() == ""
    with pytest.raises(ValueError, match="at least 1"):
        course.first_rows(table, 0)


def test_slides_of_follows_nbconvert_and_finds_slides_without_notes():
    """Check slide numbering (slide.subslide), notes, and that only title and section slides may lack notes"""
    def cell(source: str, kind: str, code: bool = False) -> nbformat.NotebookNode:
        made = nbformat.v4.new_code_cell(source) if code else nbformat.v4.new_markdown_cell(source)
        made.metadata["slideshow"] = {"slide_type": kind}
        return made

    notebook = notebook_with(
        cell("# A lesson\n\n*lesson 1 of 5*", "slide"),
        cell("## Part one", "slide"),
        cell("## Teaching\nA long explanation " + "word " * 30, "subslide"),
        cell("**Instructor note.** Say this; 3 minutes.", "notes"),
        cell("print(1)", "subslide", code=True),
        cell("hidden", "skip"),
        cell("more", "fragment"),
    )
    slides = course.slides_of(notebook)
    assert [slide.number for slide in slides] == ["1.1", "2.1", "2.2", "2.3"]
    assert slides[2].has_notes and slides[2].title == "Teaching"
    assert slides[1].is_title_or_section() and not slides[2].is_title_or_section()
    assert [slide.number for slide in course.slides_without_notes(notebook)] == ["2.3"]


def test_fit_problems_name_each_slide_by_heading_or_first_words():
    """Check that the fit report counts a lesson's problems and names each slide so it can be found"""
    from newstrace.course.build import fit_problems

    def cell(text: str, slide_type: str) -> nbformat.NotebookNode:
        made = nbformat.v4.new_markdown_cell(text)
        made.metadata["slideshow"] = {"slide_type": slide_type}
        return made

    notebook = notebook_with(cell("# Title", "slide"),
                             cell("## Tall table\n" + "A slide with far more than a dozen words " * 3, "slide"),
                             cell("**Instructor note.** 2 minutes.", "notes"),
                             cell("Some teaching with no heading and more than twelve words in it, " * 2, "subslide"))
    fits = [course.SlideFit("1.1", "Title", 300, 1280, False), course.SlideFit("2.1", "Tall table", 900, 1280, True),
            course.SlideFit("2.2", "", 400, 1280, False)]
    problems = fit_problems(notebook, fits)
    assert problems[0] == "1 slide too tall, 1 teaching slide without notes:"
    assert problems[1] == f"  slide 2.1 (Tall table): 900 px tall, {900 - course.SLIDE_HEIGHT} px over {course.SLIDE_HEIGHT}"
    assert problems[2].startswith("  slide 2.2 (starts “Some teaching with no heading") and problems[2].endswith(
        "no speaker notes")
    assert fit_problems(notebook, fits[:1]) == [problems[0].replace("1 slide too tall", "0 slides too tall"),
                                                problems[2]]


@pytest.mark.parametrize("lesson", lesson_params())
def test_every_teaching_slide_has_speaker_notes(lesson: str):
    """Check that only title and section slides of the instructor edition lack speaker notes"""
    source = nbformat.read(course.INSTRUCTOR / f"{lesson}.ipynb", as_version=4)
    missing = course.slides_without_notes(course.instructor_edition(source))
    assert not missing, f"{len(missing)} slides without notes: " + "; ".join(
        f"{slide.number} {slide.title or '(untitled)'}" for slide in missing)
