"""Time building each exercise widget and one threshold-lab update, against loading the case (same run)."""

from __future__ import annotations

from collections.abc import Callable

import newstrace as nt
from newstrace import widgets as ntw
from timing import median_seconds  # benchmarks/timing.py (the script folder is on sys.path)

REPEATS = 3


def lab_update(lab: ntw.ThresholdLab) -> Callable[[], None]:
    """Return a function that moves the lab's shingle size to a value not yet cached, then back."""
    sizes = iter(range(1, 10_000))

    def move() -> None:
        """Move the shingle size slider to a fresh size: scores and plot are recomputed."""
        lab._scores.cache_clear()
        lab.k.value = 3 + next(sizes) % 2
    return move


def main() -> None:
    """Print each widget's build time and its ratio to nt.articles() in the same run."""
    baseline = median_seconds(nt.articles, REPEATS)
    print(f"baseline: nt.articles() (read the three case texts): {baseline * 1000:.0f} ms")
    lab = ntw.ThresholdLab()
    cases = {
        "SpotTheClutter('re-report')": lambda: ntw.SpotTheClutter("re-report"),
        "SortTheSources('full-text', limit=None)": lambda: ntw.SortTheSources("full-text", limit=None),
        "FindTheQuotes('full-text', count=8)": lambda: ntw.FindTheQuotes("full-text", count=8),
        "DiffViewer() (full text against short copy)": ntw.DiffViewer,
        "ThresholdLab() (corpus, scores and plot)": ntw.ThresholdLab,
        "ThresholdLab slider move (new shingle size)": lab_update(lab),
        "ThresholdLab threshold move (cached scores)": lambda: setattr(
            lab.threshold, "value", 0.55 if lab.threshold.value != 0.55 else 0.45),
    }
    for name, function in cases.items():
        seconds = median_seconds(function, REPEATS)
        print(f"{name}: {seconds * 1000:.0f} ms ({seconds / baseline:.1f}x baseline)")


if __name__ == "__main__":
    main()
