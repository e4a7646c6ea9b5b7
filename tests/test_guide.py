"""The teaching guide: every glossary link resolves, every relative link in the guide exists, printable pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newstrace.course import guide

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "guide" / "glossary.md"
TERMS = ["attribution", "attribution verb", "partial quote", "nom de guerre", "anonymous source",
         "wire copy", "syndication", "churnalism", "shingle", "jaccard", "containment", "house style",
         "capture date and publication date", "lateral reading"]
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


def _anchors(markdown: str) -> set[str]:
    """Return the GitHub-style anchors of a Markdown file's headings."""
    return {guide._slug(line.lstrip("#")) for line in markdown.splitlines() if line.startswith("#")}


def _documents() -> list[Path]:
    """Return every Markdown file and notebook students or instructors read."""
    found = [ROOT / "README.md"]
    for folder, pattern in (("docs", "*.md"), ("guide", "*.md"), ("quiz", "*.md"), ("data", "**/*.md"),
                            ("notebooks", "*.ipynb"), ("instructor", "*.ipynb"), ("quiz", "*.ipynb")):
        found += sorted((ROOT / folder).glob(pattern))
    return [path for path in found if path.is_file()]


def _text(path: Path) -> str:
    """Return a file's readable text (a notebook's cell sources)."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(cell["source"]) for cell in cells)
    return path.read_text(encoding="utf-8")


def _links(path: Path) -> list[str]:
    """Return the link targets in a file."""
    return [a or b for a, b in LINK.findall(_text(path))]


def test_glossary_defines_every_term_of_the_issue():
    anchors = _anchors(GLOSSARY.read_text(encoding="utf-8"))
    assert {guide._slug(term) for term in TERMS} <= anchors


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_glossary_link_resolves(path: Path):
    anchors = _anchors(GLOSSARY.read_text(encoding="utf-8"))
    broken = [link for link in _links(path) if "glossary.md#" in link
              and ((path.parent / link.split("#")[0]).resolve() != GLOSSARY or link.split("#")[1] not in anchors)]
    assert broken == []


LESSONS = sorted((ROOT / "instructor").glob("*.ipynb")) + sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_in_a_lesson_resolves(path: Path):
    """A lesson's links into the repository (the guide, the glossary, docs) name a file and an anchor that exist."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    broken = []
    for link in [a or b for a, b in LINK.findall(markdown)]:
        if re.match(r"[a-z]+:", link) or link.startswith("#"):
            continue
        target, _, anchor = link.partition("#")
        resolved = (path.parent / target).resolve()
        if not resolved.exists() or (anchor and resolved.suffix == ".md"
                                     and anchor not in _anchors(resolved.read_text(encoding="utf-8"))):
            broken.append(link)
    assert broken == []


def test_the_lesson_link_check_would_catch_a_wrong_anchor():
    """The check above is not vacuous: the lessons link the guide, and a wrong anchor is not among its headings."""
    links = [link for path in LESSONS for link in _links(path) if "../guide/" in link]
    assert any("glossary.md#" in link for link in links) and any("README.md#" in link for link in links)
    assert "the-own-story-projekt" not in _anchors((ROOT / "guide" / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", sorted((ROOT / "guide").glob("*.md")) + [ROOT / "quiz" / "README.md"],
                         ids=lambda p: p.name)
def test_relative_links_in_the_guide_exist(page: Path):
    missing = []
    for link in _links(page):
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        resolved = (page.parent / target).resolve() if target else page
        if not resolved.exists():
            missing.append(link)
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved.read_text(encoding="utf-8")):
            missing.append(link)
    assert missing == []


def test_readme_links_the_unit():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("guide/README.md", "guide/glossary.md", "guide/rubrics.md", "quiz/README.md",
                   "data/cases/library-vote/README.md"):
        assert f"]({target}" in readme, target


def test_printable_pages_keep_anchors_and_link_each_other(tmp_path: Path):
    written = guide.build_guide(tmp_path)
    assert {path.name for path in written} == {f"{name}.html" for name in guide.PAGES}
    glossary = (tmp_path / "glossary.html").read_text(encoding="utf-8")
    assert 'id="partial-quote"' in glossary and "<style>" in glossary and "@media print" in glossary
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary.html#partial-quote"' in index and "<table>" in index
    for href in re.findall(r'href="([^"#]+)', index):
        assert (tmp_path / href).resolve().exists(), href
    assert "quiz-key" not in (tmp_path / "quiz-form-a.html").read_text(encoding="utf-8")
