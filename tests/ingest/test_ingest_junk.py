"""Junk is not accepted as data: wrong-typed bodies, impossible dates, non-web links, unsafe
zip member names. Issue 10, item 8; each test says what is stored and what is recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import ReadOptions, extract, read_bytes, read_inputs
from marsad.ingest.dates import latest_year
from marsad.ingest.sanitize import URL_RULE, checked_date, checked_url
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.hostile import member, zip_bytes
from tests.ingest.samples import ARTICLE, PARAGRAPHS, TITLE


def _one(record: dict[str, object]) -> RawDocument | Rejection:
    (item,) = read_bytes(json.dumps(record, ensure_ascii=False).encode(), "r.json", ReadOptions())
    return item


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (12345, "a number (12345)"),
        (3.5, "a number (3.5)"),
        (True, "a true/false value (true)"),
        ({"text": ARTICLE}, "an object"),
        ([ARTICLE, 7], "a list holding a number (7)"),
        ([[ARTICLE]], "a list holding a list"),
    ],
)
def test_ingest_junk_content_that_is_not_text_is_rejected(content: object, what: str) -> None:
    rejection = _one({"title": TITLE, "content": content})
    assert isinstance(rejection, Rejection)
    assert rejection.reason is RejectReason.NOT_TEXT
    assert rejection.detail == f"the record has {what} in its 'content' field, where text belongs"


def test_ingest_junk_content_as_a_list_of_paragraphs_is_text() -> None:
    doc = _one({"title": TITLE, "content": list(PARAGRAPHS)})
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted) and extracted.text == "\n".join(PARAGRAPHS)


def test_ingest_junk_number_body_falls_back_to_a_text_body_field() -> None:
    doc = _one({"content": 12345, "description": ARTICLE})
    assert isinstance(doc, RawDocument) and doc.meta["body_field"] == "description"


def test_ingest_junk_metadata_that_is_not_text_is_left_out_with_a_note() -> None:
    doc = _one({"title": 12345, "author": ["سارة الكعبي", "علي حسن"], "url": True, "body": ARTICLE})
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert (extracted.title, extracted.author, extracted.url) == (
        None,
        "سارة الكعبي, علي حسن",
        None,
    )
    assert extracted.notes == (
        "the 'title' field holds a number (12345), not text; left out",
        "the 'url' field holds a true/false value (true), not text; left out",
    )


@pytest.mark.parametrize(
    "date", ["not a date", "9999-99-99", "-0001-01-01", "1700-05-01", "0000-00-00", "3024-01-01"]
)
def test_ingest_junk_impossible_dates_are_not_publication_dates(date: str) -> None:
    doc = _one({"title": TITLE, "content": ARTICLE, "published": date})
    extracted = extract(doc) if isinstance(doc, RawDocument) else doc
    assert isinstance(extracted, Extracted)
    assert extracted.published is None
    span = f"from 1800 to {latest_year()}"
    assert extracted.notes == (f"publication date {date!r} left out: not a readable date {span}",)


def test_ingest_junk_real_dates_are_kept() -> None:
    for given_date, stored in [
        ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),
        ("1850-03-01", "1850-03-01"),
        (1437447092, "2015-07-21T02:51:32"),
    ]:
        doc = _one({"content": ARTICLE, "published": given_date})
        extracted = extract(doc) if isinstance(doc, RawDocument) else doc
        assert isinstance(extracted, Extracted)
        assert (extracted.published, extracted.notes) == (stored, ())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_ingest_junk_checked_dates_are_real_days_in_range(text: str) -> None:
    found = checked_date(text)
    if found is not None:
        year = int(found[:4])
        assert 1800 <= year <= latest_year()
        assert found[4] == "-" and found[7] == "-"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " JavaScript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "/relative/path",
        "http://",
        "https:///no-host",
        "http://[::1",
    ],
)
def test_ingest_junk_links_other_than_http_are_not_stored(link: str) -> None:
    assert checked_url(link) is None
    doc = _one({"content": ARTICLE, "url": link})
    extracted = extract(doc) if isinstance(doc, RawDocument) else doc
    assert isinstance(extracted, Extracted) and extracted.url is None
    assert extracted.notes == (f"url {link.strip()!r} left out: {URL_RULE}",)


@pytest.mark.parametrize(
    "link",
    ["https://ok.example/a?b=1", "urn:uuid:6e8bc430-9c3a-11d9", "tag:x.example,2005:1", "seed:001"],
)
def test_ingest_junk_web_links_and_identifiers_are_stored(link: str) -> None:
    doc = _one({"content": ARTICLE, "url": link})
    extracted = extract(doc) if isinstance(doc, RawDocument) else doc
    assert isinstance(extracted, Extracted) and extracted.url == link
    assert extracted.notes == ()


def test_ingest_junk_feed_javascript_link_is_not_stored() -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>
<item><title>{TITLE}</title><link>javascript:alert(1)</link>
<description>{ARTICLE}</description></item>
<item><title>ثان</title><link>https://ok.example/2</link>
<description>{PARAGRAPHS[0]}</description></item></channel></rss>""".encode()
    first, second = (extract(doc) for doc in read_bytes(feed, "f.xml", ReadOptions()))  # type: ignore[arg-type]
    assert isinstance(first, Extracted) and isinstance(second, Extracted)
    assert (first.url, second.url) == (None, "https://ok.example/2")


def test_ingest_junk_zip_members_named_outside_the_archive_are_rejected(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    archive.write_bytes(
        zip_bytes(
            [
                member("../../etc/cron.d/x.txt", ARTICLE.encode()),
                member("/etc/passwd.txt", ARTICLE.encode()),
                member("ok/../../up.txt", ARTICLE.encode()),
                member("C:\\windows\\x.txt", ARTICLE.encode()),
                member("link.txt", b"/etc/passwd", mode=0o120777),
                member("news/good.txt", ARTICLE.encode()),
            ]
        )
    )
    items = list(read_inputs([str(archive)], ReadOptions()))
    base = archive.as_posix()
    summary = [
        (item.origin, item.kind if isinstance(item, RawDocument) else item.reason.value)
        for item in items
    ]
    assert summary == [
        (f"{base}!../../etc/cron.d/x.txt", "skipped"),
        (f"{base}!/etc/passwd.txt", "skipped"),
        (f"{base}!C:\\windows\\x.txt", "skipped"),
        (f"{base}!link.txt", "skipped"),
        (f"{base}!news/good.txt", "text"),
        (f"{base}!ok/../../up.txt", "skipped"),
    ]
    assert isinstance(items[0], Rejection) and "outside the archive" in items[0].detail
    assert isinstance(items[3], Rejection) and "symbolic link" in items[3].detail
