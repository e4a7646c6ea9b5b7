"""The fast paths of compare (integer run codes, coded strings, regex-located keys) give the same
results as the plain reference computations they replace."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.syndication.align import align
from newstrace.syndication.comparison import shingle_measures
from newstrace.syndication.derived_words import copy_edited_groups, derived_score, derived_share
from newstrace.syndication.paragraph_keys import key_locator, key_spans, paragraph_locator, paragraph_pair
from newstrace.syndication.paragraph_links import covered_positions
from newstrace.syndication.passages import coded_matching_runs, grams, matching_runs
from newstrace.text.shingling import KeyIds, containment, jaccard, pair_gram_codes, shingles
from newstrace.text.tokenizer import WORD_RE, ascii_word_bounds
from newstrace.text.vocabulary import MATCH_STOP_WORDS

WORDS = ["the", "of", "and", "said", "army", "video", "camp", "al", "qaida", "monthlong", "x"]
word_lists = st.lists(st.sampled_from(WORDS), max_size=40)
paragraph_lists = st.lists(st.lists(st.sampled_from(WORDS), max_size=9), max_size=6)


def _same_pattern(first: list, second: list) -> bool:
    """Return True if two sequences have equal items at exactly the same pairs of positions."""
    return all((first[x] == first[y]) == (second[x] == second[y])
               for x in range(len(first)) for y in range(len(first)))


@settings(max_examples=60, deadline=None)
@given(word_lists, word_lists, st.integers(1, 6))
def test_run_codes_are_equal_exactly_when_runs_are_equal(original: list[str], copy: list[str],
                                                         k: int) -> None:
    """KeyIds run codes, in one step or renumbered between steps (a huge base), never collide."""
    ids = KeyIds(original, copy)
    runs = grams(original, k) + grams(copy, k)
    for base in (max(len(ids.vocabulary), 1), 2 ** 30):
        codes = pair_gram_codes(ids.original, ids.copy, k, base)
        assert [len(part) for part in codes] == [len(grams(original, k)), len(grams(copy, k))]
        assert _same_pattern(runs, [*codes[0].tolist(), *codes[1].tolist()])


@settings(max_examples=80, deadline=None)
@given(word_lists, word_lists, st.integers(1, 8), st.booleans())
def test_coded_matching_runs_equal_the_reference(original: list[str], copy: list[str], size: int,
                                                 huge_vocabulary: bool) -> None:
    """Greedy shared runs from codes (string or list extension) equal matching_runs on words."""
    shingles_module = importlib.import_module("newstrace.text.shingling")
    limit = shingles_module._MAX_CODE_POINTS
    shingles_module._MAX_CODE_POINTS = 0 if huge_vocabulary else limit
    try:
        assert coded_matching_runs(KeyIds(original, copy), size) == matching_runs(original, copy, size)
    finally:
        shingles_module._MAX_CODE_POINTS = limit


def test_coded_matching_runs_reject_a_size_below_one() -> None:
    """min_words 0 is refused with the same message as matching_runs."""
    with pytest.raises(ValueError, match="min_words must be at least 1"):
        coded_matching_runs(KeyIds(["a"], ["a"]), 0)


def _reference_covered(original: list[list[str]], copy: list[list[str]],
                       k: int) -> dict[tuple[int, int], set[int]]:
    """Return covered positions the plain way: a dict of word-tuple runs per paragraph."""
    index: dict[tuple[str, ...], set[int]] = {}
    for i, keys in enumerate(original):
        for gram in grams(keys, k):
            if not MATCH_STOP_WORDS.issuperset(gram):
                index.setdefault(gram, set()).add(i)
    covered: dict[tuple[int, int], set[int]] = {}
    for j, keys in enumerate(copy):
        if 0 < len(keys) < k:
            for i, whole in enumerate(original):
                if any(whole[s:s + len(keys)] == keys for s in range(len(whole) - len(keys) + 1)):
                    covered[(i, j)] = set(range(len(keys)))
            continue
        for start, gram in enumerate(grams(keys, k)):
            for i in index.get(gram, ()):
                covered.setdefault((i, j), set()).update(range(start, start + k))
    return covered


@settings(max_examples=80, deadline=None)
@given(paragraph_lists, paragraph_lists, st.integers(0, 5))
def test_covered_positions_equal_the_reference(original: list[list[str]], copy: list[list[str]],
                                               k: int) -> None:
    """Run codes find the same covered copy positions per paragraph pair as word tuples."""
    assert covered_positions(original, copy, k) == _reference_covered(original, copy, k)


@settings(max_examples=60, deadline=None)
@given(word_lists, word_lists, st.integers(1, 6))
def test_shingle_measures_equal_the_set_measures(original: list[str], copy: list[str], k: int) -> None:
    """Containment both ways and jaccard from codes equal those of the shingle sets."""
    first, second = shingles(original, k), shingles(copy, k)
    assert shingle_measures(KeyIds(original, copy), k) == (containment(second, first),
                                                          jaccard(second, first), containment(first, second))


sentences = st.lists(st.sampled_from(
    ["The army's month-long campaign.", "Al-Qaida said so", "a monthlong wait, and the camp",
     "x-ray of the video --", "said the well-known al Qaida man.", "\u201cQuote\u201d \u2014 said",
     "1,000 or 3.5 men", "Caf\u00e9-bar owners"]), min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, max_size=5), st.lists(sentences, max_size=5), st.integers(2, 6))
def test_derived_share_and_key_locator_equal_the_reference(first: list[str], second: list[str],
                                                           k: int) -> None:
    """The score from codes equals derived_score; every located key equals key_spans."""
    original, copy, closed = paragraph_pair(first, second)
    ids = KeyIds([key for keys in original.keys for key in keys], [key for keys in copy.keys for key in keys])
    groups = copy_edited_groups(align(original, copy, k, ids))
    assert derived_share(ids, original, copy, groups, k) == derived_score(original, copy, groups, k)
    for paragraphs in (original, copy):
        expected, start = [], 0
        for text, tokens_, keys in zip(paragraphs.texts, paragraphs.tokens, paragraphs.keys):
            locate = key_locator(text, tokens_, len(keys), closed)
            assert [locate(n) for n in range(len(keys))] == key_spans(text, closed)
            expected += [(start + key_start, start + key_end) for key_start, key_end in key_spans(text, closed)]
            start += len(text) + 1
        locate_joined = paragraph_locator(paragraphs, closed)
        assert [locate_joined(n) for n in range(len(expected))] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab1 2'-.,_\n\t#Z", max_size=40))
def test_ascii_word_bounds_equal_the_word_regex(text: str) -> None:
    """The numpy word finder gives the spans of the word regex on ASCII text."""
    starts, ends = ascii_word_bounds(text)
    assert list(zip(starts, ends)) == [match.span() for match in WORD_RE.finditer(text)]
