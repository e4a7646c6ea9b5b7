"""The pre/post check: items, the answer file a student hands in, printable forms and the class report.

The items (quiz/items.json) are two parallel forms, A and B, of ten scenario questions, two per
objective; the answer key lives on the instructor side (guide/quiz-key.json), never beside the
student files. A student's answers are one JSON file:

    {"quiz": "newstrace-check", "student": "...", "form": "A", "moment": "pre", "answers": {"A1": "c", ...}}

`class_report(folder, key)` reads every *.json file of a folder and returns the share right per
objective before and after, plus every file it could not use and every student missing a moment:
bad or missing files are listed, never dropped silently.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
ITEMS_FILE = ROOT / "quiz" / "items.json"
KEY_FILE = ROOT / "guide" / "quiz-key.json"
QUIZ_TAG = "newstrace-check"
FORMS = ("A", "B")
MOMENTS = ("pre", "post")


def load_items(path: Path = ITEMS_FILE) -> tuple[dict[str, str], list[dict]]:
    """Return (objectives {id: description}, items) from the items file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["objectives"], data["items"]


def load_key(path: Path = KEY_FILE) -> dict[str, str]:
    """Return the answer key {item id: letter}, or raise FileNotFoundError saying where it belongs."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"answer key {path} not found: pass --key with the instructor's quiz-key.json")
    return json.loads(path.read_text(encoding="utf-8"))["key"]


def answer_record(student: str, form: str, moment: str, answers: dict[str, str]) -> dict:
    """Return the answer file's content for one student's sitting."""
    return {"quiz": QUIZ_TAG, "student": student.strip(), "form": form, "moment": moment,
            "answers": dict(sorted(answers.items()))}


def answer_file_name(student: str, moment: str) -> str:
    """Return a safe file name for a student's answers: check-<name>-<moment>.json."""
    slug = re.sub(r"[^a-z0-9]+", "-", student.lower()).strip("-") or "student"
    return f"check-{slug}-{moment}.json"


def save_answers(record: dict, folder: str | Path = ".") -> Path:
    """Write an answer record to folder and return its path."""
    problem = record_problem(record, {item["id"] for item in load_items()[1]})
    if problem:
        raise ValueError(problem)
    path = Path(folder) / answer_file_name(record["student"], record["moment"])
    path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def record_problem(record: object, item_ids: set[str]) -> str | None:
    """Return why an answer record cannot be used, or None if it can."""
    if not isinstance(record, dict) or record.get("quiz") != QUIZ_TAG:
        return "not a newstrace check answer file"
    if not str(record.get("student", "")).strip():
        return "no student name"
    if record.get("form") not in FORMS:
        return f"form is {record.get('form')!r}, expected A or B"
    if record.get("moment") not in MOMENTS:
        return f"moment is {record.get('moment')!r}, expected pre or post"
    answers = record.get("answers")
    if not isinstance(answers, dict):
        return "no answers"
    foreign = sorted(k for k in answers if k not in item_ids or not k.startswith(record["form"]))
    if foreign:
        return f"answers to items not on form {record['form']}: {', '.join(foreign)}"
    return None


@dataclass
class ClassReport:
    """Per-objective shares right before and after, and every file or sitting that is missing or bad."""

    table: pd.DataFrame
    sittings: pd.DataFrame
    bad_files: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def text(self) -> str:
        """Return the report as plain text for the terminal."""
        counts = self.sittings["moment"].value_counts()
        lines = [f"Answer files used: {counts.get('pre', 0)} pre, {counts.get('post', 0)} post.", ""]
        shown = self.table.copy()
        for column, style in (("pre", "{:.0%}"), ("post", "{:.0%}"), ("change", "{:+.0%}")):
            shown[column] = shown[column].map(lambda v, style=style: "-" if pd.isna(v) else style.format(v))
        lines.append(shown.to_string())
        if self.bad_files:
            lines += ["", f"Files not used ({len(self.bad_files)}):"]
            lines += [f"  {name}: {why}" for name, why in self.bad_files]
        if self.missing:
            lines += ["", f"Missing ({len(self.missing)}):"] + [f"  {line}" for line in self.missing]
        return "\n".join(lines)


