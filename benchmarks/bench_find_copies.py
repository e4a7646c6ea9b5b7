"""Benchmark nt.find_copies on synthetic corpora against raw datasketch and all-pairs comparison.

For each corpus size (default 2,000, 10,000 and 50,000 articles) a child process:
1. generates a seeded synthetic corpus (newstrace.syndication.synthetic, no downloaded data);
2. runs find_copies (method "sampled": MinHashLSH + sampled containment index, every candidate
   verified with compare; median of 3 runs at 2,000 articles or fewer) and records CPU time per stage, recall of the true pairs per kind,
   pairs across unrelated families, and peak memory (ru_maxrss) of the process so far;
3. runs raw datasketch with the same parameters (words -> 5-word shingles -> MinHash.bulk,
   num_perm=128 -> MinHashLSH threshold 0.5, no verification; median of as many runs) and its
   recall;
4. optionally runs method "ensemble" (datasketch MinHashLSHEnsemble) on small sizes;
5. estimates all-pairs comparison from a timed random sample of pairs (compare() per pair, and
   exact shingle-set containment per pair); at 2,000 articles the exact all-pairs containment
   scan is also run in full.
Prints ratios against the baselines from the same run; never pass/fail.

Usage: python benchmarks/bench_find_copies.py [--sizes 2000 10000 50000] [--copy-share 0.1]

With `--engine spark` it compares the Spark engine with the local engine instead (default sizes
10,000, 50,000 and 200,000; see benchmarks/find_copies_engines.py).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NUM_PERM = 128
LSH_THRESHOLD = 0.5
SEED = 7
COPY_KINDS = ("copy", "trimmed copy", "edited copy", "reordered")


def peak_mb() -> float:
    """Return this process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def recall(pairs: set[frozenset], truth, kinds: tuple[str, ...]) -> float:
    """Return the share of true pairs of the given kinds found in pairs."""
    known = truth[truth["kind"].isin(kinds)]
    if known.empty:
        return float("nan")
    return sum(frozenset(p) in pairs for p in zip(known["a"], known["b"])) / len(known)


def recall_by_kind(pairs: set[frozenset], truth) -> dict[str, float]:
    """Return recall per derived kind, plus 'copies' (the copy kinds) and 'all derived'."""
    derived = truth[truth["derived"]]
    out = {kind: recall(pairs, derived, (kind,)) for kind in sorted(set(derived["kind"]))}
    out["copies"] = recall(pairs, derived, COPY_KINDS)
    out["all derived"] = recall(pairs, derived, tuple(set(derived["kind"])))
    return out


def cross_family(pairs: set[frozenset], truth) -> int:
    """Return how many pairs join articles of different families (false pairs)."""
    from newstrace.syndication.synthetic import families

    base_of = families(truth)
    return sum(len({base_of.get(x, x) for x in pair}) > 1 for pair in pairs)


