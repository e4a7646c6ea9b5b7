"""Paper handouts for each lesson: a reading packet of the texts it uses and a worksheet of its questions.

Both are plain HTML (black text, borders and labels, no colour needed) printed to PDF by headless
Chromium. The reading packet numbers each text's cleaned story from 1 (`nt.paragraph_numbers`), as
the lessons, the commands and the case notes count them, and lists a page's furniture after it,
unnumbered. The worksheet has each question with ruled space to answer, and never
an answer: `<details>` blocks, speaker notes and instructor or answer cells are left out.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass

from nbformat import NotebookNode

from newstrace.course.notebooks import LessonInfo
from newstrace.data import articles
from newstrace.pages.clutter import clean, paragraph_numbers

QUESTION_LABEL = re.compile(r"^\s*\*\*(?:Question|Try it|Discuss|Think)\b[^*]*\*\*", re.IGNORECASE)
"""A markdown cell that opens with one of these bold labels is a question for the worksheet."""
HIDDEN_LABEL = re.compile(r"^\s*\*\*(?:Instructor|Answer|Model answer|Solution|Teaching)", re.IGNORECASE)
"""Cells that open with one of these labels are for the instructor, never for the worksheet."""
HIDDEN_TAGS = ("answer", "solution", "instructor", "hint")
QUESTION_TAG = "question"
TRY_IT = re.compile(r"^\s*#\s*(Try it [\d.]+)\s*:\s*(.+)$", re.MULTILINE)
"""A code cell whose comment opens "# Try it 2.1: …" is a coding task: the worksheet asks what it found."""
_DETAILS = re.compile(r"<details\b.*?(?:</details>|\Z)", re.IGNORECASE | re.DOTALL)
_ALL_TEXTS_CALL = re.compile(r"\barticles\(\)")
CONTEXT_CHARS = 900
"""A question's context (the printed output just before it) is shown only when this short or shorter."""
ANSWER_LINES = 6

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.45; color: #000;
       background: #fff; max-width: 48em; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 0.2em; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em; border-bottom: 1.5px solid #000; break-after: avoid; }
