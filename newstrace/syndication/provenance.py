"""Weigh the evidence for which of several versions of a story is fuller, and which came first.

`lineage(texts)` returns one row per pair of texts with the evidence and two cautious verdicts.
It is built to teach reasoning, so every verdict comes with a confidence and a reason, and a
verdict the evidence cannot carry is reported as "undetermined".

**Evidence** (per text, see `text_evidence`): story words after `nt.clean`; page clutter removed
by `nt.clean` (navigation, share lines, related blocks, sidebars, captions...); credits to other
outlets from `nt.credits` (a source who "told The X", "according to a report in X", "first
reported by X", image credits), separated from the outlet the text presents as its own reporting;
years mentioned in the story and years mentioned in the page clutter.

**likely_fuller** (per pair, from shingle containment of the cleaned stories, `a_in_b` = share of
a's five-word shingles found in b):
- one text's story is almost all inside the other's (share >= CONTAINED) while the other has much
  material of its own (its share <= PARTIAL): the container is fuller; "high" when the contained
  share is >= 0.9, else "moderate";
- both stories are almost all inside each other: "neither" (the same story text), "high";
- a rewrite (compare relation "rewrite") whose shared wording is a far larger share of one text
  than of the other (REWRITE_ASYMMETRY times): the text that holds the shared passages within much
  more of its own is fuller, "low" (a rewrite's own wording cannot be checked against the other);
- otherwise (each has material the other lacks, or they are unrelated): "undetermined".

**likely_earlier** (per pair): only credits order two related texts, and only credits one text has
and the other lacks (a credit sentence both carry says nothing about their order). If one text
credits an outlet for its reporting and the other presents that same outlet's reporting as its own,
the crediting text came after the other's story ("moderate"); if one credits another outlet and
the other credits none, the crediting one is probably the later re-report ("low"). Completeness, house style and
page clutter never order two texts: a short copy may be an early version or a later cut.

**capture_hint** (per text): page clutter shows a web-page capture; years in the clutter that are
later than every year in the story show the page was captured in that year or later. A capture date
is not a publication date, so capture hints never decide likely_earlier. A date line the page
states ("Published 3 May 2019", removed by nt.clean as a timestamp) is quoted as what the page says.

**Columns**: a, b; relation and score from `nt.compare` (the text with more story words as the
original); a_in_b, b_in_a; words_a, words_b (story words after cleaning); likely_fuller,
fuller_confidence, fuller_reason; likely_earlier, earlier_confidence, earlier_reason (confidence is
one of "high", "moderate", "low", "none"); credits_a, credits_b (outlets credited for reporting);
story_years_a, story_years_b; capture_a, capture_b. `text_evidence(texts)` gives the per-text
evidence as a table.

**Dates in the stories**: when one story mentions a later year than any in the other, the earlier
reason says so (that text was written in that year or later), but a lower bound on one date never
orders two texts by itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import combinations

import pandas as pd

from newstrace.attribution.outlet_credits import credits, same_outlet
from newstrace.data import as_texts
from newstrace.pages.clutter import Cleaned, clean
from newstrace.syndication.comparison import compare
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE, containment, shingles
from newstrace.text.tokenizer import words

CONTAINED = 0.8
"""Share of a story's shingles that must be in the other story for it to count as contained."""

PARTIAL = 0.6
"""The container must have at most this share inside the other (it has material of its own)."""

REWRITE_ASYMMETRY = 3.0
"""For rewrites: how many times larger one shared share must be than the other to name a fuller."""

PAGE_REASONS = ("navigation", "share", "advert", "related", "sidebar", "caption", "consent",
                "subscription", "comments", "copyright", "bio")
"""Removal reasons of nt.clean that only a captured web page has."""

REPORTING_KINDS = ("told", "report", "dateline")
"""Credit kinds (nt.credits) that credit an outlet for reporting, rather than for a picture."""

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

COLUMNS = [
    "a", "b", "relation", "score", "a_in_b", "b_in_a", "words_a", "words_b",
    "likely_fuller", "fuller_confidence", "fuller_reason",
    "likely_earlier", "earlier_confidence", "earlier_reason",
    "credits_a", "credits_b", "story_years_a", "story_years_b", "capture_a", "capture_b",
]


def years(text: str) -> list[int]:
    """Return the distinct years (1800-2099) mentioned in text, in ascending order."""
    return sorted({int(year) for year in _YEAR.findall(text)})


