"""Benchmark: event clustering against gold event partitions (SaudiNewsNet sample, ECB+).

    make bench-events    # or: python benchmarks/events.py [--gold FILE] [--ecbplus FILE]
                         #        [--datasets NAME ...] [--methods NAME ...]

Data: the hand-labelled SaudiNewsNet sample benchmarks/gold/saudinewsnet_events.jsonl (url ->
event; articles read from SaudiNewsNet's daily zips, https://github.com/parallelfold/SaudiNewsNet,
expected in ../shared/data/saudinewsnet/) and ECB+ (982 English articles, 86 events; from
http://www.newsreader-project.eu/results/data/the-ecb-corpus/, expected as
../shared/data/ecbplus/ecbplus_docs.jsonl). A data set that is absent is skipped with a message.

Every method gets the same ``(id, title, text, published)`` items (``events_data.py``) and
returns item id -> event label, scored with ``marsad.organize.scoring`` (B-cubed, pairwise,
ARI). The TF-IDF + average-link baseline (``events_baseline.py``) is told the true number of
events; Marsad's clusterer is not. The reference is the baseline's B³-F1 on ECB+: the data's
README puts it at about 0.88; this implementation, which agrees with scikit-learn's
TfidfVectorizer and AgglomerativeClustering, measures 0.865 (``events_baseline.py --variants``
shows what moves it). Prints a markdown table and writes benchmarks/results/events.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_baseline import baseline, markdown
from events_data import (
    ECBPLUS,
    GOLD,
    SAUDINEWSNET,
    DataMissing,
    Item,
    ecbplus_gold,
    load_ecbplus,
    load_gold,
    load_saudinewsnet,
)
from memory import PeakMemory

from marsad.organize.scoring import score

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
Row = dict[str, Any]  # one JSON object of the report
BASELINE = (
    "TF-IDF (sublinear tf, smooth idf, l2; scikit-learn English + Marsad Arabic stop words; "
    "title kept), cosine distance, average link, cut at the true number of events"
)


class MethodUnavailable(Exception):
    """A method cannot run on this install; its row is skipped with this message."""


@dataclass(frozen=True, slots=True)
class Dataset:
    """Items to cluster and their gold events (item id -> event)."""

    name: str
    items: list[Item]
    gold: dict[str, str]


@dataclass(frozen=True, slots=True)
class Method:
    """A clusterer: items and the true number of events (used only when ``told_k``) -> labels."""

    name: str
    told_k: bool
    run: Callable[[Sequence[Item], int], dict[str, str]]


def marsad_method(records: Sequence[Item], variant: str = "") -> dict[str, str]:
    """Marsad's event clustering, ``marsad.organize.events.cluster_texts``, on ``records``.

    The contract: ``cluster_texts(items)`` takes a sequence of ``(id, title, text, published)``
    tuples, ``published`` a ``datetime.date`` or None when unknown (ECB+ has no dates), and
    returns a dict mapping every id to an event label; ids with one label are one event. It is
    not told how many events there are. Raises :class:`MethodUnavailable` while that module or
    function does not exist; an import error from inside the module is a bug and propagates.
    """
    try:
        from marsad.organize.events import cluster_texts  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        if error.name != "marsad.organize.events":
            raise
        raise MethodUnavailable("marsad event clustering not available yet") from error
    from marsad.organize.events import EventParams
    from marsad.organize.vectors import VectorParams

    params = {
        "": EventParams(),
        "no-split": EventParams(split_ratio=0.0),
        "stems-only": EventParams(vectors=VectorParams(names_weight=0.0), split_ratio=0.0),
    }[variant]
    labels: dict[str, str] = cluster_texts(records, params)
    return labels


METHODS = [
    # the floor: every report its own event (B-cubed rewards it where most events are singletons)
    Method("all-singletons", told_k=False, run=lambda items, _k: {i[0]: i[0] for i in items}),
    Method("tfidf-avg-link", told_k=True, run=baseline),
    # ablations: without the consolidation cut, and without names either (stems alone)
    Method(
        "marsad stems only", told_k=False, run=lambda items, _k: marsad_method(items, "stems-only")
    ),
    Method("marsad no split", told_k=False, run=lambda items, _k: marsad_method(items, "no-split")),
    Method("marsad", told_k=False, run=lambda items, _k: marsad_method(items)),
]


def saudinewsnet_dataset(gold_path: Path, data: Path) -> Dataset:
    """The gold sample's articles; gold urls missing from the corpus are reported and dropped."""
    if not gold_path.exists():
        raise DataMissing(
            f"{gold_path} not found: the SaudiNewsNet gold event partition (JSON Lines of "
            '{"url": ..., "event": ...}) has not been created yet; pass --gold FILE'
        )
    gold = load_gold(gold_path)
    items = load_saudinewsnet(gold, data)
    if len(items) < len(gold):
        print(f"{len(gold) - len(items)} gold urls are not in SaudiNewsNet (or empty): left out")
    return Dataset("saudinewsnet", items, {item[0]: gold[item[0]] for item in items})


