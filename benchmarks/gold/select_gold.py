"""Reproduce the SELECTION of the SaudiNewsNet gold event partition (which urls are in it).

    python benchmarks/gold/select_gold.py [--data DIR] [--part all|sample|dense] [--check FILE]

Two parts (see README.md beside this file):

``sample`` (377 records)
  * crawl days 2015-08-07 and 2015-08-08 (the zips ``2015-08-07.zip`` and ``2015-08-08.zip``
    of https://github.com/parallelfold/SaudiNewsNet, folder ``dataset/``);
  * records whose ``content`` is empty after stripping whitespace are skipped;
  * each url is used once (first occurrence, in crawl-day order then file order);
  * ALL remaining records of the outlets ``3alyoum``, ``alweeam`` and ``sabq``;
  * from every other outlet, the records whose url hashes into a 1-in-20 sample:
    ``int(md5(url.encode("utf-8")).hexdigest(), 16) % 20 == 0``.

``dense`` (394 records)
  * crawl day 2015-08-07 only;
  * ALL non-empty records (same emptiness and one-per-url rules) of the print dailies
    ``okaz``, ``almadina`` and ``alwatan``;
  * minus the urls already in the ``sample`` part (24 of them), so no url is listed twice.
    The complete outlet-day slice (418 records) is ``dense`` plus those 24 ``sample`` records.

Urls are compared as exact strings: ``.../x.html`` and ``.../x.html?weekly`` are two records.

Prints one JSON object per selected record (url, source, date_extracted, title, part) in
selection order (sample first), or with ``--check`` compares the selection with the urls (and,
where present, the ``part`` fields) of a labelled jsonl file. It produces no event labels:
those are hand-made, in saudinewsnet_events.jsonl. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()

SAMPLE_DAYS = ("2015-08-07", "2015-08-08")
FULL_OUTLETS = frozenset({"3alyoum", "alweeam", "sabq"})
SAMPLE_MOD = 20

DENSE_DAY = "2015-08-07"
DENSE_OUTLETS = frozenset({"okaz", "almadina", "alwatan"})

FIELDS = ("url", "source", "date_extracted", "title")


def in_sample(url: str) -> bool:
    return int(hashlib.md5(url.encode("utf-8")).hexdigest(), 16) % SAMPLE_MOD == 0


def day_records(data: Path, day: str) -> Iterator[dict[str, str]]:
    with zipfile.ZipFile(data / f"{day}.zip") as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".json"):
                yield from json.loads(zf.read(name))


def usable(records: Iterator[dict[str, str]]) -> Iterator[dict[str, str]]:
    """Non-empty records, each url once (first occurrence)."""
    seen: set[str] = set()
    for rec in records:
        url = rec.get("url", "")
        if not url or url in seen or not (rec.get("content") or "").strip():
            continue
        seen.add(url)
        yield rec


def pick(rec: dict[str, str], part: str) -> dict[str, str]:
    return {**{k: rec.get(k, "") for k in FIELDS}, "part": part}


def select_sample(data: Path) -> list[dict[str, str]]:
    def all_days() -> Iterator[dict[str, str]]:
        for day in SAMPLE_DAYS:
            yield from day_records(data, day)

    return [
        pick(rec, "sample")
        for rec in usable(all_days())
        if rec.get("source") in FULL_OUTLETS or in_sample(rec["url"])
    ]


def select_dense(data: Path, exclude: set[str]) -> list[dict[str, str]]:
    return [
        pick(rec, "dense")
        for rec in usable(day_records(data, DENSE_DAY))
        if rec.get("source") in DENSE_OUTLETS and rec["url"] not in exclude
    ]


def select(data: Path) -> list[dict[str, str]]:
    """Both parts, sample first; every url once."""
    sample = select_sample(data)
    return sample + select_dense(data, {r["url"] for r in sample})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of daily zips")
    parser.add_argument("--part", choices=("all", "sample", "dense"), default="all")
    parser.add_argument("--check", type=Path, help="labelled jsonl to compare")
    args = parser.parse_args()
    chosen = [r for r in select(args.data) if args.part in ("all", r["part"])]
    if args.check:
        with args.check.open(encoding="utf-8") as f:
            labelled = [json.loads(line) for line in f if line.strip()]
        if args.part != "all":
            labelled = [r for r in labelled if r.get("part", args.part) == args.part]
        urls = [r["url"] for r in labelled]
        want = {r["url"]: r["part"] for r in chosen}
        got = set(urls)
        wrong_part = [
            r["url"]
            for r in labelled
            if r["url"] in want and r.get("part", want[r["url"]]) != want[r["url"]]
        ]
        print(f"selected {len(want)}, labelled {len(urls)} ({len(got)} distinct)")
        print(
            f"missing from labels: {len(want.keys() - got)}; "
            f"not in selection: {len(got - want.keys())}; wrong part: {len(wrong_part)}"
        )
        ok = want.keys() == got and len(got) == len(urls) and not wrong_part
        sys.exit(0 if ok else 1)
    for rec in chosen:
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
