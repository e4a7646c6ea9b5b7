"""Lesson notebooks as files: where they are, what their opening promises, and committing them clean.

A committed notebook has no outputs, no execution counts and only allow-listed metadata (nbgrader,
slideshow, tags), and every image in it carries alt text.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
LESSON_GLOB = "[0-9][0-9]-*.ipynb"

CELL_METADATA_ALLOWED = frozenset({"nbgrader", "slideshow", "tags"})
"""Cell metadata kept in committed notebooks; everything else is editor noise."""
RELEASE_CELL_METADATA_ALLOWED = CELL_METADATA_ALLOWED | {"editable", "deletable"}
"""In nbgrader's student release, also the cell locks nbgrader itself writes (editable, deletable)."""
NOTEBOOK_METADATA_ALLOWED = {"kernelspec": None, "language_info": {"name"}}
"""Notebook metadata kept in committed notebooks: the kernel, and the language's name only."""


def lesson_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """Return the numbered lesson notebooks in teaching order."""
    return sorted(folder.glob(LESSON_GLOB))


@dataclass(frozen=True)
class LessonInfo:
    """What a lesson's opening cells promise: its title, time and key questions."""

    slug: str
    title: str
    minutes: int | None
    questions: tuple[str, ...]


def _section_items(markdown: str, heading: str) -> list[str]:
    """Return the bullet items under a markdown heading whose text starts with `heading`."""
    items: list[str] = []
    inside = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("#"):
            inside = line.lstrip("# ").lower().startswith(heading.lower())
            continue
        if line.lstrip().startswith("**"):
            inside = line.strip("* ").lower().startswith(heading.lower())
            continue
        match = re.match(r"\s*(?:[-*]|\d+\.)\s+(.*\S)", line)
        if inside and match:
            items.append(match.group(1))
    return items


def lesson_info(path: Path) -> LessonInfo:
    """Return a lesson's title, minutes and key questions, read from its markdown cells."""
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    title = next((line.lstrip("# ").strip() for line in markdown.splitlines()
                  if line.startswith("# ")), path.stem)
    minutes = re.search(r"(\d+)\s*minutes", markdown)
    return LessonInfo(
        slug=path.stem,
        title=title,
        minutes=int(minutes.group(1)) if minutes else None,
        questions=tuple(_section_items(markdown, "Key questions")),
    )


def lesson_table(paths: Iterable[Path], deck_prefix: str = "build/slides/",
                 notebook_prefix: str = "notebooks/") -> str:
    """Return a markdown table of lessons: title, minutes, key question and a link to the deck."""
    rows = ["| lesson | minutes | key question | deck |", "|---|---|---|---|"]
    for path in paths:
        info = lesson_info(path)
        question = info.questions[0] if info.questions else ""
        rows.append(f"| [{info.title}]({notebook_prefix}{path.name}) | {info.minutes or ''} | {question} "
                    f"| [{info.slug}.slides.html]({deck_prefix}{info.slug}.slides.html) |")
    return "\n".join(rows)


def _filtered(metadata: dict, allowed: dict) -> dict:
    """Return metadata keeping only allowed keys (and allowed sub-keys where a set is given)."""
    kept = {}
    for key, subkeys in allowed.items():
        if key in metadata:
            value = metadata[key]
            kept[key] = value if subkeys is None else {k: v for k, v in value.items() if k in subkeys}
    return kept


def clean_notebook(notebook: NotebookNode) -> NotebookNode:
    """Return a copy with no outputs, no execution counts and only allow-listed metadata."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata = nbformat.from_dict(_filtered(notebook.metadata, NOTEBOOK_METADATA_ALLOWED))
    for cell in notebook.cells:
        cell.metadata = nbformat.from_dict(
            {key: value for key, value in cell.metadata.items() if key in CELL_METADATA_ALLOWED})
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return notebook


def hygiene_problems(notebook: NotebookNode,
                     cell_allowed: frozenset[str] = CELL_METADATA_ALLOWED) -> list[str]:
    """Return what keeps a notebook from being committed clean (empty when it is clean)."""
    problems = []
    extra = set(notebook.metadata) - set(NOTEBOOK_METADATA_ALLOWED)
    if extra:
        problems.append(f"notebook metadata not in the allowlist: {sorted(extra)}")
    language = notebook.metadata.get("language_info", {})
    if set(language) - {"name"}:
        problems.append(f"language_info keeps more than its name: {sorted(language)}")
    for index, cell in enumerate(notebook.cells):
        extra = set(cell.metadata) - cell_allowed
        if extra:
            problems.append(f"cell {index}: metadata not in the allowlist: {sorted(extra)}")
        if cell.cell_type == "code" and cell.outputs:
            problems.append(f"cell {index}: has outputs")
        if cell.cell_type == "code" and cell.execution_count is not None:
            problems.append(f"cell {index}: has an execution count")
    return problems


def clean_files(paths: Iterable[Path]) -> list[Path]:
    """Rewrite notebooks clean in place and return those that changed."""
    changed = []
    for path in paths:
        before = path.read_text(encoding="utf-8")
        after = nbformat.writes(clean_notebook(nbformat.reads(before, as_version=4))) + "\n"
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


IMAGE_MIMETYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"""\balt\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')""", re.IGNORECASE)


