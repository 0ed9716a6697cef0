"""Benchmark: events as users get them — the command line on whole crawl days, scored against
hand-labelled gold partitions, next to ablations and a baseline that is told the number of events.

    make bench-events     # or: python benchmarks/events.py [--datasets NAME ...] [--no-ablations]

Data sets (one whose files are absent is skipped with a message saying where to get them):

* ``saudinewsnet-aug`` — **tuning set**: the thresholds were chosen on it. Gold:
  ``benchmarks/gold/saudinewsnet_events.jsonl`` (771 articles of crawl days 7–8 Aug 2015, 577
  events). Ingested: every article of crawl days 6–9 Aug (the gold's days and one on each side).
* ``saudinewsnet-july`` — **held out**: reported, never tuned on. Gold:
  ``benchmarks/gold/saudinewsnet_events_july.jsonl`` (every article of crawl day 25 Jul 2015,
  labelled by another annotator); scored on the articles of its shared events and a 1-in-2 hash
  sample of its singletons (``events_data.held_out``). Ingested: crawl days 24–26 Jul.
* ``ecbplus`` — external, English: ECB+ (982 articles, 86 events, two events of one kind per
  topic, no publication dates), handed to ``marsad ingest`` as JSON Lines.

SaudiNewsNet's daily zips come from https://github.com/parallelfold/SaudiNewsNet (CC BY-NC-SA
4.0), ECB+ from http://www.newsreader-project.eu/results/data/the-ecb-corpus/; both are expected
in ../shared/data/ (see ``events_data.py``).

Rows, for each data set:

* **marsad (CLI)** — the headline: a fresh database, ``marsad ingest`` of every input file, then
  ``marsad events --jsonl`` (which brings reuse links, events and storylines up to date, as
  ``marsad stories`` does), each a process of its own; the stored partition is scored on the gold
  articles (each gold url is its first document's main article). Seconds cover both commands.
* marsad (CLI, online) — the same data, but the last 200 records by crawl time arrive afterwards
  in 10 batches of 20, ``marsad stories`` after each: they join the stored events online.
* ablations — the headline's database with its events recomputed with one thing changed (its
  reuse links and stored terms kept): the copy rule before issue 9 (a partial link with 80% of
  one article inside the other made a copy, wherever it stood); exact and near copies only
  (no partial link makes a copy); reports compared by publication (crawl) date only, not by
  the date their text gives; a report whose text gives no date placed on the day it came out
  and the day before; the 3-day fade of before; no consolidation cut. On the Arabic sets,
  the entity block (issue 14): the words of the keys of the people and organizations the
  entities stage finds in titles and leads counted as names, their terms computed again.
* marsad function alone — ``cluster_texts`` on the gold articles' raw texts: no cleaning, no copy
  links, no other articles of the days. It is what this benchmark measured before issue 9.
* TF-IDF + average link, told K — on the gold articles' raw texts (``events_baseline.py``).
* all singletons — the floor: every article its own event.

Scores (``marsad.organize.scoring``): B-cubed and pairwise precision/recall/F1 and the adjusted
Rand index over the gold articles. Prints markdown tables and writes benchmarks/results/events.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_baseline import baseline, markdown
from events_data import (
    ECB_SCHEME,
    ECBPLUS,
    GOLD,
    GOLD_JULY,
    SAUDINEWSNET,
    DataMissing,
    Item,
    day_records,
    day_zips,
    ecbplus_gold,
    ecbplus_records,
    held_out,
    load_ecbplus,
    load_gold,
    load_saudinewsnet,
    write_jsonl,
)
from events_path import article_days, keyed, main_articles, rerun, run_cli
from memory import PeakMemory

from marsad.organize.events import EventParams, cluster_texts
from marsad.organize.scoring import score
from marsad.organize.vectors import VectorParams

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
Row = dict[str, Any]  # one JSON object of the report
ONLINE_RECORDS, ONLINE_BATCHES = 200, 10

SEGMENTS = {"whole_max": 2000, "segment": 1000}
"""The consolidation of a store past ``organizing.WHOLE_MAX`` articles, on these days: the
headline's database regrouped in segments by date (windowing must not change what is found)."""

