"""Documents to text: one extractor per document kind, all pure (bytes in, dataclass out)."""

from __future__ import annotations

from marsad.ingest.fields import extract_record
from marsad.ingest.html import extract_html
from marsad.ingest.text import extract_text
from marsad.models import Extracted, RawDocument, Rejection


def extract(doc: RawDocument) -> Extracted | Rejection:
    """The text and metadata of a document, or a rejection saying why there is none.

    Plain text and records keep their chrome (``needs_cleaning=True``); HTML pages go through
    trafilatura, which removes it.
    """
    if doc.kind == "html":
        return extract_html(doc)
    if doc.kind == "record":
        return extract_record(doc)
    return extract_text(doc)
