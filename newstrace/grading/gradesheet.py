"""grades.csv: one row per student and assignment, in RFC 4180 CSV that spreadsheets and LMSs import."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

STATUSES = ("ok", "review", "unreadable", "tampered", "timeout", "error")


@dataclass(frozen=True)
class GradeRow:
    """One student's result on one assignment."""

    student: str
    assignment: str
    score: float  # autogradable points earned
    max_score: float  # autogradable points available
    manual_points_pending: float  # points of cells that wait for a person
    status: str  # one of STATUSES
    message: str


COLUMNS = tuple(f.name for f in fields(GradeRow))


def points(value: float | None) -> float:
    """Return a point value rounded for the sheet (None counts as 0)."""
    return round(float(value or 0.0), 2)


def gradebook_points(db_url: str, student: str, assignment: str) -> tuple[float, float, float]:
    """Return (score, max_score, manual_points_pending) of a submission, from the gradebook."""
    score = max_score = pending = 0.0
    with Gradebook(db_url) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return 0.0, 0.0, 0.0
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code":
                    score += grade.score or 0.0
                    max_score += grade.max_score or 0.0
                elif grade.needs_manual_grade and grade.manual_score is None:
                    pending += grade.max_score or 0.0
    return points(score), points(max_score), points(pending)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def format_value(value: object) -> str:
    """Return a cell's text: numbers without a needless .0, text on one line, never a formula.

    Text that a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
    return) gets a leading apostrophe, as OWASP's CSV-injection advice says.
    """
    if isinstance(value, float):
        return f"{value:g}"
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unneutralised(text: str) -> str:
    """Return a cell's text as it was before format_value guarded it against formulas."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def to_csv(rows: list[GradeRow]) -> str:
    """Return the rows as RFC 4180 CSV (CRLF line ends, quotes where needed), sorted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: (r.assignment, r.student)):
        writer.writerow(format_value(v) for v in asdict(row).values())
    return buffer.getvalue()


def write_grades(path: Path, rows: list[GradeRow]) -> None:
    """Write grades.csv atomically (UTF-8, no BOM), replacing rows of the same student+assignment."""
    merged = {(r.student, r.assignment): r for r in read_grades(path)}
    merged.update({(r.student, r.assignment): r for r in rows})
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".grades-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(to_csv(list(merged.values())))
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def read_grades(path: Path) -> list[GradeRow]:
    """Return the rows of an existing grades.csv (none when it is missing)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    records = [{k: unneutralised(v) for k, v in r.items()} for r in records]
    return [
        GradeRow(
            r["student"],
            r["assignment"],
            float(r["score"]),
            float(r["max_score"]),
            float(r["manual_points_pending"]),
            r["status"],
            r["message"],
        )
        for r in records
    ]
