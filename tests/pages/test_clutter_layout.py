"""Page clutter that only its place on the page gives away (menus, the header, widgets, captions without
credits, pull quotes, lists after the story), and story lines in the same places that must stay."""

from __future__ import annotations

import pytest

import newstrace as nt

STORY = [
    "GREYPORT — The county will close two of its four recycling centres in June, officials said on Thursday, "
    "blaming a shortfall in the waste budget.",
    "\"Nobody wants to do this, but the money has run out,\" said councillor Ruth Amari, who chairs the "
    "environment committee.",
    "Residents will be directed to the remaining centres at Oakfield and Marsh Lane, which will open an hour "
    "longer on weekdays.",
    "The county expects to save about £600,000 a year, according to a report presented to the committee.",
    "A consultation on the plan runs until the end of April.",
]


def _reasons(lines: list[str]) -> dict[str, str | None]:
    """Return {line: reason or None} for a page built from lines."""
    removed = nt.clean("\n".join(lines) + "\n").removed
    found = dict(zip(removed["text"], removed["reason"]))
    return {line: found.get(line) for line in lines}


def test_a_menu_of_short_section_names_is_navigation_and_the_headline_stays_a_headline():
    menu = ["Skip to content", "News", "Local", "Politics", "U.S.", "Climate crisis", "Obituaries"]
    reasons = _reasons([*menu, "County to close two recycling centres", *STORY])
    assert all(reasons[line] == "navigation" for line in menu)
    assert reasons["County to close two recycling centres"] == "headline"
    assert all(reasons[line] is None for line in STORY)


def test_standfirsts_under_the_headline_and_a_byline_without_by_are_header_matter():
    page = ["County to close two recycling centres",
            "Officials blame a £600,000 shortfall in the waste budget",
            "The decision follows a year of rising costs, and campaigners say they will fight it.",
            "Imogen Tate", "Environment correspondent", "Thursday 6 March 2025", *STORY]
    reasons = _reasons(page)
    assert [reasons[line] for line in page[:6]] == ["headline", "headline", "headline", "byline", "byline", "timestamp"]
    assert all(reasons[line] is None for line in STORY)


def test_without_a_byline_the_first_paragraph_under_the_headline_is_the_story():
    page = ["County to close two recycling centres", *STORY]
    assert [line for line, reason in _reasons(page).items() if reason] == [page[0]]


def test_a_newsletter_box_in_the_story_is_a_subscription_prompt_line_by_line():
    box = ["skip past newsletter promotion", "Sign up to The Briefing", "Free weekly newsletter",
           "Our reporters explain the week's local decisions and what they mean for you",
           "Enter your email address", "Sign up",
           "Privacy Notice: Newsletters may contain info about charities and online ads.",
           "after newsletter promotion"]
    reasons = _reasons([*STORY[:2], *box, *STORY[2:]])
    assert all(reasons[line] == "subscription" for line in box)
    assert all(reasons[line] is None for line in STORY)


def test_bare_counts_beside_share_and_comment_buttons():
    page = ["County to close two recycling centres", "Share", "128", "By Jo Marsh", *STORY,
            "Share or comment on this article:", "45", "shares"]
    reasons = _reasons(page)
    assert reasons["128"] == "comments" and reasons["45"] == "share"


def test_a_caption_without_credit_inside_the_story_is_a_caption_but_a_subhead_stays():
    captions = ["Councillor Ruth Amari (left) with residents outside the Marsh Lane centre on Thursday",
                "The Oakfield centre, which will stay open, handled 40,000 visits last year"]
    subhead = "What happens next"
    page = [*STORY[:2], captions[0], *STORY[2:4], subhead, captions[1], *STORY[4:]]
    reasons = _reasons(page)
    assert [reasons[line] for line in captions] == ["caption", "caption"]
    assert reasons[subhead] is None and all(reasons[line] is None for line in STORY)


@pytest.mark.parametrize("unpunctuated", [
    "More information is published on the county's website at www.greyport.example/recycling",
    "Residents asked about bulky waste can call the county's helpline on 0300 555 0199",
])
def test_a_story_line_without_a_full_stop_but_with_an_address_or_number_stays(unpunctuated):
    reasons = _reasons([*STORY[:3], unpunctuated, *STORY[3:]])
    assert reasons[unpunctuated] is None


def test_a_pull_quote_repeating_a_story_sentence_is_a_duplicate_but_quotes_and_subheads_stay():
    pull = "\"Nobody wants to do this, but the money has run out.\""
    subhead = "Nobody wants to do this"
    page = [*STORY[:3], pull, subhead, *STORY[3:], "\"It is the wrong decision.\""]
    reasons = _reasons(page)
    assert reasons[pull] == "duplicate"
    assert reasons[subhead] is None and reasons["\"It is the wrong decision.\""] is None


