"""Reading the article files a command is given, saying on stderr what was done to them."""

from __future__ import annotations

import sys

from newstrace.data import load_article


def note(message: str) -> None:
    """Print a one-line note about the input on stderr, so that stdout stays the command's result."""
    print(f"note: {message}", file=sys.stderr)


def read_story(path: str) -> str:
    """Return the article in the file at path, noting when its story was extracted from an HTML page."""
    loaded = load_article(path)
    if loaded.from_html:
        note(f"{path} is an HTML page: reading the story text extracted from it by trafilatura")
    return loaded.text
