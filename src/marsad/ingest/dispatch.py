"""From a stream of bytes to documents: detect the format, check the size, call its reader.

Zip archives are opened here too, because each member goes through the same dispatch under the
origin ``archive!member``.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from marsad.ingest.detect import HEAD_SIZE, detect
from marsad.ingest.feed import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.options import ReadOptions
from marsad.ingest.records import read_csv, read_json, read_jsonl
from marsad.ingest.text import read_text
from marsad.ingest.warc import read_warc
from marsad.models import RawDocument, Rejection, RejectReason

Result = Iterator[RawDocument | Rejection]
Reader = Callable[[bytes, str, ReadOptions], Result]

SINGLE_DOCUMENT: dict[str, Reader] = {"text": read_text, "html": read_html}
"""Formats where the file is the document, so ``max_bytes`` applies to the whole file."""

MANY_RECORDS: dict[str, Reader] = {
    "feed": read_feed,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "tsv": functools.partial(read_csv, delimiter="\t"),
}
"""Formats holding many documents; they are read whole and ``max_bytes`` applies per record."""

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
)
"""What reading a damaged zip member raises: bad CRC or data, an unknown compression method,
an encrypted member (RuntimeError), a short file, a negative offset (ValueError from seek)."""


def read_bytes(data: bytes, name: str, options: ReadOptions) -> Result:
    """Documents from bytes already in memory; ``name`` is the origin and hints at the format."""
    yield from read_stream(io.BytesIO(data), name, name, len(data), options)


def read_stream(
    stream: IO[bytes],
    name: str,
    origin: str,
    size: int | None,
    options: ReadOptions,
    *,
    in_archive: bool = False,
) -> Result:
    """Documents from a seekable binary stream; ``name`` is used for detection only.

    ``size`` is the byte length when known, so an oversized page is rejected unread.
    """
    head = stream.read(HEAD_SIZE)
    stream.seek(0)
    if not head:
        yield Rejection(origin, RejectReason.EMPTY, "the file is empty", 0)
        return
    found = detect(name, head, options.format)
    if found.binary is not None:
        yield Rejection(origin, RejectReason.BINARY, f"looks like {found.binary}", size)
        return
    fmt = found.format or "text"
    if fmt == "zip":
        if in_archive:
            detail = "a zip archive inside a zip archive is not read; unpack it first"
            yield Rejection(origin, RejectReason.UNSUPPORTED, detail, size)
        else:
            yield from read_zip(stream, origin, options)
        return
    if fmt == "warc":
        yield from read_warc(stream, origin, options, size=size)
        return
    reader = MANY_RECORDS.get(fmt)
    if reader is not None:
        yield from reader(stream.read(), origin, options)
        return
    limit = options.max_bytes
    known_too_large = size is not None and size > limit
    data = b"" if known_too_large else stream.read(limit + 1)
    if known_too_large or len(data) > limit:
        detail = f"the file is over the {limit}-byte limit for one document"
        yield Rejection(origin, RejectReason.TOO_LARGE, detail, size or len(data))
        return
    yield from SINGLE_DOCUMENT[fmt](data, origin, options)


def read_zip(stream: IO[bytes], origin: str, options: ReadOptions) -> Result:
    """Each file in a zip archive, in name order, as ``origin!member``; hidden members skipped."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        yield Rejection(origin, RejectReason.UNPARSEABLE, f"not a readable zip archive: {err}")
        return
    with archive:
        files = [info for info in archive.infolist() if not info.is_dir()]
        members = sorted(
            (info for info in files if not _hidden(info.filename)), key=lambda info: info.filename
        )
        if not members:
            yield Rejection(origin, RejectReason.EMPTY, "the zip archive holds no files")
        for info in members:
            where = f"{origin}!{info.filename}"
            try:
                with archive.open(info) as member:
                    yield from read_stream(
                        member, info.filename, where, info.file_size, options, in_archive=True
                    )
            except _ZIP_ERRORS as err:
                detail = f"cannot read this zip member: {err}"
                yield Rejection(where, RejectReason.UNPARSEABLE, detail, info.file_size)


def _hidden(member: str) -> bool:
    """True for dot-files, anything in a dot-folder, and macOS ``__MACOSX`` resource forks."""
    parts = member.split("/")
    return parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts if part)
