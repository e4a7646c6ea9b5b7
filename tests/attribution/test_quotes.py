"""extract_quotes on short texts built in the styles of several outlets, on the case, and on any string."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.attribution.quotes import COLUMNS, KINDS, extract_quotes


def row(text: str, quote: str) -> pd.Series:
    """Return the single extracted row whose quote is exactly `quote`."""
    found = extract_quotes(text)
    match = found[found["quote"] == quote]
    assert len(match) == 1, f"expected one row quoting {quote!r}, got:\n{found[['quote', 'kind', 'speaker']]}"
    return match.iloc[0]


def quotes_of(text: str) -> list[str]:
    """Return the quotes extracted from text, in order."""
    return list(extract_quotes(text)["quote"])


# ------------------------------------------------------------------ form


def test_columns_and_types() -> None:
    """The frame has the documented columns, integer offsets and a known kind."""
    found = extract_quotes('"Yes," she said.')
    assert list(found.columns) == COLUMNS
    assert found["start"].dtype.kind == "i" and found["paragraph"].dtype.kind == "i"
    assert set(found["kind"]) <= set(KINDS)


def test_text_without_quotes_gives_an_empty_frame_with_columns() -> None:
    """Apostrophes alone are no quotes: an empty frame with the columns comes back."""
    text = ("The council met on Monday. It's the council's third vote; the mayor's office didn't respond.\n"
            "Members voted 7-2 in the '90s style of the Smiths' era.")
    found = extract_quotes(text)
    assert found.empty and list(found.columns) == COLUMNS
    assert extract_quotes("").empty
    assert extract_quotes("\n\n   \n").empty


def test_non_str_raises_a_clear_type_error() -> None:
    """Bytes or None are refused with a message naming the type and what to do."""
    for bad in (b'"Hi," he said.', None, 42, ["a"]):
        with pytest.raises(TypeError, match="needs the article text as a str.*read the file first"):
            extract_quotes(bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------ marks


def test_straight_and_curly_marks_give_the_same_quotes() -> None:
    """Straight and typographic double marks find the same span and speaker."""
    straight = row('"We are not leaving," said Fatima Ali, a resident.', "We are not leaving,")
    curly = row("\u201cWe are not leaving,\u201d said Fatima Ali, a resident.", "We are not leaving,")
    assert (straight["start"], straight["speaker"]) == (curly["start"], curly["speaker"]) == (1, "Fatima Ali")


def test_apostrophes_do_not_open_single_quotes() -> None:
    """don't, State's, fighters' and '60s are apostrophes; 'emirs' is a quote."""
    text = "In the '60s the Islamic State's leaders weren't treated as 'emirs' in the fighters' camps."
    assert quotes_of(text) == ["emirs"]
    assert row(text, "emirs")["kind"] == "term"


def test_curly_apostrophes_inside_curly_quotes() -> None:
    """A right single mark inside words is an apostrophe, and a nested \u2018term\u2019 stays in the quote."""
    text = "\u201cThey\u2019ve told us it\u2019s \u2018temporary\u2019,\u201d he said of O\u2019Brien\u2019s plan."
    assert quotes_of(text) == ["They\u2019ve told us it\u2019s \u2018temporary\u2019,"]


def test_nested_single_quotes_are_part_of_the_outer_quote() -> None:
    """Nested quotes are not rows; the outer quote ends at its own closing mark even after a space."""
    text = "\"You don't want to do it,\" he said, \"but you know that you cannot say, 'No.' \""
    assert quotes_of(text) == ["You don't want to do it,", "but you know that you cannot say, 'No.'"]


def test_british_single_quotes_with_nested_double() -> None:
    """Single marks as the outer quote (British style) keep a nested double quote inside."""
    text = "'They called it \"a mistake\", and it was,' said Dame Helen Ward, a former civil servant."
    found = extract_quotes(text)
    assert list(found["quote"]) == ["They called it \"a mistake\", and it was,"]
    assert found.iloc[0]["speaker"] == "Helen Ward"


def test_backslash_escaped_marks() -> None:
    """Marks escaped with a backslash (\\') in scraped pages still pair; the backslash is not quoted."""
    text = "ISIS vows \\'to kill all citizens,\\' expands operations"
    found = row(text, "to kill all citizens,")
    assert (found["speaker"], found["verb"], found["kind"]) == ("ISIS", "vows", "partial")


def test_inch_marks_and_unbalanced_quote_do_not_break_later_paragraphs() -> None:
    """A stray mark only affects its own paragraph; later quotes are found as normal."""
    text = ("The 12\" pizza and the 5'10\" player were both there.\n"
            "The lawyer said his client was \"innocent and walked out.\n"
            "Nobody was hurt, police said.\n"
            "\"We will appeal,\" the lawyer, Tom Reed, said.")
    found = extract_quotes(text)
    assert list(found["quote"]) == ["We will appeal,"]
    assert found.iloc[0]["speaker"] == "Tom Reed" and found.iloc[0]["paragraph"] == 3


def test_ambiguous_straight_marks_pair_by_position() -> None:
    """Straight marks with spaces on both sides are paired in order."""
    text = 'He said " yes " and she said " no " to the plan.'
    assert quotes_of(text) == ["yes", "no"]


def test_multi_paragraph_quote_one_row_per_paragraph_with_one_speaker() -> None:
    """The opening mark repeats at each paragraph and the quote closes only at the end."""
    text = ("The mayor spoke for an hour.\n"
            "\"We have rebuilt this city before, and we will do it again.\n"
            "\"Every street, every school, every home.\n"
            "\"Nobody will be left behind,\" said Mayor Karen Bass.\n"
            "Afterwards, Bass took no questions.")
    found = extract_quotes(text)
    assert list(found["paragraph"]) == [1, 2, 3]
    assert list(found["speaker"]) == ["Karen Bass"] * 3
    assert list(found["kind"]) == ["direct"] * 3
    assert found.iloc[0]["quote"] == "We have rebuilt this city before, and we will do it again."


def test_multi_paragraph_quote_introduced_by_a_colon() -> None:
    """A colon introduction gives the speaker to every paragraph of the quote."""
    text = ("In a statement, the ministry said: \u201cWe regret the loss of life.\n"
            "\u201cAn inquiry will begin on Monday.\u201d\n"
            "Opposition parties were not satisfied.")
    found = extract_quotes(text)
    assert list(found["quote"]) == ["We regret the loss of life.", "An inquiry will begin on Monday."]
    assert list(found["speaker"]) == ["the ministry", "the ministry"]


def test_offsets_slice_back_and_paragraphs_count_non_blank_lines() -> None:
    """Offsets index the raw text; blank lines do not count as paragraphs."""
    text = "Intro line.\n\n\n\"First,\" he said.\r\n\r\nJane Doe said \"second one\" today."
    found = extract_quotes(text)
    for item in found.itertuples():
        assert text[item.start:item.end] == item.quote
    assert list(found["paragraph"]) == [1, 2]


# ------------------------------------------------------------------ attribution orders


@pytest.mark.parametrize(("text", "quote", "speaker", "verb"), [
    # AP: quote, then "X said" with a title before the name
    ('"This is a good day," Senate Majority Leader Chuck Schumer said on the floor.',
     "This is a good day,", "Chuck Schumer", "said"),
    # inversion with an appositive after the name
    ('"We kicked the can down the road," said Sen. John Thune, R-S.D.',
     "We kicked the can down the road,", "John Thune", "said"),
    # Reuters: told reporters
    ('"We need to be sure," Bank of England Governor Andrew Bailey told reporters.',
     "We need to be sure,", "Andrew Bailey", "told"),
    # "X said in a statement"
    ('"Our doors are open," the ministry said in a statement.', "Our doors are open,", "the ministry", "said"),
    # colon introduction with an object
    ('Speaker Mike Johnson told reporters on Tuesday: "We have done our job."',
     "We have done our job.", "Mike Johnson", "told"),
    # BBC: present tense and a descriptor before the name
    ('"People trusted the state," says its director, Tom Ellis.', "People trusted the state,", "Tom Ellis", "says"),
    ('Opposition leader Kemi Badenoch called it "a catastrophic failure of security".',
     "a catastrophic failure of security", "Kemi Badenoch", "called"),
    # according to, both orders
    ('According to the prosecutor, "the evidence is overwhelming."', "the evidence is overwhelming.",
     "the prosecutor", "according to"),
    ('The deal is "dead in the water," according to Maria Gonzalez, an analyst.', "dead in the water,",
     "Maria Gonzalez", "according to"),
    # X, appositive, said
    ('Abu Hajer, the former cameraman, said the footage "was never aired."', "was never aired.",
     "Abu Hajer", "said"),
    ('"It was chaos," recalled Ahmed Hassan, 42, a shopkeeper.', "It was chaos,", "Ahmed Hassan", "recalled"),
    # question and exclamation before an inverted attribution
    ('"Is this the end?" asked one protester.', "Is this the end?", "one protester", "asked"),
    # quoted as saying
    ('The newspaper quoted the minister as saying the plan was "finished for good."', "finished for good.",
     "the minister", "quoted as saying"),
    # a description separated by a participle phrase
    ('It ends as a masked fighter, speaking English, warns that "the war is only beginning."',
     "the war is only beginning.", "a masked fighter", "warns"),
    # wrote on social media
    ('Chief executive Satya Nadella wrote on LinkedIn: "Today marks a new chapter."',
     "Today marks a new chapter.", "Satya Nadella", "wrote"),
    # Guardian: Prof without a full stop, told the paper
    ('"What we are seeing is unprecedented," Prof Jane Goodwin told the Guardian.',
     "What we are seeing is unprecedented,", "Jane Goodwin", "told"),
    # an organisation as speaker
    ('"We regret the error," the company said.', "We regret the error,", "the company", "said"),
    ('Police said the men "had been planning it for weeks."', "had been planning it for weeks.", "Police", "said"),
    # AP: court ruling, age appositive, place after the name, possessive descriptor before the name
    ('"The law places an undue burden on voters," U.S. District Judge Sara Ellis wrote in a ruling.',
     "The law places an undue burden on voters,", "Sara Ellis", "wrote"),
    ('"We were never consulted," Smith, 45, said.', "We were never consulted,", "Smith", "said"),
    ('"It\'s a great day," said Jane Doe of Springfield, who joined the lawsuit.', "It's a great day,",
     "Jane Doe", "said"),
    ('"This is not over," Smith\'s lawyer, Ann Lee, said.', "This is not over,", "Ann Lee", "said"),
    ('"We are ready," one official told The Associated Press, speaking on condition of anonymity.',
     "We are ready,", "one official", "told"),
    # a document as speaker, when no author is named
    ('The statement said the governor was "disappointed but not surprised."', "disappointed but not surprised.",
     "The statement", "said"),
    # ... but the source of a document is: "a statement from X"
    ('The ferry was "not fit to sail", according to a statement from the Harbour Trust.', "not fit to sail",
     "the Harbour Trust", "according to"),
    # sport: role word before the name, told a broadcaster
    ('Defender Ezri Konsa, who scored the second goal, said the dressing room was "buzzing".', "buzzing",
     "Ezri Konsa", "said"),
    ('"It\'s a massive result for us," Konsa told Sky Sports.', "It's a massive result for us,", "Konsa", "told"),
    # a verb joined to the subject by "and", after an opening phrase
    ('In a post on X, President Helene Marchand praised his "courage" and called for "calm and dialogue."',
     "calm and dialogue.", "Helene Marchand", "called"),
    ('"We take full responsibility," CEO Marcus Webb said on a call with analysts.',
     "We take full responsibility,", "Marcus Webb", "said"),
    # a long participle phrase between a described speaker and the verb
    ('A senior official, speaking on condition of anonymity to discuss deliberations, called it "theater."',
     "theater.", "A senior official", "called"),
    # ", adding ..." after an attribution belongs to that attribution's speaker, not the sentence subject
    ('Firefighters fought the blaze, the emergency service said, adding that winds were "complicating the work".',
     "complicating the work", "the emergency service", "adding"),
    ('"It is becoming normal," said climate researcher Elena Vidal of the University of Seville.',
     "It is becoming normal,", "Elena Vidal", "said"),
    ('"Rates will stay high," said Bank of England Governor Andrew Bailey.', "Rates will stay high,",
     "Andrew Bailey", "said"),
    ('"This is a day of celebration," WHO Director-General Tedros Adhanom Ghebreyesus told a news conference.',
     "This is a day of celebration,", "Tedros Adhanom Ghebreyesus", "told"),
    # "and" inside an organisation's name is not a clause boundary
    ('A Department for Work and Pensions spokesperson said: "Employment is at near record levels."',
     "Employment is at near record levels.", "A Department for Work and Pensions spokesperson", "said"),
    # a relative clause without "that": the speaker is the second noun phrase
    ('Astronomers found water, a finding one researcher described as "a genuine milestone."',
     "a genuine milestone.", "one researcher", "described"),
    # caption and pull-quote conventions: Name: "..." and "..." - Name
    ('Trump: "We will win this case."', "We will win this case.", "Trump", None),
    ('"Nobody is above the law." \u2014 Rep. Adam Schiff', "Nobody is above the law.", "Adam Schiff", None),
])
def test_speaker_and_verb(text: str, quote: str, speaker: str, verb: str) -> None:
    """The speaker is read before or after the verb, without titles, descriptors or appositives."""
    found = row(text, quote)
    assert (found["speaker"], found["verb"]) == (speaker, verb)


def test_quote_split_by_attribution_keeps_speaker_for_both_halves() -> None:
    """ "A," he said, "B." gives two direct quotes by the same speaker."""
    text = 'Thune spoke next.\n"It\'s not perfect," Thune said, "but it keeps the lights on."'
    found = extract_quotes(text)
    assert list(found["kind"]) == ["direct", "direct"]
    assert list(found["speaker"]) == ["Thune", "Thune"]


def test_following_sentences_in_a_paragraph_keep_the_speaker() -> None:
    """A quote after '... he said.' in the same paragraph has the same speaker."""
    text = ('"The media people are more important than the soldiers," said Abu Abdullah. '
            '"Their monthly income is higher. They have better cars."')
    found = extract_quotes(text)
    assert list(found["speaker"]) == ["Abu Abdullah", "Abu Abdullah"]


def test_quote_after_a_paraphrase_takes_its_speaker() -> None:
    """A quote after 'X said.' in the paragraph is X's."""
    text = 'There were more than 100 operatives, Abu Abdullah said. "Some of them were hackers."'
    assert row(text, "Some of them were hackers.")["speaker"] == "Abu Abdullah"


def test_he_added_resolves_to_the_last_named_speaker() -> None:
    """'he added' in a later paragraph goes back to the speaker last named."""
    text = ('"We will see them in court," Gov. Gavin Newsom said.\n'
            "The state filed its suit on Friday.\n"
            '"We are ready," he added.')
    found = row(text, "We are ready,")
    assert (found["speaker"], found["verb"]) == ("Gavin Newsom", "added")


def test_she_skips_a_man_named_more_recently() -> None:
    """'she said' resolves to the most recent woman, not to the man named after her."""
    text = ("Maria Lopez, a federal worker, met with her manager, John Smith, on Monday.\n"
            '"I was already cutting back," she said.')
    assert row(text, "I was already cutting back,")["speaker"] == "Maria Lopez"


def test_he_resolves_to_a_described_speaker() -> None:
    """'he said' after 'said a senior official' is that official."""
    text = ('"The fight is online now," said a senior security official who asked not to be named. '
            'Recruits once met in mosques, he said, but "now, 90 percent are recruited online."')
    assert row(text, "now, 90 percent are recruited online.")["speaker"] == "a senior security official"


def test_the_official_resolves_to_the_fuller_description() -> None:
    """'the official said' after 'said a U.S. intelligence official' names the same person."""
    text = ('"The group is very image-conscious," said a U.S. intelligence official. '
            'Its brand is so disciplined, the official said, "that it is like a corporation."')
    assert row(text, "that it is like a corporation.")["speaker"] == "a U.S. intelligence official"


def test_they_and_it_resolve_to_groups_and_organisations() -> None:
    """'they said' needs a group and 'it said' an organisation."""
    text = ("Residents are angry. \"Nobody listens to us,\" they said.\n"
            "The hospital declined to comment. It said that \"patient privacy comes first.\"")
    assert row(text, "Nobody listens to us,")["speaker"] == "Residents"
    assert row(text, "patient privacy comes first.")["speaker"] == "The hospital"


def test_speaker_named_in_the_previous_sentence() -> None:
    """An unattributed quote after a sentence about a named person is that person's."""
    text = 'Gov. Gavin Newsom did not mince words on Thursday.\n"This is an attack on our democracy."'
    assert row(text, "This is an attack on our democracy.")["speaker"] == "Gavin Newsom"


def test_unresolvable_pronoun_gives_none() -> None:
    """A pronoun with nobody to refer to stays unresolved: None, not a guess."""
    assert row('"It never stops," he said.', "It never stops,")["speaker"] is None


def test_passive_and_instruction_verbs_are_not_attributions() -> None:
    """'was told' and 'told him to' do not make a speaker."""
    text = 'The card told him to drive south. He was told the plan was "final" by nobody.'
    assert row(text, "final")["speaker"] is None


# ------------------------------------------------------------------ kinds


@pytest.mark.parametrize(("text", "quote", "kind"), [
    ('Senior operatives are treated as "emirs" of equal rank.', "emirs", "term"),
    ('A militant known as "Jihadi John" appeared in the videos.', "Jihadi John", "term"),
    ('The so-called "blob" of warm water has persisted.', "blob", "term"),
    ('He made a documentary called "Flames of War" in 2014.', "Flames of War", "title"),
    ('The militant in the "Flames of War" film is still sought.', "Flames of War", "title"),
    ('Obama wrote in his memoir, "A Promised Land," that he had doubts.', "A Promised Land,", "title"),
    ('"I held my Canon camera," he said.', "I held my Canon camera,", "direct"),
    ('The program "specializes in how to do filming" in interviews, he said.',
     "specializes in how to do filming", "partial"),
    ('Bailey said the bank was "not yet" ready.', "not yet", "partial"),
    ('Oduya lowered her rating on the stock to "sell" from "hold."', "hold.", "term"),
    ('"Absolutely not," was the reply from his lawyer.', "Absolutely not,", "direct"),
    ("Minister 'deeply sorry' for data breach", "deeply sorry", "partial"),
    ("'We are running out of time': scientists warn on ocean heat", "We are running out of time", "direct"),
])
def test_kinds(text: str, quote: str, kind: str) -> None:
    """Terms and titles are told apart from speech; direct quotes open a sentence with a capital."""
    assert row(text, quote)["kind"] == kind


def test_terms_and_titles_have_no_speaker() -> None:
    """Only speech has a speaker and verb."""
    found = row('Smith said he watched the film "Flames of War" twice.', "Flames of War")
    assert found["kind"] == "title" and found["speaker"] is None and found["verb"] is None


def test_headline_partial_quote_with_speaker() -> None:
    """British headline: Johnson says 'no regrets'; US Title Case headline: Trump Says 'We Will Win'."""
    found = row("Johnson says 'no regrets' over lockdown parties", "no regrets")
    assert (found["kind"], found["speaker"], found["verb"]) == ("partial", "Johnson", "says")
    found = row("Trump Says 'We Will Win' as Rally Draws Thousands\nThe crowd cheered.", "We Will Win")
    assert (found["speaker"], found["verb"]) == ("Trump", "says")


def test_capitalised_verbs_count_only_in_headlines() -> None:
    """In body text a capitalised 'Says' is not read as a verb (it may start a name or title)."""
    text = 'The album Says It All came out in May, and fans called it "brilliant."'
    assert row(text, "brilliant.")["speaker"] == "fans"


# ------------------------------------------------------------------ the case


def test_case_full_text_attributions(full_text: str) -> None:
    """Known attributions in the full text come out by the general rules."""
    assert row(full_text, "It is a whole army of media personnel,")["speaker"] == "Abu Abdullah al Maghribi"
    assert row(full_text, "I held my Canon camera,")["speaker"].startswith("Abu Hajer")
    assert row(full_text, "There was clearly a communique issued,")["speaker"] == "Winter"
    assert extract_quotes(full_text)["kind"].value_counts().to_dict() == {
        "direct": 30, "partial": 11, "term": 2, "title": 2}


def test_re_report_credits_the_outlet_as_told(re_report: str) -> None:
    """The re-report's 'told The Washington Post' keeps the speaker, with told as the verb."""
    found = row(re_report, "The paper just gives you the location,")
    assert (found["speaker"], found["verb"]) == ("Abu Hajer", "told")


def test_shuffled_paragraphs_keep_explicit_attributions(full_text: str) -> None:
    """Reordering paragraphs changes nothing for quotes attributed by name in their own sentence."""
    paragraphs = full_text.split("\n")
    shuffled = "\n".join(reversed(paragraphs))
    original = row(full_text, "There was clearly a communique issued,")
    moved = row(shuffled, "There was clearly a communique issued,")
    assert original["speaker"] == moved["speaker"] == "Winter"
    assert len(extract_quotes(shuffled)) == len(extract_quotes(full_text))


# ------------------------------------------------------------------ properties


quote_heavy = st.text(alphabet=st.sampled_from(list("ab .,:\n\"'\u201c\u201d\u2018\u2019\\`-AB said he")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), quote_heavy))
def test_never_raises_and_offsets_slice_back(text: str) -> None:
    """On any string: no exception, offsets slice back to the quote, kinds and paragraphs are valid."""
    found = extract_quotes(text)
    assert list(found.columns) == COLUMNS
    paragraphs = sum(1 for line in text.splitlines() if line.strip())
    for item in found.itertuples():
        assert text[item.start:item.end] == item.quote and item.quote
        assert item.kind in KINDS
        assert 0 <= item.paragraph < max(paragraphs, 1)


