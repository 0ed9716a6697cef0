"""Size limits on every input path, and inputs that must be skipped rather than read forever.

Issue 10, item 5: JSON/CSV/feed files, zip members (unpacked size), standard input, pipes and
devices stop at the limit with a recorded rejection; pipes, devices and symbolic link loops in
a folder are skipped with the reason, and the rest of the folder is read.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from marsad.ingest import ReadOptions, read_bytes, read_inputs, streamed
from marsad.models import RawDocument, Rejection, RejectReason
from tests.ingest.hostile import Endless, bomb, member, zip_bytes
from tests.ingest.samples import (
    ARTICLE,
    rss_feed,
    saudinewsnet_record,
    saudinewsnet_zip,
    two_page_warc,
)

Item = RawDocument | Rejection


def _summary(items: list[Item]) -> list[tuple[str, str]]:
    return [
        (item.origin, item.kind if isinstance(item, RawDocument) else item.reason.value)
        for item in items
    ]


def _records(count: int) -> bytes:
    return json.dumps([saudinewsnet_record(n) for n in range(count)], ensure_ascii=False).encode()


def test_ingest_limits_feed_stops_at_the_file_limit() -> None:
    name, data = "feed.xml", rss_feed()
    small = ReadOptions(max_file_bytes=len(data) - 1)
    (rejection,) = read_bytes(data, name, small)
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == (name, RejectReason.TOO_LARGE)
    assert rejection.size == len(data)
    assert f"{len(data) - 1}-byte limit for an input read whole" in rejection.detail
    fits = list(read_bytes(data, name, ReadOptions(max_file_bytes=len(data))))
    assert len(fits) == 3 and all(isinstance(item, RawDocument) for item in fits)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("day.json", _records(3)),
        ("day.jsonl", b"\n".join(json.dumps(r).encode() for r in json.loads(_records(3)))),
        (
            "day.csv",
            b"title,content\n" + b"".join(b"t,%d %s\n" % (n, b"x" * 900) for n in range(3)),
        ),
    ],
)
def test_ingest_limits_streamed_records_pass_the_file_limit(name: str, data: bytes) -> None:
    """JSON arrays, JSON Lines and CSV are read as streams: the file limit does not stop
    them (each record still has its own), and every record is read."""
    items = list(read_bytes(data, name, ReadOptions(max_file_bytes=len(data) // 4)))
    assert len(items) == 3 and all(isinstance(item, RawDocument) for item in items)


def test_ingest_limits_zip_member_declared_too_large_is_not_unpacked(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(
        zip_bytes([bomb("a.json", 64), member("b.json", _records(1)), bomb("c.txt", 64)])
    )
    options = ReadOptions(max_file_bytes=1 << 20, max_bytes=1 << 20)
    started = time.perf_counter()
    items = list(read_inputs([str(archive)], options))
    assert time.perf_counter() - started < 5
    base = archive.as_posix()
    assert _summary(items) == [
        (f"{base}!a.json", "too-large"),
        (f"{base}!b.json#0", "record"),
        (f"{base}!c.txt", "too-large"),
    ]
    assert isinstance(items[0], Rejection) and items[0].size == 64 << 20


def test_ingest_limits_zip_member_lying_about_its_size_is_cut_at_the_declared_size(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "liar.zip"
    archive.write_bytes(
        zip_bytes([bomb("a.json", 256, declared_size=4096), member("b.txt", ARTICLE.encode())])
    )
    items = list(read_inputs([str(archive)], ReadOptions(max_file_bytes=1 << 20)))
    base = archive.as_posix()
    assert _summary(items) == [(f"{base}!a.json", "unparseable"), (f"{base}!b.txt", "text")]
    assert isinstance(items[0], Rejection) and "cannot read this zip member" in items[0].detail


def test_ingest_limits_endless_stdin_stops_at_the_document_limit() -> None:
    stream = Endless(b"y\n")
    items = list(
        read_inputs(["-"], ReadOptions(max_bytes=1 << 20), stdin=io.BufferedReader(stream))
    )
    assert _summary(items) == [("-", "too-large")]
    assert isinstance(items[0], Rejection) and "reading stopped there" in items[0].detail
    assert stream.read_bytes <= (1 << 20) + (2 << 20)  # the limit and one buffer, not more


def test_ingest_limits_records_from_stdin_are_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe of JSON Lines many times the file limit is read to its end, a block at a time:
    memory holds a block, not the input."""
    monkeypatch.setattr(streamed, "BLOCK", 64 << 10)
    line = b'{"content": "\xd8\xae\xd8\xa8\xd8\xb1 %d"}\n'
    count = 200_000  # about 6 MB
    data = b"".join(line % n for n in range(count))
    options = ReadOptions(max_file_bytes=1 << 20)
    tracemalloc.start()
    read = 0
    for item in read_inputs(["-"], options, stdin=io.BufferedReader(io.BytesIO(data))):
        assert isinstance(item, RawDocument)
        read += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert read == count
    assert peak < len(data) // 2  # bytes and text of one block (and the input, not copied)


