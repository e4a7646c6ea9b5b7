"""Feedback of cells that ran after hidden tests: only what the student's own notebook already showed.

Once a hidden-test cell has run, its code is inside the student's interpreter: a hook, an audit
hook, a signal handler or a returned object's `__eq__` can keep it (its code object holds every
expected value), and any later cell of the student's can print it in any encoding, where no
filter of known lines could recognise it. So in feedback, a cell that ran after the first
hidden-test cell keeps its outputs only when they are the outputs saved for that cell in the
notebook the student submitted (which their own kernel made without the hidden tests, so they
carry nothing new); otherwise a test cell shows the grader's one-line verdict and any other cell
a note saying why its output is not shown. Cells before the first hidden test are not touched.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Unicode

from newstrace.grading.course import HIDDEN_BEGIN
from newstrace.grading.verdicts import cell_verdict, plain_traceback

RUN_SPECIFIC = re.compile(r"\[\d+\]|/tmp/ipykernel_\d+/\d+\.py")  # cell numbers, cell file names
LATE_NOTE = (
    "[output not shown in feedback: this cell ran after hidden tests, and its output is not the "
    "one saved in your submitted notebook; run the cell yourself to see it]\n"
)


class WithholdLateOutputs(NbGraderPreprocessor):
    """Withhold outputs of cells run after a hidden-test cell unless the submission already had them."""

    enabled = Bool(True, help="withhold late outputs the submission did not have").tag(config=True)
    submitted_folder = Unicode("", help="the student's submitted/<student>/<assignment>/").tag(
        config=True
    )

    def preprocess(self, nb: NotebookNode, resources: dict):
        """Replace late outputs that differ from the submitted notebook's."""
        if not self.enabled:
            return nb, resources
        name = resources.get("nbgrader", {}).get("notebook", "")
        saved = submitted_outputs(Path(self.submitted_folder) / f"{name}.ipynb", nb)
        late = False
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if HIDDEN_BEGIN in cell.source:
                late = True  # its own outputs are the grader's verdict (HideHiddenTests)
                continue
            if late and normal_outputs(cell.outputs) != saved.get(index):
                cell.outputs = [late_output(cell)]
        return nb, resources


def late_output(cell: NotebookNode) -> NotebookNode:
    """Return what a late cell shows instead: a test cell's verdict, else a note."""
    meta = cell.metadata.get("nbgrader", {})
    text = cell_verdict(cell, "Tests") if meta.get("grade") and not meta.get("solution") else LATE_NOTE
    return nbformat.v4.new_output("stream", name="stdout", text=text if text.endswith("\n") else text + "\n")


def submitted_outputs(path: Path, graded: NotebookNode) -> dict[int, list]:
    """Return {cell index in `graded`: normalised outputs} of the submitted notebook's same cells.

    A cell is matched by its id (else by position when both notebooks have as many cells) and
    only when its source is the same; an unreadable notebook has no outputs.
    """
    try:
        submitted = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 - no saved outputs then: every late output is withheld
        return {}
    by_id = {cell.get("id"): cell for cell in submitted.cells if cell.get("id")}
    same_length = len(submitted.cells) == len(graded.cells)
    found = {}
    for index, cell in enumerate(graded.cells):
        own = by_id.get(cell.get("id")) if cell.get("id") else None
        if own is None and same_length:
            own = submitted.cells[index]
        if own is not None and own.cell_type == "code" and own.source == cell.source:
            found[index] = normal_outputs(own.get("outputs", []))
    return found


def normal_outputs(outputs: list) -> list:
    """Return outputs as comparable tuples: streams of one name joined, counts and metadata left out."""
    found: list = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            text = "".join(output.get("text", ""))
            if found and found[-1][0] == "stream" and found[-1][1] == output.get("name"):
                found[-1] = ("stream", found[-1][1], found[-1][2] + text)
            else:
                found.append(("stream", output.get("name"), text))
        elif kind == "error":
            trace = RUN_SPECIFIC.sub("", plain_traceback(output))
            found.append(("error", output.get("ename"), output.get("evalue"), trace))
        else:
            data = {k: "".join(v) if isinstance(v, list) else v for k, v in output.get("data", {}).items()}
            found.append(("data", repr(sorted(data.items())), repr(output.get("metadata", {}))))
    return found
