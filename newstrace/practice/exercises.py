"""The Try it exercises of the lessons, in the order the assignments grade the same skills.

Every check computes the right answer from the texts (never a typed-in number), accepts any value
equal to it however it was computed, and names the usual mistakes with what to try instead.

| lessons | skills | graded again in |
|---|---|---|
| 1 | pick a cell of a table, count rows, divide columns | (all assignments) |
| 2 | filter rows, `value_counts`, de-duplicate in order, a share of rows, columns and a fresh index | sourcing A and B |
| 3 | a regular expression for quotes, one with a group for the speaker, a loop that checks quotes | attribution A, B and C |
| 4 | shingles as a set, Jaccard against containment, paragraphs a copy lacks, `difflib` opcodes | syndication A to D |
| 5 | counting pairs, recall by kind, precision | (lesson 5 only) |
| 6 | the paragraphs that name a source, an evidence-log row, filtering the log | (lateral reading) |
"""

from __future__ import annotations

import difflib
import functools
import math
import re

import pandas as pd

from newstrace.practice.core import Exercise, register

CHANGED_SENTENCE = ("Cameras, computers, and other equipment arrive in the month-long campaign.",
                    "Cameras, computers and other equipment arrive in the monthlong campaign.")
"""Two versions of one sentence for the difflib exercise (made up, in the style of the case's edits)."""
SHINGLE_SENTENCE = "the paper just gives you the location and the paper gives you the time"
"""A made-up sentence with a repeated phrase, so that a list of shingles and a set differ."""
LONG_TEXT = ("The assignments arrive on slips of paper. Each slip bears a black flag. "
             "The paper gives the location. Never the details.")
TRIMMED_TEXT = "The assignments arrive on slips of paper. Each slip bears a black flag."


@functools.cache
def _case() -> pd.DataFrame:
    """Return the case texts as nt.articles() gives them."""
    import newstrace as nt

    return nt.articles()


@functools.cache
def _cleaned(name: str):
    """Return the cleaning result of one case text."""
    import newstrace as nt

    return nt.clean(_case().loc[name, "text"])


@functools.cache
def _sources() -> pd.DataFrame:
    """Return the sources nt.sources finds in the full text."""
    import newstrace as nt

    return nt.sources(_case().loc["full-text", "text"])


def _number(value: object) -> float | None:
    """Return value as a float when it is a plain number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "item"):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _kind_problem(value: object, wanted: type, what: str) -> str | None:
    """Return a message when value is not of the wanted type (naming what it is), else None."""
    if isinstance(value, wanted):
        return None
    if isinstance(value, (pd.DataFrame, pd.Series)) and wanted not in (pd.DataFrame, pd.Series):
        return f"you gave a pandas {type(value).__name__}; the answer is {what}."
    return f"you gave a {type(value).__name__}; the answer is {what}."


# ------------------------------------------------------------------------------------ lesson 1


def _check_words(value: object) -> str | None:
    """Try it 1.1: the re-report's word count, picked from the table with .loc."""
    words = _case()["words"]
    if isinstance(value, pd.Series):
        return ("you gave a whole column (or row). Pick one cell: `case.loc[row, column]`, with the "
                "row's name first, then the column's.")
    number = _number(value)
    if number is None:
        return _kind_problem(value, int, "one whole number")
    if number == words["re-report"]:
        return None
    other = [name for name, count in words.items() if count == number]
    if other:
        return f"that is the word count of `{other[0]}`. The row you want is `\"re-report\"`."
    return "that number is not in the `words` column. Check the column name: `\"words\"`."


def _check_removed_lines(value: object) -> str | None:
    """Try it 1.2: how many lines of the short copy's page cleaning removed."""
    removed, kept = _cleaned("short-copy").removed, _cleaned("short-copy").paragraphs
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return "you gave the table itself; the answer is how many rows it has: `len(...)`."
    number = _number(value)
    if number is None:
        return _kind_problem(value, int, "one whole number")
    if number == len(removed):
        return None
    if number == len(kept):
        return ("that is the number of lines cleaning **kept** (`.paragraphs`). Count the rows of "
                "`.removed` instead.")
    if number == removed["reason"].nunique():
        return "that is the number of different reasons. Count every removed line: `len(...)`."
    return "not the number of rows in `cleaned[\"short-copy\"].removed`. Print that table and count."


