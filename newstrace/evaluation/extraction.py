"""Score the extractors against the hand-made gold in data/annotations/: `python -m newstrace.evaluation.extraction`.

Every score is a `Score(hits, total)` for one text, so the overall row adds hits and totals over the
texts (micro-average). Metrics live in the `METRICS` list; to add one, write a function
`(case: EvalCase) -> Score` and append `Metric("name", function)` to `METRICS` (or call `register`),
then pin its minimum in newstrace/evaluation/extraction_minimums.json.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from newstrace.attribution.quotes import SPEECH_KINDS, extract_quotes
from newstrace.data import MAIN_CASE, articles, current_case, read_annotation
from newstrace.evaluation.sources import source_type_hits

OVERALL = "overall"
MINIMUMS_FILE = Path(__file__).with_name("extraction_minimums.json")


def minimums_file(case: str | None = None) -> Path:
    """Return the pinned-minimums file of a case: extraction_minimums.json for the main case, else extraction_minimums.<case>.json."""
    case = current_case() if case is None else case
    return MINIMUMS_FILE if case == MAIN_CASE else MINIMUMS_FILE.with_name(f"extraction_minimums.{case}.json")


@dataclass(frozen=True)
class Score:
    """Hits out of total; value is None when there is nothing to score."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """Return hits / total, or None when total is 0."""
        return self.hits / self.total if self.total else None

    def __add__(self, other: Score) -> Score:
        """Return the pooled score of two texts."""
        return Score(self.hits + other.hits, self.total + other.total)


@dataclass
class EvalCase:
    """One gold text: its id, its raw text, and (computed once) the extractor's quotes and the gold."""

    text_id: str
    text: str
    gold_quotes: pd.DataFrame

    @cached_property
    def predicted_quotes(self) -> pd.DataFrame:
        """Return nt.extract_quotes on this text."""
        return extract_quotes(self.text)


@dataclass(frozen=True)
class Metric:
    """A named metric: a function from one EvalCase to a Score."""

    name: str
    score: Callable[[EvalCase], Score]


def load_gold_quotes() -> pd.DataFrame:
    """Return data/annotations/quotes.csv with empty speaker and verb cells as None."""
    gold = read_annotation("quotes.csv", "the quote evaluation")
    for column in ("paragraph", "start", "end"):
        gold[column] = gold[column].astype(int)
    for column in ("speaker", "verb"):
        gold[column] = pd.Series([value or None for value in gold[column]], dtype=object)
    return gold


def _spans(frame: pd.DataFrame, kinds: tuple[str, ...] | None = SPEECH_KINDS) -> set[tuple[int, int]]:
    """Return the (start, end) spans of rows whose kind is in kinds (all rows if kinds is None)."""
    rows = frame if kinds is None else frame[frame["kind"].isin(kinds)]
    return set(zip(rows["start"], rows["end"]))


def quote_precision(case: EvalCase) -> Score:
    """Return predicted speech quotes (direct/partial) whose exact span is a gold speech quote."""
    predicted, gold = _spans(case.predicted_quotes), _spans(case.gold_quotes)
    return Score(len(predicted & gold), len(predicted))


def quote_recall(case: EvalCase) -> Score:
    """Return gold speech quotes (direct/partial) found with their exact span."""
    predicted, gold = _spans(case.predicted_quotes), _spans(case.gold_quotes)
    return Score(len(predicted & gold), len(gold))


def _name_words(name: str | None) -> list[str]:
    """Return the words of a speaker name, lower-cased, without determiners, hyphens or punctuation."""
    if name is None:
        return []
    words = re.sub(r"[-\u2010\u2011]", " ", name.lower()).replace("\u2019", "'").split()
    return [w.strip(".,'") for w in words if w not in {"a", "an", "the"}]


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Return True if two speakers match: both None, or one's words all appear in the other's in order."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    short, long = sorted((_name_words(predicted), _name_words(gold)), key=len)
    if not short:
        return False
    positions = iter(long)
    return all(word in positions for word in short)


