"""Benchmark: events on all of SaudiNewsNet through the command line — time, memory, dates.

    python benchmarks/events_speed.py [--data DIR] [--online-records 200] [--batches 10]

What a user runs, each command a process of its own on one fresh database, timed with its peak
memory (PSS of the process tree):

1. ``marsad ingest`` of every record but the last ``--online-records`` by crawl time;
2. ``marsad reuse`` (reuse links of everything ingested);
3. ``marsad stories`` — the events stage alone, since the links are up to date: reading the
   store, terms and text dates of every article (computed once, stored), clustering,
   consolidation, storylines, titles and dates, writing them back;
4. the last records in ``--batches`` batches, each ``marsad ingest`` then ``marsad stories``:
   they join the stored events online; the time of those ``stories`` runs (reuse links of the
   new articles, reading the store, placement, writes: everything an online update pays) is
   given per article.

Then it counts, in the stored events, implausible dates: before 2000, or outside the days its
reports were published or crawled (more than 31 days before the first, or more than a day
after the last: «غداً» in an announcement names the next day), and storylines whose span
starts before 2000. Data: SaudiNewsNet (see events_data.py). Prints a table
and writes benchmarks/results/events_speed.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_data import SAUDINEWSNET, DataMissing, day_records, write_jsonl
from events_path import MARSAD
from memory import PeakMemory

RESULTS = Path(__file__).resolve().parent / "results"


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak MB of one command (exit 0, or 3: some inputs rejected)."""
    with PeakMemory() as memory:
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
    return seconds, memory.peak_mb


def implausible(db: Path) -> dict[str, int]:
    """Stored event dates that cannot be the day of the reported happening."""
    with sqlite3.connect(db) as con:
        events = con.execute("SELECT date, first_seen, last_seen FROM events").fetchall()
        starts = [s for (s,) in con.execute("SELECT start FROM storylines") if s]
    dated = [(d, f, last) for d, f, last in events if d]
    before_2000 = sum(1 for d, _, _ in dated if d < "2000")
    outside = 0
    for date, first, last in dated:
        day = dt.date.fromisoformat(date[:10]) if len(date) >= 10 else None
        if day is None or not first or not last:
            continue
        low = dt.date.fromisoformat(first[:10]) - dt.timedelta(days=31)
        if not low <= day <= dt.date.fromisoformat(last[:10]) + dt.timedelta(days=1):
            outside += 1
    return {
        "events": len(events),
        "dated_events": len(dated),
        "dates_before_2000": before_2000,
        "dates_outside_seen_span": outside,
        "storylines_starting_before_2000": sum(1 for s in starts if s < "2000"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=SAUDINEWSNET)
    parser.add_argument("--online-records", type=int, default=200)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--out", type=Path, default=RESULTS / "events_speed.json")
    args = parser.parse_args()
    try:
        records = day_records(sorted(args.data.glob("*.zip")))
    except DataMissing as missing:
        sys.exit(str(missing))
    if not records:
        sys.exit(f"no SaudiNewsNet zips in {args.data}: see benchmarks/events_data.py")
    records.sort(key=lambda r: str(r.get("date_extracted") or ""))
    first, late = records[: -args.online_records], records[-args.online_records :]
    size = -(-len(late) // args.batches)
    result: dict[str, Any] = {"records": len(records), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="marsad-bench-speed-") as tmp:
        work = Path(tmp)
        db = str(work / "all.db")
        marsad = [*MARSAD, "--db", db]
        base = write_jsonl(first, work / "first.jsonl")
        result["ingest_s"], result["ingest_mb"] = timed([*marsad, "ingest", str(base)])
        result["reuse_s"], result["reuse_mb"] = timed([*marsad, "reuse"])
        result["stories_s"], result["stories_mb"] = timed([*marsad, "stories"])
        with sqlite3.connect(db) as con:
            articles = con.execute("SELECT count(*) FROM event_articles").fetchone()[0]
        result["articles"] = articles
        result["stories_articles_per_s"] = round(articles / result["stories_s"], 1)
        online_s, online_mb, added = 0.0, 0.0, 0
        for k in range(0, len(late), size):
            batch = write_jsonl(late[k : k + size], work / f"late-{k}.jsonl")
            timed([*marsad, "ingest", str(batch)])
            seconds, peak = timed([*marsad, "stories"])
            online_s, online_mb = online_s + seconds, max(online_mb, peak)
        with sqlite3.connect(db) as con:
            added = con.execute("SELECT count(*) FROM event_articles").fetchone()[0] - articles
            mode = con.execute(
                "SELECT value FROM event_state WHERE key = 'online_since_consolidation'"
            ).fetchone()
        result["online_articles"] = added
        result["online_batches"] = -(-len(late) // size)
        result["online_s_per_batch"] = round(online_s / result["online_batches"], 2)
        result["online_ms_per_article"] = round(1000 * online_s / max(added, 1), 1)
        result["online_peak_mb"] = round(online_mb, 1)
        result["online_pending"] = int(mode[0]) if mode else 0
        result.update(implausible(Path(db)))
    for key, value in result.items():
        if isinstance(value, float):
            result[key] = round(value, 2)
    print("| " + " | ".join(result) + " |\n|" + "---|" * len(result))
    print("| " + " | ".join(str(v) for v in result.values()) + " |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