def _check_story_share(value: object) -> str | None:
    """Try it 1.3: the share of the re-report page's words that are story."""
    case = _case()
    story = len(_cleaned("re-report").text.split())
    share = story / case.loc["re-report", "words"]
    number = _number(value)
    if number is None:
        return _kind_problem(value, float, "one number from 0 to 1")
    if math.isclose(number, share, abs_tol=0.005):
        return None
    if math.isclose(number, 1 / share, rel_tol=0.01):
        return "your number is above 1: you divided the other way. Story words go on top: story ÷ page."
    if math.isclose(number, share * 100, abs_tol=0.5):
        return "that is a percentage. Give a share from 0 to 1 (do not multiply by 100)."
    return ("not the share of story words. Divide the words left after cleaning by the words of "
            "the whole page, both for the re-report.")


register(Exercise("1.1", "the number of words in the re-report, taken from the `case` table",
                  _check_words,
                  "A table cell is `table.loc[row_name, column_name]`. The row names are the texts' "
                  "ids; the column is `\"words\"`.",
                  'words = case.loc["re-report", "words"]'))
register(Exercise("1.2", "how many lines cleaning removed from the short copy's page",
                  _check_removed_lines,
                  "`cleaned[\"short-copy\"].removed` is a table with one row per removed line. "
                  "`len(table)` counts its rows.",
                  'removed = len(cleaned["short-copy"].removed)'))
register(Exercise("1.3", "the share (0 to 1) of the re-report page's words that are story",
                  _check_story_share,
                  "Take the `story_words` and `words` columns for the row `\"re-report\"`, and divide "
                  "the first by the second.",
                  'share = case.loc["re-report", "story_words"] / case.loc["re-report", "words"]'))


# ------------------------------------------------------------------------------------ lesson 2

ANONYMOUS = "anonymous source"


def _check_anonymous_rows(value: object) -> str | None:
    """Try it 2.1: the rows of `sources` whose type is an anonymous source."""
    sources = _sources()
    if isinstance(value, pd.Series) and value.dtype == bool:
        return ("that is a column of True/False, one per row: the condition. Put it inside "
                "`sources[...]` to keep the rows where it is True.")
    problem = _kind_problem(value, pd.DataFrame, "a table (DataFrame) of rows")
    if problem:
        return problem
    if "type" not in value.columns:
        return "your table has no `type` column: filter the rows, and keep the columns."
    if len(value) == 0:
        return (f"your table has no rows. Check the spelling of the type: the types in the table are "
                f"{', '.join(sorted(sources['type'].unique()))}.")
    if set(value["type"]) != {ANONYMOUS}:
        if len(value) == len(sources):
            return "you kept every row. Keep only those where `sources[\"type\"] == \"anonymous source\"`."
        return f"your table has rows of type {', '.join(sorted(set(value['type']) - {ANONYMOUS}))}."
    if sorted(value["source"]) != sorted(sources.loc[sources["type"] == ANONYMOUS, "source"]):
        return "some anonymous sources are missing: filter the whole `sources` table."
    return None


def _check_type_counts(value: object) -> str | None:
    """Try it 2.2: how many sources of each type (value_counts of the type column)."""
    expected = _sources()["type"].value_counts()
    if _number(value) is not None:
        return ("one number counts all the rows. Count each type separately: "
                "`sources[\"type\"].value_counts()`.")
    problem = _kind_problem(value, pd.Series, "a pandas Series: one count per type")
    if problem:
        return problem
    if isinstance(value.index, pd.MultiIndex):
        return ("your counts are for whole rows (every column at once). Count one column only: "
                "`sources[\"type\"]`.")
    if set(value.index) != set(expected.index):
        return ("the labels of your counts are not the source types: count the `type` column, "
                "not another one.")
    if {key: int(count) for key, count in value.items()} != expected.to_dict():
        return "the types are right but some counts are not: count over the whole table."
    return None


