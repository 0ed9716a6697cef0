"""Format detection: by extension, by content, and binary files caught before any reader."""

from __future__ import annotations

import gzip

import pytest

from marsad.ingest.detect import detect, format_from_name, looks_binary
from tests.ingest.samples import PNG, atom_feed, news_page, rss_feed, two_page_warc


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("notes.md", "text"),
        ("page.HTM", "html"),
        ("feed.rss", "feed"),
        ("x.atom", "feed"),
        ("crawl.warc.gz", "warc"),
        ("crawl.arc", "warc"),
        ("d.json", "json"),
        ("d.ndjson", "jsonl"),
        ("d.tsv", "tsv"),
        ("d.zip", "zip"),
        ("README", None),
    ],
)
def test_ingest_detect_by_extension(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (rss_feed(), "feed"),
        (atom_feed(), "feed"),
        (news_page().encode(), "html"),
        (b"  <html><body>x</body></html>", "html"),
        (two_page_warc(), "warc"),
        (two_page_warc(gzip=True), "warc"),
        (b'[{"title": "x"}]', "json"),
        (b'{"title": "x"}', "json"),
        (b'{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("خبر عاجل".encode(), "text"),
        ("<html><body>خبر</body></html>".encode("utf-16"), "html"),
    ],
)
def test_ingest_detect_by_content(head: bytes, fmt: str) -> None:
    assert detect("-", head[:8192]).format == fmt


def test_ingest_detect_extension_wins_over_content() -> None:
    assert detect("page.txt", news_page().encode()).format == "text"
    assert detect("page.html", b"plain words").format == "html"
    assert detect("page.html", b"plain words", forced="text").format == "text"


@pytest.mark.parametrize(
    ("head", "looks_like"),
    [
        (PNG, "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"%PDF-1.7\n", "a PDF document"),
        (gzip.compress(b"hello"), "gzip-compressed data"),
        (b"abc\x00def", "binary data (it holds NUL bytes)"),
    ],
)
def test_ingest_detect_binary(head: bytes, looks_like: str) -> None:
    assert looks_binary(head) == looks_like
    found = detect("renamed.txt", head)
    assert (found.format, found.binary) == (None, looks_like)


def test_ingest_detect_utf16_with_bom_is_text_not_binary() -> None:
    assert looks_binary("خبر".encode("utf-16")) is None
    assert looks_binary(b"MZ is a fine way to start a sentence") is None


def test_ingest_detect_zip_by_content_only_without_a_text_extension() -> None:
    zipped = b"PK\x03\x04" + bytes(30)
    assert detect("upload", zipped).format == "zip"
    assert detect("notes.txt", zipped).binary == "a zip archive (name it .zip to read its members)"
