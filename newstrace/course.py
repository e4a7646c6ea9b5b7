"""Build the course: execute the lessons, export them to offline HTML and reveal.js decks, print handouts.

Run it as `python -m newstrace.course {lessons,slides,handouts,clean,table}` (the Makefile does).
Everything it writes works with no network: reveal.js is fetched once with `npm pack` into a cache
and inlined into each deck, and widgets are shown through their static fallback.
"""

from __future__ import annotations

import argparse
import base64
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
LESSON_GLOB = "[0-9][0-9]-*.ipynb"

CELL_METADATA_ALLOWED = frozenset({"nbgrader", "slideshow", "tags"})
"""Cell metadata kept in committed notebooks; everything else is editor noise."""
RELEASE_CELL_METADATA_ALLOWED = CELL_METADATA_ALLOWED | {"editable", "deletable"}
"""In nbgrader's student release, also the cell locks nbgrader itself writes (editable, deletable)."""
NOTEBOOK_METADATA_ALLOWED = {"kernelspec": None, "language_info": {"name"}}
"""Notebook metadata kept in committed notebooks: the kernel, and the language's name only."""

REVEAL_PACKAGE = "reveal.js@4.0.2"
REVEAL_THEME = "white"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EXECUTE_TIMEOUT = 60
"""Seconds any one lesson cell may run before the build fails."""
CHROMIUM = "chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--disable-extensions", "--mute-audio",
)


class CourseBuildError(RuntimeError):
    """A lesson or deck could not be built; the message names the file and what to do."""


# ---------------------------------------------------------------- lessons and their front matter


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


# ---------------------------------------------------------------- committing notebooks clean


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


# ---------------------------------------------------------------- alt text


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


# ---------------------------------------------------------------- executing


def kernel_environment() -> dict[str, str]:
    """Return the environment for lesson kernels: this checkout's newstrace comes first on the path."""
    paths = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


def execute_notebook(path: Path, timeout: int = EXECUTE_TIMEOUT) -> NotebookNode:
    """Return the notebook executed top to bottom in a fresh kernel, run from its own folder."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(env=kernel_environment())
    except CellExecutionError as err:
        raise CourseBuildError(f"{path} failed to run: {err.ename}: {err.evalue}") from None
    return notebook


def stderr_outputs(notebook: NotebookNode) -> list[str]:
    """Return every text a notebook printed to stderr while it ran (warnings, logs)."""
    return [f"cell {index}: {output.get('text', '')}".strip()
            for index, cell in enumerate(notebook.cells)
            for output in cell.get("outputs", [])
            if output.get("output_type") == "stream" and output.get("name") == "stderr"]


def text_outputs(notebook: NotebookNode) -> list[str]:
    """Return each code cell's outputs as text, for comparing two runs of a lesson."""
    texts = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                texts.append(str(data.get("text/html", data.get("text/plain", ""))))
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
    return texts


_WIDGET_MODEL_ID = re.compile(r'"model_id":\s*"[0-9a-f]+"')


def stable_text(text: str) -> str:
    """Return text with per-run identifiers (widget model ids) blanked out."""
    return _WIDGET_MODEL_ID.sub('"model_id": "…"', text)


def use_static_widgets(notebook: NotebookNode) -> NotebookNode:
    """Return a copy where each widget output shows its static HTML fallback instead of a live view."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            del data[WIDGET_VIEW]
            if "text/html" not in data:
                data["text/html"] = (
                    '<p class="newstrace-widget-note"><em>Interactive exercise: open this notebook '
                    "in Jupyter and run it to use this widget.</em></p>")
    notebook.metadata.pop("widgets", None)
    return notebook


# ---------------------------------------------------------------- offline HTML and decks

_LESSON_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
"""

_SLIDES_TEMPLATE = """{%- extends 'reveal/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block footer_js -%}
<script>NEWSTRACE_REVEAL_JS</script>
<script>NEWSTRACE_NOTES_JS</script>
<script>
Reveal.initialize({
  controls: true, progress: true, history: true, slideNumber: "c/t", center: false,
  transition: "none", width: 1280, height: 800, margin: 0.04,
  plugins: [RevealNotes]
});
</script>
{%- endblock footer_js -%}
"""

_SLIDES_CSS = """
.reveal .slides { text-align: left; }
.reveal .slides section { overflow-y: auto; max-height: 100%; }
.reveal figure img { max-height: 520px; }
.reveal details { font-size: 0.9em; }
.reveal h1, .reveal h2, .reveal h3 { text-transform: none; }
"""


