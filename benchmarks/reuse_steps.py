"""Benchmark: where a reuse update's time goes as the index grows (issue 12).

    python benchmarks/reuse_steps.py [--size 100000] [--block 20000]
    python benchmarks/reuse_steps.py --store FILE [--block 20000]

Builds the ``--size`` corpus of ``bench-scale`` (replicas of SaudiNewsNet and ANT:
``scale_data.py``), ingests it into a fresh database with ``Marsad.ingest``, then runs
``Marsad.update_reuse`` with the new articles taken ``--block`` at a time, as a user's
update does, and prints the seconds of each step of each block (the steps ``update_reuse``
reports to its progress callback). A later block links its articles against everything
indexed before it, so a step whose seconds grow from block to block costs in proportion to
the store. Then, for a sample of indexed articles, the candidate partners the stored index
gives (at least ``min_shared`` fingerprints in common, each held by at most ``max_df``
articles), split into those of the same replica and those of another (which cannot be copies:
``scale_data.py``), how many of either became links, and how many postings the article's
fingerprints have in all (what a lookup walks, common values included).

``--store FILE`` times instead one update of a store already made (a copy of it, in the
temporary folder): the articles it holds that are not yet in its reuse index are linked
against those that are, with the steps printed as above; run the same copy with two versions
of Marsad to compare them on one store (``PYTHONPATH=… python benchmarks/reuse_steps.py
--store …``). Nothing is written.

Data: as ``scale.py``. Writes benchmarks/results/reuse_steps.json.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_data import Base, write_corpus

from marsad import Marsad
from marsad.config import load_settings
from marsad.engine.linking import update_reuse
from marsad.link.reuse import ReuseParams
from marsad.link.shingles import winnow

ROOT = Path(__file__).resolve().parents[1]
DATA = (ROOT / ".." / "shared" / "data").resolve()


class Steps:
    """The progress callback: the seconds of each step, block by block."""

    def __init__(self) -> None:
        self.blocks: list[dict[str, float]] = []
        self.started: dict[str, float] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if step == "reading new articles" and done == 0:
            self.blocks.append({})
        if step not in self.started and (done == 0 or done < total):
            self.started[step] = now  # a step in worker processes first tells after a chunk
        elif done == total and step in self.started:
            block = self.blocks[-1] if self.blocks else {}
            block[step] = round(block.get(step, 0.0) + now - self.started.pop(step), 1)


def candidates(m: Marsad, sample: int, params: ReuseParams) -> dict[str, float]:
    """Per sampled indexed article: candidate partners through the stored index, of the same
    replica and of another, and the links of either."""
    db = m.store.db
    ids = [str(r[0]) for r in db.execute("SELECT article_id FROM reuse_shingles")]
    replica = {
        str(i): str(u or "").rpartition("?replica=")[2]
        for i, u in db.execute("SELECT id, url FROM articles")
    }
    linked = {(str(a), str(b)) for a, b in db.execute("SELECT a, b FROM reuse_links")}
    counts = dict.fromkeys(("same", "other", "same_linked", "other_linked", "postings"), 0)
    chosen = random.Random(12).sample(ids, min(sample, len(ids)))
    for article in chosen:  # its fingerprints: its stored shingles winnowed, as indexed
        fps = np.unique(winnow(m.store.reuse.shingles(article), params.shingles.w)[0])
        enough = min(params.min_shared, len(fps))
        signed = fps.view(np.int64).tolist()
        for k in range(0, len(signed), 500):  # every posting of its values, common or not
            marks = ", ".join("?" * len(signed[k : k + 500]))
            sql = f"SELECT count(*) FROM reuse_fingerprints WHERE fp IN ({marks})"
            counts["postings"] += db.execute(sql, signed[k : k + 500]).fetchone()[0]
        for other, shared in m.store.reuse.matches(fps, params.max_df).items():
            if other == article or shared < enough:
                continue
            kind = "same" if replica[other] == replica[article] else "other"
            counts[kind] += 1
            pair = (min(article, other), max(article, other))
            counts[f"{kind}_linked"] += pair in linked
    return {key: round(value / len(chosen), 2) for key, value in counts.items()}


def update_of(store: Path, block: int, tmp_dir: Path | None) -> None:
    """One reuse update of a copy of ``store``, step by step (``--store``)."""
    with tempfile.TemporaryDirectory(dir=tmp_dir) as tmp_name:
        copy = Path(tmp_name) / "store.db"
        shutil.copyfile(store, copy)
        with Marsad(settings=load_settings(db=str(copy), workers=2)) as m:
            new = len(m.store.reuse.unlinked())
            indexed = m.store.reuse.indexed_count()
            steps = Steps()
            start = time.perf_counter()
            report = update_reuse(m.store, ReuseParams(), 2, steps, block)
            seconds = time.perf_counter() - start
    print(f"{store}: {indexed:,} articles indexed, {new:,} new")
    for k, found in enumerate(steps.blocks):
        print(f"block {k + 1}: " + ", ".join(f"{name} {value}" for name, value in found.items()))
    print(f"update {seconds:.1f} s, {report.links:,} links")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--tmp", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/reuse_steps.json")
    parser.add_argument("--store", type=Path, default=None, help="time one update of this store")
    args = parser.parse_args()
    if args.store is not None:
        update_of(args.store, args.block, args.tmp)
        return
    base = Base.from_data(args.data)
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_name:
        tmp = Path(tmp_name)
        corpus, late = tmp / "corpus.jsonl", tmp / "new.jsonl"
        made = write_corpus(base, args.size, corpus, late, 0)
        settings = load_settings(db=str(tmp / "store.db"), workers=2)
        with Marsad(settings=settings) as m:
            start = time.perf_counter()
            m.ingest([corpus])
            ingest_s = time.perf_counter() - start
            steps = Steps()
            start = time.perf_counter()
            report = update_reuse(m.store, ReuseParams(), 2, steps, args.block)
            reuse_s = time.perf_counter() - start
            found = candidates(m, args.sample, ReuseParams())
    result = {
        "benchmark": "reuse_steps",
        **made,
        "block": args.block,
        "ingest_s": round(ingest_s, 1),
        "reuse_s": round(reuse_s, 1),
        "links": report.links,
        "blocks": steps.blocks,
        "candidates_per_article": found,
    }
    names = list(dict.fromkeys(name for block in steps.blocks for name in block))  # in order
    print("| block | " + " | ".join(names) + " |")
    print("|" + "---|" * (len(names) + 1))
    for k, block in enumerate(steps.blocks):
        print(f"| {k + 1} | " + " | ".join(str(block.get(n, "")) for n in names) + " |")
    print(f"ingest {ingest_s:.1f} s, reuse {reuse_s:.1f} s, {report.links:,} links")
    print(f"candidates per indexed article (sample of {args.sample}): {found}")
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
