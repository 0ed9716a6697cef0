"""Benchmark: how the cost of an events update grows with the store (issue 12).

    python benchmarks/events_growth.py [--data DIR] [--days 5 10 17] [--workers N]

The same stores and new articles as benchmarks/reuse_growth.py (the DAYS crawl days of
SaudiNewsNet right before its last one; then 200 reports of the last day in one batch, then
10 more one at a time, each a JSON record with its crawl date as the dataset has it: an
article with no date at all would be compared with every stored report), on the path a user
runs: ``Marsad.ingest`` and ``update_reuse`` in one process, then ``update_events`` in
another, so that each events update is timed and its peak memory (PSS of the process tree)
measured on its own. The first events update of a store groups all of it (consolidation);
the new articles then join the stored events online. What a user wants to see: the cost of
what is new stays flat while the store grows.

Prints a table and writes benchmarks/results/events_growth.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory, tree_pss_mb
from reuse_growth import BATCH, SINGLES, _articles, arguments, new_records, store_of

STEP = """
import sys, time
from marsad import Marsad
from marsad.config import load_settings
db, workers, stage, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
with Marsad(settings=load_settings(db=db, workers=workers)) as m:
    if stage == "reuse":
        for path in paths:
            m.ingest([path])
        m.update_reuse()
        print("-", 0.0)
    else:
        start = time.perf_counter()
        report = m.update_events()
        print(report.mode, time.perf_counter() - start)
"""


@dataclass(frozen=True)
class Step:
    mode: str  # how update_events went (online, consolidated, unchanged); "-" for reuse
    seconds: float
    peak_mb: float


def step(db: Path, workers: int, stage: str, paths: Sequence[Path] = ()) -> Step:
    """One process: ingest ``paths`` and update the reuse index (``stage`` reuse), or update
    the events (``stage`` events): its seconds (inside the process) and peak PSS."""
    base = tree_pss_mb(os.getpid())
    with PeakMemory() as peak:
        done = subprocess.run(
            [sys.executable, "-c", STEP, str(db), str(workers), stage, *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
    mode, seconds = done.stdout.split()
    return Step(mode, float(seconds), round(peak.peak_mb - base, 1))


def dated_singles(last_day: Path, tmp: Path) -> list[Path]:
    """The records after the batch, one JSON Lines file each, as the dataset has them."""
    with zipfile.ZipFile(last_day) as z:
        records = [r for r in json.loads(z.read(z.namelist()[0])) if r.get("content")]
    singles = []
    for k, r in enumerate(records[BATCH : BATCH + SINGLES]):
        path = tmp / f"single-{k}.jsonl"
        path.write_text(json.dumps(r, ensure_ascii=False) + "\n", encoding="utf-8")
        singles.append(path)
    return singles


def main() -> None:
    args, zips = arguments(__doc__ or "", "events_growth.json")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        batch, _ = new_records(zips[-1], tmp)
        singles = dated_singles(zips[-1], tmp)
        for days in args.days:
            db = tmp / f"days-{days}.db"
            store_of(db, zips, days)
            step(db, args.workers, "reuse")
            first = step(db, args.workers, "events")
            stored = _articles(db)
            step(db, args.workers, "reuse", [batch])
            added = step(db, args.workers, "events")
            start = time.perf_counter()
            ones = []
            for single in singles:
                step(db, args.workers, "reuse", [single])
                ones.append(step(db, args.workers, "events"))
            rows.append(
                {
                    "days": days,
                    "stored_articles": stored,
                    "first_seconds": round(first.seconds, 2),
                    "first_peak_mb": first.peak_mb,
                    "first_mode": first.mode,
                    "batch_seconds": round(added.seconds, 2),
                    "batch_peak_mb": added.peak_mb,
                    "batch_mode": added.mode,
                    "single_ms": round(1000 * sum(o.seconds for o in ones) / len(ones), 1),
                    "single_peak_mb": max(o.peak_mb for o in ones),
                    "single_modes": sorted({o.mode for o in ones}),
                    "wall_seconds": round(time.perf_counter() - start, 1),
                }
            )
            print(rows[-1], flush=True)
    print(
        f"\n| stored articles | first update s | its peak MB | +{BATCH} articles s | its peak MB "
        "| one more article ms | its peak MB |\n|---|---|---|---|---|---|---|"
    )
    for r in rows:
        print(
            f"| {r['stored_articles']:,} | {r['first_seconds']} | {r['first_peak_mb']} "
            f"| {r['batch_seconds']} ({r['batch_mode']}) | {r['batch_peak_mb']} "
            f"| {r['single_ms']} | {r['single_peak_mb']} |"
        )
    args.out.write_text(json.dumps({"workers": args.workers, "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
