"""Tests for newstrace.text.tokenizer (normalize, words, word_spans) and newstrace.text.shingling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.text.shingling import containment, jaccard, shingles
from newstrace.text.tokenizer import normalize, token_spans, tokens, word_spans, words

TYPOGRAPHY = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ad\u200b#£-'\"\r\n\t "
texts = st.text(alphabet=st.sampled_from(list("abcAB19 .,-") + list(TYPOGRAPHY)), max_size=60)


def test_normalize_folds_quotes_dashes_and_spaces() -> None:
    """Curly quotes, long dashes, ellipses and odd spaces fold to their plain forms."""
    text = "\u201cIt\u2019s over\u201d \u2014 he said\u2026  ok\u00a0now"
    assert normalize(text) == "\"It's over\" -- he said... ok now"


def test_normalize_keeps_case_and_paragraph_breaks() -> None:
    """Case and line breaks survive; CRLF becomes LF."""
    assert normalize("One Para.\r\nTwo Para.") == "One Para.\nTwo Para."


def test_normalize_reads_hash_before_digits_as_pound() -> None:
    """Old wire copy's '#5 million' reads as '£5 million'; a hashtag stays."""
    assert normalize("cost #5 million, see #news") == "cost £5 million, see #news"


def test_normalize_joins_line_end_hyphenation_and_drops_soft_hyphens() -> None:
    """'propa-\\nganda' and soft-hyphenated words are joined; a capitalised next line is not."""
    assert normalize("the propa-\nganda arm") == "the propaganda arm"
    assert normalize("propa\u00adganda") == "propaganda"
    assert normalize("the end-\nNext") == "the end-\nNext"


def test_normalize_rejects_non_text() -> None:
    """A non-str input is a TypeError that says what was expected."""
    with pytest.raises(TypeError, match="str"):
        normalize(b"bytes")  # type: ignore[arg-type]


def test_words_fold_case_hyphens_apostrophes_and_accents() -> None:
    """Matching tokens are lower case, unhyphenated, with straight apostrophes and no accents."""
    assert words("The month-long café\u2019s Islamic State\u2019s") == [
        "the", "month", "long", "cafe's", "islamic", "state's"]
    assert words("al-Maghribi") == words("al Maghribi") == ["al", "maghribi"]
    assert words("1,000 people, 3.5 km.") == ["1,000", "people", "3.5", "km"]


def test_words_ignore_typography() -> None:
    """Two typographic renderings of one sentence give the same tokens."""
    plain = "\"He's here\" -- said al-Qaida's man, #5."
    fancy = "\u201cHe\u2019s here\u201d \u2014 said al\u2011Qaida\u2019s man, £5."
    assert words(plain) == words(fancy)


def test_word_spans_point_into_the_input() -> None:
    """Each span's slice of the input is the word as written there."""
    text = "A  \u201cpropa-\nganda\u201d arm\u2019s reach"
    spans = word_spans(text)
    assert [token for token, _, _ in spans] == ["a", "propaganda", "arm's", "reach"]
    assert [text[start:end] for _, start, end in spans] == ["A", "propa-\nganda", "arm\u2019s", "reach"]
    hyphenated = "a well\u2011known"
    assert [hyphenated[s:e] for _, s, e in word_spans(hyphenated)] == ["a", "well", "known"]


@given(texts)
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising twice changes nothing more."""
    assert normalize(normalize(text)) == normalize(text)


@given(texts)
def test_words_unchanged_by_normalize(text: str) -> None:
    """Tokens of the normalised text are the tokens of the text."""
    assert words(normalize(text)) == words(text)


@given(texts)
def test_word_spans_agree_with_words(text: str) -> None:
    """word_spans gives the same tokens as words, with ordered in-range offsets."""
    spans = word_spans(text)
    assert [token for token, _, _ in spans] == words(text)
    for (_, start, end), (_, next_start, _) in zip(spans, spans[1:] + [("", len(text), 0)]):
        assert 0 <= start < end <= next_start <= len(text)


def test_shingles_are_k_word_tuples() -> None:
    """shingles() returns every run of k consecutive tokens."""
    assert shingles(["a", "b", "c", "d"], k=2) == {("a", "b"), ("b", "c"), ("c", "d")}
    assert len(shingles(words("one two three four five six"))) == 2, "five-word shingles by default"


def test_shingles_of_short_and_empty_texts() -> None:
    """Fewer than k tokens make one shingle; no tokens make none; k must be positive."""
    assert shingles(["a", "b"], k=5) == {("a", "b")}
    assert shingles([], k=5) == set()
    with pytest.raises(ValueError, match="positive"):
        shingles(["a"], k=0)


def test_jaccard_and_containment() -> None:
    """The set measures, including the empty-set conventions."""
    assert jaccard({1, 2}, {2, 3}) == pytest.approx(1 / 3)
    assert jaccard(set(), set()) == 0.0
    assert containment({1, 2}, {2, 3, 4}) == 0.5
    assert containment(set(), {1}) == 0.0
    assert containment({1, 2}, {1, 2, 3}) == 1.0


@given(st.sets(st.integers(0, 9)), st.sets(st.integers(0, 9)))
def test_set_measures_lie_in_unit_interval(a: set, b: set) -> None:
    """Jaccard is symmetric and never exceeds either containment; all lie in [0, 1]."""
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= min(containment(a, b), containment(b, a)) + 1e-12
    assert 0.0 <= containment(a, b) <= 1.0


@given(texts)
def test_token_spans_agree_with_tokens(text: str) -> None:
    """token_spans gives the tokens of tokens(), with ordered in-range offsets into the input."""
    spans = token_spans(text)
    assert [token for token, _, _ in spans] == tokens(text)
    assert all(0 <= start < end <= len(text) for _, start, end in spans)
    assert [start for _, start, _ in spans] == sorted(start for _, start, _ in spans)


@given(texts)
def test_hyphen_groups_from_tokens_agree(text: str) -> None:
    """hyphen_groups_of(tokens(x)) is hyphen_groups(x), and flattened it is words(x)."""
    from newstrace.text.tokenizer import hyphen_groups, hyphen_groups_of

    groups = hyphen_groups_of(tokens(text))
    assert groups == hyphen_groups(text)
    assert [key for group in groups for key in group] == words(text)