ABLATIONS: dict[str, EventParams] = {
    "copy rule before (containment >= 0.8 anywhere is a copy)": EventParams(copy_lead=0.0),
    "exact and near copies only": EventParams(copy_containment=None),
    "publication (crawl) dates only": EventParams(text_dates=False),
    "a report with no text date spans the day before too": EventParams(report_slack=1),
    "a report with a text date spans it and its publication day": EventParams(text_span=True),
    "3-day window, fading to 0 (before)": EventParams(window_days=3, fade=0.75),
    "no consolidation cut": EventParams(split_ratio=0.0),
}

TERM_ABLATIONS: dict[str, EventParams] = {
    "entity block (words of people's and organizations' entity keys, weight 0.15)": EventParams(
        vectors=VectorParams(entity_names=True, names_weight=0.15)
    ),
}
"""Ablations that change the terms themselves: their stored terms are computed again, on the
Arabic sets only (the entity block reads Arabic; its names weight would change English names).
The block reads the entities stage (``analyze.entities``: the tagger, its rules, keys); its
form was chosen on the tuning set among whole keys of people and organizations, the same with
places, and the words of people's and organizations' keys (the weight, 0.15, as chosen for
the tagger's words before it: 0.05-0.25)."""


@dataclass(frozen=True, slots=True)
class Dataset:
    """Gold events (key -> event), the gold articles' raw texts (for the rows that cluster
    texts directly) and what a user would ingest (JSON Lines records, written to files)."""

    name: str
    role: str
    gold: dict[str, str]
    items: list[Item]
    records: list[dict[str, Any]]
    key_of: Callable[[str], str] = lambda url: url
    online: bool = True
    notes: list[str] = field(default_factory=list)
    arabic: bool = True


def saudinewsnet(
    name: str, role: str, gold_path: Path, days: Sequence[str], data: Path, july: bool
) -> Dataset:
    gold = load_gold(gold_path)
    if july:
        gold = held_out(gold)
    records = [r for r in day_records(day_zips(data, days)) if r.get("url")]
    items = load_saudinewsnet(gold, data)
    missing = len(gold) - len(items)
    notes = [f"{missing} gold urls are not in SaudiNewsNet (or empty): left out"] if missing else []
    gold = {item[0]: gold[item[0]] for item in items}
    return Dataset(name, role, gold, items, records, notes=notes)


def ecbplus(path: Path) -> Dataset:
    docs = load_ecbplus(path)
    return Dataset(
        "ecbplus",
        "external (English), not tuned on since issue 9",
        ecbplus_gold(docs),
        [doc.item() for doc in docs],
        ecbplus_records(docs),
        key_of=lambda url: url.removeprefix(ECB_SCHEME),
        online=False,
        arabic=False,
    )


def scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Row:
    s = score(gold, predicted)
    return {
        "predicted_clusters": s.predicted_clusters,
        "gold_events": s.gold_clusters,
        "b3_precision": round(s.bcubed_precision, 4),
        "b3_recall": round(s.bcubed_recall, 4),
        "b3_f1": round(s.bcubed_f1, 4),
        "pair_precision": round(s.pairwise_precision, 4),
        "pair_recall": round(s.pairwise_recall, 4),
        "pair_f1": round(s.pairwise_f1, 4),
        "ari": round(s.ari, 4),
        "unlabelled_items": s.missing,
    }


def row(dataset: Dataset, method: str, predicted: Mapping[str, str], **extra: Any) -> Row:
    out = {"dataset": dataset.name, "role": dataset.role, "method": method}
    out.update(scores(dataset.gold, predicted))
    out.update(extra)
    return out


