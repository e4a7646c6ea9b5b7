"""Seeded synthetic news corpora with known copies, built without any downloaded data.

`synthetic_corpus(n)` writes base articles from a small grammar with a large, varied vocabulary:
independent articles share names and facts but hardly any five-word run. Some bases get a second,
*independent report* of the same event (same people, place and figures, new wording and quotes),
which is the hard negative for copy detection. Other articles are *derived* from a base by one of
the mutation kinds in `KINDS`: copy, trimmed copy, edited copy, reordered, rewrite (each described
in `newstrace.syndication.synthetic_mutations`). The grammar, the events and the writer are in
`newstrace.syndication.synthetic_articles`.

The mutation kinds describe how a copy was made, not the relation `compare` must find. The truth
table lists each (source, derived) pair with its kind, and each (base, independent report) pair
with ``derived=False``. `variants(text)` applies the same mutations to any article.
"""

from __future__ import annotations

import random

import pandas as pd

from newstrace.syndication.synthetic_articles import make_event, paragraphs_of, write_article
from newstrace.syndication.synthetic_mutations import KINDS, derive, facts_of, independent_report
from newstrace.text.guard import check_text

VARIANT_KINDS = ("identical", *KINDS, "independent report", "unrelated")
"""Keys of the dictionary `variants` returns."""


def _check_seed(seed: object) -> int:
    """Return seed as an int, or raise TypeError naming the problem."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be a whole number, got {seed!r}")
    return seed


def _check_corpus_args(n_articles: object, copy_share: float, independent_share: float) -> int:
    """Return n_articles as an int after checking the corpus arguments, or raise naming the fault."""
    if isinstance(n_articles, bool) or not isinstance(n_articles, int):
        raise TypeError(f"n_articles must be a whole number, got {n_articles!r}")
    if n_articles < 1:
        raise ValueError(f"n_articles must be at least 1, got {n_articles}")
    for label, share in (("copy_share", copy_share), ("independent_share", independent_share)):
        if not 0 <= share < 1:
            raise ValueError(f"{label} must be at least 0 and below 1, got {share!r}")
    if copy_share + independent_share >= 1:
        raise ValueError("copy_share + independent_share must be below 1: some bases are needed")
    return n_articles


def synthetic_corpus(
    n_articles: int, seed: int = 0, *, copy_share: float = 0.3, independent_share: float = 0.05,
) -> tuple[dict[str, str], pd.DataFrame]:
    """Return (texts by id, truth table with columns a, b, kind, derived) for a seeded corpus."""
    n_articles = _check_corpus_args(n_articles, copy_share, independent_share)
    rng = random.Random(_check_seed(seed))
    n_derived = int(n_articles * copy_share)
    n_independent = int(n_articles * independent_share)
    n_bases = n_articles - n_derived - n_independent
    events = [make_event(rng) for _ in range(n_bases)]
    bases = [write_article(event, rng) for event in events]
    texts, rows = list(bases), []
    for _ in range(n_independent):
        source = rng.randrange(n_bases)
        texts.append(independent_report(events[source], rng))
        rows.append((source, len(texts) - 1, "independent report", False))
    for i in range(n_derived):
        source = rng.randrange(n_bases)
        kind = KINDS[i % len(KINDS)]
        texts.append(derive(bases[source], kind, rng, events[source]))
        rows.append((source, len(texts) - 1, kind, True))
    order = list(range(len(texts)))
    rng.shuffle(order)
    ids = {index: f"art{position:06d}" for position, index in enumerate(order)}
    corpus = {ids[index]: texts[index] for index in sorted(order, key=ids.get)}
    truth = pd.DataFrame(
        [(ids[a], ids[b], kind, derived) for a, b, kind, derived in rows],
        columns=["a", "b", "kind", "derived"],
    )
    return corpus, truth


def families(truth: pd.DataFrame) -> dict[str, str]:
    """Return {article id: id of the base it derives from} for every derived article in truth."""
    derived = truth[truth["derived"]]
    return dict(zip(derived["b"], derived["a"]))


def variants(text: str, seed: int = 0) -> dict[str, str]:
    """Return one built variant of text per kind in VARIANT_KINDS, the same for the same seed."""
    check_text(text, "variants")
    paras = paragraphs_of(text)
    if len(paras) < 2:
        raise ValueError(
            f"variants need an article of at least 2 paragraphs (one per line), got {len(paras)}"
        )
    rng = random.Random(_check_seed(seed))
    facts = facts_of(text, rng)
    built = {"identical": text}
    for kind in KINDS:
        built[kind] = derive(text, kind, rng, facts if kind == "rewrite" else None, 0.0)
    built["independent report"] = independent_report(facts, rng)
    built["unrelated"] = write_article(make_event(rng), rng)
    return built
