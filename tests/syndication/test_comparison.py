"""Tests for nt.compare: relations on built variants, alignment cases, edit kinds, properties."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.syndication.align import align
from newstrace.syndication import comparison
from newstrace.syndication.comparison import RELATIONS
from newstrace.syndication.edits import classify, diff
from newstrace.syndication.paragraph_keys import Paragraphs
from newstrace.syndication.passages import shared_passages
from newstrace.text.tokenizer import tokens

CLUTTER_TOP = "Skip to content\nShare on Facebook\nAdvertisement\n"
CLUTTER_END = "\nRelated articles\nSome other headline here\nSubscribe to our newsletter\n"

INDEPENDENT_REPORT = """\
A former member of the Islamic State's film crews, now serving a sentence in Morocco, says he \
recorded the killing of Syrian army prisoners near Tabqa in 2014.
Abu Hajer al Maghribi spoke to journalists inside a Moroccan jail. He said the militants ordered \
him and other crews to a desert site south of Raqqa, the capital of the caliphate, where more \
than 160 Syrian soldiers were shot.
According to Moroccan officials, dozens of citizens who travelled to Syria have been tried on \
their return. Several of them worked for the group's media department.
Another former militant, Abu Abdullah al Maghribi, described the media operation as vast and \
better paid than ordinary fighting units.
American officials have targeted propaganda specialists in air strikes, including the British \
hacker Junaid Hussain. FBI Director James B. Comey has called such units legitimate targets.
Analysts say the group's films helped draw thousands of foreign recruits to Syria and Iraq."""

UNRELATED = """\
The city council voted on Tuesday to extend the opening hours of the central library.
Members agreed that the reading rooms will stay open until nine in the evening from next spring.
The budget for books and digital lending will rise slightly, the treasurer told the meeting.
Local families welcomed the change, which follows a petition signed by several thousand residents.
A review of the children's section is planned for the autumn, with new furniture and games."""


# A story from another domain, in old wire style ("#" for the pound sign), with a newspaper
# version derived from it (new lead, quotes kept, reordered, cut) and an independent report.
WIRE_STORY = """\
A man who stole more than #40,000 from a village church to pay off gambling debts was jailed for two years yesterday.
Peter Hollis, 52, a former church treasurer, took the money over six years from accounts meant for roof repairs and a youth club, Leeds Crown Court heard.
Prosecutor Anne Walsh said Hollis had forged the signatures of two other trustees on 38 cheques and hid the losses by altering the annual accounts.
"This was a sustained and calculated breach of trust against people who regarded him as a friend," she told the court.
The theft came to light when a new vicar asked to see bank statements for the roof appeal in March last year.
Hollis, of Mill Lane, Otley, admitted 14 charges of theft and forgery at an earlier hearing.
His barrister, David Price, said his client had become addicted to online betting after the death of his wife and was "deeply ashamed".
Judge Robert Keane told Hollis: "You were trusted with money given by ordinary people for the good of their community, and you spent it on your addiction."
The church has since launched a new appeal to raise the money for the roof.
Outside court, churchwarden Mary Booth said the congregation was relieved the case was over."""

NEWSPAPER_VERSION = """\
A church treasurer who plundered £40,000 from parish funds to feed his gambling habit was behind bars last night.
Former treasurer Peter Hollis, 52, siphoned the cash over six years from accounts meant for roof repairs and a youth club.
Judge Robert Keane told him: "You were trusted with money given by ordinary people for the good of their community, and you spent it on your addiction."
Leeds Crown Court heard Hollis forged the signatures of two other trustees on 38 cheques and doctored the annual accounts to cover his tracks.
"This was a sustained and calculated breach of trust against people who regarded him as a friend," prosecutor Anne Walsh said.
The fraud was uncovered when a new vicar asked to see bank statements for the roof appeal.
Hollis, of Otley, West Yorkshire, admitted 14 charges of theft and forgery. He was jailed for two years."""

