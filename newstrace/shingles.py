"""Word shingles and the two set measures built on them.

A k-shingle is a run of k consecutive word tokens (from `newstrace.text.words`). Five words is
the default: long enough that two independent reports of one event rarely share a shingle by
chance (names and short facts are shorter), short enough that light copy editing leaves most
shingles of a sentence intact.
"""

from __future__ import annotations

DEFAULT_SHINGLE_SIZE = 5


def shingles(tokens: list[str], k: int = DEFAULT_SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Return the set of k-word shingles of tokens (one shingle if there are fewer than k)."""
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"shingle size k must be a positive whole number, got {k!r}")
    tokens = list(tokens)
    if len(tokens) < k:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*(tokens[offset:] for offset in range(k))))


def jaccard(a: set, b: set) -> float:
    """Return |a & b| / |a | b|, or 0.0 when both sets are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(part: set, whole: set) -> float:
    """Return the share of `part` found in `whole`, or 0.0 when `part` is empty."""
    return len(part & whole) / len(part) if part else 0.0
