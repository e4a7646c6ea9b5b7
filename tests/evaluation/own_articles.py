"""Score the library on invented articles and page captures (tests/data/own_articles) against hand-made gold.

Run `python tests/evaluation/own_articles.py` to print every figure, group by group; tests/evaluation/test_own_articles.py
gates them against the pinned minimums in tests/evaluation/own_articles_minimums.json. The gold files and their fields are
described in tests/data/own_articles_gold/README.md.

The texts fall in groups (`groups.csv` in the gold folder; a text it does not list is in `original`): `original` was
written alongside the rules, `styles` in news styles the first set lacked, scored before the rules were changed for it.
Each group is scored on its own texts only, so a new group cannot move the old group's figures.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pandas as pd

import newstrace as nt
from newstrace.attribution.diff import FLAGGED as DRIFT_STATUSES

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "data" / "own_articles"
GOLD = HERE.parent / "data" / "own_articles_gold"
MINIMUMS_FILE = HERE / "own_articles_minimums.json"
ORIGINAL = "original"


@cache
def text(name: str) -> str:
    """Return the invented article or page capture called name."""
    return nt.read_article(ARTICLES / f"{name}.txt")


def gold(kind: str) -> pd.DataFrame:
    """Return one gold table (clutter, sources, quotes, credits, drifts, rereports, teasers) with empty cells as ''."""
    return pd.read_csv(GOLD / f"{kind}.csv", dtype=str, keep_default_na=False)


def group_of() -> dict[str, str]:
    """Return the group of every text in the set (`original` unless groups.csv says otherwise)."""
    listed = dict(gold("groups")[["file", "group"]].itertuples(index=False))
    return {path.stem: listed.get(path.stem, ORIGINAL) for path in sorted(ARTICLES.glob("*.txt"))}


def groups() -> list[str]:
    """Return the groups, `original` first."""
    return sorted(set(group_of().values()), key=lambda group: (group != ORIGINAL, group))


def group_files(group: str) -> set[str]:
    """Return the names of the texts in one group."""
    return {name for name, of in group_of().items() if of == group}


def _in_group(table: pd.DataFrame, files: set[str]) -> pd.DataFrame:
    """Return the gold rows about texts in the group (by `file`, or by `original` for pair tables)."""
    column = "file" if "file" in table else "original"
    return table[table[column].isin(files)]


def ratio(hits: int, total: int) -> float:
    """Return hits / total rounded to three places (1.0 when there is nothing to score)."""
    return round(hits / total, 3) if total else 1.0


def _lines(name: str) -> list[tuple[int, str]]:
    """Return (line number, line) for the non-blank lines of a text, as nt.clean numbers them."""
    return [(number, line) for number, line in enumerate(text(name).split("\n")) if line.strip()]


def _is_teaser_cut(row, whole: str) -> bool:
    """Return True for a removal that cuts a teaser off the end of a story line, not a whole line."""
    return row.reason == "promo" and row.start > 0 and whole[row.start - 1] not in "\n"


def teaser_scores(files: set[str]) -> dict[str, float]:
    """Return the share of in-paragraph teasers cut, and of cuts that are teasers (precision)."""
    table = _in_group(gold("teasers"), files)
    found = cuts = right = 0
    for name in sorted(files):
        teasers = list(table.loc[table["file"] == name, "teaser"])
        removed = nt.clean(text(name)).removed
        cut = [row.text for row in removed.itertuples() if _is_teaser_cut(row, text(name))]
        cuts += len(cut)
        right += sum(any(piece.startswith(teaser) for teaser in teasers) for piece in cut)
        found += sum(any(piece.startswith(teaser) for piece in cut) for teaser in teasers)
    return {"teaser recall": ratio(found, len(table)), "teaser precision": ratio(right, cuts)}


def clutter_scores(files: set[str]) -> dict[str, float]:
    """Return line-level precision and recall of clutter removal and the accuracy of its reasons."""
    table = _in_group(gold("clutter"), files)
    removed_right = removed_wrong = missed = reasons_right = 0
    for name, rows in table.groupby("file", sort=False):
        labels = dict(zip(rows["starts"], rows["label"]))
        removed = {row.line: row.reason for row in nt.clean(text(name)).removed.itertuples()
                   if not _is_teaser_cut(row, text(name))}
        for number, line in _lines(name):
            label = next((labels[start] for start in labels if line.startswith(start)), "story")
            reason = removed.get(number)
            if label == "story":
                removed_wrong += reason is not None
            elif reason is None:
                missed += 1
            else:
                removed_right += 1
                reasons_right += reason == label or (reason == "duplicate" and label == "headline")
    return {"clutter precision": ratio(removed_right, removed_right + removed_wrong),
            "clutter recall": ratio(removed_right, removed_right + missed),
            "clutter reason accuracy": ratio(reasons_right, removed_right)}


def _found_source(predicted: pd.DataFrame, match: str) -> pd.Series | None:
    """Return the predicted source whose name holds the gold's match words, or None."""
    hits = predicted[predicted["source"].str.contains(match, case=False, regex=False)]
    return None if hits.empty else hits.iloc[0]


