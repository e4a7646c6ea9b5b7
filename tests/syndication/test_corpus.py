"""Tests for corpus-scale copy finding (newstrace.syndication.corpus.find_copies)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import newstrace as nt
from newstrace.syndication.candidates import sampled_pairs
from newstrace.syndication.copy_search import COLUMNS
from newstrace.syndication.signatures import containment_both_ways, shingle_hashes, signatures
from newstrace.syndication.synthetic import families, synthetic_corpus

COPY_KINDS = ("copy", "trimmed copy", "edited copy", "reordered")


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], pd.DataFrame]:
    """Return a seeded corpus of 150 articles and its truth table."""
    return synthetic_corpus(150, seed=21)


@pytest.fixture(scope="module")
def found(corpus) -> pd.DataFrame:
    """Return find_copies on the corpus with the MinHash indexes (not all-pairs)."""
    texts, _ = corpus
    return nt.find_copies(texts, method="sampled")


def found_pairs(table: pd.DataFrame) -> set[frozenset[str]]:
    """Return the found pairs as unordered pairs."""
    return {frozenset(pair) for pair in zip(table["a"], table["b"])}


def test_output_columns_and_order(found):
    assert list(found.columns) == COLUMNS
    assert found["score"].is_monotonic_decreasing
    assert found["score"].between(0.3, 1).all()
    assert set(found["relation"]) <= {"identical", "copy", "trimmed copy", "edited copy", "rewrite"}
    assert set(found["found_by"]) <= {"lsh", "containment", "both"}


def test_recall_of_every_copy_kind(corpus, found):
    _, truth = corpus
    pairs = found_pairs(found)
    for kind in COPY_KINDS:
        known = truth[truth["kind"] == kind]
        hits = sum(frozenset(pair) in pairs for pair in zip(known["a"], known["b"]))
        assert hits / len(known) >= 0.95, kind


def test_most_rewrites_are_found(corpus, found):
    _, truth = corpus
    known = truth[truth["kind"] == "rewrite"]
    hits = sum(frozenset(pair) in found_pairs(found) for pair in zip(known["a"], known["b"]))
    assert hits / len(known) >= 0.6


def test_trimmed_copies_are_found_by_containment_not_jaccard(corpus, found):
    _, truth = corpus
    trimmed = {frozenset(p) for p in truth.loc[truth["kind"] == "trimmed copy", ["a", "b"]].values}
    ways = {frozenset((a, b)): way for a, b, way in found[["a", "b", "found_by"]].values}
    assert any(ways.get(pair) == "containment" for pair in trimmed)


def test_no_pairs_across_unrelated_articles_or_independent_reports(corpus, found):
    _, truth = corpus
    base_of = families(truth)
    for a, b in found[["a", "b"]].itertuples(index=False):
        assert base_of.get(a, a) == base_of.get(b, b), (a, b)


def test_same_result_every_run_and_for_a_series(corpus, found):
    texts, _ = corpus
    again = nt.find_copies(pd.Series(texts), method="sampled")
    pd.testing.assert_frame_equal(found, again)


def test_ensemble_index_finds_the_copies_too(corpus):
    texts, truth = corpus
    table = nt.find_copies(texts, method="ensemble")
    pairs = found_pairs(table)
    known = truth[truth["kind"].isin(COPY_KINDS)]
    hits = sum(frozenset(pair) in pairs for pair in zip(known["a"], known["b"]))
    assert hits / len(known) >= 0.95


def test_small_corpora_compare_every_pair_and_find_the_case(case):
    table = nt.find_copies(case["text"])
    assert set(table["found_by"]) == {"all-pairs"}
    rows = {frozenset((a, b)): rel for a, b, rel in table[["a", "b", "relation"]].values}
    assert rows[frozenset(("full-text", "short-copy"))] in ("edited copy", "trimmed copy")
    assert rows[frozenset(("full-text", "re-report"))] == "rewrite"


def test_unrelated_texts_give_an_empty_table():
    texts, _ = synthetic_corpus(8, seed=3, copy_share=0.0, independent_share=0.0)
    table = nt.find_copies(texts)
    assert table.empty and list(table.columns) == COLUMNS


def test_texts_without_words_are_skipped():
    texts, truth = synthetic_corpus(8, seed=4, copy_share=0.25, independent_share=0.0)
    texts = {**texts, "blank": "   \n", "marks": "!!! ... ---"}
    table = nt.find_copies(texts, method="sampled")
    assert not {"blank", "marks"} & (set(table["a"]) | set(table["b"]))
    assert len(table) >= len(truth) - 1


def test_one_text_gives_no_pairs():
    assert nt.find_copies({"only": "One short article about a flood."}).empty


def test_shingle_hashes_depend_on_the_shingle_set_only():
    words_a = np.array([1, 2, 3, 4, 5, 6, 7], dtype=np.uint64)
    repeated = np.concatenate([words_a, words_a])
    assert len(shingle_hashes(words_a, 5)) == 3
    assert set(shingle_hashes(words_a, 5)) <= set(shingle_hashes(repeated, 5))
    assert len(shingle_hashes(words_a[:3], 5)) == 1
    assert len(shingle_hashes(np.empty(0, dtype=np.uint64), 5)) == 0


def test_sampled_index_finds_a_short_excerpt_of_a_long_text(corpus):
    texts, _ = corpus
    long_text = "\n".join(list(texts.values())[:6])
    excerpt = list(texts.values())[2]
    sigs = signatures({"long": long_text, "excerpt": excerpt, "other": list(texts.values())[9]})
    assert ("excerpt", "long") in sampled_pairs(sigs)
    share_of_excerpt, share_of_long = containment_both_ways(sigs[1], sigs[0])
    assert share_of_excerpt == 1.0 and share_of_long < 0.3


@pytest.mark.parametrize(
    ("texts", "kwargs", "error", "message"),
    [
        (["a list"], {}, TypeError, "mapping or pandas Series"),
        ({"x": b"bytes"}, {}, TypeError, "text 'x' is bytes"),
        (pd.Series(["a", "b"], index=["x", "x"]), {}, ValueError, "unique"),
        ({1: "a", "1": "b"}, {}, ValueError, "unique as strings"),
        ({"x": "text"}, {"threshold": 1.5}, ValueError, "threshold must be a number from 0 to 1"),
        ({"x": "text"}, {"method": "magic"}, ValueError, "method must be one of"),
        ({"x": "text"}, {"num_perm": 4}, ValueError, "num_perm"),
        ({"x": "text"}, {"shingle_size": 0}, ValueError, "shingle_size"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(texts, kwargs, error, message):
    with pytest.raises(error, match=message):
        nt.find_copies(texts, **kwargs)


def test_command_lists_the_copy_pairs_of_a_folder(tmp_path, capsys):
    from newstrace.cli import main

    texts, truth = synthetic_corpus(10, seed=8, copy_share=0.2, independent_share=0.0)
    for key, text in texts.items():
        (tmp_path / f"{key}.txt").write_text(text, encoding="utf-8")
    assert main(["find-copies", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"among {len(texts)} texts" in out
    for a, b in truth[["a", "b"]].itertuples(index=False):
        assert any(a in line and b in line for line in out.splitlines())


def test_command_reports_a_folder_without_copies(tmp_path, capsys):
    from newstrace.cli import main

    texts, _ = synthetic_corpus(3, seed=8, copy_share=0.0, independent_share=0.0)
    for key, text in texts.items():
        (tmp_path / f"{key}.txt").write_text(text, encoding="utf-8")
    assert main(["find-copies", str(tmp_path)]) == 0
    assert "No copy pairs among 3 texts" in capsys.readouterr().out


def test_command_refuses_bad_folders_and_files(tmp_path, capsys):
    from newstrace.cli import main

    assert main(["find-copies", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert main(["find-copies", str(tmp_path)]) == 2
    assert "has no *.txt files" in capsys.readouterr().err
    (tmp_path / "good.txt").write_text("A story about a flood.\nIt rained.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    assert main(["find-copies", str(tmp_path)]) == 2
    assert "bad.txt looks like a binary file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["find-copies", str(tmp_path), "--threshold", "7"])


def test_input_order_and_id_names_do_not_change_the_pairs(corpus, found):
    texts, _ = corpus
    keys = sorted(texts, reverse=True)
    renamed = {f"z-{key}": texts[key] for key in keys}
    again = nt.find_copies(renamed, method="sampled")
    assert {frozenset(f"z-{k}" for k in pair) for pair in found_pairs(found)} == found_pairs(again)