def speaker_accuracy(case: EvalCase) -> Score:
    """Return gold speech quotes, found with their exact span, whose predicted speaker matches the gold one."""
    gold = case.gold_quotes[case.gold_quotes["kind"].isin(SPEECH_KINDS)]
    predicted = {(r.start, r.end): r.speaker for r in case.predicted_quotes.itertuples()}
    found = [(predicted[(r.start, r.end)], r.speaker) for r in gold.itertuples() if (r.start, r.end) in predicted]
    return Score(sum(same_speaker(p, g) for p, g in found), len(found))


def kind_accuracy(case: EvalCase) -> Score:
    """Return quotes of any kind found with their exact span whose kind (direct/partial/term/title) matches."""
    predicted = {(r.start, r.end): r.kind for r in case.predicted_quotes.itertuples()}
    found = [(predicted[(r.start, r.end)], r.kind) for r in case.gold_quotes.itertuples() if (r.start, r.end) in predicted]
    return Score(sum(p == g for p, g in found), len(found))


def source_type_accuracy(case: EvalCase) -> Score:
    """Return gold sources (sources.csv) that nt.sources finds with the gold type; misses count as wrong."""
    return Score(*source_type_hits(case.text_id, case.text))


METRICS: list[Metric] = [
    Metric("quote precision", quote_precision),
    Metric("quote recall", quote_recall),
    Metric("speaker accuracy", speaker_accuracy),
    Metric("kind accuracy", kind_accuracy),
    Metric("source-type accuracy", source_type_accuracy),
]
"""The metrics the gate checks, in table order. Add yours with register() or a line here."""


def register(metric: Metric) -> Metric:
    """Add a metric to METRICS (replacing one with the same name) and return it."""
    METRICS[:] = [m for m in METRICS if m.name != metric.name] + [metric]
    return metric


def eval_cases() -> list[EvalCase]:
    """Return one EvalCase per case text that has gold quotes."""
    gold = load_gold_quotes()
    table = articles()
    return [EvalCase(text_id, table.loc[text_id, "text"], gold[gold["text"] == text_id].reset_index(drop=True))
            for text_id in table.index]


def evaluate(cases: list[EvalCase] | None = None) -> pd.DataFrame:
    """Return a table of scores: one row per text plus 'overall', one column per metric (None = nothing to score)."""
    cases = eval_cases() if cases is None else cases
    rows = {}
    totals = {metric.name: Score(0, 0) for metric in METRICS}
    for case in cases:
        rows[case.text_id] = {}
        for metric in METRICS:
            score = metric.score(case)
            rows[case.text_id][metric.name] = score.value
            totals[metric.name] = totals[metric.name] + score
    rows[OVERALL] = {name: score.value for name, score in totals.items()}
    counts = {case.text_id: (len(case.gold_quotes), len(case.predicted_quotes)) for case in cases}
    counts[OVERALL] = tuple(sum(c[i] for c in counts.values()) for i in (0, 1))
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.insert(0, "predicted", [counts[i][1] for i in table.index])
    table.insert(0, "gold", [counts[i][0] for i in table.index])
    return table


def load_minimums(path: Path = MINIMUMS_FILE) -> dict[str, dict[str, float]]:
    """Return the pinned minimums: {text id or 'overall': {metric name: minimum}}."""
    return json.loads(path.read_text(encoding="utf-8"))["minimums"]


def below_minimums(table: pd.DataFrame, minimums: dict[str, dict[str, float]]) -> list[str]:
    """Return one line per pinned score that is missing or below its minimum."""
    problems = []
    for text_id, pins in minimums.items():
        for name, minimum in pins.items():
            value = table[name][text_id] if text_id in table.index and name in table.columns else None
            if value is None or pd.isna(value) or value < minimum - 1e-9:
                problems.append(f"{text_id} {name}: {value} is below the pinned minimum {minimum}")
    return problems


def format_table(table: pd.DataFrame) -> str:
    """Return the score table as aligned text with scores to three decimals."""
    shown = table.copy()
    for column in shown.columns[2:]:
        shown[column] = shown[column].map(lambda v: "n/a" if v is None or pd.isna(v) else f"{v:.3f}")
    return shown.to_string()


def main() -> int:
    """Print the evaluation table and any score below its pinned minimum; return 1 if any."""
    table = evaluate()
    print(format_table(table))
    pins = minimums_file()
    problems = below_minimums(table, load_minimums(pins)) if pins.exists() else []
    for line in problems:
        print("BELOW MINIMUM:", line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
