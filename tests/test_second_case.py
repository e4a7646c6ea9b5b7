"""The second case (data/cases/library-vote): its files, the switch to it, and the gates run on its gold.

Every gate here scores the library's general rules against gold annotations made by reading the
second case. Where the rules miss, the miss is pinned below with the reason, so the pin can only
shrink; the rules must never be tuned to this case's strings (the last test greps for them).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import newstrace as nt
from newstrace.evaluation import extraction as evaluation
from newstrace.pages.clutter import clean
from newstrace.errors import DataNotFoundError
from newstrace.evaluation.sources import load_gold_sources, match_sources

CASE = "library-vote"
ROOT = Path(__file__).resolve().parent.parent
MINIMUMS = evaluation.minimums_file(CASE)

# Credits the rules find that are not credits: none since a day or month is never an outlet
# ("in an interview on Monday" once read as a report "on" an outlet).
KNOWN_FALSE_CREDITS: set[tuple[str, str]] = set()
# Sidebar lines of the re-report that clean() keeps as story: the second and later summaries of a
# sidebar whose headlines are printed twice (line 40 goes, but as a duplicate, not as sidebar).
# Alignment links compare() finds that the gold lacks: the re-report's new opening shares a few words
# with the wire's lead (0), and the misattributed quote's new credit shares words with wire p7.
KNOWN_EXTRA_LINKS = {(0, 0), (5, 7)}
# Distinctive strings of the second case: no rule in the package may name any of them.
CASE_STRINGS = ["Alder Creek", "Lakeshore", "Halloran", "Tullis", "Priya Raman", "Millrace", "Eastside",
                "book bus", "Kovac", "Northfield", "Benning", "Ferraro", "Sorensen", "Riverbend",
                "Northgate", "library-vote"]


@pytest.fixture(scope="module", autouse=True)
def second_case() -> Iterator[None]:
    """Switch this module's loaders, gold files and widgets to the second case, then back."""
    nt.use_case(CASE)
    yield
    nt.use_case(None)


@pytest.fixture(scope="module")
def texts() -> pd.DataFrame:
    """Return the second case's catalogue with its texts."""
    return nt.articles()


@pytest.fixture(scope="module")
def gold_alignment() -> pd.DataFrame:
    """Return the second case's gold alignment rows."""
    table = pd.read_csv(nt.data_dir() / "annotations" / "alignment.csv", keep_default_na=False)
    table["original_para"] = table["original_para"].map(lambda v: None if v == "" else int(v))
    return table


@pytest.fixture(scope="module")
def comparisons(texts: pd.DataFrame) -> dict[str, nt.Comparison]:
    """Return compare(wire text, copy) for both copies."""
    full = texts.loc["full-text", "text"]
    return {copy: nt.compare(full, texts.loc[copy, "text"]) for copy in ("short-copy", "re-report")}


# ------------------------------------------------------------------------------- the switch


def test_case_is_listed_and_switched_to_by_use_case(texts: pd.DataFrame):
    assert nt.cases()[0] == "main" and CASE in nt.cases()
    assert nt.current_case() == CASE
    assert nt.data_dir() == ROOT / "data" / "cases" / CASE
    assert list(texts.index) == ["full-text", "short-copy", "re-report"]
    assert "Alder Creek" in texts.loc["full-text", "text"]


def test_environment_variable_switches_the_case(monkeypatch: pytest.MonkeyPatch):
    nt.use_case(None)
    try:
        monkeypatch.setenv("NEWSTRACE_CASE", CASE)
        assert nt.data_dir().name == CASE
        monkeypatch.setenv("NEWSTRACE_CASE", "main")
        assert nt.data_dir() == ROOT / "data"
        assert nt.article("full-text").startswith("RABAT, Morocco")
    finally:
        nt.use_case(CASE)


def test_data_folder_set_to_the_case_folder_itself_still_works(monkeypatch: pytest.MonkeyPatch):
    """$NEWSTRACE_DATA pointing at the case's own folder (as the grading sandbox passes it) is that case."""
    monkeypatch.setenv("NEWSTRACE_DATA", str(ROOT / "data" / "cases" / CASE))
    assert nt.data_dir() == ROOT / "data" / "cases" / CASE


