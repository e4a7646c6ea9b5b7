"""Paragraph alignment between an original and a copy, coping with reordering, splits and merges.

Each copy paragraph is linked to the original paragraphs it draws on by the rules in
`newstrace.syndication.paragraph_links` (shared verbatim runs, similar word order, paraphrase,
duplicates), on the matching keys of `newstrace.syndication.paragraph_keys`.

Links form connected groups (an original paragraph with the copy paragraphs it became, or the
reverse). A group's `similarity` is the Indel similarity of its original paragraphs joined in order
with its copy paragraphs joined in order; its `coverage` is the share of its copy words matched in
order to its original words (1.0 for a verbatim extract of a longer paragraph, whose similarity is
low). Status of each row:
`same` (a one-to-one group whose tokens, typography folded, are identical), `edited` (any other
link), `duplicate` (rule 4 of the linking rules), `missing` (an original paragraph with no link),
`added` (a copy paragraph with no link). Missing and added rows have similarity 0.
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz.distance import Indel

from newstrace.syndication.paragraph_keys import Paragraphs
from newstrace.syndication.paragraph_links import link_paragraphs
from newstrace.text.shingling import KeyIds

ALIGNMENT_COLUMNS = ["original_para", "copy_para", "original_text", "copy_text", "similarity",
                     "coverage", "status", "group"]
STATUSES = ("same", "edited", "missing", "added", "duplicate")

Group = tuple[list[int], list[int]]
"""A group of linked paragraphs: (original paragraphs, copy paragraphs), each sorted."""


def groups(sources: dict[int, list[int]], duplicates: set[int]) -> list[tuple[list[int], list[int]]]:
    """Return connected groups of links as (original paragraphs, copy paragraphs), in copy order."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        """Return the representative of node's group (union-find)."""
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for j, chosen in sources.items():
        for i in chosen if j not in duplicates else []:
            parent[root(("o", i))] = root(("c", j))
    members: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for side, index in list(parent):
        originals, copies = members.setdefault(root((side, index)), (set(), set()))
        (originals if side == "o" else copies).add(index)
    return sorted(((sorted(o), sorted(c)) for o, c in members.values()), key=lambda g: g[1][0])


def group_similarity(original: Paragraphs, copy: Paragraphs, group: tuple[list[int], list[int]]) -> float:
    """Return the Indel similarity of a group's original words with its copy words, in order."""
    return group_measures(original, copy, group)[0]


def concatenated(sequences: list[str] | list[list[str]], indexes: list[int]) -> str | list[str]:
    """Return the chosen paragraphs' keys in one sequence (strings of KeyIds.as_strings, or lists)."""
    if sequences and isinstance(sequences[0], str):
        return "".join([sequences[index] for index in indexes])  # type: ignore[misc]
    return [key for index in indexes for key in sequences[index]]


def group_measures(original: Paragraphs, copy: Paragraphs, group: tuple[list[int], list[int]],
                   ids: KeyIds | None = None) -> tuple[float, float]:
    """Return a group's (similarity, coverage): coverage = share of its copy words matched in order.

    With `ids`, the words are compared as KeyIds strings (the same result, faster).
    """
    original_keys, copy_keys = (original.keys, copy.keys) if ids is None else (
        ids.as_strings(original.keys), ids.as_strings(copy.keys))
    before, after = concatenated(original_keys, group[0]), concatenated(copy_keys, group[1])
    if not after:
        return (1.0 if not before else 0.0), 0.0
    distance = Indel.distance(before, after)
    common = (len(before) + len(after) - distance) / 2
    return 1.0 - distance / (len(before) + len(after)), common / len(after)


