"""Plain-text files: one document per file, decoded once to check it, kept as the bytes given."""

from __future__ import annotations

from collections.abc import Iterator

from marsad.ingest.encoding import DecodeError, decode_bytes, is_blank
from marsad.ingest.htmltext import normalize_newlines
from marsad.ingest.options import ReadOptions
from marsad.models import Extracted, RawDocument, Rejection, RejectReason


def read_text(data: bytes, origin: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """One text document, or a rejection when it cannot be decoded or holds only whitespace."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as err:
        yield Rejection(origin, RejectReason.UNDECODABLE, str(err), len(data))
        return
    if is_blank(text):
        yield Rejection(origin, RejectReason.EMPTY, "the text holds only whitespace", len(data))
        return
    yield RawDocument(data, "text", origin, options.source, {"encoding": encoding})


def extract_text(doc: RawDocument) -> Extracted | Rejection:
    """The decoded text with newlines normalized; title and chrome are left to the cleaner."""
    try:
        text, _ = decode_bytes(doc.data, doc.meta.get("encoding"))
    except DecodeError as err:
        return Rejection(doc.origin, RejectReason.UNDECODABLE, str(err), len(doc.data))
    if is_blank(text):
        return Rejection(doc.origin, RejectReason.EMPTY, "the text holds only whitespace")
    return Extracted(text=normalize_newlines(text), needs_cleaning=True)
