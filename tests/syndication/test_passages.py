"""Tests for newstrace.syndication.passages: verbatim passages shared by two texts."""

from __future__ import annotations

from newstrace.syndication.passages import matching_runs, shared_passages


def test_matching_runs_find_every_maximal_shared_run() -> None:
    original = "a b c d e f g h".split()
    copy = "x b c d e y f g h".split()
    assert matching_runs(original, copy, 3) == [(1, 1, 4), (5, 6, 3)]
    assert matching_runs(original, copy, 5) == []


def test_shared_passages_give_offsets_and_lines_in_each_text() -> None:
    original = "Intro line.\nThe minister said the plan would cost ten million pounds next year."
    copy = "Other text here.\nAs reported, the minister said the plan would cost ten million pounds."
    table = shared_passages(original, copy, min_words=8)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["words"] == 10
    assert original[row["original_start"]:row["original_end"]].lower().startswith("the minister said")
    assert copy[row["copy_start"]:row["copy_end"]].endswith("pounds")
    assert (row["original_para"], row["copy_para"]) == (1, 1)
