"""Score nt.sources against the hand-made gold in data/annotations/sources.csv.

A gold source is *found* when a predicted source shares a name with it: the gold name or one of its
aliases equals a predicted name or alias (determiners, case, hyphens ignored), or all words of the
shorter name appear in the longer one in order ("Abu Hajer" ~ "Abu Hajer al Maghribi"). Each
predicted source is matched to one gold source at most. Source-type accuracy is the share of gold
sources found with the gold type: a missed source counts as wrong.
"""

from __future__ import annotations

import re

import pandas as pd

from newstrace.data import read_annotation
from newstrace.sourcing.finder import sources

GOLD_FILE = "sources.csv"


def load_gold_sources() -> pd.DataFrame:
    """Return data/annotations/sources.csv with empty cells as ''."""
    return read_annotation(GOLD_FILE, "the source evaluation")


def _words(name: str) -> list[str]:
    """Return a name's words, lower case, without determiners, hyphens or punctuation."""
    words = re.sub(r"[-‐‑’']", " ", name.lower()).split()
    return [word.strip(".,") for word in words if word not in {"a", "an", "the"}]


def _in_order(short: list[str], long: list[str]) -> bool:
    """Return True if every word of short appears in long, in order."""
    remaining = iter(long)
    return bool(short) and all(word in remaining for word in short)


def names_match(first: list[str], second: list[str]) -> int:
    """Return 2 for an exact name match between the lists, 1 for an in-order one, 0 for none."""
    best = 0
    for a in map(_words, first):
        for b in map(_words, second):
            if a and a == b:
                return 2
            short, long = sorted((a, b), key=len)
            if _in_order(short, long):
                best = 1
    return best


def _names(row: pd.Series, name_column: str, separator: str) -> list[str]:
    """Return a row's name and its aliases."""
    aliases = [alias.strip() for alias in str(row.get("aliases", "") or "").split(separator)]
    return [row[name_column], *[alias for alias in aliases if alias]]


def match_sources(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int | None]]:
    """Return (gold row, predicted row or None) pairs, exact name matches taken before partial ones."""
    gold_names = [_names(row, "source", "|") for _, row in gold.iterrows()]
    predicted_names = [_names(row, "source", " | ") for _, row in predicted.iterrows()]
    pairs: dict[int, int] = {}
    for strength in (2, 1):
        for g, names in enumerate(gold_names):
            if g in pairs:
                continue
            for p, other in enumerate(predicted_names):
                if p not in pairs.values() and names_match(names, other) == strength:
                    pairs[g] = p
                    break
    return [(g, pairs.get(g)) for g in range(len(gold_names))]


def source_type_hits(text_id: str, text: str) -> tuple[int, int]:
    """Return (gold sources found with the right type, gold sources) for one case text."""
    gold = load_gold_sources()
    gold = gold[gold["article"] == text_id].reset_index(drop=True)
    predicted = sources(text)
    hits = sum(p is not None and predicted.loc[p, "type"] == gold.loc[g, "type"]
               for g, p in match_sources(predicted, gold))
    return hits, len(gold)
