"""Benchmark: what linking new articles a block at a time changes (issue 12).

    python benchmarks/reuse_blocks.py [--data DIR] [--block 10000]

All of SaudiNewsNet is ingested into a fresh database (``marsad ingest``), then its reuse
links are made twice on copies of it with ``update_reuse``: in one batch (a block larger than
the corpus) and BLOCK new articles at a time (the first block in a batch, each later one in a
batch and against the stored index). Prints how many links each way finds, by kind, and the
links only one of them holds; writes benchmarks/results/reuse_blocks.json. A store takes
blocks of ``engine.linking.BLOCK`` (50,000) articles, so SaudiNewsNet itself is one block:
this run uses smaller blocks to show what a larger store's blocks change.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory
from reuse_growth import DEFAULT_DATA, ROOT

from marsad.engine.linking import update_reuse
from marsad.store import SQLiteStore


def links(db: Path, block: int) -> tuple[dict[tuple[str, str], str], float, float]:
    """The links (pair -> kind) ``update_reuse`` makes in blocks of ``block``; seconds, MB."""
    store = SQLiteStore(str(db))
    with PeakMemory() as memory:
        start = time.perf_counter()
        update_reuse(store, workers=2, block=block)
        seconds = time.perf_counter() - start
    store.close()
    with sqlite3.connect(db) as connection:
        found = {
            (a, b): kind for a, b, kind in connection.execute("SELECT a, b, kind FROM reuse_links")
        }
    return found, seconds, memory.peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--block", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/reuse_blocks.json")
    args = parser.parse_args()
    zips = sorted(args.data.glob("*.zip"))
    if not zips:
        sys.exit(
            f"SaudiNewsNet not found in {args.data}: get the daily zips from "
            "https://github.com/parallelfold/SaudiNewsNet (data/)"
        )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "ingested.db"
        subprocess.run(
            [sys.executable, "-m", "marsad", "--db", str(base), "ingest", *map(str, zips)],
            capture_output=True,
            check=False,
        )
        runs = {}
        for name, block in (("one batch", 10**9), (f"blocks of {args.block:,}", args.block)):
            copy = tmp / f"{block}.db"
            shutil.copy(base, copy)
            runs[name] = links(copy, block)
    (whole, _, _), (blocks, _, _) = runs.values()
    rows = []
    for name, (found, seconds, peak) in runs.items():
        other = blocks if found is whole else whole
        rows.append(
            {
                "run": name,
                "links": len(found),
                "by_kind": dict(sorted(Counter(found.values()).items())),
                "only_here_by_kind": dict(
                    sorted(Counter(k for p, k in found.items() if p not in other).items())
                ),
                "seconds": round(seconds, 1),
                "peak_mb": round(peak, 0),
            }
        )
    print("| run | links | by kind | only in this run, by kind | s | peak MB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['run']} | {r['links']:,} | {r['by_kind']} | {r['only_here_by_kind']} | "
            f"{r['seconds']} | {r['peak_mb']:,.0f} |"
        )
    same_kind = sum(1 for p in whole.keys() & blocks.keys() if whole[p] == blocks[p])
    print(f"links in both with the same kind: {same_kind:,}")
    args.out.write_text(
        json.dumps(
            {
                "benchmark": "reuse_blocks",
                "block": args.block,
                "same_in_both": same_kind,
                "runs": rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
