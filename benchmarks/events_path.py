"""The path a user runs, for the event benchmarks: the command line on a fresh database.

``run_cli`` ingests input files with ``marsad ingest`` and reads every stored event back with
``marsad events --jsonl`` (which first brings reuse links, events and storylines up to date, as
``marsad stories`` does), each in its own process, as a user would type them. ``main_articles``
maps each url to the article a reader of that page would mean (the main report of the first
document that holds it), so a gold partition keyed by url can be scored against what was
stored. ``rerun`` recomputes the events of a stored database with other parameters (an
ablation: the reuse links, terms and dates stay as the real path stored them).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.engine.organizing import update_events
from marsad.organize.events import EventParams
from marsad.store import SQLiteStore

MARSAD = [sys.executable, "-m", "marsad"]


@dataclass(frozen=True, slots=True)
class PathRun:
    """What the command line stored: each article's event, and how long each command took."""

    db: Path
    event_of: dict[str, str]  # article id -> event id
    ingest_seconds: float
    events_seconds: float
    events: int


def run_cli(db: Path, inputs: Sequence[Path], batches: Sequence[Sequence[Path]] = ()) -> PathRun:
    """``marsad ingest INPUTS`` then ``marsad events --jsonl`` into the fresh database ``db``;
    each of ``batches`` is then ingested in turn with ``marsad stories`` after it (small batches
    join events online, as for a monitor that runs after every crawl)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    ingest = _timed([*MARSAD, "--db", str(db), "ingest", *map(str, inputs)], ok=(0, 3))
    for batch in batches:
        ingest += _timed([*MARSAD, "--db", str(db), "stories"])
        ingest += _timed([*MARSAD, "--db", str(db), "ingest", *map(str, batch)], ok=(0, 3))
    start = time.perf_counter()
    out = subprocess.run(
        [*MARSAD, "--db", str(db), "events", "--jsonl"], capture_output=True, text=True, check=True
    ).stdout
    seconds = time.perf_counter() - start
    event_of: dict[str, str] = {}
    count = 0
    for line in out.splitlines():
        event = json.loads(line)
        count += 1
        for report in event["reports"]:
            event_of[report["id"]] = event["id"]
    return PathRun(db, event_of, ingest, seconds, count)


def _timed(command: list[str], ok: Iterable[int] = (0,)) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in tuple(ok):
        raise RuntimeError(f"{' '.join(command[2:])} exited {done.returncode}: {done.stderr}")
    return time.perf_counter() - start


def main_articles(db: Path) -> dict[str, str]:
    """url -> the main article (not one appended after «اقرأ أيضاً») of the first document
    ingested with that url."""
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT a.url, a.id FROM articles a JOIN documents d ON d.id = a.document_id "
            "WHERE a.url IS NOT NULL AND a.parent_id IS NULL ORDER BY d.rowid, a.seq"
        ).fetchall()
    out: dict[str, str] = {}
    for url, article in rows:
        out.setdefault(url, article)
    return out


def article_days(db: Path) -> dict[str, tuple[str, str]]:
    """article id -> (ISO day, "published" or "crawled"): the day a report came out, as its
    source or text gives it, else the day it was crawled."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, published, crawled FROM articles").fetchall()
    out = {}
    for article, published, crawled in rows:
        if published:
            out[article] = (str(published)[:10], "published")
        elif crawled:
            out[article] = (str(crawled)[:10], "crawled")
    return out


def keyed(event_of: Mapping[str, str], articles: Mapping[str, str]) -> dict[str, str]:
    """The stored partition keyed like the gold: key -> event (an article in no event is one)."""
    return {key: event_of.get(article, article) for key, article in articles.items()}


def rerun(db: Path, params: EventParams, workers: int = 2, **options: Any) -> dict[str, str]:
    """The events of a copy of ``db`` recomputed with ``params`` (article id -> event id;
    terms stored with other ``params.vectors`` are computed again by the store; ``options``:
    more arguments of ``update_events``)."""
    copy = db.with_name(db.stem + "-variant.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    store = SQLiteStore(str(copy))
    try:
        update_events(store, params, workers=workers, consolidate=True, **options)
        event_of = store.events.organized()
    finally:
        store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return event_of


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
