"""Paragraphs as matching keys, and where each key lies in the text.

A paragraph is compared as `newstrace.text.tokenizer.words` keys (typography folded, lower case).
Hyphenated words are matched alike in both texts: a hyphenated word whose closed form is written
somewhere in either text ("month-long" where the other has "monthlong") becomes that closed form,
otherwise its parts ("al-Maghribi" = "al Maghribi"). `paragraph_pair` makes the keys of two texts;
`key_spans`, `key_locator` and `paragraph_locator` map a key back to its characters, so that tables
can quote the text a key came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, compress, islice
from operator import itemgetter

from newstrace.text.tokenizer import (
    TOKEN_RE,
    WORD_RE,
    ascii_word_bounds,
    hyphen_groups_of,
    normalize,
    token_key,
    tokens,
    written_word_spans,
)


@dataclass(frozen=True)
class Paragraphs:
    """Paragraph texts with their display tokens and matching keys."""

    texts: list[str]
    tokens: list[list[str]] = field(repr=False)
    keys: list[list[str]] = field(repr=False)

    @classmethod
    def of(cls, texts: list[str], closed_forms: set[str] | frozenset = frozenset()) -> Paragraphs:
        """Return Paragraphs for paragraph texts; hyphenated words found closed are joined."""
        token_lists = [tokens(text) for text in texts]
        return cls(list(texts), token_lists,
                   [join_compounds(hyphen_groups_of(found), closed_forms) for found in token_lists])


_Split = tuple[list[str], list[str], list[list[str]] | None, bool]


def _split_words(text: str, closed: set[str]) -> _Split:
    """Return a paragraph's tokens, word keys, hyphen groups (or None) and whether a word is hyphenated.

    ASCII paragraphs skip the hyphen groups: their keys are the word tokens lower-cased (what
    token_key does to ASCII), and words holding a hyphen are split or joined later by
    `_join_hyphenated`. Closed forms (words without a hyphen) go into `closed`.
    """
    folded = normalize(text)
    found = TOKEN_RE.findall(folded)
    if not folded.isascii():
        groups = hyphen_groups_of(found)
        closed.update(parts[0] for parts in groups if len(parts) == 1)
        return found, [], groups, True
    words = "\n".join(compress(found, map(str.isalnum, map(itemgetter(0), found)))).lower().split("\n")
    if words == [""]:
        words = []
    hyphenated = "-" in folded
    closed.update((word for word in words if "-" not in word) if hyphenated else words)
    return found, words, None, hyphenated


def _join_hyphenated(words: list[str], closed_forms: set[str] | frozenset) -> list[str]:
    """Return join_compounds of the words' hyphen groups, for words already lower-cased."""
    keys: list[str] = []
    for word in words:
        if "-" not in word:
            keys.append(word)
            continue
        parts = word.split("-")
        joined = "".join(parts)
        keys += [joined] if joined in closed_forms else parts
    return keys


def _keys_of(split: _Split, closed: set[str]) -> list[str]:
    """Return the matching keys of one paragraph split by `_split_words`."""
    _, words, groups, hyphenated = split
    if groups is not None:
        return join_compounds(groups, closed)
    return _join_hyphenated(words, closed) if hyphenated else words


def paragraph_pair(first: list[str], second: list[str]) -> tuple[Paragraphs, Paragraphs, set[str]]:
    """Return Paragraphs of two texts, hyphenated words joined where either writes them closed."""
    closed: set[str] = set()
    split = [[_split_words(text, closed) for text in texts] for texts in (first, second)]
    made = [Paragraphs(list(texts), [parts[0] for parts in side], [_keys_of(parts, closed) for parts in side])
            for texts, side in zip((first, second), split)]
    return made[0], made[1], closed


def key_spans(text: str, closed_forms: set[str] | frozenset) -> list[tuple[int, int]]:
    """Return the (start, end) in text of each matching key, as Paragraphs.of makes them."""
    spans: list[tuple[int, int]] = []
    for word, start, end in written_word_spans(text):
        if "-" not in word:
            spans.append((start, end))
            continue
        parts = word.split("-")
        if "".join(map(token_key, parts)) in closed_forms:
            spans.append((start, end))
        else:
            spans += _part_spans(text, parts, start, end)
    return spans


