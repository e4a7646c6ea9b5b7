"""The edits table of a comparison: each word-level edit, placed by paragraph.

Each copy-edited paragraph group (`newstrace.syndication.derived_words`) is diffed word by word
(`newstrace.syndication.edits` finds and classifies the edits); a row names the original and copy
paragraphs the edit falls in. `before` and `after` are shown as written: the edits of a group are
re-spaced with its paragraphs' `token_gaps`.
"""

from __future__ import annotations

import pandas as pd

from newstrace.syndication.align import Group
from newstrace.syndication.edits import as_written, diff
from newstrace.syndication.paragraph_keys import Paragraphs, joined_paragraphs
from newstrace.text.tokenizer import token_gaps

EDIT_COLUMNS = ["original_para", "copy_para", "before", "after", "kind", "category"]


def _owner(owners: list[int], start: int, fallback: int) -> int:
    """Return the paragraph of token `start` (or of the token before it, at the end)."""
    if start < len(owners):
        return owners[start]
    return owners[-1] if owners else fallback


def joined_gaps(texts: list[str], indexes: list[int]) -> list[bool]:
    """Return token_gaps of the chosen paragraphs joined, a paragraph break counting as a space."""
    gaps: list[bool] = []
    for index in indexes:
        own = token_gaps(texts[index])
        if own and gaps:
            own[0] = True
        gaps += own
    return gaps


def edit_table(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> pd.DataFrame:
    """Return one row per word-level edit in the copy-edited paragraph groups."""
    return edit_frame(edit_rows(original, copy, groups))


def edit_rows(original: Paragraphs, copy: Paragraphs, groups: list[Group]) -> list[tuple]:
    """Return edit_table's rows as tuples in EDIT_COLUMNS order."""
    rows = []
    for originals, copies in groups:
        before, before_owner = joined_paragraphs(original.tokens, originals)
        after, after_owner = joined_paragraphs(copy.tokens, copies)
        edits = diff(before, after)
        if edits:  # the spacing as written is read only for groups with edits
            edits = as_written(edits, before, after,
                               (joined_gaps(original.texts, originals), joined_gaps(copy.texts, copies)))
        for edit in edits:
            rows.append((_owner(before_owner, edit.before_start, originals[0]),
                         _owner(after_owner, edit.after_start, copies[0]),
                         edit.before, edit.after, edit.kind, edit.category))
    return rows


def edit_frame(rows: list[tuple]) -> pd.DataFrame:
    """Return edit rows as the edits DataFrame (int64 paragraph columns even when empty)."""
    table = pd.DataFrame(rows, columns=EDIT_COLUMNS)
    if rows:  # paragraph numbers are Python ints: the columns are int64 already
        return table
    return table.astype({"original_para": "int64", "copy_para": "int64"})