def _img_tags_without_alt(markup: str) -> list[str]:
    """Return the <img> tags in markup whose alt attribute is missing or blank."""
    missing = []
    for tag in _IMG_TAG.findall(markup):
        alt = _ALT_ATTR.search(tag)
        if not alt or not (alt.group("d") or alt.group("s") or "").strip():
            missing.append(tag[:80])
    return missing


def images_without_alt(notebook: NotebookNode) -> list[str]:
    """Return a description of every image in the notebook (markdown or output) that has no alt text."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            found += [f"cell {index}: markdown image {m.group(0)[:60]}"
                      for m in _MARKDOWN_IMAGE.finditer(cell.source) if not m.group("alt").strip()]
            found += [f"cell {index}: {tag}" for tag in _img_tags_without_alt(cell.source)]
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mimetype in IMAGE_MIMETYPES:
                if mimetype in data:
                    found.append(f"cell {index}: a bare {mimetype} output (show a Chart instead)")
            found += [f"cell {index}: output {tag}"
                      for tag in _img_tags_without_alt(str(data.get("text/html", "")))]
    return found


SECTION_SLIDE_WORDS = 12
"""A slide with a heading and at most this many other words of markdown (no code) is a section slide."""


@dataclass(frozen=True)
class Slide:
    """One slide of a lesson's deck (a reveal.js slide or subslide): its number, title and cells."""

    number: str
    title: str
    cells: tuple[NotebookNode, ...]

    @property
    def has_notes(self) -> bool:
        """Return True when the slide carries speaker notes (a cell of slide type 'notes')."""
        return any(_slide_type(cell) == "notes" for cell in self.cells)

    def is_title_or_section(self) -> bool:
        """Return True for a title or section slide: a heading and a few words, no code."""
        shown = [cell for cell in self.cells if _slide_type(cell) != "notes"]
        if not shown or any(cell.cell_type != "markdown" for cell in shown):
            return False
        text = "\n".join(cell.source for cell in shown)
        if not re.search(r"^#{1,3}\s", text, re.MULTILINE):
            return False
        body = re.sub(r"^#{1,3}\s.*$", "", text, flags=re.MULTILINE)
        return len(re.findall(r"\w+", body)) <= SECTION_SLIDE_WORDS


def _slide_type(cell: NotebookNode) -> str:
    """Return a cell's slideshow type ('-' when it continues the current slide)."""
    return cell.metadata.get("slideshow", {}).get("slide_type", "-") or "-"


def slides_of(notebook: NotebookNode) -> list[Slide]:
    """Return the slides nbconvert makes of a notebook, in order, numbered 'slide.subslide' from 1."""
    slides: list[tuple[str, list[NotebookNode]]] = []
    horizontal, vertical = 0, 0
    for cell in notebook.cells:
        kind = _slide_type(cell)
        if kind == "skip":
            continue
        if kind == "slide" or not slides:
            horizontal, vertical = horizontal + 1, 1
            slides.append((f"{horizontal}.{vertical}", []))
        elif kind == "subslide":
            vertical += 1
            slides.append((f"{horizontal}.{vertical}", []))
        slides[-1][1].append(cell)
    return [Slide(number, _title(cells), tuple(cells)) for number, cells in slides]


def _title(cells: list[NotebookNode]) -> str:
    """Return the first markdown heading of a slide's cells, or ''."""
    for cell in cells:
        heading = re.search(r"^#{1,3}\s+(.+)$", cell.source, re.MULTILINE) if cell.cell_type == "markdown" else None
        if heading:
            return heading.group(1).strip()
    return ""


def slides_without_notes(notebook: NotebookNode) -> list[Slide]:
    """Return the teaching slides that have no speaker notes (title and section slides may have none)."""
    slides = slides_of(notebook)
    return [slide for index, slide in enumerate(slides)
            if not slide.has_notes and index > 0 and not slide.is_title_or_section()]
