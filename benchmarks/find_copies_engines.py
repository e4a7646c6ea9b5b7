"""The Spark engine of find_copies against the local engine, in the same run: `bench_find_copies.py --engine spark`.

For each corpus size (default 10,000, 50,000 and 200,000 seeded synthetic articles) two child
processes each generate the same corpus (nt.synthetic_corpus, seed 7) and run one engine with
method "sampled":
- local: nt.find_copies in the child process (wall and CPU seconds);
- spark: nt.find_copies(engine="spark") on the local Spark session it would start itself (every
  core, `spark_input.LOCAL_SETTINGS`) with `--driver-memory` for the JVM; wall seconds of the session's start-up and of the pipeline (signatures, candidates, verify).
Peak memory is the largest sum of resident memory over the child and all its descendants (for
Spark: the Python driver, the JVM and the Python workers), sampled every 0.2 s with psutil.
The parent checks that both engines found the same pairs, and prints recall per engine and how
time grows with size. Ratios and growth come from the same run; nothing is pass/fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SEED = 7


class PeakMemory:
    """Sample the resident memory of this process and its descendants until stopped; keep the peak."""

    def __init__(self, every: float = 0.2) -> None:
        """Start sampling in a daemon thread."""
        import psutil

        self.process, self.every, self.peak = psutil.Process(), every, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def total(self) -> int:
        """Return the summed RSS of the process tree, in bytes."""
        import psutil

        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def sample(self) -> None:
        """Record the peak until stop() is called."""
        while not self.done.is_set():
            self.peak = max(self.peak, self.total())
            self.done.wait(self.every)

    def stop(self) -> float:
        """Stop sampling and return the peak in MB."""
        self.peak = max(self.peak, self.total())
        self.done.set()
        self.thread.join()
        return self.peak / 2**20


def local_session(driver_memory: str):
    """Return the local session find_copies would start itself (every core, no UI), with more memory."""
    from pyspark.sql import SparkSession

    from newstrace.syndication.spark_input import LOCAL_SETTINGS

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master("local[*]").config("spark.driver.memory", driver_memory)
    for key, value in LOCAL_SETTINGS.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def run_engine(n: int, engine: str, pairs_file: str, driver_memory: str) -> dict:
    """Run one engine on one corpus size; write its pairs to pairs_file and return the figures."""
    import newstrace as nt
    from bench_find_copies import recall_by_kind

    texts, truth = nt.synthetic_corpus(n, seed=SEED)
    memory = PeakMemory()
    result: dict = {"n": n, "engine": engine, "true_pairs": int(truth["derived"].sum())}
    stages: dict[str, float] = {}
    start, cpu = time.perf_counter(), time.process_time()
    if engine == "spark":
        session = local_session(driver_memory)
        result["startup_s"] = time.perf_counter() - start
        start = time.perf_counter()
        table = nt.find_copies(texts, method="sampled", engine="spark", spark=session, timings=stages)
    else:
        table = nt.find_copies(texts, method="sampled", timings=stages)
    result["wall_s"] = time.perf_counter() - start
    result["cpu_s"] = time.process_time() - cpu
    result["peak_mb"] = memory.stop()
    result["stages"] = stages
    found = {frozenset(pair) for pair in zip(table["a"], table["b"])}
    result["found_pairs"] = len(found)
    result["recall"] = recall_by_kind(found, truth)["all derived"]
    Path(pairs_file).write_text(json.dumps(sorted(sorted(pair) for pair in found)))
    return result


def child(n: int, engine: str, driver_memory: str) -> tuple[dict, set[tuple[str, str]]]:
    """Run one engine and size in a fresh process; return its figures and pairs."""
    with tempfile.TemporaryDirectory() as folder:
        pairs_file = str(Path(folder) / "pairs.json")
        command = [sys.executable, str(Path(__file__).with_name("bench_find_copies.py")),
                   "--one-size", str(n), "--run-engine", engine, "--pairs-file", pairs_file,
                   "--driver-memory", driver_memory]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode:
            sys.exit(f"the {n:,}-article {engine} run failed:\n{finished.stderr[-3000:]}")
        pairs = {tuple(pair) for pair in json.loads(Path(pairs_file).read_text())}
    return json.loads(finished.stdout.strip().splitlines()[-1]), pairs


def report(rows: list[tuple[dict, dict, bool]]) -> None:
    """Print both engines' figures per size, then growth with size."""
    print(f"{'articles':>9} {'local':>8} {'local MB':>9} {'spark':>8} {'+start':>7} {'spark MB':>9} "
          f"{'spark/local':>11} {'same pairs':>10} {'recall':>7} {'spark s/1k':>10}")
    for local, spark, same in rows:
        print(f"{local['n']:>9,} {local['wall_s']:>7.1f}s {local['peak_mb']:>9,.0f} "
              f"{spark['wall_s']:>7.1f}s {spark['startup_s']:>6.1f}s {spark['peak_mb']:>9,.0f} "
              f"{spark['wall_s'] / local['wall_s']:>10.2f}x {'yes' if same else 'NO':>10} "
              f"{spark['recall']:>7.1%} {spark['wall_s'] / local['n'] * 1000:>10.2f}")
    print()
    for local, spark, _ in rows:
        stages = ", ".join(f"{k} {v:,.1f}" for k, v in spark["stages"].items())
        print(f"{local['n']:,}: local CPU {local['cpu_s']:.1f}s, {local['found_pairs']:,} pairs, "
              f"recall {local['recall']:.1%}; spark stages (wall s, candidate pairs): {stages}")
    for (first, first_spark, _), (last, last_spark, _) in zip(rows, rows[1:]):
        size = last["n"] / first["n"]
        print(f"growth {first['n']:,} -> {last['n']:,} (x{size:.0f} articles): "
              f"local time x{last['wall_s'] / first['wall_s']:.1f}, "
              f"spark time x{last_spark['wall_s'] / first_spark['wall_s']:.1f} (x{size:.0f} = linear)")


def main(sizes: list[int], driver_memory: str) -> None:
    """Run both engines at every size and print the comparison."""
    print(f"find_copies, local engine vs Spark engine (local[*], {os.cpu_count()} cores, driver memory "
          f"{driver_memory}) on synthetic corpora (seed {SEED}, method 'sampled'); wall seconds")
    rows = []
    for n in sizes:
        local, local_pairs = child(n, "local", driver_memory)
        spark, spark_pairs = child(n, "spark", driver_memory)
        rows.append((local, spark, local_pairs == spark_pairs))
        print(f"  {n:,} articles done: local {local['wall_s']:.1f}s, spark {spark['wall_s']:.1f}s "
              f"(+{spark['startup_s']:.1f}s start-up), same pairs: {local_pairs == spark_pairs}", flush=True)
    report(rows)