def _join(items: list[str]) -> str:
    """Return items joined by ', ', or 'none'."""
    return ", ".join(items) if items else "none"


def credited_outlets(table: pd.DataFrame) -> list[str]:
    """Return the outlets a credits table credits for reporting, excluding the text's own outlet."""
    rows = table[table["kind"].isin(REPORTING_KINDS) & ~table["own_reporting"]]
    return list(dict.fromkeys(rows["outlet"]))


def own_outlets(table: pd.DataFrame) -> list[str]:
    """Return the outlets a credits table presents as the text's own reporting."""
    return list(dict.fromkeys(table.loc[table["own_reporting"], "outlet"]))


def date_line(cleaned: Cleaned) -> str:
    """Return a note on the years in removed date lines ("Published ..."), or an empty string."""
    stamps = cleaned.removed[cleaned.removed["reason"] == "timestamp"]
    stated = years("\n".join(stamps["text"]))
    if not stated:
        return ""
    return f"; a date line on the page states {_join([str(y) for y in stated])}"


def capture_hint(cleaned: Cleaned) -> str:
    """Return what the page clutter says about how and when the text was captured."""
    return _capture_hint(cleaned) + date_line(cleaned)


def _capture_hint(cleaned: Cleaned) -> str:
    """Return the capture hint from navigation, share lines, related blocks and sidebars."""
    removed = cleaned.removed
    page = removed[removed["reason"].isin(PAGE_REASONS)]
    if page.empty:
        return "no page clutter: no sign of when the text was captured"
    story_years = years(cleaned.text)
    clutter_years = years("\n".join(page["text"]))
    kinds = _join(list(dict.fromkeys(page["reason"])))
    hint = f"web page capture ({kinds})"
    later = [year for year in clutter_years if not story_years or year > max(story_years)]
    if later:
        story = f"{max(story_years)}" if story_years else "no year"
        return (f"{hint}; the clutter mentions {max(later)}, later than the story's latest year "
                f"({story}): captured in {max(later)} or later. Capture date is not publication "
                "date")
    return f"{hint}; the clutter gives no year, so the capture date is unknown"


