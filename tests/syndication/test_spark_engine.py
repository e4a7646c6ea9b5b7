"""find_copies on Apache Spark (engine="spark") finds what the local engine finds; pyspark stays optional."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

import newstrace as nt
from newstrace.syndication.copy_search import COLUMNS

spark_test = pytest.mark.spark


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, str], pd.DataFrame]:
    """Return a seeded synthetic corpus of 2,500 articles and its truth table."""
    return nt.synthetic_corpus(2500, seed=19)


@pytest.fixture(scope="module")
def small() -> dict[str, str]:
    """Return 60 seeded synthetic articles plus two texts without words."""
    texts, _ = nt.synthetic_corpus(60, seed=23)
    return {**texts, "blank": "   \n", "marks": "!!! ... ---"}


@pytest.fixture(scope="module")
def small_local(small) -> pd.DataFrame:
    """Return the local engine's table for the small corpus (index methods, not all-pairs)."""
    return nt.find_copies(small, method="sampled")


@spark_test
def test_spark_finds_exactly_the_pairs_of_the_local_engine(spark, corpus):
    texts, truth = corpus
    local = nt.find_copies(texts)
    timings: dict[str, float] = {}
    on_spark = nt.find_copies(texts, engine="spark", spark=spark, timings=timings)
    pd.testing.assert_frame_equal(on_spark, local)
    assert {"containment", "both"} <= set(local["found_by"])  # "both": the band-key join found it too
    assert len(local) >= 0.9 * truth["derived"].sum()
    assert timings["candidate_pairs"] >= len(local)
    assert {"signatures", "candidates", "verify"} <= set(timings)


@spark_test
def test_small_corpora_compare_every_pair_on_spark_too(spark, case):
    local = nt.find_copies(case["text"])
    on_spark = nt.find_copies(case["text"], engine="spark", spark=spark)
    pd.testing.assert_frame_equal(on_spark, local)
    assert set(on_spark["found_by"]) == {"all-pairs"} and len(on_spark) >= 2