news_fragments = st.lists(st.sampled_from([
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", " said ", " says ", " told ", " he ", " she ", " they ",
    "He ", "She ", "It ", "Mr. Smith", "Jane Doe", "Abu Hajer al Maghribi", "the official", "a spokesman",
    "Police", ", ", ". ", ": ", "? ", "\n", "\n\n", " according to ", " saying ", " \u2014 ", "Prime Minister Ann Lee",
    "We will win", "was told", " who ", " 45, ", "(", ")", "``", "''", "\\'", "The company", " of ", "Residents",
    "Flames of War", " film ", " known as ", "emirs", "The", "s' ", "'90s",
]), max_size=60).map("".join)
"""Text built from news-like fragments, so the attribution and pronoun rules are exercised, not only marks."""


@settings(max_examples=300, deadline=None)
@given(news_fragments)
def test_news_like_fragments_never_break_the_rules(text: str) -> None:
    """Random mixes of names, verbs, pronouns and marks: no exception, offsets slice back, speech-only speakers."""
    found = extract_quotes(text)
    for item in found.itertuples():
        assert text[item.start:item.end] == item.quote and item.quote
        if item.kind in ("term", "title"):
            assert item.speaker is None and item.verb is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(exclude_characters="\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a\\`\n\r"
                                                                        "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
                                                         exclude_categories=("Cs",)),
                        min_size=1, max_size=40).filter(lambda s: s.strip()), min_size=1, max_size=4))
