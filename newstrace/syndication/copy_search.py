"""What both engines of `find_copies` share: its settings, the verification of candidate pairs, its table.

The local engine (`newstrace.syndication.corpus`) and the Spark engine
(`newstrace.syndication.spark_engine`) take the same `CopySettings`, verify every candidate pair
with the same `verify` (the rules of `compare`) and return the same columns in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from newstrace.pages.clutter import Cleaned, clean
from newstrace.syndication.candidates import METHODS, ordered
from newstrace.syndication.comparison import Comparison, compare_cleaned
from newstrace.syndication.signatures import MAX_SHINGLE_SIZE
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE

COLUMNS = ["a", "b", "score", "relation", "containment", "jaccard", "found_by"]
"""Columns of the table find_copies returns."""


def _check_fraction(name: str, value: object) -> float:
    """Return value if it is a number from 0 to 1, or raise ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _is_whole(value: object) -> bool:
    """Return True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class CopySettings:
    """The settings of one find_copies run (see find_copies); checked when made."""

    threshold: float = 0.3
    shingle_size: int = DEFAULT_SHINGLE_SIZE
    num_perm: int = 128
    jaccard_threshold: float = 0.5
    containment_threshold: float = 0.2
    method: str = "auto"
    seed: int = 1

    def __post_init__(self) -> None:
        """Raise ValueError naming the first unusable setting; store the fractions as floats."""
        for name in ("threshold", "jaccard_threshold", "containment_threshold"):
            object.__setattr__(self, name, _check_fraction(name, getattr(self, name)))
        if not _is_whole(self.num_perm) or self.num_perm < 16:
            raise ValueError(f"num_perm must be a whole number of at least 16, got {self.num_perm!r}")
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}; got {self.method!r}")
        if not _is_whole(self.shingle_size) or not 1 <= self.shingle_size <= MAX_SHINGLE_SIZE:
            raise ValueError(f"shingle_size must be a whole number from 1 to {MAX_SHINGLE_SIZE}, "
                             f"got {self.shingle_size!r}")


def original_and_copy(a: str, b: str, sizes: Mapping[str, int]) -> tuple[str, str]:
    """Return the pair as (original, copy): the text with more shingles first, ties by key."""
    return (a, b) if (sizes[a], b) >= (sizes[b], a) else (b, a)


def verify(
    pairs: Iterable[tuple[str, str]], texts: Mapping[str, str], sizes: Mapping[str, int],
    shingle_size: int,
) -> list[tuple[str, str, Comparison]]:
    """Return (original, copy, Comparison) per pair, the text with more shingles as the original.

    Each pair goes through `compare`'s rules (`compare_cleaned`); a text in several pairs is
    cleaned once, and its cleaning is let go after its last pair.
    """
    pairs = list(pairs)
    pairs_left = Counter(key for pair in pairs for key in pair)
    cleaned: dict[str, Cleaned] = {}
    out = []
    for a, b in pairs:
        original, copy = original_and_copy(a, b, sizes)
        for key in (original, copy):
            if key not in cleaned:
                cleaned[key] = clean(texts[key])
        out.append((original, copy, compare_cleaned(texts[original], texts[copy], cleaned[original],
                                                    cleaned[copy], shingle_size=shingle_size)))
        for key in (a, b):
            pairs_left[key] -= 1
            if not pairs_left[key]:
                del cleaned[key]
    return out


def copy_rows(
    verified: Iterable[tuple[str, str, Comparison]], found_by: Mapping[tuple[str, str], str],
    threshold: float,
) -> list[tuple]:
    """Return one row of COLUMNS per verified pair that compare relates with a score of threshold or more."""
    return [
        (original, copy, result.score, result.relation, result.containment, result.jaccard,
         found_by[ordered(original, copy)])
        for original, copy, result in verified
        if result.relation != "unrelated" and result.score >= threshold
    ]


def copy_table(rows: list[tuple] | pd.DataFrame) -> pd.DataFrame:
    """Return rows as find_copies' table: COLUMNS, best score first, then by a and b."""
    table = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=COLUMNS)
    table = table[COLUMNS]
    return table.sort_values(["score", "a", "b"], ascending=[False, True, True], ignore_index=True)
