"""RSS 1.0/2.0 and Atom feeds: each item is a record document holding the item's fields.

feedparser is lenient: a feed that is not well-formed (``bozo``) still yields the items it could
read, and those are kept; only a feed that gives nothing is rejected, with the parser's message.
A feed that is UTF-8 but for a few bytes is repaired first (see ``encoding.repair_utf8``):
feedparser would read all of it in some Latin code page instead.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from marsad.ingest.dates import parse_meta_date
from marsad.ingest.encoding import bom_encoding, codec_name, declared_charset, repair_utf8
from marsad.ingest.fields import canonical_json
from marsad.ingest.options import ReadOptions
from marsad.models import RawDocument, Rejection, RejectReason

_PLAIN_TYPES = ("text/plain",)


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """One record document per item; UNPARSEABLE when a broken feed gives no item with content."""
    data, note = _repaired(data)
    headers = {"content-type": "application/xml; charset=utf-8"} if note else None
    try:
        # A BytesIO, never bytes or str: feedparser treats a string as a URL or a file name.
        parsed: Any = feedparser.parse(
            io.BytesIO(data), sanitize_html=True, response_headers=headers
        )
    except UnicodeDecodeError as err:  # an XML declaration whose encoding name is not UTF-8
        detail = f"not a readable RSS/Atom feed: bad encoding declaration ({err})"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, len(data))
        return
    entries = parsed.get("entries") or []
    if not any(_has_text(entry) for entry in entries):
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception") or "unknown problem"
            detail = f"not a readable RSS/Atom feed: {problem}"
            yield Rejection(origin, RejectReason.UNPARSEABLE, detail, len(data))
            return
        if not entries:
            yield Rejection(origin, RejectReason.EMPTY, "the feed has no items", len(data))
            return
    feed = parsed.get("feed") or {}
    feed_title, feed_link = _text(feed.get("title")), _text(feed.get("link"))
    for index, entry in enumerate(entries):
        found = _item_document(entry, index, (feed_title, feed_link), f"{origin}#{index}", options)
        if note is not None and isinstance(found, RawDocument):
            meta = {**found.meta, "decoding": f"decoding the feed it came from: {note}"}
            found = RawDocument(found.data, found.kind, found.origin, found.source, meta)
        yield found


def _repaired(data: bytes) -> tuple[bytes, str | None]:
    """The feed as UTF-8 with its broken bytes replaced, and a note, when it is UTF-8 but for a
    few bytes; otherwise the bytes as they are, for feedparser to decode."""
    if bom_encoding(data) is not None:
        return data, None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data, None
    declared = codec_name(declared_charset(data[:4096]))
    repaired = repair_utf8(data, declared_utf8=declared in (None, "utf-8"))
    if repaired is None:
        return data, None
    return repaired.text.encode(), repaired.note


def _item_document(
    entry: Any,
    index: int,
    feed: tuple[str | None, str | None],
    origin: str,
    options: ReadOptions,
) -> RawDocument | Rejection:
    content, content_type = _content(entry)
    summary = _text(entry.get("summary"))
    summary_type = (entry.get("summary_detail") or {}).get("type", "text/html")
    published = _text(entry.get("published")) or _text(entry.get("updated"))
    item = {
        "title": _text(entry.get("title")),
        "link": _text(entry.get("link")),
        "published": published,
        "author": _text(entry.get("author")),
        "content": content,
        "summary": summary,
        "feed_title": feed[0],
        "feed_link": feed[1],
        "id": _text(entry.get("id")),
    }
    data = canonical_json(item)
    if len(data) > options.max_bytes:
        detail = f"item {index} is {len(data)} bytes, over the {options.max_bytes}-byte limit"
        return Rejection(origin, RejectReason.TOO_LARGE, detail, len(data))
    if content and len(content) >= len(summary or ""):
        body_field, body_type = "content", content_type
    elif summary:
        body_field, body_type = "summary", summary_type
    else:
        detail = f"item {index} has neither content nor a summary"
        return Rejection(origin, RejectReason.EMPTY, detail, len(data))
    meta = {
        "url": item["link"],
        "title": item["title"],
        "published": _iso(entry, published),
        "author": item["author"],
        "site_name": feed[0],
        "body_field": body_field,
        "body_format": "text" if body_type in _PLAIN_TYPES else "html",
    }
    clean_meta = {key: value for key, value in meta.items() if value}
    return RawDocument(data, "record", origin, options.source, clean_meta)


def _has_text(entry: Any) -> bool:
    """True for an item with any field of its own (a cut feed yields an item with none)."""
    return any(_text(entry.get(key)) for key in ("title", "link", "summary", "id")) or bool(
        _content(entry)[0]
    )


def _content(entry: Any) -> tuple[str | None, str]:
    """The item's full content (all parts joined) and its MIME type."""
    parts = [part for part in entry.get("content") or [] if _text(part.get("value"))]
    if not parts:
        return None, "text/html"
    value = "\n".join(str(part.get("value")) for part in parts)
    return value, str(parts[0].get("type") or "text/html")


def _iso(entry: Any, raw: str | None) -> str | None:
    """The item's date in ISO form: from the raw string (local time kept), else feedparser's UTC."""
    if raw:
        iso = parse_meta_date(raw)
        if iso:
            return iso
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        year, month, day, hour, minute, second = stamp[:6]
        return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    return raw


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