def cli_rows(dataset: Dataset, work: Path, ablations: bool) -> tuple[list[Row], list[Row]]:
    """The headline (and the online and ablation rows) on ``dataset``'s records, and how
    gold pairs days apart fare (``gap_rows``)."""
    everything = write_jsonl(dataset.records, work / f"{dataset.name}.jsonl")
    rows = []
    with PeakMemory() as memory:
        run = run_cli(work / f"{dataset.name}.db", [everything])
    articles = main_articles(run.db)
    keys = {dataset.key_of(url): article for url, article in articles.items()}
    gold_articles = {key: keys[key] for key in dataset.gold if key in keys}
    headline = keyed(run.event_of, gold_articles)
    rows.append(
        row(
            dataset,
            "marsad (CLI: ingest + events)",
            headline,
            articles_ingested=len(articles),
            events_stored=run.events,
            seconds=round(run.ingest_seconds + run.events_seconds, 1),
            peak_memory_mb=round(memory.peak_mb, 1),
        )
    )
    partitions = {"marsad (CLI)": headline}
    if dataset.online:
        rows.append(online_row(dataset, work))
        for stitched, how in ((True, "grouped with the stored events"), (False, "online")):
            start = time.perf_counter()
            name = (
                f"marsad, consolidation in segments (the first {SEGMENTS['whole_max']:,} by "
                f"date at once, then {SEGMENTS['segment']:,} at a time {how})"
            )
            if not stitched:
                name = f"ablation: {name}, one report at a time (before)"
            event_of = rerun(run.db, EventParams(), stitched=stitched, **SEGMENTS)
            partitions[name] = keyed(event_of, gold_articles)
            seconds = round(time.perf_counter() - start, 1)
            rows.append(row(dataset, name, partitions[name], seconds=seconds))
    if ablations:
        variants = list(ABLATIONS.items())
        if dataset.arabic:  # other vector parameters: the store computes every term again
            variants += list(TERM_ABLATIONS.items())
        for name, params in variants:
            start = time.perf_counter()
            event_of = rerun(run.db, params)
            partitions[name] = keyed(event_of, gold_articles)
            rows.append(
                row(
                    dataset,
                    f"ablation: {name}",
                    partitions[name],
                    seconds=round(time.perf_counter() - start, 1),
                )
            )
    return rows, gap_rows(dataset, gold_articles, article_days(run.db), partitions)


def gap_rows(
    dataset: Dataset,
    gold_articles: Mapping[str, str],
    days: Mapping[str, tuple[str, str]],
    partitions: Mapping[str, Mapping[str, str]],
) -> list[Row]:
    """Pairs of gold articles of one event by how many days apart they came out (publication
    date, or crawl date where the source gives none), and the share of them each partition
    puts in one event: do outlets that report a happening days later still join it?"""
    dated = {k: days[a] for k, a in gold_articles.items() if a in days}
    by_event: dict[str, list[str]] = {}
    for key in dated:
        by_event.setdefault(dataset.gold[key], []).append(key)
    tally: dict[tuple[int, str], list[int]] = {}
    for members in by_event.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                gap = abs(dt.date.fromisoformat(dated[a][0]) - dt.date.fromisoformat(dated[b][0]))
                kind = "published" if dated[a][1] == dated[b][1] == "published" else "crawled"
                counts = tally.setdefault((min(gap.days, 7), kind), [0] * (1 + len(partitions)))
                counts[0] += 1
                for n, partition in enumerate(partitions.values(), start=1):
                    counts[n] += partition[a] == partition[b]
    out = []
    for (gap, kind), counts in sorted(tally.items()):
        entry: Row = {
            "dataset": dataset.name,
            "dates": kind,
            "days apart": f"{gap}+" if gap == 7 else str(gap),
            "gold pairs": counts[0],
        }
        for n, name in enumerate(partitions, start=1):
            entry[f"joined: {name}"] = round(counts[n] / counts[0], 3)
        out.append(entry)
    return out


def online_row(dataset: Dataset, work: Path) -> Row:
    """The last records by crawl time arrive in small batches after the rest."""
    order = sorted(dataset.records, key=lambda r: str(r.get("date_extracted") or ""))
    first, late = order[:-ONLINE_RECORDS], order[-ONLINE_RECORDS:]
    size = len(late) // ONLINE_BATCHES
    base = write_jsonl(first, work / f"{dataset.name}-first.jsonl")
    batches = [
        [write_jsonl(late[k : k + size], work / f"{dataset.name}-late-{k // size}.jsonl")]
        for k in range(0, len(late), size)
    ]
    run = run_cli(work / f"{dataset.name}-online.db", [base], batches)
    articles = main_articles(run.db)
    keys = {dataset.key_of(url): article for url, article in articles.items()}
    gold_articles = {key: keys[key] for key in dataset.gold if key in keys}
    return row(
        dataset,
        f"marsad (CLI, last {ONLINE_RECORDS} records online in {ONLINE_BATCHES} batches)",
        keyed(run.event_of, gold_articles),
        seconds=round(run.ingest_seconds + run.events_seconds, 1),
    )


