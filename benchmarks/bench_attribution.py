"""Time credits, sources and attribution_diff against extract_quotes on the same 10,000-word text (same run)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import newstrace as nt

TARGET_WORDS = 10_000
REPEATS = 5


def long_article(words: int = TARGET_WORDS) -> str:
    """Return the full text's paragraphs, each numbered so none is a duplicate, up to `words` words."""
    paragraphs = nt.articles().loc["full-text", "text"].split("\n")
    out: list[str] = []
    count = 0
    while count < words:
        paragraph = f"{paragraphs[len(out) % len(paragraphs)]} ({len(out)})"
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(out)


def median_seconds(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Return the median wall time of function() over repeats runs (after one warm-up)."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print each tool's time and its ratio to extract_quotes on the same text."""
    text = long_article()
    copy = nt.articles().loc["re-report", "text"]
    base = median_seconds(lambda: nt.extract_quotes(text))
    timings = {
        "nt.credits": median_seconds(lambda: nt.credits(text)),
        "nt.sources": median_seconds(lambda: nt.sources(text)),
        "nt.attribution_diff (re-report vs it)": median_seconds(lambda: nt.attribution_diff(text, copy)),
    }
    print(f"article: {len(text.split()):,} words; median of {REPEATS} runs each")
    print(f"baseline nt.extract_quotes: {base * 1000:8.1f} ms")
    for name, seconds in timings.items():
        print(f"{name:40s} {seconds * 1000:8.1f} ms  ({seconds / base:5.1f}x extract_quotes)")


if __name__ == "__main__":
    main()