def raw_datasketch(texts: dict[str, str]) -> tuple[set[frozenset], float]:
    """Return (pairs, CPU seconds) of plain datasketch MinHash + MinHashLSH, no verification."""
    from datasketch import MinHash, MinHashLSH

    from newstrace.text.shingling import shingles
    from newstrace.text.tokenizer import words

    start = time.process_time()
    keys = list(texts)
    sets = [[" ".join(s).encode("utf-8") for s in shingles(words(texts[k]))] for k in keys]
    minhashes = MinHash.bulk(sets, num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for key, minhash in zip(keys, minhashes):
            session.insert(key, minhash)
    pairs = {frozenset((k, o)) for k, m in zip(keys, minhashes) for o in lsh.query(m) if o != k}
    return pairs, time.process_time() - start


def all_pairs_estimates(texts: dict[str, str], full_scan: bool) -> dict[str, float]:
    """Return per-pair costs of compare() and exact containment, and all-pairs estimates."""
    import numpy as np

    from newstrace.syndication.comparison import compare
    from newstrace.syndication.signatures import containment_both_ways, signatures

    keys = list(texts)
    n_pairs = len(keys) * (len(keys) - 1) / 2
    rng = random.Random(0)
    sample = [rng.sample(keys, 2) for _ in range(100)]
    start = time.process_time()
    for a, b in sample:
        compare(texts[a], texts[b])
    per_compare = (time.process_time() - start) / len(sample)
    sigs = signatures(texts if full_scan else {k: texts[k] for k in rng.sample(keys, 400)})
    index = [rng.sample(range(len(sigs)), 2) for _ in range(20000)]
    start = time.process_time()
    for i, j in index:
        containment_both_ways(sigs[i], sigs[j])
    per_exact = (time.process_time() - start) / len(index)
    out = {"pairs": n_pairs, "compare_per_pair_ms": per_compare * 1000,
           "all_pairs_compare_s_est": per_compare * n_pairs,
           "exact_per_pair_us": per_exact * 1e6, "all_pairs_exact_s_est": per_exact * n_pairs}
    if full_scan:
        start = time.process_time()
        hashes = [sig.hashes for sig in sigs]
        for i in range(len(hashes)):
            for j in range(i + 1, len(hashes)):
                np.intersect1d(hashes[i], hashes[j], assume_unique=True)
        out["all_pairs_exact_s"] = time.process_time() - start
    return out


def run_size(n: int, copy_share: float, ensemble: bool) -> dict:
    """Run every measurement for one corpus size and return the figures."""
    import newstrace as nt

    start = time.process_time()
    texts, truth = nt.synthetic_corpus(n, seed=SEED, copy_share=copy_share)
    result = {"n": n, "generate_s": time.process_time() - start, "true_pairs": int(truth["derived"].sum())}
    result["rss_corpus_mb"] = peak_mb()
    repeats = 3 if n <= 2000 else 1
    runs = []
    for _ in range(repeats):
        stages: dict[str, float] = {}
        table = nt.find_copies(texts, method="sampled", timings=stages)
        stages["total"] = sum(stages[k] for k in ("signatures", "candidates", "verify"))
        runs.append(stages)
    result["peak_mb"] = peak_mb()
    stages = sorted(runs, key=lambda run: run["total"])[len(runs) // 2]
    result.update({f"stage_{k}": v for k, v in stages.items()})
    found = {frozenset(p) for p in zip(table["a"], table["b"])}
    result["find_copies_s"] = stages["total"]
    result["repeats"] = repeats
    result["recall"] = recall_by_kind(found, truth)
    result["false_pairs"] = cross_family(found, truth)
    result["found_pairs"] = len(found)
    raw_runs = [raw_datasketch(texts) for _ in range(repeats)]
    raw_pairs = raw_runs[0][0]
    result["raw_s"] = sorted(seconds for _, seconds in raw_runs)[len(raw_runs) // 2]
    result["raw_recall"] = recall_by_kind(raw_pairs, truth)
    if ensemble:
        stages = {}
        table = nt.find_copies(texts, method="ensemble", timings=stages)
        found = {frozenset(p) for p in zip(table["a"], table["b"])}
        result["ensemble_s"] = sum(stages[k] for k in ("signatures", "candidates", "verify"))
        result["ensemble_candidates_s"] = stages["candidates"]
        result["ensemble_recall"] = recall_by_kind(found, truth)
    result.update(all_pairs_estimates(texts, full_scan=n <= 2000))
    return result


def child(n: int, copy_share: float, ensemble: bool) -> dict:
    """Run one size in a fresh Python process so peak memory is that size's own."""
    command = [sys.executable, __file__, "--one-size", str(n), "--copy-share", str(copy_share)]
    if ensemble:
        command.append("--ensemble")
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode:
        sys.exit(f"the {n:,}-article run failed:\n{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def report(results: list[dict]) -> None:
    """Print the figures and ratios of every size."""
    print(f"{'articles':>9} {'true':>6} {'find_copies':>12} {'= sigs':>7} {'+ cand':>7} "
          f"{'+ verify':>8} {'raw ds':>7} {'ratio':>6} {'idx/raw':>7} {'recall':>7} "
          f"{'raw rec':>7} {'false':>5} {'peak MB':>8} {'s/1k':>6}")
    for r in results:
        index_ratio = (r["stage_signatures"] + r["stage_candidates"]) / r["raw_s"]
        print(f"{r['n']:>9,} {r['true_pairs']:>6,} {r['find_copies_s']:>11.1f}s "
              f"{r['stage_signatures']:>6.1f}s {r['stage_candidates']:>6.1f}s "
              f"{r['stage_verify']:>7.1f}s {r['raw_s']:>6.1f}s {r['find_copies_s'] / r['raw_s']:>5.2f}x "
              f"{index_ratio:>6.2f}x {r['recall']['all derived']:>7.1%} "
              f"{r['raw_recall']['all derived']:>7.1%} {r['false_pairs']:>5} {r['peak_mb']:>8.0f} "
              f"{r['find_copies_s'] / r['n'] * 1000:>6.2f}")
    print()
    for r in results:
        kinds = ", ".join(f"{k} {v:.1%}" for k, v in r["recall"].items())
        raw = ", ".join(f"{k} {v:.1%}" for k, v in r["raw_recall"].items())
        print(f"{r['n']:,} recall by kind: {kinds}")
        print(f"{'':>{len(format(r['n'], ','))}} raw datasketch:  {raw}")
        print(f"{'':>{len(format(r['n'], ','))}} candidate pairs verified with compare: "
              f"{int(r['stage_candidate_pairs']):,}; compare {r['compare_per_pair_ms']:.1f} ms/pair; "
              f"memory with corpus loaded {r['rss_corpus_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB")
        all_pairs = (f"all-pairs ({r['pairs']:,.0f} pairs): compare() est. "
                     f"{r['all_pairs_compare_s_est'] / 3600:,.1f} h "
                     f"({r['all_pairs_compare_s_est'] / r['find_copies_s']:,.0f}x find_copies); "
                     f"exact shingle containment est. {r['all_pairs_exact_s_est']:,.0f} s")
        if "all_pairs_exact_s" in r:
            all_pairs += f", measured {r['all_pairs_exact_s']:,.1f} s"
        print(f"{'':>{len(format(r['n'], ','))}} {all_pairs}")
        if "ensemble_s" in r:
            print(f"{'':>{len(format(r['n'], ','))}} method='ensemble' (MinHashLSHEnsemble): "
                  f"{r['ensemble_s']:.1f}s total, candidates {r['ensemble_candidates_s']:.1f}s, "
                  f"recall {r['ensemble_recall']['all derived']:.1%}")
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last["find_copies_s"] / first["find_copies_s"]) / (last["n"] / first["n"])
        print(f"\ngrowth: time x{last['find_copies_s'] / first['find_copies_s']:.1f} for "
              f"x{last['n'] / first['n']:.0f} articles (1.0 = linear: {growth:.2f})")


def main() -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 2000 10000 50000; "
                        "with --engine spark 10000 50000 200000)")
    parser.add_argument("--engine", choices=("local", "spark"), default="local",
                        help="spark: compare the Spark engine with the local engine in the same run")
    parser.add_argument("--driver-memory", default="4g",
                        help="with --engine spark: memory of the local Spark JVM (default 4g)")
    parser.add_argument("--copy-share", type=float, default=0.1,
                        help="share of articles derived from another (default 0.1)")
    parser.add_argument("--ensemble-up-to", type=int, default=10000,
                        help="also run method='ensemble' up to this size (default 10000)")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ensemble", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--run-engine", help=argparse.SUPPRESS)
    parser.add_argument("--pairs-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine == "spark" or args.run_engine:
        import find_copies_engines

        if args.run_engine:
            print(json.dumps(find_copies_engines.run_engine(args.one_size, args.run_engine,
                                                            args.pairs_file, args.driver_memory)))
        else:
            find_copies_engines.main(args.sizes or [10000, 50000, 200000], args.driver_memory)
        return
    args.sizes = args.sizes or [2000, 10000, 50000]
    if args.one_size:
        print(json.dumps(run_size(args.one_size, args.copy_share, args.ensemble)))
        return
    print(f"find_copies on synthetic corpora (seed {SEED}, copy share {args.copy_share}, "
          f"num_perm {NUM_PERM}, LSH threshold {LSH_THRESHOLD}); times are CPU seconds")
    results = []
    for n in args.sizes:
        results.append(child(n, args.copy_share, n <= args.ensemble_up_to))
        print(f"  {n:,} articles done", flush=True)
    report(results)


if __name__ == "__main__":
    main()
