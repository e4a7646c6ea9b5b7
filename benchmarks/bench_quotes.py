"""Time extract_quotes on a 10,000-word article against a plain regex scan for quote marks (same run)."""

from __future__ import annotations

import re

import newstrace as nt
from timing import median_seconds  # benchmarks/timing.py (the script folder is on sys.path)

TARGET_WORDS = 10_000
REPEATS = 15
MARKS = re.compile("[\"'\u201c\u201d\u2018\u2019]")


def long_article(words: int = TARGET_WORDS) -> str:
    """Return the case's full text repeated paragraph by paragraph until it has `words` words."""
    paragraphs = nt.articles().loc["full-text", "text"].split("\n")
    out: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(out) % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(out)


def baseline(text: str) -> int:
    """Find every quotation mark with one regex: the least any quote finder must do."""
    return sum(1 for _ in MARKS.finditer(text))


def main() -> None:
    """Print the timings and the ratio of extract_quotes to the baseline."""
    text = long_article()
    base = median_seconds(lambda: baseline(text), REPEATS)
    quotes = median_seconds(lambda: nt.extract_quotes(text), REPEATS)
    found = len(nt.extract_quotes(text))
    print(f"article: {len(text.split()):,} words, {len(text):,} characters, {found} quotes found")
    print(f"baseline regex scan for quote marks: {base * 1000:8.2f} ms (median of {REPEATS})")
    print(f"nt.extract_quotes:                   {quotes * 1000:8.2f} ms (median of {REPEATS})")
    print(f"ratio extract_quotes / baseline:     {quotes / base:8.0f}x  (goal: well under 100 ms)")
    dense = '"Yes," he said, ' * 5000
    dense_base = median_seconds(lambda: baseline(dense), 5)
    dense_quotes = median_seconds(lambda: nt.extract_quotes(dense), 5)
    print(f"worst case, one 80,000-character paragraph of 5,000 quotes: {dense_quotes * 1000:.0f} ms "
          f"({dense_quotes / dense_base:.0f}x its baseline; grows linearly, not quadratically)")


if __name__ == "__main__":
    main()
