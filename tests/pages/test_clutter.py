"""Cleaning page clutter: the case texts, built variants with other boilerplate, and properties."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.pages.clutter import REASONS, fold
from newstrace.text.segments import is_hard_wrapped

STORY = [
    ("LONDON - The city council voted on Tuesday to close three libraries, despite a petition "
     "signed by more than 4,000 residents."),
    ('"We have no choice," said Maria Lopez, the council\'s finance chief. "The budget is 12 percent '
     'smaller than last year."'),
    ("Campaigners said they would challenge the decision in court, arguing that the council had "
     "failed to consult the families who depend on the branches."),
    ("The libraries will close in March. Their books will be moved to the central library, "
     "according to a council statement."),
    "Library use in the city has fallen by a third since 2010, figures published by the council show.",
]

NAVIGATION = ["Skip to main content", "Menu", "Sign in"]
SHARE = ["Share this article", "Copy link", "Email"]
RELATED = ["Read more", "Council tax to rise for the third year running",
           "New mayor promises faster bus routes"]
SIDEBAR = ["Latest", "Storm closes coastal roads", "Hospital waiting lists grow again",
           "Local team wins cup final"]
CAPTION = "Protesters gather outside the town hall on Monday. (Photo: Jane Smith/City Press)"


def page(parts: list[str], blank_lines: bool = True) -> str:
    """Join page parts one per line, with blank lines between them like a page capture."""
    return ("\n\n" if blank_lines else "\n").join(parts)


def test_clean_article_comes_back_unchanged():
    text = page(STORY, blank_lines=False)
    result = nt.clean(text)
    assert result.text == text
    assert result.paragraphs == STORY
    assert result.removed.empty and result.captions.empty and result.headline is None


def test_full_text_loses_only_the_promo_teaser(full_text):
    result = nt.clean(full_text)
    assert len(result.paragraphs) == 102
    assert list(result.removed["reason"]) == ["promo"]
    teaser = result.removed.iloc[0]
    assert full_text[teaser.start : teaser.end] == teaser.text
    assert teaser.text.startswith("Why did victims") and teaser.text.endswith("real.")
    assert result.paragraphs[21].endswith("media unit in Raqqa.")


def test_short_copy_loses_furniture_duplicate_lead_and_teaser(short_copy):
    result = nt.clean(short_copy)
    assert list(result.removed["reason"]) == ["navigation", "share", "duplicate", "promo"]
    assert result.paragraphs[0].startswith("RABAT, Morocco")
    assert sum(p.startswith("RABAT, Morocco") for p in result.paragraphs) == 1
    assert len(result.paragraphs) == 25


def test_re_report_keeps_story_and_caption_as_evidence(re_report):
    result = nt.clean(re_report)
    reasons = result.removed["reason"].value_counts().to_dict()
    assert reasons == {"headline": 1, "caption": 1, "related": 9, "sidebar": 13}
    assert result.headline.startswith("ISIS has 'whole army of media personnel'")
    assert result.captions.loc[0, "credit"] == "Screenshot from ISIS video"
    assert len(result.paragraphs) == 11
    assert result.paragraphs[0].startswith("Capturing ruthless killings")
    assert result.paragraphs[-1].startswith('"The media people are more important')
    assert "Archbishop" not in result.text and "related articles" not in result.text


def test_removed_rows_point_at_their_text(case):
    for text in case["text"]:
        for row in nt.clean(text).removed.itertuples():
            assert text[row.start : row.end] == row.text
            assert row.text in text.splitlines()[row.line]
            assert row.reason in REASONS


def test_other_boilerplate_around_a_story_is_removed():
    parts = NAVIGATION + ["By Tom Baker", "Published 20 November 2015, 10:42"] + SHARE
    parts += [CAPTION] + STORY[:3] + ["Advertisement"] + STORY[3:] + RELATED + SIDEBAR
    result = nt.clean(page(parts))
    assert result.paragraphs == STORY
    by_reason = result.removed.groupby("reason")["text"].apply(list).to_dict()
    assert by_reason["navigation"] == NAVIGATION
    assert by_reason["share"] == SHARE
    assert by_reason["byline"] == ["By Tom Baker"]
    assert by_reason["timestamp"] == ["Published 20 November 2015, 10:42"]
    assert by_reason["advert"] == ["Advertisement"]
    assert by_reason["related"] == RELATED
    assert by_reason["sidebar"] == SIDEBAR
    assert result.captions.loc[0, "credit"] == "Photo: Jane Smith/City Press"


@pytest.mark.parametrize("seed", range(6))
def test_shuffled_clutter_positions_still_leave_the_story(seed):
    rng = random.Random(seed)
    blocks = [NAVIGATION, SHARE, RELATED, SIDEBAR, [CAPTION], ["Advertisement"]]
    rng.shuffle(blocks)
    slots = sorted(rng.sample(range(len(STORY) + 1), k=len(blocks) - 2)) + [0, len(STORY)]
    parts: list[str] = []
    for index, paragraph in enumerate(STORY + [None]):
        for slot, block in zip(slots, blocks):
            if slot == index:
                parts.extend(block)
        if paragraph is not None:
            parts.append(paragraph)
    result = nt.clean(page(parts))
    assert result.paragraphs == STORY, parts


TEASERS = ["Local",
           "Riverbend schools add late bus for fall sports", "Riverbend schools add late bus for fall sports",
           "The district will run a second afternoon route from September, the board said.",
           "County fair returns with new livestock barn", "County fair returns with new livestock barn",
           "The barn, built with a state grant, opens for fair week in August."]
"""A section of teasers as pages capture them: each headline twice (picture link, title link), then a dek
sharing at most one word with it."""


@pytest.mark.parametrize("position", ["end", "middle"])
def test_teaser_summaries_under_repeated_headlines_are_set_aside(position):
    """A dek under a headline captured twice is the teaser's, though it shares no words with it; a story paragraph
    after a headline captured once stays (the shuffled-clutter test holds that side)."""
    parts = STORY + TEASERS if position == "end" else STORY[:3] + TEASERS + ["Advertisement"] + STORY[3:]
    result = nt.clean(page(parts))
    assert result.paragraphs == STORY
    assert set(result.removed["reason"]) <= {"sidebar", "duplicate", "advert"}
    assert "The barn, built with a state grant, opens for fair week in August." in list(result.removed["text"])


def test_duplicated_lead_and_repeated_lines_are_removed_once():
    text = page([STORY[0], STORY[0]] + STORY[1:] + [STORY[2].replace("'", "\u2019")])
    result = nt.clean(text)
    assert result.paragraphs == STORY
    assert list(result.removed["reason"]) == ["duplicate", "duplicate"]


def test_teaser_inside_paragraph_is_cut_but_quoted_questions_stay():
    teaser = "Why do cities close libraries first? The answer is in the budget."
    story = STORY[:2] + [STORY[2] + " " + teaser] + STORY[3:]
    result = nt.clean(page(story))
    assert result.paragraphs == STORY
    assert result.removed.loc[0, "text"] == teaser
    quoted = STORY[:2] + ['"Why would anyone close a library?" she asked. "It is madness."'] + STORY[3:]
    assert nt.clean(page(quoted)).paragraphs == quoted


def test_read_more_sentence_is_a_promo():
    story = STORY[:1] + [STORY[1] + " Read more: Council faces budget gap."] + STORY[2:]
    result = nt.clean(page(story))
    assert result.paragraphs == STORY
    assert list(result.removed["reason"]) == ["promo"]


def test_hard_wrapped_text_is_rejoined():
    wrapped = []
    for paragraph in STORY:
        words, lines, line = paragraph.split(), [], ""
        for word in words:
            if len(line) + len(word) > 60:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        wrapped.append("\n".join(lines + [line]))
    text = "\n\n".join(wrapped)
    assert is_hard_wrapped(text)
    assert nt.clean(text).paragraphs == STORY


def test_clutter_only_input_leaves_nothing_and_loses_nothing():
    parts = NAVIGATION + SHARE + RELATED
    result = nt.clean(page(parts))
    assert result.paragraphs == NAVIGATION[:0] or all(p in parts for p in result.paragraphs)
    assert len(result.paragraphs) + len(result.removed) == len(parts)


def test_empty_input_gives_empty_result():
    result = nt.clean("")
    assert result.text == "" and result.paragraphs == [] and result.removed.empty


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="clean\\(\\) needs the article text as a str"):
        nt.clean(bad)


def _page_strategy() -> st.SearchStrategy[str]:
    """Return pages mixing story paragraphs, clutter lines and random text."""
    pieces = st.sampled_from(STORY + NAVIGATION + SHARE + RELATED + SIDEBAR + [CAPTION])
    line = st.one_of(pieces, st.text(max_size=80))
    return st.lists(line, max_size=25).map(lambda parts: "\n".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _page_strategy()))
def test_clean_never_raises_and_is_idempotent(text):
    once = nt.clean(text)
    twice = nt.clean(once.text)
    assert twice.text == once.text
    assert twice.removed.empty


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _page_strategy()))
def test_kept_paragraphs_come_from_the_input(text):
    flat = " ".join(text.split())
    for paragraph in nt.clean(text).paragraphs:
        assert paragraph.strip() == paragraph and paragraph
        assert " ".join(paragraph.split()) in flat


def test_fold_ignores_typography_and_escapes():
    assert fold("It\u2019s \u201cfine\u201d \u2013 ok") == fold("it's \"fine\" - OK")
    assert fold("ISIS vows \\'to kill\\'") == fold("ISIS vows 'to kill'")


def test_command_line_prints_story_and_removal_table(tmp_path, re_report):
    path = tmp_path / "page.txt"
    path.write_text(re_report, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newstrace", "clean", str(path)],
                            capture_output=True, text=True, check=True)
    story, _, table = result.stdout.partition("Removed (24):")
    assert "Capturing ruthless killings on camera." in story
    assert "Archbishop" not in story
    for reason in ("headline", "caption", "related", "sidebar"):
        assert reason in table


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary"])
def test_command_line_bad_file_exits_2_with_one_line(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "newstrace", "clean", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr


def test_removal_tables_are_built_once_on_first_use(re_report):
    result = nt.clean(re_report)
    assert "removed" not in vars(result)
    assert result.removed is result.removed
    assert len(result.removed) == len(result.removed_rows) == 24
    assert repr(result) == "Cleaned(11 paragraphs, 324 words; removed 24 pieces, 1 captions)"
