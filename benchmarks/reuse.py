"""Benchmark: reuse detection on SaudiNewsNet — Marsad against datasketch and rensa MinHash-LSH.

    python benchmarks/reuse.py [--data DIR] [--limit N] [--repeat R] [--methods NAME ...]

Data: SaudiNewsNet (31,030 articles, 14 outlets, CC BY-NC-SA 4.0) from
https://github.com/parallelfold/SaudiNewsNet — the daily zips under data/ — expected here in
../shared/data/saudinewsnet/. Every body is normalized once with ``marsad.arabic.normalize``.

Ground truth is exact (``reuse_truth.py``: a sparse product over all 5-word shingles, cached in
benchmarks/results/ by a digest of the data). Each method then runs ``--repeat`` times, each in
a fresh process, timed from the normalized texts, with the peak PSS of its process tree; the
fastest run is reported (the machine may be shared). Recall and precision are
scored at Jaccard >= 0.8, containment >= 0.8 and exact copies (``reuse_score.py``). Prints a
table and writes benchmarks/results/reuse.json (reuse-limit<N>.json with --limit).

Targets: Marsad recall >= 0.98 and precision >= 0.99 at Jaccard >= 0.8, recall >= 0.95 at
containment >= 0.8; >= 5x faster than datasketch and within 2x of rensa.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuse_data import DATA_URL, load_bodies, normalize_all
from reuse_methods import METHODS, NUM_PERM, THRESHOLD, Run, lsh_bands, timed
from reuse_score import AT, MIN_SHINGLES, score
from reuse_truth import Truth, load_or_compute

Row = dict[str, Any]  # one JSON object of the report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
RESULTS = ROOT / "benchmarks" / "results"
TARGETS = {
    "recall_j80": 0.98,
    "precision_j80": 0.99,
    "recall_c80": 0.95,
    "speedup_vs_datasketch": 5.0,
    "max_slowdown_vs_rensa": 2.0,
}
COLUMNS = {
    "method": "method",
    "articles_per_s": "art/s",
    "seconds": "s",
    "peak_memory_mb": "peak MB",
    "candidates": "cand",
    "reported": "pairs",
    "recall_j80": "R J.8",
    "precision_j80": "P J.8",
    "recall_c80": "R C.8",
    "recall_c80_j_below": "R C.8 J<.8",
    "recall_c80_30_words": "R C.8 30w",
    "recall_exact": "R exact",
    "precision_exact_kind": "P kind=exact",
}


def run_isolated(method: str, docs: dict[str, str]) -> Run:
    """``timed(method, docs)`` in a fresh interpreter, so no method inherits another's heap."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(timed, method, docs).result()


def truth_summary(truth: Truth, cached: bool) -> Row:
    """How many positives the corpus holds at each threshold."""
    jaccard, contain = truth.jaccard, truth.contain_max
    return {
        "articles": len(truth.ids),
        "pairs_sharing_a_shingle": truth.sharing,
        "pairs_j80": int((jaccard >= AT).sum()),
        "pairs_c80": int((contain >= AT).sum()),
        "pairs_c80_j_below_80": int(((contain >= AT) & (jaccard < AT)).sum()),
        "pairs_c80_smaller_30_words": int(
            ((contain >= AT) & (truth.smaller >= MIN_SHINGLES)).sum()
        ),
        "pairs_c50": int((contain >= 0.5).sum()),
        "exact_copy_pairs": len(truth.exact),
        "seconds": truth.seconds,
        "cached": cached,
        "digest": truth.digest,
    }


def result_row(runs: list[Run], truth: Truth) -> Row:
    """A table row: the fastest of ``runs`` (the least disturbed by other load on the machine),
    its memory, and its scores against ``truth``."""
    run = min(runs, key=lambda r: r.seconds)
    return {
        "method": run.method,
        "articles_per_s": round(len(truth.ids) / run.seconds, 1),
        "seconds": round(run.seconds, 2),
        "peak_memory_mb": round(run.peak_mb, 1),
        "base_memory_mb": round(run.base_mb, 1),
        "seconds_each_run": [round(r.seconds, 2) for r in runs],
        "candidates": run.candidates if run.candidates >= 0 else None,
        **score(run.found, truth),
    }