@spark_test
def test_every_kind_of_input_gives_the_same_table(spark, small, small_local, tmp_path):
    assert not {"blank", "marks"} & (set(small_local["a"]) | set(small_local["b"]))
    folder = tmp_path / "articles"
    folder.mkdir()
    for key, text in small.items():
        if text.strip(" \n"):
            (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    rows = pd.DataFrame({"id": list(small), "text": list(small.values())})
    rows.to_json(tmp_path / "articles.jsonl", orient="records", lines=True)
    frame = spark.createDataFrame(pa.Table.from_pandas(rows, preserve_index=False))
    frame.write.parquet(str(tmp_path / "articles.parquet"))
    sources = [pd.Series(small), str(folder), folder.as_uri(), tmp_path / "articles.jsonl",
               str(tmp_path / "articles.parquet"), frame]  # a URL: Spark reads the files itself
    for source in sources:
        table = nt.find_copies(source, method="sampled", engine="spark", spark=spark, partitions=3)
        pd.testing.assert_frame_equal(table, small_local, obj=str(type(source)))


@spark_test
def test_large_runs_are_written_to_parquet_and_never_overwrite(spark, small, small_local, tmp_path):
    output = tmp_path / "pairs.parquet"
    written = nt.find_copies(small, method="sampled", engine="spark", spark=spark, output=output)
    assert written.columns == COLUMNS
    back = pd.read_parquet(output)
    pd.testing.assert_frame_equal(back.sort_values(["a", "b"], ignore_index=True),
                                  small_local.sort_values(["a", "b"], ignore_index=True), check_dtype=False)
    before = sorted(path.name for path in output.iterdir())
    for taken in (output, output.as_uri()):  # a path is checked before any work, a URL by Spark's writer
        with pytest.raises(FileExistsError, match="already exists"):
            nt.find_copies(small, engine="spark", spark=spark, output=taken)
    assert sorted(path.name for path in output.iterdir()) == before


@spark_test
@pytest.mark.parametrize(
    ("rows", "kwargs", "error", "message"),
    [
        ({"name": ["x"], "text": ["a"]}, {}, ValueError, "need columns id and text; missing id"),
        ({"id": ["x", "x"], "text": ["a", "b"]}, {}, ValueError, r"ids must be unique; repeated: \['x'\]"),
        ({"id": ["x", "y"], "text": ["a", None]}, {}, TypeError, "text 'y' is missing"),
        ({"id": ["x"], "text": ["a"]}, {"method": "ensemble"}, ValueError, "local engine only"),
        ({"id": ["x"], "text": ["a"]}, {"partitions": 0}, ValueError, "partitions"),
        ({"id": ["x"], "text": ["a"]}, {"threshold": 2}, ValueError, "threshold must be"),
    ],
)
def test_bad_spark_input_is_refused_with_a_clear_message(spark, rows, kwargs, error, message):
    frame = spark.createDataFrame(pa.table(rows))
    with pytest.raises(error, match=message):
        nt.find_copies(frame, engine="spark", spark=spark, **kwargs)


@spark_test
def test_missing_files_are_named(spark, tmp_path):
    with pytest.raises(nt.ArticleError, match="does not exist"):
        nt.find_copies(str(tmp_path / "nothing.parquet"), engine="spark", spark=spark)
    with pytest.raises(nt.ArticleError, match="is not a folder"):
        nt.find_copies(str(tmp_path / "nothing"), engine="spark", spark=spark)


@spark_test
def test_command_runs_on_spark_and_writes_parquet(spark, small, small_local, tmp_path, capsys):
    from newstrace.cli import main

    for key, text in small.items():
        if text.strip(" \n"):  # an empty file stops the command (tested with the local engine)
            (tmp_path / f"{key}.txt").write_text(text, encoding="utf-8")
    assert main(["find-copies", str(tmp_path), "--method", "sampled"]) == 0
    local_out = capsys.readouterr().out
    assert main(["find-copies", str(tmp_path), "--method", "sampled", "--engine", "spark"]) == 0
    assert capsys.readouterr().out == local_out
    output = tmp_path / "pairs.parquet"
    assert main(["find-copies", str(tmp_path), "--method", "sampled", "--engine", "spark",
                 "--output", str(output)]) == 0
    assert f"{len(small_local)} copy pair(s)" in capsys.readouterr().out
    assert len(pd.read_parquet(output)) == len(small_local)
    assert main(["find-copies", str(tmp_path), "--engine", "spark", "--output", str(output)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_spark_options_need_the_spark_engine(small, tmp_path, capsys):
    from newstrace.cli import main

    with pytest.raises(ValueError, match="output only work with engine='spark'"):
        nt.find_copies(small, output="pairs.parquet")
    with pytest.raises(ValueError, match="engine must be one of local, spark"):
        nt.find_copies(small, engine="dask")
    (tmp_path / "a.txt").write_text("One story.", encoding="utf-8")
    assert main(["find-copies", str(tmp_path), "--output", str(tmp_path / "x.parquet")]) == 2
    assert "need --engine spark" in capsys.readouterr().err


CHECK_IMPORTS = """
import json, sys
import newstrace as nt
from newstrace.cli import main
texts, _ = nt.synthetic_corpus(40, seed=2)
assert len(nt.find_copies(texts, method="sampled")) > 0
main(["find-copies", sys.argv[1]])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("pyspark", "py4j"))
sys.modules["pyspark"] = None  # as if the [spark] extra were not installed
try:
    nt.find_copies(texts, engine="spark")
except ModuleNotFoundError as err:
    message = str(err)
print(json.dumps({"loaded": loaded, "message": message}))
"""


def test_the_local_engine_never_imports_pyspark(tmp_path):
    (tmp_path / "a.txt").write_text("One story about a flood in the valley.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", CHECK_IMPORTS, str(tmp_path)], capture_output=True,
                         text=True, check=True)
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["loaded"] == []
    assert report["message"].startswith("engine='spark' needs pyspark: pip install 'newstrace[spark]'")


def test_without_java_the_spark_engine_says_how_to_install_it(monkeypatch):
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newstrace[spark]'")
    from pyspark.sql import SparkSession

    from newstrace.syndication import spark_input

    monkeypatch.setattr(SparkSession, "getActiveSession", classmethod(lambda cls: None))
    monkeypatch.setattr(spark_input.shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    with pytest.raises(FileNotFoundError, match="needs Java 17 or later.*system-deps.sh"):
        nt.find_copies({"a": "One story.", "b": "Another story."}, engine="spark")
