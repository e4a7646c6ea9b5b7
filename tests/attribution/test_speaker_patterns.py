"""Speaker attribution on the hand-written regression set tests/data/speaker_patterns.json.

One group of short texts per failure pattern seen on real news (issue 17): continuation quotes,
pronouns resolved one or two paragraphs back, "X quoted Y as saying" and "according to Y",
titles and appositives, organisations as speakers, and noun phrases for things that must never
be taken for a speaker. Every text's speech quotes must be found with the annotated speaker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.evaluation.extraction import same_speaker
from newstrace.attribution.quotes import SPEECH_KINDS, extract_quotes

PATTERNS = Path(__file__).parents[1] / "data" / "speaker_patterns.json"
ARTICLES = json.loads(PATTERNS.read_text(encoding="utf-8"))["articles"]


def test_every_pattern_has_several_texts() -> None:
    """Each of the seven patterns has at least three texts."""
    counts: dict[str, int] = {}
    for article in ARTICLES:
        counts[article["pattern"]] = counts.get(article["pattern"], 0) + 1
    assert set(counts) == {"continuation", "pronoun", "quoted as saying", "according to",
                           "title or appositive", "organisation", "non-person noun phrase"}
    assert min(counts.values()) >= 3


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article["id"])
def test_speaker_pattern(article: dict) -> None:
    """Every annotated speech quote is found as direct/partial with the annotated speaker (None = no speaker)."""
    found = extract_quotes(article["text"])
    speech = found[found["kind"].isin(SPEECH_KINDS)]
    by_quote = dict(zip(speech["quote"], speech["speaker"]))
    expected = {item["quote"]: item["speaker"] for item in article["speech_quotes"]}
    assert set(by_quote) == set(expected), f"{article['id']}: speech quotes differ"
    wrong = {q: (by_quote[q], s) for q, s in expected.items() if not same_speaker(by_quote[q], s)}
    assert not wrong, f"{article['id']}: (found, expected) speakers {wrong}"
