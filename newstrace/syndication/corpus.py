"""Find copies in a corpus of thousands of articles: MinHash candidates, verified by `compare`.

`find_copies(texts)` works in three steps:

1. Every text becomes the set of its k-word shingles (`newstrace.text.tokenizer.words`, k = `shingle_size`).
   Shingles are hashed with numpy from per-word CRC-32 hashes (the same every run, unlike
   Python's salted `hash`), and each set is summarised by a datasketch `MinHash` of `num_perm`
   permutations, stored as a compact `LeanMinHash`.
2. Two datasketch indexes propose candidate pairs: `MinHashLSH` finds near-duplicates (Jaccard
   similarity of at least `jaccard_threshold`), and `MinHashLSHEnsemble` finds texts that
   contain most of another (containment of at least `containment_threshold`), which is how a
   trimmed copy, a copy inside page clutter or a rewrite that lifts quotes is found even when the
   two sets differ a lot in size.
3. Every candidate pair is verified with `newstrace.syndication.comparison.compare` (both texts cleaned first);
   pairs whose relation is not "unrelated" and whose score reaches `threshold` are kept.

Small corpora (`method="auto"`, at most ALL_PAIRS_MAX_TEXTS texts) skip step 2 and compare every
pair: exact, and cheap at that size. `method="ensemble"` uses datasketch's MinHashLSHEnsemble
for step 2 instead of the sampled index; it is kept for comparison (see the benchmark: its false
candidates grow with the square of the corpus size when sets differ much in size).

MinHash and LSH are estimates: a pair far above the thresholds is found with near certainty, a pair
just above them may be missed, and `benchmarks/bench_find_copies.py` measures how often.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSH, MinHashLSHEnsemble

from newstrace.data import as_texts
from newstrace.pages.clutter import Cleaned, clean
from newstrace.syndication.comparison import compare_cleaned
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE
from newstrace.text.tokenizer import words

_T = TypeVar("_T")

COLUMNS = ["a", "b", "score", "relation", "containment", "jaccard", "found_by"]
"""Columns of the table find_copies returns."""

_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)
"""Odd 64-bit multipliers that combine the word hashes of a shingle, one per position."""


@dataclass(frozen=True)
class Signature:
    """One text's shingle-hash set (sorted, distinct) and its MinHash."""

    key: str
    hashes: np.ndarray
    minhash: LeanMinHash

    @property
    def size(self) -> int:
        """Return the number of distinct shingles."""
        return len(self.hashes)