def source_scores(files: set[str]) -> dict[str, float]:
    """Return recall of the gold sources, accuracy of their types and recall of stated conditions."""
    table = _in_group(gold("sources"), files)
    found = typed = conditions = conditions_total = 0
    matched_predictions = predictions = 0
    for name, rows in table.groupby("file", sort=False):
        predicted = nt.sources(text(name))
        predictions += len(predicted)
        for row in rows.itertuples():
            source = _found_source(predicted, row.match)
            conditions_total += bool(row.condition)
            if source is None:
                continue
            found += 1
            typed += source["type"] == row.type
            conditions += bool(row.condition) and row.condition.lower() in str(source["condition"]).lower()
        matched_predictions += sum(any(match.lower() in source.lower() for match in rows["match"])
                                   for source in predicted["source"])
    return {"source recall": ratio(found, len(table)),
            "source precision": ratio(matched_predictions, predictions),
            "source type accuracy": ratio(typed, found),
            "condition recall": ratio(conditions, conditions_total)}


def quote_scores(files: set[str]) -> dict[str, float]:
    """Return recall of the gold quotations and the accuracy of their speakers."""
    table = _in_group(gold("quotes"), files)
    found = speakers = 0
    for name, rows in table.groupby("file", sort=False):
        predicted = nt.extract_quotes(text(name))
        for row in rows.itertuples():
            hits = predicted[predicted["quote"].str.strip() == row.quote.strip()]
            if hits.empty:
                continue
            found += 1
            speaker = hits.iloc[0]["speaker"]
            speakers += isinstance(speaker, str) and (
                speaker.lower() in row.speaker.lower() or row.speaker.lower() in speaker.lower())
    return {"quote recall": ratio(found, len(table)), "speaker accuracy": ratio(speakers, found)}


def _same_credit(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Return True if two (outlet, kind) credits are of one kind and one outlet name holds the other."""
    return a[1] == b[1] and (a[0].lower() in b[0].lower() or b[0].lower() in a[0].lower())


def credit_scores(files: set[str]) -> dict[str, float]:
    """Return recall and precision of (outlet, kind) credits (every text of the group counts for precision)."""
    table = _in_group(gold("credits"), files)
    found = predicted_total = predicted_right = 0
    for name in sorted(files):
        rows = table[table["file"] == name]
        predicted = nt.credits(text(name))
        pairs = set(zip(predicted["outlet"], predicted["kind"]))
        wanted = set(zip(rows["outlet"], rows["kind"]))

        found += sum(any(_same_credit(w, p) for p in pairs) for w in wanted)
        predicted_total += len(pairs)
        predicted_right += sum(any(_same_credit(w, p) for w in wanted) for p in pairs)
    return {"credit recall": ratio(found, len(table)), "credit precision": ratio(predicted_right, predicted_total)}


def _opens_with(sentence: str, start: str) -> bool:
    """Return True if a sentence opens with the gold's first characters (opening quote marks ignored)."""
    return sentence.lstrip("\"\u201c").startswith(start.lstrip("\"\u201c"))


def drift_scores(files: set[str]) -> dict[str, float]:
    """Return precision and recall of check-copy's flagged rows against the gold drifts, and how often the kind is right.

    A flagged row is right when it opens like a gold row; `drift kind recall` is the share of the
    gold rows found whose kind is among the kinds given for them.
    """
    table = gold("drifts")
    flagged_right = flagged = found = kinds_right = 0
    for pair in _in_group(gold("rereports"), files).itertuples():
        rows = table[(table["original"] == pair.original) & (table["copy"] == pair.copy)]
        diff = nt.attribution_diff(text(pair.original), text(pair.copy))
        drifted = diff[diff["status"].isin(DRIFT_STATUSES)]
        flagged += len(drifted)
        flagged_right += sum(any(_opens_with(sentence, start) for start in rows["starts"])
                             for sentence in drifted["copy_text"])
        for row in rows.itertuples():
            hits = drifted[[_opens_with(sentence, row.starts) for sentence in drifted["copy_text"]]]
            found += not hits.empty
            kinds_right += any(row.kind in kinds.split("; ") for kinds in hits["kind"])
    return {"drift precision": ratio(flagged_right, flagged), "drift recall": ratio(found, len(table)),
            "drift kind recall": ratio(kinds_right, found)}


def _families(files: set[str]) -> list[str]:
    """Return the figure families a group has gold for (a group of plain articles has no clutter or drifts)."""
    tables = {"clutter": "clutter", "teasers": "clutter", "sources": "sources", "quotes": "quotes",
              "credits": "credits", "drifts": "rereports"}
    return [family for family, table in tables.items() if not _in_group(gold(table), files).empty]


def all_scores(group: str = ORIGINAL) -> dict[str, float]:
    """Return every figure of one group of the regression set."""
    files = group_files(group)
    scorers = {"clutter": clutter_scores, "teasers": teaser_scores, "sources": source_scores,
               "quotes": quote_scores, "credits": credit_scores, "drifts": drift_scores}
    return {metric: value for family in _families(files) for metric, value in scorers[family](files).items()}


def minimums(group: str = ORIGINAL) -> dict[str, float]:
    """Return the pinned minimums of one group (the `original` group's are `minimums`)."""
    pinned = json.loads(MINIMUMS_FILE.read_text())
    return pinned["minimums"] if group == ORIGINAL else pinned.get("group minimums", {}).get(group, {})


if __name__ == "__main__":
    for name in groups():
        pinned = minimums(name) if MINIMUMS_FILE.exists() else {}
        print(f"group {name} ({len(group_files(name))} texts)")
        for metric, value in all_scores(name).items():
            print(f"  {metric:26} {value:.3f}   (minimum {pinned.get(metric, float('nan')):.3f})")
    sys.exit(0)
