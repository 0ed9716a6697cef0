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
from marsad.ingest.sanitize import strip_controls
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
_JSON_KINDS = {
    int: "a number",
    float: "a number",
    bool: "true or false",
    str: "a string",
    list: "a list",
    type(None): "null",
}
"""How a rejection names a JSON value that is not an object."""
_NOTE_KEYS = ("decoding", "notes")
"""``meta`` keys holding notes for the article: how the file was decoded, fields left out."""


def canonical_json(value: object) -> bytes:
    """Stable bytes for a JSON value: the same record always hashes to the same document id."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def text_field(value: object, joiner: str = "\n") -> tuple[str | None, str | None]:
    """A field's text and, when its value is not text, what it is instead ("a number").

    Strings are text, and so is a list of strings (paragraphs, several authors), joined by
    ``joiner``; a number, true/false, an object or a list holding one of them is not: turning
    ``12345`` into an article, or ``true`` into a title, would store junk as news.

    >>> text_field(["فقرة أولى", "فقرة ثانية"]), text_field(12345)
    (('فقرة أولى\\nفقرة ثانية', None), (None, 'a number (12345)'))
    """
    if value is None:
        return None, None
    if isinstance(value, str):
        return (value if value and not value.isspace() else None), None
    if isinstance(value, list):
        kinds = {_kind(item) for item in value if not isinstance(item, str) and item is not None}
        if kinds:
            return None, f"a list holding {' and '.join(sorted(kinds))}"
        items = [item for item in value if isinstance(item, str) and item.strip()]
        return (joiner.join(items) if items else None), None
    return None, _kind(value)


def _kind(value: object) -> str:
    """What a JSON value is, for messages: 'a number (12345)', 'true/false', 'an object'."""
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, int | float):
        shown = str(value)
        return f"a number ({shown if len(shown) <= 20 else shown[:19] + '…'})"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def record_document(
    record: object,
    origin: str,
    label: str,
    options: ReadOptions,
    decoding: str | None = None,
) -> RawDocument | Rejection:
    """One record as a document, or a rejection that says which field was missing or empty.

    ``label`` names the record in messages ("record 17", "row 17", "item 3"); ``decoding`` is
    what decoding the file repaired, kept in the record's ``meta`` for its article's notes.
    """
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), f"a {type(record).__name__}")
        return Rejection(origin, RejectReason.UNPARSEABLE, f"{label} is {kind}, not an object")
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
    body, problem = text_field(record.get(body_field))
    if problem is not None:
        detail = f"{label} has {problem} in its {body_field!r} field, where text belongs"
        return Rejection(origin, RejectReason.NOT_TEXT, detail, len(data))
    if body is None:
        detail = f"{label} has an empty {body_field!r} field"
        return Rejection(origin, RejectReason.EMPTY, detail, len(data))
    meta = _mapped_meta(record, options.field_map)
    meta["body_field"] = body_field
    meta["body_format"] = "html" if looks_like_html(body) else "text"
    if decoding is not None:
        meta["decoding"] = f"decoding the file it came from: {decoding}"
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
    body = text_field(record.get(field))[0] if isinstance(record, dict) else None
    if body is None:
        return Rejection(doc.origin, RejectReason.EMPTY, f"the record has no {field!r} text")
    notes = [note for key in _NOTE_KEYS if key in meta for note in meta[key].split("\n")]
    if meta.get("body_format") == "html":
        # whole escape sequences go before the parser sees them (it would keep their «[31m»)
        body, removed = strip_controls(body)
        if removed:
            plural = "s" if removed != 1 else ""
            notes.append(
                f"{removed} control character{plural} or terminal escape sequence{plural} "
                "removed from the text"
            )
        text = html_to_text(body)
        notes.append(f"the {field!r} field was read as HTML: its markup was removed")
    else:
        text = normalize_newlines(body)
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
        notes=tuple(notes),
    )


def _body_field(record: dict[str, Any], mapped: str | None) -> str | None:
    """The field holding the body: the mapped one, else the first default with text, else the
    first default present (so the rejection can name the empty field)."""
    if mapped is not None:
        return mapped if mapped in record else None
    present = None
    for name in DEFAULT_FIELDS["body"]:
        if name in record:
            if text_field(record[name])[0] is not None:
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
    """The record's metadata fields as strings, dates in ISO form when they can be read.

    A field that is not text is left out, and ``meta["notes"]`` says so (a line per field);
    a number is read as a date only in a date field (seconds since 1970).
    """
    meta: dict[str, str] = {}
    notes: list[str] = []
    for target, candidates in DEFAULT_FIELDS.items():
        if target == "body":
            continue
        mapped = field_map.get(target)
        names = (mapped,) if mapped is not None else candidates
        for name in names:
            raw = record.get(name)
            if raw is None:
                continue
            if target in _DATE_TARGETS and isinstance(raw, int) and not isinstance(raw, bool):
                raw = str(raw)
            value, problem = text_field(raw, ", " if target == "author" else " ")
            if problem is not None:
                notes.append(f"the {name!r} field holds {problem}, not text; left out")
            if value is not None:
                value = " ".join(value.split()) if target != "url" else value.strip()
                if target in _DATE_TARGETS:
                    value = parse_meta_date(value) or value
                meta[_META_KEY.get(target, target)] = value
                break
    if notes:
        meta["notes"] = "\n".join(notes)
    return meta