def _feed(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as out:
        out.write(data)


@pytest.mark.parametrize("gzip", [False, True])
def test_ingest_limits_warc_and_zip_from_a_pipe_are_read(gzip: bool) -> None:
    for data, expected in [
        (two_page_warc(gzip=gzip), [("-#2", "html"), ("-#4", "html")]),
        (saudinewsnet_zip([saudinewsnet_record(0)]), [("-!2015-07-21.json#0", "record")]),
    ]:
        read, write = os.pipe()
        writer = threading.Thread(target=_feed, args=(write, data))
        writer.start()
        with os.fdopen(read, "rb") as pipe:
            assert not pipe.seekable()
            items = list(read_inputs(["-"], ReadOptions(), stdin=pipe))
        writer.join(timeout=5)
        assert _summary(items) == expected


def test_ingest_limits_stdin_under_the_limit_is_read() -> None:
    items = list(
        read_inputs(["-"], ReadOptions(), stdin=io.BufferedReader(io.BytesIO(_records(2))))
    )
    assert _summary(items) == [("-#0", "record"), ("-#1", "record")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_ingest_limits_dev_zero_named_is_rejected_after_its_head() -> None:
    started = time.perf_counter()
    (rejection,) = read_inputs(["/dev/zero"], ReadOptions(format="text"))
    assert time.perf_counter() - started < 5
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("/dev/zero", RejectReason.BINARY)


def test_ingest_limits_named_pipe_on_the_command_line_is_read_up_to_the_limit(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write_forever() -> None:
        try:
            with fifo.open("wb") as out:
                while not stop.is_set():
                    out.write(b"y\n" * 4096)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    try:
        (rejection,) = read_inputs([str(fifo)], ReadOptions(max_bytes=1 << 20))
    finally:
        stop.set()
    writer.join(timeout=5)
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == (fifo.as_posix(), RejectReason.TOO_LARGE)


def _folder_with_traps(root: Path) -> Path:
    folder = root / "d"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "sub" / "b.txt").write_text(ARTICLE + " (ب)")
    (folder / "sub" / "up").symlink_to("..")  # ln -s .. d/sub/up
    (folder / "sub" / "z.txt").write_text(ARTICLE + " (ز)")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dead.txt").symlink_to("nowhere.txt")
    (folder / "self").symlink_to("self")
    return folder


def _read_with_timeout(paths: list[str], seconds: float = 20) -> list[Item]:
    """read_inputs in a thread, failing (rather than hanging the suite) if it blocks."""
    out: list[Item] = []
    worker = threading.Thread(
        target=lambda: out.extend(read_inputs(paths, ReadOptions())), daemon=True
    )
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {paths} did not finish in {seconds} s"
    return out


def test_ingest_limits_folder_skips_pipes_and_link_loops_and_reads_the_rest(
    tmp_path: Path,
) -> None:
    folder = _folder_with_traps(tmp_path)
    items = _read_with_timeout([str(folder)])
    base = folder.as_posix()
    assert _summary(items) == [
        (f"{base}/a.txt", "text"),
        (f"{base}/dead.txt", "not-found"),
        (f"{base}/pipe.txt", "skipped"),
        (f"{base}/self", "skipped"),
        (f"{base}/sub/b.txt", "text"),
        (f"{base}/sub/up", "skipped"),
        (f"{base}/sub/z.txt", "text"),
    ]
    details = {item.origin: item.detail for item in items if isinstance(item, Rejection)}
    assert "named pipe" in details[f"{base}/pipe.txt"]
    assert "symbolic link loop" in details[f"{base}/sub/up"]
    assert "symbolic link loop" in details[f"{base}/self"]
    assert "broken symbolic link" in details[f"{base}/dead.txt"]


def test_ingest_limits_globs_through_link_loops_finish_and_read_each_file_once(
    tmp_path: Path,
) -> None:
    folder = _folder_with_traps(tmp_path)
    for n in range(4):  # Python's glob would take 5**40 steps through these
        (folder / "sub" / f"loop{n}").symlink_to("..")
    items = _read_with_timeout([f"{folder.as_posix()}/**/*.txt"])
    documents = [item.origin for item in items if isinstance(item, RawDocument)]
    base = folder.as_posix()
    assert documents == [f"{base}/a.txt", f"{base}/sub/b.txt", f"{base}/sub/z.txt"]
    assert (f"{base}/pipe.txt", "skipped") in _summary(items)