def _exporter(kind: str):
    """Return an nbconvert exporter ('lesson' HTML or 'slides') using this module's offline template."""
    import jinja2
    from nbconvert import HTMLExporter, SlidesExporter

    if kind == "slides":
        loader = jinja2.DictLoader({"newstrace_slides.html.j2": _SLIDES_TEMPLATE})
        exporter = SlidesExporter(extra_loaders=[loader], template_file="newstrace_slides.html.j2",
                                  reveal_url_prefix="NEWSTRACE_REVEAL", reveal_theme=REVEAL_THEME)
    else:
        loader = jinja2.DictLoader({"newstrace_lesson.html.j2": _LESSON_TEMPLATE})
        exporter = HTMLExporter(extra_loaders=[loader], template_file="newstrace_lesson.html.j2")
    exporter.exclude_input_prompt = False
    return exporter


def without_speaker_notes(notebook: NotebookNode) -> NotebookNode:
    """Return a copy without the cells whose slide type is 'notes' (they are for the instructor)."""
    notebook = copy.deepcopy(notebook)
    notebook.cells = [cell for cell in notebook.cells
                      if cell.metadata.get("slideshow", {}).get("slide_type") != "notes"]
    return notebook


def lesson_html(notebook: NotebookNode) -> str:
    """Return a self-contained, offline HTML page of an executed lesson, for students (no notes)."""
    body, _ = _exporter("lesson").from_notebook_node(
        use_static_widgets(without_speaker_notes(notebook)))
    return body


def _font_faces(theme_dir: Path) -> str:
    """Return @font-face rules for the theme's fonts with the WOFF files inlined as data URIs."""
    fonts = theme_dir / "fonts" / "source-sans-pro"
    rules = []
    for weight, style, name in (("normal", "normal", "regular"), ("normal", "italic", "italic"),
                                ("600", "normal", "semibold")):
        woff = fonts / f"source-sans-pro-{name}.woff"
        if woff.is_file():
            data = base64.b64encode(woff.read_bytes()).decode("ascii")
            rules.append(f"@font-face{{font-family:'Source Sans Pro';font-weight:{weight};"
                         f"font-style:{style};src:url(data:font/woff;base64,{data}) format('woff');}}")
    return "\n".join(rules)


def _style(css: str) -> str:
    """Return css as an inline <style> element (safe against a closing tag inside the text)."""
    return "<style>\n" + css.replace("</style", "<\\/style") + "\n</style>"


def _script_text(js: str) -> str:
    """Return JavaScript safe to place inside an inline <script> element."""
    return js.replace("</script", "<\\/script")


def slides_html(notebook: NotebookNode, reveal_dir: Path) -> str:
    """Return a self-contained reveal.js deck of an executed lesson, with every asset inlined."""
    body, _ = _exporter("slides").from_notebook_node(use_static_widgets(notebook))
    dist = reveal_dir / "dist"
    theme_css = (dist / "theme" / f"{REVEAL_THEME}.css").read_text(encoding="utf-8")
    theme_css = re.sub(r"@import url\([^)]*\);?", "", theme_css)
    replacements = {
        r'<link[^>]*href="NEWSTRACE_REVEAL/dist/reveal\.css"[^>]*>':
            _style((dist / "reveal.css").read_text(encoding="utf-8")),
        rf'<link[^>]*href="NEWSTRACE_REVEAL/dist/theme/{REVEAL_THEME}\.css"[^>]*>':
            _style(_font_faces(dist / "theme") + "\n" + theme_css + _SLIDES_CSS),
        r"<script>NEWSTRACE_REVEAL_JS</script>":
            "<script>" + _script_text((dist / "reveal.js").read_text(encoding="utf-8")) + "</script>",
        r"<script>NEWSTRACE_NOTES_JS</script>":
            "<script>" + _script_text((reveal_dir / "plugin" / "notes" / "notes.js")
                                      .read_text(encoding="utf-8")) + "</script>",
    }
    for marker, inline in replacements.items():
        body, count = re.subn(marker, lambda _match, inline=inline: inline, body, count=1)
        if count != 1:
            raise CourseBuildError(f"the slides template changed: {marker[:50]} not found; "
                                   "update newstrace/course.py for this nbconvert version")
    return body


def remote_references(markup: str) -> list[str]:
    """Return every script, stylesheet, image or import the page would load from the network."""
    patterns = (r"""<script[^>]*\bsrc\s*=\s*["']([^"']+)""",
                r"""<link[^>]*\bhref\s*=\s*["']([^"']+)""",
                r"""<img[^>]*\bsrc\s*=\s*["'](https?:[^"']+)""",
                r"""@import\s+(?:url\()?["']?(https?:[^"')]+)""",
                r"""\bimport\s*\(?\s*["'](https?:[^"']+)""",
                r"""\bfrom\s+["'](https?:[^"']+)""")
    found = []
    for pattern in patterns:
        found += [url for url in re.findall(pattern, markup, re.IGNORECASE)
                  if not url.startswith("data:")]
    return found


# ---------------------------------------------------------------- fetching reveal.js


