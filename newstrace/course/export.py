"""Executed lessons as offline pages: student HTML and self-contained reveal.js decks.

reveal.js is fetched once with `npm pack` into a cache and inlined into each deck (fonts too); no
script, style or font is loaded from a CDN, and widgets show their static HTML fallback.
"""

from __future__ import annotations

import base64
import copy
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from nbformat import NotebookNode

from newstrace.course.errors import CourseBuildError

REVEAL_PACKAGE = "reveal.js@4.0.2"
REVEAL_THEME = "white"
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
"""Every slide is laid out for a 1280×720 projector; a slide whose content is taller does not fit."""
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


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
  transition: "none", width: NEWSTRACE_WIDTH, height: NEWSTRACE_HEIGHT, margin: 0.02,
  pdfMaxPagesPerSlide: 1, pdfSeparateFragments: false,
  plugins: [RevealNotes]
});
</script>
{%- endblock footer_js -%}
"""

_SLIDES_CSS = """
.reveal .slides { text-align: left; }
.reveal figure img { max-height: 380px; width: auto; }
.reveal figcaption { font-size: 0.6em; line-height: 1.3; }
html.print-pdf .reveal .slides .pdf-page:last-of-type { page-break-after: avoid; break-after: avoid; }
.reveal .nt-static { font-size: 0.85em; }
.reveal .nt-static .nt-static-instructions > p:first-child { display: none; }
.reveal .nt-static .nt-slide-extra { display: none; }
.reveal .nt-static.nt-threshold-lab ul { display: none; }
.reveal .nt-static.nt-threshold-lab { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1em;
                                       align-items: start; }
.reveal .nt-static.nt-threshold-lab > p { grid-column: 1; }
.reveal .nt-static.nt-threshold-lab > figure { grid-column: 2; grid-row: 1 / span 6; }
.reveal .nt-static.nt-threshold-lab figure img { max-height: 320px; width: 100%; object-fit: contain; }
.reveal .nt-static .nt-slide-more { display: block; font-style: italic; }
.reveal details { font-size: 0.9em; }
.reveal h1, .reveal h2, .reveal h3 { text-transform: none; }
"""


def _exporter(kind: str):
    """Return an nbconvert exporter ('lesson' HTML or 'slides') using this module's offline template."""
    import jinja2
    from nbconvert import HTMLExporter, SlidesExporter

    if kind == "slides":
        template = (_SLIDES_TEMPLATE.replace("NEWSTRACE_WIDTH", str(SLIDE_WIDTH))
                    .replace("NEWSTRACE_HEIGHT", str(SLIDE_HEIGHT)))
        loader = jinja2.DictLoader({"newstrace_slides.html.j2": template})
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


def lesson_html(notebook: NotebookNode, notes: bool = False) -> str:
    """Return a self-contained, offline HTML page of an executed lesson (speaker notes only if notes)."""
    body, _ = _exporter("lesson").from_notebook_node(
        use_static_widgets(notebook if notes else without_speaker_notes(notebook)))
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
        staged = Path(tempfile.mkdtemp(prefix=".reveal-", dir=cache))
        shutil.move(str(unpacked / "package"), staged / "package")
        try:  # atomic: a build running at the same time either finds the whole package or none
            os.rename(staged / "package", target)
        except OSError:
            if not (target / "dist" / "reveal.js").is_file():
                raise
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    return target
