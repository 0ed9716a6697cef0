"""WARC archives (plain or gzip per record): each HTML page fetched with status 200 is a document.

Other records (requests, metadata, images, style sheets) hold no report and are passed over;
HTML responses with another status (a 404 page, a redirect) are counted and said in one
SKIPPED rejection per archive, so that what was read and what was not add up.

warcio does not raise on a truncated archive: it hands back a short record, or silently ends. So
each record is drained and checked against its Content-Length, and the offset where reading
stopped is compared with the archive's size. At the first damage the records already read are
kept and one UNPARSEABLE rejection says where the archive broke.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from marsad.ingest.dates import parse_meta_date
from marsad.ingest.encoding import header_charset
from marsad.ingest.html import html_document
from marsad.ingest.options import ReadOptions
from marsad.models import RawDocument, Rejection, RejectReason

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16

_WARC_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    EOFError,
    zlib.error,
)
"""What warcio raises on damaged input."""


class _Damaged(Exception):
    """A record is cut short or malformed; internal to this module, turned into a rejection."""


def read_warc(
    stream: IO[bytes], origin: str, options: ReadOptions, *, size: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """HTML responses as documents (origin ``path#N``, N = record index in the archive).

    ``size`` is the archive's length in bytes when known; it lets a cut at a record boundary,
    which warcio reads as a normal end, be reported as damage.
    """
    warnings = io.StringIO()  # warcio prints Content-Length mismatches straight to stderr
    records: Any = ArchiveIterator(stream)
    index, end = 0, 0
    statuses: Counter[str] = Counter()  # HTML responses not fetched with 200, by status
    while True:
        try:
            record = _next_record(records, warnings)
            if record is None:
                break
            status = _failed_page(record)
            if status is not None:
                statuses[status] += 1
            found = _record_document(record, f"{origin}#{index}", options)
            with contextlib.redirect_stderr(warnings):
                end = records.get_record_offset() + records.get_record_length()
        except (*_WARC_ERRORS, _Damaged) as err:
            detail = f"the WARC is damaged at record {index}: {err or type(err).__name__}"
            yield Rejection(origin, RejectReason.UNPARSEABLE, detail, size)
            return
        if found is not None:
            yield found
        index += 1
    if statuses:
        count = sum(statuses.values())
        listed = ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items()))
        detail = (
            f"{count} HTML response{'s' if count != 1 else ''} with a status other than 200 "
            f"skipped ({listed}): an error or a redirect, not a page"
        )
        yield Rejection(origin, RejectReason.SKIPPED, detail, size)
    if warnings.getvalue():
        problem = " ".join(warnings.getvalue().split())
        detail = f"the WARC has a damaged record boundary (records were still read): {problem}"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, size)
    elif unread := _unread_tail(stream, end, size):
        detail = f"the WARC is cut after record {index - 1}: {unread} bytes could not be read"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, size)
    elif index == 0:
        yield Rejection(origin, RejectReason.EMPTY, "the WARC holds no records", size)


def _next_record(records: Any, warnings: io.StringIO) -> Any:
    """The next record, or None at the end of the archive; raises _Damaged on a cut header."""
    try:
        with contextlib.redirect_stderr(warnings):
            return next(records, None)
    except AttributeError as err:  # warcio's loader on a header cut before WARC-Target-URI
        raise _Damaged(f"a record header is cut short ({err})") from err


def _record_document(
    record: Any, origin: str, options: ReadOptions
) -> RawDocument | Rejection | None:
    """The document for one record, None for records that hold no HTML page; raises _Damaged."""
    if record.length is None:
        raise _Damaged("its header has no Content-Length (cut inside the header?)")
    content_type = _html_content_type(record)
    if content_type is None:
        _drain(record)
        return None
    if record.length > options.max_bytes:
        _drain(record)
        detail = f"the page is {record.length} bytes, over the {options.max_bytes}-byte limit"
        return Rejection(origin, RejectReason.TOO_LARGE, detail, record.length)
    payload = record.content_stream().read(options.max_bytes + 1)  # bounded: it may be gzipped
    _drain(record)
    if len(payload) > options.max_bytes:
        detail = f"the page unpacks to over the {options.max_bytes}-byte limit"
        return Rejection(origin, RejectReason.TOO_LARGE, detail, record.length)
    meta = {"url": record.rec_headers.get_header("WARC-Target-URI") or ""}
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        meta["crawled"] = parse_meta_date(crawled) or crawled
    clean_meta = {key: value for key, value in meta.items() if value}
    return html_document(
        payload, origin, options, charset=header_charset(content_type), extra=clean_meta
    )


def _failed_page(record: Any) -> str | None:
    """The status of an HTML response not fetched with 200 (a 404 page, a redirect), else
    None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = str(record.http_headers.get_statuscode())
    media = (record.http_headers.get_header("Content-Type") or "").split(";", 1)[0]
    return status if status != "200" and media.strip().lower() in _HTML_TYPES else None


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of an HTML page fetched with status 200 (or an HTML resource), else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    return content_type if media in _HTML_TYPES else None


def _unread_tail(stream: IO[bytes], end: int, size: int | None) -> int:
    """How many bytes after the last record warcio left unread; blank lines do not count."""
    if size is None or size <= end:
        return 0
    if size - end > _CHUNK:
        return size - end
    stream.seek(end)
    return 0 if stream.read().strip() == b"" else size - end


def _drain(record: Any) -> None:
    """Read the rest of a record and raise _Damaged when it is shorter than its Content-Length."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise _Damaged(f"the record is cut short: {missing} of {record.length} bytes are missing")
