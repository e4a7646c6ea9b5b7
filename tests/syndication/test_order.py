"""compare's order hint: when the second text holds the first, say so and give the other order's result."""

from __future__ import annotations

from pathlib import Path

import pytest

import newstrace as nt
from newstrace.cli import main
from newstrace.syndication.order import ORDER_HINT_MARGIN, ORDER_HINT_MIN_HELD, order_hint, second_holds_first

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "own_articles"

# An invented wire story; its first three paragraphs are the trimmed copy.
STORY = """\
HARLOW BAY -- The county ferry will stop running on weekdays from next month after the operator lost its subsidy, officials said on Tuesday.
The crossing carries about 400 commuters a day between the two halves of the bay, according to the county transport office.
"We have run out of ways to keep the boat going without the grant," said Mira Olsen, who manages the service for the operator.
Commuters will have to drive around the bay, a trip of about forty minutes each way in morning traffic.
Local traders said they expected fewer customers on the quay, where three cafes depend on the ferry crowds.
The county board will discuss a rescue plan at its next meeting, though members have warned that the budget is tight.
A petition to save the weekday service had gathered more than two thousand signatures by Tuesday evening."""
TRIMMED = "\n".join(STORY.split("\n")[:3])


def test_a_trimmed_copy_given_first_gets_the_hint_and_the_other_order_does_not() -> None:
    forward = nt.compare(TRIMMED, STORY)
    assert forward.original_in_copy == 1.0 and forward.containment < 0.6
    assert "compare them the other way round" in forward.order_hint
    assert "100% of the original's 5-word phrases" in forward.order_hint
    backward = nt.compare(STORY, TRIMMED)
    assert backward.order_hint == "" and backward.relation == "trimmed copy"


def test_the_case_short_copy_given_first_is_flagged(full_text: str, short_copy: str) -> None:
    forward = nt.compare(short_copy, full_text)
    assert forward.relation not in ("trimmed copy", "edited copy")
    assert forward.order_hint
    backward = nt.compare(full_text, short_copy)
    assert backward.order_hint == "" and backward.relation == "edited copy"


@pytest.mark.parametrize(("first", "second"), [
    ("bike-lanes", "bike-lanes-page"), ("bike-lanes-page", "bike-lanes"),
    ("flood-defences", "flood-defences-rereport"), ("flood-defences-rereport", "flood-defences"),
    ("bike-lanes-rereport", "bike-lanes"),
])
def test_captures_and_re_reports_get_no_hint(first: str, second: str) -> None:
    comparison = nt.compare(nt.read_article(ARTICLES / f"{first}.txt"), nt.read_article(ARTICLES / f"{second}.txt"))
    assert comparison.order_hint == ""


def test_the_rule_needs_both_a_held_original_and_a_margin() -> None:
    assert second_holds_first(ORDER_HINT_MIN_HELD, ORDER_HINT_MIN_HELD - ORDER_HINT_MARGIN - 0.01)
    assert not second_holds_first(ORDER_HINT_MIN_HELD, ORDER_HINT_MIN_HELD - ORDER_HINT_MARGIN + 0.01)
    assert not second_holds_first(ORDER_HINT_MIN_HELD - 0.01, 0.0)
    assert not second_holds_first(0.97, 0.96)  # a page capture of the same story holds it both ways
    assert order_hint(0.5, 0.1, 5) == ""


def test_cli_gives_the_hint_and_the_other_order_in_text_and_html(tmp_path: Path, capsys) -> None:
    short, full = tmp_path / "short.txt", tmp_path / "full.txt"
    short.write_text(TRIMMED, encoding="utf-8")
    full.write_text(STORY, encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["compare", str(short), str(full), "--html", str(report)]) == 0
    out = capsys.readouterr().out
    assert "order:       the copy holds 100%" in out
    assert f"compared that way ({full} as the original): trimmed copy, score 1.000" in out
    page = report.read_text(encoding="utf-8")
    assert "<dt>order</dt>" in page and "trimmed copy, score 1.000" in page
    assert main(["compare", str(full), str(short)]) == 0
    assert "order:" not in capsys.readouterr().out


def test_check_copy_gives_the_hint_for_the_case_texts_swapped(capsys) -> None:
    """check-copy short-copy full-text names the other order (and the command); the right order has no hint."""
    folder = Path(nt.data_dir()) / "articles"
    short, full = str(folder / "short-copy-page.txt"), str(folder / "full-text.txt")
    assert main(["check-copy", short, full]) == 0
    out = capsys.readouterr().out
    assert out.startswith("order: the copy holds 98% of the original's 5-word phrases")
    assert f"newstrace check-copy {full} {short}" in out
    assert main(["check-copy", full, short]) == 0
    assert "order:" not in capsys.readouterr().out


def test_check_copy_csv_keeps_the_hint_off_stdout(capsys) -> None:
    folder = Path(nt.data_dir()) / "articles"
    assert main(["check-copy", "--csv", str(folder / "short-copy-page.txt"), str(folder / "full-text.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("row,") and "order:" not in captured.out
    assert "note: order: the copy holds" in captured.err
