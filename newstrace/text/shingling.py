"""Word shingles and the two set measures built on them.

A k-shingle is a run of k consecutive word tokens (from `newstrace.text.tokenizer.words`). Five words is
the default: long enough that two independent reports of one event rarely share a shingle by
chance (names and short facts are shorter), short enough that light copy editing leaves most
shingles of a sentence intact.

`KeyIds` numbers the words of two texts once per comparison, so that `newstrace.syndication.comparison` can work
on exact integer codes of word runs with numpy instead of sets of word tuples (same results).
"""

from __future__ import annotations

from itertools import accumulate, chain

import numpy as np

DEFAULT_SHINGLE_SIZE = 5


def shingles(tokens: list[str], k: int = DEFAULT_SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Return the set of k-word shingles of tokens (one shingle if there are fewer than k)."""
    check_shingle_size(k)
    tokens = list(tokens)
    if len(tokens) < k:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*(tokens[offset:] for offset in range(k))))


def check_shingle_size(k: object) -> None:
    """Raise ValueError naming the problem unless k is a positive whole number."""
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"shingle size k must be a positive whole number, got {k!r}")


def jaccard(a: set, b: set) -> float:
    """Return |a & b| / |a | b|, or 0.0 when both sets are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(part: set, whole: set) -> float:
    """Return the share of `part` found in `whole`, or 0.0 when `part` is empty."""
    return len(part & whole) / len(part) if part else 0.0


_SURROGATES = 0xD800  # code points 0xD800-0xDFFF are skipped (surrogates)
_MAX_CODE_POINTS = 0x110000 - 0x800


class KeyIds:
    """The matching keys of two texts as integer ids (the same key, the same id), for fast shingling.

    `gram_codes(k)` gives one int64 per run of k keys, equal exactly when the runs are equal (no
    hashing, so no collisions): the ids are combined as base-V digits (V the vocabulary size), and
    when k digits do not fit in 63 bits the codes are renumbered with `numpy.unique` in between.
    `as_strings` / `flat_strings` spell the keys as one character per key, for rapidfuzz and for
    fast slice comparison.
    """

    def __init__(self, original: list[str], copy: list[str]) -> None:
        """Number the keys of both texts in order of first appearance."""
        self.keys = (original, copy)
        self.vocabulary = {key: number for number, key in enumerate(dict.fromkeys(original + copy))}
        self._codes: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._characters: dict[str, str] | None = None
        self._strings: list[tuple[list[list[str]], list[str]]] = []
        self._flat: tuple[str, str] | None = None
        self._paragraphs: tuple[list[list[str]], list[list[str]]] | None = None
        self.memo: dict[str, object] = {}  # per-comparison values other modules derive from the ids
        flat = self.flat_strings()
        self.original, self.copy = ((self._ids(original), self._ids(copy)) if flat is None
                                    else (_ids_of_string(flat[0]), _ids_of_string(flat[1])))

    @classmethod
    def of_paragraphs(cls, original: list[list[str]], copy: list[list[str]]) -> KeyIds:
        """Return the KeyIds of two texts given as paragraphs of keys (as_strings slices them)."""
        ids = cls([key for keys in original for key in keys], [key for keys in copy for key in keys])
        ids._paragraphs = (original, copy)
        return ids

    def _ids(self, keys: list[str]) -> np.ndarray:
        """Return the ids of keys as an int64 array."""
        return np.fromiter(map(self.vocabulary.__getitem__, keys), dtype=np.int64, count=len(keys))

    def as_strings(self, paragraphs: list[list[str]]) -> list[str] | list[list[str]]:
        """Return each paragraph's keys as a string of one character per key (id as code point).

        rapidfuzz compares such strings faster than lists of words, with the same result (it
        compares sequences element by element). Vocabularies too large for Unicode get the
        lists back unchanged. The result for the last paragraph list asked is kept.
        """
        if len(self.vocabulary) > _MAX_CODE_POINTS:
            return paragraphs
        for asked, strings in self._strings:
            if asked is paragraphs:
                return strings
        if self._paragraphs and paragraphs is self._paragraphs[0]:
            joined = self.flat_strings()[0]  # type: ignore[index]
        elif self._paragraphs and paragraphs is self._paragraphs[1]:
            joined = self.flat_strings()[1]  # type: ignore[index]
        else:
            joined = "".join(map(self._character_map().__getitem__, chain.from_iterable(paragraphs)))
        ends = list(accumulate(map(len, paragraphs)))
        strings = [joined[start:end] for start, end in zip([0, *ends], ends)]
        self._strings = [*self._strings[-1:], (paragraphs, strings)]
        return strings

    def flat_strings(self) -> tuple[str, str] | None:
        """Return both texts' keys as one-character-per-key strings (None for huge vocabularies)."""
        if len(self.vocabulary) > _MAX_CODE_POINTS:
            return None
        if self._flat is None:
            character = self._character_map().__getitem__
            self._flat = ("".join(map(character, self.keys[0])), "".join(map(character, self.keys[1])))
        return self._flat

    def _character_map(self) -> dict[str, str]:
        """Return the character standing for each key (its id as a code point, surrogates skipped)."""
        if self._characters is None:
            count = len(self.vocabulary)
            points = chain(range(min(count, _SURROGATES)), range(_SURROGATES + 0x800, count + 0x800))
            self._characters = dict(zip(self.vocabulary, map(chr, points)))
        return self._characters

    def gram_codes(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the codes of every run of k keys in the original and in the copy, in order."""
        if k not in self._codes:
            self._codes[k] = pair_gram_codes(self.original, self.copy, k, max(len(self.vocabulary), 1))
        return self._codes[k]


def _ids_of_string(text: str) -> np.ndarray:
    """Return the ids a string of KeyIds characters stands for (code points, surrogates skipped)."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    points[points >= _SURROGATES + 0x800] -= 0x800
    return points


def pair_gram_codes(first: np.ndarray, second: np.ndarray, k: int,
                base: int) -> tuple[np.ndarray, np.ndarray]:
    """Return exact codes of the k-runs of two id arrays (see KeyIds).

    Runs are coded in base `base` for as many words as fit in 63 bits; when k words do not fit,
    the codes so far are renumbered jointly (`numpy.unique`) and the next words are added.
    """
    counts = (max(len(first) - k + 1, 0), max(len(second) - k + 1, 0))
    codes = [np.zeros(count, dtype=np.int64) for count in counts]
    done, size = 0, 1  # words coded so far; codes are below `size`
    while done < k:
        if done:
            distinct, numbered = np.unique(np.concatenate(codes), return_inverse=True)
            codes = [numbered[:counts[0]].astype(np.int64), numbered[counts[0]:].astype(np.int64)]
            size = max(len(distinct), 1)
        step = 1
        while done + step < k and size * base ** (step + 1) < 2 ** 63:
            step += 1
        if size * base ** step >= 2 ** 63:
            raise OverflowError("too many distinct word runs to number")
        codes = [code * base ** step + _horner(ids[done:], step, count, base)
                 for code, ids, count in zip(codes, (first, second), counts)]
        done += step
    return codes[0], codes[1]


def _horner(ids: np.ndarray, k: int, count: int, base: int) -> np.ndarray:
    """Return sum(ids[p + t] * base**(k - 1 - t)) for every start p of a k-run."""
    codes = np.zeros(count, dtype=np.int64)
    for offset in range(k):
        codes = codes * base + ids[offset:offset + count]
    return codes
