"""Benchmark: a consolidation in segments, each segment grouped at once with the stored events
or its reports placed online one at a time (issue 12).

    python benchmarks/segments.py --store FILE [--whole-max 50000] [--segment 10000]

A store of more than ``WHOLE_MAX`` articles is consolidated in segments (``docs/events.md``):
the earliest articles grouped at once, then the others ``SEGMENT`` at a time in date order.
This times ``update_events(consolidate=True)`` on copies of one store both ways (``stitched``:
``organize/stitch.py``; not: ``EventIndex.assign`` report by report, as before), step by step
(the steps ``update_events`` reports to its progress callback), with the events and
storylines each way finds. The copies are made (in the temporary folder) from one working
copy whose terms are first brought up to date, so both ways read stored terms and differ only
in how segments are placed. What either way finds on the gold sets: ``benchmarks/events.py``
(the rows "consolidation in segments").

FILE: any store with its reuse links up to date, e.g. the 100,000-article corpus of
``make bench-scale`` (``benchmarks/scale.py``) after ``marsad reuse``. Prints a table and
writes benchmarks/results/segments.json.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from marsad.engine.organizing import SEGMENT, WHOLE_MAX, update_events
from marsad.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]


class Steps:
    """The progress callback: seconds spent in each step."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.current: tuple[str, float] | None = None

    def __call__(self, step: str, done: int, total: int) -> None:
        self.stop()
        self.current = (step, time.perf_counter())

    def stop(self) -> None:
        if self.current is not None:
            step, since = self.current
            self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - since
            self.current = None


def copy(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite store (its write-ahead log included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def consolidate(db: Path, whole_max: int, segment: int, stitched: bool) -> dict[str, Any]:
    store = SQLiteStore(str(db))
    steps = Steps()
    try:
        start = time.perf_counter()
        report = update_events(
            store,
            workers=2,
            consolidate=True,
            progress=steps,
            whole_max=whole_max,
            segment=segment,
            stitched=stitched,
        )
        seconds = time.perf_counter() - start
        steps.stop()
    finally:
        store.close()
    return {
        "stitched": stitched,
        "seconds": round(seconds, 1),
        "articles": report.articles,
        "events": report.events,
        "storylines": report.storylines,
        "steps": {name: round(s, 1) for name, s in steps.seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--whole-max", type=int, default=WHOLE_MAX)
    parser.add_argument("--segment", type=int, default=SEGMENT)
    parser.add_argument("--tmp", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/segments.json")
    args = parser.parse_args()
    if not args.store.exists():
        sys.exit(f"{args.store} does not exist")
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_name:
        tmp = Path(tmp_name)
        work = copy(args.store, tmp / "work.db")
        print("bringing the working copy's terms up to date ...", flush=True)
        consolidate(work, args.whole_max, args.segment, True)
        for stitched in (True, False):
            print(f"consolidating (stitched={stitched}) ...", flush=True)
            runs.append(
                consolidate(copy(work, tmp / "run.db"), args.whole_max, args.segment, stitched)
            )
            (tmp / "run.db").unlink()
    names = list(dict.fromkeys(name for run in runs for name in run["steps"]))
    print("| segments | seconds | events | storylines | " + " | ".join(names) + " |")
    print("|" + "---|" * (len(names) + 4))
    for run in runs:
        how = "grouped with the stored events" if run["stitched"] else "online, one at a time"
        cells = [str(run["steps"].get(n, "")) for n in names]
        print(f"| {how} | {run['seconds']} | {run['events']:,} | {run['storylines']:,} | ", end="")
        print(" | ".join(cells) + " |")
    result = {
        "benchmark": "segments",
        "store": args.store.name,
        "whole_max": args.whole_max,
        "segment": args.segment,
        "runs": runs,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
