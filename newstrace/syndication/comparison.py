"""Compare an original with a possible copy: how likely the copy derives from it, and how.

`compare(original, copy)` cleans both texts with `newstrace.pages.clutter.clean`, folds typography
(`newstrace.text.tokenizer`), aligns paragraphs (`newstrace.syndication.align`), lists word-level edits
(`newstrace.syndication.edits`, placed by `newstrace.syndication.paragraph_edits`) and verbatim shared passages (`newstrace.syndication.passages`). Paragraph indexes in
every table are 0-based indexes into the *cleaned* paragraphs (`clean(text).paragraphs`);
character offsets in `shared_passages` are offsets into the cleaned texts (`clean(text).text`).

Hyphenated words: a hyphenated word whose closed form is written somewhere in either text
("month-long" where the other text has "monthlong") is matched as that closed form; otherwise as
its parts ("al-Maghribi" = "al Maghribi").

**score** (0 to 1): how likely the copy derives from the original, for verbatim copies and heavy
rewrites alike: a logistic combination, fitted on development data, of the copy's ordinary-word
and phrase containment in the original (`newstrace.syndication.derivation_score` states the
measures and the fit), never below derived_share; identical texts score 1.

**derived_share** (0 to 1): the share of the copy's words that derive verbatim from the original.
A copy word counts as derived when either
(a) it lies in a run of at least `shingle_size` words that also occurs in the original, anywhere
    (verbatim reuse, including quotes and phrases carried into a rewrite; reordering is free),
    unless the run is made only of function words ("and that he had been" is chance, not
    reuse), or
(b) it is matched, in order, to a word of the original paragraph(s) it is aligned with, in a
    *copy-edited* paragraph group: similarity at least `EDITED_MIN_SIMILARITY`, or coverage (share
    of the group's copy words matched in order) at least `COPY_EDITED_MIN_COVERAGE`, e.g. one
    sentence kept from a long paragraph. Short edits leave runs shorter than `shingle_size`, which
    (a) alone would miss. A paraphrase keeps few words in order, so rewritten paragraphs count
    only through (a).
Word-level `edits` are listed for copy-edited groups only. Cutting paragraphs never lowers the
share (it is a share of the copy, not of the original).

**containment**: share of the copy's `shingle_size`-word shingles found in the original's.
**original_in_copy**: share of the original's shingles found in the copy (containment the other way).
**jaccard**: Jaccard similarity of the two shingle sets.
**order_hint**: a sentence when the copy holds the original (nearly all of it, and much more than
the original holds of the copy), suggesting the other order; "" otherwise
(`newstrace.syndication.order`).

**relation** (first rule that holds):
- `identical`: the two texts, typography folded, have the same tokens (page clutter included)
  and the same story paragraphs.
- `copy`: no paragraph missing or added, no edits and derived_share >= TRIMMED_MIN_SCORE: the
  same story paragraphs, only page clutter (or paragraph breaks, or a duplicated paragraph)
  differs (the share keeps out two different one-paragraph texts aligned for want of others).
- `trimmed copy`: derived_share >= TRIMMED_MIN_SCORE, no added paragraph, something cut (a
  missing paragraph or a deletion), no insertion or word change, and at most
  HOUSE_STYLE_MAX_RATE house style edits per copy word.
- `edited copy`: derived_share >= EDITED_MIN_SCORE and at least ALIGNED_MIN_SHARE of the copy's
  words in copy-edited paragraph groups (copy edits, possibly also trimmed).
- `rewrite`: either score >= REWRITE_MIN_LIKELIHOOD (a heavy rewrite: most of the copy's ordinary
  words and many of its phrases come from the original, even with no long verbatim passage), or
  derived_share >= REWRITE_MIN_SCORE and the shared passages (runs of at least
  `min_passage_words` words) hold at least REWRITE_WORDING_PASSAGES * `min_passage_words` words
  of *wording* (`shared_wording`: every word of a shared passage except names and figures; a
  passage made mostly of names and figures, such as "Jane Doe, inspector of the County Fire
  Service", counts nothing). An independent report of the same event shares names, titles and
  figures, and often one short quote from the same statement, but not more of the first writer's
  wording; a rewrite carries over several quotes and phrases.
- `unrelated`: none of the above.

Thresholds are module constants: TRIMMED_MIN_SCORE 0.9, HOUSE_STYLE_MAX_RATE 0.01,
EDITED_MIN_SCORE 0.6, ALIGNED_MIN_SHARE 0.5, REWRITE_MIN_SCORE 0.15, REWRITE_WORDING_PASSAGES 2,
EDITED_MIN_SIMILARITY 0.5 (`newstrace.syndication.paragraph_links`), COPY_EDITED_MIN_COVERAGE 0.6
(`newstrace.syndication.derived_words`) were set from built variants (see
tests/syndication/test_comparison.py and tests/evaluation/test_derivation.py), not fitted to the case.
REWRITE_MIN_LIKELIHOOD 0.7 was chosen on development data (newstrace.syndication.derivation_score).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import itemgetter

import numpy as np
import pandas as pd

from newstrace.pages.clutter import Cleaned, clean
from newstrace.syndication.align import alignment_frame, alignment_rows
from newstrace.syndication.derivation_score import (
    REWRITE_MIN_LIKELIHOOD,
    derivation_measures,
    likelihood,
    shared_wording,
)
from newstrace.syndication.derived_words import aligned_share, copy_edited_groups_of, derived_share
from newstrace.syndication.edits import HOUSE_STYLE
from newstrace.syndication.evidence import shared_evidence
from newstrace.syndication.order import order_hint
from newstrace.syndication.paragraph_edits import edit_frame, edit_rows
from newstrace.syndication.paragraph_keys import Paragraphs, paragraph_locator, paragraph_pair
from newstrace.syndication.passages import coded_matching_runs, matching_runs, passage_table
from newstrace.text.shingling import (
    DEFAULT_SHINGLE_SIZE,
    KeyIds,
    check_shingle_size,
    containment,
    jaccard,
    shingles,
)
from newstrace.text.tokenizer import tokens

RELATIONS = ("identical", "copy", "trimmed copy", "edited copy", "rewrite", "unrelated")
TRIMMED_MIN_SCORE = 0.9
HOUSE_STYLE_MAX_RATE = 0.01
EDITED_MIN_SCORE = 0.6
ALIGNED_MIN_SHARE = 0.5
REWRITE_MIN_SCORE = 0.15
REWRITE_WORDING_PASSAGES = 2


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
    derived_share: float = 0.0
    word_containment: float = 0.0
    phrase_containment: float = 0.0
    original_in_copy: float = 0.0

    @property
    def order_hint(self) -> str:
        """A sentence suggesting the other order when the copy holds the original, else ""."""
        return order_hint(self.original_in_copy, self.containment, self.shingle_size)

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

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """Rare words, figures and names in both texts, each explained (newstrace.syndication.evidence)."""
        return shared_evidence(self._tables.original, self._tables.copy)

    def counts(self) -> dict[str, int]:
        """Return the number of alignment rows of each status."""
        return {status: int((self.alignment["status"] == status).sum())
                for status in ("same", "edited", "duplicate", "missing", "added")}


@dataclass(frozen=True, eq=False)
class _Tables:
    """What a Comparison builds its tables from: measured once by `compare`, plain data."""

    alignment_rows: list[dict]
    edit_rows: list[tuple]
    runs: list[tuple[int, int, int]]
    original: Paragraphs
    copy: Paragraphs
    closed: set[str]


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


def shingle_measures(ids: KeyIds, k: int) -> tuple[float, float, float]:
    """Return (containment of the copy's k-shingles in the original's, their jaccard, the original's in the copy's)."""
    keys_original, keys_copy = ids.keys
    if len(keys_original) < k or len(keys_copy) < k:  # a text shorter than k is one short shingle
        original_shingles, copy_shingles = shingles(keys_original, k), shingles(keys_copy, k)
        return (containment(copy_shingles, original_shingles), jaccard(copy_shingles, original_shingles),
                containment(original_shingles, copy_shingles))
    original_codes, copy_codes = (np.unique(codes) for codes in ids.gram_codes(k))
    shared = int(np.intersect1d(original_codes, copy_codes, assume_unique=True).size)
    union = len(original_codes) + len(copy_codes) - shared
    return shared / len(copy_codes), shared / union, shared / len(original_codes)


@dataclass(frozen=True)
class _Facts:
    """The measurements the relation rules read."""

    same_tokens: bool
    share: float  # derived_share
    statuses: set[str]
    edit_kinds: list[str]
    copy_words: int
    aligned_share: float
    passages: int
    wording: Callable[[], int]  # shared_wording, measured only when the rewrite rule asks
    min_wording: int
    likelihood: float = 0.0  # the Comparison's score: how likely the copy derives from the original


def _is_trimmed(facts: _Facts) -> bool:
    """Return True if the copy only cuts the original, with little house-style editing."""
    cut = "missing" in facts.statuses or "deletion" in facts.edit_kinds
    content = {"insertion", "word change"} & set(facts.edit_kinds)
    house = sum(kind in HOUSE_STYLE for kind in facts.edit_kinds)
    return (facts.share >= TRIMMED_MIN_SCORE and cut and not content and "added" not in facts.statuses
            and house <= HOUSE_STYLE_MAX_RATE * facts.copy_words)


def relation_of(facts: _Facts) -> str:
    """Return the relation named by the first rule that holds (module docstring)."""
    if facts.same_tokens:
        return "identical"
    if facts.copy_words and not facts.edit_kinds and not {"missing", "added"} & facts.statuses \
            and facts.share >= TRIMMED_MIN_SCORE:
        return "copy"
    if _is_trimmed(facts):
        return "trimmed copy"
    if facts.share >= EDITED_MIN_SCORE and facts.aligned_share >= ALIGNED_MIN_SHARE:
        return "edited copy"
    if facts.likelihood >= REWRITE_MIN_LIKELIHOOD:
        return "rewrite"
    if facts.share >= REWRITE_MIN_SCORE and facts.passages and facts.wording() >= facts.min_wording:
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
    groups = copy_edited_groups_of(itemgetter("group", "similarity", "coverage", "original_para", "copy_para")(row)
                            for row in alignment)
    edits = edit_rows(paras_original, paras_copy, groups)
    runs = passage_runs(paras_original, paras_copy, min_passage_words, ids)
    check_shingle_size(shingle_size)
    same_paragraphs = paras_original.tokens == paras_copy.tokens
    measures = derivation_measures(ids, paras_original, paras_copy)
    facts = _Facts(same_paragraphs and tokens(original) == tokens(copy),
                   derived_share(ids, paras_original, paras_copy, groups, shingle_size),
                   {row["status"] for row in alignment}, [edit[4] for edit in edits], len(ids.copy),
                   aligned_share(paras_copy, groups), len(runs), lambda: shared_wording(paras_copy, runs),
                   REWRITE_WORDING_PASSAGES * min_passage_words)
    facts = replace(facts, likelihood=max(likelihood(measures), facts.share))
    relation = relation_of(facts)
    containment_, jaccard_, original_in_copy = shingle_measures(ids, shingle_size)
    tables = _Tables(alignment, edits, runs, paras_original, paras_copy, closed)
    identical = relation == "identical"
    return Comparison(1.0 if identical else facts.likelihood, containment_, jaccard_,
                      relation, cleaned_original, cleaned_copy, shingle_size, tables,
                      derived_share=1.0 if identical else facts.share,
                      word_containment=measures.word_containment,
                      phrase_containment=measures.phrase_containment,
                      original_in_copy=original_in_copy)
