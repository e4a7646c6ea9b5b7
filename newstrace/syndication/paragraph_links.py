"""Which original paragraphs each copy paragraph draws on: the evidence and the linking rules.

Each paragraph is compared as `newstrace.text.tokenizer.words` keys. For every (original, copy) pair two
pieces of evidence are measured:

- `cover`: how many of the copy paragraph's words lie in runs of at least k words (the shingle
  size) shared with the original paragraph, i.e. verbatim reuse that survives rewording around it
  (runs made only of function words, `MATCH_STOP_WORDS`, do not count);
- `similarity`: rapidfuzz `Indel.normalized_similarity` of the two word lists,
  2 * LCS / (len(a) + len(b)), i.e. how much of both paragraphs is the same words in the same order.
  rapidfuzz's `process.cdist` computes the whole matrix in C, which keeps a 100 x 100 paragraph
  comparison to a few milliseconds (difflib would take a second).

Rules, applied to each copy paragraph in order:

1. Its candidate sources are the original paragraphs with `cover` >= k words (all its words if it
   is shorter than k), or with `similarity` >= EDITED_MIN_SIMILARITY and at least half of its
   content words (see 3b) in common, so that shared function words alone ("the", "of") never
   make two short paragraphs similar.
2. The primary source is the candidate with the most covered words, then the longest common
   subsequence; ties go to an original paragraph not used yet, then to the one right after the
   previous copy paragraph's source (so repeated paragraphs in the original pair up one to one).
3. Further candidates are added while each explains at least k more words of the copy paragraph
   than the sources already chosen (a merged paragraph draws on two or more originals). An original
   paragraph chosen by several copy paragraphs was split.
3b. Paraphrase, for rewrites: content words (not in `MATCH_STOP_WORDS`, plural "s" folded) are weighted
   by their inverse document frequency over the original's paragraphs, so a name repeated in every
   paragraph weighs little, and a word the original never uses weighs most. A copy paragraph with no candidate takes as source the original
   paragraph sharing the largest weighted share of its content words, if that share is at least
   PARAPHRASE_MIN_SHARE and at least PARAPHRASE_MIN_WORDS content words are shared. Then, one at a
   time, it also takes the original paragraph within PARAPHRASE_WINDOW paragraphs of a chosen
   source that shares the most of its content words not found in its sources yet, if those are at
   least PARAPHRASE_MIN_WORDS words and PARAPHRASE_MIN_SHARE of the weight of the unexplained
   words that the original uses somewhere (merged rewrites mostly draw on neighbouring paragraphs;
   once a source is established, words new to the original cannot point to a second one).
   These links are alignment only: they do not raise the score (see `newstrace.syndication.comparison`).
4. A copy paragraph whose primary source is an earlier copy paragraph's primary source, and whose
   words are near-identical to that earlier paragraph (similarity >= DUPLICATE_MIN_SIMILARITY), is a
   `duplicate` (the same paragraph printed twice), not a split.

`newstrace.syndication.align` turns the links into the alignment table.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from newstrace.syndication.paragraph_keys import Paragraphs
from newstrace.text.shingling import KeyIds
from newstrace.text.vocabulary import MATCH_STOP_WORDS, content_form

EDITED_MIN_SIMILARITY = 0.5
PARAPHRASE_MIN_SHARE = 0.25
PARAPHRASE_MIN_WORDS = 3
PARAPHRASE_WINDOW = 3
DUPLICATE_MIN_SIMILARITY = 0.9


def _contains_run(whole: list[str], part: list[str]) -> bool:
    """Return True if part occurs as a contiguous run in whole."""
    size = len(part)
    return any(whole[start:start + size] == part for start in range(len(whole) - size + 1))


def covered_positions(original: list[list[str]], copy: list[list[str]], k: int,
                      ids: KeyIds | None = None) -> dict[tuple[int, int], set[int]]:
    """Return, per (original, copy) paragraph pair, the copy word positions in shared k-runs.

    `ids` (the keys of both texts, paragraphs concatenated, as `KeyIds`) is built when not given.
    """
    covered: dict[tuple[int, int], set[int]] = {}
    for j, keys in enumerate(copy):
        if 0 < len(keys) < k:
            for i, whole in enumerate(original):
                if _contains_run(whole, keys):
                    covered[(i, j)] = set(range(len(keys)))
    if k < 1:
        return covered
    if ids is None:
        ids = KeyIds.of_paragraphs(original, copy)
    original_index, copy_index, local = _shared_runs(original, copy, k, ids)
    if len(local):
        covered.update(_covered_sets(original_index, copy_index, local, len(copy),
                                     max(len(keys) for keys in copy) + 1, k))
    return covered


def _shared_runs(original: list[list[str]], copy: list[list[str]], k: int,
                 ids: KeyIds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (original paragraph, copy paragraph, start in it) of every copy k-run inside one
    paragraph whose run also lies inside an original paragraph (not made of stopwords only)."""
    original_codes, copy_codes = ids.gram_codes(k)
    original_para = _run_paragraphs(original, k)
    shareable = (original_para >= 0) & has_content_word(ids, ids.original, k)
    codes, paras = _unique_pairs(original_codes[shareable], original_para[shareable])
    copy_para = _run_paragraphs(copy, k)
    starts = np.flatnonzero(copy_para >= 0)
    low = np.searchsorted(codes, copy_codes[starts], side="left")
    counts = np.searchsorted(codes, copy_codes[starts], side="right") - low
    found = counts > 0
    starts, low, counts = starts[found], low[found], counts[found]
    total = int(counts.sum())
    first = np.cumsum(counts) - counts
    match_start = np.repeat(starts, counts)
    match_original = paras[np.repeat(low - first, counts) + np.arange(total)]
    match_copy = copy_para[match_start]
    copy_offsets = np.concatenate(([0], np.cumsum([len(keys) for keys in copy])))
    return match_original, match_copy, match_start - copy_offsets[match_copy]


