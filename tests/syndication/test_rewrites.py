"""compare on heavy rewrites of agency copy: the hand-written regression set newstrace/evaluation/rewrite_pairs.json.

A short newspaper piece written from a wire story keeps names, numbers, one quote and a few
phrases and rewords the rest; it must score high and be called derived. Another reporter's
report of the same event must score low and be `unrelated`. Also checks that the score's weights
in newstrace/compare.py are the ones benchmarks/fit_derivation_score.py recorded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newstrace as nt
from newstrace.syndication.derivation_score import REWRITE_MIN_LIKELIHOOD, SCORE_INTERCEPT, SCORE_WEIGHTS
from newstrace.evaluation.derivation import REWRITES_FILE, derivation_scores, load_hand_pairs, roc_auc

ROOT = Path(__file__).resolve().parents[2]
PAIRS = REWRITES_FILE


@pytest.fixture(scope="module")
def table():
    """Return compare's results on every pair of the rewrite set."""
    return derivation_scores(load_hand_pairs(PAIRS))


def test_set_has_every_kind_for_every_event(table) -> None:
    """Six events, each with a heavy rewrite, a news brief and an independent report."""
    assert table["kind"].value_counts().to_dict() == {"heavy rewrite": 6, "news in brief": 6, "independent": 6}


def test_heavy_rewrites_and_briefs_are_called_derived(table) -> None:
    """No rewrite of the wire is called unrelated (before the reworked score, 7 of 12 were)."""
    derived = table[table["derived"]]
    assert (derived["relation"] != "unrelated").all(), derived[["pair", "score", "relation"]]
    assert (derived["score"] >= REWRITE_MIN_LIKELIHOOD).all()


def test_independent_reports_are_unrelated_and_rank_below_every_rewrite(table) -> None:
    """Same names, places and figures in new wording: unrelated, and scored below every derived piece."""
    independent = table[~table["derived"]]
    assert set(independent["relation"]) == {"unrelated"}
    assert roc_auc(list(table["score"]), list(table["derived"])) == 1.0


def test_unrelated_stories_score_near_zero() -> None:
    """A wire story against another event's rewrite scores under 0.05."""
    pairs = load_hand_pairs(PAIRS)
    wire = pairs[0].original
    others = [p.copy for p in pairs if p.original != wire and p.kind == "heavy rewrite"]
    assert max(nt.compare(wire, copy).score for copy in others) < 0.05


def test_score_weights_are_the_recorded_fit() -> None:
    """compare's SCORE_WEIGHTS and SCORE_INTERCEPT equal benchmarks/derivation_score_fit.json."""
    fit = json.loads((ROOT / "benchmarks" / "derivation_score_fit.json").read_text(encoding="utf-8"))
    assert (SCORE_WEIGHTS, SCORE_INTERCEPT) == (fit["weights"], fit["intercept"])
    assert list(SCORE_WEIGHTS) == fit["features"]
