"""Try it checks: two differently written right answers pass, two typical wrong ones get the feedback that helps."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from lesson_runs import SOURCE_IDS, SOURCES

import newstrace as nt
from newstrace import practice
from newstrace.practice import syndication_tries as ex


@functools.cache
def case() -> pd.DataFrame:
    """Return the case with the lesson 1 story columns added."""
    table = nt.articles().copy()
    table["story_words"] = [len(nt.clean(text).text.split()) for text in table["text"]]
    return table


@functools.cache
def sources() -> pd.DataFrame:
    """Return the sources of the full text."""
    return nt.sources(nt.article("full-text"))


def words() -> list[str]:
    """Return the words of the lesson 4 shingle sentence."""
    return nt.words(ex.SHINGLE_SENTENCE)


def sets() -> tuple[set, set]:
    """Return the 3-word shingle sets of lesson 4's long and trimmed texts."""
    return nt.shingles(nt.words(ex.LONG_TEXT), k=3), nt.shingles(nt.words(ex.TRIMMED_TEXT), k=3)


def full_paragraphs() -> list[str]:
    """Return the cleaned full text's paragraphs (a fresh list; the cleaning runs once)."""
    return list(_full_paragraphs())


@functools.cache
def _full_paragraphs() -> tuple[str, ...]:
    """Return the cleaned full text's paragraphs, cleaned once for the whole file."""
    return tuple(nt.clean(nt.article("full-text")).paragraphs)


def missing_by_loop() -> list[int]:
    """Return the short copy's missing paragraphs, written as an explicit loop."""
    copy = nt.shingles(nt.words(nt.clean(nt.article("short-copy")).text))
    paragraphs = full_paragraphs()
    found = []
    for index in range(len(paragraphs)):
        shares = nt.containment(nt.shingles(nt.words(paragraphs[index])), copy)
        if shares < 0.5:
            found.append(index + 1)
    return found


def opcodes() -> list[tuple]:
    """Return the opcodes of lesson 4's two versions of a sentence."""
    before, after = (sentence.split() for sentence in ex.CHANGED_SENTENCE)
    return difflib.SequenceMatcher(None, before, after).get_opcodes()


def re_quotes() -> list[str]:
    """Return the re-report quotes the lesson gives students."""
    return re.findall(r'"([^"\n]+)"', nt.clean(nt.article("re-report")).text)


def truth_found() -> pd.DataFrame:
    """Return lesson 5's truth table with a found column (a fresh copy; the corpus is searched once)."""
    return _truth_found().copy()


@functools.cache
def _truth_found() -> pd.DataFrame:
    """Return lesson 5's truth table with a found column, computed once for the whole file."""
    corpus, truth = nt.synthetic_corpus(300, seed=0)
    found = nt.find_copies(corpus)
    pairs = {frozenset(pair) for pair in zip(found["a"], found["b"])}
    truth["found"] = [frozenset(pair) in pairs for pair in zip(truth["a"], truth["b"])]
    return truth


def log_with(**changes: str) -> practice.EvidenceLog:
    """Return an evidence log with one row (fields changed as given, without validation)."""
    row = {"question": "Who is Charlie Winter?", "searched": "Charlie Winter extremism researcher",
           "looked_at": "his research centre's staff page", "found": "a researcher of propaganda",
           "why_trustworthy": "the centre's own page and a library catalogue agree", "confidence": "medium"}
    log = practice.EvidenceLog()
    log.rows.append({**row, **changes})
    return log


