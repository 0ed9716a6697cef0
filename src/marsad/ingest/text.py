"""Plain-text files: one document per file, decoded once to check it, kept as the bytes given."""

from __future__ import annotations

from collections.abc import Iterator

from marsad.ingest.encoding import DecodeError, decode, is_blank
from marsad.ingest.htmltext import normalize_newlines
from marsad.ingest.options import ReadOptions
from marsad.models import Extracted, RawDocument, Rejection, RejectReason


def read_text(data: bytes, origin: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """One text document, or a rejection when it cannot be decoded or holds only whitespace.

    The encoding found is kept in ``meta`` (and what decoding repaired, under ``decoding``).
    """
    try:
        found = decode(data)
    except DecodeError as err:
        yield Rejection(origin, RejectReason.UNDECODABLE, str(err), len(data))
        return
    if is_blank(found.text):
        yield Rejection(origin, RejectReason.EMPTY, "the text holds only whitespace", len(data))
        return
    meta = {"encoding": found.encoding}
    if found.note is not None:
        meta["decoding"] = found.note
    yield RawDocument(data, "text", origin, options.source, meta)


def extract_text(doc: RawDocument) -> Extracted | Rejection:
    """The decoded text with newlines normalized; title and chrome are left to the cleaner."""
    try:
        found = decode(doc.data, doc.meta.get("encoding"))
    except DecodeError as err:
        return Rejection(doc.origin, RejectReason.UNDECODABLE, str(err), len(doc.data))
    if is_blank(found.text):
        return Rejection(doc.origin, RejectReason.EMPTY, "the text holds only whitespace")
    notes = () if found.note is None else (found.note,)
    return Extracted(text=normalize_newlines(found.text), needs_cleaning=True, notes=notes)
