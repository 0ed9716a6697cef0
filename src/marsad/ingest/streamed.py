"""Files of records read as streams: JSON Lines, CSV and JSON arrays of any size.

A file of a million records is never held whole: JSON Lines and CSV are read in blocks of
whole records (``BLOCK`` bytes or so; a CSV record ends at a line break outside quotes), each
block decoded (``encoding.decode``, with its repairs noted) and parsed as ``records`` parses a
whole file, the record numbers and line numbers running on across blocks; a JSON array is
decoded incrementally and parsed one element at a time. ``max_bytes`` still caps each
record: a longer line or element is rejected and reading goes on after it (a CSV record or a
JSON element that does not end within the cap cannot be told from the rest of the file, so
the rest is rejected, saying where).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Generator, Iterator
from typing import IO

from marsad.ingest.encoding import DecodeError, bom_encoding, decode
from marsad.ingest.fields import record_document
from marsad.ingest.options import ReadOptions
from marsad.ingest.records import DELIMITERS, json_lines
from marsad.models import RawDocument, Rejection, RejectReason

Result = Iterator[RawDocument | Rejection]

BLOCK = 8 << 20  # bytes of whole records decoded and parsed at a time
PIECE = 1 << 20  # bytes of a JSON array decoded at a time
_WIDE = ("utf-16", "utf-32")  # encodings whose line breaks are not the byte b"\n"


def streamable(head: bytes) -> bool:
    """Whether a file starting with ``head`` can be cut into blocks at its line breaks."""
    return not (bom_encoding(head) or "").startswith(_WIDE)


def read_jsonl_stream(stream: IO[bytes], origin: str, options: ReadOptions) -> Result:
    """JSON Lines, block by block: one record per non-blank line."""
    index, line_no = 0, 0
    for block, lines, long_lines in _blocks(stream, options.max_bytes, quoted=False):
        for number, size in long_lines:
            detail = f"line {number} is over {options.max_bytes} bytes (max_bytes); not read"
            yield Rejection(f"{origin}#line{number}", RejectReason.TOO_LARGE, detail, size)
        text, note = yield from _decode_block(block, origin, line_no)
        if text is not None:
            index = yield from json_lines(text, origin, options, note, line_no + 1, index)
        line_no += lines
    if index == 0:
        yield Rejection(origin, RejectReason.EMPTY, "no JSON lines in the file")


def read_csv_stream(
    stream: IO[bytes], origin: str, options: ReadOptions, *, delimiter: str | None = None
) -> Result:
    """CSV (or TSV) with a header row, block by block; the delimiter is guessed from the
    header when not given."""
    header: list[str] | None = None
    index, line_no = 0, 0
    for block, lines, long_lines in _blocks(stream, options.max_bytes, quoted=True):
        unclosed = bool(long_lines) and long_lines[0][1] == UNCLOSED
        if long_lines and not unclosed:
            number, size = long_lines[0]
            detail = (
                f"the CSV record at line {number} does not end within {options.max_bytes} bytes "
                "(max_bytes; an unbalanced quote?): it and the rest of the file were not read"
            )
            yield Rejection(f"{origin}#line{number}", RejectReason.TOO_LARGE, detail, size)
            return
        text, note = yield from _decode_block(block, origin, line_no)
        if text is None:
            line_no += lines
            continue
        if unclosed and header is not None and _ends_in_quote(text, delimiter or ","):
            number = long_lines[0][0]
            detail = (
                f"the CSV record at line {number} opens a quote that is never closed: it and "
                "the lines after it were not read"
            )
            yield Rejection(f"{origin}#line{number}", RejectReason.UNPARSEABLE, detail)
            return
        if header is None:
            text = text.lstrip("\ufeff")
            first = text.split("\n", 1)[0]
            delimiter = delimiter or max(DELIMITERS, key=first.count)
            reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
            if not reader.fieldnames:
                yield Rejection(origin, RejectReason.EMPTY, "the CSV has no header row")
                return
            header = list(reader.fieldnames)
        else:
            reader = csv.DictReader(
                io.StringIO(text, newline=""), fieldnames=header, delimiter=delimiter or ","
            )
        try:
            for row in reader:
                record: dict[str, object] = {k: v for k, v in row.items() if k is not None}
                if None in row:  # more cells than header names: DictReader's restkey
                    record["__extra__"] = row[None]
                # origins count records from 0 (``#0`` is the first, as in JSON); messages
                # name the row as a reader counts it, and the file's line where it ends
                where = f"{origin}#{index}"
                label = f"row {index + 1} (line {line_no + reader.line_num})"
                yield record_document(record, where, label, options, note)
                index += 1
        except csv.Error as err:
            detail = f"CSV unreadable at row {index} (line {line_no + reader.line_num}): {err}"
            yield Rejection(origin, RejectReason.UNPARSEABLE, detail)
            return
        line_no += lines
    if header is None:
        yield Rejection(origin, RejectReason.EMPTY, "the file holds only whitespace")


def read_json_array_stream(stream: IO[bytes], origin: str, options: ReadOptions) -> Result:
    """A JSON array of records, one element at a time, decoded a piece at a time (never cut
    inside a character; its repairs are noted on the records that end in it)."""
    parser = json.JSONDecoder()
    buffer, index, started, ended = "", 0, False, False
    for piece in _pieces(stream):
        if isinstance(piece, DecodeError):
            detail = f"record {index} and after were not read: {piece}"
            yield Rejection(f"{origin}#{index}", RejectReason.UNDECODABLE, detail)
            return
        text, note, at_end = piece
        buffer += text
        position = 0
        if not started:
            buffer = buffer.lstrip("\ufeff \t\r\n")
            if not buffer and not at_end:
                continue
            started, position = True, 1  # past the "[" that dispatch saw
        while True:
            position = _skip(buffer, position)
            if position >= len(buffer):
                break
            if buffer[position] == "]":
                ended = True
                break
            try:
                value, stop = parser.raw_decode(buffer, position)
            except json.JSONDecodeError as err:
                if not at_end and len(buffer) - position <= options.max_bytes:
                    break  # the element goes on in the next piece
                problem = err.msg.removesuffix(" starting at").removesuffix(" at")
                where = f"{problem} at character {err.pos - position} of the record"
                detail = (
                    f"record {index} is not valid JSON: {where}"
                    if at_end and len(buffer) - position <= options.max_bytes
                    else f"record {index} is not valid JSON or is over max_bytes "
                    f"({options.max_bytes} bytes): {where}"
                )
                yield Rejection(f"{origin}#{index}", RejectReason.UNPARSEABLE, detail)
                return
            where, label = f"{origin}#{index}", f"record {index}"
            yield record_document(value, where, label, options, note)
            index, position = index + 1, stop
        if ended:
            break
        buffer = buffer[position:]
    if not ended:
        detail = f"the JSON array ends without its closing bracket after record {index}"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail)
    elif index == 0:
        yield Rejection(origin, RejectReason.EMPTY, "the JSON array is empty")


def _pieces(stream: IO[bytes]) -> Iterator[tuple[str, str | None, bool] | DecodeError]:
    """The stream decoded (``encoding.decode``) ``PIECE`` bytes or so at a time, each piece cut
    before a byte that starts a character (never inside a UTF-8 character; any byte of a
    one-byte encoding): its text, what decoding repaired, whether it is the last; a
    DecodeError where no encoding fits, then nothing."""
    carry = b""
    while True:
        data = stream.read(PIECE)
        whole = carry + data
        if data:
            cut = _char_start(whole)
            piece, carry = whole[:cut], whole[cut:]
        else:
            piece, carry = whole, b""
        try:
            decoded = decode(piece)
        except DecodeError as err:
            yield err
            return
        yield decoded.text, decoded.note, not data
        if not data:
            return


def _char_start(data: bytes) -> int:
    """The position of the last byte of ``data`` that is not a UTF-8 continuation byte
    (``10xxxxxx``) among its last four, else its length."""
    for k in range(len(data) - 1, max(len(data) - 5, -1), -1):
        if data[k] & 0xC0 != 0x80:
            return k
    return len(data)


def _skip(buffer: str, position: int) -> int:
    """The position of the next element in ``buffer``: past white space and one comma."""
    while position < len(buffer) and buffer[position] in " \t\r\n,":
        position += 1
    return position


def _decode_block(
    block: bytes, origin: str, line_no: int
) -> Generator[Rejection, None, tuple[str | None, str | None]]:
    """A block's text and what decoding repaired; a rejection (and no text) when no
    encoding fits it (lines after ``line_no``)."""
    try:
        decoded = decode(block)
    except DecodeError as err:
        where = f"{origin}#line{line_no + 1}"
        yield Rejection(where, RejectReason.UNDECODABLE, f"from line {line_no + 1}: {err}")
        return None, None
    return decoded.text, decoded.note


UNCLOSED = -1
"""The size ``_blocks`` gives the last record of a CSV that holds an odd number of quotes:
it ends inside a quote, or holds a quote mark as a character (``شاشة 55" بوصة``); the csv
parser tells which (``_ends_in_quote``)."""


def _ends_in_quote(text: str, delimiter: str) -> bool:
    """Whether CSV ``text`` ends inside a quoted field that never closes."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as err:
        return "unexpected end of data" in str(err)
    return False


def _blocks(
    stream: IO[bytes], limit: int, quoted: bool
) -> Iterator[tuple[bytes, int, list[tuple[int, int]]]]:
    """Blocks of whole records: their bytes, how many lines they hold, and the lines over
    ``limit`` bytes that were left out (line number, bytes; ``quoted``: CSV, where a record
    ends only at a line break outside quotes, and a record over ``limit`` ends the file: the
    last block is the records before it, then one with the line it started on)."""
    lines: list[bytes] = []
    size = count = record = 0
    number, odd, opened = 0, False, 0  # ``opened``: where the record at hand began in lines
    long_lines: list[tuple[int, int]] = []
    while True:
        line = stream.readline(limit + 1)
        if not line:
            break
        number += 1
        count += 1
        if len(line) > limit and not line.endswith(b"\n"):
            skipped = len(line)
            while line and not line.endswith(b"\n"):  # the rest of the line, left out
                line = stream.readline(1 << 20)
                skipped += len(line)
            if quoted:
                yield b"".join(lines[:opened]), opened, []
                yield b"", 0, [(number - count + opened + 1, record + skipped)]
                return
            long_lines.append((number, skipped))
            lines.append(b"\n")  # keeps the line count; a blank line is skipped
            continue
        lines.append(line)
        size += len(line)
        if quoted:
            record += len(line)
            odd ^= line.count(b'"') % 2 == 1
            if odd and record > limit:
                yield b"".join(lines[:opened]), opened, []
                yield b"", 0, [(number - count + opened + 1, record)]
                return
            if odd:
                continue
            record, opened = 0, len(lines)
        if size >= BLOCK:
            yield b"".join(lines), count, long_lines
            lines, size, count, long_lines, opened = [], 0, 0, [], 0
    if quoted and odd:  # an odd number of quotes since the last record: it may never close
        yield b"".join(lines[:opened]), opened, []
        yield b"".join(lines[opened:]), count - opened, [(number - count + opened + 1, UNCLOSED)]
        return
    if lines or long_lines:
        yield b"".join(lines), count, long_lines
