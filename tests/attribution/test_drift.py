"""The kinds of drift attribution_diff names: each rule on invented sentences, and the faithful rewordings it leaves alone."""

from __future__ import annotations

import pytest

from newstrace.attribution.diff import FLAGGED, attribution_diff
from newstrace.attribution.drift import (
    attribution_dropped,
    condition_change,
    figures,
    hedge_changes,
    outlet_credit_dropped,
    sentence_drift,
    source_change,
    verb_change,
)
from newstrace.cli import main


@pytest.mark.parametrize(("text", "expected"), [
    ("The scheme costs £4.1m.", {4_100_000.0}),
    ("The scheme costs £4.1 million.", {4_100_000.0}),
    ("It took eighteen months and twenty-five workers.", {18.0, 25.0}),
    ("Turnout rose 12 per cent to 2,500 voters.", {12.0, 2500.0}),
    ("The council voted 6-3.", {6.0, 3.0}),
    ("No figure at all, only one reason.", set()),
])
def test_figures_read_digits_scales_and_number_words(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("original", "copy"), [
    ("Workers learned of the closure from a notice.", "Workers learned of the closure on Tuesday from a notice."),
    ("The plant opened in 1968, the Herald reported.", "The plant opened in 1968, according to the Herald."),
    ("Residents can apply from May.", "Residents will be able to apply from May."),
    ("The scheme should take about eighteen months.", "The scheme should take roughly 18 months."),
])
def test_faithful_rewordings_are_not_drift(original, copy):
    assert sentence_drift(original, copy, frozenset(figures(original))) == ()
    assert attribution_dropped(original, copy) is None


def test_a_changed_figure_is_drift_but_a_figure_in_another_form_is_not():
    original = "The lanes will cost $1.2 million over nine months."
    whole = frozenset(figures(original))
    assert sentence_drift(original, "The lanes will cost $1.5 million over nine months.", whole) == ("number changed",)
    assert sentence_drift(original, "The lanes will cost $1.2m over 9 months.", whole) == ()
    assert sentence_drift("The lanes opened.", "The lanes opened after 40 days.", whole) == ("number added",)


@pytest.mark.parametrize(("original", "copy", "kinds"), [
    ("The crossing could reopen within weeks.", "The crossing will reopen within weeks.", ["hedge strengthened"]),
    ("The two sides may sign a deal next month.", "The two sides are expected to sign a deal next month.",
     ["hedge strengthened"]),
    ("The scheme is due to begin in May.", "The scheme will begin in May.", ["hedge strengthened"]),
    ("The inhaler may reduce visits.", "The inhaler reduces visits.", ["hedge dropped"]),
    ("Hauliers have reportedly lost money.", "Hauliers have lost money.", ["hedge dropped"]),
    ("It could save up to $410,000 a year.", "It will save $410,000 a year.", ["hedge strengthened", "hedge dropped"]),
    ("The crossing could reopen within weeks.", "The crossing might reopen within weeks.", []),
    ("The work will take about eighteen months.", "The work will take about 18 months.", []),
    ("More than a dozen defectors spoke.", "Some defectors spoke.", []),
    # the hedge is on a clause the copy leaves out: nothing was strengthened
    ("The mayor spoke, and the lanes could open by May.", "The mayor spoke at length.", []),
])
def test_hedges_strengthened_or_dropped(original, copy, kinds):
    assert hedge_changes(original, copy) == kinds


@pytest.mark.parametrize(("original", "copy", "kind"), [
    ("The ministers agreed in principle to reopen the border.", "The ministers agreed to reopen the border.",
     "condition dropped"),
    ("A trial will begin next year if the board approves funding.", "A trial will begin next year.",
     "condition dropped"),
    ("The ministers agreed in principle to reopen the border.", "The talks lasted nine hours.", None),
    ("It looked as if the talks had failed.", "It looked like the talks had failed.", None),
    ("Work starts in May, subject to funding.", "Work starts in May, pending funding.", None),
])
def test_conditions_dropped(original, copy, kind):
    assert condition_change(original, copy) == kind


@pytest.mark.parametrize(("original", "copy", "kind"), [
    ("One diplomat, who spoke on condition of anonymity, said talks had stalled.", "Diplomats said talks had stalled.",
     "source broadened"),
    ("A city official who was not authorized to speak said meters would go.", "City officials said meters would go.",
     "source broadened"),
    ("Tom Reyes said shops would suffer.", "Shop owners said shops would suffer.", "source broadened"),
    ("A teacher at one of the schools, who asked not to be named, said jobs would go.", "Teachers said jobs would go.",
     "source broadened"),
    ("Officials at the ministries said talks had stalled.", "Officials said talks had stalled.", None),
    ("Officials said talks had stalled.", "Diplomats said talks had stalled.", None),
    ("A diplomat said talks had stalled.", "A senior diplomat said talks had stalled.", None),
])
def test_one_source_become_a_group_is_a_broadened_source(original, copy, kind):
    assert source_change(original, copy) == kind


