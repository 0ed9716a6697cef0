"""Issue 10, item 4 through the command line: each everyday fault is one line on stderr and the
exit code the README promises (1 an error stopped the command, 2 bad usage, 3 partial success),
never a traceback; bounded in time."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Protocol

import pytest

import marsad.cli.common
import marsad.store.sqlite
from marsad.cli.main import main
from marsad.store import SQLiteStore
from marsad.store.connection import Connection, connect
from tests.store.faults import (
    corrupt_header,
    corrupt_table,
    run_unprivileged,
    write_inputs,
    write_lock_held,
)

Run = tuple[int, list[str]]


class Runner(Protocol):
    def __call__(self, *args: str) -> Run: ...


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    """``run(*args)`` runs ``marsad.cli.main.main`` with that argv and returns the exit code
    and the non-blank lines of stderr."""
    for name in [name for name in os.environ if name.startswith("MARSAD_")]:
        monkeypatch.delenv(name)

    def run_main(*args: str) -> Run:
        monkeypatch.setattr(sys, "argv", ["marsad", *args])
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            main()
        err = capsys.readouterr().err
        assert "Traceback" not in err
        code = exited.value.code
        return (code if isinstance(code, int) else 1), [x for x in err.splitlines() if x.strip()]

    return run_main


def _ingested(run: Runner, tmp_path: Path) -> Path:
    db = tmp_path / "news.db"
    code, _ = run("--db", str(db), "ingest", str(write_inputs(tmp_path / "in")))
    assert code == 0
    return db


def _one_error(lines: list[str], *fragments: str) -> None:
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# -- the database ---------------------------------------------------------------------------


def test_cli_missing_folder_for_db_names_the_folder(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "news.db"
    code, lines = run("--db", str(missing), "ingest", str(write_inputs(tmp_path / "in")))
    assert code == 1
    _one_error(lines, f"the folder {tmp_path / 'typo'} does not exist", "mkdir -p")


def test_cli_locked_database_fails_after_the_busy_timeout(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _ingested(run, tmp_path)
    more = write_inputs(tmp_path / "more", count=5)
    monkeypatch.setenv("MARSAD_BUSY_TIMEOUT", "0.5")
    with write_lock_held(db, seconds=60):
        started = time.monotonic()
        code, lines = run("--db", str(db), "ingest", str(more))
        waited = time.monotonic() - started
    assert code == 1 and waited < 10
    _one_error(lines, f"database {db} is locked", "s for its write lock", "MARSAD_BUSY_TIMEOUT")


def test_cli_ingest_waits_for_another_writer_and_both_succeed(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "shared.db"
    SQLiteStore(db).close()
    monkeypatch.setenv("MARSAD_BUSY_TIMEOUT", "30")
    with write_lock_held(db, seconds=1.5) as holder:
        code, _ = run("--db", str(db), "ingest", str(write_inputs(tmp_path / "in")))
        assert holder.wait(timeout=30) == 0
    assert code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        assert con.execute("SELECT origin FROM rejections").fetchall() == [("holder",)]


def test_cli_readers_do_not_wait_for_a_writer(run: Runner, tmp_path: Path) -> None:
    db = _ingested(run, tmp_path)
    with write_lock_held(db, seconds=60):
        started = time.monotonic()
        code, _ = run("--db", str(db), "articles", "--json")
        assert code == 0 and time.monotonic() - started < 5


_MAIN = "import sys; from marsad.cli.main import main; sys.argv[0] = 'marsad'; main()"


@pytest.mark.parametrize("locked_down", ["file", "folder"])
def test_cli_read_only_database(run: Runner, tmp_path: Path, locked_down: str) -> None:
    db = _ingested(run, tmp_path)
    more = write_inputs(tmp_path / "more", count=2)
    target = db if locked_down == "file" else db.parent
    target.chmod(0o555)
    try:
        result = run_unprivileged(_MAIN, "--db", str(db), "ingest", str(more), cwd=tmp_path)
    finally:
        target.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    _one_error(
        [x for x in result.stderr.splitlines() if x.strip()],
        f"database {db} is read-only",
        f"its folder {db.parent} writable",
    )


def test_cli_full_disk(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "full.db"
    SQLiteStore(db).close()

    def nearly_full(path: Path, busy_timeout: float, cache_mb: int = 64) -> Connection:
        con = connect(path, busy_timeout, cache_mb)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages + 1}")
        return con

    monkeypatch.setattr(marsad.store.sqlite, "connect", nearly_full)
    code, lines = run("--db", str(db), "ingest", str(write_inputs(tmp_path / "in", count=20)))
    assert code == 1
    _one_error(lines, f"no room left to write database {db}", "free space")


def test_cli_damaged_page(run: Runner, tmp_path: Path) -> None:
    db = _ingested(run, tmp_path)
    corrupt_table(db, "articles")
    code, lines = run("--db", str(db), "articles")
    assert code == 1
    _one_error(lines, f"database {db} is damaged", "malformed", "backup")


def test_cli_damaged_header(run: Runner, tmp_path: Path) -> None:
    db = _ingested(run, tmp_path)
    corrupt_header(db)
    code, lines = run("--db", str(db), "search", "العراق")
    assert code == 1
    _one_error(lines, f"cannot open database {db}: it is damaged or is not a SQLite file")


# -- files outside the store ----------------------------------------------------------------


def test_cli_dedup_export_into_a_missing_folder(run: Runner, tmp_path: Path) -> None:
    db = _ingested(run, tmp_path)
    target = tmp_path / "exports" / "dups.csv"
    code, lines = run("--db", str(db), "dedup", "--export", str(target))
    assert code == 1
    _one_error(lines, str(target), f"the folder {tmp_path / 'exports'} does not exist")


def test_cli_dedup_export_onto_a_full_disk(run: Runner, tmp_path: Path) -> None:
    db = _ingested(run, tmp_path)
    target = tmp_path / "dups.csv"
    target.symlink_to("/dev/full")  # every write: ENOSPC
    code, lines = run("--db", str(db), "dedup", "--export", str(target))
    assert code == 1
    _one_error(lines, "no space left on the device")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied", "/srv/x.db"), "/srv/x.db: permission"),
        (OSError(errno.ELOOP, "Too many levels of symbolic links", "d/up"), "d/up: too many"),
        (sqlite3.InterfaceError("bad parameter"), "database error (bad parameter)"),
    ],
)
def test_cli_last_resort_errors_are_one_line(
    run: Runner, monkeypatch: pytest.MonkeyPatch, error: Exception, expected: str
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(marsad.cli.common, "Marsad", broken)
    code, lines = run("articles")
    assert code == 1
    _one_error(lines, expected)


def test_cli_error_lines_are_not_markup_or_control_codes(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "[/x] \x1b[2J" / "news.db"
    code, lines = run("--db", str(missing), "ingest", str(write_inputs(tmp_path / "in")))
    assert code == 1
    _one_error(lines, "[/x] \\x1b[2J")


# -- usage and partial success --------------------------------------------------------------


def test_cli_workers_zero_is_bad_usage(run: Runner, tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    code, lines = run("--db", str(tmp_path / "w.db"), "ingest", str(inputs), "--workers", "0")
    assert code == 2
    _one_error(lines, "workers must be at least 1", "got 0")
    assert not (tmp_path / "w.db").exists()  # bad usage creates no database


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("MARSAD_WORKERS", "0", "workers must be at least 1"),
        ("MARSAD_WORKERS", "two", "setting workers"),
        ("MARSAD_BUSY_TIMEOUT", "-1", "busy_timeout must be a number of seconds"),
        ("MARSAD_BUSY_TIMEOUT", "nan", "busy_timeout must be a number of seconds"),
        ("MARSAD_CACHE_MB", "0", "cache_mb must be in [1, 65536]"),
    ],
)
def test_cli_invalid_setting_in_the_environment_is_bad_usage(
    run: Runner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
    expected: str,
) -> None:
    monkeypatch.setenv(name, value)
    inputs = write_inputs(tmp_path / "in")
    code, lines = run("--db", str(tmp_path / "e.db"), "ingest", str(inputs))
    assert code == 2
    _one_error(lines, expected)


def test_cli_unknown_format_is_bad_usage(run: Runner, tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    code, lines = run("--db", str(tmp_path / "f.db"), "ingest", str(inputs), "--format", "pdf")
    assert code == 2
    _one_error(lines, "unknown input format 'pdf'")


def test_cli_some_inputs_rejected_is_partial_success(run: Runner, tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    (inputs / "empty.txt").write_bytes(b"")
    code, _ = run("--db", str(tmp_path / "p.db"), "ingest", str(inputs))
    assert code == 3


def test_cli_nothing_taken_is_a_failure_not_partial_success(run: Runner, tmp_path: Path) -> None:
    page = tmp_path / "script.html"  # read as a document, but no report text in it
    page.write_text("<html><head><title>t</title></head><body><script>var a=1</script></body>")
    code, _ = run("--db", str(tmp_path / "n.db"), "ingest", str(page))
    assert code == 1
    text = write_inputs(tmp_path / "in", count=1) / "r0.txt"
    code, _ = run("--db", str(tmp_path / "m.db"), "ingest", str(page), str(text))
    assert code == 3


def test_cli_ingest_of_the_folder_holding_the_database_skips_it(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_inputs(tmp_path / "in")
    monkeypatch.chdir(folder)
    for _ in range(2):  # the second run finds here.db, here.db-wal and here.db-shm beside it
        code, lines = run("--db", "here.db", "ingest", ".")
        assert code == 0, lines
    code, _ = run("--db", "here.db", "rejected")
    assert code == 0


def test_cli_read_command_on_an_empty_file_does_not_make_it_a_database(
    run: Runner, tmp_path: Path
) -> None:
    empty = tmp_path / "zero.db"
    empty.write_bytes(b"")
    code, lines = run("--db", str(empty), "articles")
    assert code == 1
    _one_error(lines, "is an empty file, not a Marsad database")
    assert empty.stat().st_size == 0


def test_cli_pages_skipped_by_design_are_listed_but_leave_the_code_at_zero(
    run: Runner, tmp_path: Path
) -> None:
    from tests.ingest.samples import news_page, two_page_warc, warc_archive

    crawl = tmp_path / "crawl.warc"
    gone = warc_archive([("https://almarsad.example/gone", news_page().encode())], status="404")
    crawl.write_bytes(two_page_warc() + gone)
    code, _ = run("--db", str(tmp_path / "w.db"), "ingest", str(crawl))
    assert code == 0
    store = SQLiteStore(str(tmp_path / "w.db"))
    try:
        (skipped,) = store.rejections()
    finally:
        store.close()
    assert skipped.reason.value == "skipped" and "404: 1" in skipped.detail