def _part_spans(text: str, parts: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of a hyphenated word's parts, found in order inside text[start:end]."""
    spans, position = [], start
    for part in parts:
        found = text.find(part, position, end)
        found = position if found < 0 else found
        spans.append((found, min(found + len(part), end)))
        position = found + len(part)
    return spans


def join_compounds(groups: list[list[str]], closed_forms: set[str] | frozenset) -> list[str]:
    """Return keys with a hyphenated word's parts joined when its closed form is in closed_forms."""
    keys: list[str] = []
    for parts in groups:
        joined = "".join(parts)
        keys += [joined] if len(parts) > 1 and joined in closed_forms else parts
    return keys


def key_offsets(paragraphs: list[list[str]]) -> list[int]:
    """Return the position of each paragraph's first word in the joined word list."""
    starts, total = [], 0
    for keys in paragraphs:
        starts.append(total)
        total += len(keys)
    return starts


def joined_paragraphs(paragraphs: list[list[str]], indexes: list[int]) -> tuple[list[str], list[int]]:
    """Return the tokens of the chosen paragraphs joined, and each token's paragraph index."""
    joined, owners = [], []
    for index in indexes:
        joined += paragraphs[index]
        owners += [index] * len(paragraphs[index])
    return joined, owners


WordSpan = Callable[[int], tuple[int, int]]


def key_locator(text: str, tokens_: list[str], key_count: int, closed: set[str],
                 word_span: WordSpan | None = None) -> Callable[[int], tuple[int, int]]:
    """Return a function giving the (start, end) in text of the n-th matching key of a paragraph.

    When normalisation leaves the paragraph unchanged, key n lies in a word match of the text:
    the n-th one if no hyphenated word is split into several keys; else (ASCII text) the word and
    part are looked up in a key-to-word table. `word_span(w)` gives the span of word match w when
    the caller has them (`ascii_word_bounds`); else the regex engine finds it. Otherwise every
    key's span is computed once with `key_spans`.
    """
    words_in_tokens = sum(map(str.isalnum, map(itemgetter(0), tokens_)))
    if normalize(text) == text:
        span = word_span or (lambda w: next(islice(WORD_RE.finditer(text), w, None)).span())
        if words_in_tokens == key_count:
            return span
        parts_of = _key_parts(tokens_, closed) if text.isascii() else None
        if parts_of is not None and parts_of.count == key_count:  # type: ignore[attr-defined]
            return lambda n: _part_span(text, span, *parts_of(n))
    return key_spans(text, closed).__getitem__


def _key_parts(tokens_: list[str], closed: set[str]) -> Callable[[int], tuple[int, int]]:
    """Return a function giving (word number, hyphen part or -1 for the whole word) of key n.

    For an ASCII paragraph's tokens; only the words split into several keys are listed, so the
    function walks those few. Its `count` attribute is the paragraph's number of keys.
    """
    words = "\n".join(compress(tokens_, map(str.isalnum, map(itemgetter(0), tokens_))))
    split: list[tuple[int, int]] = []  # (word number, parts) of each word split into its parts
    number, line_start, hyphen = 0, 0, words.find("-")
    while hyphen >= 0:
        number += words.count("\n", line_start, hyphen)
        line_start = words.rfind("\n", 0, hyphen) + 1
        line_end = words.find("\n", hyphen)
        word = words[line_start:line_end if line_end >= 0 else len(words)]
        parts = word.split("-")
        if "".join(parts).lower() not in closed:
            split.append((number, len(parts)))
        hyphen = words.find("-", line_end) if line_end >= 0 else -1

    def parts_of(n: int) -> tuple[int, int]:
        """Return (word number, part or -1) of key n."""
        extra = 0  # keys before the current word beyond one per word
        for word_number, parts in split:
            if n < word_number + extra:
                break
            if n < word_number + extra + parts:
                return word_number, n - word_number - extra
            extra += parts - 1
        return n - extra, -1

    parts_of.count = words.count("\n") + 1 + sum(parts - 1 for _, parts in split) if words else 0  # type: ignore[attr-defined]
    return parts_of


def _part_span(text: str, word_span: WordSpan, word: int, part: int) -> tuple[int, int]:
    """Return the span of a word match of text, or of one of its hyphen-separated parts."""
    start, end = word_span(word)
    if part < 0:
        return start, end
    parts = text[start:end].split("-")
    start += sum(len(piece) + 1 for piece in parts[:part])
    return start, start + len(parts[part])


def paragraph_locator(paragraphs: Paragraphs, closed: set[str]) -> Callable[[int], tuple[int, int]]:
    """Return a function giving the (start, end) of the n-th key in the paragraphs joined by "\n"."""
    paragraph_start = list(accumulate((len(text) + 1 for text in paragraphs.texts), initial=0))
    key_start = key_offsets(paragraphs.keys)
    spans: dict[int, Callable[[int], tuple[int, int]]] = {}
    word_span = _word_spans(paragraphs.texts, paragraph_start)

    def locate(n: int) -> tuple[int, int]:
        """Return the character span of key n."""
        index = bisect.bisect_right(key_start, n) - 1
        while not paragraphs.keys[index]:
            index -= 1
        if index not in spans:
            spans[index] = key_locator(paragraphs.texts[index], paragraphs.tokens[index],
                                        len(paragraphs.keys[index]), closed, word_span(index))
        start, end = spans[index](n - key_start[index])
        return paragraph_start[index] + start, paragraph_start[index] + end

    return locate


def _word_spans(texts: list[str], paragraph_start: list[int]) -> Callable[[int], WordSpan | None]:
    """Return, per paragraph, a function giving the span of its w-th word match (or None).

    The word matches of all paragraphs come from one `ascii_word_bounds` pass over the joined
    text when it is ASCII; otherwise each paragraph is left to the regex engine (None).
    """
    joined = "\n".join(texts)
    if not joined.isascii():
        return lambda index: None
    starts, ends = ascii_word_bounds(joined)
    first = [bisect.bisect_left(starts, start) for start in paragraph_start]

    def word_span_of(index: int) -> WordSpan:
        """Return the word-span function of paragraph `index`."""
        offset, base = paragraph_start[index], first[index]
        return lambda w: (starts[base + w] - offset, ends[base + w] - offset)

    return word_span_of