def _check_anonymous_in_order(value: object) -> str | None:
    """Try it 2.3: the anonymous sources as a list, each once, in order of first paragraph."""
    sources = _sources()
    anonymous = sources[sources["type"] == ANONYMOUS].sort_values("first_paragraph", kind="stable")
    expected = list(anonymous["source"].drop_duplicates())
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return "you gave a pandas table or column. Turn the column into a list: `list(...)` or `.tolist()`."
    problem = _kind_problem(value, list, "a list of source names")
    if problem:
        return problem
    if len(value) != len(set(value)):
        return "a source appears more than once: use `.drop_duplicates()` before making the list."
    if set(value) != set(expected):
        extra = set(value) - set(expected)
        return (f"{'these are not anonymous: ' + ', '.join(sorted(map(str, extra))) if extra else 'some anonymous sources are missing'}."
                " Filter the rows whose type is \"anonymous source\".")
    if value != expected:
        return ("the right sources, in the wrong order. Sort by `first_paragraph` first "
                "(`sort_values(\"first_paragraph\")`), then take the `source` column.")
    return None


register(Exercise("2.1", "the rows of `sources` whose type is \"anonymous source\"",
                  _check_anonymous_rows,
                  "A filter has two steps: a condition that gives True or False per row, "
                  "`sources[\"type\"] == \"anonymous source\"`, and `sources[condition]` to keep the True rows.",
                  'anonymous = sources[sources["type"] == "anonymous source"]'))
register(Exercise("2.2", "the number of sources of each type", _check_type_counts,
                  "Pick the `type` column, then call `.value_counts()` on it.",
                  'type_counts = sources["type"].value_counts()'))
register(Exercise("2.3", "the anonymous sources as a list, each once, in the order the story first cites them",
                  _check_anonymous_in_order,
                  "Filter as in Try it 2.1, sort by `first_paragraph`, take the `source` column, "
                  "remove repeats with `.drop_duplicates()`, and make a list with `list(...)`.",
                  'in_order = sources[sources["type"] == "anonymous source"].sort_values("first_paragraph")\n'
                  'first_cited = list(in_order["source"].drop_duplicates())'))


def _check_anonymous_share(value: object) -> str | None:
    """Try it 2.4: the share (0 to 1) of the tool's sources that are anonymous."""
    sources = _sources()
    share = float((sources["type"] == ANONYMOUS).mean())
    if isinstance(value, (pd.Series, pd.DataFrame)):
        return "you gave a column or table. Take the mean of the True/False column: `(...).mean()`."
    number = _number(value)
    if number is None:
        return _kind_problem(value, float, "one number from 0 to 1")
    if math.isclose(number, share, abs_tol=0.005):
        return None
    if math.isclose(number, (sources["type"] == ANONYMOUS).sum()):
        return "that is how many. The share divides by the number of rows; the mean of True/False does both."
    if math.isclose(number, 1 - share, abs_tol=0.005):
        return "that is the share of the sources that are **not** anonymous. Compare with `==`, not `!=`."
    if number > 1:
        return ("a share is at most 1: divide by the number of rows, `len(sources)`, not by something "
                "smaller such as the number of types.")
    return "the share is the mean of `sources[\"type\"] == \"anonymous source\"` (True counts 1, False 0)."


def _check_stated_conditions(value: object) -> str | None:
    """Try it 2.5: source and condition of the rows with a stated condition, with a fresh index."""
    sources = _sources()
    stated = sources[sources["condition"].str.strip() != ""]
    problem = _kind_problem(value, pd.DataFrame, "a table (DataFrame)")
    if problem:
        return problem
    if list(value.columns) != ["source", "condition"]:
        return (f"your columns are {list(value.columns)}. Keep exactly `[[\"source\", \"condition\"]]`, "
                "in that order.")
    if sorted(value["source"]) != sorted(stated["source"]):
        if len(value) == len(sources):
            return "you kept every row. Keep the rows whose condition is not empty: `!= \"\"`."
        return "not the rows with a stated condition: compare the `condition` column with the empty string."
    if list(value.index) != list(range(len(value))):
        return ("the rows are right but the index still has the old row numbers. Add "
                "`.reset_index(drop=True)`.")
    return None


