"""Tests for newstrace.syndication.house_style: every table entry reads as the forms it stands for."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newstrace.syndication.house_style import ABBREVIATIONS, UNIT_FORMS, house_style_kind
from newstrace.text.tokenizer import tokens


def kind(before: str, after: str) -> str | None:
    """Return house_style_kind of two written runs."""
    return house_style_kind(tokens(before), tokens(after))


@pytest.mark.parametrize("abbreviation", sorted(ABBREVIATIONS))
def test_every_abbreviation_reads_as_each_of_its_full_forms(abbreviation: str) -> None:
    for full in ABBREVIATIONS[abbreviation]:
        assert kind(f"on {abbreviation}. Hill", f"on {full} Hill") == "abbreviation", full
        assert kind(f"on {abbreviation} Hill", f"on {full} Hill") == "abbreviation", full


def test_an_abbreviation_is_not_another_word() -> None:
    assert kind("on Main St.", "on Main Road") is None
    assert kind("in Aug.", "in April") is None


UNITS: dict[str, list[str]] = defaultdict(list)
for form, names in UNIT_FORMS.items():
    if len(names) == 1:
        UNITS[names[0]].append(form)


@pytest.mark.parametrize("unit", sorted(name for name, forms in UNITS.items() if len(forms) > 1))
def test_every_form_of_a_unit_after_a_figure_reads_as_the_others(unit: str) -> None:
    forms = UNITS[unit]
    for form in forms[1:]:
        assert kind(f"7 {forms[0]} away", f"7 {form} away") is not None, (forms[0], form)
        assert kind(f"7 {forms[0]} away", f"8 {form} away") is None, (forms[0], form)


def test_a_figure_keeps_its_unit() -> None:
    assert kind("5 km", "5 miles") is None
    assert kind("£5", "$5") is None
    assert kind("10%", "10") is None
    assert kind("4.1m", "4.1 billion") is None
