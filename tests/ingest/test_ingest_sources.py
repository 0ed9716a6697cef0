"""read_inputs: folders, globs, stdin, zips, missing paths; a bad file never stops a batch."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import ReadOptions, read_inputs
from marsad.models import RawDocument, Rejection, RejectReason
from tests.ingest.samples import (
    ARTICLE,
    PNG,
    news_page,
    rss_feed,
    saudinewsnet_record,
    saudinewsnet_zip,
    two_page_warc,
)


def _origins(items: list[RawDocument | Rejection]) -> list[tuple[str, str]]:
    return [
        (item.origin, item.kind if isinstance(item, RawDocument) else item.reason.value)
        for item in items
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inputs"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_bytes(ARTICLE.encode("cp1256"))
    (root / "b.html").write_bytes(news_page().encode())
    (root / "c.txt").write_bytes(b"")
    (root / "d.txt").write_bytes(PNG + bytes(64))
    (root / "sub" / "feed.xml").write_bytes(rss_feed())
    (root / "sub" / "crawl.warc").write_bytes(two_page_warc())
    (root / ".hidden.txt").write_text("سر")
    (root / ".git" / "config").write_text("[core]")
    return root


def test_ingest_sources_folder_walk_is_sorted_and_skips_hidden(folder: Path) -> None:
    items = list(read_inputs([str(folder)], ReadOptions()))
    base = folder.as_posix()
    assert _origins(items) == [
        (f"{base}/a.txt", "text"),
        (f"{base}/b.html", "html"),
        (f"{base}/c.txt", "empty"),
        (f"{base}/d.txt", "binary"),
        (f"{base}/sub/crawl.warc#2", "html"),
        (f"{base}/sub/crawl.warc#4", "html"),
        (f"{base}/sub/feed.xml#0", "record"),
        (f"{base}/sub/feed.xml#1", "record"),
        (f"{base}/sub/feed.xml#2", "record"),
    ]


def test_ingest_sources_origins_are_relative_when_paths_are(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    items = list(read_inputs(["inputs/sub/", "./inputs/a.txt"], ReadOptions()))
    assert [item.origin for item in items][:2] == [
        "inputs/sub/crawl.warc#2",
        "inputs/sub/crawl.warc#4",
    ]
    assert items[-1].origin == "inputs/a.txt"


def test_ingest_sources_glob_and_missing_paths(folder: Path) -> None:
    pattern = f"{folder.as_posix()}/**/*.txt"
    missing = f"{folder.as_posix()}/nope.txt"
    items = list(read_inputs([pattern, missing, f"{folder.as_posix()}/*.csv"], ReadOptions()))
    assert _origins(items) == [
        (f"{folder.as_posix()}/a.txt", "text"),
        (f"{folder.as_posix()}/c.txt", "empty"),
        (f"{folder.as_posix()}/d.txt", "binary"),
        (missing, "not-found"),
        (f"{folder.as_posix()}/*.csv", "not-found"),
    ]
    assert isinstance(items[3], Rejection) and "no file or folder matches" in items[3].detail


def test_ingest_sources_stdin_detects_the_format() -> None:
    stdin = io.BytesIO(rss_feed())
    items = list(read_inputs(["-"], ReadOptions(), stdin=stdin))
    assert [item.origin for item in items] == ["-#0", "-#1", "-#2"]


def test_ingest_sources_forced_format(tmp_path: Path) -> None:
    page = tmp_path / "page.dat"
    page.write_bytes(news_page().encode())
    (doc,) = read_inputs([str(page)], ReadOptions(format="text"))
    assert isinstance(doc, RawDocument) and doc.kind == "text"
    (doc,) = read_inputs([str(page)], ReadOptions())
    assert isinstance(doc, RawDocument) and doc.kind == "html"


def test_ingest_sources_zip_like_saudinewsnet(tmp_path: Path) -> None:
    day = tmp_path / "2015-07-21.zip"
    records = [saudinewsnet_record(0), saudinewsnet_record(1, content=""), saudinewsnet_record(2)]
    day.write_bytes(saudinewsnet_zip(records))
    items = list(read_inputs([str(day)], ReadOptions()))
    base = f"{day.as_posix()}!2015-07-21.json"
    assert _origins(items) == [
        (f"{base}#0", "record"),
        (f"{base}#1", "empty"),
        (f"{base}#2", "record"),
    ]
    assert all(item.source == "aawsat" for item in items if isinstance(item, RawDocument))


def test_ingest_sources_zip_members_of_mixed_kinds(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("b/page.html", news_page())
        out.writestr("a.txt", ARTICLE)
        out.writestr("__MACOSX/._a.txt", b"\x00\x05\x16\x07")
        out.writestr("c.zip", b"PK\x05\x06" + bytes(18))
        out.writestr("d.json", json.dumps({"content": ARTICLE}))
    items = list(read_inputs([str(archive)], ReadOptions()))
    base = archive.as_posix()
    assert _origins(items) == [
        (f"{base}!a.txt", "text"),
        (f"{base}!b/page.html", "html"),
        (f"{base}!c.zip", "unsupported"),
        (f"{base}!d.json", "record"),
    ]


def test_ingest_sources_bad_zip_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "a.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    good = tmp_path / "b.txt"
    good.write_text(ARTICLE)
    items = list(read_inputs([str(tmp_path)], ReadOptions()))
    assert _origins(items) == [(bad.as_posix(), "unparseable"), (good.as_posix(), "text")]


def test_ingest_sources_empty_folder_is_not_found(tmp_path: Path) -> None:
    (rejection,) = read_inputs([str(tmp_path)], ReadOptions())
    assert isinstance(rejection, Rejection) and rejection.reason is RejectReason.NOT_FOUND
    assert "holds no file to read" in rejection.detail
    assert "no file or folder" not in rejection.detail


def test_ingest_sources_only_exact_project_doc_names_are_skipped(tmp_path: Path) -> None:
    for name in ("README.md", "LICENSE", "notice_iraq_troops.txt", "licensed-report.txt"):
        (tmp_path / name).write_text(ARTICLE)
    items = list(read_inputs([str(tmp_path)], ReadOptions()))
    names = sorted(Path(item.origin).name for item in items)
    assert names == ["licensed-report.txt", "notice_iraq_troops.txt"]
    (only,) = read_inputs([str(tmp_path / "README.md")], ReadOptions())  # named: read
    assert isinstance(only, RawDocument)


def test_ingest_sources_never_read_the_database_being_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "here.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    (tmp_path / "here.db-wal").write_bytes(bytes(32))
    exclude = frozenset(str((tmp_path / n).resolve()) for n in ("here.db", "here.db-wal"))
    options = ReadOptions(exclude=exclude)
    items = list(read_inputs([str(tmp_path)], options))
    assert [Path(item.origin).name for item in items] == ["a.txt"]
    (named,) = read_inputs([str(tmp_path / "here.db")], options)
    assert isinstance(named, Rejection) and named.reason is RejectReason.SKIPPED
