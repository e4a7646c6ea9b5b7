"""Feedback HTML that works offline, loads nothing, and by default keeps hidden tests hidden.

nbgrader's GenerateFeedback does the work (scores from the gradebook, its feedback template);
extra preprocessors run before the HTML export:
- WithholdLateOutputs (late_outputs.py) keeps the outputs of a cell that ran after the first
  hidden-test cell only when the submitted notebook already had them;
- HideHiddenTests replaces the code between the hidden-test markers with a one-line note and every
  output of such a cell with one line written by the grader: passed, or failed with the exception's
  type name (only when it is a built-in exception) and the instructor's own message of the assert
  that failed, read from the grader's copy of the test source. Student code runs in the same
  interpreter as the tests, so anything the kernel printed, displayed or raised there (an
  exception message, a traceback, a hook's output) is the student's and is never shown;
- ScrubSecrets withholds any other output that quotes a hidden-test line in plain text;
- SanitizeStudentHTML cleans HTML and markdown with bleach (nbconvert's SanitizeHTML): no scripts,
  frames or styles sheets, images only as data: URIs.
Every page then gets a Content-Security-Policy that forbids every network load and every script,
and the <script>/<link> tags that would load from the network (MathJax from a CDN) are removed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import bleach
import jinja2
import nbformat
from bleach.css_sanitizer import CSSSanitizer
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbformat import NotebookNode
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor
from traitlets import Bool, List, Unicode
from traitlets.config import Config

from newstrace.grading.course import HIDDEN_BEGIN, HIDDEN_END, folder, submitted_dir, with_overrides
from newstrace.grading.late_outputs import WithholdLateOutputs
from newstrace.grading.verdicts import ANSI, hidden_test_verdict

REMOTE_TAG = re.compile(
    r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>|<link[^>]*\bhref=[\"']https?://[^>]*>",
    re.IGNORECASE,
)
WITHHELD = "[output withheld by the grader: it quoted the code of hidden tests]\n"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "script-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; "
    "form-action 'none'; base-uri 'none'"
)
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
SAFE_TAGS = frozenset(
    "a abbr b blockquote br caption code dd div dl dt em h1 h2 h3 h4 h5 h6 hr i img li ol p pre "
    "span strong sub sup table tbody td tfoot th thead tr u ul".split()
)
SAFE_ATTRIBUTES = {
    "*": ["class", "style", "title"],
    "img": ["src", "alt", "width", "height"],
    "td": ["colspan", "rowspan", "align"],
    "th": ["colspan", "rowspan", "align"],
    "table": ["border"],
}


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory, keyed by template and checked against its source."""

    def __init__(self) -> None:
        """Start empty."""
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill the bucket from memory (jinja discards it if the template's source changed)."""
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a newly compiled template."""
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = MemoryBytecodeCache()


class FeedbackHTMLExporter(HTMLExporter):
    """nbconvert's HTMLExporter whose templates are compiled once per process, not once per page."""

    def _create_environment(self) -> jinja2.Environment:
        """Return nbconvert's template environment, sharing this process's compiled templates."""
        environment = super()._create_environment()
        environment.bytecode_cache = TEMPLATE_CACHE
        return environment


class HideHiddenTests(NbGraderPreprocessor):
    """Replace hidden-test code with a note and the cell's outputs with the grader's own verdict."""

    enabled = Bool(True, help="hide the code of hidden tests in feedback").tag(config=True)
    begin = Unicode(HIDDEN_BEGIN).tag(config=True)
    end = Unicode(HIDDEN_END).tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        """Hide one cell's hidden tests when it has any."""
        if self.enabled and cell.cell_type == "code" and self.begin in cell.source:
            verdict = hidden_test_verdict(cell)
            cell.source = hide_between(cell.source, self.begin, self.end)
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=verdict + "\n")]
        return cell, resources


class SanitizeStudentHTML(SanitizeHTML):
    """nbconvert's bleach-based sanitiser with a small allowlist and images only as data: URIs."""

    enabled = Bool(True, help="sanitise student HTML in feedback").tag(config=True)

    def sanitize_html_tags(self, html_str: str) -> str:
        """Return `html_str` with every tag, attribute and URL outside the allowlist removed."""
        return bleach.clean(
            html_str,
            tags=SAFE_TAGS,
            attributes=SAFE_ATTRIBUTES,
            protocols=["data"],
            strip=True,
            strip_comments=True,
            css_sanitizer=CSSSanitizer(),
        )


