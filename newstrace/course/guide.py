"""Printable HTML pages of the teaching guide, glossary, rubrics and quiz forms: `make guide`.

mistune (already installed with nbconvert, which renders notebook Markdown with it) turns each
Markdown page into a standalone HTML page with a print stylesheet; links between the pages are
pointed at their HTML versions, so the folder works offline. Print to PDF from the browser.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

import mistune

ROOT = Path(__file__).resolve().parent.parent.parent
PAGES = {
    "index": ROOT / "guide" / "README.md",
    "glossary": ROOT / "guide" / "glossary.md",
    "rubrics": ROOT / "guide" / "rubrics.md",
    "quiz-form-a": ROOT / "quiz" / "form-a.md",
    "quiz-form-b": ROOT / "quiz" / "form-b.md",
}
STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top}
blockquote{border-left:4px solid #0072B2;margin-left:0;padding-left:1em}code{background:#f3f3f3}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}h2,h3{break-after:avoid}tr{break-inside:avoid}}"""


def _slug(text: str) -> str:
    """Return the anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text.strip().lower()))


class _Renderer(mistune.HTMLRenderer):
    """HTML renderer whose headings carry GitHub-style ids, so #anchors work in the HTML too."""

    def heading(self, text: str, level: int, **attrs: object) -> str:
        """Return a heading with an id made from its text."""
        plain = re.sub(r"<[^>]+>", "", text)
        return f'<h{level} id="{_slug(html.unescape(plain))}">{text}</h{level}>\n'


def _relink(body: str, source: Path, out: Path) -> str:
    """Point links to the other guide pages at their HTML files, and other relative links at the repo."""
    pages = {path.resolve(): f"{name}.html" for name, path in PAGES.items()}

    def relink(match: re.Match) -> str:
        """Return the href for one relative link."""
        target, anchor = match.group(1), match.group(2) or ""
        if not target:
            return match.group(0)
        resolved = (source.parent / target).resolve()
        page = pages.get(resolved) or os.path.relpath(resolved, out.resolve())
        return f'href="{page}{anchor}"'

    return re.sub(r'href="(?![a-z]+:|#)([^"#]*)(#[^"]*)?"', relink, body)


def render(markdown: str, title: str, source: Path, out: Path) -> str:
    """Return a standalone, printable HTML page for a Markdown file's text, to be written to out."""
    body = mistune.create_markdown(renderer=_Renderer(escape=False), plugins=["table"])(markdown)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n{_relink(body, source, out)}</body></html>\n")


def build_guide(out: Path) -> list[Path]:
    """Write every guide page as HTML into out and return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, source in PAGES.items():
        text = source.read_text(encoding="utf-8")
        title = next((line.lstrip("# ") for line in text.splitlines() if line.startswith("# ")), name)
        path = out / f"{name}.html"
        path.write_text(render(text, title, source, out), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "guide"
    pages = build_guide(target)
    print(f"Wrote {len(pages)} printable guide pages to {target}/ (open index.html; print to PDF from the browser)")