RIGHT: dict[str, list[Callable[[], object]]] = {
    "1.1": [lambda: case().loc["re-report", "words"], lambda: int(case()["words"]["re-report"])],
    "1.2": [lambda: len(nt.clean(nt.article("short-copy")).removed),
            lambda: nt.clean(nt.article("short-copy")).removed.shape[0]],
    "1.3": [lambda: case().loc["re-report", "story_words"] / case().loc["re-report", "words"],
            lambda: round((case()["story_words"] / case()["words"])["re-report"], 3)],
    "2.1": [lambda: sources()[sources()["type"] == "anonymous source"],
            lambda: sources().query("type == 'anonymous source'")[["source", "type"]]],
    "2.2": [lambda: sources()["type"].value_counts(),
            lambda: sources().groupby("type").size()],
    "2.3": [lambda: list(sources()[sources()["type"] == "anonymous source"]
                         .sort_values("first_paragraph")["source"].drop_duplicates()),
            lambda: [row.source for row in sources().sort_values("first_paragraph").itertuples()
                     if row.type == "anonymous source"]],
    "2.4": [lambda: (sources()["type"] == "anonymous source").mean(),
            lambda: len(sources().query("type == 'anonymous source'")) / len(sources())],
    "2.5": [lambda: sources()[sources()["condition"] != ""][["source", "condition"]].reset_index(drop=True),
            lambda: sources().loc[sources()["condition"].str.len() > 0, ["source", "condition"]].reset_index(drop=True)],
    "3.1": [lambda: r'["“]([^"“”]*)["”]', lambda: r'[“"](.*?)[”"]'],
    "3.2": [lambda: r"said ([A-Z][a-z]+(?: (?:al )?[A-Z][a-z]+)*)",
            lambda: r"\bsaid ((?:[A-Z]\w+)(?:\s(?:al\s)?[A-Z]\w+)*)"],
    "3.3": [lambda: [quote in nt.article("full-text") for quote in re_quotes()],
            lambda: pd.Series(re_quotes()).apply(lambda quote: quote in nt.article("full-text"))],
    "4.1": [lambda: {tuple(words()[i:i + 3]) for i in range(len(words()) - 2)},
            lambda: set(zip(words(), words()[1:], words()[2:]))],
    "4.2": [lambda: (len(sets()[0] & sets()[1]) / len(sets()[0] | sets()[1]),
                     len(sets()[0] & sets()[1]) / len(sets()[1])),
            lambda: (nt.jaccard(*sets()), nt.containment(sets()[1], sets()[0]))],
    "4.3": [lambda: missing_by_loop(), lambda: set(missing_by_loop())],
    "4.4": [lambda: [tag for tag, *_ in opcodes() if tag != "equal"],
            lambda: [code[0] for code in opcodes() if code[0] in ("replace", "delete", "insert")]],
    "5.1": [lambda: 10_000 * 9_999 // 2, lambda: math.comb(10_000, 2)],
    "5.2": [lambda: truth_found().groupby("kind")["found"].mean(),
            lambda: truth_found().groupby("kind")["found"].sum() / truth_found().groupby("kind").size()],
    "5.3": [lambda: 3 / 4, lambda: 0.75],
    "6.2": [lambda: log_with(), lambda: log_with(confidence="High").table],
    "6.1": [lambda: [n for n, p in enumerate(nt.article("full-text").splitlines(), start=1) if "Winter" in p],
            lambda: {i + 1 for i, p in enumerate(nt.article("full-text").splitlines()) if "Winter" in p}],
    "6.3": [lambda: pd.DataFrame({"question": ["a", "b"], "confidence": ["low", "high"]}).query("confidence == 'low'"),
            lambda: (lambda t: t[t["confidence"] == "low"])(pd.DataFrame({"question": ["a"], "confidence": ["low"]}))],
}

WRONG: dict[str, list[tuple[Callable[[], object], str]]] = {
    "1.1": [(lambda: case()["words"], "whole column"), (lambda: case().loc["full-text", "words"], "`full-text`")],
    "1.2": [(lambda: len(nt.clean(nt.article("short-copy")).paragraphs), "kept"),
            (lambda: nt.clean(nt.article("short-copy")).removed, "how many rows")],
    "1.3": [(lambda: case().loc["re-report", "words"] / case().loc["re-report", "story_words"], "other way"),
            (lambda: 100 * case().loc["re-report", "story_words"] / case().loc["re-report", "words"], "percentage")],
    "2.1": [(lambda: sources()["type"] == "anonymous source", "column of True/False"),
            (lambda: sources()[sources()["type"] == "anonymous"], "spelling")],
    "2.2": [(lambda: len(sources()), "one number"), (lambda: sources().value_counts(), "whole rows")],
    "2.3": [(lambda: list(sources().loc[sources()["type"] == "anonymous source", "source"])[::-1], "wrong order"),
            (lambda: sources()[sources()["type"] == "anonymous source"]["source"], "list(...)")],
    "2.4": [(lambda: (sources()["type"] == "anonymous source").sum(), "how many"),
            (lambda: (sources()["type"] == "anonymous source").sum() / sources()["type"].nunique(), "at most 1")],
    "2.5": [(lambda: sources()[sources()["condition"] != ""][["source", "condition"]], "reset_index"),
            (lambda: sources()[sources()["condition"] != ""], "your columns")],
    "3.1": [(lambda: r'"(.*)"', "lazy"), (lambda: r'"([^"]*)"', "curly")],
    "3.2": [(lambda: r"said (\w+)", "only the start"), (lambda: r"(said [A-Z]\w+(?: [A-Z]\w+)*)", "includes the word")],
    "3.3": [(lambda: all(quote in nt.article("full-text") for quote in re_quotes()), "one per quote"),
            (lambda: [True], "answers for")],
    "4.1": [(lambda: [tuple(words()[i:i + 3]) for i in range(len(words()) - 2)], "keeps repeats"),
            (lambda: {tuple(words()[i:i + 3]) for i in range(len(words()) - 3)}, "range(len(words) - 2)")],
    "4.2": [(lambda: (nt.containment(sets()[1], sets()[0]), nt.jaccard(*sets())), "swapped"),
            (lambda: (nt.jaccard(*sets()), len(sets()[0] & sets()[1]) / len(sets()[0])), "long text's")],
    "4.3": [(lambda: [n - 1 for n in missing_by_loop()], "one too small"),
            (lambda: (lambda missing: [n for n in range(1, len(full_paragraphs()) + 1) if n not in missing])(
                missing_by_loop()), "**has**")],
    "4.4": [(lambda: [tag for tag, *_ in opcodes()], "'equal'"),
            (lambda: [code for code in opcodes() if code[0] != "equal"], "first item")],
    "5.1": [(lambda: 10_000 ** 2, "itself"), (lambda: 10_000 * 9_999, "divide by 2")],
    "5.2": [(lambda: truth_found().groupby("kind")["found"].sum(), ".mean()"),
            (lambda: [1.0], "Series")],
    "5.3": [(lambda: 3 / 5, "recall"), (lambda: 1 / 4, "false alarms")],
    "6.2": [(lambda: log_with(looked_at="the full text, paragraph 70"), "leaves the page"),
            (lambda: log_with(why_trustworthy=""), "why_trustworthy")],
    "6.1": [(lambda: [n - 1 for n in ex_winter()], "one too small"), (lambda: ex_winter()[:1], "surname")],
    "6.3": [(lambda: pd.DataFrame({"confidence": ["low", "high"]})["confidence"] == "low", "condition"),
            (lambda: pd.DataFrame({"confidence": ["low", "high"]}).query("confidence == 'Low'"), "small letters")],
}


def ex_winter() -> list[int]:
    """Return the paragraphs naming Winter, as the lesson computes them."""
    return [n for n, p in enumerate(nt.article("full-text").splitlines(), start=1) if "Winter" in p]


def test_every_exercise_has_right_and_wrong_answers_tested():
    """Check that each registered exercise has >= 2 right and >= 2 wrong answers in this file"""
    assert set(RIGHT) == set(WRONG) == set(practice.EXERCISES)
    assert all(len(RIGHT[key]) >= 2 and len(WRONG[key]) >= 2 for key in practice.EXERCISES)


@pytest.mark.parametrize("key,index", [(key, i) for key, values in RIGHT.items() for i in range(len(values))])
def test_right_answers_pass(key: str, index: int):
    """Check that differently written right answers are all accepted"""
    result = practice.feedback(key, RIGHT[key][index](), practice.Progress())
    assert result.solved, result.message
    assert "solved on your own" in result.message


@pytest.mark.parametrize("key,index", [(key, i) for key, values in WRONG.items() for i in range(len(values))])
def test_wrong_answers_get_helpful_feedback(key: str, index: int):
    """Check that a typical wrong answer is refused with feedback naming the mistake and what to try"""
    make, expected = WRONG[key][index]
    result = practice.feedback(key, make(), practice.Progress())
    assert not result.solved
    assert expected in result.message, result.message
    assert f"practice.hint('{key}')" in result.message


def test_unanswered_scaffold_and_odd_values_do_not_raise():
    """Check that the untouched `...` and a value of the wrong kind give a message, not a traceback"""
    progress = practice.Progress()
    assert "Not answered yet" in practice.feedback("2.1", ..., progress).message
    assert progress.attempts == {}
    assert "DataFrame" in practice.feedback("2.1", "anonymous", progress).message
    assert "cannot read this pattern" in practice.feedback("3.1", "([", progress).message


def test_hint_then_answer_are_recorded_in_order(capsys: pytest.CaptureFixture):
    """Check the answer is shown only after the hint, and the check says how the exercise was solved"""
    progress = practice.Progress()
    practice.answer("4.1", progress)
    assert "Try the hint first" in capsys.readouterr().out and not progress.answers
    practice.hint("4.1", progress)
    assert "tuple(words[i:i + 3])" in capsys.readouterr().out
    assert "solved with a hint" in practice.feedback("4.1", RIGHT["4.1"][0](), progress).message
    practice.answer("5.1", progress)
    practice.hint("5.1", progress)
    practice.answer("5.1", progress)
    assert "worked answer" in capsys.readouterr().out
    assert "after reading the worked answer" in practice.feedback("5.1", 49_995_000, progress).message
    table = practice.progress_table(progress).set_index("exercise")
    assert table.loc["4.1", "solved"] == "with a hint" and table.loc["5.1", "worked answer"]


def test_unknown_exercise_is_a_one_line_error():
    """Check that a mistyped exercise key names the known ones"""
    with pytest.raises(KeyError, match="there is no Try it '9.9'.*1.1"):
        practice.check("9.9", 1)


def test_evidence_log_validates_saves_and_loads(tmp_path: Path):
    """Check that an incomplete row is refused with what is missing, and a saved log reads back"""
    log = practice.EvidenceLog(tmp_path / "log.csv")
    with pytest.raises(practice.EvidenceLogError, match="fill in found"):
        log.add("Who published it?", "outlet name", "a library database", "", "two records agree", "low")
    with pytest.raises(practice.EvidenceLogError, match="use one of low, medium, high"):
        log.add("Who published it?", "outlet name", "a library database", "a record", "two agree", "sure")
    log.add("Who published it?", "outlet name", "a library database", "a record", "two agree", "Low")
    saved = practice.EvidenceLog.load(log.save())
    assert saved.rows == log.rows and saved.rows[0]["confidence"] == "low"
    (tmp_path / "other.csv").write_text("a,b\n1,2\n")
    with pytest.raises(practice.EvidenceLogError, match="not an evidence log"):
        practice.EvidenceLog.load(tmp_path / "other.csv")


def test_numbered_and_show_count_paragraphs_from_one(capsys: pytest.CaptureFixture):
    """Check the reading aids use the course's one numbering (from 1) and refuse numbers out of range"""
    table = pd.DataFrame({"first_paragraph": [0, 69], "paragraph": [None, 2.0], "words": [3, 4]})
    readable = practice.numbered(table)
    assert list(readable["first_paragraph"]) == [1, 70] and readable["paragraph"].isna()[0]
    assert list(readable["words"]) == [3, 4] and list(table["first_paragraph"]) == [0, 69]
    practice.show(["first", "second"], 2)
    assert capsys.readouterr().out.startswith("[2] second")
    with pytest.raises(IndexError, match="numbered 1 to 2"):
        practice.show(["first", "second"], 0)


@pytest.mark.parametrize("source", SOURCES, ids=SOURCE_IDS)
def test_each_lesson_has_three_try_its_checked_in_order(source: Path):
    """Check each lesson has >= 3 Try it cells with a check call, a scaffold and a solution, in key order"""
    cells = nbformat.read(source, as_version=4).cells
    keys = [match for cell in cells if cell.cell_type == "code"
            for match in re.findall(r'practice\.check\("(\d\.\d)"', cell.source)]
    assert len(keys) >= 3, f"{source.name}: only {len(keys)} Try it checks"
    assert keys == sorted(keys, key=lambda key: tuple(map(int, key.split(".")))), keys
    assert all(key.startswith(source.name[1]) for key in keys), f"{source.name}: keys of another lesson {keys}"
    for cell in cells:
        if "practice.check(" in cell.source:
            assert "### BEGIN STUDENT" in cell.source and "### BEGIN SOLUTION" in cell.source
            scaffold = re.search(r"### BEGIN STUDENT\n(.*?)### END STUDENT", cell.source, re.DOTALL)[1]
            solution = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.DOTALL)[1]
            assert 1 <= len(solution.strip().splitlines()) <= 6 and "..." in scaffold


def test_try_its_follow_the_assignments_order():
    """Check the Try it keys across lessons cover every registered exercise, in order"""
    keys = [match for source in SOURCES for cell in nbformat.read(source, as_version=4).cells
            for match in re.findall(r'practice\.check\("(\d\.\d)"', cell.source)]
    assert keys == list(practice.EXERCISES)
