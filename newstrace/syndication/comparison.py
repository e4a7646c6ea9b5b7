"""Compare an original with a possible copy: how much of the copy derives from it, and how.

`compare(original, copy)` cleans both texts with `newstrace.pages.clutter.clean`, folds typography
(`newstrace.text.tokenizer`), aligns paragraphs (`newstrace.syndication.align`), lists word-level edits
(`newstrace.syndication.edits`) and verbatim shared passages (`newstrace.syndication.passages`). Paragraph indexes in
every table are 0-based indexes into the *cleaned* paragraphs (`clean(text).paragraphs`);
character offsets in `shared_passages` are offsets into the cleaned texts (`clean(text).text`).

Hyphenated words: a hyphenated word whose closed form is written somewhere in either text
("month-long" where the other text has "monthlong") is matched as that closed form; otherwise as
its parts ("al-Maghribi" = "al Maghribi").

**score** (0 to 1): the share of the copy's words that derive from the original. A copy word
counts as derived when either
(a) it lies in a run of at least `shingle_size` words that also occurs in the original, anywhere
    (verbatim reuse, including quotes and phrases carried into a rewrite; reordering is free),
    unless the run is made only of function words (`newstrace.text.vocabulary.MATCH_STOP_WORDS`: "and that he had
    been" is chance, not reuse), or
(b) it is matched, in order, to a word of the original paragraph(s) it is aligned with, in a
    *copy-edited* paragraph group: similarity at least `EDITED_MIN_SIMILARITY`, or coverage (share
    of the group's copy words matched in order) at least `COPY_EDITED_MIN_COVERAGE`, e.g. one
    sentence kept from a long paragraph. Short edits leave runs shorter than `shingle_size`, which
    (a) alone would miss. A paraphrase keeps few words in order (the case's re-report reaches a
    coverage of 0.41 at most), so rewritten paragraphs count only through (a).
Word-level `edits` are listed for copy-edited groups only.
Cutting paragraphs never lowers the score (it is a share of the copy, not of the original); an
independent report of the same event shares names and facts but few runs of five words, and its
paragraphs are not similar enough for (b), so it scores low. Identical texts score 1; an empty
copy scores 0.

**containment**: share of the copy's `shingle_size`-word shingles found in the original's.
**jaccard**: Jaccard similarity of the two shingle sets.

**relation** (first rule that holds):
- `identical`: the two texts, typography folded, have the same tokens (page clutter included)
  and the same story paragraphs.
- `copy`: no paragraph missing or added and no edits: the same story paragraphs, only page
  clutter (or paragraph breaks, or a duplicated paragraph) differs.
- `trimmed copy`: score >= TRIMMED_MIN_SCORE, no added paragraph, something cut (a missing
  paragraph or a deletion), no insertion or word change, and at most HOUSE_STYLE_MAX_RATE house
  style edits per copy word.
- `edited copy`: score >= EDITED_MIN_SCORE and at least ALIGNED_MIN_SHARE of the copy's words in
  copy-edited paragraph groups (copy edits, possibly also trimmed).
- `rewrite`: score >= REWRITE_MIN_SCORE and the shared passages (runs of at least
  `min_passage_words` words) hold at least REWRITE_WORDING_PASSAGES * `min_passage_words` words
  of *wording*: new wording that carries over quotes and phrases. Wording is every word of a
  shared passage except names and figures (`shared_wording`: words the copy always capitalises,
  function words aside, and words with a digit); a passage made mostly of names and figures,
  such as "Jane Doe, inspector of the County Fire Service", counts nothing. Reason: an
  independent report of the same event shares names, titles and figures, and often one short
  quote from the same statement or hearing, but not more of the first writer's wording; a
  rewrite carries over several quotes and phrases (measured on newstrace/evaluation/derivation_pairs.json
  and synthetic independent reports with `python -m newstrace.evaluation.derivation`).
- `unrelated`: none of the above.

Thresholds are module constants: TRIMMED_MIN_SCORE 0.9, HOUSE_STYLE_MAX_RATE 0.01,
EDITED_MIN_SCORE 0.6, ALIGNED_MIN_SHARE 0.5, REWRITE_MIN_SCORE 0.15, REWRITE_WORDING_PASSAGES 2,
EDITED_MIN_SIMILARITY 0.5, COPY_EDITED_MIN_COVERAGE 0.6. They were set from built variants (see
tests/syndication/test_comparison.py and tests/evaluation/test_derivation.py), not fitted to the case.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress, islice
from operator import itemgetter

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel

from newstrace.pages.clutter import Cleaned, clean
from newstrace.syndication.align import (
    EDITED_MIN_SIMILARITY,
    Paragraphs,
    alignment_frame,
    alignment_rows,
    concatenated,
    has_content_word,
    key_spans,
    paragraph_pair,
)
from newstrace.syndication.edits import HOUSE_STYLE, diff
from newstrace.syndication.passages import coded_matching_runs, grams, matching_runs, passage_table
from newstrace.text.shingling import (
    DEFAULT_SHINGLE_SIZE,
    KeyIds,
    check_shingle_size,
    containment,
    jaccard,
    shingles,
)
from newstrace.text.tokenizer import WORD_RE, ascii_word_bounds, normalize, token_key, tokens
from newstrace.text.vocabulary import MATCH_STOP_WORDS

RELATIONS = ("identical", "copy", "trimmed copy", "edited copy", "rewrite", "unrelated")
TRIMMED_MIN_SCORE = 0.9
HOUSE_STYLE_MAX_RATE = 0.01
EDITED_MIN_SCORE = 0.6
ALIGNED_MIN_SHARE = 0.5
REWRITE_MIN_SCORE = 0.15
REWRITE_WORDING_PASSAGES = 2
COPY_EDITED_MIN_COVERAGE = 0.6
EDIT_COLUMNS = ["original_para", "copy_para", "before", "after", "kind", "category"]


@dataclass(frozen=True, eq=False)
class Comparison:
    """How much of `copy` derives from `original`, and how (see the module docstring).

    `alignment`, `edits` and `shared_passages` are DataFrames built on first access from what
    `compare` measured, then kept: each access returns the same table. Callers that read only
    score, containment, jaccard and relation (such as `find_copies`) never pay for them.
    """

    score: float
    containment: float
    jaccard: float
    relation: str
    original: Cleaned = field(repr=False)
    copy: Cleaned = field(repr=False)
    shingle_size: int = DEFAULT_SHINGLE_SIZE
    _tables: _Tables = field(default=None, repr=False)  # type: ignore[assignment]

    @cached_property
    def alignment(self) -> pd.DataFrame:
        """One row per paragraph link, missing, added or duplicate paragraph (newstrace.syndication.align)."""
        return alignment_frame(self._tables.alignment_rows)

    @cached_property
    def edits(self) -> pd.DataFrame:
        """One row per word-level edit in the copy-edited paragraph groups (EDIT_COLUMNS)."""
        return edit_frame(self._tables.edit_rows)

    @cached_property
    def shared_passages(self) -> pd.DataFrame:
        """The verbatim shared passages, with offsets in the cleaned texts (newstrace.syndication.passages)."""
        tables = self._tables
        return passage_table(tables.runs, self.original.text, self.copy.text,
                             paragraph_locator(tables.original, tables.closed), paragraph_locator(tables.copy, tables.closed))

    def counts(self) -> dict[str, int]:
        """Return the number of alignment rows of each status."""
        return {status: int((self.alignment["status"] == status).sum())
                for status in ("same", "edited", "duplicate", "missing", "added")}


Group = tuple[list[int], list[int]]


@dataclass(frozen=True, eq=False)
class _Tables:
    """What a Comparison builds its tables from: measured once by `compare`, plain data."""

    alignment_rows: list[dict]
    edit_rows: list[tuple]
    runs: list[tuple[int, int, int]]
    original: Paragraphs
    copy: Paragraphs
    closed: set[str]


def is_copy_edited(similarity: float, coverage: float) -> bool:
    """Return True for a paragraph group close enough to its original to be copy edits."""
    return similarity >= EDITED_MIN_SIMILARITY or coverage >= COPY_EDITED_MIN_COVERAGE


def copy_edited_groups(alignment: pd.DataFrame) -> list[Group]:
    """Return (original, copy) paragraphs of each group similar enough to be copy edits."""
    return _edited_groups(zip(alignment["group"], alignment["similarity"], alignment["coverage"],
                              alignment["original_para"], alignment["copy_para"]))


def _edited_groups(rows: Iterable[tuple]) -> list[Group]:
    """Return copy_edited_groups of (group, similarity, coverage, original_para, copy_para) rows."""
    members: dict[int, tuple[set[int], set[int]]] = {}
    for group, similarity, coverage, i, j in rows:
        if not pd.isna(group) and is_copy_edited(similarity, coverage):
            originals, copies = members.setdefault(int(group), (set(), set()))
            originals.add(int(i))
            copies.add(int(j))
    return [(sorted(o), sorted(c)) for _, (o, c) in sorted(members.items())]


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
    key_start = _offsets(paragraphs.keys)
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


def passages(original: Paragraphs, copy: Paragraphs, closed: set[str], texts: tuple[str, str],
             min_words: int, ids: KeyIds | None = None) -> pd.DataFrame:
    """Return the shared verbatim passages, with offsets in the cleaned texts."""
    runs = passage_runs(original, copy, min_words, ids)
    return passage_table(runs, texts[0], texts[1], paragraph_locator(original, closed), paragraph_locator(copy, closed))


def passage_runs(original: Paragraphs, copy: Paragraphs, min_words: int,
                 ids: KeyIds | None = None) -> list[tuple[int, int, int]]:
    """Return (original key, copy key, length) of each shared passage (one per `passages` row)."""
    if ids is None:
        return matching_runs([key for keys in original.keys for key in keys],
                             [key for keys in copy.keys for key in keys], min_words)
    return coded_matching_runs(ids, min_words)


def _tagged(paragraphs: list[list[str]], indexes: list[int]) -> tuple[list[str], list[int]]:
    """Return the tokens of the chosen paragraphs joined, and each token's paragraph index."""
    joined, owners = [], []
    for index in indexes:
        joined += paragraphs[index]
        owners += [index] * len(paragraphs[index])
    return joined, owners