def _covered_sets(original_index: np.ndarray, copy_index: np.ndarray, local: np.ndarray,
                  copy_count: int, width: int, k: int) -> dict[tuple[int, int], set[int]]:
    """Return, per paragraph pair, the positions covered by runs starting at `local` (k words each)."""
    pairs, row = np.unique(original_index * copy_count + copy_index, return_inverse=True)
    cell = row * width + local  # one row of `width` cells per pair; a run covers [cell, cell + k)
    size = len(pairs) * width
    marks = np.bincount(cell, minlength=size) - np.bincount(cell + k, minlength=size)
    row_of, position = np.divmod(np.flatnonzero(np.cumsum(marks) > 0), width)
    bounds = [0, *(np.flatnonzero(np.diff(row_of)) + 1).tolist(), len(row_of)]
    position_list = position.tolist()
    return {divmod(pair_number, copy_count): set(position_list[begin:stop])
            for (begin, stop), pair_number in zip(zip(bounds, bounds[1:]), pairs[row_of[bounds[:-1]]].tolist())}


def _run_paragraphs(paragraphs: list[list[str]], k: int) -> np.ndarray:
    """Return, per start of a k-run in the concatenated keys, its paragraph, or -1 if it spans two."""
    lengths = np.fromiter(map(len, paragraphs), dtype=np.int64, count=len(paragraphs))
    owner = np.repeat(np.arange(len(paragraphs)), lengths)
    count = len(owner) - k + 1
    if count <= 0:
        return np.zeros(0, dtype=np.int64)
    return np.where(owner[:count] == owner[k - 1:], owner[:count], -1)


def has_content_word(ids: KeyIds, keys: np.ndarray, k: int) -> np.ndarray:
    """Return, per start of a k-run of keys, True unless every word of the run is in MATCH_STOP_WORDS."""
    if "stopwords" not in ids.memo:
        ids.memo["stopwords"] = np.fromiter((key in MATCH_STOP_WORDS for key in ids.vocabulary), dtype=bool,
                                            count=len(ids.vocabulary))
    stop = ids.memo["stopwords"]
    content = np.concatenate(([0], np.cumsum(~stop[keys])))
    return (content[k:] - content[:-k]) > 0 if len(keys) >= k else np.zeros(0, dtype=bool)