class _WordHasher:
    """Stable 32-bit hashes of words, cached so each distinct word is hashed once."""

    def __init__(self) -> None:
        """Start with an empty cache."""
        self.cache: dict[str, int] = {}

    def __call__(self, tokens: list[str]) -> np.ndarray:
        """Return the hashes of tokens as a uint64 array."""
        cache = self.cache
        missing = [token for token in set(tokens) if token not in cache]
        for token in missing:
            cache[token] = zlib.crc32(token.encode("utf-8"))
        return np.fromiter((cache[token] for token in tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(word_hashes: np.ndarray, k: int = DEFAULT_SHINGLE_SIZE) -> np.ndarray:
    """Return the distinct 32-bit hashes of the k-word shingles of a word-hash sequence."""
    if not 1 <= k <= len(_MIX):
        raise ValueError(f"shingle_size must be between 1 and {len(_MIX)}, got {k!r}")
    n = len(word_hashes)
    if n == 0:
        return np.empty(0, dtype=np.uint32)
    width = min(k, n)
    combined = np.zeros(n - width + 1, dtype=np.uint64)
    for position in range(width):
        combined += word_hashes[position:n - width + 1 + position] * _MIX[position]
    folded = (combined ^ (combined >> np.uint64(29))) * _MIX[0]
    return np.unique((folded >> np.uint64(32)).astype(np.uint32))


def signatures(
    texts: Mapping[str, str], shingle_size: int = DEFAULT_SHINGLE_SIZE, num_perm: int = 128,
    seed: int = 1,
) -> list[Signature]:
    """Return one Signature per text that has at least one word, in the order of texts."""
    hasher = _WordHasher()
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    out = []
    for key, text in texts.items():
        hashes = shingle_hashes(hasher(words(text)), shingle_size)
        if len(hashes) == 0:
            continue
        minhash = template.copy()
        minhash.update_batch(hashes.tolist())
        out.append(Signature(key, hashes, LeanMinHash(minhash)))
    return out


def _ordered(a: str, b: str) -> tuple[str, str]:
    """Return the two keys in sorted order, so each pair is counted once."""
    return (a, b) if a < b else (b, a)


def lsh_pairs(sigs: list[Signature], threshold: float, num_perm: int) -> set[tuple[str, str]]:
    """Return pairs whose estimated Jaccard similarity passes threshold, from a MinHashLSH index."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for sig in sigs:
            session.insert(sig.key, sig.minhash, check_duplication=False)
    return {
        _ordered(sig.key, other)
        for sig in sigs for other in lsh.query(sig.minhash) if other != sig.key
    }


def ensemble_pairs(
    sigs: list[Signature], threshold: float, num_perm: int, num_part: int = 8,
) -> set[tuple[str, str]]:
    """Return pairs where one text's shingles are mostly contained in the other's (LSH Ensemble)."""
    ensemble = MinHashLSHEnsemble(threshold=threshold, num_perm=num_perm, num_part=num_part)
    ensemble.index([(sig.key, sig.minhash, sig.size) for sig in sigs])
    return {
        _ordered(sig.key, other)
        for sig in sigs for other in ensemble.query(sig.minhash, sig.size) if other != sig.key
    }


def sampled_pairs(
    sigs: list[Signature], sample_every: int = 4, anchors: int = 16, min_shared: int = 3,
    max_postings: int = 50,
) -> set[tuple[str, str]]:
    """Return pairs of texts that share at least min_shared of their rarest sampled shingles.

    A shingle is sampled when its hash is divisible by sample_every, so a shingle shared by two
    texts is sampled in both or in neither, whatever their sizes (Broder's mod-m sampling). Each
    text proposes partners through its `anchors` rarest sampled shingles found in other texts: a
    copy's rarest shingles are the ones it shares with its source, while phrases common to many
    unrelated texts are never the rarest and so propose nothing (a prefix filter). A partner must
    hold min_shared of one text's anchors. Shingles in
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
    return {_ordered(sigs[code // n].key, sigs[code % n].key) for code in found}


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


def containment_both_ways(first: Signature, second: Signature) -> tuple[float, float]:
    """Return the exact shares of first's and of second's shingle hashes found in the other."""
    common = len(np.intersect1d(first.hashes, second.hashes, assume_unique=True))
    return common / first.size, common / second.size


METHODS = ("auto", "all-pairs", "sampled", "ensemble")
"""Ways to propose candidate pairs; see find_copies."""

ALL_PAIRS_MAX_TEXTS = 30
"""With method="auto", corpora of at most this many texts compare every pair (exact, no misses)."""


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
        return {_ordered(a.key, b.key): "all-pairs" for a, b in combinations(sigs, 2)}
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


def verify(
    pairs: Iterable[tuple[str, str]], texts: Mapping[str, str], sizes: Mapping[str, int],
    shingle_size: int,
) -> list[tuple[str, str, object]]:
    """Return (original, copy, Comparison) per pair, the text with more shingles as the original.

    Each pair goes through `compare`'s rules (`compare_cleaned`); a text in several pairs is
    cleaned once, and its cleaning is let go after its last pair.
    """
    pairs = list(pairs)
    pairs_left = Counter(key for pair in pairs for key in pair)
    cleaned: dict[str, Cleaned] = {}
    out = []
    for a, b in pairs:
        original, copy = (a, b) if (sizes[a], b) >= (sizes[b], a) else (b, a)
        for key in (original, copy):
            if key not in cleaned:
                cleaned[key] = clean(texts[key])
        out.append((original, copy, compare_cleaned(texts[original], texts[copy], cleaned[original],
                                                    cleaned[copy], shingle_size=shingle_size)))
        for key in (a, b):
            pairs_left[key] -= 1
            if not pairs_left[key]:
                del cleaned[key]
    return out


class _Stopwatch:
    """Record the CPU seconds of named stages into an optional dict."""

    def __init__(self, record: dict[str, float] | None) -> None:
        """Record into record, or nowhere if it is None."""
        self.record = record

    def stage(self, name: str, function: Callable[..., _T], *args: object) -> _T:
        """Return function(*args), recording its CPU time under name."""
        start = time.process_time()
        result = function(*args)
        self.note(name, time.process_time() - start)
        return result

    def note(self, name: str, value: float) -> None:
        """Record one value under name, if recording."""
        if self.record is not None:
            self.record[name] = value


def _check_fraction(name: str, value: object) -> float:
    """Return value if it is a number from 0 to 1, or raise ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _check_options(num_perm: object, method: object, shingle_size: object) -> None:
    """Raise ValueError naming the argument if num_perm, method or shingle_size is unusable."""
    if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 16:
        raise ValueError(f"num_perm must be a whole number of at least 16, got {num_perm!r}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    if isinstance(shingle_size, bool) or not isinstance(shingle_size, int) or not (
            1 <= shingle_size <= len(_MIX)):
        raise ValueError(f"shingle_size must be a whole number from 1 to {len(_MIX)}, "
                         f"got {shingle_size!r}")


def find_copies(
    texts: Mapping[str, str] | pd.Series,
    threshold: float = 0.3,
    *,
    shingle_size: int = DEFAULT_SHINGLE_SIZE,
    num_perm: int = 128,
    jaccard_threshold: float = 0.5,
    containment_threshold: float = 0.2,
    method: str = "auto",
    seed: int = 1,
    timings: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Return one row per pair of texts where one derives from the other, best score first.

    Columns: a (the text with more shingles, passed to compare as the original; not a claim
    that it came first: see nt.lineage), b, score, relation, containment and jaccard (from
    compare), found_by ("lsh", "containment", "both" or "all-pairs"). A pair is listed when
    compare finds a relation other than "unrelated" with a score of at least threshold.
    method: "sampled" (MinHashLSH plus a sampled-shingle containment index), "ensemble"
    (MinHashLSH plus datasketch's MinHashLSHEnsemble), "all-pairs" (compare every pair) or
    "auto" (all-pairs for at most ALL_PAIRS_MAX_TEXTS texts, else sampled).
    timings: pass a dict to receive the CPU seconds of each stage (signatures, candidates, verify)
    and the number of candidate pairs.
    """
    texts = as_texts(texts)
    threshold = _check_fraction("threshold", threshold)
    jaccard_threshold = _check_fraction("jaccard_threshold", jaccard_threshold)
    containment_threshold = _check_fraction("containment_threshold", containment_threshold)
    _check_options(num_perm, method, shingle_size)
    clock = _Stopwatch(timings)
    sigs = clock.stage("signatures", signatures, texts, shingle_size, num_perm, seed)
    found = clock.stage("candidates", candidate_pairs, sigs, jaccard_threshold,
                        containment_threshold, num_perm, method)
    sizes = {sig.key: sig.size for sig in sigs}
    verified = clock.stage("verify", verify, sorted(found), texts, sizes, shingle_size)
    clock.note("candidate_pairs", len(found))
    rows = [
        (original, copy, result.score, result.relation, result.containment, result.jaccard,
         found[_ordered(original, copy)])
        for original, copy, result in verified
        if result.relation != "unrelated" and result.score >= threshold
    ]
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["score", "a", "b"], ascending=[False, True, True], ignore_index=True)
