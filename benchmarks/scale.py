"""Benchmark: Marsad on 10,000, 100,000 and 1,000,000 articles (issue 12).

    make bench-scale     # or: python benchmarks/scale.py [--sizes 10000 100000 1000000]

Each size is a corpus built from the real articles of SaudiNewsNet and ANT (replicas with
their own word substitution, shifted in time: ``scale_data.py`` says how), written as one
JSON Lines file, and run as a user runs Marsad, each command its own process on a fresh
database: ``marsad ingest`` (all but the 200 newest articles), ``marsad reuse``, ``marsad
stories``; then the 200 newest arrive: ``ingest``, ``reuse`` and ``stories`` again (online).
The 200 newest also go, on a copy of the store made before them, through the library in one
process (``Marsad.ingest``, ``update_reuse``, ``update_events``, each timed alone): what the
updates cost without starting a command and showing its list (``marsad reuse`` computes every
group to show the largest). For each command: wall seconds, articles per second and the peak
memory of its process tree
(PSS summed, sampled every 0.5 s); then the size of the database, and the reuse links that
join two replicas (there should be none: see ``scale_data.py``). A command whose tree passes
``--max-memory-gb`` is stopped and reported as such.

A corpus smaller than one replica (41,035 articles) is sparser in time than the data sets:
10,000 articles hold about a quarter of their articles a day. What 200 new articles cost
follows the articles of their days (the events window, the copies they make), so at 10,000
it is lower than a store of the data sets' density would pay; from 100,000 on, the replicas
overlap (one every 15 days, each 22 days of SaudiNewsNet) and the density is the data sets'
or a little more.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet, the daily zips under data/)
in ../shared/data/saudinewsnet/ and ANT v1.1 (https://github.com/antcorpus/antcorpus.data) as
../shared/data/ant/ant_v1.1.jsonl.zip. Prints a table and writes benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import tree_pss_mb
from scale_data import Base, write_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = (ROOT / ".." / "shared" / "data").resolve()
NEW = 200


UPDATE = """
import json, sys, time
from marsad import Marsad
from marsad.config import load_settings
with Marsad(settings=load_settings(db=sys.argv[1], workers=2)) as m:
    start = time.perf_counter()
    m.ingest([sys.argv[2]])
    ingested = time.perf_counter()
    m.update_reuse()
    linked = time.perf_counter()
    m.update_events()
    print(json.dumps([ingested - start, linked - ingested, time.perf_counter() - linked]))
