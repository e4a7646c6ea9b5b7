"""The development-corpus scripts in benchmarks/ read their formats right (on tiny files written here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import eval_derivation_dev as derivation  # noqa: E402
import eval_speakers_dev as speakers  # noqa: E402

SAMPLE = Path(__file__).parents[1] / "data" / "dev_sample.conll"


def test_conll_paragraphs_are_rebuilt_with_gold_quotes_and_speakers() -> None:
    """Marks attach to the quote, punctuation to the word before; speakers follow the quote's label."""
    paragraphs = [speakers.gold_paragraph(p) for p in speakers.read_conll(SAMPLE)]
    assert paragraphs[0].text == '"We will rebuild the pier," said Morag Tulloch, the harbour master.'
    assert [q.text for q in paragraphs[0].quotes] == ["We will rebuild the pier,"]
    assert paragraphs[0].speakers == ["Morag Tulloch"]
    assert paragraphs[1].text == 'Councillor Ewan Baird said: "It is too late."'
    assert paragraphs[1].speakers == ["Ewan Baird"]
    assert paragraphs[2].quotes[0].text == "a disgrace" and paragraphs[2].speakers == [None]


def test_iob1_chunks_start_on_a_new_label() -> None:
    """An I- tag after Out or another label starts a chunk (IOB1)."""
    assert speakers.chunks_of(["I-Speaker", "I-Speaker", "Out", "I-LeftSpeaker", "B-LeftSpeaker"]) == [
        ("Speaker", 0, 2), ("LeftSpeaker", 3, 4), ("LeftSpeaker", 4, 5)]


def test_speaker_figures_and_baseline_on_the_sample() -> None:
    """Both quotes with a speaker in text are found; the nearest-name baseline is scored on the same quotes."""
    figures = speakers.evaluate([speakers.gold_paragraph(p) for p in speakers.read_conll(SAMPLE)])
    assert figures["gold quotes"] == 3
    assert figures["quote recall"] == pytest.approx(1.0)
    assert figures["speaker accuracy"] >= 2 / 3
    assert 0.0 <= figures["baseline speaker accuracy (nearest name)"] <= 1.0


def test_missing_files_give_one_line_errors(tmp_path: Path) -> None:
    """A wrong path stops with a message naming what was expected."""
    with pytest.raises(SystemExit, match="truecased.txt"):
        speakers.read_conll(tmp_path / "nothing.txt")
    with pytest.raises(SystemExit, match="file_information.csv"):
        derivation.load_pairs(tmp_path)


def test_clough_layout_gives_every_answer_against_every_source(tmp_path: Path) -> None:
    """Own task: its category; other tasks: unrelated. 1-word containment is the baseline."""
    (tmp_path / "file_information.csv").write_text(
        "File,Task,Category\ng0pA_taska.txt,a,cut\ng0pA_taskb.txt,b,non\norig_taska.txt,a,orig\n", encoding="utf-8")
    (tmp_path / "orig_taska.txt").write_text("Inheritance lets classes reuse code.", encoding="utf-8")
    (tmp_path / "orig_taskb.txt").write_text("Dynamic programming stores answers.", encoding="utf-8")
    (tmp_path / "g0pA_taska.txt").write_text("Inheritance lets classes reuse code.", encoding="utf-8")
    (tmp_path / "g0pA_taskb.txt").write_bytes("Caf\xe9 answers differ.".encode("latin-1"))
    pairs = derivation.load_pairs(tmp_path)
    assert sorted((p.answer, p.task, p.category) for p in pairs) == [
        ("g0pA_taska.txt", "a", "cut"), ("g0pA_taska.txt", "b", "unrelated"),
        ("g0pA_taskb.txt", "a", "unrelated"), ("g0pA_taskb.txt", "b", "non")]
    assert derivation.word_containment("a b c", "a b d e") == 0.5
