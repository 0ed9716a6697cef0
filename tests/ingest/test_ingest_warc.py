"""WARC archives: HTML responses become documents; a damaged archive keeps what came before."""

from __future__ import annotations

import pytest

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.samples import PARAGRAPHS, news_page, two_page_warc, warc_archive


@pytest.mark.parametrize("gzip", [False, True])
def test_ingest_warc_html_responses(gzip: bool) -> None:
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    items = list(read_bytes(two_page_warc(gzip=gzip), name, ReadOptions(source="crawler")))
    assert all(isinstance(item, RawDocument) for item in items), items
    assert [item.origin for item in items] == [f"{name}#2", f"{name}#4"]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert (first.kind, first.source) == ("html", "crawler")
    assert first.meta["url"] == "https://almarsad.example/news/1"
    assert first.meta["encoding"] == "utf-8"
    assert first.meta["crawled"][:4].isdigit() and "T" in first.meta["crawled"]
    assert first.data.startswith(b"<!DOCTYPE html>")  # the HTTP payload, headers stripped
    extracted = extract(first)
    assert isinstance(extracted, Extracted)
    assert extracted.url == "https://almarsad.example/news/1"
    assert extracted.text.split("\n") == list(PARAGRAPHS)
    assert extracted.crawled == first.meta["crawled"]


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("cut", [300, 2000])
def test_ingest_warc_truncated_keeps_earlier_records(gzip: bool, cut: int) -> None:
    whole = two_page_warc(gzip=gzip)
    items = list(read_bytes(whole[: len(whole) - cut], "crawl.warc", ReadOptions()))
    docs = [item for item in items if isinstance(item, RawDocument)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(rejections) == 1, items
    assert rejections[0].reason is RejectReason.UNPARSEABLE
    assert rejections[0].origin == "crawl.warc"
    assert "damaged at record" in rejections[0].detail or "is cut after" in rejections[0].detail
    assert 1 <= len(docs) <= 2
    assert docs[0].origin == "crawl.warc#2"
    assert items[-1] is rejections[0]


def test_ingest_warc_cut_inside_second_page_names_its_record() -> None:
    whole = two_page_warc()
    items = list(read_bytes(whole[: len(whole) * 3 // 4], "crawl.warc", ReadOptions()))
    assert [type(item) for item in items] == [RawDocument, Rejection]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert "damaged at record 4" in rejection.detail
    assert "cut short" in rejection.detail


def test_ingest_warc_not_a_warc_is_unparseable() -> None:
    (rejection,) = read_bytes(b"this is not a web archive\n" * 20, "x.warc", ReadOptions())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is RejectReason.UNPARSEABLE


def test_ingest_warc_trailing_blank_lines_are_not_damage() -> None:
    items = list(read_bytes(two_page_warc() + b"\r\n\n\n", "crawl.warc", ReadOptions()))
    assert [type(item) for item in items] == [RawDocument, RawDocument]


def test_ingest_warc_page_over_max_bytes() -> None:
    items = list(read_bytes(two_page_warc(), "crawl.warc", ReadOptions(max_bytes=1000)))
    assert [item.origin for item in items] == ["crawl.warc#2", "crawl.warc#4"]
    reasons = [item.reason for item in items if isinstance(item, Rejection)]
    assert reasons == [RejectReason.TOO_LARGE, RejectReason.TOO_LARGE]


def test_ingest_warc_pages_not_fetched_with_200_are_counted_in_one_rejection() -> None:
    data = warc_archive([("https://almarsad.example/gone", news_page().encode())], status="404")
    (rejection,) = read_bytes(data, "crawl.warc", ReadOptions())
    assert isinstance(rejection, Rejection) and rejection.reason is RejectReason.SKIPPED
    assert "1 HTML response with a status other than 200 skipped (404: 1)" in rejection.detail
    both = two_page_warc() + data  # a 200 page is read, the 404 is said; the JPEG is no page
    kinds = [type(item).__name__ for item in read_bytes(both, "crawl.warc", ReadOptions())]
    assert kinds == ["RawDocument", "RawDocument", "Rejection"]
