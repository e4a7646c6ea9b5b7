"""`find_copies` on Apache Spark: the same three steps as the local engine, spread over a cluster.

1. **Signatures**, per partition (`mapInArrow`): each article's shingle hashes and MinHash by the
   local engine's own `newstrace.syndication.signatures.signatures`, and its LSH band keys: the
   slices of the MinHash that datasketch's `MinHashLSH` would file it under
   (`candidates.lsh_band_ranges`).
2. **Candidates**, by joins and groupings: two articles sharing a band key are a near-duplicate
   candidate (the MinHashLSH rule); the sampled containment index is the local
   `candidates.sampled_pairs` written as a grouping by shingle (its frequency), a window (each
   article's ANCHORS rarest shared shingles) and a count of shared anchors per pair; its proposals
   keep only pairs where one article holds containment_threshold of the other's shingle hashes
   (exact, `array_intersect`). Pairs are de-duplicated and labelled lsh, containment or both.
3. **Verification** inside the executors (`mapInArrow`): every candidate, with both texts, goes
   through `copy_search.verify` (the rules of `compare`) and `copy_search.copy_rows`.

Spark does the distribution, shuffles and retries; this module only supplies the per-partition
functions and the joins. The result equals the local engine's on the same articles and settings.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pyspark.errors import AnalysisException
from pyspark.sql import Column, DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from newstrace.syndication.candidates import (
    ALL_PAIRS_MAX_TEXTS,
    ANCHORS,
    MAX_POSTINGS,
    MIN_SHARED,
    SAMPLE_EVERY,
    lsh_band_ranges,
    ordered,
)
from newstrace.syndication.copy_search import COLUMNS, CopySettings, copy_rows, copy_table, verify
from newstrace.syndication.signatures import Signature, signatures
from newstrace.syndication.spark_input import articles_frame, spark_session

SIGNATURE_SCHEMA = pa.schema([("id", pa.string()), ("size", pa.int32()),
                              ("hashes", pa.list_(pa.int64())), ("bands", pa.list_(pa.binary()))])
"""One row per article with at least one word: shingle-hash count, sorted hashes, LSH band keys."""

RESULT_SCHEMA = pa.schema([("a", pa.string()), ("b", pa.string()), ("score", pa.float64()),
                           ("relation", pa.string()), ("containment", pa.float64()),
                           ("jaccard", pa.float64()), ("found_by", pa.string())])
"""find_copies' columns (copy_search.COLUMNS) with their types."""


def _ddl(schema: pa.Schema) -> str:
    """Return a Spark DDL string for an Arrow schema of strings, ints, floats and lists of them."""
    names = {pa.string(): "string", pa.int32(): "int", pa.int64(): "bigint", pa.float64(): "double",
             pa.binary(): "binary"}
    kinds = [f"{field.name} array<{names[field.type.value_type]}>" if pa.types.is_list(field.type)
             else f"{field.name} {names[field.type]}" for field in schema]
    return ", ".join(kinds)


def signature_batch(sigs: list[Signature], band_ranges: list[tuple[int, int]]) -> pa.RecordBatch:
    """Return the Arrow rows (SIGNATURE_SCHEMA) of signatures, with their MinHash band keys."""
    sizes = np.array([sig.size for sig in sigs], dtype=np.int32)
    offsets = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]).astype(np.int32)
    values = (np.concatenate([sig.hashes for sig in sigs]) if sigs else np.empty(0)).astype(np.int64)
    bands = [[sig.minhash.hashvalues[start:end].tobytes() for start, end in band_ranges] for sig in sigs]
    return pa.RecordBatch.from_arrays(
        [pa.array([sig.key for sig in sigs], pa.string()), pa.array(sizes),
         pa.ListArray.from_arrays(pa.array(offsets), pa.array(values)),
         pa.array(bands, pa.list_(pa.binary()))],
        schema=SIGNATURE_SCHEMA)


def signature_batches(
    batches: Iterator[pa.RecordBatch], settings: CopySettings, band_ranges: list[tuple[int, int]],
) -> Iterator[pa.RecordBatch]:
    """Yield the signature rows of each batch of articles (runs in the executors)."""
    for batch in batches:
        texts = dict(zip(batch.column("id").to_pylist(), batch.column("text").to_pylist()))
        sigs = signatures(texts, settings.shingle_size, settings.num_perm, settings.seed)
        yield signature_batch(sigs, band_ranges)


