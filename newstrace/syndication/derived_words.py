"""Which of a copy's words derive verbatim from the original: `derived_share` and copy-edited groups.

A copy word is derived when it lies in a run of at least k words also found in the original (not
made only of function words), or when it is matched in order inside a *copy-edited* paragraph group
(`is_copy_edited`: similarity at least `EDITED_MIN_SIMILARITY` or coverage at least
`COPY_EDITED_MIN_COVERAGE`). `newstrace.syndication.comparison` states the rule in full.
`derived_share` computes it on integer ids; `derived_score` is the plain reference computation
the tests hold the fast path to.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel

from newstrace.syndication.align import Group, concatenated
from newstrace.syndication.paragraph_keys import Paragraphs, joined_paragraphs, key_offsets
from newstrace.syndication.paragraph_links import EDITED_MIN_SIMILARITY, has_content_word
from newstrace.syndication.passages import grams
from newstrace.text.shingling import KeyIds
from newstrace.text.vocabulary import MATCH_STOP_WORDS

COPY_EDITED_MIN_COVERAGE = 0.6


def is_copy_edited(similarity: float, coverage: float) -> bool:
    """Return True for a paragraph group close enough to its original to be copy edits."""
    return similarity >= EDITED_MIN_SIMILARITY or coverage >= COPY_EDITED_MIN_COVERAGE


def copy_edited_groups(alignment: pd.DataFrame) -> list[Group]:
    """Return (original, copy) paragraphs of each group similar enough to be copy edits."""
    return copy_edited_groups_of(zip(alignment["group"], alignment["similarity"], alignment["coverage"],
                              alignment["original_para"], alignment["copy_para"]))


def copy_edited_groups_of(rows: Iterable[tuple]) -> list[Group]:
    """Return copy_edited_groups of (group, similarity, coverage, original_para, copy_para) rows."""
    members: dict[int, tuple[set[int], set[int]]] = {}
    for group, similarity, coverage, i, j in rows:
        if not pd.isna(group) and is_copy_edited(similarity, coverage):
            originals, copies = members.setdefault(int(group), (set(), set()))
            originals.add(int(i))
            copies.add(int(j))
    return [(sorted(o), sorted(c)) for _, (o, c) in sorted(members.items())]


def _run_covered(index: set[tuple[str, ...]], copy: list[str], k: int) -> set[int]:
    """Return positions of copy words inside runs of k words whose shingle is in the index."""
    covered: set[int] = set()
    for start, gram in enumerate(grams(copy, k)):
        if gram in index and not MATCH_STOP_WORDS.issuperset(gram):
            covered.update(range(start, start + k))
    return covered


def _aligned_covered(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> set[int]:
    """Return positions of copy words matched in order inside copy-edited paragraph groups."""
    starts = key_offsets(copy.keys)
    covered: set[int] = set()
    for originals, copies in groups:
        before, _ = joined_paragraphs(original.keys, originals)
        after, owners = joined_paragraphs(copy.keys, copies)
        first_of = {index: after_pos for after_pos, index in reversed(list(enumerate(owners)))}
        for op in Indel.opcodes(before, after):
            if op.tag == "equal":
                covered.update(starts[owners[p]] + p - first_of[owners[p]]
                               for p in range(op.dest_start, op.dest_end))
    return covered


def _run_covered_mask(ids: KeyIds, k: int) -> np.ndarray:
    """Return, per copy word, True if it lies in a k-run found in the original (not all stopwords)."""
    count = len(ids.copy)
    marks = np.zeros(count + 1, dtype=np.int64)
    if len(ids.original) >= k and count >= k:
        original_codes, copy_codes = ids.gram_codes(k)
        starts = np.flatnonzero(np.isin(copy_codes, original_codes) & has_content_word(ids, ids.copy, k))
        marks[starts] += 1
        marks[starts + k] -= 1
    return np.cumsum(marks[:count]) > 0


def _mark_aligned(covered: np.ndarray, ids: KeyIds, original: Paragraphs, copy: Paragraphs,
                  groups: list[Group]) -> None:
    """Set covered[p] for copy words matched in order inside copy-edited paragraph groups."""
    coded_original, coded_copy = ids.as_strings(original.keys), ids.as_strings(copy.keys)
    starts = key_offsets(copy.keys)
    for originals, copies in groups:
        position = np.concatenate([np.arange(starts[j], starts[j] + len(copy.keys[j])) for j in copies])
        for op in Indel.opcodes(concatenated(coded_original, originals), concatenated(coded_copy, copies)):
            if op.tag == "equal":
                covered[position[op.dest_start:op.dest_end]] = True


def derived_share(ids: KeyIds, original: Paragraphs, copy: Paragraphs, groups: list[Group],
                  k: int) -> float:
    """Return derived_score computed on integer ids (the same value, faster)."""
    if not len(ids.copy):
        return 0.0
    covered = _run_covered_mask(ids, k)
    _mark_aligned(covered, ids, original, copy, groups)
    return int(covered.sum()) / len(ids.copy)


def derived_score(original: Paragraphs, copy: Paragraphs, groups: list[Group], k: int,
                  original_shingles: set[tuple[str, ...]] | None = None) -> float:
    """Return the share of the copy's words derived from the original (module docstring)."""
    copy_keys = [key for keys in copy.keys for key in keys]
    if not copy_keys:
        return 0.0
    if original_shingles is None:
        original_shingles = set(grams([key for keys in original.keys for key in keys], k))
    derived = _run_covered(original_shingles, copy_keys, k) | _aligned_covered(original, copy, groups)
    return len(derived) / len(copy_keys)


def aligned_share(copy: Paragraphs, groups: list[Group]) -> float:
    """Return the share of the copy's words in copy-edited paragraph groups."""
    total = sum(len(keys) for keys in copy.keys)
    aligned = {j for _, copies in groups for j in copies}
    return sum(len(copy.keys[j]) for j in aligned) / total if total else 0.0
