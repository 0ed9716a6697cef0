"""Benchmark: ingest all of SaudiNewsNet into a fresh database; articles/s, MB/s, peak memory.

    make bench-ingest            # or: python benchmarks/ingest.py [--workers N] [--data DIR]

Data: SaudiNewsNet (31,030 articles, 14 outlets, CC BY-NC-SA 4.0) from
https://github.com/parallelfold/SaudiNewsNet — the daily zips under data/ — expected here in
../shared/data/saudinewsnet/. Prints a table and writes benchmarks/results/ingest.json.
Target (issue 2): >= 1,500 articles/s end to end and < 1 GB peak memory on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import PeakMemory

from marsad import Marsad
from marsad.config import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()


def run(data: Path, workers: int) -> dict[str, float | int | str]:
    zips = sorted(data.glob("*.zip"))
    input_bytes = sum(i.file_size for z in zips for i in zipfile.ZipFile(z).infolist())
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=str(Path(tmp) / "bench.db"), workers=workers)
        with PeakMemory() as memory, Marsad(settings=settings) as marsad:
            start = time.perf_counter()
            report = marsad.ingest([str(z) for z in zips])
            seconds = time.perf_counter() - start
            counts = marsad.counts()
        db_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
    return {
        "workers": workers,
        "records": report.documents + sum(1 for r in report.rejected if r.reason == "empty"),
        "documents": counts["documents"],
        "articles": counts["articles"],
        "rejected": counts["rejections"],
        "seconds": round(seconds, 2),
        "articles_per_s": round(counts["articles"] / seconds, 1),
        "input_mb_per_s": round(input_bytes / 2**20 / seconds, 2),
        "peak_memory_mb": round(memory.peak_mb, 1),
        "db_mb": round(db_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.json")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(
            f"{args.data} not found. Get SaudiNewsNet's daily zips from "
            "https://github.com/parallelfold/SaudiNewsNet (data/) and pass --data DIR."
        )
    rows = [run(args.data, w) for w in args.workers]
    cols = list(rows[0])
    print(" | ".join(f"{c:>14}" for c in cols))
    for row in rows:
        print(" | ".join(f"{row[c]!s:>14}" for c in cols))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "benchmark": "ingest-saudinewsnet",
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "target": {"articles_per_s": 1500, "peak_memory_mb": 1024},
                "results": rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