"""
"""The 200 new articles through the library in one process: each update timed alone, without
starting a command or showing anything."""


def command(
    db: Path, args: list[str], cap_mb: float, argv: list[str] | None = None
) -> dict[str, float | str]:
    """Run ``marsad --db DB ARGS`` (or ``argv``): its wall seconds, the CPU seconds of its
    process tree (user and system, workers included) and the peak PSS of its process tree
    (``output``: what it printed, for ``argv``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        argv or [sys.executable, "-m", "marsad", "--db", str(db), *args],
        stdout=subprocess.PIPE if argv else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    peak, status = 0.0, "ok"
    while process.poll() is None:
        peak = max(peak, tree_pss_mb(process.pid))
        if peak > cap_mb:
            os.killpg(process.pid, signal.SIGKILL)
            status = f"stopped over {cap_mb / 1024:.0f} GB"
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the tree, reaped: its CPU time
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if status == "ok" and process.returncode not in (0, 3):  # 3: some inputs were rejected
        status = f"failed ({process.returncode}): {error.strip().splitlines()[-1:]}"
    step: dict[str, float | str] = {
        "seconds": round(seconds, 1),
        "cpu_s": round(cpu, 1),
        "peak_mb": round(peak, 0),
        "status": status,
    }
    if argv and process.stdout:
        step["output"] = process.stdout.read().decode().strip()
    return step


def cross_replica_links(db: Path) -> dict[str, int]:
    """Reuse links between articles of two different replicas (their URLs say which), by
    kind."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            """SELECT l.kind, count(*) FROM reuse_links l
               JOIN articles a ON a.id = l.a JOIN articles b ON b.id = l.b
               WHERE substr(a.url, instr(a.url, '?replica=')) !=
                     substr(b.url, instr(b.url, '?replica='))
               GROUP BY l.kind"""
        ).fetchall()
    return {str(kind): int(count) for kind, count in rows}


def run_size(
    base: Base,
    size: int,
    tmp: Path,
    cap_mb: float,
    row: dict[str, object],
    save: Callable[[], None],
) -> None:
    """Fill ``row`` with the figures of one size, calling ``save`` after each step (a run
    stopped at a million articles keeps what it measured)."""
    corpus, new, db = tmp / f"corpus-{size}.jsonl", tmp / f"new-{size}.jsonl", tmp / f"{size}.db"
    start = time.perf_counter()
    made = write_corpus(base, size, corpus, new, NEW)
    row.update(made)
    row["corpus_s"] = round(time.perf_counter() - start, 1)
    row["corpus_mb"] = round(corpus.stat().st_size / 2**20, 0)
    stored = size - made["new"]
    for name, args in (
        ("ingest", ["ingest", str(corpus)]),
        ("reuse", ["reuse", "--limit", "1"]),
        ("stories", ["stories", "--limit", "1"]),
    ):
        step = command(db, args, cap_mb)
        step["articles_per_s"] = round(stored / float(step["seconds"]), 0)
        row[name] = step
        save()
        print(f"  {size:,} {name}: {step}", flush=True)
        if step["status"] != "ok":
            return
    copy = tmp / f"{size}-library.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the store before the new articles, for the library's run
    library = command(copy, [], cap_mb, [sys.executable, "-c", UPDATE, str(copy), str(new)])
    parts = json.loads(str(library.get("output") or "[]"))
    row["new_200_library"] = {
        "seconds": library["seconds"],
        "peak_mb": library["peak_mb"],
        "ingest_s": round(parts[0], 2) if parts else None,
        "update_reuse_s": round(parts[1], 2) if parts else None,
        "update_events_s": round(parts[2], 2) if parts else None,
        "status": library["status"],
    }
    save()
    print(f"  {size:,} 200 new, library: {row['new_200_library']}", flush=True)
    online = [
        command(db, args, cap_mb)
        for args in (["ingest", str(new)], ["reuse", "--limit", "1"], ["stories", "--limit", "1"])
    ]
    row["new_200"] = {
        "seconds": round(sum(float(s["seconds"]) for s in online), 1),
        "peak_mb": max(float(s["peak_mb"]) for s in online),
        "steps_s": [s["seconds"] for s in online],
        "status": next((s["status"] for s in online if s["status"] != "ok"), "ok"),
    }
    row["db_mb"] = round(sum(f.stat().st_size for f in tmp.glob(f"{size}.db*")) / 2**20, 0)
    row["cross_replica_links"] = cross_replica_links(db)
    save()
    for path in tmp.glob(f"*{size}*"):
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-memory-gb", type=float, default=20.0)
    parser.add_argument("--tmp", type=Path, default=None, help="where corpora and stores go")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/scale.json")
    args = parser.parse_args()
    base = Base.from_data(args.data)
    print(f"base: {len(base.records):,} articles", flush=True)
    rows: list[dict[str, object]] = []

    def save() -> None:
        args.out.write_text(json.dumps(_result(base, rows), indent=2) + "\n")

    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_name:
        for size in args.sizes:
            rows.append({"articles": size})
            run_size(base, size, Path(tmp_name), args.max_memory_gb * 1024, rows[-1], save)
    print(table(rows))
    print(f"wrote {args.out}")


def _result(base: Base, rows: list[dict[str, object]]) -> dict[str, object]:
    return {
        "benchmark": "scale",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "commit": COMMIT,
        "base_articles": len(base.records),
        "sizes": rows,
    }


def _commit() -> str:
    """The commit measured (``+`` when the work tree has changes), or "" outside git."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + ("+" if dirty else "")


COMMIT = _commit()  # taken when the run starts: the commands run the code of this moment


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| articles | ingest s (art/s) / MB | reuse s (art/s) / MB | stories s (art/s) / MB "
        "| +200 s / MB (library: ingest + reuse + events s / MB) | DB MB | cross-replica links |"
    )
    lines = [head, "|" + "---|" * 7]
    for row in rows:
        cells = [f"{row['articles']:,}"]
        for name in ("ingest", "reuse", "stories"):
            step = row.get(name)
            if not isinstance(step, dict):
                cells.append("—")
                continue
            cell = f"{step['seconds']} ({step['articles_per_s']:,.0f}) / {step['peak_mb']:,.0f}"
            cells.append(cell if step["status"] == "ok" else f"{cell} {step['status']}")
        new, lib = row.get("new_200"), row.get("new_200_library")
        cell = f"{new['seconds']} / {new['peak_mb']:,.0f}" if isinstance(new, dict) else "—"
        if isinstance(lib, dict) and lib.get("update_reuse_s") is not None:
            cell += (
                f" (library: {lib['ingest_s']} + {lib['update_reuse_s']} + "
                f"{lib['update_events_s']} s / {lib['peak_mb']:,.0f})"
            )
        cells.append(cell)
        cross = row.get("cross_replica_links")
        joined = (
            ", ".join(f"{n} {kind}" for kind, n in cross.items())
            if isinstance(cross, dict)
            else "—"
        )
        cells += [str(row.get("db_mb", "—")), joined or "0"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
