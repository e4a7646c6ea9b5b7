"""How likely a copy derives from an original: the two measures compare's score combines, and their fit.

- `word_containment`: the share of the copy's distinct *ordinary* words found in the original,
  within the run of whole original paragraphs, at most WINDOW_TIMES_COPY (5) times the copy's
  length (and at least WINDOW_MIN_WORDS, 150 words), that holds the most of them: the stretch the
  copy could have been written from. (A long original on the same topic holds most of any short
  report's words somewhere; a rewrite draws them from a stretch of comparable length.) Ordinary
  words are neither function words (`newstrace.text.vocabulary.MATCH_STOP_WORDS`), nor names
  (`name_keys`: words either text always capitalises), nor figures (words with a digit). A rewrite
  keeps the source's vocabulary while it rewords; an independent report of the same event shares
  the names and figures (which is why they do not count) but little of the rest.
- `phrase_containment`: the share of the copy's distinct three-word runs found in the original:
  phrases and quotes carried over. Runs made only of function words, names and figures do not
  count ("one of the" is chance; "in New York" is the event's, not the writer's).

`likelihood` = 1 / (1 + exp(-(SCORE_WEIGHTS . measures + SCORE_INTERCEPT))). The weights were
fitted by logistic regression on development data (the Clough & Stevenson corpus of short answers
plus the hand-written news sets in newstrace/evaluation) with
`python benchmarks/fit_derivation_score.py PATH`, which records them and its figures in
benchmarks/derivation_score_fit.json (tests/syndication/test_rewrites.py checks the two agree).

REWRITE_MIN_LIKELIHOOD 0.7, the score from which `compare` calls a pair a rewrite, was chosen on
the development data (docs/finding-copies.md): the middle of the range, 0.6 to 0.8, in which no
same-topic independent text of the Clough corpus or of the synthetic set and no more than before
(2 of 12) of newstrace/evaluation/derivation_pairs.json are called derived, while every rewrite
of newstrace/evaluation/rewrite_pairs.json is (at 0.5 the synthetic set gets a false positive and
the hand set a third; at 0.9 a news brief is missed; heavy revisions in the Clough corpus called
derived fall from 0.84 at 0.6 to 0.74 at 0.8).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from newstrace.syndication.paragraph_keys import Paragraphs
from newstrace.text.vocabulary import MATCH_STOP_WORDS
from newstrace.text.shingling import KeyIds
from newstrace.text.tokenizer import token_key

SCORE_WEIGHTS = {"word_containment": 14.06, "phrase_containment": 12.95}
SCORE_INTERCEPT = -8.66
"""The logistic weights, fitted by `python benchmarks/fit_derivation_score.py PATH`."""
REWRITE_MIN_LIKELIHOOD = 0.7
PHRASE_WORDS = 3
WINDOW_TIMES_COPY = 5
WINDOW_MIN_WORDS = 150


def name_keys(*texts: Paragraphs) -> set[str]:
    """Return the keys written capitalised wherever they occur in the texts, function words aside: names.

    Given two texts, a word that opens a sentence in one ("Fractures were found") but is written
    in lower case in the other is no name.
    """
    capitalised, lower = set(), set()
    for text in texts:
        for tokens_ in text.tokens:
            for token in tokens_:
                if token[:1].isalnum():
                    for part in token.split("-"):
                        (capitalised if part[:1].isupper() else lower).add(token_key(part))
    return capitalised - lower - MATCH_STOP_WORDS


@dataclass(frozen=True)
class DerivationMeasures:
    """The measures score combines (module docstring): shares of the copy found in the original."""

    word_containment: float
    phrase_containment: float


def ordinary_mask(ids: KeyIds, names: set[str]) -> np.ndarray:
    """Return, per vocabulary id, True for ordinary words: no function word, name or figure."""
    return np.fromiter((key not in MATCH_STOP_WORDS and key not in names and not any(map(str.isdigit, key))
                        for key in ids.vocabulary), dtype=bool, count=len(ids.vocabulary))


def derivation_measures(ids: KeyIds, original: Paragraphs, copy: Paragraphs) -> DerivationMeasures:
    """Return the copy's word and phrase containment in the original (module docstring)."""
    copy_words = np.unique(ids.copy)
    is_ordinary = ordinary_mask(ids, name_keys(copy) | name_keys(original))
    ordinary = copy_words[is_ordinary[copy_words]]
    limit = max(WINDOW_TIMES_COPY * len(ids.copy), WINDOW_MIN_WORDS)
    words = window_containment(ordinary, ids.original, [len(keys) for keys in original.keys], limit)
    if len(ids.copy) < PHRASE_WORDS or len(ids.original) < PHRASE_WORDS:
        return DerivationMeasures(words, 0.0)
    original_codes, copy_codes = ids.gram_codes(PHRASE_WORDS)
    counts = np.concatenate(([0], np.cumsum(is_ordinary[ids.copy])))
    with_word = (counts[PHRASE_WORDS:] - counts[:-PHRASE_WORDS]) > 0
    copy_codes = copy_codes[with_word]
    if not len(copy_codes):
        return DerivationMeasures(words, 0.0)
    original_codes, copy_codes = np.unique(original_codes), np.unique(copy_codes)
    shared = np.intersect1d(original_codes, copy_codes, assume_unique=True).size
    return DerivationMeasures(words, shared / len(copy_codes))


