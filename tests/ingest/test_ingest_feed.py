"""RSS 2.0 and Atom feeds: one record document per item; broken feeds rejected with the reason."""

from __future__ import annotations

import json

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.samples import PARAGRAPHS, TITLE, atom_feed, rss_feed


def test_ingest_feed_rss_items() -> None:
    items = list(read_bytes(rss_feed(), "world.rss", ReadOptions(source="almarsad")))
    assert [item.origin for item in items] == ["world.rss#0", "world.rss#1", "world.rss#2"]
    doc = items[1]
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.source) == ("record", "almarsad")
    assert doc.meta["url"] == "https://almarsad.example/news/1"
    assert doc.meta["title"] == "خبر رقم 1"
    assert doc.meta["published"] == "2020-05-11T18:31:00"
    assert doc.meta["site_name"] == "جريدة المرصد - عربي ودولي"
    assert (doc.meta["body_field"], doc.meta["body_format"]) == ("summary", "html")
    stored = json.loads(doc.data)
    assert sorted(stored) == sorted(
        [
            "title",
            "link",
            "published",
            "author",
            "content",
            "summary",
            "feed_title",
            "feed_link",
            "id",
        ]
    )
    assert stored["published"] == "Mon, 11 May 2020 18:31:00 +0300"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text == PARAGRAPHS[1]
    assert extracted.published == "2020-05-11T18:31:00"


def test_ingest_feed_atom_prefers_the_longer_content() -> None:
    (doc,) = read_bytes(atom_feed(), "wire.atom", ReadOptions())
    assert isinstance(doc, RawDocument)
    assert doc.meta["body_field"] == "content"
    assert doc.meta["published"] == "2020-05-11T09:15:00"
    assert doc.meta["author"] == "قسم الأخبار"
    assert doc.meta["site_name"] == "وكالة الأنباء"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    assert extracted.title == TITLE


def test_ingest_feed_malformed_without_items_is_unparseable() -> None:
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><item><titl'
    (rejection,) = read_bytes(broken, "feed.xml", ReadOptions())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is RejectReason.UNPARSEABLE
    assert rejection.origin == "feed.xml"
    assert "not a readable RSS/Atom feed" in rejection.detail


def test_ingest_feed_malformed_with_items_keeps_them() -> None:
    cut = rss_feed().replace(b"</channel></rss>", b"<item><title>bad & broken</title>")
    items = list(read_bytes(cut, "feed.xml", ReadOptions()))
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert len(docs) == 3


def test_ingest_feed_item_without_text_is_empty() -> None:
    feed = (
        b'<rss version="2.0"><channel><title>t</title><item><title>x</title></item></channel></rss>'
    )
    (rejection,) = read_bytes(feed, "feed.rss", ReadOptions())
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.origin) == (RejectReason.EMPTY, "feed.rss#0")
