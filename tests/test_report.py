"""Tests for newstrace.report: the offline side-by-side HTML report of a comparison."""

from __future__ import annotations

from pathlib import Path

import newstrace as nt
from newstrace.report import report_html, write_report

ORIGINAL = ("The council approved the new budget on Monday after a long debate about road repairs.\n"
            "Residents who attended said they were worried about rising local taxes and fees.")
COPY = ("The council approved the new budget on Tuesday after a long debate about road repairs.\n"
        "Residents who attended said they were worried about rising local taxes and fees.")


def test_report_is_one_offline_page_with_the_edits_marked(tmp_path: Path) -> None:
    comparison = nt.compare(ORIGINAL, COPY)
    page = report_html(comparison, ("wire", "paper"))
    assert page.startswith("<!DOCTYPE html>") and "<title>newstrace compare: wire and paper</title>" in page
    assert "Tuesday" in page and "Monday" in page and "<del" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    path = write_report(comparison, tmp_path / "report.html", ("wire", "paper"))
    assert path.read_text(encoding="utf-8") == page


def test_names_are_escaped() -> None:
    page = report_html(nt.compare(ORIGINAL, COPY), ("<b>a</b>", "c&d"))
    assert "&lt;b&gt;a&lt;/b&gt;" in page and "c&amp;d" in page and "<b>a</b>" not in page


def test_edits_are_listed_and_counted_with_an_inserted_credit_shown_as_written() -> None:
    original = "PORTVILLE -- The harbour will close for repairs in August, the port authority said on Monday."
    copy = "PORTVILLE (AP) -- The harbour will close for repairs in Aug., the port authority said on Monday."
    comparison = nt.compare(original, copy)
    assert {(row.before, row.after, row.kind) for row in comparison.edits.itertuples()} == {
        ("", "(AP)", "insertion"), ("August", "Aug.", "abbreviation")}
    page = report_html(comparison)
    assert "<dt>edits</dt><dd>2 (1 house style, 1 content)</dd>" in page
    assert "<td>(nothing)</td><td>(AP)</td>" in page and "( AP)" not in page
    assert 'title="insertion: (nothing) \u2192 (AP)"' in page
