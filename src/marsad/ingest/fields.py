"""Records (JSON objects, CSV rows, feed items) to documents, and documents back to text.

A record is stored whole, as canonical JSON, so nothing that arrived is lost; the fields Marsad
uses are found through a default mapping (or the user's ``--map``) and copied into ``meta``.
This module runs once per record, so it does dictionary look-ups and nothing heavier.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from marsad.ingest.dates import parse_meta_date
from marsad.ingest.htmltext import html_to_text, looks_like_html, normalize_newlines
from marsad.ingest.options import ReadOptions
from marsad.models import Extracted, RawDocument, Rejection, RejectReason

DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "body": ("content", "body", "text", "article", "article_body", "articleBody", "description"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": (
        "published",
        "date",
        "pubDate",
        "date_published",
        "datePublished",
        "published_at",
        "publication_date",
    ),
    "crawled": ("date_extracted", "crawled", "crawled_at", "fetched_at"),
    "author": ("author", "byline"),
    "source": ("source", "site", "outlet", "site_name"),
    "lang": ("lang", "language"),
}
"""Where each target is looked for when ``--map`` does not name a field: first present wins."""

_META_KEY = {"source": "site_name"}
"""Targets stored in ``meta`` under another name (the ``Extracted`` field they fill)."""
_DATE_TARGETS = ("published", "crawled")


def canonical_json(value: object) -> bytes:
    """Stable bytes for a JSON value: the same record always hashes to the same document id."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def as_text(value: object) -> str | None:
    """A field's value as text; lists are joined a line per item; None when there is nothing."""
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        items = [text for text in (as_text(item) for item in value) if text]
        return "\n".join(items) if items else None
    return None


def record_document(
    record: object, origin: str, label: str, options: ReadOptions
) -> RawDocument | Rejection:
    """One record as a document, or a rejection that says which field was missing or empty.

    ``label`` names the record in messages ("record 17", "row 17", "item 3").
    """
    if not isinstance(record, dict):
        kind = type(record).__name__
        return Rejection(origin, RejectReason.UNPARSEABLE, f"{label} is a {kind}, not an object")
    try:
        data = canonical_json(record)
    except (RecursionError, ValueError) as err:  # ValueError: a lone surrogate such as \ud800
        return Rejection(origin, RejectReason.UNPARSEABLE, f"{label} cannot be stored: {err}")
    if len(data) > options.max_bytes:
        detail = f"{label} is {len(data)} bytes, over the {options.max_bytes}-byte limit"
        return Rejection(origin, RejectReason.TOO_LARGE, detail, len(data))
    body_field = _body_field(record, options.field_map.get("body"))
    if body_field is None:
        return Rejection(origin, RejectReason.EMPTY, _no_body(label, options), len(data))
    body = as_text(record.get(body_field))
    if body is None:
        detail = f"{label} has an empty {body_field!r} field"
        return Rejection(origin, RejectReason.EMPTY, detail, len(data))
    meta = _mapped_meta(record, options.field_map)
    meta["body_field"] = body_field
    meta["body_format"] = "html" if looks_like_html(body) else "text"
    source = options.source or meta.get("site_name")
    return RawDocument(data, "record", origin, source, meta)


def extract_record(doc: RawDocument) -> Extracted | Rejection:
    """The record's body as text (HTML bodies converted) and its mapped metadata."""
    try:
        record: Any = json.loads(doc.data)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        return Rejection(doc.origin, RejectReason.UNPARSEABLE, f"stored record is not JSON: {err}")
    meta = doc.meta
    field = meta.get("body_field", "")
    body = as_text(record.get(field)) if isinstance(record, dict) else None
    if body is None:
        return Rejection(doc.origin, RejectReason.EMPTY, f"the record has no {field!r} text")
    text = html_to_text(body) if meta.get("body_format") == "html" else normalize_newlines(body)
    if not text.strip():
        return Rejection(doc.origin, RejectReason.NO_TEXT, f"the {field!r} field holds no text")
    return Extracted(
        text=text,
        title=meta.get("title"),
        url=meta.get("url"),
        author=meta.get("author"),
        published=meta.get("published"),
        site_name=meta.get("site_name"),
        crawled=meta.get("crawled"),
        lang=meta.get("lang"),
        needs_cleaning=True,
    )


def _body_field(record: dict[str, Any], mapped: str | None) -> str | None:
    """The field holding the body: the mapped one, else the first default with text, else the
    first default present (so the rejection can name the empty field)."""
    if mapped is not None:
        return mapped if mapped in record else None
    present = None
    for name in DEFAULT_FIELDS["body"]:
        if name in record:
            if as_text(record[name]) is not None:
                return name
            present = present or name
    return present


def _no_body(label: str, options: ReadOptions) -> str:
    mapped = options.field_map.get("body")
    if mapped is not None:
        return f"{label} has no {mapped!r} field (named by --map body={mapped})"
    looked = ", ".join(DEFAULT_FIELDS["body"])
    return f"{label} has no body field (looked for {looked}); name it with --map body=FIELD"


def _mapped_meta(record: dict[str, Any], field_map: Mapping[str, str]) -> dict[str, str]:
    """The record's metadata fields as strings, dates in ISO form when they can be read."""
    meta: dict[str, str] = {}
    for target, candidates in DEFAULT_FIELDS.items():
        if target == "body":
            continue
        mapped = field_map.get(target)
        names = (mapped,) if mapped is not None else candidates
        for name in names:
            value = as_text(record.get(name))
            if value is not None:
                value = " ".join(value.split()) if target != "url" else value.strip()
                if target in _DATE_TARGETS:
                    value = parse_meta_date(value) or value
                meta[_META_KEY.get(target, target)] = value
                break
    return meta
