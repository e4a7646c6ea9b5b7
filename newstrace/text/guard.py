"""The one input check of the analysis: every public function that takes article text calls it."""

from __future__ import annotations

import re

from newstrace.errors import ArticleError

_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone UTF-16 surrogate: not a character, cannot be written as UTF-8 (no file read as UTF-8 holds one)."""


def check_text(text: object, function: str) -> None:
    """Raise TypeError if text is not a str, ArticleError if it holds a lone surrogate; each names the fix."""
    if not isinstance(text, str):
        raise TypeError(
            f"{function}() needs the article text as a str, got {type(text).__name__}: "
            "read the file first, e.g. nt.read_article(path)"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise ArticleError(
            f"{function}() got text with a lone surrogate {surrogate.group()!r} at character {surrogate.start()}, "
            "which is not a character: decode the file as UTF-8 (nt.read_article does) rather than with "
            "errors='surrogateescape'"
        )
