"""Verbatim passages shared by two texts, with character offsets in both.

Words are matched as `newstrace.text.tokenizer.words` keys (typography, case and hyphenation folded), so a
quote lifted with different quotation marks is still one passage. The search is a greedy string
tiling over word runs: walk the copy from the start; where its next `min_words` words occur in the
original, extend every such occurrence as far as the words agree, keep the longest, and continue
after it. Passages may appear in any order in the original (reordered paragraphs are found).
Offsets are character offsets into the two texts passed in (in `compare`, the cleaned texts).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable

import numpy as np
import pandas as pd

from newstrace.text.segments import line_of
from newstrace.text.shingling import KeyIds
from newstrace.text.tokenizer import word_spans

PASSAGE_COLUMNS = ["original_start", "original_end", "copy_start", "copy_end", "words",
                   "original_para", "copy_para", "text"]


def gram_index(keys: list[str], size: int) -> dict[tuple[str, ...], list[int]]:
    """Return every start position of each run of `size` words in keys."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for start, gram in enumerate(grams(keys, size)):
        index[gram].append(start)
    return index


def grams(keys: list[str], size: int) -> list[tuple[str, ...]]:
    """Return every run of `size` consecutive words of keys, in order."""
    return list(zip(*(keys[offset:] for offset in range(size))))


def _match_length(original: list[str], copy: list[str], i: int, j: int) -> int:
    """Return how many words agree from original[i] and copy[j] onwards."""
    length = 0
    while i + length < len(original) and j + length < len(copy) \
            and original[i + length] == copy[j + length]:
        length += 1
    return length


def matching_runs(original: list[str], copy: list[str], min_words: int) -> list[tuple[int, int, int]]:
    """Return (original_start, copy_start, length) of greedy maximal shared runs >= min_words."""
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, got {min_words!r}")
    index = gram_index(original, min_words)
    runs, j = [], 0
    while j <= len(copy) - min_words:
        starts = index.get(tuple(copy[j:j + min_words]), [])
        best = max(((_match_length(original, copy, i, j), -i) for i in starts), default=None)
        if best is None:
            j += 1
            continue
        runs.append((-best[1], j, best[0]))
        j += best[0]
    return runs


def coded_matching_runs(ids: KeyIds, min_words: int) -> list[tuple[int, int, int]]:
    """Return matching_runs(original keys, copy keys, min_words), computed on integer run codes.

    Only copy positions whose run occurs in the original are visited, the original's positions
    of each run come from one sort, and runs are extended by comparing slices of the texts'
    one-character-per-key strings (`KeyIds.flat_strings`) in galloping steps.
    """
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, got {min_words!r}")
    original_codes, copy_codes = ids.gram_codes(min_words)
    hits = np.flatnonzero(np.isin(copy_codes, original_codes))
    order = np.argsort(original_codes, kind="stable")
    ordered = original_codes[order]
    lows = np.searchsorted(ordered, copy_codes[hits], side="left").tolist()
    highs = np.searchsorted(ordered, copy_codes[hits], side="right").tolist()
    hits, order = hits.tolist(), order.tolist()
    strings = ids.flat_strings()
    original, copy = strings if strings else (ids.original.tolist(), ids.copy.tolist())
    extend = _common_length if strings else _match_length
    runs, h = [], 0
    while h < len(hits):
        j = hits[h]
        length, negative_start = max((extend(original, copy, i, j), -i) for i in order[lows[h]:highs[h]])
        runs.append((-negative_start, j, length))
        h = bisect.bisect_left(hits, j + length, h + 1)
    return runs


def _common_length(original: str, copy: str, i: int, j: int) -> int:
    """Return how many characters agree from original[i] and copy[j] onwards (galloping search)."""
    limit = min(len(original) - i, len(copy) - j)
    agreed, step = 0, 16
    while agreed < limit:
        upper = min(agreed + step, limit)
        if original[i + agreed:i + upper] == copy[j + agreed:j + upper]:
            agreed, step = upper, step * 2
            continue
        while upper - agreed > 1:  # the first difference lies in [agreed, upper)
            middle = (agreed + upper) // 2
            if original[i + agreed:i + middle] == copy[j + agreed:j + middle]:
                agreed = middle
            else:
                upper = middle
        return agreed
    return agreed



def shared_passages(original: str, copy: str, min_words: int = 8) -> pd.DataFrame:
    """Return the verbatim passages of at least min_words words shared by the two texts."""
    original_spans, copy_spans = word_spans(original), word_spans(copy)
    runs = matching_runs([s[0] for s in original_spans], [s[0] for s in copy_spans], min_words)
    return passage_table(runs, original, copy, lambda n: original_spans[n][1:],
                         lambda n: copy_spans[n][1:])


def passage_table(runs: list[tuple[int, int, int]], original: str, copy: str,
                  locate_original: Callable[[int], tuple[int, int]],
                  locate_copy: Callable[[int], tuple[int, int]]) -> pd.DataFrame:
    """Return the passage rows of matching runs, given each word's (start, end) in its text."""
    rows = []
    for i, j, length in runs:
        o_start, o_end = locate_original(i)[0], locate_original(i + length - 1)[1]
        c_start, c_end = locate_copy(j)[0], locate_copy(j + length - 1)[1]
        rows.append((o_start, o_end, c_start, c_end, length, line_of(original, o_start),
                     line_of(copy, c_start), copy[c_start:c_end]))
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
