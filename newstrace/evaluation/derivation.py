"""Measure how well `compare` separates derived copies from independent reports: `python -m newstrace.evaluation.derivation`.

Two sets of (original, copy) pairs, each labelled derived or not:

- the hand-written set in newstrace/evaluation/derivation_pairs.json (METER-corpus style: a wire story and
  newspaper articles wholly derived, partially derived or independently written about the same
  event; see its "about" field);
- synthetic pairs from `newstrace.syndication.synthetic.synthetic_corpus`: every derived kind against its base,
  and every *independent report* (the hard negative: same people, place, figures and titles, new
  wording) against its base;
- variants: `newstrace.syndication.synthetic.variants` of each hand-written wire story and of the case's full
  text, each against its source (the "independent report" and "unrelated" variants are the
  negatives; on real text they share almost nothing, so this set checks the derived kinds).

For each set it reports the ROC AUC of `score` (derived against not derived: the chance that a
random derived pair scores above a random independent one, ties counting half), the accuracy of
`relation != "unrelated"` as the prediction "derived", and the false-positive rate (share of the
non-derived pairs given a relation other than `unrelated`). Minimums are pinned in
newstrace/evaluation/derivation_minimums.json and checked by tests/evaluation/test_derivation.py.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newstrace.data import articles
from newstrace.syndication.comparison import compare
from newstrace.syndication.synthetic import synthetic_corpus, variants

PAIRS_FILE = Path(__file__).with_name("derivation_pairs.json")
MINIMUMS_FILE = Path(__file__).with_name("derivation_minimums.json")
SYNTHETIC_ARTICLES = 120
SYNTHETIC_INDEPENDENT_SHARE = 0.2
COLUMNS = ["pair", "kind", "derived", "score", "containment", "relation", "passages"]


@dataclass(frozen=True)
class Pair:
    """One (original, copy) pair with its label."""

    pair: str
    kind: str
    derived: bool
    original: str
    copy: str


def load_hand_pairs(path: Path = PAIRS_FILE) -> list[Pair]:
    """Return the hand-written wire/newspaper pairs (paragraphs joined one per line)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} not found: expected the hand-written derivation pairs") from None
    pairs = []
    for event in data["events"]:
        wire = "\n".join(event["wire"])
        for article in event["articles"]:
            pairs.append(Pair(f"{event['event']}/{article['label']}", article["label"],
                              bool(article["derived"]), wire, "\n".join(article["paragraphs"])))
    return pairs


def synthetic_pairs(n_articles: int = SYNTHETIC_ARTICLES, seed: int = 0,
                    independent_share: float = SYNTHETIC_INDEPENDENT_SHARE) -> list[Pair]:
    """Return the (base, derived) and (base, independent report) pairs of a synthetic corpus."""
    texts, truth = synthetic_corpus(n_articles, seed, independent_share=independent_share)
    return [Pair(f"{a}/{b}", kind, bool(derived), texts[a], texts[b])
            for a, b, kind, derived in zip(truth["a"], truth["b"], truth["kind"], truth["derived"])]


def variant_pairs(seed: int = 0) -> list[Pair]:
    """Return (text, variant) pairs for each hand-written wire story and the case's full text."""
    sources = {pair.pair.split("/")[0]: pair.original for pair in load_hand_pairs()}
    sources["full-text"] = articles().loc["full-text", "text"]
    return [Pair(f"{name}/{kind}", kind, kind not in ("independent report", "unrelated"), text, variant)
            for name, text in sources.items()
            for kind, variant in variants(text, seed).items() if kind != "identical"]


def derivation_scores(pairs: list[Pair] | None = None) -> pd.DataFrame:
    """Return one row per pair: label, compare's score, containment, relation, shared passages."""
    rows = []
    for pair in load_hand_pairs() if pairs is None else pairs:
        result = compare(pair.original, pair.copy)
        rows.append((pair.pair, pair.kind, pair.derived, result.score, result.containment,
                     result.relation, len(result.shared_passages)))
    return pd.DataFrame(rows, columns=COLUMNS)


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Return the ROC AUC of scores for labels (Mann-Whitney: ties count half); NaN without both classes."""
    positives = [s for s, label in zip(scores, labels) if label]
    negatives = [s for s, label in zip(scores, labels) if not label]
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def summary(table: pd.DataFrame) -> dict[str, float]:
    """Return AUC, accuracy, false- and true-positive rates of a derivation_scores table."""
    derived = table["derived"].astype(bool)
    predicted = table["relation"] != "unrelated"
    return {
        "pairs": int(len(table)),
        "auc": roc_auc(list(table["score"]), list(derived)),
        "accuracy": float((predicted == derived).mean()) if len(table) else float("nan"),
        "false positive rate": float(predicted[~derived].mean()) if (~derived).any() else float("nan"),
        "true positive rate": float(predicted[derived].mean()) if derived.any() else float("nan"),
    }


def evaluate(n_articles: int = SYNTHETIC_ARTICLES) -> dict[str, tuple[pd.DataFrame, dict[str, float]]]:
    """Return {set name: (per-pair table, summary)} for the hand-written, synthetic and variant sets."""
    results = {}
    for name, pairs in (("hand", load_hand_pairs()), ("synthetic", synthetic_pairs(n_articles)),
                        ("variants", variant_pairs())):
        table = derivation_scores(pairs)
        results[name] = (table, summary(table))
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the per-pair tables and summaries; an optional argument sets the synthetic corpus size."""
    args = sys.argv[1:] if argv is None else argv
    if args and not args[0].isdigit():
        print(f"usage: python -m newstrace.evaluation.derivation [N synthetic articles], got {args[0]!r}")
        return 2
    pd.set_option("display.width", 140)
    for name, (table, stats) in evaluate(int(args[0]) if args else SYNTHETIC_ARTICLES).items():
        print(f"== {name} ({stats['pairs']} pairs)")
        print(table.drop(columns="passages").round(3).to_string(index=False))
        print(pd.Series(stats).round(3).to_string(), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
