"""The one input check of the analysis: every public function that takes article text calls it."""

from __future__ import annotations


def check_text(text: object, function: str) -> None:
    """Raise TypeError, naming the function and the fix, if text is not a str."""
    if not isinstance(text, str):
        raise TypeError(
            f"{function}() needs the article text as a str, got {type(text).__name__}: "
            "read the file first, e.g. nt.read_article(path)"
        )
