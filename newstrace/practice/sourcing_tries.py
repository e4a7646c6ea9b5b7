"""Try it 1.x and 2.x: reading the case table, and the pandas the sourcing assignment grades."""

from __future__ import annotations

import math

import pandas as pd

from newstrace.practice.answers import as_number, case_table, cleaned_text, found_sources, kind_problem
from newstrace.practice.core import Exercise, register

# ------------------------------------------------------------------------------------ lesson 1


def _check_words(value: object) -> str | None:
    """Try it 1.1: the re-report's word count, picked from the table with .loc."""
    words = case_table()["words"]
    if isinstance(value, pd.Series):
        return ("you gave a whole column (or row). Pick one cell: `case.loc[row, column]`, with the "
                "row's name first, then the column's.")
    number = as_number(value)
    if number is None:
        return kind_problem(value, int, "one whole number")
    if number == words["re-report"]:
        return None
    other = [name for name, count in words.items() if count == number]
    if other:
        return f"that is the word count of `{other[0]}`. The row you want is `\"re-report\"`."
    return "that number is not in the `words` column. Check the column name: `\"words\"`."


def _check_removed_lines(value: object) -> str | None:
    """Try it 1.2: how many lines of the short copy's page cleaning removed."""
    removed, kept = cleaned_text("short-copy").removed, cleaned_text("short-copy").paragraphs
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return "you gave the table itself; the answer is how many rows it has: `len(...)`."
    number = as_number(value)
    if number is None:
        return kind_problem(value, int, "one whole number")
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
    case = case_table()
    story = len(cleaned_text("re-report").text.split())
    share = story / case.loc["re-report", "words"]
    number = as_number(value)
    if number is None:
        return kind_problem(value, float, "one number from 0 to 1")
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
    sources = found_sources()
    if isinstance(value, pd.Series) and value.dtype == bool:
        return ("that is a column of True/False, one per row: the condition. Put it inside "
                "`sources[...]` to keep the rows where it is True.")
    problem = kind_problem(value, pd.DataFrame, "a table (DataFrame) of rows")
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
    expected = found_sources()["type"].value_counts()
    if as_number(value) is not None:
        return ("one number counts all the rows. Count each type separately: "
                "`sources[\"type\"].value_counts()`.")
    problem = kind_problem(value, pd.Series, "a pandas Series: one count per type")
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
    sources = found_sources()
    anonymous = sources[sources["type"] == ANONYMOUS].sort_values("first_paragraph", kind="stable")
    expected = list(anonymous["source"].drop_duplicates())
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return "you gave a pandas table or column. Turn the column into a list: `list(...)` or `.tolist()`."
    problem = kind_problem(value, list, "a list of source names")
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
    sources = found_sources()
    share = float((sources["type"] == ANONYMOUS).mean())
    if isinstance(value, (pd.Series, pd.DataFrame)):
        return "you gave a column or table. Take the mean of the True/False column: `(...).mean()`."
    number = as_number(value)
    if number is None:
        return kind_problem(value, float, "one number from 0 to 1")
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
    sources = found_sources()
    stated = sources[sources["condition"].str.strip() != ""]
    problem = kind_problem(value, pd.DataFrame, "a table (DataFrame)")
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