def signature_frame(articles: DataFrame, settings: CopySettings) -> DataFrame:
    """Return id, size, hashes and bands of every article with at least one word."""
    ranges = lsh_band_ranges(settings.jaccard_threshold, settings.num_perm)
    return articles.mapInArrow(partial(signature_batches, settings=settings, band_ranges=ranges),
                               _ddl(SIGNATURE_SCHEMA))


def _pair_columns(first: str, second: str) -> list[Column]:
    """Return the two id columns as a (smaller, larger) pair named a and b."""
    return [F.least(first, second).alias("a"), F.greatest(first, second).alias("b")]


def lsh_candidates(sigs: DataFrame) -> DataFrame:
    """Return the distinct pairs (a < b) that share a band key: MinHashLSH's near-duplicates."""
    bands = sigs.select("id", F.posexplode("bands").alias("band", "key"))
    other = bands.select("band", "key", F.col("id").alias("other"))
    return (bands.join(other, ["band", "key"]).where(F.col("id") < F.col("other"))
            .select(F.col("id").alias("a"), F.col("other").alias("b")).distinct())


def sampled_candidates(sigs: DataFrame) -> DataFrame:
    """Return the pairs the sampled containment index proposes (candidates.sampled_pairs' rules)."""
    sampled = sigs.select("id", F.explode(F.filter("hashes", lambda h: h % SAMPLE_EVERY == 0))
                          .alias("shingle"))
    frequency = (sampled.groupBy("shingle").agg(F.count(F.lit(1)).alias("frequency"))
                 .where((F.col("frequency") > 1) & (F.col("frequency") <= MAX_POSTINGS)))
    shared = sampled.join(frequency, "shingle")
    rarest = F.row_number().over(Window.partitionBy("id").orderBy("frequency", "shingle"))
    anchors = shared.withColumn("rank", rarest).where(F.col("rank") <= ANCHORS).select("id", "shingle")
    partners = anchors.join(shared.select("shingle", F.col("id").alias("other")), "shingle")
    counts = (partners.where(F.col("id") != F.col("other")).groupBy("id", "other")
              .agg(F.count(F.lit(1)).alias("anchors")))
    return counts.where(F.col("anchors") >= MIN_SHARED).select(*_pair_columns("id", "other")).distinct()


def containment_checked(pairs: DataFrame, sigs: DataFrame, threshold: float) -> DataFrame:
    """Return the pairs where one text holds at least threshold of the other's shingle hashes."""
    first = sigs.select(F.col("id").alias("a"), F.col("hashes").alias("hashes_a"),
                        F.col("size").alias("size_a"))
    second = sigs.select(F.col("id").alias("b"), F.col("hashes").alias("hashes_b"),
                         F.col("size").alias("size_b"))
    common = F.size(F.array_intersect("hashes_a", "hashes_b"))
    share = F.greatest(common / F.col("size_a"), common / F.col("size_b"))
    return pairs.join(first, "a").join(second, "b").where(share >= threshold).select("a", "b")


def candidate_frame(sigs: DataFrame, texts: int, settings: CopySettings) -> DataFrame:
    """Return a, b (a < b) and found_by of every candidate pair (candidates.candidate_pairs' rules)."""
    method = settings.method
    if method == "auto":
        method = "all-pairs" if texts <= ALL_PAIRS_MAX_TEXTS else "sampled"
    if method == "all-pairs":
        ids = sigs.select("id")
        return (ids.select(F.col("id").alias("a")).crossJoin(ids.select(F.col("id").alias("b")))
                .where(F.col("a") < F.col("b")).withColumn("found_by", F.lit("all-pairs")))
    near = lsh_candidates(sigs).withColumn("near", F.lit(True))
    held = (containment_checked(sampled_candidates(sigs), sigs, settings.containment_threshold)
            .withColumn("held", F.lit(True)))
    joined = near.join(held, ["a", "b"], "full_outer")
    found_by = (F.when(F.col("near").isNotNull() & F.col("held").isNotNull(), "both")
                .when(F.col("near").isNotNull(), "lsh").otherwise("containment"))
    return joined.select("a", "b", found_by.alias("found_by"))


