"""Lateral reading: an evidence log a student fills in while checking a text against other sources.

Each row answers six questions: what was the open question, what did you search, where did you look,
what did you find, how do you know the finding is trustworthy, and how confident are you. The log is
saved as a CSV file the student hands in. The Try it checks of the lateral-reading lesson are here too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newstrace.practice.core import Exercise, register

COLUMNS = ("question", "searched", "looked_at", "found", "why_trustworthy", "confidence")
CONFIDENCE_LEVELS = ("low", "medium", "high")
CASE_TEXT_WORDS = ("full text", "full-text", "short copy", "short-copy", "re-report", "the article")
"""Words that show a student looked only at the case's own texts (reading vertically, not laterally)."""


class EvidenceLogError(ValueError):
    """A row of the evidence log is incomplete or its confidence is not one of the levels."""


def row_problem(row: dict[str, str]) -> str | None:
    """Return what is missing or wrong in one log row, or None when it is complete."""
    missing = [column for column in COLUMNS if not str(row.get(column, "")).strip()]
    if missing:
        return f"fill in {', '.join(missing)}: every column of the log says something"
    if str(row["confidence"]).strip().lower() not in CONFIDENCE_LEVELS:
        return f"confidence is {row['confidence']!r}; use one of {', '.join(CONFIDENCE_LEVELS)}"
    return None


class EvidenceLog:
    """A table of lateral-reading checks, one row per open question, saved to CSV."""

    def __init__(self, path: str | Path = "my-evidence-log.csv") -> None:
        """Start an empty log that saves to path (a CSV file the student hands in)."""
        self.path = Path(path)
        self.rows: list[dict[str, str]] = []

    def add(self, question: str, searched: str, looked_at: str, found: str, why_trustworthy: str,
            confidence: str) -> EvidenceLog:
        """Add one checked question; raise EvidenceLogError naming what is missing."""
        row = dict(zip(COLUMNS, (question, searched, looked_at, found, why_trustworthy, confidence)))
        problem = row_problem(row)
        if problem:
            raise EvidenceLogError(f"evidence log: {problem}")
        row["confidence"] = row["confidence"].strip().lower()
        self.rows.append(row)
        return self

    @property
    def table(self) -> pd.DataFrame:
        """Return the log as a table, one row per question."""
        return pd.DataFrame(self.rows, columns=list(COLUMNS))

    def save(self) -> Path:
        """Write the log to its CSV file and return the path."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.table.to_csv(self.path, index=False)
        return self.path

    @classmethod
    def load(cls, path: str | Path) -> EvidenceLog:
        """Read a saved log back; raise EvidenceLogError when the file lacks a column."""
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [column for column in COLUMNS if column not in table.columns]
        if missing:
            raise EvidenceLogError(f"{path} is not an evidence log: no column {', '.join(missing)}")
        log = cls(path)
        log.rows = table[list(COLUMNS)].to_dict("records")
        return log

    def _repr_html_(self) -> str:
        """Show the log as a table in Jupyter."""
        return self.table.to_html(index=False)


def _check_log_row(value: object) -> str | None:
    """Try it 6.2: the log has a complete row whose source lies outside the case's texts."""
    table = value.table if isinstance(value, EvidenceLog) else value
    if not isinstance(table, pd.DataFrame):
        return f"you gave a {type(value).__name__}; give the log itself (`log`)."
    if table.empty:
        return "the log is still empty: call `log.add(...)` with all six answers."
    for row in table.to_dict("records"):
        problem = row_problem(row)
        if problem:
            return problem + "."
        if any(word in str(row["looked_at"]).lower() for word in CASE_TEXT_WORDS):
            return ("you looked inside the case's own texts. Lateral reading leaves the page: name "
                    "the outside source you opened (a library catalogue, an archive, an encyclopedia).")
        if str(row["why_trustworthy"]).strip().lower() in {"it is true", "trust me", "yes", "because"}:
            return ("say *why* the source you used can be trusted: who runs it, how it checks facts, "
                    "or that two independent sources agree.")
    return None


def _person_paragraphs() -> tuple[str, tuple[int, ...]]:
    """Return the active case's first person to read laterally (their search word) and the full text's paragraphs naming them."""
    import newstrace as nt
    from newstrace.casebook import case_notes

    word = case_notes().first_person.search_word
    paragraphs = nt.article("full-text").splitlines()
    return word, tuple(number for number, paragraph in enumerate(paragraphs, start=1) if word in paragraph)


def _check_person_paragraphs(value: object) -> str | None:
    """Try it 6.1: the paragraph numbers (from 1) in which the full text names the case's first person to read."""
    word, expected = _person_paragraphs()
    if isinstance(value, (set, tuple, range)):
        value = sorted(value)
    if not isinstance(value, list):
        return f"you gave a {type(value).__name__}; give a list of paragraph numbers."
    if value == list(expected):
        return None
    if value == [number - 1 for number in expected]:
        return "every number is one too small: count paragraphs from 1, `enumerate(paragraphs, start=1)`."
    if set(value) < set(expected):
        return (f"some are missing. After the first mention a story often uses only the surname: search "
                f"for `person.search_word` (\"{word}\"), not the full name.")
    return f"keep the number of every paragraph that contains `person.search_word` (\"{word}\")."


def _check_low_confidence(value: object) -> str | None:
    """Try it 6.3: the rows of a log table whose confidence is low."""
    if isinstance(value, pd.Series) and value.dtype == bool:
        return "that is the condition (True/False per row). Put it inside `table[...]`."
    if not isinstance(value, pd.DataFrame):
        return f"you gave a {type(value).__name__}; give the rows of the table (a DataFrame)."
    if "confidence" not in value.columns:
        return "keep every column; filter only the rows."
    if value.empty:
        return "no rows: the levels are written in small letters, `\"low\"`."
    if set(value["confidence"]) != {"low"}:
        return "some kept rows are not `\"low\"`: compare the column with `== \"low\"`."
    return None


register(Exercise("6.1", "the numbers (from 1) of the full text's paragraphs that name the person to read laterally",
                  _check_person_paragraphs,
                  "Loop with `enumerate(paragraphs, start=1)` and keep the number when "
                  "`person.search_word in paragraph`.",
                  "named = [number for number, paragraph in enumerate(paragraphs, start=1)\n"
                  "         if person.search_word in paragraph]"))
register(Exercise("6.2", "a log with one complete row that checks a question outside the case's texts",
                  _check_log_row,
                  "`log.add(question=..., searched=..., looked_at=..., found=..., why_trustworthy=..., "
                  "confidence=\"low\" | \"medium\" | \"high\")`. `looked_at` names a source off the page.",
                  'log.add(question=f"Who is {person.name}?", searched=person.search, looked_at=person.where,\n'
                  '        found=person.found, why_trustworthy=person.why_trustworthy, confidence=person.confidence)'))
register(Exercise("6.3", "the rows of the log table whose confidence is \"low\"", _check_low_confidence,
                  "Filter as in lesson 2: `table[table[\"confidence\"] == \"low\"]`.",
                  'unsure = table[table["confidence"] == "low"]'))
