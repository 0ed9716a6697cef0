"""Documents to text: one extractor per document kind, all pure (bytes in, dataclass out).

Every extractor's output then goes through :func:`~marsad.ingest.sanitize.sanitize`, so the rules
for control characters, links, dates and languages hold for every format alike.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.ingest.encoding import DecodeError, decode
from marsad.ingest.fields import extract_record
from marsad.ingest.html import extract_html
from marsad.ingest.sanitize import sanitize
from marsad.ingest.text import extract_text
from marsad.models import Extracted, RawDocument, Rejection


def extract(doc: RawDocument) -> Extracted | Rejection:
    """The text and metadata of a document, or a rejection saying why there is none.

    Plain text and records keep their chrome (``needs_cleaning=True``); HTML pages go through
    trafilatura, which removes it.
    """
    if doc.kind == "html":
        found = extract_html(doc)
        if isinstance(found, Extracted):
            found = _with_decoding_note(found, doc)
    elif doc.kind == "record":
        found = extract_record(doc)
    else:
        found = extract_text(doc)
    return found if isinstance(found, Rejection) else sanitize(found)


def _with_decoding_note(found: Extracted, doc: RawDocument) -> Extracted:
    """Add what decoding the page repaired (the HTML extractor decodes it but keeps no note)."""
    try:
        note = decode(doc.data, doc.meta.get("encoding")).note
    except DecodeError:  # the extractor decoded it, so this does not happen
        return found
    return found if note is None else replace(found, notes=(note, *found.notes))
