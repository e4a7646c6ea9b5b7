"""Comparison builds alignment, edits and shared_passages on first access: the same tables as the
table builders give directly, kept once built, and kept through pickling."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newstrace.syndication.align import align
from newstrace.pages.clutter import clean
from newstrace.syndication.comparison import Comparison, compare, passages
from newstrace.syndication.derived_words import copy_edited_groups
from newstrace.syndication.paragraph_edits import edit_table
from newstrace.syndication.paragraph_keys import paragraph_pair
from newstrace.text.shingling import KeyIds
from newstrace.syndication.synthetic import variants


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


_ALIGN_IN_CHILD = """
import json, sys
from newstrace.syndication.comparison import compare
original, copy = json.load(sys.stdin)
table = compare(original, copy).alignment
print(json.dumps([table["original_para"].tolist(), table["copy_para"].tolist()], default=str))
"""


def test_alignment_is_the_same_under_every_string_hash_seed() -> None:
    """A pair whose paraphrase sources tie aligns the same whatever Python's set order (fsum)."""
    from newstrace.syndication.synthetic import synthetic_corpus

    texts, truth = synthetic_corpus(300, seed=3)
    row = truth.iloc[7]  # an independent report whose tie broke differently under hash seeds 7, 9, 13
    payload = json.dumps([texts[row["b"]], texts[row["a"]]])
    outputs = set()
    for hash_seed in ("0", "7", "9"):
        child = subprocess.run([sys.executable, "-c", _ALIGN_IN_CHILD], input=payload, text=True,
                               capture_output=True, check=True, cwd=Path(__file__).resolve().parents[2],
                               env={**os.environ, "PYTHONHASHSEED": hash_seed})
        outputs.add(child.stdout)
    assert len(outputs) == 1 and len(json.loads(outputs.pop())[0]) > 1