@pytest.mark.parametrize(("original", "copy", "changed"), [
    ("said", "argued", True), ("said", "claimed", True), ("confirmed", "said", True), ("said", "insisted", True),
    ("said", "told", False), ("said", "recalled", False), ("says", "added", False), ("argued", "argues", False),
    ("called", "said", False), (None, "said", False),
])
def test_verb_changes_that_a_reader_weighs(original, copy, changed):
    assert (verb_change(original, copy) == "attribution verb changed") is changed


@pytest.mark.parametrize(("original", "copy", "kind"), [
    ("Police records reviewed by the Ledger show 14 crashes.", "Police records show 14 crashes.", "attribution dropped"),
    ("The lanes will open in May, according to the city engineer's office.", "The lanes will open in May.",
     "attribution dropped"),
    ("The lanes will open in May, according to the city engineer's office.",
     "The engineer's office said the lanes will open in May.", None),
    ("It will save $410,000, according to a staff report presented to the council.",
     "It will save $410,000, according to a city staff report.", None),
    ("The lanes will open in May.", "The lanes will open in May, according to the city.", None),
])
def test_dropped_credits(original, copy, kind):
    assert attribution_dropped(original, copy) == kind


def test_a_verb_counts_only_on_the_clause_it_introduces():
    original = "Negotiators agreed in principle on Wednesday to reopen the crossing, after talks that lasted nine hours."
    assert verb_change("agreed", "said", original, "The talks lasted nine hours, negotiators said.") is None
    assert verb_change("agreed", "said", original, "Negotiators said on Wednesday they would reopen the crossing.") \
        == "attribution verb changed"
    assert verb_change("confirmed", "said", "The wall will be raised, the agency confirmed.",
                       "The wall will be raised, the agency said.") == "attribution verb changed"


def test_a_dropped_outlet_credit():
    assert outlet_credit_dropped("told Radio Hexford", "said") == "outlet credit dropped"
    assert outlet_credit_dropped("told Radio Hexford", "told Radio Hexford") is None
    assert outlet_credit_dropped("said", "told Radio Hexford") is None  # a credit added is not flagged


ORIGINAL = """\
Police records reviewed by the Ledger show 14 crashes on the corridor since 2021.
Opponents said the plan would remove 40 parking spaces.
"My customers drive here," said Tom Reyes, who owns a hardware store.
Jennifer Walsh, a researcher, said protected lanes usually reduce injuries.
"""
COPY = """\
Police records show 14 crashes on the corridor since 2021.
Opponents argued the plan would remove 40 parking spaces.
"My customers drive here," said Jennifer Walsh.
Jennifer Walsh, a researcher, told the Gazette that protected lanes usually reduce injuries.
"""


def test_attribution_changes_are_rows_of_their_own():
    """Issue 18: a dropped 'reviewed by' and said -> argued were 'same', similarity 100, and hidden"""
    table = attribution_diff(ORIGINAL, COPY)
    assert len(table) == 4
    diff = table.set_index(table["copy_text"].str[:12])
    assert diff.loc["Police recor", ["status", "kind"]].tolist() == ["attribution changed", "attribution dropped"]
    assert diff.loc["Opponents ar", ["status", "kind"]].tolist() == ["attribution changed", "attribution verb changed"]
    assert diff.loc["My customers", ["status", "kind"]].tolist() == ["speaker changed", "quote moved to another speaker"]
    assert diff.loc["Jennifer Wal", "status"] not in FLAGGED  # a credit to an outlet added is not a change


def test_check_copy_lists_attribution_changes_by_default_and_writes_html(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ORIGINAL)
    (tmp_path / "b.txt").write_text(COPY)
    report = tmp_path / "diff.html"
    assert main(["check-copy", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--html", str(report)]) == 0
    out = capsys.readouterr().out
    assert "[attribution changed: attribution dropped] copy paragraph 1" in out
    assert "[attribution changed: attribution verb changed] copy paragraph 2" in out
    assert "attribution: said -> argued" in out
    assert "quote moved to another speaker" in out
    assert "Not listed: 1 reworded" in out
    page = report.read_text()
    assert "<h2>Changed meaning or attribution (3)</h2>" in page
    assert page.index("Police records show") < page.index("<details>")
    assert "attribution verb changed" in page and "<script" not in page


def test_check_copy_refuses_a_report_path_in_a_missing_folder(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ORIGINAL)
    assert main(["check-copy", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"),
                 "--html", str(tmp_path / "no" / "r.html")]) == 2
    assert "its folder does not exist" in capsys.readouterr().err


def test_flagged_statuses_are_statuses():
    from newstrace.attribution.diff import STATUSES
    assert set(FLAGGED) <= set(STATUSES)
