"""Shared evidence (rare words, figures, names) of a Comparison, in the HTML report and lineage."""

from __future__ import annotations

import newstrace as nt
from newstrace.syndication.evidence import EVIDENCE_COLUMNS, evidence_summary, figure_note, per_million
from newstrace.report import report_html

WIRE = ("Engineers found fractures in the corroded girders of the Holloway Bridge in 1871 steelwork.\n"
        "Sometimes the council closes it. Repairs will cost 4.2 million pounds and take 9 months.\n"
        "Kelda Marsh, head of highways, said 14,317 vehicles a day would face a detour.")
REWRITE = ("Sometimes bridges crack. Fractures in corroded girders will shut the Holloway Bridge for 9 months.\n"
           "Kelda Marsh said 14,317 drivers a day face a detour costing 4.2 million pounds.")


def test_evidence_lists_rare_words_figures_and_names_with_explanations() -> None:
    """Rare shared words, every shared figure and the shared names each come with an explanation."""
    evidence = nt.compare(WIRE, REWRITE).evidence
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    by_kind = {kind: set(evidence.loc[evidence["kind"] == kind, "item"]) for kind in ("rare word", "figure", "name")}
    assert {"fractures", "corroded", "girders"} <= by_kind["rare word"]
    assert "detour" not in by_kind["rare word"] or per_million("detour") < 5
    assert {"4.2", "14,317", "9"} <= by_kind["figure"]
    assert {"Holloway Bridge", "Kelda Marsh"} <= by_kind["name"]
    assert "Sometimes" not in by_kind["name"]  # a common word opening a sentence is no name
    assert evidence["explanation"].str.len().gt(30).all()
    rare = evidence[evidence["kind"] == "rare word"]
    assert list(rare["item"]) == sorted(rare["item"], key=per_million)  # rarest first


def test_figure_notes_tell_years_round_and_precise_figures_apart() -> None:
    """A year and a round figure are weak evidence; a precise figure is called precise."""
    assert figure_note("1871").startswith("a year")
    assert figure_note("9").startswith("a round figure") and figure_note("5,000").startswith("a round figure")
    assert figure_note("14,317").startswith("a precise figure")


def test_unrelated_texts_share_no_evidence_and_say_so() -> None:
    """Texts with nothing in common give an empty table and a plain summary."""
    evidence = nt.compare(WIRE, "A cat sat on a warm mat all afternoon.").evidence
    assert evidence.empty
    assert evidence_summary(evidence) == "no rare word, figure or name in common"


def test_report_and_lineage_show_the_evidence() -> None:
    """The HTML report has the evidence table; lineage has a one-line summary per pair."""
    page = report_html(nt.compare(WIRE, REWRITE))
    assert "Shared evidence" in page and "fractures" in page and "a precise figure" in page
    row = nt.lineage({"wire": WIRE, "rewrite": REWRITE}).iloc[0]
    assert row["shared"].startswith("rare words (") and "Kelda Marsh" in row["shared"]