def target_checks(rows: list[Row]) -> dict[str, Row]:
    """Each Marsad run against the targets: the measured value and whether it meets it."""
    seconds = {str(r["method"]): float(r["seconds"]) for r in rows}
    checks: dict[str, Row] = {}
    for row in rows:
        name = str(row["method"])
        if not name.startswith("marsad"):
            continue
        measured: dict[str, float | None] = {
            key: row[key] for key in ("recall_j80", "precision_j80", "recall_c80")
        }
        if "datasketch" in seconds:
            measured["speedup_vs_datasketch"] = round(seconds["datasketch"] / seconds[name], 2)
        if "rensa" in seconds:
            measured["max_slowdown_vs_rensa"] = round(seconds[name] / seconds["rensa"], 2)
        checks[name] = {key: _check(key, value) for key, value in measured.items()}
    return checks


def _check(key: str, value: float | None) -> Row:
    target = TARGETS[key]
    if value is None:
        return {"value": None, "target": target, "met": None}
    met = value <= target if key.startswith("max_") else value >= target
    return {"value": value, "target": target, "met": met}


def machine() -> Row:
    """What the numbers were measured on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    packages = ("numpy", "scipy", "datasketch", "rensa")
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        **{name: version(name) for name in packages},
    }


def render(truth: Row, rows: list[Row]) -> str:
    """The truth summary and the results table as plain text."""
    header = (
        f"{truth['articles']} articles; truth in {truth['seconds']} s"
        f"{' (cached)' if truth['cached'] else ''}: {truth['pairs_j80']} pairs with J >= 0.8, "
        f"{truth['pairs_c80_j_below_80']} more with containment >= 0.8 (J < 0.8) "
        f"({truth['pairs_c80_smaller_30_words']} of all {truth['pairs_c80']} containment pairs "
        f"have a contained article of >= 30 words), {truth['exact_copy_pairs']} exact-copy "
        f"pairs; {truth['pairs_sharing_a_shingle']} pairs share at least one shingle"
    )
    table = [list(COLUMNS.values())]
    table += [["-" if row[key] is None else str(row[key]) for key in COLUMNS] for row in rows]
    widths = [max(len(line[k]) for line in table) for k in range(len(COLUMNS))]
    lines = [
        " | ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)) for line in table
    ]
    return "\n".join([header, *lines])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--methods", nargs="*", choices=list(METHODS), default=list(METHODS))
    parser.add_argument("--repeat", type=int, default=3, help="runs per method; the fastest counts")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(
            f"{args.data} not found. Get SaudiNewsNet's daily zips from {DATA_URL} "
            "(data/) and pass --data DIR."
        )
    start = time.perf_counter()
    docs = normalize_all(load_bodies(args.data, args.limit))
    print(f"loaded and normalized {len(docs)} articles in {time.perf_counter() - start:.1f} s")
    truth, cached = load_or_compute(docs, RESULTS)
    summary = truth_summary(truth, cached)
    rows = []
    for method in args.methods:
        print(f"running {method} ...", flush=True)
        runs = [run_isolated(method, docs) for _ in range(args.repeat)]
        rows.append(result_row(runs, truth))
    print(render(summary, rows))
    checks = target_checks(rows)
    for name, measured in checks.items():
        print(
            name, ", ".join(f"{k} {v['value']} ({_verdict(v['met'])})" for k, v in measured.items())
        )
    out = args.out or RESULTS / (
        "reuse.json" if args.limit is None else f"reuse-limit{args.limit}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "reuse-saudinewsnet",
        "machine": machine(),
        "params": {
            "limit": args.limit,
            "repeat": args.repeat,
            "shingle_words": 5,
            "num_perm": NUM_PERM,
            "lsh_threshold": THRESHOLD,
            "rensa_bands": lsh_bands(THRESHOLD, NUM_PERM),
            "marsad_kinds_at_j80": ["exact", "near"],
        },
        "truth": summary,
        "targets": TARGETS,
        "checks": checks,
        "results": rows,
    }
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


def _verdict(met: object) -> str:
    return "n/a" if met is None else "met" if met else "MISSED"


if __name__ == "__main__":
    main()
