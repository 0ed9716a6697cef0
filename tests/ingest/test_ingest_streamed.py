"""Issue 12: JSON Lines, CSV and JSON arrays are read as streams, a block (or piece) at a time,
and give the documents reading the whole file gives, wherever the blocks are cut."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.ingest import ReadOptions, read_bytes, streamed
from marsad.ingest.records import read_csv, read_json, read_jsonl
from marsad.models import RawDocument, Rejection, RejectReason
from tests.ingest.samples import ARTICLE, saudinewsnet_record

RECORDS = [saudinewsnet_record(n) for n in range(12)]


def _jsonl() -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode()


def _csv() -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=["title", "content", "date"])
    writer.writeheader()
    for n, r in enumerate(RECORDS):  # bodies with line breaks and quotes inside their cells
        writer.writerow({"title": r["title"], "content": f'«{n}» "قال"\n{ARTICLE}', "date": "2015"})
    return out.getvalue().encode()


def _json() -> bytes:
    return json.dumps(RECORDS, ensure_ascii=False, indent=1).encode()


@pytest.mark.parametrize(
    ("name", "data", "whole"),
    [
        ("d.jsonl", _jsonl(), read_jsonl),
        ("d.csv", _csv(), read_csv),
        ("d.json", _json(), read_json),
    ],
)
@pytest.mark.parametrize("size", [1, 7, 300, 1 << 20])
def test_ingest_streamed_blocks_give_what_the_whole_file_gives(
    monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, whole: object, size: int
) -> None:
    monkeypatch.setattr(streamed, "BLOCK", size)
    monkeypatch.setattr(streamed, "PIECE", size)
    read = list(read_bytes(data, name, ReadOptions()))
    expected = list(whole(data, name, ReadOptions()))  # type: ignore[operator]
    assert len(read) == len(RECORDS) and all(isinstance(d, RawDocument) for d in read)
    assert read == expected


def test_ingest_streamed_long_line_is_rejected_and_reading_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(streamed, "BLOCK", 64)
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in RECORDS[:3]]
    long = json.dumps({"content": "خبر " * 5000}, ensure_ascii=False).encode()
    data = b"\n".join([lines[0], long, lines[1], b"", lines[2]])
    options = ReadOptions(max_bytes=max(len(x) for x in lines) + 10)
    items = list(read_bytes(data, "d.jsonl", options))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawDocument", "Rejection", "RawDocument", "RawDocument"]
    rejected = items[1]
    assert isinstance(rejected, Rejection) and rejected.reason == RejectReason.TOO_LARGE
    assert rejected.origin == "d.jsonl#line2" and "line 2" in rejected.detail
    assert [i.origin for i in items if isinstance(i, RawDocument)] == [
        "d.jsonl#0",
        "d.jsonl#1",
        "d.jsonl#2",
    ]


def test_ingest_streamed_csv_unbalanced_quote_stops_saying_where() -> None:
    data = b'title,content\nt,"one\nt,two\n' + b"t,x\n" * 200
    items = list(read_bytes(data, "d.csv", ReadOptions(max_bytes=500)))
    (rejection,) = items
    assert isinstance(rejection, Rejection) and rejection.reason == RejectReason.TOO_LARGE
    assert "line 2" in rejection.detail and "unbalanced quote" in rejection.detail


def test_ingest_streamed_json_array_without_its_end_is_said() -> None:
    data = json.dumps(RECORDS[:2], ensure_ascii=False).encode()[:-1]
    *docs, rejection = read_bytes(data, "d.json", ReadOptions())
    assert len(docs) == 2 and isinstance(rejection, Rejection)
    assert "without its closing bracket after record 2" in rejection.detail


def test_ingest_streamed_json_record_cut_inside_a_string_says_where() -> None:
    whole = json.dumps(RECORDS[:2], ensure_ascii=False)
    data = (whole[: whole.index('"', whole.index("},") + 10) + 5]).encode()
    *docs, rejection = read_bytes(data, "d.json", ReadOptions())
    assert len(docs) == 1 and isinstance(rejection, Rejection)
    assert rejection.detail.startswith("record 1 is not valid JSON: Unterminated string at ")
    assert rejection.detail.endswith(" of the record")


@pytest.mark.parametrize("tail", [b"t,x\n" * 200, b't,"' + b"x" * 2000 + b"\n"])
def test_ingest_streamed_csv_keeps_the_rows_before_a_record_that_does_not_end(
    tail: bytes,
) -> None:
    data = b'title,content\nt,one\nt,two\nt,"three\n' + tail
    *rows, rejection = read_bytes(data, "d.csv", ReadOptions(max_bytes=500))
    assert [r.origin for r in rows] == ["d.csv#0", "d.csv#1"]
    assert isinstance(rejection, Rejection) and "line 4" in rejection.detail