def test_lists_after_the_last_paragraph_are_other_stories_and_a_final_line_right_after_it_stays():
    page = [*STORY, "Watch more: How recycling works", "Up next", "Bin collections to move to fortnightly",
            "Fly-tipping fines doubled in county crackdown"]
    reasons = _reasons(page)
    assert reasons["Bin collections to move to fortnightly"] == "related"
    assert reasons["Fly-tipping fines doubled in county crackdown"] == "related"
    final = [*STORY, "The committee meets again on 3 April"]
    assert _reasons(final)["The committee meets again on 3 April"] is None


def test_teaser_summaries_that_share_no_words_with_their_headlines_go_with_them():
    page = [*STORY, "Recommended stories", "Harbour dredging to start in May",
            "Work will close the east quay for six weeks, the port said.",
            "Bus fares frozen for another year", "The operator said it would absorb rising fuel costs.",
            "Terms and Privacy Policy"]
    reasons = _reasons(page)
    assert all(reasons[line] == "related" for line in page[len(STORY):-1])
    assert reasons["Terms and Privacy Policy"] == "navigation"


def test_a_story_paragraph_after_a_related_block_and_before_a_subhead_stays():
    page = [*STORY[:2], "Read more", "Harbour dredging to start in May", "Bus fares frozen for another year",
            STORY[2], "Where the waste goes", "The county's contract with its incinerator operator runs until "
            "2031, and officials said the closures would not change how much waste is burned there each year.",
            *STORY[3:]]
    reasons = _reasons(page)
    assert reasons[STORY[2]] is None and reasons["Where the waste goes"] is None


@pytest.mark.parametrize("line", [
    "Latest: County says consultation is 'genuine'",
    "Correction: An earlier version of this article gave the wrong date for the consultation.",
    "Editor's note: This article was updated on Friday with the county's response.",
    "Update 14:20: The county said the consultation would be extended by two weeks.",
    "Residents can comment on the plan online and share their views at two public meetings.",
    "\"We'll fight it.\"",
    "Report reference: Greyport County Council waste strategy review, item 7",
    "This article originally appeared in the Greyport Gazette: County to close two recycling centres",
])
def test_story_lines_that_look_like_furniture_stay(line):
    reasons = _reasons([*STORY[:3], line, *STORY[3:]])
    assert all(reason is None for reason in reasons.values()), reasons


def test_a_line_above_a_credit_only_line_is_that_pictures_caption():
    page = [*STORY[:2], "Sorting bins at the Marsh Lane centre on Thursday", "Kim Tran/Greyport Gazette", *STORY[2:]]
    reasons = _reasons(page)
    assert reasons[page[2]] == "caption" and reasons[page[3]] == "caption"
    assert all(reasons[line] is None for line in STORY)


def test_tags_under_a_tags_heading_are_navigation_in_any_case():
    page = [*STORY, "Topics:", "recycling", "local government", "Greyport"]
    reasons = _reasons(page)
    assert [reasons[line] for line in page[len(STORY):]] == ["navigation"] * 4


def test_three_short_lines_under_the_headline_without_a_menu_word_are_not_a_menu():
    page = ["County to close two recycling centres", "Leah Moreno", "@LEAHMORENO", "Share", *STORY]
    reasons = _reasons(page)
    assert [reasons[line] for line in page[:4]] == ["headline", "byline", "byline", "share"]


@pytest.mark.parametrize("items", [["Oakfield", "Marsh Lane", "Hill Street", "Quayside"],
                                   ["Oakfield Road depot", "Marsh Lane centre", "Hill Street yard"]])
def test_a_list_the_story_introduces_with_a_colon_stays(items):
    page = [*STORY[:3], "The centres that stay open are:", *items, *STORY[3:]]
    assert all(reason is None for reason in _reasons(page).values())


def test_headlines_after_an_advert_marker_below_the_story_are_adverts():
    page = [*STORY, "Sponsored Content", "Ad", "These Are The Best Hybrid Cars For Retirees", "Ad",
            "Top Rated Walk-In Showers (See The List)", "Explore more", "Harbour dredging to start in May"]
    reasons = _reasons(page)
    assert [reasons[line] for line in page[len(STORY):]] == ["advert"] * 5 + ["related"] * 2


def test_a_byline_with_its_outlet_under_the_headline():
    page = ["County to close two recycling centres", "Tom Baird, The Greyport Gazette", "3 min read", *STORY]
    assert [reason for reason in _reasons(page).values()][:3] == ["headline", "byline", "navigation"]
