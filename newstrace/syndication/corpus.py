"""Find copies in a corpus of thousands of articles: MinHash candidates, verified by `compare`.

`find_copies(texts)` works in three steps:

1. Every text becomes the set of its k-word shingles, hashed, and a datasketch `MinHash`
   (`newstrace.syndication.signatures`).
2. Two datasketch indexes propose candidate pairs (`newstrace.syndication.candidates`):
   `MinHashLSH` finds near-duplicates (Jaccard similarity of at least `jaccard_threshold`), and a
   sampled-shingle index finds texts that contain most of another (containment of at least
   `containment_threshold`), which is how a trimmed copy, a copy inside page clutter or a rewrite
   that lifts quotes is found even when the two sets differ a lot in size.
3. Every candidate pair is verified with `newstrace.syndication.comparison.compare` (both texts
   cleaned first; `newstrace.syndication.copy_search.verify`); pairs whose relation is not
   "unrelated" and whose score reaches `threshold` are kept.

Small corpora (`method="auto"`, at most ALL_PAIRS_MAX_TEXTS texts) skip step 2 and compare every
pair: exact, and cheap at that size. `method="ensemble"` uses datasketch's MinHashLSHEnsemble
for step 2 instead of the sampled index; it is kept for comparison (see the benchmark: its false
candidates grow with the square of the corpus size when sets differ much in size).

`engine="spark"` runs the same three steps on Apache Spark (`newstrace.syndication.spark_engine`,
the `[spark]` extra), for archives of millions of articles; it finds the same pairs.

MinHash and LSH are estimates: a pair far above the thresholds is found with near certainty, a pair
just above them may be missed, and `benchmarks/bench_find_copies.py` measures how often.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

import pandas as pd

from newstrace.data import as_texts
from newstrace.syndication.candidates import candidate_pairs
from newstrace.syndication.copy_search import CopySettings, copy_rows, copy_table, verify
from newstrace.syndication.signatures import signatures
from newstrace.text.shingling import DEFAULT_SHINGLE_SIZE

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_T = TypeVar("_T")

ENGINES = ("local", "spark")
"""Where find_copies runs: in this process, or on Apache Spark."""

SPARK_PACKAGES = ("pyspark", "pyarrow", "py4j")
"""What the [spark] extra installs."""

SPARK_MISSING = ("engine='spark' needs pyspark: pip install 'newstrace[spark]' "
                 "(and Java 17 or later: scripts/system-deps.sh)")
"""The one-line message when the Spark engine is asked for without pyspark installed."""


class _Stopwatch:
    """Record the CPU seconds of named stages into an optional dict."""

    def __init__(self, record: dict[str, float] | None) -> None:
        """Record into record, or nowhere if it is None."""
        self.record = record

    def stage(self, name: str, function: Callable[..., _T], *args: object) -> _T:
        """Return function(*args), recording its CPU time under name."""
        start = time.process_time()
        result = function(*args)
        self.note(name, time.process_time() - start)
        return result

    def note(self, name: str, value: float) -> None:
        """Record one value under name, if recording."""
        if self.record is not None:
            self.record[name] = value


def find_copies(
    texts: Mapping[str, str] | pd.Series | str | os.PathLike | DataFrame,
    threshold: float = 0.3,
    *,
    shingle_size: int = DEFAULT_SHINGLE_SIZE,
    num_perm: int = 128,
    jaccard_threshold: float = 0.5,
    containment_threshold: float = 0.2,
    method: str = "auto",
    seed: int = 1,
    timings: dict[str, float] | None = None,
    engine: str = "local",
    output: str | os.PathLike | None = None,
    spark: SparkSession | None = None,
    partitions: int | None = None,
) -> pd.DataFrame | DataFrame:
    """Return one row per pair of texts where one derives from the other, best score first.

    Columns: a (the text with more shingles, passed to compare as the original; not a claim
    that it came first: see nt.lineage), b, score, relation, containment and jaccard (from
    compare), found_by ("lsh", "containment", "both" or "all-pairs"). A pair is listed when
    compare finds a relation other than "unrelated" with a score of at least threshold.
    method: "sampled" (MinHashLSH plus a sampled-shingle containment index), "ensemble"
    (MinHashLSH plus datasketch's MinHashLSHEnsemble; local engine only), "all-pairs" (compare
    every pair) or "auto" (all-pairs for at most ALL_PAIRS_MAX_TEXTS texts, else sampled).
    timings: pass a dict to receive the seconds of each stage (signatures, candidates, verify;
    CPU seconds locally, wall seconds on Spark) and the number of candidate pairs.
    engine: "local" (this process) or "spark" (Apache Spark, `pip install 'newstrace[spark]'`).
    The Spark engine also reads a folder of .txt files, a Parquet or JSON-lines file with id and
    text columns, or a Spark DataFrame; it uses the given SparkSession `spark`, else the active
    one, else starts a local one. `partitions` spreads the input over that many Spark partitions;
    with `output` (a path or URL) the table is written there as Parquet and returned as a Spark
    DataFrame read from it, instead of a pandas table.
    """
    settings = CopySettings(threshold, shingle_size, num_perm, jaccard_threshold,
                            containment_threshold, method, seed)
    if engine == "spark":
        try:
            from newstrace.syndication.spark_engine import find_copies_on_spark  # lazy: pyspark only for engine="spark" (the [spark] extra)
        except ModuleNotFoundError as err:
            if (err.name or "").split(".")[0] in SPARK_PACKAGES:
                raise ModuleNotFoundError(SPARK_MISSING) from None
            raise
        return find_copies_on_spark(texts, settings, output=output, spark=spark,
                                    partitions=partitions, timings=timings)
    if engine != "local":
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}; got {engine!r}")
    spark_only = [name for name, value in (("output", output), ("spark", spark),
                                           ("partitions", partitions)) if value is not None]
    if spark_only:
        raise ValueError(f"{', '.join(spark_only)} only work with engine='spark'")
    return _find_copies_locally(as_texts(texts), settings, timings)


def _find_copies_locally(
    texts: dict[str, str], settings: CopySettings, timings: dict[str, float] | None,
) -> pd.DataFrame:
    """Return find_copies' table computed in this process."""
    clock = _Stopwatch(timings)
    sigs = clock.stage("signatures", signatures, texts, settings.shingle_size, settings.num_perm,
                       settings.seed)
    found = clock.stage("candidates", candidate_pairs, sigs, settings.jaccard_threshold,
                        settings.containment_threshold, settings.num_perm, settings.method)
    sizes = {sig.key: sig.size for sig in sigs}
    verified = clock.stage("verify", verify, sorted(found), texts, sizes, settings.shingle_size)
    clock.note("candidate_pairs", len(found))
    return copy_table(copy_rows(verified, found, settings.threshold))
