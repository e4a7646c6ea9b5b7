"""The analysis's one input check: a str of real characters, or a one-line error naming the fix."""

from __future__ import annotations

import pytest

import newstrace as nt
from newstrace.errors import ArticleError

PUBLIC = [nt.clean, nt.sources, nt.credits, nt.words, lambda text: nt.compare(text, "A story."),
          lambda text: nt.attribution_diff("A story.", text)]


@pytest.mark.parametrize("function", PUBLIC)
def test_a_lone_surrogate_is_a_one_line_error_not_a_crash_inside_pandas(function) -> None:
    """'\\ud800' (what errors='surrogateescape' leaves) is refused before any table is built, with where it is."""
    with pytest.raises(ArticleError, match=r"lone surrogate '\\ud800' at character 10") as caught:
        function('He said "0\ud800" here.')
    assert "\n" not in str(caught.value)


def test_paired_astral_characters_are_fine() -> None:
    """An emoji (one code point above U+FFFF) is a character: no error."""
    assert nt.clean("A story about 🚲 lanes.").paragraphs == ["A story about 🚲 lanes."]