def _owner(owners: list[int], start: int, fallback: int) -> int:
    """Return the paragraph of token `start` (or of the token before it, at the end)."""
    if start < len(owners):
        return owners[start]
    return owners[-1] if owners else fallback


def edit_table(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> pd.DataFrame:
    """Return one row per word-level edit in the copy-edited paragraph groups."""
    return edit_frame(edit_rows(original, copy, groups))


def edit_rows(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> list[tuple]:
    """Return edit_table's rows as tuples in EDIT_COLUMNS order."""
    rows = []
    for originals, copies in groups:
        before, before_owner = _tagged(original.tokens, originals)
        after, after_owner = _tagged(copy.tokens, copies)
        for edit in diff(before, after):
            rows.append((_owner(before_owner, edit.before_start, originals[0]),
                         _owner(after_owner, edit.after_start, copies[0]),
                         edit.before, edit.after, edit.kind, edit.category))
    return rows


def edit_frame(rows: list[tuple]) -> pd.DataFrame:
    """Return edit rows as the edits DataFrame (int64 paragraph columns even when empty)."""
    table = pd.DataFrame(rows, columns=EDIT_COLUMNS)
    if rows:  # paragraph numbers are Python ints: the columns are int64 already
        return table
    return table.astype({"original_para": "int64", "copy_para": "int64"})


def _offsets(paragraphs: list[list[str]]) -> list[int]:
    """Return the position of each paragraph's first word in the joined word list."""
    starts, total = [], 0
    for keys in paragraphs:
        starts.append(total)
        total += len(keys)
    return starts


def _run_covered(index: set[tuple[str, ...]], copy: list[str], k: int) -> set[int]:
    """Return positions of copy words inside runs of k words whose shingle is in the index."""
    covered: set[int] = set()
    for start, gram in enumerate(grams(copy, k)):
        if gram in index and not MATCH_STOP_WORDS.issuperset(gram):
            covered.update(range(start, start + k))
    return covered


def _aligned_covered(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> set[int]:
    """Return positions of copy words matched in order inside copy-edited paragraph groups."""
    starts = _offsets(copy.keys)
    covered: set[int] = set()
    for originals, copies in groups:
        before, _ = _tagged(original.keys, originals)
        after, owners = _tagged(copy.keys, copies)
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
    starts = _offsets(copy.keys)
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


def shingle_measures(ids: KeyIds, k: int) -> tuple[float, float]:
    """Return (containment of the copy's k-shingles in the original's, their jaccard)."""
    keys_original, keys_copy = ids.keys
    if len(keys_original) < k or len(keys_copy) < k:  # a text shorter than k is one short shingle
        original_shingles, copy_shingles = shingles(keys_original, k), shingles(keys_copy, k)
        return containment(copy_shingles, original_shingles), jaccard(copy_shingles, original_shingles)
    original_codes, copy_codes = (np.unique(codes) for codes in ids.gram_codes(k))
    shared = int(np.intersect1d(original_codes, copy_codes, assume_unique=True).size)
    union = len(original_codes) + len(copy_codes) - shared
    return shared / len(copy_codes), shared / union


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


@dataclass(frozen=True)
class _Facts:
    """The measurements the relation rules read."""

    same_tokens: bool
    score: float
    statuses: set[str]
    edit_kinds: list[str]
    copy_words: int
    aligned_share: float
    passages: int
    wording: Callable[[], int]  # shared_wording, measured only when the rewrite rule asks
    min_wording: int


def name_keys(copy: Paragraphs) -> set[str]:
    """Return the copy's keys written capitalised wherever they occur, function words aside: names."""
    capitalised, lower = set(), set()
    for tokens_ in copy.tokens:
        for token in tokens_:
            if token[:1].isalnum():
                for part in token.split("-"):
                    (capitalised if part[:1].isupper() else lower).add(token_key(part))
    return capitalised - lower - MATCH_STOP_WORDS


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


def _is_trimmed(facts: _Facts) -> bool:
    """Return True if the copy only cuts the original, with little house-style editing."""
    cut = "missing" in facts.statuses or "deletion" in facts.edit_kinds
    content = {"insertion", "word change"} & set(facts.edit_kinds)
    house = sum(kind in HOUSE_STYLE for kind in facts.edit_kinds)
    return (facts.score >= TRIMMED_MIN_SCORE and cut and not content and "added" not in facts.statuses
            and house <= HOUSE_STYLE_MAX_RATE * facts.copy_words)


def relation_of(facts: _Facts) -> str:
    """Return the relation named by the first rule that holds (module docstring)."""
    if facts.same_tokens:
        return "identical"
    if facts.copy_words and not facts.edit_kinds and not {"missing", "added"} & facts.statuses:
        return "copy"
    if _is_trimmed(facts):
        return "trimmed copy"
    if facts.score >= EDITED_MIN_SCORE and facts.aligned_share >= ALIGNED_MIN_SHARE:
        return "edited copy"
    if facts.score >= REWRITE_MIN_SCORE and facts.passages and facts.wording() >= facts.min_wording:
        return "rewrite"
    return "unrelated"


def compare(original: str, copy: str, *, shingle_size: int = DEFAULT_SHINGLE_SIZE,
            min_passage_words: int = 8) -> Comparison:
    """Return the Comparison of copy against original (rules in the module docstring)."""
    return compare_cleaned(original, copy, clean(original), clean(copy), shingle_size=shingle_size,
                           min_passage_words=min_passage_words)


def compare_cleaned(original: str, copy: str, cleaned_original: Cleaned, cleaned_copy: Cleaned, *,
                    shingle_size: int = DEFAULT_SHINGLE_SIZE, min_passage_words: int = 8) -> Comparison:
    """Return compare(original, copy), given clean(original) and clean(copy) already computed.

    For callers that compare one text with several others (`find_copies`) and clean it once.
    """
    paras_original, paras_copy, closed = paragraph_pair(cleaned_original.paragraphs,
                                                        cleaned_copy.paragraphs)
    ids = KeyIds.of_paragraphs(paras_original.keys, paras_copy.keys)
    alignment = alignment_rows(paras_original, paras_copy, shingle_size, ids)
    groups = _edited_groups(itemgetter("group", "similarity", "coverage", "original_para", "copy_para")(row)
                            for row in alignment)
    edits = edit_rows(paras_original, paras_copy, groups)
    runs = passage_runs(paras_original, paras_copy, min_passage_words, ids)
    check_shingle_size(shingle_size)
    same_paragraphs = paras_original.tokens == paras_copy.tokens
    facts = _Facts(same_paragraphs and tokens(original) == tokens(copy),
                   derived_share(ids, paras_original, paras_copy, groups, shingle_size),
                   {row["status"] for row in alignment}, [edit[4] for edit in edits], len(ids.copy),
                   aligned_share(paras_copy, groups), len(runs), lambda: shared_wording(paras_copy, runs),
                   REWRITE_WORDING_PASSAGES * min_passage_words)
    relation = relation_of(facts)
    containment_, jaccard_ = shingle_measures(ids, shingle_size)
    tables = _Tables(alignment, edits, runs, paras_original, paras_copy, closed)
    return Comparison(1.0 if relation == "identical" else facts.score, containment_, jaccard_,
                      relation, cleaned_original, cleaned_copy, shingle_size, tables)