def verify_batches(batches: Iterator[pa.RecordBatch], settings: CopySettings) -> Iterator[pa.RecordBatch]:
    """Yield the rows of COLUMNS for each batch of candidate pairs with their texts (runs in the executors)."""
    for batch in batches:
        rows = batch.to_pydict()
        pairs = [ordered(a, b) for a, b in zip(rows["a"], rows["b"])]
        texts = dict(zip(rows["a"], rows["text_a"])) | dict(zip(rows["b"], rows["text_b"]))
        sizes = dict(zip(rows["a"], rows["size_a"])) | dict(zip(rows["b"], rows["size_b"]))
        found = copy_rows(verify(pairs, texts, sizes, settings.shingle_size),
                          dict(zip(pairs, rows["found_by"])), settings.threshold)
        yield pa.RecordBatch.from_pylist([dict(zip(COLUMNS, row)) for row in found], schema=RESULT_SCHEMA)


def verified_frame(
    candidates: DataFrame, articles: DataFrame, sigs: DataFrame, settings: CopySettings,
) -> DataFrame:
    """Return the rows of COLUMNS for the candidate pairs that compare confirms."""
    sized = articles.join(sigs.select("id", "size"), "id")
    first = sized.select(F.col("id").alias("a"), F.col("text").alias("text_a"), F.col("size").alias("size_a"))
    second = sized.select(F.col("id").alias("b"), F.col("text").alias("text_b"), F.col("size").alias("size_b"))
    with_texts = candidates.join(first, "a").join(second, "b")
    return with_texts.mapInArrow(partial(verify_batches, settings=settings), _ddl(RESULT_SCHEMA))


def _output_taken(output: str) -> FileExistsError:
    """Return the error for an output path that already exists."""
    return FileExistsError(f"{output} already exists: choose a new output path (nothing was overwritten)")


def check_output_is_free(output: str | os.PathLike | None) -> None:
    """Raise FileExistsError before any work if a local output path exists (Spark checks URLs when writing)."""
    if output is not None and "://" not in os.fspath(output) and Path(output).exists():
        raise _output_taken(os.fspath(output))


def write_table(result: DataFrame, output: str) -> DataFrame:
    """Write result to output as Parquet, best score first, and return it read back; never overwrite."""
    try:
        result.orderBy(F.desc("score"), "a", "b").write.mode("errorifexists").parquet(output)
    except AnalysisException as err:
        if err.getCondition() == "PATH_ALREADY_EXISTS":
            raise _output_taken(output) from None
        raise
    return result.sparkSession.read.parquet(output)


def find_copies_on_spark(
    texts: Mapping[str, str] | pd.Series | str | os.PathLike | DataFrame, settings: CopySettings, *,
    output: str | os.PathLike | None = None, spark: SparkSession | None = None,
    partitions: int | None = None, timings: dict[str, float] | None = None,
) -> pd.DataFrame | DataFrame:
    """Return find_copies' table computed on Spark (see corpus.find_copies for the arguments)."""
    if settings.method == "ensemble":
        raise ValueError("method='ensemble' runs on the local engine only; the Spark engine "
                         "proposes pairs with 'sampled' (or 'all-pairs')")
    if partitions is not None and (isinstance(partitions, bool) or not isinstance(partitions, int)
                                   or partitions < 1):
        raise ValueError(f"partitions must be a whole number of at least 1, got {partitions!r}")
    check_output_is_free(output)
    with warnings.catch_warnings():
        # Data goes to and from Spark as Arrow batches and Python rows, never through PySpark's
        # pandas conversions, which is what this warning (PySpark 4 with pandas 3) is about.
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        articles = articles_frame(texts, spark_session(spark))
        if partitions:
            articles = articles.repartition(partitions)
        return _run_stages(articles, settings, output, {} if timings is None else timings)


def _run_stages(
    articles: DataFrame, settings: CopySettings, output: str | os.PathLike | None,
    record: dict[str, float],
) -> pd.DataFrame | DataFrame:
    """Return the table of the three stages, recording the wall seconds of each (signature and candidate tables cached)."""
    clock = time.perf_counter()
    sigs = signature_frame(articles, settings).cache()
    candidates = None
    try:
        count = sigs.count()
        record["signatures"], clock = time.perf_counter() - clock, time.perf_counter()
        candidates = candidate_frame(sigs, count, settings).cache()
        record["candidate_pairs"] = candidates.count()
        record["candidates"], clock = time.perf_counter() - clock, time.perf_counter()
        result = verified_frame(candidates, articles, sigs, settings)
        if output is not None:
            table = write_table(result, os.fspath(output))
        else:
            table = copy_table([tuple(row) for row in result.collect()])
        record["verify"] = time.perf_counter() - clock
        return table
    finally:
        sigs.unpersist()
        if candidates is not None:
            candidates.unpersist()