def test_evaluation_command_uses_this_cases_pins(capsys: pytest.CaptureFixture):
    assert evaluation.minimums_file() == ROOT / "newstrace" / "evaluation" / f"extraction_minimums.{CASE}.json"
    assert evaluation.main() == 0
    assert "BELOW MINIMUM" not in capsys.readouterr().out


def test_unknown_case_is_refused_with_the_known_ones(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(DataNotFoundError, match=rf"no case 'nope'.*choose one of main, .*{CASE}"):
        nt.use_case("nope")
    assert nt.current_case() == CASE, "a refused case must not replace the active one"
    nt.use_case(None)
    try:
        monkeypatch.setenv("NEWSTRACE_CASE", "nope")
        with pytest.raises(DataNotFoundError, match="NEWSTRACE_CASE"):
            nt.articles()
    finally:
        nt.use_case(CASE)


def test_main_case_files_are_untouched():
    """The main case's files stay byte for byte as seeded, at their old paths."""
    main = pd.read_csv(ROOT / "data" / "catalogue.csv", dtype=str, keep_default_na=False)
    for row in main.itertuples():
        digest = hashlib.sha256((ROOT / "data" / "articles" / row.file).read_bytes()).hexdigest()
        assert digest == row.sha256


def test_catalogue_counts_and_digests_match_the_files(texts: pd.DataFrame):
    for row in texts.itertuples():
        raw = (nt.data_dir() / "articles" / row.file).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row.sha256
        assert (row.words, row.paragraphs) == (row.catalogue_words, row.catalogue_paragraphs)
    assert set(texts["publisher"]) == {"unknown"} and set(texts["date"]) == {"unknown"}


def test_widgets_take_their_keys_from_the_second_case():
    from newstrace import widgets

    clutter = widgets.SpotTheClutter("re-report")
    assert any("Lakeshore" in key.text for key in clutter.key if key.is_clutter)
    sort = widgets.SortTheSources("full-text")
    assert "Margaret Hale" in {item.name for item in sort.key}
    assert len(widgets.FindTheQuotes("re-report").keys) > 0
    viewer = widgets.DiffViewer()
    assert "Alder Creek" in viewer.texts["short-copy"]


# ---------------------------------------------------------------- quotes, speakers, source types


def test_gold_quote_offsets_slice_back(texts: pd.DataFrame):
    gold = evaluation.load_gold_quotes()
    assert set(gold["text"]) == set(texts.index)
    for row in gold.itertuples():
        text = texts.loc[row.text, "text"]
        assert text[row.start:row.end] == row.quote
        assert text[:row.start].rstrip()[-1] in "\"'\u201c\u2018"
        assert row.paragraph == sum(1 for line in text[:row.start].split("\n")[:-1] if line.strip())


def test_evaluation_gate_holds_on_the_second_case():
    """Quote spans, speakers, kinds and source types stay at or above this case's pinned minimums."""
    table = evaluation.evaluate()
    problems = evaluation.below_minimums(table, evaluation.load_minimums(MINIMUMS))
    assert not problems, "\n".join(problems)
    pinned = evaluation.load_minimums(MINIMUMS)[evaluation.OVERALL]
    assert {metric.name for metric in evaluation.METRICS} <= set(pinned)


def test_every_kind_of_source_the_lessons_teach_is_in_the_gold():
    gold = load_gold_sources()
    full = gold[gold["article"] == "full-text"]
    assert {"named person", "anonymous source", "expert or analyst", "organisation",
            "document or media"} <= set(full["type"])
    assert (gold.loc[gold["article"] == "re-report", "type"] == "news outlet").any()
    assert (full["condition"] != "").sum() == 2


def test_interview_conditions_reach_the_anonymous_sources(texts: pd.DataFrame):
    gold = load_gold_sources()
    for text_id in ("full-text", "short-copy"):
        expected = gold[gold["article"] == text_id].reset_index(drop=True)
        found = nt.sources(texts.loc[text_id, "text"])
        for gold_row, found_row in match_sources(found, expected):
            condition = expected.loc[gold_row, "condition"]
            if condition:
                assert found_row is not None and condition in found.loc[found_row, "condition"]


# ------------------------------------------------------------------------------- credits


def test_credits_match_the_gold_but_for_pinned_false_ones(texts: pd.DataFrame):
    gold = pd.read_csv(nt.data_dir() / "annotations" / "credits.csv", keep_default_na=False)
    gold["own_reporting"] = gold["own_reporting"].astype(str).str.lower() == "true"
    key = ["outlet", "phrase", "kind", "paragraph", "own_reporting"]
    false_found = set()
    for text_id in texts.index:
        found = nt.credits(texts.loc[text_id, "text"])
        found_rows = set(map(tuple, found[key].values.tolist()))
        gold_rows = set(map(tuple, gold.loc[gold["article"] == text_id, key].values.tolist()))
        assert gold_rows <= found_rows, f"{text_id}: gold credits not found: {gold_rows - found_rows}"
        false_found |= {(text_id, row[1]) for row in found_rows - gold_rows}
    assert false_found <= KNOWN_FALSE_CREDITS, f"new false credits: {false_found - KNOWN_FALSE_CREDITS}"


# ------------------------------------------------------------------------------- clutter


def test_clutter_gold_covers_every_line_and_clean_labels_every_line_as_the_gold_does(texts: pd.DataFrame):
    gold = pd.read_csv(nt.data_dir() / "annotations" / "clutter.csv", keep_default_na=False)
    misses = set()
    for text_id in ("short-copy", "re-report"):
        lines = texts.loc[text_id, "text"].split("\n")
        rows = gold[gold["text_id"] == text_id]
        assert list(rows["line"]) == [i for i, line in enumerate(lines) if line.strip()]
        assert all(lines[row.line].startswith(row.starts) for row in rows.itertuples())
        removed = clean(texts.loc[text_id, "text"]).removed.set_index("line")["reason"].to_dict()
        misses |= {(text_id, row.line) for row in rows.itertuples()
                   if removed.get(row.line, "story") != row.label}
    assert misses == set(), f"clutter lines labelled otherwise than the gold: {sorted(misses)}"


def test_caption_credit_duplicate_lead_and_related_block_are_found(texts: pd.DataFrame):
    short = clean(texts.loc["short-copy", "text"])
    assert "duplicate" in set(short.removed["reason"])
    report = clean(texts.loc["re-report", "text"])
    assert report.captions["credit"].tolist() == ["Photo: Jana Kovac/Lakeshore News Service"]
    assert (report.removed["reason"] == "related").sum() == 7


# ------------------------------------------------------------------------------- alignment and edits


def _links(table: pd.DataFrame) -> set[tuple[int, int | None, str]]:
    """Return (copy_para, original_para, status) for each row about a copy paragraph."""
    rows = table[table["copy_para"].notna()]
    return {(int(r.copy_para), None if pd.isna(r.original_para) else int(r.original_para), r.status)
            for r in rows.itertuples()}


def _squeeze(text: str) -> str:
    """Return text without whitespace, so token spacing does not count as a difference."""
    return re.sub(r"\s+", "", text)


def test_short_copy_alignment_and_edits_match_the_gold(gold_alignment, comparisons):
    result = comparisons["short-copy"]
    expected = _links(gold_alignment[gold_alignment["copy"] == "short-copy"])
    assert _links(result.alignment) == expected
    missing = set(result.alignment.loc[result.alignment["status"] == "missing", "original_para"].astype(int))
    assert missing == set(range(25)) - {original for _, original, _ in expected}
    found = {(r.original_para, r.copy_para, r.kind, _squeeze(r.before), _squeeze(r.after))
             for r in result.edits.itertuples()}
    gold = set()
    for row in gold_alignment[gold_alignment["copy"] == "short-copy"].itertuples():
        for item in filter(None, row.edits.split(" | ")):
            kind, change = item.split(": ", 1)
            before, after = change.split(" ->", 1)
            gold.add((row.original_para, row.copy_para, kind, _squeeze(before), _squeeze(after)))
    assert found == gold
    categories = set(result.edits["kind"])
    assert categories & {"punctuation", "capitalisation", "spelling variant"}
    assert categories & {"word change", "deletion", "insertion"}


def test_re_report_links_match_the_gold_but_for_pinned_extras(gold_alignment, comparisons):
    found = {(c, o) for c, o, _ in _links(comparisons["re-report"].alignment) if o is not None}
    rows = gold_alignment[gold_alignment["copy"] == "re-report"]
    expected = {(c, o) for c, o, _ in _links(rows) if o is not None}
    assert expected - found == set(), "every gold link is found"
    extra = {(c, o) for c, o in found - expected if c <= rows["copy_para"].max()}
    assert extra <= KNOWN_EXTRA_LINKS, f"new wrong links: {extra - KNOWN_EXTRA_LINKS}"


def test_relations_tell_the_trimmed_copy_from_the_close_re_report(comparisons):
    """The short copy holds the wire nearly whole; the re-report derives from it but keeps a third of its phrases.

    Once cleaning sets the re-report's sidebar teasers aside (they used to count as added paragraphs),
    its lifted quotes and close sentences put it over the edited-copy line (derived share 0.64 >= 0.6),
    as the invented re-reports of tests/data/own_articles are; its reworded paragraphs still show.
    """
    short, re_report = comparisons["short-copy"], comparisons["re-report"]
    assert short.containment > 0.9 and short.relation == "edited copy"
    assert re_report.containment < 0.5 and re_report.score > 0.9
    assert re_report.counts()["added"] == 0  # the sidebar is no longer read as story
    reworded = re_report.alignment.query("status == 'edited' and similarity < 0.5")
    assert reworded["copy_para"].nunique() >= 4


# ------------------------------------------------------------------------------- attribution


def test_misattributed_quote_is_flagged_as_speaker_changed(texts: pd.DataFrame):
    diff = nt.attribution_diff(texts.loc["full-text", "text"], texts.loc["re-report", "text"])
    changed = diff[diff["status"] == "speaker changed"]
    assert len(changed) == 1
    row = changed.iloc[0]
    assert row["verbatim"] and "Raman" in row["copy_speaker"] and "Hale" in row["original_speaker"]
    verbatim = diff[(diff["row"] == "quote") & (diff["status"] == "verbatim quote")]
    assert len(verbatim) >= 3


def test_drifted_paraphrase_is_drift_with_its_kind(texts: pd.DataFrame, gold_alignment: pd.DataFrame):
    """The paraphrase that turns 'could save up to' into 'will save' is drift: a hedge strengthened."""
    diff = nt.attribution_diff(texts.loc["full-text", "text"], texts.loc["re-report", "text"])
    drift = gold_alignment[(gold_alignment["copy"] == "re-report")
                           & gold_alignment["note"].str.startswith("DRIFT")].iloc[0]
    rows = diff[(diff["original_paragraph"] == drift["original_para"]) & (diff["row"] != "quote")]
    drifted = rows[rows["status"] == "drift"]
    assert not drifted.empty and "hedge strengthened" in drifted["kind"].iloc[0]


# ------------------------------------------------------------------------------- general rules only


def test_no_rule_names_the_second_cases_strings():
    """The package's code never names a person, place or outlet of the second case."""
    offenders = []
    for path in sorted((ROOT / "newstrace").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(ROOT)}: {s!r}" for s in CASE_STRINGS if s.lower() in source.lower()]
    assert offenders == []


def test_the_grep_would_catch_a_named_string(tmp_path: Path):
    """The check above is not vacuous: the strings are really in the case's texts."""
    everything = "\n".join(path.read_text(encoding="utf-8")
                           for path in (nt.data_dir() / "articles").glob("*.txt"))
    absent = [s for s in CASE_STRINGS if s != CASE and s not in everything]
    assert absent == []
    assert json.loads(MINIMUMS.read_text(encoding="utf-8"))["minimums"]