def fetch_reveal(cache: Path) -> Path:
    """Return the reveal.js package folder, fetching it with `npm pack` into cache the first time."""
    target = cache / "reveal.js"
    if (target / "dist" / "reveal.js").is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise CourseBuildError("npm is not installed: install Node.js (apt-get install npm) so the "
                               f"build can fetch {REVEAL_PACKAGE} for the offline slide decks")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run([npm, "pack", REVEAL_PACKAGE, "--pack-destination", scratch],
                              check=False, capture_output=True, text=True, cwd=scratch)
        archives = list(Path(scratch).glob("*.tgz"))
        if done.returncode != 0 or not archives:
            raise CourseBuildError(f"npm pack {REVEAL_PACKAGE} failed: {done.stderr.strip()[-300:]}"
                                   " (the npm registry must be reachable once; then it is cached)")
        unpacked = Path(scratch) / "unpacked"
        with tarfile.open(archives[0]) as archive:
            archive.extractall(unpacked, **({"filter": "data"} if hasattr(tarfile, "data_filter")
                                             else {}))
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(unpacked / "package"), target)
    return target


# ---------------------------------------------------------------- Chromium


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


# ---------------------------------------------------------------- build steps


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
        f"li{{margin:0.8em 0}}</style></head><body><h1>newstrace: {heading}</h1><ol>"
        + "\n".join(items) + "</ol></body></html>\n", encoding="utf-8")


def build_lessons(out: Path, paths: Sequence[Path]) -> list[Path]:
    """Execute each lesson into out/<lesson>.ipynb and an offline out/<lesson>.html; return them."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        print(f"  executing {path.name}", flush=True)
        notebook = execute_notebook(path)
        problems = stderr_outputs(notebook)
        if problems:
            raise CourseBuildError(f"{path} printed to stderr: {problems[0][:300]}")
        executed = out / path.name
        nbformat.write(notebook, executed)
        executed.with_suffix(".html").write_text(lesson_html(notebook), encoding="utf-8")
        written.append(executed)
    _write_index(out, [lesson_info(path) for path in paths], ".html", "lessons")
    return written


def build_slides(out: Path, executed: Sequence[Path], cache: Path) -> list[Path]:
    """Write one offline reveal.js deck per executed lesson, plus index.html; return the decks."""
    reveal = fetch_reveal(cache)
    out.mkdir(parents=True, exist_ok=True)
    decks = []
    for path in executed:
        deck = out / f"{path.stem}.slides.html"
        deck.write_text(slides_html(nbformat.read(path, as_version=4), reveal), encoding="utf-8")
        decks.append(deck)
    _write_index(out, [lesson_info(path) for path in executed], ".slides.html", "slide decks")
    return decks


def build_handouts(out: Path, decks: Sequence[Path]) -> list[Path]:
    """Print each deck to PDF (one page per slide) with headless Chromium; return the PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for deck in decks:
        pdf = out / deck.name.replace(".slides.html", ".pdf")
        done = run_chromium(deck.resolve().as_uri() + "?print-pdf", "--virtual-time-budget=5000",
                            "--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}")
        if not pdf.is_file():
            raise CourseBuildError(f"Chromium did not print {deck}: {done.stderr.strip()[-300:]}")
        pdfs.append(pdf)
    return pdfs


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """Run one build step from the command line and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m newstrace.course", description=__doc__)
    parser.add_argument("step", choices=["lessons", "slides", "handouts", "clean", "check", "table"])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to use (default: every lesson in notebooks/)")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder (default: build/)")
    args = parser.parse_intermixed_args(argv)
    paths = args.notebooks or lesson_paths()
    lessons, slides = args.build / "lessons", args.build / "slides"
    try:
        if args.step == "lessons":
            written = build_lessons(lessons, paths)
            print(f"Wrote {len(written)} executed lessons (.ipynb and offline .html) to {lessons}/")
        elif args.step == "slides":
            executed = [lessons / path.name for path in paths]
            missing = [str(path) for path in executed if not path.is_file()]
            if missing:
                raise CourseBuildError(f"{missing[0]} is missing: run `make lessons` first")
            decks = build_slides(slides, executed, args.build / "vendor")
            print(f"Wrote {len(decks)} offline slide decks and index.html to {slides}/")
        elif args.step == "handouts":
            decks = [slides / f"{path.stem}.slides.html" for path in paths]
            pdfs = build_handouts(args.build / "handouts", decks)
            print(f"Wrote {len(pdfs)} PDF handouts to {args.build / 'handouts'}/")
        elif args.step == "clean":
            for path in clean_files(paths):
                print(f"cleaned {path}")
        elif args.step == "check":
            problems = {str(path): hygiene_problems(nbformat.read(path, as_version=4))
                        for path in paths}
            problems = {path: found for path, found in problems.items() if found}
            print(json.dumps(problems, indent=1) if problems else "All notebooks are clean.")
            return 1 if problems else 0
        else:
            print(lesson_table(paths))
    except CourseBuildError as err:
        print(f"newstrace.course {args.step}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
