"""Check the files a student captured for the own-story project before the toolkit runs on them.

`check_captures(folder)` looks at every .txt file in the folder and returns one row per problem,
each with a message that says what to do: an empty file, HTML markup instead of plain text, a file
that is not UTF-8 text, a capture too short to be an article, and a folder with fewer than two
versions. Nothing is changed or dropped: the student fixes the file and runs the check again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import ArticleError
from newstrace.data import count_words, load_article, looks_like_html

MIN_WORDS = 80
"""Fewer words than this is probably a headline or a teaser, not a captured article."""
MIN_VERSIONS = 2

@dataclass(frozen=True)
class CaptureProblem:
    """One problem with one captured file (file is '' for a problem with the whole folder)."""

    file: str
    problem: str
    fix: str

    def __str__(self) -> str:
        """Return the problem as one line: where, what, and what to do."""
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.problem} - {self.fix}"


def check_capture(path: Path) -> list[CaptureProblem]:
    """Return the problems of one captured file (an empty list if it is fine)."""
    try:
        loaded = load_article(path)
    except ArticleError as err:
        return [CaptureProblem(path.name, str(err).replace(str(path), "the file"),
                               "capture the page again as plain text (see the steps above)")]
    text = loaded.text
    if loaded.from_html or looks_like_html(text):
        return [CaptureProblem(path.name, "HTML markup instead of plain text",
                               "open the page in reader view, select the article text, copy it and paste it "
                               "into a plain-text file (not 'Save page as')")]
    if count_words(text) < MIN_WORDS:
        return [CaptureProblem(path.name, f"only {count_words(text)} words",
                               "this looks like a headline or teaser: capture the whole article")]
    return []


def check_captures(folder: str | Path) -> list[CaptureProblem]:
    """Return every problem with the captured versions in a folder of .txt files."""
    folder = Path(folder)
    if not folder.is_dir():
        return [CaptureProblem("", f"{folder} is not a folder",
                               "make a folder (e.g. my-story/) and save each version there as a .txt file")]
    files = sorted(folder.glob("*.txt"))
    problems = [problem for path in files for problem in check_capture(path)]
    usable = len(files) - len({p.file for p in problems})
    if usable < MIN_VERSIONS:
        problems.append(CaptureProblem(
            "", f"{usable} usable version{'s' if usable != 1 else ''} of the story",
            "the project compares versions: capture at least two (the original and a copy or re-report)"))
    return problems


def report_captures(folder: str | Path) -> bool:
    """Print the check's result for a student and return True if the files are ready."""
    problems = check_captures(folder)
    if not problems:
        count = len(list(Path(folder).glob("*.txt")))
        print(f"Ready: {count} versions in {Path(folder).name}/, all plain text.")
        return True
    print(f"Not ready yet ({len(problems)} problem{'s' if len(problems) != 1 else ''}):")
    for problem in problems:
        print(f"  - {problem}")
    return False