def read_answer_files(folder: str | Path, item_ids: set[str]) -> tuple[list[dict], list[tuple[str, str]]]:
    """Return (usable records with their file name, [(file, why not used)]) for a folder's *.json files."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder: give the folder of the class's answer files")
    records, bad = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            bad.append((path.name, f"not readable JSON ({type(err).__name__})"))
            continue
        problem = record_problem(record, item_ids)
        if problem:
            bad.append((path.name, problem))
        else:
            records.append({**record, "file": path.name})
    return records, bad


def _missing_sittings(records: list[dict]) -> list[str]:
    """Return one line per student without a pre or post file, or with the same form twice."""
    by_student: dict[str, dict[str, dict]] = {}
    lines = []
    for record in records:
        sittings = by_student.setdefault(record["student"], {})
        if record["moment"] in sittings:
            lines.append(f"{record['student']}: two {record['moment']} files "
                         f"({sittings[record['moment']]['file']}, {record['file']}); both are counted")
        sittings[record["moment"]] = record
    for student, sittings in sorted(by_student.items()):
        for moment in MOMENTS:
            if moment not in sittings:
                lines.append(f"{student}: no {moment}-test file")
        if len(sittings) == 2 and sittings["pre"]["form"] == sittings["post"]["form"]:
            lines.append(f"{student}: took form {sittings['pre']['form']} twice (the post-test should be the other form)")
    return lines


def class_report(folder: str | Path, key: dict[str, str] | None = None,
                 items_path: Path = ITEMS_FILE) -> ClassReport:
    """Return the class report for a folder of answer files, scored with the key."""
    objectives, items = load_items(items_path)
    key = load_key() if key is None else key
    records, bad = read_answer_files(folder, {item["id"] for item in items})
    objective_of = {item["id"]: item["objective"] for item in items}
    rows = []
    for record in records:
        for item in (i for i in items if i["form"] == record["form"]):
            rows.append({"student": record["student"], "moment": record["moment"],
                         "objective": objective_of[item["id"]],
                         "right": record["answers"].get(item["id"]) == key[item["id"]]})
    scored = pd.DataFrame(rows, columns=["student", "moment", "objective", "right"])
    shares = scored.groupby(["objective", "moment"])["right"].mean().unstack() if rows else pd.DataFrame()
    table = pd.DataFrame(index=pd.Index(list(objectives), name="objective"))
    for moment in MOMENTS:
        table[moment] = shares[moment] if moment in shares else float("nan")
    table["change"] = table["post"] - table["pre"]
    table.insert(0, "description", [objectives[o] for o in table.index])
    sittings = pd.DataFrame([{k: r[k] for k in ("student", "form", "moment", "file")} for r in records],
                            columns=["student", "form", "moment", "file"])
    return ClassReport(table, sittings, bad, _missing_sittings(records))


def report_chart(report: ClassReport):
    """Return a Chart of the share right per objective, before and after, with alt text."""
    from newstrace.plots.style import Chart, colour, hatch, new_figure

    figure, axes = new_figure()
    objectives = list(report.table.index)
    positions = range(len(objectives))
    for index, moment in enumerate(MOMENTS):
        values = report.table[moment].fillna(0) * 100
        axes.barh([p + (0.2 if moment == "pre" else -0.2) for p in positions], values, height=0.4,
                  color=colour(index), hatch=hatch(index), edgecolor="black", label=f"{moment}-test")
    axes.set_yticks(list(positions), objectives)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("answers right (%)")
    axes.set_title("Pre/post check: share of answers right per objective")
    axes.legend(loc="lower right")
    parts = [f"{o}: {_percent(row.pre)} before, {_percent(row.post)} after"
             for o, row in report.table.iterrows()]
    alt = "Horizontal bar chart of the share of answers right per objective, before and after: " + "; ".join(parts) + "."
    return Chart(figure, alt)


def _percent(value: float) -> str:
    """Return a share as a whole percentage, or 'no answers'."""
    return "no answers" if pd.isna(value) else f"{value:.0%}"


def printable(form: str, items_path: Path = ITEMS_FILE) -> str:
    """Return a printable Markdown page for one form, with blanks for the answers and no key."""
    objectives, items = load_items(items_path)
    lines = [f"# Pre/post check, form {form}", "",
             "About 15 minutes. Circle one letter per question. Name: ______________________  "
             "Date: ____________  Pre-test / Post-test (circle one)", ""]
    for number, item in enumerate((i for i in items if i["form"] == form), 1):
        lines.append(f"## {number}. ({item['id']})")
        lines.append("")
        lines += [f"> {line}" if line else ">" for line in item["prompt"].split("\n")]
        lines.append("")
        lines += [f"- **{letter})** {choice}" for letter, choice in item["choices"].items()]
        lines.append("")
    lines.append("*CC BY 4.0. The answer key is in the instructor's teaching guide, not on this page.*")
    return "\n".join(lines) + "\n"


def take_check(folder: str | Path = ".", items_path: Path = ITEMS_FILE):
    """Return a widget to sit the check: name, form, pre/post, one choice per item, and Save.

    Save writes the answer file to folder and says its name; it never shows right or wrong, since
    the key stays with the instructor.
    """
    import ipywidgets as w

    _, items = load_items(items_path)
    name = w.Text(description="Your name")
    form = w.ToggleButtons(options=list(FORMS), description="Form")
    moment = w.ToggleButtons(options=list(MOMENTS), description="When")
    questions = w.VBox()
    choices: dict[str, w.RadioButtons] = {}
    status = w.HTML()

    def show_form(_change: object = None) -> None:
        """Show the items of the chosen form."""
        choices.clear()
        boxes = []
        for number, item in enumerate((i for i in items if i["form"] == form.value), 1):
            radio = w.RadioButtons(options=[(f"{k}) {v}", k) for k, v in item["choices"].items()],
                                   value=None, layout=w.Layout(width="auto"))
            choices[item["id"]] = radio
            prompt = item["prompt"].replace("\n", "<br>")
            boxes.append(w.VBox([w.HTML(f"<b>{number}.</b> {prompt}"), radio]))
        questions.children = boxes

    def save(_button: object) -> None:
        """Write the answer file, or say what is missing."""
        if not name.value.strip():
            status.value = "Type your name first."
            return
        answers = {item_id: radio.value for item_id, radio in choices.items() if radio.value}
        path = save_answers(answer_record(name.value, form.value, moment.value, answers), folder)
        unanswered = len(choices) - len(answers)
        status.value = (f"Saved <code>{path.name}</code> ({len(answers)} answered"
                        + (f", {unanswered} left blank" if unanswered else "") + "). Hand in this file.")

    form.observe(show_form, names="value")
    button = w.Button(description="Save my answers", button_style="primary")
    button.on_click(save)
    show_form()
    return w.VBox([name, form, moment, questions, button, status])


def write_printables(folder: Path = ITEMS_FILE.parent) -> list[Path]:
    """Write quiz/form-a.md and form-b.md from the items and return their paths."""
    paths = []
    for form in FORMS:
        path = Path(folder) / f"form-{form.lower()}.md"
        path.write_text(printable(form), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_printables():
        print(written)
