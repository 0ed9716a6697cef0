"""Benchmark: the web server under load, as users reach it (issue 13).

    make bench-api     # or: python benchmarks/api.py [--db FILE] [--seconds S] [--requests N]

All of SaudiNewsNet is ingested and organized into a fresh database (``marsad ingest`` then
``marsad stories``; or ``--db`` gives one already made), then ``marsad serve`` runs on a free
loopback port, as a user starts it. Five kinds of request: the front page, a storyline page
(the 20 largest storylines in turn), an article page (200 articles drawn with a fixed seed),
a search (30 words drawn from titles, through the search page) and the JSON API's lists
(pages of articles from the first to the last tenth of the list, with and without filters,
of events, storylines and groups of copies). Each kind is run with 1 and
then 16 concurrent clients (threads with keep-alive connections), each client sending requests
back to back until ``--requests`` were answered or ``--seconds`` passed; the 16-client runs
are made a second time while ``marsad ingest`` writes all of ANT into the same database beside
them (a server must keep answering during writes: a 503 "database is locked" counts as an
error), and a third time, on a fresh copy whose pages were each viewed once, with the ingest
run as ``nice -n 10 marsad ingest`` (how the README suggests to run ingests beside a server).
Latency is measured at the client, from sending to the last byte.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet) and ANT
(https://github.com/antcorpus/antcorpus.data) in ../shared/data. Prints a table and writes
benchmarks/results/api.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from marsad.web.paging import encoded

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
RESULTS = ROOT / "benchmarks" / "results"
MARSAD = [sys.executable, "-m", "marsad"]
TARGET_P99_MS = 200.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build(db: Path) -> None:
    """All of SaudiNewsNet ingested and organized into ``db``, as a user does it."""
    for args in (["ingest", str(SHARED / "saudinewsnet")], ["stories", "--limit", "1"]):
        start = time.perf_counter()
        done = subprocess.run([*MARSAD, "--db", str(db), *args], capture_output=True, text=True)
        if done.returncode not in (0, 3):
            raise SystemExit(f"marsad {args[0]} failed: {done.stderr}")
        print(f"  marsad {args[0]}: {time.perf_counter() - start:.0f} s", flush=True)


def targets(db: Path, seed: int = 7) -> dict[str, list[str]]:
    """The URLs of each kind of request, drawn from the database."""
    rng = random.Random(seed)
    with sqlite3.connect(db) as con:
        stories = [
            r[0] for r in con.execute("SELECT id FROM storylines ORDER BY articles DESC LIMIT 20")
        ]
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
        titles = [r[0] for r in con.execute("SELECT title FROM articles WHERE title IS NOT NULL")]
        day = "coalesce(nullif(published, ''), nullif(crawled, ''), '')"
        keys = con.execute(
            f"SELECT {day}, id FROM articles ORDER BY {day} DESC, id DESC"
        ).fetchall()
        days = sorted({str(k[0])[:10] for k in keys if k[0]})
        groups = int(con.execute("SELECT count(*) FROM reuse_group_sizes").fetchone()[0])
    words = sorted({w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()})
    tenth = max(1, len(keys) // 10)
    deep = [encoded(tuple(keys[k])) for k in range(tenth, len(keys), tenth)]
    middle = days[len(days) // 2] if days else "2015-01-01"
    return {
        "front page": ["/"],
        "storyline page": [f"/stories/{s}" for s in stories],
        "article page": [f"/articles/{a}" for a in rng.sample(ids, min(200, len(ids)))],
        "search": [
            "/search?q=" + urllib.parse.quote(w) for w in rng.sample(words, min(30, len(words)))
        ],
        "API lists": [
            "/api/articles?limit=50",
            *(f"/api/articles?limit=50&cursor={c}" for c in deep),  # a tenth of the way on, …
            f"/api/articles?limit=50&lang=ar&since={middle}",
            f"/api/events?limit=50&since={middle}",
            "/api/stories?limit=20",
            "/api/reuse?limit=50",
            "/api/reuse?limit=50&cursor=" + encoded((f"{groups // 2:09d}",)),  # half way
        ],
    }


def load(port: int, urls: list[str], clients: int, requests: int, seconds: float) -> dict[str, Any]:
    """``clients`` threads sending ``urls`` in turn until ``requests`` answers or ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < deadline:
            with lock:
                n = next(counter)
                if n >= requests:
                    return
            url = urls[n % len(urls)]
            start = time.perf_counter()
            try:
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status, exc_text = 0, f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - start
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(exc_text if status == 0 else f"HTTP {status} {url}")
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return (
            round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)
            if ordered
            else float("nan")
        )

    return {
        "clients": clients,
        "answered": len(latencies),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:3],
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else float("nan"),
        "requests_per_s": round(len(latencies) / wall, 1),
    }


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [*MARSAD, "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(
        f"marsad serve did not start: {server.stderr.read().decode() if server.stderr else ''}"
    )


