"""Try it 3.x: the regular expressions and the loop the attribution assignment grades."""

from __future__ import annotations

import functools
import re

import pandas as pd

from newstrace.practice.answers import case_table, cleaned_text, kind_problem
from newstrace.practice.core import Exercise, register

# ------------------------------------------------------------------------------------ lesson 3

QUOTE_SAMPLE = '"Yes," she said. \u201cNo.\u201d Then: "It is a whole army of media personnel," he said.'
QUOTE_SAMPLE_QUOTES = ["Yes,", "No.", "It is a whole army of media personnel,"]
SPEAKER_SAMPLES = {
    '"We left at night," said Maria Lopez, a nurse.': "Maria Lopez",
    '"The paper just gives you the location," said Abu Hajer al Maghribi, who filmed.': "Abu Hajer al Maghribi",
    '"It is real," said Winter.': "Winter",
    '"We never knew," he said.': None,
    '"Not now," said a U.S. intelligence official.': None,
}
"""Attribution sentences in the case's word orders, each with the name after 'said' (None: no name)."""


def _compiled(value: object) -> re.Pattern[str] | str:
    """Return the compiled pattern, or a message saying why it cannot be used."""
    if isinstance(value, re.Pattern):
        return value
    if not isinstance(value, str):
        return f"you gave a {type(value).__name__}; give the pattern as a string, such as r'\"(...)\"'."
    try:
        return re.compile(value)
    except re.error as error:
        return f"Python cannot read this pattern ({error}). Check that every ( and [ is closed."


def _check_quote_pattern(value: object) -> str | None:
    """Try it 3.1: a pattern whose re.findall gives the text inside straight or curly quotation marks."""
    pattern = _compiled(value)
    if isinstance(pattern, str):
        return pattern
    if pattern.groups != 1:
        return (f"your pattern has {pattern.groups} groups. Put exactly one group `( )` around the part "
                "between the marks, so that findall gives only that part.")
    found = pattern.findall(QUOTE_SAMPLE)
    if found == QUOTE_SAMPLE_QUOTES:
        return None
    if any(mark in piece for piece in found for mark in '"\u201c\u201d'):
        return ("a match runs across a closing mark into the next quote. Use `[^\"]*` (no quotation "
                "mark inside) or the lazy `.*?` instead of `.*`.")
    if "No." not in found:
        return ("the curly quote \u201cNo.\u201d is missed. Accept either mark at each end, for example "
                "`[\"\u201c]` to open and `[\"\u201d]` to close.")
    return f"on a test sentence your pattern gives {found}, but the quotes are {QUOTE_SAMPLE_QUOTES}."


def _check_speaker_pattern(value: object) -> str | None:
    """Try it 3.2: a pattern with one group that captures the name right after 'said'."""
    pattern = _compiled(value)
    if isinstance(pattern, str):
        return pattern
    if pattern.groups < 1:
        return "your pattern has no group. Put `( )` around the name, so that `group(1)` is the name alone."
    for sentence, name in SPEAKER_SAMPLES.items():
        match = pattern.search(sentence)
        got = match.group(1) if match else None
        if got == name:
            continue
        if name and got and got.startswith("said"):
            return "your group includes the word *said*. Put the group around the name only."
        if name and got and name.startswith(got):
            return (f"in `{sentence}` you get {got!r}, only the start of the name {name!r}. Repeat the "
                    "capitalised word: `[A-Z][a-z]+(?: (?:al )?[A-Z][a-z]+)*`.")
        if name is None and got:
            return (f"in `{sentence}` you get {got!r}, but nobody is named there. A name starts with a "
                    "capital letter: `[A-Z]`.")
        return f"in `{sentence}` you get {got!r}; the name after *said* is {name!r}."
    return None


@functools.cache
def _re_report_quotes() -> tuple[str, ...]:
    """Return the text inside the straight quotation marks of the re-report's story."""
    return tuple(re.findall(r'"([^"\n]+)"', cleaned_text("re-report").text))


def _check_verbatim(value: object) -> str | None:
    """Try it 3.3: for each re-report quote, True when it appears word for word in the full text."""
    full = case_table().loc["full-text", "text"]
    expected = [quote in full for quote in _re_report_quotes()]
    if isinstance(value, bool):
        return "one True or False for all quotes together. Give one per quote: a list, in order."
    if isinstance(value, pd.Series):
        value = value.tolist()
    problem = kind_problem(value, list, "a list of True/False, one per quote")
    if problem:
        return problem
    if len(value) != len(expected):
        return f"you have {len(value)} answers for {len(expected)} quotes: one per quote in `re_quotes`."
    if [bool(item) for item in value] == expected:
        return None
    return ("some answers are wrong. For each quote ask `quote in full_text` (the full text, not the "
            "re-report, which contains all its own quotes).")


register(Exercise("3.1", "a pattern whose `re.findall` gives the words inside each pair of quotation marks",
                  _check_quote_pattern,
                  "An opening mark, then any characters that are not a quotation mark, then a closing "
                  "mark: `\"[^\"]*\"`. Put a group around the middle, and let each mark be straight or curly.",
                  "quote_pattern = r'[\"\u201c]([^\"\u201c\u201d]*)[\"\u201d]'"))
register(Exercise("3.2", "a pattern with one group that captures the name right after *said*",
                  _check_speaker_pattern,
                  "Write `said ` and then a name: one capitalised word `[A-Z][a-z]+`, then any number "
                  "of ` Word` or ` al Word` parts, `(?: (?:al )?[A-Z][a-z]+)*`. Group the name.",
                  "speaker_pattern = r'said ([A-Z][a-z]+(?: (?:al )?[A-Z][a-z]+)*)'"))
register(Exercise("3.3", "one True/False per re-report quote: is it word for word in the full text?",
                  _check_verbatim,
                  "Loop over `re_quotes` and ask `quote in full_text` for each; collect the answers in "
                  "a list (a list comprehension does both in one line).",
                  "verbatim = [quote in full_text for quote in re_quotes]"))