def text_evidence(
    texts: Mapping[str, str], tables: Mapping[str, pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Return one row per text: story words, clutter, credits, years and capture hint."""
    rows = []
    for key, text in as_texts(texts).items():
        cleaned = clean(text)
        table = tables[key] if tables is not None else credits(text)
        rows.append({
            "id": key,
            "words": len(words(cleaned.text)),
            "paragraphs": len(cleaned.paragraphs),
            "clutter": _join(sorted(set(cleaned.removed["reason"]))),
            "credits_other": _join(credited_outlets(table)),
            "own_reporting": _join(own_outlets(table)),
            "image_credits": _join(list(dict.fromkeys(table.loc[table["kind"] == "image", "outlet"]))),
            "story_years": _join([str(y) for y in years(cleaned.text)]),
            "capture_hint": capture_hint(cleaned),
        })
    return pd.DataFrame(rows).set_index("id", drop=False).rename_axis(None)


def fuller(a: str, b: str, a_in_b: float, b_in_a: float, relation: str) -> tuple[str, str, str]:
    """Return (likely_fuller, confidence, reason) from the two containment shares."""
    share = f"{a_in_b:.0%} of {a}'s wording is in {b}, {b_in_a:.0%} of {b}'s is in {a}"
    if a_in_b >= CONTAINED and b_in_a >= CONTAINED:
        return "neither", "high", f"the same story text: {share}"
    for big, small, inside, outside in ((a, b, b_in_a, a_in_b), (b, a, a_in_b, b_in_a)):
        if inside >= CONTAINED and outside <= PARTIAL:
            level = "high" if inside >= 0.9 else "moderate"
            return big, level, f"{small} is almost all inside {big}, which has more: {share}"
    if relation == "rewrite" and min(a_in_b, b_in_a) * REWRITE_ASYMMETRY <= max(a_in_b, b_in_a):
        big, small = (a, b) if b_in_a > a_in_b else (b, a)
        return big, "low", (f"{small} rewrites material that {big} holds within much more of its "
                            f"own; only shared passages can be checked: {share}")
    return "undetermined", "none", f"each text has material the other lacks: {share}"


def _phrase_in(phrase: str, text: str) -> bool:
    """Return True if phrase occurs in text, comparing normalised words."""
    return f" {' '.join(words(phrase))} " in f" {' '.join(words(text))} "


def new_credits(table: pd.DataFrame, other_text: str) -> list[str]:
    """Return outlets credited for reporting in a credits table whose phrase other_text lacks."""
    rows = table[table["kind"].isin(REPORTING_KINDS) & ~table["own_reporting"]]
    kept = [outlet for outlet, phrase in zip(rows["outlet"], rows["phrase"])
            if not _phrase_in(phrase, other_text)]
    return list(dict.fromkeys(kept))


def earlier(
    a: str, b: str, texts: Mapping[str, str], tables: Mapping[str, pd.DataFrame], related: bool,
) -> tuple[str, str, str]:
    """Return (likely_earlier, confidence, reason) from credits one text has and the other lacks."""
    if not related:
        return "undetermined", "none", "the texts are not versions of one story"
    credited = {a: new_credits(tables[a], texts[b]), b: new_credits(tables[b], texts[a])}
    own = {key: own_outlets(tables[key]) for key in (a, b)}
    for later, first in ((a, b), (b, a)):
        matches = [o for o in credited[later] if any(same_outlet(o, mine) for mine in own[first])]
        if matches and not credited[first]:
            return first, "moderate", (f"{later} credits {_join(matches)} for its reporting; {first} "
                                       "presents that outlet's reporting as its own")
    for later, first in ((a, b), (b, a)):
        if credited[later] and not credited[first] and not own[later]:
            return first, "low", (f"{later} credits {_join(credited[later])} for its reporting and "
                                  f"{first} credits no other outlet; {later} is probably a re-report")
    return "undetermined", "none", ("no credit orders the two: completeness, house style and page "
                                    "clutter cannot show which came first")


def dates_note(a: str, b: str, evidence: pd.DataFrame) -> str:
    """Return what the years in the two stories say: a lower bound on the later-dated one only."""
    latest = {key: max((int(y) for y in _split(evidence.loc[key, "story_years"])), default=None)
              for key in (a, b)}
    for later, other in ((a, b), (b, a)):
        if latest[later] is not None and (latest[other] is None or latest[later] > latest[other]):
            return (f"{later}'s story mentions {latest[later]}, later than any year in {other}'s: "
                    f"{later} was written in {latest[later]} or later, which alone does not order "
                    "them")
    return ""


def _with_dates(verdict: tuple[str, str, str], a: str, b: str,
                evidence: pd.DataFrame) -> tuple[str, str, str]:
    """Return the earlier-verdict with the dates note appended to its reason."""
    note = dates_note(a, b, evidence)
    return (verdict[0], verdict[1], f"{verdict[2]}; {note}") if note else verdict


def _split(joined: str) -> list[str]:
    """Return the items of a _join() string."""
    return [] if joined == "none" else joined.split(", ")


def _story_shingles(texts: Mapping[str, str]) -> dict[str, set]:
    """Return the five-word shingles of each cleaned story."""
    return {key: shingles(words(clean(text).text), DEFAULT_SHINGLE_SIZE)
            for key, text in texts.items()}


def lineage(texts: Mapping[str, str]) -> pd.DataFrame:
    """Return one row per pair of texts: evidence, likely fuller and earlier, confidences, reasons."""
    texts = as_texts(texts)
    if len(texts) < 2:
        raise ValueError(f"lineage needs at least two texts to pair, got {len(texts)}")
    tables = {key: credits(text) for key, text in texts.items()}
    evidence = text_evidence(texts, tables)
    story = _story_shingles(texts)
    rows = []
    for a, b in combinations(texts, 2):
        a_in_b, b_in_a = containment(story[a], story[b]), containment(story[b], story[a])
        original, copy = (a, b) if evidence.loc[a, "words"] >= evidence.loc[b, "words"] else (b, a)
        result = compare(texts[original], texts[copy])
        related = result.relation != "unrelated"
        rows.append([
            a, b, result.relation, result.score, a_in_b, b_in_a,
            evidence.loc[a, "words"], evidence.loc[b, "words"],
            *(fuller(a, b, a_in_b, b_in_a, result.relation) if related else
              ("undetermined", "none", "the texts are not versions of one story")),
            *_with_dates(earlier(a, b, texts, tables, related), a, b, evidence),
            evidence.loc[a, "credits_other"], evidence.loc[b, "credits_other"],
            evidence.loc[a, "story_years"], evidence.loc[b, "story_years"],
            evidence.loc[a, "capture_hint"], evidence.loc[b, "capture_hint"],
        ])
    return pd.DataFrame(rows, columns=COLUMNS)
