"""Shared fixtures: the case texts and a temporary folder for bad files."""

from __future__ import annotations

import pandas as pd
import pytest

import newstrace as nt


@pytest.fixture(scope="session")
def case() -> pd.DataFrame:
    """Return the three case articles as loaded by nt.articles()."""
    return nt.articles()


@pytest.fixture(scope="session")
def full_text(case: pd.DataFrame) -> str:
    """Return the full text of the story."""
    return case.loc["full-text", "text"]


@pytest.fixture(scope="session")
def short_copy(case: pd.DataFrame) -> str:
    """Return the short page copy."""
    return case.loc["short-copy", "text"]


@pytest.fixture(scope="session")
def re_report(case: pd.DataFrame) -> str:
    """Return the re-report page capture."""
    return case.loc["re-report", "text"]


SLOW = (
    "grading/test_grading.py",  # grades a hostile class twice (over half the suite's time)
    "grading/test_grading_speed.py",
    "course/",  # builds lessons, slides and handouts
    "test_lessons_execute.py",
    "test_notebooks.py",
    "test_assignments.py",
    "widgets/test_browser_widgets.py",
    "syndication/test_spark_engine.py",  # starts a JVM (Spark in local mode)
)
"""Test files that run notebooks, kernels, browsers or a JVM; `pytest -m "not slow"` leaves them out."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests of the SLOW files as slow (the marker is registered in pyproject.toml)."""
    for item in items:
        path = item.path.as_posix()
        if any(f"/tests/{part}" in path for part in SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def spark():
    """Return one small local Spark session (2 cores, no UI, few shuffle partitions) for every Spark test."""
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newstrace[spark]' (make test installs it)")
    import os
    import shutil
    import sys
    import warnings

    from pyspark.sql import SparkSession

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Java is missing in CI: scripts/system-deps.sh should have installed openjdk-17-jre-headless")
        pytest.skip("no Java for Spark: run scripts/system-deps.sh as root (installs openjdk-17-jre-headless)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    with warnings.catch_warnings():  # PySpark 4 warns about pandas 3 once; the engine never converts through pandas
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        session = (SparkSession.builder.master("local[2]").appName("newstrace tests")
                   .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "4").config("spark.default.parallelism", "2")
                   .config("spark.log.level", "ERROR").getOrCreate())
    yield session
    session.stop()
