"""Benchmark: the stored reuse index, as a user meets it — a full first index, then a day of
new articles checked against it, then single articles.

    python benchmarks/reuse_incremental.py [--data DIR] [--workers N]

Ingests SaudiNewsNet (see benchmarks/ingest.py for where to get it) except its last crawl day
into a fresh database, times ``update_reuse`` over everything (shingles, exact overlaps,
alignment of every link, origin, storage), then ingests the last day and times the update
that links only those articles against the index, then the same for one article at a time.
Prints a table and writes benchmarks/results/reuse_incremental.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad import Marsad
from marsad.config import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
SINGLES = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks/results/reuse_incremental.json"
    )
    args = parser.parse_args()
    zips = sorted(args.data.glob("*.zip"))
    if not zips:
        sys.exit(
            f"SaudiNewsNet not found in {args.data}: get the daily zips from "
            "https://github.com/parallelfold/SaudiNewsNet (data/) and pass --data DIR"
        )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=str(Path(tmp) / "bench.db"), workers=args.workers)
        with Marsad(settings=settings) as marsad:
            marsad.ingest([str(z) for z in zips[:-1]])
            rows.append(_timed("first index (all but the last day)", marsad))
            marsad.ingest([str(zips[-1])])
            rows.append(_timed("the last day against the index", marsad))
            singles = _single_articles(zips[-1], Path(tmp))
            start = time.perf_counter()
            for path in singles:
                marsad.ingest([str(path)])
                marsad.update_reuse()
            seconds = time.perf_counter() - start
            rows.append(
                {
                    "step": f"{len(singles)} new articles, one at a time (ingest + link)",
                    "articles": len(singles),
                    "links": None,
                    "seconds": round(seconds, 3),
                    "ms_per_article": round(1000 * seconds / len(singles), 1),
                }
            )
    print("| step | articles | links | seconds | ms per article |\n|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['step']} | {r['articles']:,} | {r['links'] if r['links'] is not None else '-'} "
            f"| {r['seconds']} | {r['ms_per_article']} |"
        )
    args.out.write_text(json.dumps({"workers": args.workers, "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.out}")


def _timed(step: str, marsad: Marsad) -> dict[str, object]:
    start = time.perf_counter()
    report = marsad.update_reuse()
    seconds = time.perf_counter() - start
    return {
        "step": step,
        "articles": report.articles,
        "links": report.links,
        "seconds": round(seconds, 2),
        "ms_per_article": round(1000 * seconds / max(report.articles, 1), 2),
    }


def _single_articles(last_day: Path, tmp: Path) -> list[Path]:
    """Reworded copies of the last day's first articles, as new single-article files."""
    records = json.loads(zipfile.ZipFile(last_day).read(zipfile.ZipFile(last_day).namelist()[0]))
    out = []
    for k, record in enumerate(r for r in records if r.get("content")):
        if k == SINGLES:
            break
        path = tmp / f"single-{k}.txt"
        path.write_text(f"{record['title']}\n\nتحديث: {record['content']}\n", encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    main()