def _group_rows(original: Paragraphs, copy: Paragraphs, number: int, group: tuple[list[int], list[int]],
                sources: dict[int, list[int]], ids: KeyIds | None = None) -> list[dict]:
    """Return the alignment rows of one group of linked paragraphs."""
    similarity, coverage = group_measures(original, copy, group, ids)
    one_to_one = len(group[0]) == len(group[1]) == 1
    same = one_to_one and original.tokens[group[0][0]] == copy.tokens[group[1][0]]
    return [_row(i, j, original, copy, similarity, "same" if same else "edited", number, coverage)
            for j in group[1] for i in sorted(sources[j])]


def _row(i: int | None, j: int | None, original: Paragraphs, copy: Paragraphs, similarity: float,
         status: str, group: int | None, coverage: float = 0.0) -> dict:
    """Return one alignment row."""
    return {"original_para": i, "copy_para": j,
            "original_text": None if i is None else original.texts[i],
            "copy_text": None if j is None else copy.texts[j],
            "similarity": similarity, "coverage": coverage, "status": status, "group": group}


def _order(row: dict, copy_position: dict[int, float]) -> tuple[float, float]:
    """Return a sort key that reads like the copy, with missing originals at their gap."""
    if row["copy_para"] is not None:
        return (row["copy_para"], -1 if row["original_para"] is None else row["original_para"])
    return (copy_position.get(row["original_para"], -1.0) + 0.5, row["original_para"])


def _missing_positions(original_count: int, rows: list[dict]) -> dict[int, float]:
    """Return, for each original paragraph, the copy position after which it would sit."""
    linked = {row["original_para"]: row["copy_para"] for row in rows
              if row["original_para"] is not None and row["copy_para"] is not None}
    position, positions = -1.0, {}
    for i in range(original_count):
        position = linked.get(i, position)
        positions[i] = position
    return positions


def align(original: Paragraphs, copy: Paragraphs, k: int, ids: KeyIds | None = None) -> pd.DataFrame:
    """Return the alignment table: one row per link, missing or added paragraph (see module doc).

    `ids`: the keys of both texts as `KeyIds`, when the caller has them already.
    """
    return alignment_frame(alignment_rows(original, copy, k, ids))


def alignment_rows(original: Paragraphs, copy: Paragraphs, k: int,
                   ids: KeyIds | None = None) -> list[dict]:
    """Return the rows of `align`'s table as dicts (ALIGNMENT_COLUMNS keys; None for NA), in order."""
    ids = ids or KeyIds.of_paragraphs(original.keys, copy.keys)
    sources, duplicates = link_paragraphs(original, copy, k, ids)
    rows: list[dict] = []
    for number, group in enumerate(groups(sources, duplicates)):
        rows += _group_rows(original, copy, number, group, sources, ids)
    for j in sorted(duplicates):
        i = sources[j][0]
        similarity, coverage = group_measures(original, copy, ([i], [j]), ids)
        rows.append(_row(i, j, original, copy, similarity, "duplicate", None, coverage))
    linked_original = {row["original_para"] for row in rows}
    rows += [_row(i, None, original, copy, 0.0, "missing", None)
             for i in range(len(original.texts)) if i not in linked_original]
    rows += [_row(None, j, original, copy, 0.0, "added", None)
             for j in range(len(copy.texts)) if not sources.get(j)]
    positions = _missing_positions(len(original.texts), rows)
    rows.sort(key=lambda row: _order(row, positions))
    return rows


def alignment_frame(rows: list[dict]) -> pd.DataFrame:
    """Return the rows as a DataFrame with nullable integer paragraph columns."""
    if rows:  # built column by column: the same table, faster than from a list of dicts
        columns: dict[str, object] = {name: [row[name] for row in rows] for name in ALIGNMENT_COLUMNS}
        for name in ("original_para", "copy_para", "group"):
            columns[name] = pd.array(columns[name], dtype="Int64")
        return pd.DataFrame(columns, columns=ALIGNMENT_COLUMNS)
    table = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    for column in ("original_para", "copy_para", "group"):
        table[column] = table[column].astype("Int64")
    return table.reset_index(drop=True)
