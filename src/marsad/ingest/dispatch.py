"""From a stream of bytes to documents: detect the format, check the size, call its reader.

Every input goes through here, whatever it came from (a file, standard input, a pipe, a device,
a zip member), and no input is read past its limit: one document (a page, a text file) stops
at ``max_bytes``, an input read whole (a file of records, a feed) at ``max_file_bytes``. A size
known beforehand (a regular file's, a zip member's declared size) rejects it unread; otherwise
reading stops one byte past the limit, so a zip bomb, ``/dev/zero`` or an endless pipe costs at
most the limit in memory.

Zip archives are opened here too, because each member goes through the same dispatch under the
origin ``archive!member``.
"""

from __future__ import annotations

import functools
import io
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from marsad.ingest.detect import HEAD_SIZE, detect
from marsad.ingest.feed import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.options import ReadOptions
from marsad.ingest.records import read_csv, read_json, read_jsonl
from marsad.ingest.streamed import (
    read_csv_stream,
    read_json_array_stream,
    read_jsonl_stream,
    streamable,
)
from marsad.ingest.text import read_text
from marsad.ingest.warc import read_warc
from marsad.models import RawDocument, Rejection, RejectReason

Result = Iterator[RawDocument | Rejection]
Reader = Callable[[bytes, str, ReadOptions], Result]
StreamReader = Callable[[IO[bytes], str, ReadOptions], Result]

SINGLE_DOCUMENT: dict[str, Reader] = {"text": read_text, "html": read_html}
"""Formats where the file is the document, so ``max_bytes`` applies to the whole file."""

MANY_RECORDS: dict[str, Reader] = {
    "feed": read_feed,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "tsv": functools.partial(read_csv, delimiter="\t"),
}
"""Formats holding many documents: read whole up to ``max_file_bytes``, ``max_bytes`` per record."""

STREAMED: dict[str, StreamReader] = {
    "jsonl": read_jsonl_stream,
    "csv": read_csv_stream,
    "tsv": functools.partial(read_csv_stream, delimiter="\t"),
}
"""Formats read as streams, whatever their size (``streamed``), ``max_bytes`` per record;
those of them in UTF-16 or UTF-32 are read whole, as ``MANY_RECORDS``."""

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

_CHUNK = 1 << 20
_UNSAFE_MEMBER = re.compile(r"^(?:[/\\]|[A-Za-z]:)|(?:^|[/\\])\.\.(?:[/\\]|$)")
"""A zip member name that is absolute (``/etc/x``, ``C:\\x``) or climbs out (``../x``)."""


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
    """Documents from a binary stream; ``name`` is used for detection only.

    ``size`` is the byte length when known, so an oversized input is rejected unread; without
    it (standard input, a pipe, a device) reading stops past the limit. The stream need not be
    seekable.
    """
    head = read_at_most(stream, HEAD_SIZE)
    if not head:
        yield Rejection(origin, RejectReason.EMPTY, "the file is empty", 0)
        return
    found = detect(name, head, options.format)
    if found.binary is not None:
        yield Rejection(origin, RejectReason.BINARY, f"looks like {found.binary}", size)
        return
    fmt = found.format or "text"
    body = _rewound(stream, head)
    if fmt == "zip":
        if in_archive:
            detail = "a zip archive inside a zip archive is not read; unpack it first"
            yield Rejection(origin, RejectReason.UNSUPPORTED, detail, size)
        else:
            yield from _read_archive(body, origin, options)
        return
    if fmt == "warc":
        yield from read_warc(body, origin, options, size=size)
        return
    if streamable(head) and (fmt in STREAMED or (fmt == "json" and _array(head))):
        yield from STREAMED.get(fmt, read_json_array_stream)(body, origin, options)
        return
    many = fmt in MANY_RECORDS
    limit = options.file_limit if many else options.max_bytes
    if size is not None and size > limit:
        yield _too_large(origin, limit, many, size)
        return
    data = read_at_most(body, limit + 1, size)
    if len(data) > limit:
        yield _too_large(origin, limit, many, None)
        return
    reader = MANY_RECORDS[fmt] if many else SINGLE_DOCUMENT[fmt]
    yield from reader(data, origin, options)


