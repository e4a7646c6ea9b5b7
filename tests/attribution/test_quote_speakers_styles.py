"""extract_quotes() speakers in news styles the first invented set lacked: court, business, wire, features."""

from __future__ import annotations

import pytest

import newstrace as nt
from newstrace.attribution.quotes.attributions import gender_of


def _speakers(text: str) -> dict[str, str | None]:
    """Return each quote's speaker, keyed by the quote's first words."""
    quotes = nt.extract_quotes(text)
    return {" ".join(quote.split()[:3]): speaker for quote, speaker in zip(quotes["quote"], quotes["speaker"])}


@pytest.mark.parametrize(("text", "speaker"), [
    ('Councillor Ben Ashdown posted on Facebook that the figures were "no surprise to anyone".', "Ben Ashdown"),
    ('A spokesperson for the Department of Health and Social Care said it was "working closely with the trust".',
     "A spokesperson for the Department of Health and Social Care"),
    ('Another analyst, Mira Solberg of Crane Hill Partners, wrote that the price looked "full" and high.',
     "Mira Solberg"),
    ('A forensic accountant who testified, Priya Raman of Calder & Moss, said it was "unusually simple" to see.',
     "Priya Raman"),
    ('Minister Pieter Roos told parliament the state would not act "at this stage", according to a transcript.',
     "Pieter Roos"),
])
def test_speakers_in_one_sentence(text: str, speaker: str) -> None:
    quotes = nt.extract_quotes(text)
    assert quotes["speaker"].tolist() == [speaker] and quotes["kind"].tolist() == ["partial"]


def test_a_memo_written_by_someone_says_and_warns() -> None:
    text = ('The memo, written by the chief operating officer in January, says the ward is "running above safe '
            'capacity" and warns that "a serious incident is a matter of when".')
    assert set(_speakers(text).values()) == {"The memo"}


def test_one_of_them_the_judge_and_the_statement_are_who_they_stand_for() -> None:
    text = ("Two jurors, who spoke on the condition that their names not be used, said the records persuaded them.\n"
            '"Once we saw the dates, it was over," one of them said.\n'
            "U.S. District Judge Harold Yee set sentencing for March 14.\n"
            '"The jury has spoken clearly," the judge said.\n'
            "The chief executive, Dr Martin Hale, said in a statement that the trust had not misled anyone.\n"
            '"Our staff are working hard," the statement said.')
    speakers = _speakers(text)
    assert speakers["Once we saw"] == "Two jurors"
    assert speakers["The jury has"] == "Harold Yee"
    assert speakers["Our staff are"] == "Martin Hale"


def test_he_after_a_player_described_by_age_is_the_player() -> None:
    text = ('"I told the lads to keep going," Dyer said.\n'
            'Marsh, 19, had come on as a substitute. "I just closed my eyes and attacked it," he said.')
    assert _speakers(text)["I just closed"] == "Marsh"


FEATURE = """\
Every morning Agnes Kilbride climbs the steps of the lighthouse her father kept.
"Habit, mostly," she says.
Her father, Hugh, kept the light for 31 years. She remembers him winding the clockwork.
"He wrote down everything. I have all of them upstairs.
"When the board automated the station, they took the lens away."
Her nephew, Duncan Kilbride, says she should stop climbing. She ignores him, he says.
At the top, she points out the reef where the trawler Ellen May went down. Her father rowed out to it.
"He never talked about the ones they didn't get," she says."""


def test_a_feature_keeps_its_protagonist_through_pronoun_chains() -> None:
    speakers = _speakers(FEATURE)
    assert speakers["He wrote down"] == speakers["When the board"] == "Agnes Kilbride"
    assert speakers["He never talked"] == "Agnes Kilbride"


def test_a_possessive_says_nothing_of_gender() -> None:
    assert gender_of("Her father") == "m" and gender_of("His wife") == "f" and gender_of("her") == "f"


def test_an_acronym_in_a_description_does_not_cut_it() -> None:
    text = 'A WHO spokesperson said the agency would review the data "as part of its usual process."'
    assert nt.extract_quotes(text)["speaker"].tolist() == ["A WHO spokesperson"]


def test_a_surname_with_an_appositive_is_the_person_named_in_full_before() -> None:
    text = ('Mayor Diane Kowalski lost to first-time candidate Marcus Hill by 412 votes.\n'
            '"The voters have spoken," Kowalski said outside City Hall.\n'
            'Hill, 38, a former high school teacher, thanked volunteers. "Nobody gave us a chance," he told supporters.')
    assert _speakers(text)["Nobody gave us"] == "Marcus Hill"
