"""Derivation on development data: does `nt.compare(source, answer).score` rank derived texts first?

Usage: .venv/bin/python benchmarks/eval_derivation_dev.py PATH [--table]

PATH is a local copy of the Clough & Stevenson (2009) "corpus of plagiarised short answers": a
folder holding `file_information.csv` (columns File, Task, Category) with the 95 answers
(`g0pA_taska.txt`, ...) and the 5 sources (`orig_taska.txt` ... `orig_taske.txt`). Many public
repositories mirror it (search GitHub for `orig_taska.txt`); it is never copied into this project
(docs/finding-copies.md says how to get it).

Every answer is compared with every source (95 x 5 = 475 pairs). An answer to a source's own task
labelled `cut` (near copy), `light` or `heavy` (revision) is *derived*; `non` (written without
copying, same topic) is a same-topic independent text; an answer compared with another task's
source is unrelated. Printed, for the same pairs in the same run:

- ROC AUC, derived against all others (same-topic independent and unrelated);
- ROC AUC, derived against same-topic independent answers only (the hard negative);
- the same two for the baseline: plain 1-word containment, the share of the answer's distinct
  words (lower-cased) that occur in the source;
- per category, the share of pairs `compare` calls anything but `unrelated`.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import newstrace as nt
from newstrace.evaluation.derivation import roc_auc

DERIVED = ("cut", "light", "heavy")
INDEPENDENT = "non"
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DevPair:
    """One (source, answer) pair of the development corpus and its label."""

    answer: str
    task: str
    category: str  # cut, light, heavy, non, or "unrelated" (an answer to another task)
    source_text: str
    answer_text: str

    @property
    def derived(self) -> bool:
        """Return True if the answer was written from this source."""
        return self.category in DERIVED


def read_text(path: Path) -> str:
    """Return a corpus file's text (UTF-8, else Latin-1: some mirrors re-encoded the answers)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def load_pairs(folder: Path) -> list[DevPair]:
    """Return every (source, answer) pair of a local copy of the corpus."""
    info = folder / "file_information.csv"
    if not info.exists():
        raise SystemExit(f"{info} not found: PATH must be the corpus folder holding file_information.csv")
    with info.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Category"] != "orig"]
    sources = {task: read_text(folder / f"orig_task{task}.txt") for task in sorted({r["Task"] for r in rows})}
    return [DevPair(row["File"], task, row["Category"] if task == row["Task"] else "unrelated",
                    source, read_text(folder / row["File"]))
            for row in rows for task, source in sources.items()]


def word_containment(source: str, answer: str) -> float:
    """Return the share of the answer's distinct lower-cased words found in the source (the baseline)."""
    answer_words = set(WORD.findall(answer.lower()))
    return len(answer_words & set(WORD.findall(source.lower()))) / len(answer_words) if answer_words else 0.0


def aucs(scores: list[float], pairs: list[DevPair]) -> tuple[float, float]:
    """Return (AUC derived vs all others, AUC derived vs same-topic independent) of scores."""
    labels = [pair.derived for pair in pairs]
    same_topic = [(s, p.derived) for s, p in zip(scores, pairs) if p.category != "unrelated"]
    return roc_auc(scores, labels), roc_auc([s for s, _ in same_topic], [d for _, d in same_topic])


def main(argv: list[str] | None = None) -> int:
    """Print the AUCs of compare's score and of the baseline, and relation rates per category."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="folder of the corpus (with file_information.csv)")
    parser.add_argument("--table", action="store_true", help="also print one row per same-topic pair")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.path)
    started = time.perf_counter()
    results = [nt.compare(p.source_text, p.answer_text) for p in pairs]
    seconds = time.perf_counter() - started
    scores = [r.score for r in results]
    baseline = [word_containment(p.source_text, p.answer_text) for p in pairs]
    counts = Counter(p.category for p in pairs)
    print(f"{len(pairs)} pairs: " + ", ".join(f"{n} {c}" for c, n in sorted(counts.items()))
          + f"; compare took {seconds:.1f} s in all")
    print(f"{'score':<44}{'AUC derived vs all':>20}{'AUC vs same-topic':>20}")
    for name, values in (("nt.compare(...).score", scores), ("baseline: 1-word containment", baseline)):
        all_others, same_topic = aucs(values, pairs)
        print(f"{name:<44}{all_others:>20.3f}{same_topic:>20.3f}")
    print("share called anything but 'unrelated', per category:")
    for category in (*DERIVED, INDEPENDENT, "unrelated"):
        chosen = [r.relation for r, p in zip(results, pairs) if p.category == category]
        shares = Counter(chosen)
        print(f"  {category:<10} {sum(r != 'unrelated' for r in chosen) / len(chosen):.3f}  "
              + ", ".join(f"{rel} {n}" for rel, n in shares.most_common()))
    if args.table:
        for r, p, b in zip(results, pairs, baseline):
            if p.category != "unrelated":
                print(f"{p.answer:<18}{p.category:<7}{r.score:7.3f}{b:7.3f}  {r.relation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
