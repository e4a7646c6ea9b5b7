"""Try it 4.x and 5.x: shingles, overlap, missing paragraphs and opcodes (syndication assignment), and pair counts."""

from __future__ import annotations

import difflib
import functools
import math

import pandas as pd

import newstrace as nt
from newstrace.practice.answers import as_number, cleaned_text, kind_problem
from newstrace.practice.core import Exercise, register

CHANGED_SENTENCE = ("Cameras, computers, and other equipment arrive in the month-long campaign.",
                    "Cameras, computers and other equipment arrive in the monthlong campaign.")
"""Two versions of one sentence for the difflib exercise (made up, in the style of the case's edits)."""
SHINGLE_SENTENCE = "the paper just gives you the location and the paper gives you the time"
"""A made-up sentence with a repeated phrase, so that a list of shingles and a set differ."""
LONG_TEXT = ("The assignments arrive on slips of paper. Each slip bears a black flag. "
             "The paper gives the location. Never the details.")
TRIMMED_TEXT = "The assignments arrive on slips of paper. Each slip bears a black flag."


# ------------------------------------------------------------------------------------ lesson 4


def _sentence_words(sentence: str) -> list[str]:
    """Return the lower-case words of a sentence the way nt.words does."""
    return nt.words(sentence)


def _check_shingle_set(value: object) -> str | None:
    """Try it 4.1: the set of 3-word shingles (tuples) of SHINGLE_SENTENCE."""
    tokens = _sentence_words(SHINGLE_SENTENCE)
    runs = [tuple(tokens[start:start + 3]) for start in range(len(tokens) - 2)]
    if isinstance(value, list):
        if value and all(isinstance(item, list) for item in value):
            return ("your shingles are lists. A set can only hold tuples: write `tuple(words[i:i + 3])`, "
                    "and collect them in a set.")
        return (f"a list keeps repeats: you have {len(value)} items, but only {len(set(runs))} different "
                "shingles. Collect them in a set, `{...}` or `set(...)`.")
    problem = kind_problem(value, set, "a set of tuples")
    if problem:
        return problem
    if value == set(runs):
        return None
    sizes = {len(item) for item in value if isinstance(item, tuple)}
    if sizes and sizes != {3}:
        return f"your shingles have {sorted(sizes)} words; each should have k = 3."
    if value < set(runs):
        return (f"{len(set(runs)) - len(value)} shingle(s) missing, probably the last: the last one "
                "starts at `len(words) - 3`, so loop over `range(len(words) - 2)`.")
    return "some items are not 3-word runs of the sentence. Use `words[i:i + 3]` for each start `i`."


def _check_overlap(value: object) -> str | None:
    """Try it 4.2: (Jaccard of A and B, containment of B in A) for the long and trimmed texts."""
    a = {tuple(run) for run in _runs(LONG_TEXT)}
    b = {tuple(run) for run in _runs(TRIMMED_TEXT)}
    jaccard, contained = len(a & b) / len(a | b), len(a & b) / len(b)
    if not isinstance(value, tuple) or len(value) != 2:
        return "give two numbers in a pair: `(jaccard, containment)`."
    first, second = (as_number(item) for item in value)
    if first is None or second is None:
        return "both items of the pair should be numbers."
    close = functools.partial(math.isclose, abs_tol=1e-6)
    if close(first, jaccard) and close(second, contained):
        return None
    if close(first, contained) and close(second, jaccard):
        return "the two numbers are swapped: Jaccard first, containment second."
    if close(second, len(a & b) / len(a)):
        return ("your containment divides by the long text's shingles: that is how much of A is in B. "
                "Containment of B in A divides by `len(B)`.")
    if close(first, len(a & b) / (len(a) + len(b))):
        return ("your Jaccard divides by len(A) + len(B), which counts the shared shingles twice. "
                "Divide by the union: `len(A | B)`.")
    return "Jaccard is `len(A & B) / len(A | B)`; containment of B in A is `len(A & B) / len(B)`."


def _runs(text: str, k: int = 3) -> list[tuple[str, ...]]:
    """Return the k-word runs of a text's words, in order."""
    tokens = _sentence_words(text)
    return [tuple(tokens[start:start + k]) for start in range(len(tokens) - k + 1)]


@functools.cache
def _missing_paragraphs() -> tuple[int, ...]:
    """Return the 1-based numbers of full-text paragraphs less than half contained in the short copy."""
    copy = nt.shingles(nt.words(cleaned_text("short-copy").text))
    return tuple(number for number, paragraph in enumerate(cleaned_text("full-text").paragraphs, start=1)
                 if nt.containment(nt.shingles(nt.words(paragraph)), copy) < 0.5)


def _check_missing(value: object) -> str | None:
    """Try it 4.3: the 1-based numbers of the full text's paragraphs the short copy lacks."""
    expected = list(_missing_paragraphs())
    if isinstance(value, (set, tuple, range)):
        value = sorted(value)
    problem = kind_problem(value, list, "a list of paragraph numbers")
    if problem:
        return problem
    if value == expected:
        return None
    if value == [number - 1 for number in expected]:
        return ("every number is one too small: Python counts from 0, paragraphs from 1. Use "
                "`enumerate(paragraphs, start=1)`.")
    total = len(cleaned_text("full-text").paragraphs)
    if set(value) == set(range(1, total + 1)) - set(expected):
        return ("those are the paragraphs the copy **has**. Keep those whose containment in the copy "
                "is below 0.5.")
    return (f"you list {len(value)} paragraphs; {len(expected)} of the full text's paragraphs have less "
            "than half of their shingles in the short copy.")