register(Exercise("2.4", "the share (0 to 1) of the sources that are anonymous", _check_anonymous_share,
                  "The condition `sources[\"type\"] == \"anonymous source\"` is a True/False column; "
                  "its `.mean()` is the share of True.",
                  'anonymous_share = (sources["type"] == "anonymous source").mean()'))
register(Exercise("2.5", "the source and condition of every row with a stated condition, index 0, 1, 2, ...",
                  _check_stated_conditions,
                  "Filter with `sources[\"condition\"] != \"\"`, pick the two columns with a list "
                  "inside `[...]`, then `.reset_index(drop=True)`.",
                  'stated = sources[sources["condition"] != ""][["source", "condition"]].reset_index(drop=True)'))


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
    return tuple(re.findall(r'"([^"\n]+)"', _cleaned("re-report").text))


def _check_verbatim(value: object) -> str | None:
    """Try it 3.3: for each re-report quote, True when it appears word for word in the full text."""
    full = _case().loc["full-text", "text"]
    expected = [quote in full for quote in _re_report_quotes()]
    if isinstance(value, bool):
        return "one True or False for all quotes together. Give one per quote: a list, in order."
    if isinstance(value, pd.Series):
        value = value.tolist()
    problem = _kind_problem(value, list, "a list of True/False, one per quote")
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


# ------------------------------------------------------------------------------------ lesson 4


def _sentence_words(sentence: str) -> list[str]:
    """Return the lower-case words of a sentence the way nt.words does."""
    import newstrace as nt

    return nt.words(sentence)


def _check_shingle_set(value: object) -> str | None:
    """Try it 4.1: the set of 3-word shingles (tuples) of SHINGLE_SENTENCE."""
    tokens = _sentence_words(SHINGLE_SENTENCE)
    runs = [tuple(tokens[start:start + 3]) for start in range(len(tokens) - 2)]
    if isinstance(value, list):
        if value and all(isinstance(item, list) for item in value):
            return ("your shingles are lists. A set can only hold tuples: write `tuple(words[i:i + 3])`, "
                    "and collect them in a set.")
        return (f"a list keeps repeats: you have {len(value)} items, but only {len(set(runs))} different "
                "shingles. Collect them in a set, `{...}` or `set(...)`.")
    problem = _kind_problem(value, set, "a set of tuples")
    if problem:
        return problem
    if value == set(runs):
        return None
    sizes = {len(item) for item in value if isinstance(item, tuple)}
    if sizes and sizes != {3}:
        return f"your shingles have {sorted(sizes)} words; each should have k = 3."
    if value < set(runs):
        return (f"{len(set(runs)) - len(value)} shingle(s) missing, probably the last: the last one "
                "starts at `len(words) - 3`, so loop over `range(len(words) - 2)`.")
    return "some items are not 3-word runs of the sentence. Use `words[i:i + 3]` for each start `i`."


def _check_overlap(value: object) -> str | None:
    """Try it 4.2: (Jaccard of A and B, containment of B in A) for the long and trimmed texts."""
    a = {tuple(run) for run in _runs(LONG_TEXT)}
    b = {tuple(run) for run in _runs(TRIMMED_TEXT)}
    jaccard, contained = len(a & b) / len(a | b), len(a & b) / len(b)
    if not isinstance(value, tuple) or len(value) != 2:
        return "give two numbers in a pair: `(jaccard, containment)`."
    first, second = (_number(item) for item in value)
    if first is None or second is None:
        return "both items of the pair should be numbers."
    close = functools.partial(math.isclose, abs_tol=1e-6)
    if close(first, jaccard) and close(second, contained):
        return None
    if close(first, contained) and close(second, jaccard):
        return "the two numbers are swapped: Jaccard first, containment second."
    if close(second, len(a & b) / len(a)):
        return ("your containment divides by the long text's shingles: that is how much of A is in B. "
                "Containment of B in A divides by `len(B)`.")
    if close(first, len(a & b) / (len(a) + len(b))):
        return ("your Jaccard divides by len(A) + len(B), which counts the shared shingles twice. "
                "Divide by the union: `len(A | B)`.")
    return "Jaccard is `len(A & B) / len(A | B)`; containment of B in A is `len(A & B) / len(B)`."


