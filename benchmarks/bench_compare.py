"""Benchmark nt.compare on two ~5,000-word articles against a naive difflib baseline.

The original is the case's full text (cleaned paragraphs) with its first 15 paragraphs appended
again with their sentences in reverse order, about 5,600 words. The copy is built from it with a
seeded copy editor: every third paragraph gets a word swapped and a sentence cut, one paragraph in
ten is dropped, neighbouring pairs are swapped, so it is about 5,000 words.

Baseline (naive, paragraph by paragraph): for every copy paragraph, difflib.SequenceMatcher's
ratio on word lists against every original paragraph, keeping the best. Printed as ratios of
median times from one run; no pass/fail.

`compare` and `clean` memoise pure per-word and per-line helpers with `functools.lru_cache`
(`newstrace.text.tokenizer.token_key`, the line rules of `newstrace.pages.clutter`). "cold" runs clear every such
cache in the package before each call, as for two texts never seen before; "warm" runs repeat
the same comparison with the caches kept (as when one text is compared with many others).
"""

from __future__ import annotations

import difflib
import random
import statistics
import sys
import time
from collections.abc import Callable

import newstrace as nt
from newstrace.pages.clutter import clean

RUNS = 7
COMPARE_RUNS = 21  # compare is fast: more runs make its median steadier on a shared machine


def build_pair(seed: int = 0) -> tuple[str, str]:
    """Return (original, copy) of about 5,000 words each, the copy made by seeded copy edits."""
    paragraphs = clean(nt.article("full-text")).paragraphs
    extra = [". ".join(reversed(p.split(". "))) for p in paragraphs[:15]]
    original = paragraphs + extra
    rng = random.Random(seed)
    copy = []
    for number, paragraph in enumerate(original):
        if rng.random() < 0.1:
            continue
        if number % 3 == 0:
            sentences = paragraph.split(". ")
            if len(sentences) > 2:
                sentences.pop(rng.randrange(len(sentences)))
            words = ". ".join(sentences).split()
            words[rng.randrange(len(words))] = "reportedly"
            paragraph = " ".join(words)
        copy.append(paragraph)
    for index in range(0, len(copy) - 1, 7):
        copy[index], copy[index + 1] = copy[index + 1], copy[index]
    return "\n".join(original), "\n".join(copy)


def naive_difflib(original: str, copy: str) -> list[tuple[int, float]]:
    """Return, per copy paragraph, the best-matching original paragraph by difflib ratio."""
    originals = [line.split() for line in original.splitlines() if line.strip()]
    best = []
    for line in copy.splitlines():
        words = line.split()
        scores = [difflib.SequenceMatcher(None, candidate, words).ratio() for candidate in originals]
        top = max(range(len(scores)), key=scores.__getitem__)
        best.append((top, scores[top]))
    return best


def clear_caches() -> None:
    """Clear every functools cache of the newstrace modules (so the next call starts cold)."""
    for name, module in list(sys.modules.items()):
        if name == "newstrace" or name.startswith("newstrace."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def median_ms(function: Callable[[], object], runs: int = RUNS, cold: bool = False,
              clock: Callable[[], float] = time.perf_counter) -> float:
    """Return the median time of function() in milliseconds (caches cleared first if cold).

    `clock` is wall time by default; time.process_time gives the CPU time of this process,
    which other programs on a shared machine disturb much less.
    """
    times = []
    for _ in range(runs):
        if cold:
            clear_caches()
        start = clock()
        function()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the timings and ratios."""
    original, copy = build_pair()
    print(f"original {len(original.split()):,} words, copy {len(copy.split()):,} words, "
          f"median of {RUNS} runs (baseline) and {COMPARE_RUNS} runs (compare, clean)")
    result = nt.compare(original, copy)
    print(f"compare: relation {result.relation}, score {result.score:.3f}, "
          f"{len(result.edits)} edits, {len(result.shared_passages)} shared passages")
    baseline = median_ms(lambda: naive_difflib(original, copy))
    cleaning = median_ms(lambda: (clean(original), clean(copy)), COMPARE_RUNS, cold=True)
    compared = median_ms(lambda: nt.compare(original, copy), COMPARE_RUNS, cold=True)
    cpu = median_ms(lambda: nt.compare(original, copy), COMPARE_RUNS, cold=True, clock=time.process_time)
    warm = median_ms(lambda: nt.compare(original, copy), COMPARE_RUNS)
    print(f"baseline naive difflib paragraph x paragraph: {baseline:8.1f} ms  (1.00)")
    print(f"nt.compare, cold (cleaning both texts included): {compared:5.1f} ms  "
          f"({compared / baseline:.3f} of baseline, {baseline / compared:.1f}x faster)")
    print(f"  of which clean() of both texts, cold:       {cleaning:8.1f} ms  "
          f"({cleaning / compared:.0%} of compare)")
    print(f"  CPU time of this process, cold:             {cpu:8.1f} ms")
    print(f"nt.compare, warm (same texts again):          {warm:8.1f} ms  "
          f"({warm / baseline:.3f} of baseline, {baseline / warm:.1f}x faster)")
    print(f"target: under 50 ms for compare -> cold {compared:.0f} ms, warm {warm:.0f} ms")


if __name__ == "__main__":
    main()