OTHER_PAPER_REPORT = """\
Parishioners in Otley spoke of their anger yesterday after their former church treasurer was sent to prison for stealing from the collection.
Peter Hollis, who had looked after the accounts of St Mary's for more than a decade, was sentenced to two years at Leeds Crown Court.
Churchwarden Mary Booth said many elderly members of the congregation had given what they could afford to the roof fund.
"We are a small village church and every pound matters to us," she said. "People feel let down."
The vicar, who found the missing money during a routine check, declined to comment.
A new fundraising campaign for the roof has already raised several thousand pounds, according to the parish newsletter."""


def test_newspaper_version_of_wire_copy_scores_high_and_independent_low() -> None:
    """Journalistic editing of wire copy scores high; another paper's own report scores low."""
    derived = nt.compare(WIRE_STORY, NEWSPAPER_VERSION)
    independent = nt.compare(WIRE_STORY, OTHER_PAPER_REPORT)
    assert derived.relation in ("edited copy", "rewrite") and derived.score > 0.5
    assert independent.relation == "unrelated" and independent.score < 0.15
    assert derived.counts()["missing"] >= 2 and derived.counts()["added"] >= 1
    lifted = " ".join(derived.shared_passages["text"])
    assert "sustained and calculated breach of trust" in lifted


def paragraphs(text: str) -> list[str]:
    """Return the non-blank lines of text."""
    return [line for line in text.splitlines() if line.strip()]


def page(paras: list[str]) -> str:
    """Return paragraphs as a page capture with clutter around them."""
    return CLUTTER_TOP + "\n\n".join(paras) + "\n" + CLUTTER_END


def copy_edit(paragraph: str, rng: random.Random) -> str:
    """Return the paragraph with typical copy edits: style changes and a cut or swapped word."""
    paragraph = paragraph.replace(" and ", " & ", 1).replace("The ", "the ", 1)
    sentences = paragraph.split(". ")
    if len(sentences) > 2:
        sentences.pop(rng.randrange(1, len(sentences)))
    words_ = ". ".join(sentences).split(" ")
    position = rng.randrange(len(words_))
    words_[position] = {"said": "stated", "group": "organisation"}.get(words_[position], words_[position])
    return " ".join(words_)


@pytest.fixture(scope="module")
def full_paragraphs(full_text: str) -> list[str]:
    """Return the cleaned paragraphs of the full text."""
    return nt.clean(full_text).paragraphs


@pytest.fixture(scope="module")
def rewrite(full_paragraphs: list[str]) -> str:
    """Return a built rewrite: new wording around quotes lifted from the original."""
    quoted = [p for p in full_paragraphs if p.count('"') >= 2][:8]
    lines = []
    for number, paragraph in enumerate(quoted):
        quote = paragraph.split('"')[1].strip(" ,.")
        lines.append(f"Speaking from detention, witness number {number + 1} gave reporters an account "
                     f"of daily life under the militants and of what followed. \"{quote},\" he recalled.")
    return "\n".join(lines)


def test_relations_are_the_documented_rules_in_order() -> None:
    """RELATIONS names the relation rules of compare's documentation, in the order they are tried."""
    documented = re.findall(r"^- `([^`]+)`:", comparison.__doc__, re.MULTILINE)
    assert documented == list(RELATIONS)


def test_identical(full_text: str) -> None:
    """A text compared with itself is identical with score 1."""
    result = nt.compare(full_text, full_text)
    assert (result.relation, result.score, result.containment) == ("identical", 1.0, 1.0)
    assert set(result.alignment["status"]) == {"same"}


def test_copy_with_other_page_clutter(full_paragraphs: list[str]) -> None:
    """The same paragraphs in a page with navigation and related links is a copy."""
    result = nt.compare("\n".join(full_paragraphs), page(full_paragraphs))
    assert result.relation == "copy"
    assert result.score == 1.0
    assert result.edits.empty