def _runs(text: str, k: int = 3) -> list[tuple[str, ...]]:
    """Return the k-word runs of a text's words, in order."""
    tokens = _sentence_words(text)
    return [tuple(tokens[start:start + k]) for start in range(len(tokens) - k + 1)]


@functools.cache
def _missing_paragraphs() -> tuple[int, ...]:
    """Return the 1-based numbers of full-text paragraphs less than half contained in the short copy."""
    import newstrace as nt

    copy = nt.shingles(nt.words(_cleaned("short-copy").text))
    return tuple(number for number, paragraph in enumerate(_cleaned("full-text").paragraphs, start=1)
                 if nt.containment(nt.shingles(nt.words(paragraph)), copy) < 0.5)


def _check_missing(value: object) -> str | None:
    """Try it 4.3: the 1-based numbers of the full text's paragraphs the short copy lacks."""
    expected = list(_missing_paragraphs())
    if isinstance(value, (set, tuple, range)):
        value = sorted(value)
    problem = _kind_problem(value, list, "a list of paragraph numbers")
    if problem:
        return problem
    if value == expected:
        return None
    if value == [number - 1 for number in expected]:
        return ("every number is one too small: Python counts from 0, paragraphs from 1. Use "
                "`enumerate(paragraphs, start=1)`.")
    total = len(_cleaned("full-text").paragraphs)
    if set(value) == set(range(1, total + 1)) - set(expected):
        return ("those are the paragraphs the copy **has**. Keep those whose containment in the copy "
                "is below 0.5.")
    return (f"you list {len(value)} paragraphs; {len(expected)} of the full text's paragraphs have less "
            "than half of their shingles in the short copy.")


def _check_opcodes(value: object) -> str | None:
    """Try it 4.4: the tags of the opcodes that are not 'equal' between the two versions."""
    before, after = (sentence.split() for sentence in CHANGED_SENTENCE)
    opcodes = difflib.SequenceMatcher(None, before, after).get_opcodes()
    expected = [tag for tag, *_ in opcodes if tag != "equal"]
    problem = _kind_problem(value, list, "a list of tags such as 'replace'")
    if problem:
        return problem
    if value == expected:
        return None
    if value == [tag for tag, *_ in opcodes]:
        return "you kept the 'equal' opcodes too. Keep only the tags that are not 'equal'."
    if value and isinstance(value[0], tuple):
        return "you kept whole opcodes (5 items each). Take only the first item, the tag."
    return f"the changes are {len(expected)} opcodes; print `opcodes` and look at the first item of each."


register(Exercise("4.1", "the set of 3-word shingles of `words`", _check_shingle_set,
                  "A shingle is `tuple(words[i:i + 3])`. Make one for every start `i` in "
                  "`range(len(words) - 2)`, inside a set: `{... for i in ...}`.",
                  "shingle_set = {tuple(words[i:i + 3]) for i in range(len(words) - 2)}"))
register(Exercise("4.2", "the pair (Jaccard of A and B, containment of B in A)", _check_overlap,
                  "`A & B` is the shared shingles, `A | B` all shingles of either. Jaccard divides the "
                  "shared ones by all; containment of B divides them by B's own.",
                  "overlap = (len(A & B) / len(A | B), len(A & B) / len(B))"))
register(Exercise("4.3", "the numbers (from 1) of the full text's paragraphs that the short copy lacks",
                  _check_missing,
                  "For each paragraph (with `enumerate(..., start=1)`), make its shingles and compute "
                  "`nt.containment(paragraph_shingles, copy_shingles)`; keep the numbers where it is below 0.5.",
                  "missing = [number for number, paragraph in enumerate(full_paragraphs, start=1)\n"
                  "           if nt.containment(nt.shingles(nt.words(paragraph)), copy_shingles) < 0.5]"))
