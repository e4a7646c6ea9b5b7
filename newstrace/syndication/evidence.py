"""The shared words a teacher can point to: rare words, figures and names found in both texts.

`shared_evidence(original, copy)` (or `Comparison.evidence`) lists what the copy shares with the original, each item with an
explanation of what it does and does not show:

- **rare word**: an ordinary word (no function word, name or figure) used less than
  RARE_PER_MILLION times per million words of English, by the `wordfreq` word lists (a
  well-kept library of word frequencies from many sources). Two writers seldom pick the same
  rare word unless one worked from the other, or both from one source; a word of the event's own
  subject ("flood" in two flood reports) is weaker evidence than an unusual turn of phrase.
- **figure**: a token with a digit. Reports of one event share its key figures, so a shared figure
  shows the same story; a year or a round figure shows little more, a precise figure ("87,420")
  a little more.
- **name**: a run of capitalised words (people, places, organisations). An independent report of
  the same event names the same people and places: shared names show the same story, not copying.

Rows are in the copy's order within each kind, rare words rarest first; at most MAX_ITEMS per kind.
"""

from __future__ import annotations

import re
from functools import lru_cache
import pandas as pd

from newstrace.syndication.paragraph_keys import Paragraphs
from newstrace.text.vocabulary import MATCH_STOP_WORDS
from newstrace.syndication.derivation_score import name_keys
from newstrace.text.tokenizer import token_key

EVIDENCE_COLUMNS = ["kind", "item", "in_original", "in_copy", "explanation"]
KINDS = ("rare word", "figure", "name")
RARE_PER_MILLION = 5.0
MAX_ITEMS = 20
COMMON_PER_MILLION = 50.0
"""A one-word name as common as this in English is taken for an ordinary word opening a sentence."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@lru_cache(maxsize=65536)
def per_million(word: str) -> float:
    """Return how many times in a million words of English the word is used (wordfreq)."""
    from wordfreq import word_frequency  # lazy: its word lists load on first use, only for evidence

    return word_frequency(word, "en") * 1_000_000


def rare_word_note(word: str) -> str:
    """Return the explanation of one shared rare word."""
    rate = per_million(word)
    if rate == 0:
        usage = "not in the English word lists (a coinage, a spelling of its own or a technical term)"
    else:
        usage = f"used about {rate:.2g} times in a million words of English"
    return (f"{usage}; two writers seldom both choose it unless one worked from the other or both "
            "from one source (unless it is the event's own subject)")


def figure_note(figure: str) -> str:
    """Return the explanation of one shared figure: year, round or precise."""
    digits = re.sub(r"\D", "", figure)
    if _YEAR.fullmatch(figure):
        return "a year: reports of the same event share their dates; weak evidence"
    if len(digits) <= 1 or digits.rstrip("0") in ("", "1", "2", "5") or len(digits.rstrip("0")) == 1:
        return "a round figure: independent reports often give the same one; weak evidence"
    return ("a precise figure: reports of one event share their key figures, so it shows the same "
            "story; many shared precise figures, in the same order, point to one source")


NAME_NOTE = ("a name: an independent report of the same event names the same people and places, "
             "so shared names show the same story, not copying")


def _keys(paragraphs: list[list[str]]) -> list[str]:
    """Return every key of the paragraphs, in order."""
    return [key for keys in paragraphs for key in keys]


def _name_runs(tokens: list[str]) -> list[str]:
    """Return the runs of capitalised words in a paragraph's tokens ("Port Askaig", "MV Lorne Spirit")."""
    runs, current = [], []
    for token in tokens:
        if token[:1].isupper() and token[:1].isalpha():
            current.append(token)
            continue
        if current and token.lower() in {"of", "de", "al", "bin", "van", "von"} and token.islower():
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    names = []
    for run in runs:
        while run and (run[-1].islower() or run[0].lower() in MATCH_STOP_WORDS):
            run = run[:-1] if run[-1].islower() else run[1:]
        if run:
            names.append(" ".join(run))
    return names


def shared_evidence(original: Paragraphs, copy: Paragraphs) -> pd.DataFrame:
    """Return the rare words, figures and names the copy shares with the original (module docstring).

    `original` and `copy` are the compared paragraphs (`Comparison.evidence` passes its own).
    """
    original_keys, copy_keys = _keys(original.keys), _keys(copy.keys)
    in_original = pd.Series(original_keys).value_counts().to_dict() if original_keys else {}
    in_copy = pd.Series(copy_keys).value_counts().to_dict() if copy_keys else {}
    names = name_keys(copy, original)
    rows: list[tuple] = []
    ordinary = [key for key in dict.fromkeys(copy_keys) if key in in_original and key.isalpha()
                and key not in MATCH_STOP_WORDS and key not in names]
    rare = sorted((key for key in ordinary if per_million(key) < RARE_PER_MILLION), key=per_million)
    rows += [("rare word", key, in_original[key], in_copy[key], rare_word_note(key)) for key in rare[:MAX_ITEMS]]
    figures = [key for key in dict.fromkeys(copy_keys) if key in in_original and any(map(str.isdigit, key))]
    rows += [("figure", key, in_original[key], in_copy[key], figure_note(key)) for key in figures[:MAX_ITEMS]]
    original_text = " ".join(" ".join(tokens) for tokens in original.tokens)
    seen: dict[str, None] = {}
    for tokens in copy.tokens:
        for name in _name_runs(tokens):
            keys = [token_key(part) for word in name.split() for part in word.split("-")]
            if name not in seen and all(key in in_original for key in keys) and name in original_text \
                    and any(key in names for key in keys) \
                    and (len(keys) > 1 or per_million(keys[0]) < COMMON_PER_MILLION):  # "Sometimes" opening a sentence
                seen[name] = None
    for name in list(seen)[:MAX_ITEMS]:
        rows.append(("name", name, original_text.count(name),
                     " ".join(" ".join(tokens) for tokens in copy.tokens).count(name), NAME_NOTE))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def evidence_summary(evidence: pd.DataFrame, per_kind: int = 5) -> str:
    """Return a one-line summary: a few items of each kind, with counts ("rare words (3): ...")."""
    parts = []
    for kind in KINDS:
        items = list(evidence.loc[evidence["kind"] == kind, "item"])
        if items:
            shown = ", ".join(items[:per_kind]) + (", ..." if len(items) > per_kind else "")
            parts.append(f"{kind}s ({len(items)}): {shown}")
    return "; ".join(parts) if parts else "no rare word, figure or name in common"