def window_containment(wanted: np.ndarray, original: np.ndarray, lengths: list[int], limit: int) -> float:
    """Return the largest share of `wanted` ids found in a run of whole paragraphs of `original`.

    The run holds at most `limit` words (always at least one paragraph). Two pointers slide over
    the paragraphs, so the cost is linear in the original's length.
    """
    if not len(wanted):
        return 0.0
    if sum(lengths) <= limit:
        return float(np.isin(wanted, original).mean())
    ends = np.cumsum(lengths)
    slot = {int(word): n for n, word in enumerate(wanted)}
    paragraph_slots = [np.array([slot[w] for w in set(original[end - length:end].tolist()) if w in slot], dtype=np.int64)
                       for end, length in zip(ends.tolist(), lengths)]
    counts = np.zeros(len(wanted), dtype=np.int64)
    best, covered, stop, words = 0, 0, 0, 0
    for start in range(len(lengths)):
        while stop < len(lengths) and (stop == start or words + lengths[stop] <= limit):
            newly = paragraph_slots[stop][counts[paragraph_slots[stop]] == 0]
            counts[paragraph_slots[stop]] += 1
            covered, words, stop = covered + len(newly), words + lengths[stop], stop + 1
        best = max(best, covered)
        counts[paragraph_slots[start]] -= 1
        covered -= int((counts[paragraph_slots[start]] == 0).sum())
        words -= lengths[start]
    return best / len(wanted)


def likelihood(measures: DerivationMeasures) -> float:
    """Return the logistic combination of the measures with SCORE_WEIGHTS (module docstring)."""
    z = SCORE_INTERCEPT + sum(weight * getattr(measures, name) for name, weight in SCORE_WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-z))


def shared_wording(copy: Paragraphs, runs: list[tuple[int, int, int]]) -> int:
    """Return how many words of the shared passages are wording, not names, titles or figures.

    A word is a name when `name_keys` lists it, a figure when it holds a digit. A passage made
    mostly of names and figures ("Jane Doe, inspector of the County Fire Service") counts nothing;
    in the others every word but the names and figures counts.
    """
    if not runs:
        return 0
    names = name_keys(copy)
    keys = [key for paragraph in copy.keys for key in paragraph]
    total = 0
    for _, start, length in runs:
        named = sum(key in names or not key.isalpha() and any(map(str.isdigit, key))
                    for key in keys[start:start + length])
        if 2 * named <= length:
            total += length - named
    return total