register(Exercise("4.4", "the tags of the opcodes that are not 'equal'", _check_opcodes,
                  "Each opcode is `(tag, i1, i2, j1, j2)`. Loop over `opcodes` and keep `tag` when it "
                  "is not `\"equal\"`.",
                  'changes = [tag for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]'))


# ------------------------------------------------------------------------------------ lesson 5

PAIR_ARTICLES = 10_000


def _check_pairs(value: object) -> str | None:
    """Try it 5.1: how many pairs 10,000 articles make."""
    number = _number(value)
    if number is None:
        return _kind_problem(value, int, "one whole number")
    if number == math.comb(PAIR_ARTICLES, 2):
        return None
    if number == PAIR_ARTICLES ** 2:
        return "n × n counts each article with itself and every pair twice (a–b and b–a)."
    if number == PAIR_ARTICLES * (PAIR_ARTICLES - 1):
        return "n × (n − 1) counts every pair twice (a–b and b–a): divide by 2."
    return "each of the n articles pairs with the n − 1 others, and each pair is counted from both ends."


@functools.cache
def _recall_by_kind() -> pd.Series:
    """Return recall per kind of pair for find_copies on lesson 5's synthetic corpus."""
    import newstrace as nt

    corpus, truth = nt.synthetic_corpus(300, seed=0)
    found = nt.find_copies(corpus)
    pairs = {frozenset(pair) for pair in zip(found["a"], found["b"])}
    truth["found"] = [frozenset(pair) in pairs for pair in zip(truth["a"], truth["b"])]
    return truth.groupby("kind")["found"].mean()


def _check_recall(value: object) -> str | None:
    """Try it 5.2: recall per kind, the share of known pairs found, from a truth table (checked in lesson)."""
    problem = _kind_problem(value, pd.Series, "a pandas Series: one share per kind")
    if problem:
        return problem
    if ((value < 0) | (value > 1)).any():
        return ("some values are above 1: those are counts. Recall is a share: use `.mean()` of the "
                "True/False column, not `.sum()`.")
    expected = _recall_by_kind()
    if set(value.index) != set(expected.index):
        return "the labels should be the kinds: group by the `kind` column."
    if all(math.isclose(float(value[kind]), float(expected[kind])) for kind in expected.index):
        return None
    return "some shares are wrong: group `truth` by `kind` and take the mean of `found`."


def _check_precision(value: object) -> str | None:
    """Try it 5.3: precision, the share of found pairs that are real (3 right of 4 found)."""
    number = _number(value)
    if number is None:
        return _kind_problem(value, float, "one number from 0 to 1")
    if math.isclose(number, 3 / 4):
        return None
    if math.isclose(number, 3 / 5):
        return "that divides by the real pairs: that is recall. Precision divides by the pairs **found**."
    if math.isclose(number, 1 / 4):
        return "that is the share of false alarms. Precision is the share of found pairs that are right."
    return "precision = right pairs found ÷ all pairs found."


register(Exercise("5.1", f"the number of pairs among {PAIR_ARTICLES:,} articles", _check_pairs,
                  "Each article pairs with every other one: n × (n − 1). Each pair a–b is then counted "
                  "twice, as a–b and b–a.",
                  "pairs = 10_000 * (10_000 - 1) // 2   # or math.comb(10_000, 2)"))
register(Exercise("5.2", "recall for each kind of pair: the share of known pairs that were found",
                  _check_recall,
                  "`truth[\"found\"]` is True/False per known pair; the mean of True/False is the share "
                  "of True. Group by kind first.",
                  'recall = truth.groupby("kind")["found"].mean()'))
register(Exercise("5.3", "the precision of a detector that found 4 pairs, 3 of them real copies, "
                         "out of 5 real copies", _check_precision,
                  "Precision asks: of what was found, how much is right?",
                  "precision = 3 / 4"))
