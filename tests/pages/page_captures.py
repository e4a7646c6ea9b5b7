"""Score `nt.clean` on the invented page captures in tests/data/page_captures against their line gold.

Run `python tests/pages/page_captures.py` to print every figure (`-v` also lists each wrong line, `--later`
or `--latest` scores the captures in later/ or latest/ instead);
tests/pages/test_page_captures.py gates them against tests/data/page_captures/minimums.json. A raw line
counts as removed when one removed piece covers all of it (a hard-wrapped paragraph is removed as one
piece, so each of its lines is covered); a `promo` piece that starts inside a line is an in-paragraph
teaser, scored against the gold's `teaser` column instead. The gold's fields are described in
tests/data/page_captures/README.md.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

import newstrace as nt

FOLDER = Path(__file__).resolve().parent.parent / "data" / "page_captures"
GOLD_FILE = FOLDER / "gold.csv"
MINIMUMS_FILE = FOLDER / "minimums.json"
LATER = FOLDER / "later"
"""Captures written after the first rule changes and scored once before the rules saw them (see the README)."""
LATEST = FOLDER / "latest"
"""Captures written after the second rule change and scored once before the rules saw them (see the README)."""


@dataclass(frozen=True)
class Line:
    """One gold line with what `clean` did to it."""

    file: str
    line: int
    text: str
    label: str
    reason: str | None


@cache
def text(name: str, folder: Path = FOLDER) -> str:
    """Return the page capture called name."""
    return nt.read_article(folder / f"{name}.txt")


def gold(folder: Path = FOLDER) -> pd.DataFrame:
    """Return the gold table (file, line, starts, label, teaser) with empty cells as ''."""
    return pd.read_csv(folder / GOLD_FILE.name, dtype={"line": int}, keep_default_na=False)


def minimums(folder: Path = FOLDER) -> dict[str, float]:
    """Return the pinned minimum of each figure on a folder's captures."""
    key = "minimums" if folder == FOLDER else f"{folder.name} minimums"
    return json.loads(MINIMUMS_FILE.read_text(encoding="utf-8"))[key]


def ratio(hits: int, total: int) -> float:
    """Return hits / total rounded to three places (1.0 when there is nothing to score)."""
    return round(hits / total, 3) if total else 1.0


def _line_spans(whole: str) -> dict[int, tuple[int, int]]:
    """Return {line number: (start, end)} of each non-blank raw line, surrounding spaces left out."""
    spans, offset = {}, 0
    for number, raw in enumerate(whole.split("\n")):
        if raw.strip():
            start = offset + len(raw) - len(raw.lstrip())
            spans[number] = (start, offset + len(raw.rstrip()))
        offset += len(raw) + 1
    return spans


def _is_teaser_cut(row, whole: str) -> bool:
    """Return True for a promo piece cut from inside a line (a teaser at a paragraph's end)."""
    return row.reason == "promo" and row.start > 0 and whole[:row.start].rstrip(" ")[-1:] not in ("\n", "")


def judged_lines(name: str, folder: Path = FOLDER) -> list[Line]:
    """Return every gold line of one capture with the reason `clean` removed it for (None: kept)."""
    whole, rows = text(name, folder), gold(folder).query("file == @name")
    removed = [row for row in nt.clean(whole).removed.itertuples() if not _is_teaser_cut(row, whole)]
    spans = _line_spans(whole)
    judged = []
    for row in rows.itertuples():
        start, end = spans[row.line]
        reason = next((cut.reason for cut in removed if cut.start <= start and cut.end >= end), None)
        judged.append(Line(name, row.line, whole[start:end], row.label, reason))
    return judged


def _normal(words: str) -> str:
    """Return text with its spacing normalised, for comparing teaser cuts across wrapped lines."""
    return " ".join(words.split())


def teaser_scores(folder: Path = FOLDER) -> dict[str, float]:
    """Return the share of gold in-paragraph teasers cut, and of teaser cuts that are gold teasers."""
    table = gold(folder)
    teasers = {(row.file, _normal(row.teaser)) for row in table.itertuples() if row.teaser}
    cuts = set()
    for name in sorted(set(table["file"])):
        whole = text(name, folder)
        cuts |= {(name, _normal(row.text)) for row in nt.clean(whole).removed.itertuples()
                 if _is_teaser_cut(row, whole)}
    found = sum(any(f == name and cut.startswith(teaser) for f, cut in cuts) for name, teaser in teasers)
    right = sum(any(f == name and cut.startswith(teaser) for f, teaser in teasers) for name, cut in cuts)
    return {"teaser recall": ratio(found, len(teasers)), "teaser precision": ratio(right, len(cuts))}


def all_lines(folder: Path = FOLDER) -> list[Line]:
    """Return the judged lines of every capture in the gold."""
    return [line for name in sorted(set(gold(folder)["file"])) for line in judged_lines(name, folder)]


def line_scores(lines: list[Line]) -> dict[str, float]:
    """Return clutter precision and recall, story kept, and reason accuracy over judged lines."""
    clutter = [line for line in lines if line.label != "story"]
    story = [line for line in lines if line.label == "story"]
    removed_right = [line for line in clutter if line.reason]
    removed_wrong = sum(line.reason is not None for line in story)
    reasons_right = sum(line.reason == line.label or (line.reason == "duplicate" and line.label == "headline")
                        for line in removed_right)
    return {"clutter precision": ratio(len(removed_right), len(removed_right) + removed_wrong),
            "clutter recall": ratio(len(removed_right), len(clutter)),
            "story kept": ratio(len(story) - removed_wrong, len(story)),
            "reason accuracy": ratio(reasons_right, len(removed_right))}


def all_scores(folder: Path = FOLDER) -> dict[str, float]:
    """Return every figure on the whole set."""
    return {**line_scores(all_lines(folder)), **teaser_scores(folder)}


def main(argv: list[str]) -> None:
    """Print the figures, per capture, and with -v every line judged wrongly (--later, --latest: those sets)."""
    folder = LATER if "--later" in argv else LATEST if "--latest" in argv else FOLDER
    lines = all_lines(folder)
    for name in sorted({line.file for line in lines}):
        figures = line_scores([line for line in lines if line.file == name])
        print(f"{name:28} " + "  ".join(f"{key} {value:.3f}" for key, value in figures.items()))
    print()
    for key, value in all_scores(folder).items():
        print(f"{key:18} {value:.3f}")
    if "-v" in argv:
        print()
        for line in lines:
            wrong = (line.reason is None) != (line.label == "story") or (line.reason and line.reason != line.label)
            if wrong:
                print(f"{line.file}:{line.line}  gold {line.label:12} got {line.reason or 'story':12} {line.text[:70]}")


if __name__ == "__main__":
    main(sys.argv[1:])