def text_rows(dataset: Dataset) -> list[Row]:
    """The rows that cluster the gold articles' raw texts only."""
    k = len(set(dataset.gold.values()))
    out = []
    for name, run in (
        ("ablation: marsad function alone (gold texts, no cleaning, no copies)", cluster_texts),
        ("TF-IDF + average link, told K", lambda items: baseline(items, k)),
        ("all singletons", lambda items: {item[0]: item[0] for item in items}),
    ):
        start = time.perf_counter()
        predicted = run(dataset.items)
        out.append(row(dataset, name, predicted, seconds=round(time.perf_counter() - start, 1)))
    return out


def describe(dataset: Dataset) -> Row:
    """How many items and events, and how big the events are."""
    sizes = sorted(Counter(dataset.gold.values()).values())
    return {
        "dataset": dataset.name,
        "role": dataset.role,
        "records ingested": len(dataset.records),
        "gold articles": len(dataset.gold),
        "gold events": len(sizes),
        "in shared events": sum(s for s in sizes if s > 1),
        "median size": statistics.median(sizes),
        "largest": sizes[-1],
    }


TABLE = {
    "dataset": "dataset",
    "method": "method",
    "predicted_clusters": "#pred",
    "gold_events": "#gold",
    "b3_precision": "B³ P",
    "b3_recall": "B³ R",
    "b3_f1": "B³ F1",
    "pair_precision": "pair P",
    "pair_recall": "pair R",
    "pair_f1": "pair F1",
    "ari": "ARI",
    "seconds": "s",
}


def table(rows: Sequence[Mapping[str, object]]) -> str:
    return markdown([{TABLE[key]: str(r.get(key, "")) for key in TABLE} for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--saudinewsnet", type=Path, default=SAUDINEWSNET, help="its zips")
    parser.add_argument("--ecbplus", type=Path, default=ECBPLUS, help="ecbplus_docs.jsonl")
    names = ["saudinewsnet-aug", "saudinewsnet-july", "ecbplus"]
    parser.add_argument("--datasets", nargs="*", choices=names, default=names)
    parser.add_argument("--no-ablations", action="store_true", help="only the CLI and text rows")
    parser.add_argument("--out", type=Path, default=RESULTS / "events.json")
    args = parser.parse_args()
    loaders: dict[str, Callable[[], Dataset]] = {
        "saudinewsnet-aug": lambda: saudinewsnet(
            "saudinewsnet-aug",
            "tuning set",
            GOLD,
            ["2015-08-06", "2015-08-07", "2015-08-08", "2015-08-09"],
            args.saudinewsnet,
            july=False,
        ),
        "saudinewsnet-july": lambda: saudinewsnet(
            "saudinewsnet-july",
            "held out",
            GOLD_JULY,
            ["2015-07-24", "2015-07-25", "2015-07-26"],
            args.saudinewsnet,
            july=True,
        ),
        "ecbplus": lambda: ecbplus(args.ecbplus),
    }
    rows: list[Row] = []
    gap_table: list[Row] = []
    described, skipped = [], []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-events-") as tmp:
        for name in args.datasets:
            try:
                dataset = loaders[name]()
            except DataMissing as missing:
                print(f"skipping {name}: {missing}")
                skipped.append(f"{name}: {missing}")
                continue
            for note in dataset.notes:
                print(f"{name}: {note}")
            described.append(describe(dataset))
            print(f"running {name} ...", flush=True)
            found, gaps = cli_rows(dataset, Path(tmp), not args.no_ablations)
            rows += found + text_rows(dataset)
            gap_table += gaps
            print(table([r for r in rows if r["dataset"] == name]), flush=True)
    if not rows:
        sys.exit("no data set to run on")
    print()
    print(markdown(described))
    print()
    print(table(rows))
    if gap_table:
        print()
        print(markdown(gap_table))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "events (the command line on whole crawl days)",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "datasets": described,
        "skipped": skipped,
        "results": rows,
        "gold_pairs_by_days_apart": gap_table,
    }
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
