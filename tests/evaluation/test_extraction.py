"""The evaluation gate: extractor scores against the hand-made gold must not drop below the pins."""

from __future__ import annotations

import pandas as pd
import pytest

from newstrace.attribution.quotes import KINDS
from newstrace.evaluation import extraction as evaluation
from newstrace.evaluation.extraction import EvalCase, Metric, Score


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    """Return the evaluation table for the case texts."""
    return evaluation.evaluate()


def test_no_score_below_its_pinned_minimum(table: pd.DataFrame) -> None:
    """Every pinned score is reached."""
    problems = evaluation.below_minimums(table, evaluation.load_minimums())
    assert not problems, "\n".join(problems)


def test_every_metric_has_an_overall_pin() -> None:
    """A metric added to METRICS must be pinned too, or the gate would not guard it."""
    pinned = evaluation.load_minimums()[evaluation.OVERALL]
    missing = [m.name for m in evaluation.METRICS if m.name not in pinned]
    assert not missing, f"pin these metrics in newstrace/evaluation/extraction_minimums.json under 'overall': {missing}"


def test_table_has_a_row_per_text_and_overall(table: pd.DataFrame, case: pd.DataFrame) -> None:
    """The table scores each case text and the pooled overall row."""
    assert list(table.index) == [*case.index, "overall"]
    assert table.loc["overall", "gold"] == table.drop(index="overall")["gold"].sum()


def test_gold_offsets_slice_back_to_the_quote(case: pd.DataFrame) -> None:
    """Each gold quote's offsets slice its text out of the raw article, between quotation marks."""
    gold = evaluation.load_gold_quotes()
    assert set(gold["text"]) == set(case.index)
    for row in gold.itertuples():
        text = case.loc[row.text, "text"]
        assert text[row.start:row.end] == row.quote
        assert text[:row.start].rstrip()[-1] in "\"'\u201c\u2018"
    assert set(gold["kind"]) <= set(KINDS)


def test_gold_paragraph_is_the_non_blank_line_index(case: pd.DataFrame) -> None:
    """The gold paragraph column counts non-blank lines, as extract_quotes does."""
    for row in evaluation.load_gold_quotes().itertuples():
        text = case.loc[row.text, "text"]
        lines_before = text[:row.start].split("\n")[:-1]
        assert row.paragraph == sum(1 for line in lines_before if line.strip())


def test_a_worse_extractor_fails_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dropping every other predicted quote lowers recall below its pin, so the gate would catch it."""
    real = EvalCase.predicted_quotes.func
    monkeypatch.setattr(EvalCase, "predicted_quotes", property(lambda self: real(self).iloc[::2]))
    problems = evaluation.below_minimums(evaluation.evaluate(), evaluation.load_minimums())
    assert any("quote recall" in line for line in problems)


def test_registered_metric_appears_in_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """register() adds a metric column scored per text and pooled overall."""
    monkeypatch.setattr(evaluation, "METRICS", list(evaluation.METRICS))
    evaluation.register(Metric("gold rows", lambda case: Score(len(case.gold_quotes), len(case.gold_quotes))))
    table = evaluation.evaluate()
    assert table.loc["overall", "gold rows"] == 1.0


def test_same_speaker_matches_name_forms() -> None:
    """Speakers match across name forms and determiners, but not across different people."""
    assert evaluation.same_speaker("Abu Hajer", "Abu Hajer al Maghribi")
    assert evaluation.same_speaker("the official", "a U.S. intelligence official")
    assert evaluation.same_speaker("Abu Hourraira al-Maghribi", "Abu Hourraira")
    assert evaluation.same_speaker(None, None)
    assert not evaluation.same_speaker("Abu Hajer", "Abu Abdullah")
    assert not evaluation.same_speaker(None, "Comey")
    assert not evaluation.same_speaker("Comey", None)
