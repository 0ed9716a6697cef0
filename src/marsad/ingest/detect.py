"""Which reader a file needs: by its name first, by its first bytes when the name says nothing.

Binary files are caught here, before any reader sees them, so that a PNG renamed ``.txt`` becomes
a rejection that says "looks like a PNG image" rather than a page of mojibake.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from marsad.ingest.encoding import bom_encoding

HEAD_SIZE = 8192
"""How many leading bytes detection looks at."""

_EXTENSIONS = (
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".warc", "warc"),
    (".arc", "warc"),
    (".txt", "text"),
    (".text", "text"),
    (".md", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".xml", "feed"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".rdf", "feed"),
    (".json", "json"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".csv", "csv"),
    (".tsv", "tsv"),
    (".zip", "zip"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (name it .zip to read its members)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable program"),
    (b"OggS", "an Ogg audio/video file"),
)
_WEAK_MAGIC = ((b"MZ", "a Windows executable"), (b"ID3", "an MP3 audio file"))
"""Signatures that ordinary text may start with; they count only with NUL bytes close behind."""

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")


@dataclass(frozen=True, slots=True)
class Detected:
    """The outcome of detection: a reader's format name, or what a binary file looks like."""

    format: str | None
    binary: str | None = None


def format_from_name(name: str) -> str | None:
    """The format a file's extension names, or None when the extension is not one we know."""
    lower = name.lower()
    for suffix, fmt in _EXTENSIONS:
        if lower.endswith(suffix):
            return fmt
    return None


def looks_binary(head: bytes) -> str | None:
    """What ``head`` looks like when it is not text ("a PNG image"), or None for text."""
    if bom_encoding(head) is not None:
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    for magic, what in _WEAK_MAGIC:
        if head.startswith(magic) and b"\x00" in head[:64]:
            return what
    if b"\x00" in head:
        return "binary data (it holds NUL bytes)"
    return None


def detect(name: str, head: bytes, forced: str | None = None) -> Detected:
    """Pick a reader for a file called ``name`` starting with ``head``.

    A forced format wins, except that binary content stays rejected for the text formats. A known
    extension decides next; otherwise the content does, and text nobody claims is plain text.
    """
    fmt = forced or format_from_name(name)
    if fmt in ("warc", "zip"):
        return Detected(fmt)
    if fmt is None and _is_warc(head):
        return Detected("warc")
    if fmt is None and head.startswith(b"PK\x03\x04"):
        return Detected("zip")
    binary = looks_binary(head)
    if binary is not None:
        return Detected(None, binary)
    return Detected(fmt or sniff_text(head))


def sniff_text(head: bytes) -> str:
    """The format of text content: feed, HTML, JSON or JSON Lines, else plain text."""
    start = _head_text(head)
    if start.startswith("<?xml"):
        return "html" if _HTML_MARK.search(start) and not _FEED_ROOT.search(start) else "feed"
    if start.startswith("<"):
        if _FEED_ROOT.match(start):
            return "feed"
        if _HTML_MARK.search(start):
            return "html"
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        first, _, rest = start.partition("\n")
        return "jsonl" if first.rstrip().endswith("}") and rest.lstrip().startswith("{") else "json"
    return "text"


def _head_text(head: bytes) -> str:
    """The head as lower-case text without leading BOM or blanks, for cheap pattern tests."""
    encoding = bom_encoding(head) or "utf-8"
    text = head.decode(encoding, errors="ignore")
    return text.lstrip("\ufeff \t\r\n").lower()


def _is_warc(head: bytes) -> bool:
    """True for a WARC record header, plain or gzip-compressed (WARC payloads may be binary)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/1.", b"WARC/0.", b"filedesc://"))