def _unique_pairs(codes: np.ndarray, paras: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct (code, paragraph) pairs, sorted by code then paragraph."""
    order = np.lexsort((paras, codes))
    codes, paras = codes[order], paras[order]
    keep = np.ones(len(codes), dtype=bool)
    keep[1:] = (codes[1:] != codes[:-1]) | (paras[1:] != paras[:-1])
    return codes[keep], paras[keep]


def similarity_matrix(original: list[list[str]], copy: list[list[str]]) -> np.ndarray:
    """Return the Indel normalised similarity of every original paragraph with every copy one."""
    if not original or not copy:
        return np.zeros((len(original), len(copy)))
    return cdist(original, copy, scorer=Indel.normalized_similarity, dtype=np.float64)


def _content_of(keys: list[str], forms: dict[str, str | None]) -> set[str]:
    """Return content_words(keys), given every key's content_form in `forms`."""
    found = set(map(forms.__getitem__, keys))
    found.discard(None)
    return found  # type: ignore[return-value]


def idf_weights(paragraphs: list[set[str]]) -> dict[str, float]:
    """Return 1 + log(N / document frequency) for each word of the paragraphs."""
    frequency = Counter(chain.from_iterable(paragraphs))
    return {word: 1.0 + math.log(len(paragraphs) / count) for word, count in frequency.items()}


@dataclass
class _Evidence:
    """What the alignment rules need about one comparison."""

    original: Paragraphs
    copy: Paragraphs
    k: int
    covered: dict[tuple[int, int], set[int]]
    similarity: np.ndarray
    ids: KeyIds | None = None
    original_content: list[set[str]] = field(default_factory=list)
    copy_content: list[set[str]] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Index covered positions by copy paragraph; compute content words and their weights."""
        self.covered_by_copy: dict[int, dict[int, set[int]]] = {}
        for (i, j), positions in self.covered.items():
            self.covered_by_copy.setdefault(j, {})[i] = positions
        vocabulary = self.ids.vocabulary if self.ids else dict.fromkeys(
            [key for keys in self.original.keys + self.copy.keys for key in keys])
        forms = dict(zip(vocabulary, map(content_form, vocabulary)))
        self.original_content = [_content_of(keys, forms) for keys in self.original.keys]
        self.copy_content = [_content_of(keys, forms) for keys in self.copy.keys]
        self.weights = idf_weights(self.original_content)
        self.top_weight = 1.0 + math.log(max(len(self.original_content), 1))
        self.similar_to: dict[int, list[int]] = {}
        for j, i in zip(*(side.tolist() for side in np.nonzero(self.similarity.T >= EDITED_MIN_SIMILARITY))):
            self.similar_to.setdefault(j, []).append(i)

    def weight(self, words_: set[str]) -> float:
        """Return the total weight of words (words absent from the original weigh most)."""
        return math.fsum(map(self.weights.get, words_, repeat(self.top_weight)))  # any set order

    def paraphrase(self, i: int, j: int, explained: set[str]) -> float:
        """Return the weighted share of copy j's unexplained content words that original i holds."""
        return self.paraphrases([i], j, explained)[0]

    def paraphrases(self, originals: list[int], j: int, explained: set[str]) -> list[float]:
        """Return paraphrase(i, j, explained) for each original paragraph i."""
        unexplained = self.copy_content[j] - explained
        total: float | None = None
        shares = []
        for i in originals:
            shared = unexplained & self.original_content[i]
            if len(shared) < PARAPHRASE_MIN_WORDS:
                shares.append(0.0)
                continue
            if total is None:
                total = self.weight(unexplained & self.weights.keys()) if explained else self.weight(unexplained)
            share = self.weight(shared) / total if total else 0.0
            shares.append(share if share >= PARAPHRASE_MIN_SHARE else 0.0)
        return shares

    def cover(self, i: int, j: int) -> int:
        """Return how many words of copy paragraph j lie in k-runs shared with original i."""
        return len(self.covered.get((i, j), ()))

    def candidates(self, j: int) -> list[int]:
        """Return the original paragraphs with enough evidence to be a source of copy j."""
        need = max(1, min(self.k, len(self.copy.keys[j])))
        by_cover = {i for i, positions in self.covered_by_copy.get(j, {}).items()
                    if len(positions) >= need}
        return sorted(by_cover | {i for i in self.similar_to.get(j, ()) if self.similar(i, j)})

    def similar(self, i: int, j: int) -> bool:
        """Return True if the pair is similar in order and shares most of j's content words."""
        if self.similarity[i, j] < EDITED_MIN_SIMILARITY:
            return False
        content = self.copy_content[j]
        if not content:
            return self.original.keys[i] == self.copy.keys[j]
        return len(content & self.original_content[i]) >= len(content) / 2


def _primary(evidence: _Evidence, j: int, candidates: list[int], used: set[int],
             previous: int | None) -> int:
    """Return the best source of copy paragraph j among candidates (rule 2)."""
    expected = -1 if previous is None else previous + 1
    return max(candidates, key=lambda i: (evidence.cover(i, j), evidence.similarity[i, j],
                                          i not in used, i == expected, -i))


def _sources(evidence: _Evidence, j: int, used: set[int], previous: int | None) -> list[int]:
    """Return the original paragraphs copy paragraph j draws on, primary first (rules 2-3)."""
    candidates = evidence.candidates(j)
    if not candidates:
        return _paraphrase_sources(evidence, j, [])
    chosen = [_primary(evidence, j, candidates, used, previous)]
    explained = set(evidence.covered.get((chosen[0], j), ()))
    need = min(evidence.k, len(evidence.copy.keys[j]))
    for i in sorted(candidates, key=lambda i: -evidence.cover(i, j)):
        new = evidence.covered.get((i, j), set()) - explained
        if i not in chosen and len(new) >= max(need, 1):
            chosen.append(i)
            explained |= new
    return _paraphrase_sources(evidence, j, chosen)


def _nearby(evidence: _Evidence, chosen: list[int]) -> list[int]:
    """Return unchosen original paragraphs: all if none is chosen, else those near a chosen one."""
    count = len(evidence.original.keys)
    if not chosen:
        return list(range(count))
    near = {i + step for i in chosen for step in range(-PARAPHRASE_WINDOW, PARAPHRASE_WINDOW + 1)}
    return sorted(i for i in near if 0 <= i < count and i not in chosen)


def _paraphrase_sources(evidence: _Evidence, j: int, chosen: list[int]) -> list[int]:
    """Return chosen plus the original paragraphs that j paraphrases (rule 3b)."""
    chosen = list(chosen)
    explained = set().union(*(evidence.original_content[i] for i in chosen))
    while True:
        nearby = _nearby(evidence, chosen)
        shares = [(share, -i) for share, i in zip(evidence.paraphrases(nearby, j, explained), nearby)]
        best = max(shares, default=(0.0, 0))
        if best[0] <= 0.0:
            return chosen
        chosen.append(-best[1])
        explained |= evidence.original_content[-best[1]]


def link_paragraphs(original: Paragraphs, copy: Paragraphs, k: int,
                    ids: KeyIds | None = None) -> tuple[dict[int, list[int]], set[int]]:
    """Return each copy paragraph's sources and the set of copy paragraphs that are duplicates."""
    ids = ids or KeyIds.of_paragraphs(original.keys, copy.keys)
    evidence = _Evidence(original, copy, k, covered_positions(original.keys, copy.keys, k, ids),
                         similarity_matrix(ids.as_strings(original.keys), ids.as_strings(copy.keys)), ids)
    coded_copy = ids.as_strings(copy.keys)
    sources: dict[int, list[int]] = {}
    with_primary: dict[int, list[int]] = {}  # primary source -> copy paragraphs so far
    duplicates: set[int] = set()
    used: set[int] = set()
    previous = None
    for j in range(len(copy.texts)):
        chosen = _sources(evidence, j, used, previous)
        if chosen and _duplicate_of(coded_copy, with_primary.get(chosen[0], []), j):
            duplicates.add(j)
        if chosen:
            used.update(chosen)
            previous = chosen[0]
            with_primary.setdefault(chosen[0], []).append(j)
        sources[j] = chosen
    return sources, duplicates


def _duplicate_of(copy: list[str] | list[list[str]], earlier: list[int], j: int) -> bool:
    """Return True if an earlier copy paragraph with the same primary source has the same words."""
    return any(Indel.normalized_similarity(copy[before], copy[j]) >= DUPLICATE_MIN_SIMILARITY
               for before in earlier)
