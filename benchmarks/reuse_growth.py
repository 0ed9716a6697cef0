"""Benchmark: how the cost of a reuse update grows with the store (issue 12).

    python benchmarks/reuse_growth.py [--data DIR] [--days 5 10 17] [--workers N]

For each size, a fresh database holds the DAYS crawl days of SaudiNewsNet (see
benchmarks/ingest.py for where to get it) right before its last one, indexed with
``Marsad.update_reuse``; then the same new articles arrive in every store: 200 reports of the
last crawl day in one batch, then 10 more one at a time (ingest + update, as a monitor that
runs after every crawl). Every store holds the days the new reports copy from; the larger
ones add older days, so what grows is the store, not the work the new reports bring. Each step
runs in a process of its own, timed, with the peak memory (PSS) of that process. What a
user wants to see: the cost of what is new stays flat while the store grows.

Prints a table and writes benchmarks/results/reuse_growth.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory, tree_pss_mb

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
BATCH, SINGLES = 200, 10

STEP = """
import sys, time
from marsad import Marsad
from marsad.config import load_settings
db, workers, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
with Marsad(settings=load_settings(db=db, workers=workers)) as m:
    start = time.perf_counter()
    for path in paths or [None]:
        if path:
            m.ingest([path])
        report = m.update_reuse()
    print(report.links, time.perf_counter() - start)
"""


def step(db: Path, workers: int, paths: list[Path]) -> dict[str, float | int]:
    """One process: ingest each of ``paths`` and update the index after each (none: update
    only); its seconds (inside the process) and peak PSS."""
    base = tree_pss_mb(os.getpid())
    with PeakMemory() as peak:
        done = subprocess.run(
            [sys.executable, "-c", STEP, str(db), str(workers), *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
    links, seconds = done.stdout.split()
    return {
        "seconds": round(float(seconds), 2),
        "peak_mb": round(peak.peak_mb - base, 1),
        "links": int(links),
    }


def new_records(last_day: Path, tmp: Path) -> tuple[Path, list[Path]]:
    """The batch (JSON Lines) and the single articles (one file each) every store receives."""
    with zipfile.ZipFile(last_day) as z:
        records = [r for r in json.loads(z.read(z.namelist()[0])) if r.get("content")]
    batch = tmp / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for r in records[:BATCH]:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")  # as the dataset has them
    singles = []
    for k, r in enumerate(records[BATCH : BATCH + SINGLES]):
        path = tmp / f"single-{k}.txt"
        path.write_text(f"{r['title']}\n\n{r['content']}\n", encoding="utf-8")
        singles.append(path)
    return batch, singles


def arguments(doc: str, out: str) -> tuple[argparse.Namespace, list[Path]]:
    """The command line of a growth benchmark (``doc``: its docstring; ``out``: its results
    file) and the SaudiNewsNet day zips, in order; exits saying where to get them."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--days", type=int, nargs="+", default=[5, 10, 17])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results" / out)
    args = parser.parse_args()
    zips = sorted(args.data.glob("*.zip"))
    if len(zips) < max(args.days) + 1:
        sys.exit(
            f"SaudiNewsNet not found in {args.data} (or fewer than {max(args.days) + 1} days): "
            "get the daily zips from https://github.com/parallelfold/SaudiNewsNet (data/)"
        )
    return args, zips


def store_of(db: Path, zips: list[Path], days: int) -> None:
    """A fresh store at ``db`` holding the ``days`` crawl days before the last (``marsad
    ingest``)."""
    subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(db), "ingest"]
        + [str(z) for z in zips[-1 - days : -1]],
        capture_output=True,
        check=False,
    )


def main() -> None:
    args, zips = arguments(__doc__ or "", "reuse_growth.json")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        batch, singles = new_records(zips[-1], tmp)
        for days in args.days:
            db = tmp / f"days-{days}.db"
            store_of(db, zips, days)
            index = step(db, args.workers, [])
            stored = _articles(db)
            added = step(db, args.workers, [batch])
            start = time.perf_counter()
            one = step(db, args.workers, singles)
            rows.append(
                {
                    "days": days,
                    "stored_articles": stored,
                    "index_seconds": index["seconds"],
                    "index_peak_mb": index["peak_mb"],
                    "batch_seconds": added["seconds"],
                    "batch_peak_mb": added["peak_mb"],
                    "batch_links": added["links"],
                    "single_ms": round(1000 * one["seconds"] / len(singles), 1),
                    "wall_seconds": round(time.perf_counter() - start, 1),
                }
            )
            print(rows[-1], flush=True)
    print(
        f"\n| stored articles | first index s | its peak MB | +{BATCH} articles s | its peak MB "
        "| one more article ms |\n|---|---|---|---|---|---|"
    )
    for r in rows:
        print(
            f"| {r['stored_articles']:,} | {r['index_seconds']} | {r['index_peak_mb']} "
            f"| {r['batch_seconds']} | {r['batch_peak_mb']} | {r['single_ms']} |"
        )
    args.out.write_text(json.dumps({"workers": args.workers, "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.out}")


def _articles(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])


if __name__ == "__main__":
    main()
