"""Comparison builds alignment, edits and shared_passages on first access: the same tables as the
table builders give directly, kept once built, and kept through pickling."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from newstrace.align import align, paragraph_pair
from newstrace.clean import clean
from newstrace.compare import Comparison, compare, copy_edited_groups, edit_table, passages
from newstrace.shingles import KeyIds
from newstrace.synthetic import variants


def _direct_tables(original: str, copy: str, k: int, min_words: int) -> tuple[pd.DataFrame, ...]:
    """Return (alignment, edits, shared_passages) built directly by the table functions."""
    cleaned_original, cleaned_copy = clean(original), clean(copy)
    paras_original, paras_copy, closed = paragraph_pair(cleaned_original.paragraphs, cleaned_copy.paragraphs)
    ids = KeyIds.of_paragraphs(paras_original.keys, paras_copy.keys)
    alignment = align(paras_original, paras_copy, k, ids)
    edits = edit_table(paras_original, paras_copy, copy_edited_groups(alignment))
    shared = passages(paras_original, paras_copy, closed, (cleaned_original.text, cleaned_copy.text),
                      min_words, ids)
    return alignment, edits, shared


@pytest.mark.parametrize("kind", ["copy", "trimmed copy", "edited copy", "reordered", "rewrite", "unrelated"])
def test_lazy_tables_equal_the_tables_built_directly(full_text: str, kind: str) -> None:
    """Each table, built on access, equals the table function's output (values, dtypes, columns)."""
    copy = variants(full_text, seed=3)[kind]
    result = compare(full_text, copy, shingle_size=4, min_passage_words=6)
    for lazy, direct in zip((result.alignment, result.edits, result.shared_passages),
                            _direct_tables(full_text, copy, 4, 6)):
        pd.testing.assert_frame_equal(lazy, direct, check_exact=True)
    assert len(result.alignment) > 0


def test_tables_are_built_once_and_survive_pickling(full_text: str, short_copy: str) -> None:
    """Repeated access returns the same object; a pickled Comparison gives equal tables."""
    result = compare(full_text, short_copy)
    assert result.alignment is result.alignment and result.edits is result.edits
    restored = pickle.loads(pickle.dumps(result))
    assert isinstance(restored, Comparison) and restored.relation == result.relation
    for name in ("alignment", "edits", "shared_passages"):
        pd.testing.assert_frame_equal(getattr(restored, name), getattr(result, name), check_exact=True)
    assert "alignment" not in repr(result) and f"relation='{result.relation}'" in repr(result)