ANT = SHARED / "ant" / "ant_v1.1.jsonl.zip"
NICE = 10
"""The niceness of the second ingest beside the server: ``nice -n 10 marsad ingest``, as a
deployment that runs its ingests beside a server would (README, "Serving")."""


def beside(
    db: Path, port: int, urls: dict[str, list[str]], args: argparse.Namespace, nice: int
) -> list[dict[str, Any]]:
    """The 16-client runs again while ``marsad ingest`` writes all of ANT into the database
    (at niceness ``nice``)."""
    if not ANT.is_file():
        return []
    command = [*MARSAD, "--db", str(db), "ingest", str(ANT)]
    writer = subprocess.Popen(
        ["nice", "-n", str(nice), *command] if nice else command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = []
    time.sleep(2)  # the ingest is reading and writing by now
    for kind, kind_urls in urls.items():
        row = {"request": kind, "ingest beside": writer.poll() is None, "ingest nice": nice}
        row |= load(port, kind_urls, 16, args.requests, args.seconds)
        rows.append(row)
        print(_line(row), flush=True)
    writer.wait()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--db", type=Path, help="a database already made (copied, not changed)")
    parser.add_argument("--requests", type=int, default=400, help="answers per kind and run")
    parser.add_argument("--seconds", type=float, default=30.0, help="time cap per kind and run")
    parser.add_argument("--out", type=Path, default=RESULTS / "api.json")
    args = parser.parse_args()
    if not (SHARED / "saudinewsnet").is_dir():
        raise SystemExit(f"SaudiNewsNet is missing: {SHARED / 'saudinewsnet'} (see the docstring)")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="marsad-api-") as tmp:
        db = Path(tmp) / "marsad.db"
        base = args.db or Path(tmp) / "base.db"
        if not args.db:
            print("building the database (all of SaudiNewsNet):", flush=True)
            build(base)
        _copy(base, db)
        urls = targets(db)
        with sqlite3.connect(db) as con:
            articles = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        port = _free_port()
        server = serve(db, port)
        try:
            for kind, kind_urls in urls.items():
                load(port, kind_urls[:3], 1, 10, 10)  # warm the caches of the server and the OS
                for clients in (1, 16):
                    row = {"request": kind, "ingest beside": False}
                    row |= load(port, kind_urls, clients, args.requests, args.seconds)
                    rows.append(row)
                    print(_line(row), flush=True)
            rows += beside(db, port, urls, args, nice=0)
        finally:
            server.terminate()
            server.wait(timeout=30)
        if ANT.is_file():  # again on the database as it was, the ingest at a lower priority
            _copy(base, db)
            server = serve(db, port)
            try:
                for kind_urls in urls.values():  # each page viewed once, as the first runs did
                    load(port, kind_urls, 1, len(kind_urls), args.seconds)
                rows += beside(db, port, urls, args, nice=NICE)
            finally:
                server.terminate()
                server.wait(timeout=30)
    result = {
        "benchmark": "api",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "target_p99_ms_at_16_clients": TARGET_P99_MS,
        "database": f"copied from {args.db}"
        if args.db
        else "all of SaudiNewsNet, ingest + stories",
        "articles": articles,
        "requests_per_run": args.requests,
        "seconds_cap_per_run": args.seconds,
        "results": rows,
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def _copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)


def _line(row: dict[str, Any]) -> str:
    beside = " (ingest beside)" if row["ingest beside"] else ""
    if row["ingest beside"] and row.get("ingest nice"):
        beside = f" (ingest beside, nice {row['ingest nice']})"
    return (
        f"{row['request'] + beside:<32} {row['clients']:>3} clients: p50 {row['p50_ms']:>7} ms"
        f"  p99 {row['p99_ms']:>7} ms  {row['requests_per_s']:>6}/s  "
        f"{row['answered']} answered, {row['errors']} errors"
    )


if __name__ == "__main__":
    main()
