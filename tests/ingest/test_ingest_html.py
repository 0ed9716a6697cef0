"""HTML pages: trafilatura keeps the article and drops menus, share bars, related links, footer."""

from __future__ import annotations

import logging

import pytest

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.samples import PARAGRAPHS, TITLE, news_page


def _doc(data: bytes, name: str = "page.html") -> RawDocument:
    items = list(read_bytes(data, name, ReadOptions()))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    return items[0]


def test_ingest_html_news_page_main_text_and_metadata() -> None:
    doc = _doc(news_page().encode())
    assert (doc.kind, doc.meta["encoding"]) == ("html", "utf-8")
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text.split("\n") == list(PARAGRAPHS)
    assert extracted.title == TITLE
    assert extracted.author == "سارة الكعبي"
    assert extracted.published == "2020-05-11"
    assert extracted.site_name == "جريدة المرصد"
    assert extracted.url == "https://almarsad.example/news/2020/05/11/iraq-talks"
    assert extracted.needs_cleaning is False


def test_ingest_html_windows_1256_page_declared_in_meta() -> None:
    page = news_page(charset="windows-1256").encode("cp1256")
    doc = _doc(page)
    assert doc.meta["encoding"] == "cp1256"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert PARAGRAPHS[0] in extracted.text


def test_ingest_html_page_without_main_text_is_no_text() -> None:
    doc = _doc(
        b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"
    )
    rejection = extract(doc)
    assert isinstance(rejection, Rejection)
    assert rejection.reason is RejectReason.NO_TEXT


def test_ingest_html_discarded_page_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        extract(_doc(b"<html><body><p>x</p></body></html>"))
    assert not [r for r in caplog.records if r.name.startswith(("trafilatura", "htmldate"))]


def test_ingest_html_heading_repeating_the_title_is_not_body_text() -> None:
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        + "</article></body></html>"
    )
    extracted = extract(_doc(page.encode()))
    assert isinstance(extracted, Extracted)
    assert extracted.title == TITLE
    assert extracted.text.split("\n") == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "body",
    [
        "<nav><a href='/'>الرئيسية</a></nav>",
        "<header><a href='/'>الرئيسية</a> | <a href='/sport'>رياضة</a></header>"
        "<footer>جميع الحقوق محفوظة</footer><script>var x = 'نص';</script>",
    ],
)
def test_ingest_html_page_of_menus_alone_is_no_text(body: str) -> None:
    page = f"<html><head><title>الموقع</title></head><body>{body}</body></html>"
    found = extract(_doc(page.encode()))  # trafilatura keeps the lone menu link's word
    assert isinstance(found, Rejection) and found.reason is RejectReason.NO_TEXT


def test_ingest_html_short_article_beside_menus_is_kept() -> None:
    page = (
        "<html><body><nav><a href='/'>الرئيسية</a></nav>"
        "<main><p>أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة اليوم.</p></main>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    found = extract(_doc(page.encode()))
    assert isinstance(found, Extracted) and "مستشفى جديد" in found.text
