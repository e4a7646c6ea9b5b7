"""Candidate pairs for `find_copies`: which pairs of texts are worth verifying with `compare`.

Two datasketch indexes propose candidate pairs: `MinHashLSH` finds near-duplicates (Jaccard
similarity of at least `jaccard_threshold`), and a sampled-shingle index (or datasketch's
`MinHashLSHEnsemble`) finds texts that contain most of another (containment of at least
`containment_threshold`), which is how a trimmed copy, a copy inside page clutter or a rewrite that
lifts quotes is found even when the two sets differ a lot in size.

The Spark engine (`newstrace.syndication.spark_engine`) runs the same rules as joins and groupings,
with the parameters defined here, so both engines propose the same pairs.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from datasketch import MinHashLSH, MinHashLSHEnsemble

from newstrace.syndication.signatures import Signature, containment_both_ways

METHODS = ("auto", "all-pairs", "sampled", "ensemble")
"""Ways to propose candidate pairs; see find_copies."""

ALL_PAIRS_MAX_TEXTS = 30
"""With method="auto", corpora of at most this many texts compare every pair (exact, no misses)."""

SAMPLE_EVERY = 4
"""The sampled index keeps the shingle hashes divisible by this number."""

ANCHORS = 16
"""Each text proposes partners through this many of its rarest sampled shingles."""

MIN_SHARED = 3
"""A partner must hold at least this many of one text's anchors."""

MAX_POSTINGS = 50
"""Sampled shingles found in more texts than this (site boilerplate) are ignored."""


def ordered(a: str, b: str) -> tuple[str, str]:
    """Return the two keys in sorted order, so each pair is counted once."""
    return (a, b) if a < b else (b, a)


def lsh_band_ranges(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each MinHash band that datasketch's MinHashLSH uses for threshold."""
    return list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def lsh_pairs(sigs: list[Signature], threshold: float, num_perm: int) -> set[tuple[str, str]]:
    """Return pairs whose estimated Jaccard similarity passes threshold, from a MinHashLSH index."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for sig in sigs:
            session.insert(sig.key, sig.minhash, check_duplication=False)
    return {
        ordered(sig.key, other)
        for sig in sigs for other in lsh.query(sig.minhash) if other != sig.key
    }


def ensemble_pairs(
    sigs: list[Signature], threshold: float, num_perm: int, num_part: int = 8,
) -> set[tuple[str, str]]:
    """Return pairs where one text's shingles are mostly contained in the other's (LSH Ensemble)."""
    ensemble = MinHashLSHEnsemble(threshold=threshold, num_perm=num_perm, num_part=num_part)
    ensemble.index([(sig.key, sig.minhash, sig.size) for sig in sigs])
    return {
        ordered(sig.key, other)
        for sig in sigs for other in ensemble.query(sig.minhash, sig.size) if other != sig.key
    }


def sampled_pairs(
    sigs: list[Signature], sample_every: int = SAMPLE_EVERY, anchors: int = ANCHORS,
    min_shared: int = MIN_SHARED, max_postings: int = MAX_POSTINGS,
) -> set[tuple[str, str]]:
    """Return pairs of texts that share at least min_shared of their rarest sampled shingles.

    A shingle is sampled when its hash is divisible by sample_every, so a shingle shared by two
    texts is sampled in both or in neither, whatever their sizes (Broder's mod-m sampling). Each
    text proposes partners through its `anchors` rarest sampled shingles found in other texts
    (ties broken by the smaller hash): a copy's rarest shingles are the ones it shares with its
    source, while phrases common to many unrelated texts are never the rarest and so propose
    nothing (a prefix filter). A partner must hold min_shared of one text's anchors. Shingles in
    more than max_postings texts (site boilerplate) are ignored.
    """
    per_text = [sig.hashes[sig.hashes % sample_every == 0] for sig in sigs]
    if len(per_text) < 2:
        return set()
    hashes = np.concatenate(per_text)
    owners = np.repeat(np.arange(len(sigs), dtype=np.int64), [len(sample) for sample in per_text])
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    _, run_start, run_size = np.unique(hashes, return_index=True, return_counts=True)
    frequency = np.repeat(run_size, run_size)
    starts = np.repeat(run_start, run_size)
    shared = np.flatnonzero((frequency > 1) & (frequency <= max_postings))
    chosen = shared[_rarest_per_owner(owners[shared], frequency[shared], anchors)]
    n, found = len(sigs), set()
    for part in _owner_batches(chosen, owners[chosen], _ANCHORS_PER_BATCH):
        codes = _partner_codes(owners, part, starts[part], frequency[part], n)
        pairs, counts = np.unique(codes, return_counts=True)
        found.update(pairs[counts >= min_shared].tolist())
    return {ordered(sigs[code // n].key, sigs[code % n].key) for code in found}


_ANCHORS_PER_BATCH = 50_000
"""Anchors whose partners are counted at once: bounds memory on large corpora."""


def _owner_batches(positions: np.ndarray, owner_of: np.ndarray, size: int) -> list[np.ndarray]:
    """Split positions (sorted by owner) into batches of about size, never splitting an owner."""
    cuts = np.searchsorted(owner_of, owner_of[size::size], side="left")
    return [part for part in np.split(positions, np.unique(cuts)) if len(part)]


def _rarest_per_owner(owners: np.ndarray, frequency: np.ndarray, keep: int) -> np.ndarray:
    """Return the positions of each owner's `keep` entries of lowest frequency."""
    order = np.lexsort((frequency, owners))
    sorted_owners = owners[order]
    first = np.searchsorted(sorted_owners, sorted_owners, side="left")
    return order[np.arange(len(order)) - first < keep]


def _partner_codes(
    owners: np.ndarray, anchors: np.ndarray, run_starts: np.ndarray, run_sizes: np.ndarray, n: int,
) -> np.ndarray:
    """Return i * n + j pairing each anchor's owner i with every other owner j of its shingle.

    owners is in shingle-hash order; anchors are positions in it; run_starts and run_sizes give
    where each anchor's shingle run starts in owners and how long it is.
    """
    total = int(run_sizes.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.arange(total) - np.repeat(np.cumsum(run_sizes) - run_sizes, run_sizes)
    first = np.repeat(owners[anchors], run_sizes)
    second = owners[np.repeat(run_starts, run_sizes) + offsets]
    distinct = first != second
    return first[distinct] * n + second[distinct]


def candidate_pairs(
    sigs: list[Signature], jaccard_threshold: float, containment_threshold: float, num_perm: int,
    method: str = "sampled",
) -> dict[tuple[str, str], str]:
    """Return {pair: how it was found} for the candidate pairs of one method (see find_copies).

    Containment proposals are kept only when the exact share of shingle hashes of one text found
    in the other reaches containment_threshold (LSH proposals are approximate by design).
    """
    if method == "auto":
        method = "all-pairs" if len(sigs) <= ALL_PAIRS_MAX_TEXTS else "sampled"
    if method == "all-pairs":
        return {ordered(a.key, b.key): "all-pairs" for a, b in combinations(sigs, 2)}
    if len(sigs) < 2:
        return {}
    near = lsh_pairs(sigs, jaccard_threshold, num_perm)
    if method == "ensemble":
        proposed = ensemble_pairs(sigs, containment_threshold, num_perm)
    else:
        proposed = sampled_pairs(sigs)
    by_key = {sig.key: sig for sig in sigs}
    found = {pair: "lsh" for pair in near}
    for pair in proposed:
        if max(containment_both_ways(by_key[pair[0]], by_key[pair[1]])) >= containment_threshold:
            found[pair] = "both" if pair in near else "containment"
    return found
