"""Benchmark: the three commands on all of SaudiNewsNet, as a user runs them (issue 12).

    make bench-commands     # or: python benchmarks/commands.py [--data DIR] [--repeat N]

``marsad ingest`` of the data set's folder, then ``marsad reuse --limit 1``, then ``marsad
stories --limit 1`` (one line shown: the update is measured, not the printing), each its own
process on one fresh database (in a temporary folder), with the machine's cores (``workers``
from the settings). For each: wall seconds, the CPU seconds of its process tree (user and
system, workers included), articles per second (the articles stored after ingest) and the
peak memory of its process tree (PSS summed, sampled every 0.5 s), beside the targets of
issue 12. With ``--repeat N`` the whole sequence runs N times, each on a
fresh database, and each figure is the median.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet, the daily zips under data/)
in ../shared/data/saudinewsnet/. Prints a table and writes benchmarks/results/commands.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import _commit, command

ROOT = Path(__file__).resolve().parents[1]
DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
TARGETS = {"ingest": 2000, "reuse": 5000, "stories": 1500}
"""Articles per second issue 12 asks of each command on all of SaudiNewsNet (2 cores)."""


def run_once(data: Path, tmp: Path, cap_mb: float) -> dict[str, dict[str, float | str]]:
    """The three commands on a fresh database: seconds, peak MB and status of each."""
    db = tmp / "marsad.db"
    steps = {}
    for name, args in (
        ("ingest", ["ingest", str(data)]),
        ("reuse", ["reuse", "--limit", "1"]),
        ("stories", ["stories", "--limit", "1"]),
    ):
        steps[name] = command(db, args, cap_mb)
        print(f"  {name}: {steps[name]}", flush=True)
    with sqlite3.connect(db) as connection:
        articles = int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    for step in steps.values():
        step["articles"] = articles
    for path in tmp.glob("marsad.db*"):
        path.unlink()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--max-memory-gb", type=float, default=20.0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/commands.json")
    args = parser.parse_args()
    if not any(args.data.glob("*.zip")):
        sys.exit(
            f"no SaudiNewsNet zips in {args.data}: get the daily zips under data/ of "
            "https://github.com/parallelfold/SaudiNewsNet and pass --data"
        )
    commit = _commit()
    runs = []
    with tempfile.TemporaryDirectory(prefix="marsad-commands-") as tmp:
        for k in range(args.repeat):
            print(f"run {k + 1} of {args.repeat}", flush=True)
            runs.append(run_once(args.data, Path(tmp), args.max_memory_gb * 1024))
    rows = []
    for name, target in TARGETS.items():
        steps = [run[name] for run in runs]
        seconds = statistics.median(float(s["seconds"]) for s in steps)
        articles = int(steps[0]["articles"])
        rows.append(
            {
                "command": name,
                "articles": articles,
                "seconds": round(seconds, 1),
                "articles_per_s": round(articles / seconds, 0),
                "target_per_s": target,
                "cpu_s": statistics.median(float(s["cpu_s"]) for s in steps),
                "peak_mb": statistics.median(float(s["peak_mb"]) for s in steps),
                "status": next((str(s["status"]) for s in steps if s["status"] != "ok"), "ok"),
                "runs_s": [s["seconds"] for s in steps],
            }
        )
    print(
        f"\n{'command':<9}{'articles':>10}{'s':>8}{'CPU s':>8}{'art/s':>8}{'target':>8}"
        f"{'peak MB':>9}"
    )
    for row in rows:
        print(
            f"{row['command']:<9}{row['articles']:>10,}{row['seconds']:>8}{row['cpu_s']:>8}"
            f"{row['articles_per_s']:>8,.0f}{row['target_per_s']:>8,}{row['peak_mb']:>9,.0f}"
        )
    result = {
        "benchmark": "commands",
        "commit": commit,
        "data": "SaudiNewsNet, every daily zip",
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "repeat": args.repeat,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
