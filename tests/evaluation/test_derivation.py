"""Gate on derived-versus-independent separation (newstrace.evaluation.derivation), and its helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newstrace as nt
from newstrace.evaluation.derivation import (
    MINIMUMS_FILE,
    PAIRS_FILE,
    Pair,
    derivation_scores,
    load_hand_pairs,
    roc_auc,
    summary,
    synthetic_pairs,
    variant_pairs,
)

GATES = json.loads(MINIMUMS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summaries() -> dict[str, dict[str, float]]:
    """Return the summary of each evaluation set (hand-written, synthetic)."""
    return {"hand": summary(derivation_scores(load_hand_pairs())),
            "synthetic": summary(derivation_scores(synthetic_pairs())),
            "variants": summary(derivation_scores(variant_pairs()))}


@pytest.mark.parametrize("name", ["hand", "synthetic", "variants"])
def test_minimums_reached(summaries: dict[str, dict[str, float]], name: str) -> None:
    """Every pinned minimum is reached and every pinned maximum respected."""
    reached = summaries[name]
    for metric, minimum in GATES["minimums"][name].items():
        assert reached[metric] >= minimum, f"{name} {metric}: {reached[metric]:.3f} < pinned {minimum}"
    for metric, maximum in GATES["maximums"][name].items():
        assert reached[metric] <= maximum, f"{name} {metric}: {reached[metric]:.3f} > pinned {maximum}"


def test_hand_set_shape() -> None:
    """The hand set has at least 24 pairs, all three labels, wire stories of 8-15 paragraphs, '#' wire copy."""
    pairs = load_hand_pairs()
    assert len(pairs) >= 24
    labels = {pair.kind for pair in pairs}
    assert labels == {"wholly derived", "partially derived", "non-derived"}
    assert {pair.derived for pair in pairs if pair.kind == "non-derived"} == {False}
    assert all(8 <= len(pair.original.splitlines()) <= 15 for pair in pairs)
    assert any("#" in pair.original for pair in pairs)  # wire copy writing '#' for the pound sign


def test_every_hand_pair_is_on_the_right_side() -> None:
    """Wholly derived copies are edited copies, partially derived ones rewrites; non-derived pairs score under 0.35."""
    table = derivation_scores(load_hand_pairs())
    wholly = table[table["kind"] == "wholly derived"]
    assert set(wholly["relation"]) == {"edited copy"}
    assert (table.loc[table["kind"] == "partially derived", "relation"] == "rewrite").all()
    assert table.loc[~table["derived"], "score"].max() < 0.35 < table.loc[wholly.index, "score"].min()


def test_roc_auc_values() -> None:
    """AUC is 1 for a perfect ranking, 0 for an inverted one, 0.5 for ties, NaN with one class."""
    assert roc_auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert roc_auc([0.1, 0.9], [True, False]) == 0.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert roc_auc([0.3, 0.7, 0.5], [True, False, True]) == 0.0
    assert pd.isna(roc_auc([0.1], [True]))


def test_summary_counts_relations() -> None:
    """Accuracy and rates read relation != 'unrelated' as the prediction 'derived'."""
    table = pd.DataFrame({"derived": [True, True, False, False], "score": [0.9, 0.2, 0.3, 0.0],
                          "relation": ["edited copy", "unrelated", "rewrite", "unrelated"]})
    stats = summary(table)
    assert stats["accuracy"] == 0.5
    assert stats["false positive rate"] == 0.5
    assert stats["true positive rate"] == 0.5
    assert stats["auc"] == 0.75


def test_missing_pairs_file_names_it(tmp_path: Path) -> None:
    """A missing pairs file gives an error naming the file and what it should hold."""
    with pytest.raises(FileNotFoundError, match="derivation pairs"):
        load_hand_pairs(tmp_path / "absent.json")
    assert PAIRS_FILE.exists()


WIRE = (
    "Council leader Jane Doe said the town would close two swimming pools in the spring.\n"
    "Jane Doe, chair of the Westshire County Council finance committee, said: \"We have no money.\"\n"
    "The pools at Ashby and Brook Lane lost about 4,000 visitors a year since the pandemic began, "
    "and repairs to the roof of the older pool would have cost far more than the building is worth.\n"
    "Swimmers who use the pools early in the morning said they would now have to drive for half an "
    "hour to the nearest pool, and that many older people would simply give up swimming."
)


def test_names_and_one_short_quote_are_not_a_rewrite() -> None:
    """A report sharing a name with its title and one short quote, in new wording, is unrelated."""
    independent = (
        "Two public pools are to shut, Westshire's council has confirmed.\n"
        "Jane Doe, chair of the Westshire County Council finance committee, blamed falling grants. "
        "\"We have no money,\" she told residents at a packed meeting on Monday night.\n"
        "Ashby and Brook Lane pools will close in April; campaigners plan a protest at the town hall."
    )
    result = nt.compare(WIRE, independent)
    assert len(result.shared_passages) >= 1  # the name-and-title run is shared verbatim
    assert result.relation == "unrelated"


def test_carried_over_wording_is_a_rewrite() -> None:
    """A new article that carries over two sentences of the original's wording is a rewrite."""
    rewrite = (
        "Two pools will close in Westshire this spring, and regular swimmers are angry.\n"
        "Repairs to the roof of the older pool would have cost far more than the building is worth, "
        "the council said in a statement on Monday.\n"
        "Swimmers said they would now have to drive for half an hour to the nearest pool, and that "
        "many older people would simply give up swimming. A petition has 900 names.\n"
        "Margaret Hill, 81, has swum at Brook Lane every weekday for thirty years. She said the club "
        "had raised money for a new changing room only last year and felt betrayed by the decision.\n"
        "The leisure trust that runs both sites said staff would be offered jobs at its gym in the "
        "town centre, which opened in 2019 and is expected to stay open."
    )
    result = nt.compare(WIRE, rewrite)
    assert result.relation == "rewrite"


def test_synthetic_pairs_cover_both_labels() -> None:
    """The synthetic set holds derived pairs of every kind and independent reports."""
    pairs = synthetic_pairs(60, seed=1, independent_share=0.2)
    assert all(isinstance(pair, Pair) for pair in pairs)
    assert {pair.kind for pair in pairs if not pair.derived} == {"independent report"}
    assert {"copy", "rewrite"} <= {pair.kind for pair in pairs if pair.derived}