def test_wrapped_words_are_found_exactly(words: list[str]) -> None:
    """Any mark-free text with a letter or digit put between quotation marks comes back as that quote (stripped)."""
    text = " ".join(f'Someone said "{w}" here.' for w in words)
    assert quotes_of(text) == [w.strip() for w in words if any(char.isalnum() for char in w)]


# ------------------------------------------------------------------ more constructions and layouts


def test_participle_after_a_comma_attributes_to_the_subject() -> None:
    """'X defended himself, noting that "..."' is X's quote."""
    text = 'Phillips defended himself, noting that the official was there "as a public figure" that day.'
    found = row(text, "as a public figure")
    assert (found["speaker"], found["verb"], found["kind"]) == ("Phillips", "noting", "partial")


def test_colon_after_a_clause_without_a_speech_verb() -> None:
    """'Reuters provided this: "..."' is attributed to the clause's subject, with no verb."""
    text = 'Reuters provided this account: "The soloist sang the wrong version of the anthem."'
    found = row(text, "The soloist sang the wrong version of the anthem.")
    assert (found["speaker"], found["verb"]) == ("Reuters", None)


def test_hard_wrapped_paragraphs_keep_quotes_that_cross_lines() -> None:
    """In text wrapped at a fixed width with blank lines between paragraphs, quotes run over line breaks."""
    text = ("WASHINGTON - The Senate on Tuesday passed a bill to fund the government\n"
            "through March, averting a shutdown days before the deadline.\n\n"
            "\"This is a good day for the American people,\" Senate Majority Leader\n"
            "Chuck Schumer said on the Senate floor. \"We kicked the can down the road\n"
            "again, but the lights stay on.\"\n")
    found = extract_quotes(text)
    assert list(found["quote"]) == ["This is a good day for the American people,",
                                    "We kicked the can down the road\nagain, but the lights stay on."]
    assert list(found["speaker"]) == ["Chuck Schumer", "Chuck Schumer"]
    assert list(found["paragraph"]) == [2, 3]