def test_trimmed_copy(full_paragraphs: list[str]) -> None:
    """The first 30 paragraphs and one later paragraph is a trimmed copy, the rest missing."""
    kept = full_paragraphs[:30] + full_paragraphs[60:61]
    result = nt.compare("\n".join(full_paragraphs), page(kept))
    assert result.relation == "trimmed copy"
    assert result.score == 1.0
    assert result.counts()["missing"] == len(full_paragraphs) - 31
    assert list(result.alignment.dropna(subset=["copy_para"])["original_para"])[-1] == 60


def test_edited_copy(full_paragraphs: list[str]) -> None:
    """Trimmed paragraphs with copy edits in every third one is an edited copy, scoring high."""
    rng = random.Random(3)
    kept = [copy_edit(p, rng) if n % 3 == 0 else p for n, p in enumerate(full_paragraphs[:40])]
    result = nt.compare("\n".join(full_paragraphs), "\n".join(kept))
    assert result.relation == "edited copy"
    assert result.score > 0.9
    assert {"word change", "deletion", "capitalisation"} <= set(result.edits["kind"])


def test_heavily_edited_and_reordered_copy_scores_high(full_paragraphs: list[str]) -> None:
    """Edits in every paragraph, cut to a third and shuffled, still score as mostly derived."""
    rng = random.Random(5)
    kept = [copy_edit(p, rng) for p in full_paragraphs[:35]]
    rng.shuffle(kept)
    result = nt.compare("\n".join(full_paragraphs), "\n".join(kept))
    assert result.relation == "edited copy"
    assert result.score > 0.8


def test_rewrite_lifting_quotes(full_paragraphs: list[str], rewrite: str) -> None:
    """New wording around lifted quotes is a rewrite, with the quotes as shared passages."""
    result = nt.compare("\n".join(full_paragraphs), rewrite)
    assert result.relation == "rewrite"
    assert 0.15 <= result.derived_share < 0.8  # partly verbatim, partly new wording
    assert result.score > 0.9  # yet clearly derived: its ordinary words and phrases come from the original
    assert len(result.shared_passages) >= 4


def test_re_report_is_a_rewrite(full_text: str, re_report: str) -> None:
    """The case's re-report is a rewrite; the short copy an edited copy."""
    assert nt.compare(full_text, re_report).relation == "rewrite"


def test_short_copy_is_an_edited_copy_scoring_near_one(full_text: str, short_copy: str) -> None:
    """The short copy is trimmed and copy-edited: edited copy, score close to 1."""
    result = nt.compare(full_text, short_copy)
    assert result.relation == "edited copy"
    assert result.score > 0.95


def test_independent_report_of_the_same_event_scores_low(full_text: str) -> None:
    """A report sharing names, titles and facts but not wording is unrelated, score low.

    The original is some 30 times longer and on the same topic, so it holds most of the report's
    ordinary words somewhere (0.71 of them); word_containment reads them in a stretch of the
    original five times the report's length, where it finds under half.
    """
    result = nt.compare(full_text, INDEPENDENT_REPORT)
    assert result.relation == "unrelated"
    assert 0.0 < result.score < 0.15
    assert result.word_containment < 0.5


def test_unrelated_text(full_text: str) -> None:
    """A text about something else is unrelated, score near zero."""
    result = nt.compare(full_text, UNRELATED)
    assert result.relation == "unrelated"
    assert result.score < 0.05
    assert set(result.alignment["status"]) == {"missing", "added"}


def test_reordered_split_and_merged_paragraphs(full_paragraphs: list[str]) -> None:
    """Reordered paragraphs keep their sources; a split and a merge link to the right originals."""
    originals = full_paragraphs[:8]
    first, rest = originals[2].split(". ", 1)
    copy = [originals[5], originals[0], first + ".", rest, originals[3] + " " + originals[4],
            originals[1]]
    table = align(Paragraphs.of(originals), Paragraphs.of(copy), 5)
    links = {(int(r.copy_para), int(r.original_para)) for r in table.dropna().itertuples()}
    assert links == {(0, 5), (1, 0), (2, 2), (3, 2), (4, 3), (4, 4), (5, 1)}
    assert set(table.loc[table["original_para"].isin([2, 3, 4]), "status"]) == {"edited"}
    assert set(table.loc[table["status"] == "missing", "original_para"]) == {6, 7}


