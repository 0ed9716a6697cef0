"""Acceptance 4 and 6 on SaudiNewsNet: full ingest from the zips, and SIGKILL-safe re-runs."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAUDINEWSNET, require

pytestmark = pytest.mark.slow

RECORDS = 31_030
EMPTY = 354


def ingest(db: Path, zips: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "marsad", "--db", str(db), "ingest", *zips, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def logical_dump(db: Path) -> dict[str, str]:
    """A digest per table of everything but insertion times and row numbers."""
    con = sqlite3.connect(db)
    queries = {
        "documents": "SELECT id, kind, origin, source, meta, data FROM documents ORDER BY id",
        "processed": "SELECT document_id, status FROM processed ORDER BY document_id",
        "articles": "SELECT * FROM articles ORDER BY id",
        "rejections": "SELECT origin, reason, detail, size FROM rejections ORDER BY origin, reason",
        "fts": "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'السعوديه'",
    }
    out = {}
    for name, sql in queries.items():
        digest = hashlib.sha256()
        for row in con.execute(sql):
            digest.update(repr(row).encode())
        out[name] = digest.hexdigest()
    con.close()
    return out


@pytest.fixture(scope="module")
def zips() -> list[str]:
    return sorted(str(p) for p in require(SAUDINEWSNET).glob("*.zip"))


@pytest.fixture(scope="module")
def full_db(tmp_path_factory: pytest.TempPathFactory, zips: list[str]) -> Path:
    db = tmp_path_factory.mktemp("snn") / "full.db"
    proc = ingest(db, zips)
    _out, err = proc.communicate(timeout=900)
    assert proc.returncode == 3, err  # partial: the empty records are rejected
    return db


def test_engine_saudinewsnet_ingests_in_full(full_db: Path) -> None:
    con = sqlite3.connect(full_db)
    documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    empty = con.execute("SELECT count(*) FROM rejections WHERE reason = 'empty'").fetchone()[0]
    others = con.execute("SELECT count(*) FROM rejections WHERE reason != 'empty'").fetchone()[0]
    processed = con.execute("SELECT count(*) FROM processed").fetchone()[0]
    pending = documents - processed
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert (documents, empty, pending) == (RECORDS - EMPTY, EMPTY, 0)
    assert (
        others
        == con.execute("SELECT count(*) FROM processed WHERE status='rejected'").fetchone()[0]
    )
    assert articles >= documents - others
    detail = con.execute("SELECT detail FROM rejections WHERE reason='empty' LIMIT 1").fetchone()[0]
    assert "empty" in detail


def test_engine_sigkill_then_rerun_gives_the_same_database(
    tmp_path: Path, zips: list[str], full_db: Path
) -> None:
    db = tmp_path / "killed.db"
    proc = ingest(db, zips)
    deadline = time.monotonic() + 300
    documents = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if documents >= RECORDS // 3:
                break
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert 0 < con.execute("SELECT count(*) FROM documents").fetchone()[0] < RECORDS
    con.close()
    rerun = ingest(db, zips)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 3, err
    assert logical_dump(db) == logical_dump(full_db)
