"""Tests for newstrace.text.vocabulary: the two stop-word sets, stems and content words."""

from __future__ import annotations

from newstrace.text.tokenizer import words
from newstrace.text.vocabulary import claim_words, content_form, content_words, stem


def test_matching_content_words_drop_function_words_and_fold_plurals() -> None:
    keys = words("The reports said one new camp and two camps were on the border")
    assert content_words(keys) == {"report", "camp", "border"}
    assert content_form("reports") == "report" and content_form("the") is None and content_form("is") is None
    assert content_form("press") == "press" and content_form("1") == "1"


def test_claim_words_stem_eagerly_and_ignore_reporting_verbs() -> None:
    assert stem("soldiers") == "soldier" and stem("cities") == "city" and stem("state's") == "state"
    assert claim_words("The soldiers told reporters the cities were burning") == [
        "soldier", "reporter", "city", "burning"]
