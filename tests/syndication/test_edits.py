"""Tests for newstrace.syndication.edits: word-level edits, house style told from content."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.syndication.edits import HOUSE_STYLE, classify, diff, join
from newstrace.text.tokenizer import token_gaps, tokens


def kinds(before: str, after: str) -> list[tuple[str, str, str]]:
    """Return (before, after, kind) for each edit between two sentences, spaced as written."""
    return [(edit.before, edit.after, edit.kind)
            for edit in diff(tokens(before), tokens(after), (token_gaps(before), token_gaps(after)))]


def test_house_style_edits_are_named() -> None:
    assert kinds("The organisation met.", "The organization met.") == [
        ("organisation", "organization", "spelling variant")]
    assert kinds("the Mayor spoke", "the mayor spoke") == [("Mayor", "mayor", "capitalisation")]
    assert classify([","], [";"]) == "punctuation"


def test_content_edits_are_word_changes_deletions_and_insertions() -> None:
    assert kinds("ten people died", "twelve people died") == [("ten", "twelve", "word change")]
    assert kinds("the very old bridge", "the old bridge")[0][2] == "deletion"
    assert kinds("the bridge", "the old bridge")[0][2] == "insertion"
    assert all(edit.category == "content" for edit in diff(tokens("a b"), tokens("a c")))
    assert {"punctuation", "capitalisation", "spelling variant", "initialism", "abbreviation",
            "number style", "date style", "unit style", "courtesy title"} == set(HOUSE_STYLE)


def test_identical_texts_have_no_edits() -> None:
    assert diff(tokens("Same words here."), tokens("Same words here.")) == []


def only_kind(before: str, after: str) -> str:
    """Return the kind of the one edit between two sentences (fails if there are several)."""
    found = kinds(before, after)
    assert len(found) == 1, found
    return found[0][2]


@pytest.mark.parametrize(("before", "after"), [
    ("Nine people were hurt.", "9 people were hurt."),
    ("The council has ten members.", "The council has 10 members."),
    ("It was the twenty-first meeting.", "It was the 21st meeting."),
    ("A nine-year-old boy was found.", "A 9-year-old boy was found."),
    ("Some 25 families left.", "Some twenty-five families left."),
    ("Crowds of 12,000 gathered.", "Crowds of 12000 gathered."),
    ("Crowds of 12 000 gathered.", "Crowds of 12,000 gathered."),
    ("The fund holds 4,100,000 dollars.", "The fund holds 4.1 million dollars."),
    ("It cost a million dollars.", "It cost 1 million dollars."),
    ("She came first in the race.", "She came 1st in the race."),
])
def test_numbers_as_words_or_figures_are_number_style(before: str, after: str) -> None:
    assert only_kind(before, after) == "number style"


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("The deal is worth £4.1m, he said.", "The deal is worth £4.1 million, he said.", ["unit style"]),
    ("The firm lost $2bn last year.", "The firm lost $2 billion last year.", ["unit style"]),
    ("The firm lost $2bn last year.", "The firm lost 2 billion dollars last year.", ["unit style"]),
    ("Prices rose 10 per cent in May.", "Prices rose 10% in May.", ["unit style"]),
    ("Prices rose 10 pct in May.", "Prices rose 10 per cent in May.", ["unit style"]),
    ("Prices rose 10 percent in May.", "Prices rose ten per cent in May.",
     ["number style", "spelling variant"]),
    ("The route is 5 kilometres long.", "The route is 5km long.", ["unit style"]),
    ("The route is five kilometers long.", "The route is 5 km long.", ["unit style"]),
    ("The shop opens at 3pm daily.", "The shop opens at 3 p.m. daily.", ["unit style"]),
    ("A ticket costs 50p now.", "A ticket costs 50 pence now.", ["unit style"]),
    ("Sales reached €3bn in March.", "Sales reached 3 billion euros in March.", ["unit style"]),
])
def test_currency_and_unit_forms_are_unit_style(before: str, after: str, expected: list[str]) -> None:
    assert [kind for _, _, kind in kinds(before, after)] == expected


@pytest.mark.parametrize(("before", "after"), [
    ("He arrived on Aug. 5, 2015.", "He arrived on August 5, 2015."),
    ("It opens in Sept. next year.", "It opens in September next year."),
    ("Prof. Ama Boateng spoke first.", "Professor Ama Boateng spoke first."),
    ("Prof Ama Boateng spoke first.", "Professor Ama Boateng spoke first."),
    ("The lane on Main Street closed.", "The lane on Main St. closed."),
    ("The lane on Elm Avenue closed.", "The lane on Elm Ave closed."),
    ("The house on Oak Dr. burned.", "The house on Oak Drive burned."),
    ("Gen. Kofi Mensah resigned.", "General Kofi Mensah resigned."),
    ("He moved to Fresno, Calif., last year.", "He moved to Fresno, California, last year."),
    ("He moved to Albany, N.Y., last year.", "He moved to Albany, New York, last year."),
    ("The Acme Corp. board met.", "The Acme Corporation board met."),
    ("Mass was said at St. Mary's church.", "Mass was said at Saint Mary's church."),
])
def test_abbreviations_of_months_titles_and_street_types_are_house_style(before: str, after: str) -> None:
    assert only_kind(before, after) == "abbreviation"


@pytest.mark.parametrize(("before", "after"), [
    ("The U.N. envoy left.", "The UN envoy left."),
    ("She flew to the U.S. on Friday.", "She flew to the US on Friday."),
    ("He lives in the U.S.", "He lives in the US."),
    ("The U.S.A. team won.", "The USA team won."),
    ("EU and U.K. officials met.", "EU and UK officials met."),
])
def test_initialisms_with_or_without_full_stops_are_house_style(before: str, after: str) -> None:
    assert only_kind(before, after) == "initialism"


@pytest.mark.parametrize(("before", "after"), [
    ("Nine people were hurt.", "10 people were hurt."),
    ("Nine people were hurt.", "Ninety people were hurt."),
    ("Crowds of 12,000 gathered.", "Crowds of 13,000 gathered."),
    ("Crowds of 150,000 gathered.", "Crowds of 160,000 gathered."),
    ("The deal is worth £4.1m, he said.", "The deal is worth £4.2m, he said."),
    ("The deal is worth £4.1m, he said.", "The deal is worth $4.1m, he said."),
    ("Prices rose 10 per cent in May.", "Prices rose 11% in May."),
    ("The route is 5 kilometres long.", "The route is 5 miles long."),
    ("It was the twenty-first meeting.", "It was the 22nd meeting."),
    ("He arrived on Aug. 5, 2015.", "He arrived on September 5, 2015."),
    ("The lane on Main Street closed.", "The lane on Main Ave. closed."),
    ("Prof. Ama Boateng spoke first.", "Dr. Ama Boateng spoke first."),
    ("Prof. Ama Boateng spoke first.", "Prof. Ama Mensah spoke first."),
    ("The U.N. envoy left.", "The EU envoy left."),
    ("The dam could fail this year.", "The dam will fail this year."),
    ("The dam may fail, officials said.", "The dam is expected to fail, officials said."),
])
def test_a_changed_number_name_or_hedge_is_content(before: str, after: str) -> None:
    found = kinds(before, after)
    assert found and all(kind not in HOUSE_STYLE for _, _, kind in found), found


@pytest.mark.parametrize(("before", "after"), [
    ("He arrived on Aug. 5, 2015.", "He arrived on 5 August 2015."),
    ("It opens on August 5th.", "It opens on 5 August."),
    ("It opens on the 5th of August.", "It opens on August 5."),
    ("It opens on May 5.", "It opens on 5 May."),
    ("On Tuesday, Sept. 1, the city voted.", "On Tuesday 1 September the city voted."),
])
def test_a_day_and_month_in_either_order_are_date_style(before: str, after: str) -> None:
    assert only_kind(before, after) == "date style"


@pytest.mark.parametrize(("before", "after"), [
    ("It opens on Aug. 5.", "It opens on 6 August."),
    ("It opens on May 5.", "It opens on 5 June."),
    ("They may 5 times.", "They 5 may times."),
])
def test_a_changed_day_or_month_is_content(before: str, after: str) -> None:
    found = kinds(before, after)
    assert found and all(kind not in HOUSE_STYLE for _, _, kind in found), found


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("Mr. Halvorsen said the plant would close.", "Halvorsen said the plant would close.",
     [("Mr.", "", "courtesy title")]),
    ("Ortiz said costs rose.", "Ms Ortiz said costs rose.", [("", "Ms", "courtesy title")]),
    ("Miss Lee and Mrs. Ray came.", "Lee and Ray came.",
     [("Miss", "", "courtesy title"), ("Mrs.", "", "courtesy title")]),
    ("Mr. Halvorsen said so.", "Ms. Halvorsen said so.", [("Mr", "Ms", "word change")]),
    ("The Mr. in the name stayed.", "The in the name stayed.", [("Mr.", "", "deletion")]),
    ("Dr. Ortiz said so.", "Ortiz said so.", [("Dr.", "", "deletion")]),
])
def test_a_courtesy_title_added_or_dropped_before_a_name_is_house_style(
        before: str, after: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(before, after) == expected


def test_several_families_in_one_sentence_are_each_named() -> None:
    found = kinds("Prof. Lee said nine U.N. staff earned £4.1m.",
                  "Professor Lee said 9 UN staff earned £4.1 million.")
    assert [kind for _, _, kind in found] == ["abbreviation", "number style", "initialism", "unit style"]


def test_an_inserted_credit_is_shown_as_written() -> None:
    assert kinds("RABAT -- The police said.", "RABAT (AP) -- The police said.") == [
        ("", "(AP)", "insertion")]


@pytest.mark.parametrize("text", [
    "(AP)", "[sic]", 'he said, "We will go." Then', "$5 and 10%", "and/or", "{braces}",
    "the States' budget", "it is -- he said", "RABAT, Morocco - The", "he said: 'yes'",
])
def test_joined_tokens_keep_their_spacing_as_written(text: str) -> None:
    assert join(tokens(text), token_gaps(text)) == text


@pytest.mark.parametrize(("text", "shown"), [
    ("( AP )", "(AP)"), ("[ sic ]", "[sic]"), ('he said , " We go . "', 'he said, "We go."'),
    ("$ 5 and 10 %", "$5 and 10%"), ("and / or", "and/or"),
])
def test_joined_tokens_without_their_text_follow_punctuation_rules(text: str, shown: str) -> None:
    assert join(text.split()) == shown


house_tokens = st.lists(st.sampled_from(["nine", "9", "U", ".", "N", "UN", "Aug", "August", "£", "$", "4.1m",
                                         "4.1", "million", "a", "per", "cent", "%", "St", "Street", "the",
                                         "5", "May", "Mr", "Lee"]),
                        max_size=10)


@given(house_tokens, house_tokens)
def test_edits_with_house_style_forms_rebuild_the_copy(before: list[str], after: list[str]) -> None:
    """Cutting runs into house-style forms loses no token: the edits applied give the copy."""
    edits = diff(before, after)
    rebuilt, position = [], 0
    for edit in edits:
        assert edit.before_start >= position
        rebuilt += before[position:edit.before_start] + after[edit.after_start:edit.after_end]
        position = edit.before_end
    assert rebuilt + before[position:] == after
    assert (not edits) == (before == after)


@given(st.lists(st.tuples(st.sampled_from(["", " ", "  ", "\n"]),
                          st.sampled_from(["word", "(", ")", '"', "'", ",", "$", "5", "--", "U.N.", "%"])),
                min_size=1, max_size=12))
def test_token_gaps_rebuild_the_text_as_written(pieces: list[tuple[str, str]]) -> None:
    """Joining a text's tokens with its token_gaps gives the text back, white space runs as one space."""
    text = "".join(space + token for space, token in pieces).strip()
    if text:
        assert join(tokens(text), token_gaps(text)) == " ".join(text.split())
