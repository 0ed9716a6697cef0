"""Benchmark: event clustering of all of SaudiNewsNet; articles/s and peak memory.

    python benchmarks/events_speed.py [--data DIR]

Clusters every non-empty article (first crawl of each url; the crawl day as its date) with
Marsad's event stage — term vectors, time-windowed similarities, average link — and storylines
on top, in one process. Target (issue 4): >= 1,000 articles/s on 2 cores, < 2 GB. Data: see
benchmarks/events_data.py. Prints a table and writes benchmarks/results/events_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_data import SAUDINEWSNET, DataMissing, _saudinewsnet_records
from memory import PeakMemory, tree_pss_mb

from marsad.organize.events import EventItem, partition
from marsad.organize.online import EventIndex
from marsad.organize.scoring import score
from marsad.organize.storylines import link_events

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=SAUDINEWSNET)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=RESULTS / "events_speed.json")
    args = parser.parse_args()
    try:
        items = _items(args.data)
    except DataMissing as missing:
        sys.exit(str(missing))
    base = tree_pss_mb(os.getpid())
    with PeakMemory() as memory:
        start = time.perf_counter()
        part = partition(items, workers=args.workers)
        events = time.perf_counter() - start
        stories = link_events(part)
        total = time.perf_counter() - start
    online = _online(items)
    sizes = Counter(part.labels)
    row = {
        "articles": len(items),
        "events": len(sizes),
        "events_with_2plus": sum(1 for s in sizes.values() if s > 1),
        "largest_event": max(sizes.values()),
        "storylines": len(set(stories.values())),
        "events_seconds": round(events, 2),
        "total_seconds": round(total, 2),
        "articles_per_s": round(len(items) / total, 1),
        "peak_mb": round(memory.peak_mb, 1),
        "base_mb": round(base, 1),
        **online,
        "workers": args.workers,
        "cpus": os.cpu_count(),
    }
    print("| " + " | ".join(row) + " |\n|" + "---|" * len(row))
    print("| " + " | ".join(str(v) for v in row.values()) + " |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(row, indent=2) + "\n")
    print(f"wrote {args.out}")


def _online(items: list[EventItem]) -> dict[str, float | int]:
    """The last crawl day arrives one report at a time into an index of the days before it:
    milliseconds per report, and agreement with the batch partition of everything."""
    last = max(it.day for it in items if it.day)
    old = [it for it in items if it.day != last]
    new = sorted((it for it in items if it.day == last), key=lambda it: it.id)
    known = partition(old, workers=2)
    index = EventIndex.of(known)
    start = time.perf_counter()
    for item in new:
        index.assign(item)
    seconds = time.perf_counter() - start
    ids = [it.id for it in known.order] + [it.id for it in new]
    online = {i: index.events[c] for i, c in zip(ids, index.codes, strict=True)}
    batch = partition(items, workers=2).by_id()
    new_ids = {it.id for it in new}
    return {
        "online_reports": len(new),
        "online_ms_per_report": round(1000 * seconds / len(new), 2),
        "online_vs_batch_ari_all": round(score(batch, online).ari, 4),
        "online_vs_batch_ari_new": round(
            score({k: v for k, v in batch.items() if k in new_ids}, online).ari, 4
        ),
    }


def _items(data: Path) -> list[EventItem]:
    import datetime as dt

    seen: dict[str, EventItem] = {}
    for record in _saudinewsnet_records(data):
        url, content = record.get("url") or "", (record.get("content") or "").strip()
        if url and content and url not in seen:
            day = dt.date.fromisoformat(str(record["date_extracted"])[:10])
            seen[url] = EventItem(url, record.get("title"), content, day)
    return list(seen.values())


if __name__ == "__main__":
    main()