def test_duplicated_paragraph_in_copy(full_paragraphs: list[str]) -> None:
    """A paragraph printed twice in the copy is a duplicate the second time."""
    originals = full_paragraphs[:5]
    table = align(Paragraphs.of(originals), Paragraphs.of(originals + [originals[0]]), 5)
    duplicate = table[table["status"] == "duplicate"]
    assert list(duplicate["copy_para"]) == [5] and list(duplicate["original_para"]) == [0]


def test_repeated_original_paragraphs_pair_one_to_one() -> None:
    """A paragraph that the original repeats, copied twice, is no duplicate."""
    originals = ["One two three four five six.", "Other words in between here.",
                 "One two three four five six."]
    table = align(Paragraphs.of(originals), Paragraphs.of(originals), 5)
    assert set(table["status"]) == {"same"}


@pytest.mark.parametrize(("before", "after", "kind"), [
    ("computers and", "computers, and", "punctuation"),
    ("The Post", "the Post", "capitalisation"),
    ("al-Qaida's", "al-Qaeda's", "spelling variant"),
    ("month-long", "monthlong", "spelling variant"),
    ("well-known", "well known", "spelling variant"),
    ("organise", "organize", "spelling variant"),
    ("Muhammad", "Mohammed", "spelling variant"),
    ("said", "stated", "word change"),
    ("on", "in", "word change"),
    ("tried", "tries", "word change"),
    ("from", "form", "word change"),
    ("propaganda teams", "propaganda", "deletion"),
    ("ISIL", "ISIL or ISIS", "insertion"),
])
def test_edit_kinds(before: str, after: str, kind: str) -> None:
    """Each edit is classified by the documented general rules."""
    edits = diff(tokens(before), tokens(after))
    assert [edit.kind for edit in edits] == [kind]


def test_classify_empty_change_is_punctuation() -> None:
    """Only punctuation on either side is a punctuation edit."""
    assert classify([","], []) == "punctuation"
    assert classify(["--"], [","]) == "punctuation"


def test_shared_passages_offsets_point_into_both_texts() -> None:
    """Passage offsets slice the same words out of both texts, typography aside."""
    original = "Intro here. \u201cWe will never surrender our city to them,\u201d he said."
    copy = 'Other start, then "We will never surrender our city to them," the mayor said.'
    table = shared_passages(original, copy, min_words=8)
    assert len(table) == 1
    row = table.iloc[0]
    assert original[row.original_start:row.original_end] == "We will never surrender our city to them"
    assert copy[row.copy_start:row.copy_end] == "We will never surrender our city to them"
    assert row.words == 8


def test_compare_rejects_non_text() -> None:
    """compare() needs two strings."""
    with pytest.raises(TypeError):
        nt.compare("text", None)  # type: ignore[arg-type]


vocabulary_a = st.sampled_from("alpha beta gamma delta epsilon zeta eta theta iota kappa".split())
vocabulary_b = st.sampled_from("red orange yellow green blue indigo violet black white grey".split())
function_words = st.sampled_from(["the", "of", "and", "a", "to"])


def _text(word: st.SearchStrategy) -> st.SearchStrategy:
    """Return a strategy for 1-6 paragraphs of 2-30 words, every other one a content word."""
    pair = st.tuples(word, function_words).map(" ".join)
    paragraph = st.lists(pair, min_size=1, max_size=15).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=6).map(lambda ps: "\n".join(p + "." for p in ps))


@settings(max_examples=40, deadline=None)
@given(_text(vocabulary_a))
def test_compare_with_itself_is_identical(text: str) -> None:
    """compare(x, x) is identical with score 1."""
    result = nt.compare(text, text)
    assert (result.relation, result.score) == ("identical", 1.0)


