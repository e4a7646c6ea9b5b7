"""Each family of page clutter, in wordings and places the regression set does not use, removed with its reason."""

from __future__ import annotations

import pytest

import newstrace as nt

STORY = [
    "LAKEVIEW, Minn. — The school board voted on Monday to close Westside Elementary at the end of the year, citing falling enrolment.",
    "\"We did not take this lightly,\" board chair Olivia Grant said after a four-hour meeting.",
    "Parents packed the hall, and several said the district had not shared its enrolment figures in advance.",
    "The district expects to save about $900,000 a year by moving pupils to two nearby schools.",
    "A final vote on the new attendance boundaries is expected in March.",
]

FAMILIES = {
    "navigation": ["Skip navigation", "Home > Local > Education", "Toggle navigation", "Back to top"],
    "advert": ["ADVERTISEMENT", "Story continues below advertisement", "Sponsored content"],
    "share": ["Share on WhatsApp", "Copy link", "Email this story  Print"],
    "consent": [
        "This website uses cookies to give you the best experience. Accept cookies",
        "We value your privacy",
        "By clicking accept you agree to our cookie policy and the use of cookies for ads.",
    ],
    "subscription": [
        "Subscribe to our newsletter for the latest local news in your inbox every morning.",
        "Join our free daily briefing: sign up for the newsletter",
        "Already a subscriber? Log in to keep reading.",
        "Support local journalism: subscribe today for $1 a month.",
    ],
    "comments": ["254 comments", "Comments (12)", "View comments", "Join the conversation: 8 comments"],
    "copyright": [
        "© 2025 Lakeview Tribune. All rights reserved.",
        "Copyright 2025 Lakeview Media Group",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
    "related": ["Related: District faces $4 million budget gap", "READ MORE: Teachers vote to strike",
                "See also: How enrolment fell across the state"],
    "caption": ["Board members listen to parents on Monday. Photo: Kim Tran/Lakeview Tribune",
                "Westside Elementary opened in 1962. (Photo by Alan Ruiz)"],
}

MORE_FAMILIES = {
    "navigation": ["Loading...", "Skip to site index", "Skip next section Related topics", "Send us your feedback",
                   "Get the app", "Privacy ∙ Terms ∙ Collection notice", "Section navigation", "6 min read", "5 min", "3-min listen", "1 of 12",
                   "Photo 3/8", "Play video", "Video duration 2:31", "Now playing",
                   "Contact Us | Careers | Advertise | Privacy Policy | Terms of Service",
                   "Topics: Education, Lakeview School Board", "Terms and Privacy Policy"],
    "advert": ["Article continues below", "Ad", "Story continues"],
    "share": ["12 Likes", "Restacks", "Save", "Bookmark", "Gift this article", "Reuse this content", "Copy article link"],
    "timestamp": ["Published: 10:21 GMT, 4 March 2025 | Updated: 12:47 GMT, 4 March 2025",
                  "Mon, 3 March 2025 at 9:14 am GMT", "Updated: 6:48 AM CST March 4, 2025"],
    "byline": ["Edited by: Sam Roe", "Guest column by Nora Lind", "Reporting from Lakeview, Minn.",
               "(Reporting by Nora Lind in Lakeview; Editing by Sam Roe)"],
    "caption": ["Image source, Lakeview Tribune", "Image caption, Parents queue outside the board meeting",
                "Illustration by Theo Brandt", "Data: State education department",
                "Parents wait outside the district office on Monday.Credit...Kim Tran for the Tribune",
                "Board chair Olivia Grant speaks on Monday. Kim Tran/Lakeview Tribune",
                "A teacher packs up a classroom at Westside Elementary. (Kim Tran/Lakeview Tribune)"],
    "comments": ["Discussion about this post", "Comments", "Comments 123", "Comment 48", "Comments closed.", "Share what you think",
                 "Due to the sensitive nature of this story, comments have been disabled."],
    "subscription": ["Subscribe", "Thank you for subscribing!", "Type your email...",
                     "The Lakeview Letter is a reader-supported publication. To receive new posts, consider becoming "
                     "a free or paid subscriber.", "Get the biggest daily stories by email", "Enter your email address",
                     "By signing up, you agree to our Terms of Use and Privacy Policy.",
                     "Our morning newsletter has the day's local news. Sign up here.",
                     "Follow the Tribune on Facebook, Instagram and X for more local news.",
                     "We use your sign-up to send you news. You can unsubscribe at any time."],
    "copyright": ["Published by Lakeview Newspapers Ltd", "Part of the Northern Lakes Media Group",
                  "Registered in England and Wales. Registered office: 1 Market Street, Leeds."],
    "related": ["Watch more: How the district drew its boundaries", "Read next: Teachers vote to strike"],
}


def _page(clutter: str, at: int) -> str:
    """Return the story with one clutter line inserted before paragraph `at`."""
    lines = STORY[:at] + [clutter] + STORY[at:]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("reason, line", [(reason, line) for reason, lines in FAMILIES.items() for line in lines])
@pytest.mark.parametrize("at", [0, 2, len(STORY)])
def test_each_family_is_removed_with_its_reason_wherever_it_stands(reason, line, at):
    cleaned = nt.clean(_page(line, at))
    assert cleaned.paragraphs == STORY
    assert list(cleaned.removed["reason"]) == [reason]


@pytest.mark.parametrize("reason, line", [(reason, line) for reason, lines in MORE_FAMILIES.items() for line in lines])
@pytest.mark.parametrize("at", [0, 2, len(STORY)])
def test_more_wordings_of_each_family_are_removed_with_their_reason(reason, line, at):
    cleaned = nt.clean(_page(line, at))
    assert cleaned.paragraphs == STORY
    assert list(cleaned.removed["reason"]) == [reason]


def test_most_read_block_is_a_sidebar_and_comment_count_after_it_is_comments():
    page = "\n".join([*STORY, "Most viewed", "Man rescued from frozen lake", "Mall to close in June",
                      "3 comments"]) + "\n"
    cleaned = nt.clean(page)
    assert cleaned.paragraphs == STORY
    assert list(cleaned.removed["reason"]) == ["sidebar"] * 3 + ["comments"]


def test_repeated_furniture_keeps_its_own_reason_not_duplicate():
    page = "\n".join(["Advertisement", *STORY[:2], "Advertisement", *STORY[2:], "Share this story",
                      "Share this story"]) + "\n"
    assert list(nt.clean(page).removed["reason"]) == ["advert", "advert", "share", "share"]


def test_headline_above_furniture_is_a_headline_not_a_sidebar():
    page = "\n".join(["We use cookies on this site. Manage preferences", "Board votes to close Westside Elementary",
                      "Share", "Advertisement", "By Nora Lind", *STORY]) + "\n"
    removed = nt.clean(page).removed
    assert list(removed["reason"]) == ["consent", "headline", "share", "advert", "byline"]


def test_author_bio_is_removed_only_for_the_byline_author():
    bio = "Nora Lind is the Tribune's education reporter. She joined the paper in 2019."
    page = "\n".join(["By Nora Lind", *STORY, bio]) + "\n"
    cleaned = nt.clean(page)
    assert cleaned.paragraphs == STORY
    assert list(cleaned.removed["reason"]) == ["byline", "bio"]
    unrelated = "Olivia Grant is the board's longest-serving member and has chaired it since 2016."
    assert unrelated in nt.clean("\n".join(["By Nora Lind", *STORY, unrelated]) + "\n").paragraphs


@pytest.mark.parametrize("sentence", [
    "Subscribers to the district newsletter were told of the vote on Tuesday, parents said.",
    "Parents said they would sign up for a new parents' council to watch the district's budget.",
    "The board said cookies and cakes would no longer be sold at school fairs to raise money.",
    "Copyright lawyers were not involved, the board chair said in a statement to parents on Monday.",
    "Related costs, including buses, will be covered by the state, the district said on Monday.",
])
def test_story_sentences_with_furniture_words_are_kept(sentence):
    page = "\n".join([*STORY[:2], sentence, *STORY[2:]]) + "\n"
    assert nt.clean(page).removed.empty
