"""Readers: inputs (files, folders, globs, stdin, zip archives) to raw documents or rejections,
and extractors: raw documents to text with metadata.

Formats: plain text, HTML pages, RSS/Atom feeds, WARC archives, JSON, JSON Lines and CSV/TSV.
A bad input never stops a batch; it becomes a :class:`~marsad.models.Rejection` with a reason.

>>> docs = list(read_bytes("مرصد الأخبار".encode(), "note.txt", ReadOptions(source="demo")))
>>> docs[0].kind, docs[0].source, extract(docs[0]).text
('text', 'demo', 'مرصد الأخبار')
"""

from marsad.ingest.dates import parse_meta_date
from marsad.ingest.dispatch import read_bytes
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.extract import extract
from marsad.ingest.options import ReadOptions, parse_field_map
from marsad.ingest.sources import read_inputs

__all__ = [
    "DecodeError",
    "ReadOptions",
    "decode_bytes",
    "extract",
    "parse_field_map",
    "parse_meta_date",
    "read_bytes",
    "read_inputs",
]
