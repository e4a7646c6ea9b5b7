"""Shingle-hash sets and MinHash signatures of texts, the first step of `find_copies` on either engine.

Every text becomes the set of its k-word shingles (`newstrace.text.tokenizer.words`, k =
`shingle_size`). Shingles are hashed with numpy from per-word CRC-32 hashes (the same every run and
on every machine, unlike Python's salted `hash`, so a Spark executor computes the same hashes as the
local engine), and each set is summarised by a datasketch `MinHash` of `num_perm` permutations,
stored as a compact `LeanMinHash`.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash

from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE
from newstrace.text.tokenizer import words

_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)
"""Odd 64-bit multipliers that combine the word hashes of a shingle, one per position."""

MAX_SHINGLE_SIZE = len(_MIX)
"""The longest shingle, in words, that shingle_hashes combines."""


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
    if not 1 <= k <= MAX_SHINGLE_SIZE:
        raise ValueError(f"shingle_size must be between 1 and {MAX_SHINGLE_SIZE}, got {k!r}")
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


def containment_both_ways(first: Signature, second: Signature) -> tuple[float, float]:
    """Return the exact shares of first's and of second's shingle hashes found in the other."""
    common = len(np.intersect1d(first.hashes, second.hashes, assume_unique=True))
    return common / first.size, common / second.size
