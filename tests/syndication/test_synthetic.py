"""Tests for the synthetic corpus generator and built variants (newstrace.syndication.synthetic)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import newstrace as nt
from newstrace.pages.clutter import clean
from newstrace.text.shingling import containment, shingles
from newstrace.syndication.synthetic import VARIANT_KINDS, families, synthetic_corpus
from newstrace.syndication.synthetic_articles import paragraphs_of
from newstrace.syndication.synthetic_mutations import KINDS
from newstrace.text.tokenizer import words


def shingle_set(text: str) -> set:
    """Return the 5-word shingles of the cleaned text."""
    return shingles(words(clean(text).text))


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], pd.DataFrame]:
    """Return a small seeded corpus and its truth table."""
    return synthetic_corpus(120, seed=5)


def test_corpus_has_the_requested_size_and_known_pairs(corpus):
    texts, truth = corpus
    assert len(texts) == 120
    assert list(truth.columns) == ["a", "b", "kind", "derived"]
    assert set(truth["a"]) | set(truth["b"]) <= set(texts)
    assert set(truth.loc[truth["derived"], "kind"]) == set(KINDS)
    assert set(truth.loc[~truth["derived"], "kind"]) == {"independent report"}
    assert int(truth["derived"].sum()) == int(120 * 0.3)


def test_corpus_is_the_same_for_a_seed_and_differs_across_seeds():
    first, first_truth = synthetic_corpus(40, seed=11)
    again, again_truth = synthetic_corpus(40, seed=11)
    other, _ = synthetic_corpus(40, seed=12)
    assert first == again
    pd.testing.assert_frame_equal(first_truth, again_truth)
    assert first != other


def test_variants_of_a_two_paragraph_text_cover_every_kind():
    assert set(nt.variants("First paragraph here.\nSecond paragraph here.", seed=1)) == set(
        VARIANT_KINDS)


def test_derived_copies_reuse_wording_but_independent_reports_do_not(corpus):
    texts, truth = corpus
    for a, b, kind in truth[["a", "b", "kind"]].itertuples(index=False):
        shared = containment(shingle_set(texts[b]), shingle_set(texts[a]))
        if kind == "copy":
            assert shared > 0.95, (kind, a, b, shared)
        elif kind in ("reordered", "trimmed copy", "edited copy"):
            assert shared > 0.6, (kind, a, b, shared)
        elif kind == "rewrite":
            assert 0.05 < shared < 0.8, (kind, a, b, shared)
        else:
            assert shared < 0.3, (kind, a, b, shared)


def test_independent_reports_share_names_with_their_base(corpus):
    texts, truth = corpus
    pairs = truth[truth["kind"] == "independent report"]
    assert len(pairs) >= 3
    for a, b in pairs[["a", "b"]].itertuples(index=False):
        names_a = {w for w in texts[a].split() if w[:1].isupper()}
        names_b = {w for w in texts[b].split() if w[:1].isupper()}
        assert len(names_a & names_b) >= 3


def test_unrelated_articles_share_almost_no_wording(corpus):
    texts, truth = corpus
    root = families(truth)
    independent = {frozenset(p) for p in zip(truth["a"], truth["b"])}
    ids = sorted(texts)
    rng = random.Random(0)
    checked = 0
    while checked < 300:
        a, b = rng.sample(ids, 2)
        if root.get(a, a) == root.get(b, b) or frozenset((a, b)) in independent:
            continue
        assert containment(shingle_set(texts[a]), shingle_set(texts[b])) < 0.2, (a, b)
        checked += 1


def test_trimmed_copies_are_shorter_and_keep_the_lead(corpus):
    texts, truth = corpus
    for a, b in truth.loc[truth["kind"] == "trimmed copy", ["a", "b"]].itertuples(index=False):
        original, trimmed = clean(texts[a]).paragraphs, clean(texts[b]).paragraphs
        assert len(trimmed) < len(original)
        assert trimmed[0] == original[0]


def test_cluttered_copies_carry_page_furniture_that_clean_removes(corpus):
    texts, truth = corpus
    for a, b in truth.loc[truth["kind"] == "copy", ["a", "b"]].itertuples(index=False):
        assert len(paragraphs_of(texts[b])) > len(paragraphs_of(texts[a]))
        assert not clean(texts[b]).removed.empty


def test_rewrites_credit_an_outlet_and_lift_a_quote(corpus):
    texts, truth = corpus
    for a, b in truth.loc[truth["kind"] == "rewrite", ["a", "b"]].itertuples(index=False):
        assert "The " in texts[b]
        quotes = [p.split('"')[1] for p in paragraphs_of(texts[a]) if p.startswith('"')]
        assert any(quote in texts[b] for quote in quotes)


def test_variants_of_the_case_full_text(full_text):
    built = nt.variants(full_text, seed=3)
    assert list(built) == list(VARIANT_KINDS)
    assert built["identical"] == full_text
    original = paragraphs_of(full_text)
    trimmed = paragraphs_of(built["trimmed copy"])
    assert trimmed[0] == original[0] and len(trimmed) < len(original)
    reordered = paragraphs_of(built["reordered"])
    assert sorted(reordered) == sorted(original) and reordered != original
    assert set(original) <= set(paragraphs_of(built["copy"]))
    assert built["edited copy"] != full_text
    quotes = [q.strip(' ,."') for q in nt.extract_quotes(full_text)["quote"]]
    assert sum(len(q) > 20 and q in built["rewrite"] for q in quotes) >= 2


def test_variants_are_deterministic_and_seeded(full_text):
    assert nt.variants(full_text, seed=4) == nt.variants(full_text, seed=4)
    assert nt.variants(full_text, seed=4)["rewrite"] != nt.variants(full_text, seed=5)["rewrite"]


def test_variants_of_a_generated_article_are_not_the_original(corpus):
    texts, truth = corpus
    base = texts[truth["a"].iloc[0]]
    built = nt.variants(base, seed=0)
    for kind in VARIANT_KINDS[1:]:
        assert built[kind] != base, kind
    assert containment(shingle_set(built["unrelated"]), shingle_set(base)) < 0.2


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n_articles": 0}, ValueError, "n_articles must be at least 1"),
        ({"n_articles": "10"}, TypeError, "n_articles must be a whole number"),
        ({"n_articles": 10, "copy_share": 1.5}, ValueError, "copy_share"),
        ({"n_articles": 10, "copy_share": 0.6, "independent_share": 0.5}, ValueError, "below 1"),
        ({"n_articles": 10, "seed": 1.5}, TypeError, "seed must be a whole number"),
    ],
)
def test_corpus_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        synthetic_corpus(**kwargs)


def test_variants_reject_bad_input():
    with pytest.raises(TypeError, match="variants\\(\\) needs the article text as a str"):
        nt.variants(b"bytes")
    with pytest.raises(ValueError, match="at least 2 paragraphs"):
        nt.variants("Only one paragraph.")