@settings(max_examples=40, deadline=None)
@given(_text(vocabulary_a), _text(st.one_of(vocabulary_a, vocabulary_b)))
def test_score_lies_in_unit_interval(original: str, copy: str) -> None:
    """score, containment and jaccard lie in [0, 1]; the relation is in the vocabulary."""
    result = nt.compare(original, copy)
    assert 0.0 <= result.score <= 1.0
    assert 0.0 <= result.containment <= 1.0 and 0.0 <= result.jaccard <= 1.0
    assert result.relation in RELATIONS


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_removing_more_paragraphs_never_lowers_the_score(full_paragraphs: list[str],
                                                         data: st.DataObject) -> None:
    """Of two copies with nested removals from one original, the more cut never scores lower."""
    originals = full_paragraphs[:12]
    removed = data.draw(st.sets(st.integers(0, 11), max_size=10))
    more = removed | data.draw(st.sets(st.integers(0, 11), max_size=10))
    if len(more) == len(originals):
        more = removed
    fewer_cut = "\n".join(p for n, p in enumerate(originals) if n not in removed)
    more_cut = "\n".join(p for n, p in enumerate(originals) if n not in more)
    original = "\n".join(originals)
    assert nt.compare(original, more_cut).score >= nt.compare(original, fewer_cut).score


@settings(max_examples=40, deadline=None)
@given(_text(vocabulary_a), _text(vocabulary_b))
def test_unrelated_texts_score_low(original: str, copy: str) -> None:
    """Texts with no content word in common score low and are not called copies."""
    result = nt.compare(original, copy)
    assert result.score < 0.2
    assert result.relation in ("rewrite", "unrelated")


def test_alignment_map_chart(full_text: str, short_copy: str) -> None:
    """The alignment map is a Chart whose alt text gives the counts and the relation."""
    from newstrace.plots import Chart, alignment_map

    chart = alignment_map(nt.compare(full_text, short_copy), ("full text", "short copy"))
    assert isinstance(chart, Chart)
    assert "edited copy" in chart.alt and "77 missing" in chart.alt and "8 edited" in chart.alt
    assert chart.png().startswith(b"\x89PNG")


def test_similarity_matrix_chart() -> None:
    """The similarity matrix names its strongest pair in the alt text."""
    from newstrace.plots import similarity_matrix

    texts = {"base": INDEPENDENT_REPORT, "trim": "\n".join(paragraphs(INDEPENDENT_REPORT)[:3]),
             "other": UNRELATED}
    chart = similarity_matrix(texts)
    assert "Highest pairs: trim from base: 1.00" in chart.alt


