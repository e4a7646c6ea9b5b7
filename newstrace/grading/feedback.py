"""Feedback HTML that works offline and, by default, keeps hidden tests hidden.

nbgrader's GenerateFeedback does the work (scores from the gradebook, its feedback template); two
extra preprocessors run before the HTML export:
- HideHiddenTests replaces the code between the hidden-test markers with a one-line note and shortens
  the error of such a cell to its name and message (a traceback would quote the hidden lines);
- ScrubSecrets withholds any output that quotes a hidden-test line (a submission can hook IPython
  to print the code of the cells run after it, and the kernel does receive hidden tests to run).
Afterwards every <script>/<link> that loads from the network (MathJax from a CDN) is removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbformat import NotebookNode
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor
from traitlets import Bool, List, Unicode
from traitlets.config import Config

from newstrace.grading.course import HIDDEN_BEGIN, HIDDEN_END, folder, with_overrides

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
REMOTE_TAG = re.compile(
    r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>|<link[^>]*\bhref=[\"']https?://[^>]*>",
    re.IGNORECASE,
)
WITHHELD = "[output withheld by the grader: it quoted the code of hidden tests]\n"


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
    """Replace hidden-test code with a note and reduce such cells' errors to name: message."""

    enabled = Bool(True, help="hide the code of hidden tests in feedback").tag(config=True)
    begin = Unicode(HIDDEN_BEGIN).tag(config=True)
    end = Unicode(HIDDEN_END).tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        """Hide one cell's hidden tests when it has any."""
        if self.enabled and cell.cell_type == "code" and self.begin in cell.source:
            cell.source = hide_between(cell.source, self.begin, self.end)
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


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
    """Remove <script src=http...> and <link href=http...> tags so the page never goes online."""
    return REMOTE_TAG.sub("", html)


def feedback_folder(config: Config, student: str, assignment: str) -> Path:
    """Return feedback/<student>/<assignment>/ of the course."""
    root = Path(config.CourseDirectory.root)
    return root / folder(config, "feedback_directory", "feedback") / student / assignment


def feedback_config(config: Config, secrets: tuple[str, ...], show_hidden: bool) -> Config:
    """Return the course config with the feedback preprocessors set up."""
    preprocessors = [GetGrades, HideHiddenTests, ScrubSecrets, CSSHTMLHeaderPreprocessor]
    return with_overrides(
        config,
        GenerateFeedback={"preprocessors": preprocessors, "exporter_class": FeedbackHTMLExporter},
        HideHiddenTests={"enabled": not show_hidden},
        ScrubSecrets={"secret_lines": list(secrets)},
    )


def write_feedback(
    config: Config, student: str, assignment: str, secrets: tuple[str, ...], show_hidden: bool
) -> str:
    """Write feedback HTML for one autograded submission; return an error message or ''."""
    api = NbGraderAPI(config=feedback_config(config, secrets, show_hidden))
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
    config: Config, student: str, assignment: str, names: list[str], message: str
) -> None:
    """Write a feedback page per notebook explaining why the submission was not graded."""
    target = feedback_folder(config, student, assignment)
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        nb = nbformat.v4.new_notebook()
        text = f"# {name}: not graded\n\n{message}\n\nAsk your instructor what to do next."
        nb.cells = [nbformat.v4.new_markdown_cell(text)]
        html, _ = FeedbackHTMLExporter(template_name="lab").from_notebook_node(nb)
        (target / f"{name}.html").write_text(strip_remote_resources(html), encoding="utf-8")
