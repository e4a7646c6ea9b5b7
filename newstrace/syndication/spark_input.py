"""The Spark engine's session and input: articles as a Spark DataFrame of id and text, checked.

Articles come from a mapping or pandas Series of id -> text (as for the local engine), a folder of
.txt files (read by `newstrace.data.read_folder`, with its checks, or by Spark for a folder in object
storage such as `s3a://bucket/articles/`), a Parquet or JSON-lines file (or folder of parts) with
`id` and `text` columns, or an existing Spark DataFrame with those columns.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import pandas as pd
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from newstrace.data import as_texts, read_folder
from newstrace.errors import ArticleError

TABLE_FORMATS = {".parquet": "parquet", ".jsonl": "json", ".ndjson": "json", ".json": "json"}
"""File endings read as a table of articles (id and text columns), and the Spark format of each."""

LOCAL_SETTINGS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.log.level": "ERROR",
    "spark.sql.shuffle.partitions": str(4 * (os.cpu_count() or 1)),
}
"""Settings of the local session find_copies starts when no Spark session is running: quiet, no web UI."""

JAVA_MISSING = ("engine='spark' needs Java 17 or later and found none: run scripts/system-deps.sh "
                "(Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
"""The one-line message when no Java is found to start a local Spark."""


def spark_session(spark: SparkSession | None = None) -> SparkSession:
    """Return spark, else the running session (spark-submit's too), else a new local one on every core."""
    if spark is not None:
        return spark
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if "PYSPARK_GATEWAY_PORT" in os.environ:  # started by spark-submit: its master and settings apply
        return SparkSession.builder.getOrCreate()
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise FileNotFoundError(JAVA_MISSING)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this Python, which has newstrace
    builder = SparkSession.builder.master("local[*]").appName("newstrace find_copies")
    for key, value in LOCAL_SETTINGS.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def articles_frame(
    source: Mapping[str, str] | pd.Series | str | os.PathLike | DataFrame, spark: SparkSession,
    pattern: str = "*.txt",
) -> DataFrame:
    """Return the articles of source as a Spark DataFrame with string columns id and text, checked.

    Texts read in this process are checked as they are read (as_texts, read_folder); tables and
    DataFrames are checked by Spark (checked_articles).
    """
    if isinstance(source, DataFrame):
        return checked_articles(source)
    if not isinstance(source, (str, os.PathLike)):
        return from_texts(as_texts(source), spark)
    path = os.fspath(source)
    suffix = PurePosixPath(path.rstrip("/")).suffix.lower()
    if suffix in TABLE_FORMATS:
        if not _is_remote(path) and not Path(path).exists():
            raise ArticleError(f"{path} does not exist: check the file name and folder")
        return checked_articles(spark.read.format(TABLE_FORMATS[suffix]).load(path))
    if _is_remote(path):
        return checked_articles(_read_remote_folder(path, spark, pattern))
    if Path(path).is_file():
        raise ArticleError(f"{path} is a file of unknown kind: give a folder of .txt articles, "
                           f"or a table ending in {', '.join(TABLE_FORMATS)} with id and text columns")
    return from_texts(read_folder(path, pattern), spark)


def from_texts(texts: Mapping[str, str], spark: SparkSession) -> DataFrame:
    """Return a Spark DataFrame of id and text from a mapping of id -> text (sent through Arrow)."""
    table = pa.table({"id": pa.array(list(texts), pa.string()),
                      "text": pa.array(list(texts.values()), pa.string())})
    return spark.createDataFrame(table)


def _is_remote(path: str) -> bool:
    """Return True for a URL Spark reads itself (s3a://, hdfs://, gs://, file://, ...), not a plain path."""
    return "://" in path


def _read_remote_folder(url: str, spark: SparkSession, pattern: str) -> DataFrame:
    """Return id (file name without extension) and text of the files matching pattern in a folder URL."""
    files = spark.read.text(url, wholetext=True, pathGlobFilter=pattern)  # one row per file
    stem = F.regexp_replace(F.col("_metadata.file_name"), r"\.[^.]*$", "")
    return files.select(stem.alias("id"), F.col("value").alias("text"))


def checked_articles(frame: DataFrame) -> DataFrame:
    """Return frame's id (as string) and text columns, or raise naming what is wrong with them.

    One Spark job checks that every article has an id and a text and that no id is repeated.
    """
    missing = [name for name in ("id", "text") if name not in frame.columns]
    if missing:
        raise ValueError(f"the articles need columns id and text; missing {', '.join(missing)} "
                         f"(columns: {', '.join(frame.columns) or 'none'})")
    text_type = frame.schema["text"].dataType.simpleString()
    if text_type != "string":
        raise TypeError(f"column text is {text_type}, expected string: pass article text")
    articles = frame.select(F.col("id").cast("string").alias("id"), "text")
    problems = (articles.groupBy("id")
                .agg(F.count(F.lit(1)).alias("copies"), F.count("text").alias("texts"))
                .where("id IS NULL OR copies > 1 OR texts < copies").limit(3).collect())
    if any(row["id"] is None for row in problems):
        raise ValueError("an article has no id: give every article an id")
    repeated = [row["id"] for row in problems if row["copies"] > 1]
    if repeated:
        raise ValueError(f"text ids must be unique; repeated: {repeated}")
    if problems:
        raise TypeError(f"text {problems[0]['id']!r} is missing (null), expected str: pass article text")
    return articles
