"""Time credits, sources and attribution_diff against extract_quotes on the same 10,000-word text (same run)."""

from __future__ import annotations


import newstrace as nt
from timing import median_seconds  # benchmarks/timing.py (the script folder is on sys.path)

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


def main() -> None:
    """Print each tool's time and its ratio to extract_quotes on the same text."""
    text = long_article()
    copy = nt.articles().loc["re-report", "text"]
    base = median_seconds(lambda: nt.extract_quotes(text), REPEATS)
    timings = {
        "nt.credits": median_seconds(lambda: nt.credits(text), REPEATS),
        "nt.sources": median_seconds(lambda: nt.sources(text), REPEATS),
        "nt.attribution_diff (re-report vs it)": median_seconds(lambda: nt.attribution_diff(text, copy), REPEATS),
    }
    print(f"article: {len(text.split()):,} words; median of {REPEATS} runs each")
    print(f"baseline nt.extract_quotes: {base * 1000:8.1f} ms")
    for name, seconds in timings.items():
        print(f"{name:40s} {seconds * 1000:8.1f} ms  ({seconds / base:5.1f}x extract_quotes)")


if __name__ == "__main__":
    main()
