"""Fit the weights of `nt.compare`'s score by logistic regression: one command, a few parameters.

Usage: .venv/bin/python benchmarks/fit_derivation_score.py CLOUGH_PATH [--write]

Training pairs (original, copy, derived or not), three sets:
- the Clough & Stevenson corpus of plagiarised short answers, a local copy at CLOUGH_PATH (see
  benchmarks/eval_derivation_dev.py): each answer against its own task's source (derived: near
  copy, light or heavy revision; not derived: written independently on the same topic) and
  against the other four sources (unrelated);
- newstrace/evaluation/derivation_pairs.json and rewrite_pairs.json, written for this project:
  news articles wholly, partially or heavily rewritten from a wire story, and independent reports
  of the same event (not derived); every wire story against the other events' articles is an
  unrelated pair.

Features: `Comparison.word_containment` and `Comparison.phrase_containment` (see
newstrace.syndication.comparison). Each set weighs the same in the fit, and inside a set the derived pairs weigh
as much as the others, of which same-topic texts carry three quarters and unrelated ones a
quarter: the hard negatives decide where the line goes. The fit is plain iteratively reweighted
least squares with a small ridge penalty (no library needed), so it is exactly reproducible.

Prints the weights, the ROC AUC per set of the fitted score and of 1-word containment, and the
share of each set's pairs the relation rules call derived at REWRITE_MIN_LIKELIHOOD. With
--write, records the fit in benchmarks/derivation_score_fit.json; copy the printed constants
into newstrace/syndication/derivation_score.py (tests check the two agree).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import newstrace as nt
from newstrace.evaluation.derivation import PAIRS_FILE, REWRITES_FILE, load_hand_pairs, roc_auc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_derivation_dev import load_pairs, word_containment  # noqa: E402

compare_module = importlib.import_module("newstrace.syndication.derivation_score")
ROOT = Path(__file__).resolve().parent.parent
HAND_SETS = {"news pairs": PAIRS_FILE, "news rewrites": REWRITES_FILE}
FIT_FILE = Path(__file__).resolve().parent / "derivation_score_fit.json"
FEATURES = ("word_containment", "phrase_containment")
RIDGE = 0.01
HARD_NEGATIVE_WEIGHT = 0.75


@dataclass(frozen=True)
class Example:
    """One training pair: its set, label, kind, measures and compare's results."""

    set: str
    derived: bool
    hard: bool  # a same-topic negative (not an unrelated pair)
    measures: tuple[float, ...]
    derived_share: float
    baseline: float


def example(set_name: str, original: str, copy: str, derived: bool, hard: bool) -> Example:
    """Return the training example of one pair."""
    result = nt.compare(original, copy)
    return Example(set_name, derived, hard, tuple(getattr(result, name) for name in FEATURES),
                   result.derived_share, word_containment(original, copy))


def hand_examples(name: str, path: Path) -> list[Example]:
    """Return a hand-written set's pairs, plus every wire story against other events' articles."""
    pairs = load_hand_pairs(path)
    wires = {pair.pair.split("/")[0]: pair.original for pair in pairs}
    found = [example(name, p.original, p.copy, p.derived, not p.derived) for p in pairs]
    found += [example(name, wire, p.copy, False, False) for event, wire in wires.items()
              for p in pairs if p.pair.split("/")[0] != event]
    return found


def examples(clough: Path) -> list[Example]:
    """Return every training example of the three sets."""
    found = [example("clough", p.source_text, p.answer_text, p.derived, p.category == "non")
             for p in load_pairs(clough)]
    for name, path in HAND_SETS.items():
        found += hand_examples(name, path)
    return found


def sample_weights(data: list[Example]) -> np.ndarray:
    """Return per-example weights: each set sums to 2, half derived, half not (module docstring)."""
    weights = np.zeros(len(data))
    for name in dict.fromkeys(e.set for e in data):
        groups = {"derived": [i for i, e in enumerate(data) if e.set == name and e.derived],
                  "hard": [i for i, e in enumerate(data) if e.set == name and not e.derived and e.hard],
                  "unrelated": [i for i, e in enumerate(data) if e.set == name and not e.derived and not e.hard]}
        shares = {"derived": 1.0, "hard": HARD_NEGATIVE_WEIGHT, "unrelated": 1 - HARD_NEGATIVE_WEIGHT}
        for group, members in groups.items():
            if members:
                weights[members] = shares[group] / len(members)
    return weights * len(data) / weights.sum()