def hide_between(source: str, begin: str, end: str) -> str:
    """Return `source` with each marked block replaced by a one-line note."""
    kept, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(f"{indent}# (hidden tests: their code is not shown; their result is)")
        elif end in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


class ScrubSecrets(NbGraderPreprocessor):
    """Withhold outputs that quote any line students never received."""

    secret_lines = List(Unicode(), help="lines that must not appear in outputs").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        """Replace each output that quotes a secret line by a short notice."""
        if cell.cell_type == "code" and self.secret_lines:
            cell.outputs = [self.scrub(output) for output in cell.get("outputs", [])]
        return cell, resources

    def scrub(self, output: NotebookNode) -> NotebookNode:
        """Return the output, or a notice in its place when it quotes a secret line."""
        text = output_text(output)
        if any(line in text for line in self.secret_lines):
            return nbformat.v4.new_output("stream", name="stdout", text=WITHHELD)
        return output


def output_text(output: NotebookNode) -> str:
    """Return all the text one output carries, without ANSI colour codes."""
    parts = [output.get("text", ""), output.get("ename", ""), output.get("evalue", "")]
    parts += output.get("traceback", [])
    parts += [v for v in output.get("data", {}).values() if isinstance(v, str)]
    parts += ["".join(v) for v in output.get("data", {}).values() if isinstance(v, list)]
    return ANSI.sub("", "\n".join(str(p) for p in parts))


def strip_remote_resources(html: str) -> str:
    """Remove <script src=http...> and <link href=http...> tags and add a CSP forbidding any load."""
    html = REMOTE_TAG.sub("", html)
    return HEAD.sub(lambda m: m.group(0) + CSP_META, html, count=1)


def feedback_folder(config: Config, student: str, assignment: str) -> Path:
    """Return feedback/<student>/<assignment>/ of the course."""
    root = Path(config.CourseDirectory.root)
    return root / folder(config, "feedback_directory", "feedback") / student / assignment


def feedback_config(
    config: Config, secrets: tuple[str, ...], show_hidden: bool, submitted: Path | None = None
) -> Config:
    """Return the course config with the feedback preprocessors set up (`submitted`: the student's folder)."""
    preprocessors = [
        GetGrades,
        WithholdLateOutputs,  # before HideHiddenTests, which rewrites the hidden-test cells
        HideHiddenTests,
        ScrubSecrets,
        SanitizeStudentHTML,
        CSSHTMLHeaderPreprocessor,
    ]
    return with_overrides(
        config,
        GenerateFeedback={"preprocessors": preprocessors, "exporter_class": FeedbackHTMLExporter},
        HideHiddenTests={"enabled": not show_hidden},
        WithholdLateOutputs={"enabled": not show_hidden, "submitted_folder": str(submitted or "")},
        ScrubSecrets={"secret_lines": list(secrets)},
    )


def write_feedback(
    config: Config, student: str, assignment: str, secrets: tuple[str, ...], show_hidden: bool
) -> str:
    """Write feedback HTML for one autograded submission; return an error message or ''."""
    submitted = submitted_dir(config) / student / assignment
    api = NbGraderAPI(config=feedback_config(config, secrets, show_hidden, submitted))
    result = api.generate_feedback(assignment, student, force=True)
    if not result["success"]:
        return (result.get("error") or "nbgrader could not write feedback").strip().splitlines()[-1]
    make_offline(feedback_folder(config, student, assignment))
    return ""


def make_offline(folder_path: Path) -> None:
    """Strip remote resources from every HTML file in a feedback folder."""
    for page in folder_path.glob("*.html"):
        page.write_text(strip_remote_resources(page.read_text(encoding="utf-8")), encoding="utf-8")


def write_notice(
    config: Config, student: str, assignment: str, names: list[str], message: str, held: bool = False
) -> None:
    """Write a feedback page per notebook explaining why the submission was not graded (or is held)."""
    target = feedback_folder(config, student, assignment)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        nb = nbformat.v4.new_notebook()
        title = "held for review by your instructor" if held else "not graded"
        text = f"# {name}: {title}\n\n{message}\n\nAsk your instructor what to do next."
        nb.cells = [nbformat.v4.new_markdown_cell(text)]
        html, _ = FeedbackHTMLExporter(template_name="lab").from_notebook_node(nb)
        (target / f"{name}.html").write_text(strip_remote_resources(html), encoding="utf-8")