def ecbplus_dataset(path: Path, half: int | None = None) -> Dataset:
    """ECB+, or the topics of one parity (``half`` 1: odd, 0: even) clustered on their own: the
    parameters were chosen on the whole set, so the halves show how much a score moves with
    the topics it is measured on."""
    docs = [d for d in load_ecbplus(path) if half is None or d.topic % 2 == half]
    name = "ecbplus" if half is None else f"ecbplus-{('even', 'odd')[half]}"
    return Dataset(name, [doc.item() for doc in docs], ecbplus_gold(docs))


def describe(dataset: Dataset) -> Row:
    """How many items and events, and how big the events are."""
    sizes = sorted(Counter(dataset.gold.values()).values())
    return {
        "dataset": dataset.name,
        "items": len(dataset.items),
        "gold_events": len(sizes),
        "event_size_min": sizes[0],
        "event_size_median": statistics.median(sizes),
        "event_size_max": sizes[-1],
        "singleton_events": sum(1 for s in sizes if s == 1),
        "dated_items": sum(1 for item in dataset.items if item[3] is not None),
    }


def evaluate(dataset: Dataset, method: Method) -> Row:
    """One table row: ``method`` run on ``dataset``, timed, scored against its gold."""
    k = len(set(dataset.gold.values()))
    with PeakMemory() as memory:
        start = time.perf_counter()
        predicted = method.run(dataset.items, k)
        seconds = time.perf_counter() - start
    s = score(dataset.gold, predicted)
    return {
        "dataset": dataset.name,
        "method": method.name,
        "told_k": method.told_k,
        "predicted_clusters": s.predicted_clusters,
        "gold_events": s.gold_clusters,
        "b3_precision": round(s.bcubed_precision, 4),
        "b3_recall": round(s.bcubed_recall, 4),
        "b3_f1": round(s.bcubed_f1, 4),
        "pair_precision": round(s.pairwise_precision, 4),
        "pair_recall": round(s.pairwise_recall, 4),
        "pair_f1": round(s.pairwise_f1, 4),
        "ari": round(s.ari, 4),
        "seconds": round(seconds, 2),
        "unlabelled_items": s.missing,
        "peak_memory_mb": round(memory.peak_mb, 1),  # the whole process, data included
    }


def run(datasets: Sequence[Dataset], methods: Sequence[Method]) -> tuple[list[Row], list[str]]:
    """Every method on every data set: the rows, and why rows were skipped."""
    rows, skipped = [], []
    for dataset in datasets:
        for method in methods:
            print(f"running {method.name} on {dataset.name} ...", flush=True)
            try:
                rows.append(evaluate(dataset, method))
            except MethodUnavailable as why:
                print(why)
                skipped.append(f"{method.name} on {dataset.name}: {why}")
    return rows, skipped


TABLE = {
    "dataset": "dataset",
    "method": "method",
    "told_k": "told K?",
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
    """The result rows as a markdown table with short headers."""
    shown = [{TABLE[key]: _cell(row[key]) for key in TABLE} for row in rows]
    return markdown(shown)


def _cell(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="SaudiNewsNet gold (JSON Lines)")
    parser.add_argument("--saudinewsnet", type=Path, default=SAUDINEWSNET, help="its zips")
    parser.add_argument("--ecbplus", type=Path, default=ECBPLUS, help="ecbplus_docs.jsonl")
    parser.add_argument(
        "--datasets",
        nargs="*",
        choices=["saudinewsnet", "ecbplus", "ecbplus-odd", "ecbplus-even"],
        default=["saudinewsnet", "ecbplus", "ecbplus-odd", "ecbplus-even"],
    )
    parser.add_argument("--methods", nargs="*", choices=[m.name for m in METHODS], default=None)
    parser.add_argument("--out", type=Path, default=RESULTS / "events.json")
    args = parser.parse_args()
    loaders: dict[str, Callable[[], Dataset]] = {
        "saudinewsnet": lambda: saudinewsnet_dataset(args.gold, args.saudinewsnet),
        "ecbplus": lambda: ecbplus_dataset(args.ecbplus),
        "ecbplus-odd": lambda: ecbplus_dataset(args.ecbplus, 1),
        "ecbplus-even": lambda: ecbplus_dataset(args.ecbplus, 0),
    }
    datasets, skipped = [], []
    for name in args.datasets:
        try:
            datasets.append(loaders[name]())
        except DataMissing as missing:
            print(f"skipping {name}: {missing}")
            skipped.append(f"{name}: {missing}")
    if not datasets:
        sys.exit("no data set to run on")
    methods = [m for m in METHODS if args.methods is None or m.name in args.methods]
    rows, unavailable = run(datasets, methods)
    print(markdown([describe(d) for d in datasets]))
    print()
    print(table(rows) if rows else "no method ran")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "events",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "params": {"baseline": BASELINE},
        "datasets": [describe(d) for d in datasets],
        "skipped": skipped + unavailable,
        "results": rows,
    }
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