.meta, .note { font-size: 9.5pt; }
.note { border: 1px solid #000; padding: 0.4em 0.6em; margin: 0.8em 0; }
.name-line { margin: 0.6em 0 1.2em; }
.name-line span { display: inline-block; min-width: 16em; border-bottom: 1px solid #000; }
table.paragraphs { border-collapse: collapse; width: 100%; }
table.paragraphs td { vertical-align: top; padding: 0.25em 0.4em; border-bottom: 0.5px solid #888; }
table.paragraphs td.number { width: 3.2em; font-weight: bold; white-space: nowrap;
                             font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
table.paragraphs td.reason { width: 6.5em; font-style: italic; white-space: nowrap;
                             font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
table.paragraphs tr { break-inside: avoid; }
.question { break-inside: avoid; margin: 1.1em 0 1.6em; }
.question .where { font-size: 9pt; font-style: italic; }
.context { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; white-space: pre-wrap;
           border-left: 3px solid #000; padding-left: 0.6em; margin: 0.4em 0; }
.answer-space { margin-top: 0.5em; }
.answer-space div { border-bottom: 1px solid #000; height: 2.1em; }
.exercise li { margin: 0.3em 0 0.9em; }
.exercise li::after { content: "Your answer: ________________________________"; display: block;
                      font-size: 9pt; margin-top: 0.2em; }
.exercise .nt-static-note, .exercise .nt-slide-more { display: none; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; }
"""


@dataclass(frozen=True)
class WorksheetItem:
    """One question of a worksheet: the section it is in, its text as HTML, and optional context."""

    section: str
    question_html: str
    context: str = ""
    exercise_html: str = ""


def texts_used(notebook: NotebookNode, text_ids: list[str]) -> list[str]:
    """Return the ids of the texts a lesson's code loads: named as strings, or all via articles()."""
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    if _ALL_TEXTS_CALL.search(code):
        return list(text_ids)
    return [text_id for text_id in text_ids
            if re.search(rf"""["']{re.escape(text_id)}["']""", code)]


def _page(title: str, body: str) -> str:
    """Return a printable HTML page."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title><style>{PRINT_CSS}</style></head><body>{body}</body></html>\n")


def _packet(info: LessonInfo, rows: list, content_note: str) -> str:
    """Return the packet page for the given catalogue rows (id, label, capture_kind, text)."""
    parts = [f"<h1>Reading packet: {html.escape(info.title)}</h1>",
             '<p class="meta">The texts this lesson uses. Paragraphs are the story\'s, numbered from 1 as '
             "the lessons, the commands and the case notes count them. A page capture's furniture "
             "(menus, captions, related links), which cleaning sets aside and some lessons ask you to "
             "find, follows its story, not numbered.</p>",
             f'<p class="note"><strong>Content note.</strong> {html.escape(content_note)}</p>']
    for row in rows:
        parts.append(_packet_text(row))
    return _page(f"Reading packet: {info.title}", "".join(parts))


def _packet_text(row: object) -> str:
    """Return one text of a packet: its story paragraphs numbered, then what cleaning set aside."""
    cleaned = clean(row.text)
    numbered = paragraph_numbers(row.text)
    story = "".join(f'<tr><td class="number">¶ {number}</td><td>{html.escape(paragraph)}</td></tr>'
                    for number, paragraph in numbered)
    set_aside = "".join(f'<tr><td class="reason">{html.escape(str(piece["reason"]))}</td>'
                        f'<td>{html.escape(piece["text"])}</td></tr>' for piece in cleaned.removed_rows)
    aside = (f'<h3>Set aside as page clutter ({len(cleaned.removed_rows)} pieces, not numbered)</h3>'
             f'<table class="paragraphs">{set_aside}</table>' if set_aside else "")
    return (f'<h2>{html.escape(row.label)} (<code>{html.escape(row.id)}</code>)</h2>'
            f'<p class="meta">{html.escape(str(getattr(row, "capture_kind", "")))}; '
            f"{len(numbered)} story paragraphs.</p>"
            f'<table class="paragraphs">{story}</table>{aside}')


def packet_for(notebook: NotebookNode, info: LessonInfo, content_note: str) -> str | None:
    """Return the reading packet of a lesson, or None when its code loads none of the texts."""
    table = articles()
    used = texts_used(notebook, list(table["id"]))
    if not used:
        return None
    rows = [row for row in table.itertuples() if row.id in used]
    return _packet(info, rows, content_note)


def _hidden(cell: NotebookNode) -> bool:
    """Return True for cells a student must not get on paper: notes, answers, instructor material."""
    slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
    tags = [tag.lower() for tag in cell.metadata.get("tags", [])]
    return (slide_type == "notes" or bool(HIDDEN_LABEL.match(cell.source))
            or any(hidden in tag for tag in tags for hidden in HIDDEN_TAGS))


def _plain_output(cell: NotebookNode) -> str:
    """Return a code cell's printed text or plain-text result (no tables, images or widgets)."""
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            texts.append(output.get("text", ""))
        elif output.get("output_type") == "execute_result":
            data = output.get("data", {})
            if set(data) == {"text/plain"}:
                texts.append(_unquoted(data["text/plain"]))
    return "".join(texts).strip()


def _unquoted(result: str) -> str:
    """Return a string result as the text itself (not its Python repr with quotes and escapes)."""
    try:
        value = ast.literal_eval(result)
    except (ValueError, SyntaxError):
        return result
    return value if isinstance(value, str) else result


def _markdown_html(source: str) -> str:
    """Return markdown rendered to HTML."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(source)


def worksheet_items(notebook: NotebookNode) -> list[WorksheetItem]:
    """Return a lesson's questions in order, each with its section and any short printed context.

    A widget exercise ("Your turn") becomes a paper exercise: its static items, with space to answer.
    """
    items: list[WorksheetItem] = []
    section, last_output = "", ""
    for cell in notebook.cells:
        if _hidden(cell):
            continue
        if cell.cell_type == "code":
            last_output = _plain_output(cell)
            exercise = _static_exercise(cell)
            if exercise:
                items.append(WorksheetItem(section, "", "", exercise))
            task = TRY_IT.match(cell.source)
            if task:
                items.append(WorksheetItem(section, (
                    f"<p><strong>{html.escape(task.group(1))}.</strong> {html.escape(task.group(2))} "
                    "<em>(Write the code in the notebook; note here what you found.)</em></p>")))
            continue
        heading = re.search(r"^#{1,3}\s+(.+)$", cell.source, re.MULTILINE)
        if heading:
            section = heading.group(1).strip()
        if QUESTION_LABEL.match(cell.source) or QUESTION_TAG in cell.metadata.get("tags", []):
            question = _DETAILS.sub("", cell.source).strip()
            context = last_output if 0 < len(last_output) <= CONTEXT_CHARS else ""
            items.append(WorksheetItem(section, _markdown_html(question), context))
            last_output = ""  # shown once, with the first question after it
    return items


def _static_exercise(cell: NotebookNode) -> str:
    """Return the static HTML of an exercise widget in a code cell's outputs, or ''."""
    for output in cell.get("outputs", []):
        markup = str(output.get("data", {}).get("text/html", ""))
        if 'class="nt-static' in markup and "nt-static-items" in markup:
            return markup
    return ""


def worksheet_html(info: LessonInfo, items: list[WorksheetItem]) -> str:
    """Return the worksheet page: name line, key questions, then each question with space to answer."""
    lines = "".join("<div></div>" for _ in range(ANSWER_LINES))
    parts = [f"<h1>Worksheet: {html.escape(info.title)}</h1>",
             '<p class="name-line">Name: <span></span> Date: <span></span></p>']
    if info.questions:
        parts.append("<p><strong>Key questions of this lesson:</strong></p><ul>"
                     + "".join(f"<li>{html.escape(q)}</li>" for q in info.questions) + "</ul>")
    parts.append('<p class="meta">Answer in your own words. Cite paragraphs by number (¶ 12) from '
                 "the reading packet. Where a question asks you to run code, run it in the notebook "
                 "and write down what you found.</p>")
    for item in items:
        where = f'<p class="where">{html.escape(item.section)}</p>' if item.section else ""
        if item.exercise_html:
            parts.append(f'<div class="question exercise">{where}{item.exercise_html}</div>')
            continue
        context = f'<div class="context">{html.escape(item.context)}</div>' if item.context else ""
        parts.append(f'<div class="question">{where}{context}{item.question_html}'
                     f'<div class="answer-space">{lines}</div></div>')
    if not items:
        parts.append("<p>This lesson has no written questions.</p>")
    return _page(f"Worksheet: {info.title}", "".join(parts))