def fit_logistic(features: np.ndarray, labels: np.ndarray, weights: np.ndarray,
                 ridge: float = RIDGE) -> np.ndarray:
    """Return (weights..., intercept) of a weighted ridge logistic regression, by Newton steps."""
    design = np.hstack([features, np.ones((len(features), 1))])
    penalty = np.diag([ridge] * features.shape[1] + [0.0])
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (weights * (labels - p)) - penalty @ beta
        hessian = design.T @ (design * (weights * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def scores(beta: np.ndarray, data: list[Example]) -> list[float]:
    """Return compare's score for each example under the fitted weights (floor: derived_share)."""
    z = np.array([e.measures for e in data]) @ beta[:-1] + beta[-1]
    return [max(float(p), e.derived_share) for p, e in zip(1 / (1 + np.exp(-z)), data)]


def figures(beta: np.ndarray, data: list[Example]) -> dict[str, dict[str, float]]:
    """Return per set: AUC derived vs all, vs same-topic, baseline AUCs, rates called derived."""
    fitted = scores(beta, data)
    result = {}
    for name in dict.fromkeys(e.set for e in data):
        chosen = [i for i, e in enumerate(data) if e.set == name]
        topic = [i for i in chosen if data[i].derived or data[i].hard]
        labels = [data[i].derived for i in chosen]
        threshold = compare_module.REWRITE_MIN_LIKELIHOOD
        result[name] = {
            "pairs": len(chosen),
            "auc derived vs all": roc_auc([fitted[i] for i in chosen], labels),
            "auc derived vs same-topic": roc_auc([fitted[i] for i in topic], [data[i].derived for i in topic]),
            "baseline auc derived vs all": roc_auc([data[i].baseline for i in chosen], labels),
            "baseline auc derived vs same-topic": roc_auc([data[i].baseline for i in topic],
                                                          [data[i].derived for i in topic]),
            "derived scoring >= threshold": float(np.mean([fitted[i] >= threshold for i in chosen if data[i].derived])),
            "same-topic scoring >= threshold": float(np.mean([fitted[i] >= threshold for i in topic if not data[i].derived])),
        }
    return result


def fit(data: list[Example]) -> np.ndarray:
    """Return the fitted (weights..., intercept) for the examples."""
    return fit_logistic(np.array([e.measures for e in data]), np.array([e.derived for e in data], float),
                        sample_weights(data))


def leave_one_set_out(data: list[Example]) -> dict[str, tuple[float, float]]:
    """Return per set the AUCs (vs all, vs same-topic) of a fit made without that set."""
    result = {}
    for name in dict.fromkeys(e.set for e in data):
        figures_ = figures(fit([e for e in data if e.set != name]), [e for e in data if e.set == name])[name]
        result[name] = (figures_["auc derived vs all"], figures_["auc derived vs same-topic"])
    return result


def main(argv: list[str] | None = None) -> int:
    """Fit, print the weights and figures, and with --write record them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clough", type=Path, help="folder of the Clough & Stevenson corpus")
    parser.add_argument("--write", action="store_true", help=f"record the fit in {FIT_FILE.name}")
    args = parser.parse_args(argv)
    data = examples(args.clough)
    beta = fit(data)
    weights = {name: round(float(value), 2) for name, value in zip(FEATURES, beta[:-1])}
    intercept = round(float(beta[-1]), 2)
    rounded = np.array([*weights.values(), intercept])
    results = figures(rounded, data)
    print(f"SCORE_WEIGHTS = {weights!r}\nSCORE_INTERCEPT = {intercept!r}")
    for name, values in results.items():
        print(f"{name}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                     for k, v in values.items()))
    held_out = leave_one_set_out(data)
    for name, values in held_out.items():
        print(f"{name}, fitted without it: auc derived vs all {values[0]:.3f}, vs same-topic {values[1]:.3f}")
    in_module = (compare_module.SCORE_WEIGHTS, compare_module.SCORE_INTERCEPT)
    if in_module != (weights, intercept):
        print(f"newstrace/syndication/derivation_score.py has {in_module}: copy the constants above into it")
    if args.write:
        FIT_FILE.write_text(json.dumps({
            "about": "Written by benchmarks/fit_derivation_score.py --write; newstrace/syndication/derivation_score.py's "
                     "SCORE_WEIGHTS and SCORE_INTERCEPT must equal these (tests/syndication/test_rewrites.py).",
            "features": list(FEATURES), "weights": weights, "intercept": intercept,
            "ridge": RIDGE, "hard_negative_weight": HARD_NEGATIVE_WEIGHT, "figures": results,
            "held out": {name: {"auc derived vs all": a, "auc derived vs same-topic": b}
                         for name, (a, b) in held_out.items()},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {FIT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
