"""Benchmark: what the entities stage costs as a user runs it, beside ingest (issue 14).

    make bench-entities     # or: python benchmarks/entities.py [--days 1 3 8]

For the first 1, 3 and 8 crawl days of SaudiNewsNet (every outlet), each on a fresh database:
``marsad ingest`` of the days' files, then ``marsad entities --limit 1`` (reading every
article's title and body for names with the shipped tagger and its rules, grouping the names
into entities; one line shown: the update is measured, not the printing), each its own
process with the machine's cores. For each: wall seconds, articles per second, the peak
memory of its process tree (PSS, sampled every 0.5 s), and the entities stage's time as a
share of ingest's (issue 14 asks at most +50%). It also lists the pairs of places the grouping
joined as one place written two ways («سوريا / سورية», «الولايات المتحدة / … الأمريكية»), for
reading: a wrong join is two places made one.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet, the daily zips under data/)
in ../shared/data/saudinewsnet/. Prints a table and writes benchmarks/results/entities.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from marsad.organize.entities import place_twins
from marsad.store import SQLiteStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import _commit, command

ROOT = Path(__file__).resolve().parents[1]
DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
RESULTS = ROOT / "benchmarks" / "results"
CAP_MB = 16 * 1024


def run(days: list[Path], tmp: Path) -> dict[str, object]:
    folder = tmp / "days"
    folder.mkdir()
    for day in days:
        (folder / day.name).symlink_to(day)
    db = tmp / "marsad.db"
    ingest = command(db, ["ingest", str(folder)], CAP_MB)
    entities = command(db, ["entities", "--limit", "1"], CAP_MB)
    with sqlite3.connect(db) as connection:
        articles, mentions, found = (
            int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "entity_mentions", "entities")
        )
    return {
        "place_pairs_joined": joined_places(db),
        "days": len(days),
        "articles": articles,
        "mentions": mentions,
        "entities": found,
        "ingest": ingest,
        "entities_stage": entities,
        "share_of_ingest": round(float(entities["seconds"]) / float(ingest["seconds"]), 2),
    }


def joined_places(db: Path) -> list[list[object]]:
    """The pairs of places' keys the grouping joins as one place written two ways
    (``organize.entities.place_twins``), with each key's mentions, most mentioned first: to
    read for wrong joins."""
    store = SQLiteStore(str(db))
    try:
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        for row in store.entities.key_counts():
            kinds[row.key][row.kind] += row.mentions
    finally:
        store.close()
    total = {key: sum(counts.values()) for key, counts in kinds.items()}
    places = {key for key, counts in kinds.items() if counts.most_common(1)[0][0] == "LOC"}
    pairs = sorted(place_twins(places), key=lambda p: (-total[p[0]] - total[p[1]], p))
    return [[a, total[a], b, total[b]] for a, b in pairs]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--days", type=int, nargs="+", default=[1, 3, 8])
    parser.add_argument("--out", type=Path, default=RESULTS / "entities.json")
    args = parser.parse_args()
    zips = sorted(args.data.glob("*.zip"))
    if not zips:
        raise SystemExit(
            f"no SaudiNewsNet zips in {args.data}: get them from "
            "https://github.com/parallelfold/SaudiNewsNet (data/) and put them there"
        )
    rows = []
    print(
        f"{'days':>4} {'articles':>8} {'ingest s':>9} {'art/s':>7} {'entities s':>10} "
        f"{'art/s':>7} {'peak MB':>8} {'share':>6} {'mentions':>9} {'entities':>9}"
    )
    for count in args.days:
        with tempfile.TemporaryDirectory(prefix="marsad-bench-entities-") as tmp:
            row = run(zips[:count], Path(tmp))
        rows.append(row)
        ingest, stage = row["ingest"], row["entities_stage"]
        assert isinstance(ingest, dict) and isinstance(stage, dict)
        n = int(str(row["articles"]))
        print(
            f"{count:>4} {n:>8,} {ingest['seconds']:>9} {n / float(ingest['seconds']):>7.0f} "
            f"{stage['seconds']:>10} {n / float(stage['seconds']):>7.0f} "
            f"{stage['peak_mb']:>8.0f} {row['share_of_ingest']:>6} {row['mentions']:>9,} "
            f"{row['entities']:>9,}",
            flush=True,
        )
        for step in (ingest, stage):
            if step["status"] != "ok":
                print(f"  status: {step['status']}")
    largest = rows[-1]["place_pairs_joined"] if rows else []
    assert isinstance(largest, list)
    print(f"\nplaces joined as one place written two ways ({args.days[-1]} days): {len(largest)}")
    for a, count_a, b, count_b in largest:
        print(f"  {a} ({count_a})  =  {b} ({count_b})")
    result = {
        "commit": _commit(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "rows": rows,
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