def read_at_most(stream: IO[bytes], limit: int, size: int | None = None) -> bytes:
    """The next ``limit`` bytes of ``stream``, fewer only at its end.

    ``size``, when known, sizes the first read (one allocation for a whole file); otherwise
    reading goes a mebibyte at a time, so a short input never costs the limit in memory.
    """
    chunks: list[bytes] = []
    total = 0
    want = _CHUNK if size is None else size + 1
    while total < limit:
        chunk = stream.read(min(limit - total, want))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_zip(stream: IO[bytes], origin: str, options: ReadOptions) -> Result:
    """Each file in a zip archive, in name order, as ``origin!member``; hidden members skipped.

    A member is never unpacked past the limits (its declared size is checked first, and the
    unpacked bytes are counted as they come). A member named outside the archive (``../x``,
    an absolute path) or stored as a symbolic link is SKIPPED with the reason.
    """
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        yield Rejection(origin, RejectReason.UNPARSEABLE, f"not a readable zip archive: {err}")
        return
    with archive:
        files = [info for info in archive.infolist() if not info.is_dir()]
        members = sorted(
            (info for info in files if _unsafe(info) or not _hidden(info.filename)),
            key=lambda info: info.filename,
        )
        if not members:
            yield Rejection(origin, RejectReason.EMPTY, "the zip archive holds no files")
        for info in members:
            where = f"{origin}!{info.filename}"
            problem = _unsafe(info)
            if problem is not None:
                yield Rejection(where, RejectReason.SKIPPED, problem, info.file_size)
                continue
            try:
                with archive.open(info) as member:
                    yield from read_stream(
                        member, info.filename, where, info.file_size, options, in_archive=True
                    )
            except _ZIP_ERRORS as err:
                detail = f"cannot read this zip member: {err}"
                yield Rejection(where, RejectReason.UNPARSEABLE, detail, info.file_size)


def _read_archive(stream: IO[bytes], origin: str, options: ReadOptions) -> Result:
    """A zip archive from any stream: zipfile needs to seek, so a pipe is read (bounded) first."""
    if stream.seekable():
        yield from read_zip(stream, origin, options)
        return
    data = read_at_most(stream, options.file_limit + 1)
    if len(data) > options.file_limit:
        yield _too_large(origin, options.file_limit, True, None)
        return
    yield from read_zip(io.BytesIO(data), origin, options)


def _too_large(origin: str, limit: int, many: bool, size: int | None) -> Rejection:
    """The rejection of an input over its limit; ``size`` None: reading stopped at the limit."""
    if many:
        what = f"the {limit}-byte limit for an input read whole (setting max_file_bytes)"
    else:
        what = f"the {limit}-byte limit for one document"
    read = "" if size is not None else "; reading stopped there"
    return Rejection(origin, RejectReason.TOO_LARGE, f"it is over {what}{read}", size)


def _array(head: bytes) -> bool:
    """Whether a JSON file starting with ``head`` holds an array."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def _rewound(stream: IO[bytes], head: bytes) -> IO[bytes]:
    """``stream`` from its start again: seeked back, or replaying ``head`` when it cannot seek."""
    if stream.seekable():
        stream.seek(0)
        return stream
    return io.BufferedReader(_Replayed(head, stream))


class _Replayed(io.RawIOBase):
    """A stream giving ``head`` (read already, for detection) again, then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _unsafe(info: zipfile.ZipInfo) -> str | None:
    """Why a member is not read although it is a file: a name outside the archive, or a link."""
    if _UNSAFE_MEMBER.search(info.filename):
        return "the member's name points outside the archive (an absolute path or '..'); skipped"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "the member is a symbolic link, not a file; skipped"
    return None


def _hidden(member: str) -> bool:
    """True for dot-files, anything in a dot-folder, and macOS ``__MACOSX`` resource forks."""
    parts = member.split("/")
    return parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts if part)