def test_same_text_rewrapped_gives_the_same_quotes_and_speakers() -> None:
    """Re-wrapping an article at 70 characters keeps its quotes (bar line breaks) and speakers."""
    import textwrap

    text = ('"We need to be sure that inflation will fall back to target before we move," Bank of England '
            "Governor Andrew Bailey told reporters on Thursday after the decision was announced.\n"
            'Bailey said the bank was "not yet" ready to cut rates, but that the moment was coming closer.\n'
            '"The risks are skewed to the upside," said Ruth Gregory, deputy chief economist at a consultancy.')
    wrapped = "\n\n".join(textwrap.fill(line, 70) for line in text.split("\n"))
    one, two = extract_quotes(text), extract_quotes(wrapped)
    assert [" ".join(q.split()) for q in two["quote"]] == list(one["quote"])
    assert list(two["speaker"]) == list(one["speaker"]) == ["Andrew Bailey", "Bailey", "Ruth Gregory"]


# ------------------------------------------------------------------ command line


def test_command_prints_a_table_and_csv(tmp_path, capsys) -> None:
    """`newstrace quotes FILE` prints quotes with speakers; --csv prints every column with offsets."""
    from newstrace.cli import main

    article = tmp_path / "story.txt"
    article.write_text('"We regret the error," the company said.\nNo quotes here.\n', encoding="utf-8")
    assert main(["quotes", str(article)]) == 0
    out = capsys.readouterr().out
    assert "the company" in out and "We regret the error," in out and "1 quotations: 1 direct" in out
    assert main(["quotes", str(article), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1] == '"We regret the error,",1,21,direct,the company,said,0'


def test_command_on_text_without_quotes_and_on_a_missing_file(tmp_path, capsys) -> None:
    """No quotes is said plainly; a missing file is a one-line error with status 2."""
    from newstrace.cli import main

    article = tmp_path / "plain.txt"
    article.write_text("The council met on Monday.\n", encoding="utf-8")
    assert main(["quotes", str(article)]) == 0
    assert "No quotations found" in capsys.readouterr().out
    assert main(["quotes", str(tmp_path / "missing.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_gender_learned_from_titles_and_pronouns() -> None:
    """'Mr. Smith' is a man, so a later 'she said' does not go to him."""
    text = ('"It is," said Mr. Smith, who chairs the committee, "a matter of principle."\n'
            '"We were not informed," she said.')
    assert row(text, "It is,")["speaker"] == "Smith"
    assert row(text, "We were not informed,")["speaker"] is None


def test_full_stop_outside_the_marks_ends_the_attribution() -> None:
    """British style: '... "fix the foundations". She added: ...' keeps 'said' for the first quote."""
    text = ('Chancellor Rachel Reeves said the budget would \u201cfix the foundations\u201d. '
            'She added: \u201cThere is no money tree.\u201d\n\u201cWe move on.\u201d')
    assert (row(text, "fix the foundations")["verb"], row(text, "fix the foundations")["speaker"]) == (
        "said", "Rachel Reeves")
    assert row(text, "There is no money tree.")["verb"] == "added"
    assert row(text, "We move on.")["speaker"] == "Rachel Reeves"


def test_organisation_name_keeps_its_words() -> None:
    """Titles are only dropped before a person's name, not from 'Defense Ministry'."""
    text = "Russia's Defense Ministry said its forces had struck \"military-industrial\" targets."
    assert row(text, "military-industrial")["speaker"] == "Russia's Defense Ministry"


def test_heard_asking_and_organisation_pronoun() -> None:
    """'X is heard asking' attributes to X; 'it added' goes back to a company named alone."""
    text = ('"Do you see any changes?" Philipps is heard asking.\n'
            'Acme said sales rose. "We are delighted," it added.')
    assert (row(text, "Do you see any changes?")["speaker"], row(text, "Do you see any changes?")["verb"]) == (
        "Philipps", "asking")
    assert row(text, "We are delighted,")["speaker"] == "Acme"


def test_colon_at_the_end_of_the_previous_paragraph() -> None:
    """'The statement said:' then a quote paragraph: the quote belongs to the statement's speaker."""
    text = 'In a statement, the prime minister said:\n"We will not be intimidated.\n"Our response will be firm."'
    found = extract_quotes(text)
    assert list(found["speaker"]) == ["the prime minister", "the prime minister"]
    assert list(found["verb"]) == ["said", "said"]


def test_document_speaks_with_it_began() -> None:
    """A letter can be the speaker: 'it began' refers back to the letter, the sentence's subject."""
    text = ('The letter, signed by 42 former ambassadors, was blunt.\n'
            '"We write with grave concern," it began. "Alliances are being squandered."')
    found = extract_quotes(text)
    assert list(found["speaker"]) == ["The letter", "The letter"]
    assert list(found["verb"]) == ["began", "began"]


def test_wrapped_text_without_blank_lines_joins_lines_mid_sentence() -> None:
    """Text wrapped at 70 characters with no blank lines: a quote broken over lines is still one quote."""
    import textwrap

    article = ('"We kicked the can down the road again and again and again," said Sen. John Thune, '
               'a Republican from South Dakota, to reporters at the Capitol.\n'
               '"We have done our job. Now it is time for the Senate to do theirs," Speaker Mike Johnson '
               'told reporters on Tuesday afternoon after the vote.')
    wrapped = "\n".join(textwrap.fill(line, 70) for line in article.split("\n"))
    found = extract_quotes(wrapped)
    assert [" ".join(q.split()) for q in found["quote"]] == [
        "We kicked the can down the road again and again and again,",
        "We have done our job. Now it is time for the Senate to do theirs,"]
    assert list(found["speaker"]) == ["John Thune", "Mike Johnson"]


def test_unisex_first_name_can_be_she() -> None:
    """'Sam' is not assumed to be a man, so 'she said' can refer back to her."""
    text = ('One woman, who gave her name only as Sam, said she felt "ashamed" the first time she came.\n'
            '"Now I don\'t," she said.')
    assert row(text, "Now I don't,")["speaker"] == "Sam"


def test_tokenised_corpus_marks() -> None:
    """Corpora that write ``quotes'' (LaTeX / Penn Treebank style) are read like curly quotes."""
    text = ("``We have no alternative,'' Chief Executive Oliver Blume told employees. ``The market has changed.''\n"
            "Union leader Daniela Cavallo called it ``a declaration of war'' and vowed to fight.")
    found = extract_quotes(text)
    assert list(found["quote"]) == ["We have no alternative,", "The market has changed.", "a declaration of war"]
    assert list(found["speaker"]) == ["Oliver Blume", "Oliver Blume", "Daniela Cavallo"]


# ------------------------------------------------------------------ built articles annotated before running


def built_articles() -> list[dict]:
    """Return the hand-annotated built articles in tests/data/quote_articles.json."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "quote_articles.json"
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("article", built_articles(), ids=lambda article: article["id"])
def test_built_articles_quotes_and_speakers(article: dict) -> None:
    """Every annotated speech quote is found as direct/partial with its speaker; nothing else is speech."""
    from newstrace.evaluation.extraction import same_speaker

    found = extract_quotes(article["text"])
    speech = found[found["kind"].isin(["direct", "partial"])]
    by_quote = dict(zip(speech["quote"], speech["speaker"]))
    expected = {item["quote"]: item["speaker"] for item in article["speech_quotes"]}
    assert set(by_quote) == set(expected), f"{article['style']}: speech quotes differ"
    wrong = {q: (by_quote[q], s) for q, s in expected.items() if not same_speaker(by_quote[q], s)}
    assert not wrong, f"{article['style']}: (found, expected) speakers {wrong}"
    assert not set(article["not_speech"]) & set(by_quote)


@pytest.mark.parametrize("text, expected", [
    ("市长奥尔蒂斯在投票后说：「这对每个人来说都是一条更安全的街道。」\n", ["这对每个人来说都是一条更安全的街道。"]),
    ("他说：「我听到有人喊『停下』，然后就跑了。」\n", ["我听到有人喊『停下』，然后就跑了。"]),
    ("店主说『生意会变差』。议会没有回应。\n", ["生意会变差"]),
    ("Mayor Dana Ortiz said: \u300cThis is a safer street\u300d after the vote.\n", ["This is a safer street"]),
    ("ראש העירייה אמר: \u05f4זהו רחוב בטוח יותר לכולם\u05f4. נציג צה\u05f4ל לא הגיב.\n",
     ["זהו רחוב בטוח יותר לכולם"]),
])
def test_cjk_corner_brackets_and_hebrew_gershayim_are_quotation_marks(text: str, expected: list[str]) -> None:
    """「」 and 『』 quote by their shape; Hebrew ״ quotes, except inside an acronym such as צה״ל."""
    assert quotes_of(text) == expected
