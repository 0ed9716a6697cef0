"""Everyday faults made on purpose: another process holding the write lock, a damaged page, a
database nobody may write. Shared by the store's tests and the command line's."""

from __future__ import annotations

import ctypes
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from marsad.models import RawDocument

ARABIC = (
    "أعلنت وزارة الخارجية العراقية بدء أولى جولات المفاوضات مع الولايات المتحدة بشأن العلاقة "
    "الاستراتيجية بين البلدين، وقالت في بيان إن الجانبين بحثا رؤيتهما لإنشاء علاقة متوازنة."
)

_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute(
    "INSERT INTO rejections (origin, reason, detail, size, recorded_at) "
    "VALUES ('holder', 'empty', 'held the write lock', 0, '2024-01-01')"
)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def documents(count: int, start: int = 0, words: int = 40) -> list[RawDocument]:
    """``count`` distinct text documents of about ``words`` Arabic words each."""
    return [
        RawDocument(f"خبر {n}\n\n{ARABIC * (words // 20 + 1)} {n}".encode(), "text", f"{n}.txt")
        for n in range(start, start + count)
    ]


def write_inputs(folder: Path, count: int = 3) -> Path:
    """A folder of ``count`` small Arabic text files, ready to ingest."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"r{n}.txt").write_text(f"عنوان {n}\n\n{ARABIC} {n}", encoding="utf-8")
    return folder


@contextmanager
def write_lock_held(db: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process in a write transaction on ``db`` for ``seconds``, then committing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "holding", "the lock holder did not start"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def corrupt_table(db: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage, as a bad disk sector would."""
    with closing(sqlite3.connect(db)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        (size,) = con.execute("PRAGMA page_size").fetchone()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xde\xad\xbe\xef" * (size // 4))


def corrupt_header(db: Path) -> None:
    """Overwrite the file header: SQLite no longer recognizes the file."""
    with db.open("r+b") as handle:
        handle.write(b"\x00garbage" * 12)


_DAC_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
_PR_CAPBSET_DROP = 24


def run_unprivileged(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` where file permissions apply: when the tests run as root, without
    the capabilities that let root write a file or folder whose mode forbids it."""
    preexec = None
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)

        def preexec() -> None:
            for capability in _DAC_CAPABILITIES:
                if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=cwd,
            check=False,
            preexec_fn=preexec,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"running as root and cannot give up the right to ignore permissions: {exc}")