def _check_opcodes(value: object) -> str | None:
    """Try it 4.4: the tags of the opcodes that are not 'equal' between the two versions."""
    before, after = (sentence.split() for sentence in CHANGED_SENTENCE)
    opcodes = difflib.SequenceMatcher(None, before, after).get_opcodes()
    expected = [tag for tag, *_ in opcodes if tag != "equal"]
    problem = kind_problem(value, list, "a list of tags such as 'replace'")
    if problem:
        return problem
    if value == expected:
        return None
    if value == [tag for tag, *_ in opcodes]:
        return "you kept the 'equal' opcodes too. Keep only the tags that are not 'equal'."
    if value and isinstance(value[0], tuple):
        return "you kept whole opcodes (5 items each). Take only the first item, the tag."
    return f"the changes are {len(expected)} opcodes; print `opcodes` and look at the first item of each."


register(Exercise("4.1", "the set of 3-word shingles of `words`", _check_shingle_set,
                  "A shingle is `tuple(words[i:i + 3])`. Make one for every start `i` in "
                  "`range(len(words) - 2)`, inside a set: `{... for i in ...}`.",
                  "shingle_set = {tuple(words[i:i + 3]) for i in range(len(words) - 2)}"))
register(Exercise("4.2", "the pair (Jaccard of A and B, containment of B in A)", _check_overlap,
                  "`A & B` is the shared shingles, `A | B` all shingles of either. Jaccard divides the "
                  "shared ones by all; containment of B divides them by B's own.",
                  "overlap = (len(A & B) / len(A | B), len(A & B) / len(B))"))
register(Exercise("4.3", "the numbers (from 1) of the full text's paragraphs that the short copy lacks",
                  _check_missing,
                  "For each paragraph (with `enumerate(..., start=1)`), make its shingles and compute "
                  "`nt.containment(paragraph_shingles, copy_shingles)`; keep the numbers where it is below 0.5.",
                  "missing = [number for number, paragraph in enumerate(full_paragraphs, start=1)\n"
                  "           if nt.containment(nt.shingles(nt.words(paragraph)), copy_shingles) < 0.5]"))
register(Exercise("4.4", "the tags of the opcodes that are not 'equal'", _check_opcodes,
                  "Each opcode is `(tag, i1, i2, j1, j2)`. Loop over `opcodes` and keep `tag` when it "
                  "is not `\"equal\"`.",
                  'changes = [tag for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]'))


# ------------------------------------------------------------------------------------ lesson 5

PAIR_ARTICLES = 10_000


def _check_pairs(value: object) -> str | None:
    """Try it 5.1: how many pairs 10,000 articles make."""
    number = as_number(value)
    if number is None:
        return kind_problem(value, int, "one whole number")
    if number == math.comb(PAIR_ARTICLES, 2):
        return None
    if number == PAIR_ARTICLES ** 2:
        return "n × n counts each article with itself and every pair twice (a–b and b–a)."
    if number == PAIR_ARTICLES * (PAIR_ARTICLES - 1):
        return "n × (n − 1) counts every pair twice (a–b and b–a): divide by 2."
    return "each of the n articles pairs with the n − 1 others, and each pair is counted from both ends."


@functools.cache
def _recall_by_kind() -> pd.Series:
    """Return recall per kind of pair for find_copies on lesson 5's synthetic corpus."""
    corpus, truth = nt.synthetic_corpus(300, seed=0)
    found = nt.find_copies(corpus)
    pairs = {frozenset(pair) for pair in zip(found["a"], found["b"])}
    truth["found"] = [frozenset(pair) in pairs for pair in zip(truth["a"], truth["b"])]
    return truth.groupby("kind")["found"].mean()


def _check_recall(value: object) -> str | None:
    """Try it 5.2: recall per kind, the share of known pairs found, from a truth table (checked in lesson)."""
    problem = kind_problem(value, pd.Series, "a pandas Series: one share per kind")
    if problem:
        return problem
    if ((value < 0) | (value > 1)).any():
        return ("some values are above 1: those are counts. Recall is a share: use `.mean()` of the "
                "True/False column, not `.sum()`.")
    expected = _recall_by_kind()
    if set(value.index) != set(expected.index):
        return "the labels should be the kinds: group by the `kind` column."
    if all(math.isclose(float(value[kind]), float(expected[kind])) for kind in expected.index):
        return None
    return "some shares are wrong: group `truth` by `kind` and take the mean of `found`."


def _check_precision(value: object) -> str | None:
    """Try it 5.3: precision, the share of found pairs that are real (3 right of 4 found)."""
    number = as_number(value)
    if number is None:
        return kind_problem(value, float, "one number from 0 to 1")
    if math.isclose(number, 3 / 4):
        return None
    if math.isclose(number, 3 / 5):
        return "that divides by the real pairs: that is recall. Precision divides by the pairs **found**."
    if math.isclose(number, 1 / 4):
        return "that is the share of false alarms. Precision is the share of found pairs that are right."
    return "precision = right pairs found ÷ all pairs found."


register(Exercise("5.1", f"the number of pairs among {PAIR_ARTICLES:,} articles", _check_pairs,
                  "Each article pairs with every other one: n × (n − 1). Each pair a–b is then counted "
                  "twice, as a–b and b–a.",
                  "pairs = 10_000 * (10_000 - 1) // 2   # or math.comb(10_000, 2)"))
register(Exercise("5.2", "recall for each kind of pair: the share of known pairs that were found",
                  _check_recall,
                  "`truth[\"found\"]` is True/False per known pair; the mean of True/False is the share "
                  "of True. Group by kind first.",
                  'recall = truth.groupby("kind")["found"].mean()'))
register(Exercise("5.3", "the precision of a detector that found 4 pairs, 3 of them real copies, "
                         "out of 5 real copies", _check_precision,
                  "Precision asks: of what was found, how much is right?",
                  "precision = 3 / 4"))