def test_cli_compare_prints_relation_and_tables(tmp_path, capsys, full_text: str,
                                                short_copy: str) -> None:
    """`newstrace compare A B --html R` prints the relation and tables and writes R offline."""
    from newstrace.cli import main

    (tmp_path / "a.txt").write_text(full_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(short_copy, encoding="utf-8")
    report = tmp_path / "report.html"
    status = main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--html", str(report)])
    out = capsys.readouterr().out
    assert status == 0
    assert "relation:    edited copy" in out and "missing  25-31" in out  # paragraphs counted from 1
    assert "paragraphs of the cleaned stories, counted from 1" in out
    assert "spelling variant" in out
    page = report.read_text(encoding="utf-8")
    assert 'class="house"' in page and 'class="content"' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "the cleaned story, counted from 1" in page and "0-based" not in page


def test_cli_compare_bad_file_exits_2(tmp_path, capsys) -> None:
    """A missing or empty file gives the foundation's one-line error and exit status 2."""
    from newstrace.cli import main

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["compare", str(tmp_path / "nope.txt"), str(empty)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["compare", str(empty), str(empty)]) == 2
    assert "is empty" in capsys.readouterr().err


@pytest.mark.parametrize("copy_id", ["short-copy", "re-report"])
def test_compare_passages_slice_the_same_words(case, full_text: str, copy_id: str) -> None:
    """Each shared passage's offsets slice the same words out of both cleaned texts."""
    from newstrace.text.tokenizer import words

    result = nt.compare(full_text, case.loc[copy_id, "text"])
    assert len(result.shared_passages) > 0
    for row in result.shared_passages.itertuples():
        before = result.original.text[row.original_start:row.original_end]
        after = result.copy.text[row.copy_start:row.copy_end]
        assert "".join(words(before)) == "".join(words(after)) and row.text == after
        assert row.words >= 8
        assert result.copy.text.count("\n", 0, row.copy_start) == row.copy_para


def test_rewrapped_copy_is_a_copy(full_paragraphs: list[str]) -> None:
    """The same story with paragraphs merged in pairs, or split into sentences, is a copy."""
    original = "\n".join(full_paragraphs[:20])
    merged = "\n".join(" ".join(full_paragraphs[n:n + 2]) for n in range(0, 20, 2))
    split = "\n".join(s if s.rstrip('"').endswith(".") else s + "."
                      for p in full_paragraphs[:20] for s in p.split(". "))
    for copy in (merged, split):
        result = nt.compare(original, copy)
        assert result.relation == "copy"
        assert result.score == 1.0


def test_copy_keeping_first_sentences(full_paragraphs: list[str]) -> None:
    """Keeping only each paragraph's first sentence is a trimmed copy; with word swaps, edited."""
    firsts = [p.split(". ")[0] + "." for p in full_paragraphs[:40] if ". " in p]
    original = "\n".join(full_paragraphs)
    trimmed = nt.compare(original, "\n".join(firsts))
    assert trimmed.relation == "trimmed copy" and trimmed.score == 1.0
    assert set(trimmed.edits["kind"]) == {"deletion"}
    swapped = [f.replace(" the ", " a ", 1) if n % 3 == 0 else f for n, f in enumerate(firsts)]
    edited = nt.compare(original, "\n".join(swapped))
    assert edited.relation == "edited copy" and edited.score > 0.9
    assert (edited.alignment.dropna(subset=["group"])["coverage"] >= 0.85).all()


def test_result_tables_have_the_documented_columns(full_text: str, short_copy: str) -> None:
    """alignment, edits and shared_passages carry the columns of the interface."""
    result = nt.compare(full_text, short_copy)
    assert {"original_para", "copy_para", "original_text", "copy_text", "similarity",
            "status"} <= set(result.alignment.columns)
    assert set(result.alignment["status"]) <= {"same", "edited", "missing", "added", "duplicate"}
    assert {"original_para", "copy_para", "before", "after", "kind"} <= set(result.edits.columns)
    assert {"original_start", "original_end", "copy_start", "copy_end"} <= set(
        result.shared_passages.columns)
    assert result.alignment["original_para"].dtype == "Int64"


token_lists = st.lists(st.sampled_from(["the", "The", "cat", "sat", ",", ".", "month-long",
                                        "monthlong", "Qaida", "Qaeda", "on"]), max_size=12)


@given(token_lists, token_lists)
def test_edits_rebuild_the_copy(before: list[str], after: list[str]) -> None:
    """Applying the edits to the original tokens gives the copy tokens; kinds are documented."""
    from newstrace.syndication.edits import KINDS

    edits = diff(before, after)
    rebuilt, position = [], 0
    for edit in edits:
        rebuilt += before[position:edit.before_start] + after[edit.after_start:edit.after_end]
        position = edit.before_end
    assert rebuilt + before[position:] == after
    assert all(edit.kind in KINDS for edit in edits)
    assert (not edits) == (before == after)


def test_every_fourth_word_changed_still_scores_as_derived(full_paragraphs: list[str]) -> None:
    """With one word in four replaced no 5-word run survives, yet aligned paragraphs keep the score."""
    changed = [" ".join("xyzzy" if n % 4 == 3 else word for n, word in enumerate(p.split()))
               for p in full_paragraphs[:30]]
    result = nt.compare("\n".join(full_paragraphs), "\n".join(changed))
    assert result.containment < 0.05
    assert result.score > 0.65
    assert result.relation == "edited copy"
