"""JSON arrays and objects, JSON Lines and CSV: one document per record.

A bad record is rejected on its own and the others still ingest; a file that cannot be parsed at
all is one UNPARSEABLE rejection. Records are numbered from 0 in origins (``path#17``).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Generator, Iterator

from marsad.ingest.encoding import Decoded, DecodeError, decode, is_blank
from marsad.ingest.fields import DEFAULT_FIELDS, record_document
from marsad.ingest.options import ReadOptions
from marsad.models import RawDocument, Rejection, RejectReason

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KiB default

_WRAPPER_KEYS = ("articles", "items", "data", "records", "results", "docs", "entries", "posts")
"""Keys under which an object may wrap its array of records (``{"articles": [...]}``)."""
DELIMITERS = (",", "\t", ";", "|")

Result = Iterator[RawDocument | Rejection]


def read_json(data: bytes, origin: str, options: ReadOptions) -> Result:
    """A JSON array of records, an object wrapping one, or a single record.

    JSON Lines saved as ``.json`` (objects, and the parser stops at "Extra data") is read as
    JSON Lines.
    """
    decoded = yield from _decoded(data, origin)
    if decoded is None:
        return
    text, note = decoded.text, decoded.note
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield from read_jsonl(data, origin, options)
            return
        yield Rejection(origin, RejectReason.UNPARSEABLE, f"not valid JSON: {err}", len(data))
        return
    except RecursionError:
        detail = "JSON nested too deeply to read"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, len(data))
        return
    if isinstance(value, dict) and "body" not in options.field_map:
        value = _unwrap(value)
    if isinstance(value, dict):
        yield record_document(value, origin, "the record", options, note)
    elif isinstance(value, list):
        if not value:
            yield Rejection(origin, RejectReason.EMPTY, "the JSON array is empty", len(data))
        for index, record in enumerate(value):
            yield record_document(record, f"{origin}#{index}", f"record {index}", options, note)
    else:
        kind = type(value).__name__
        detail = f"the JSON top level is a {kind}; expected an array of objects or an object"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, len(data))


def read_jsonl(data: bytes, origin: str, options: ReadOptions) -> Result:
    """JSON Lines: one record per non-blank line; a bad line is rejected, the rest still read."""
    decoded = yield from _decoded(data, origin)
    if decoded is not None:
        read = yield from json_lines(decoded.text, origin, options, decoded.note)
        if read == 0:
            yield Rejection(origin, RejectReason.EMPTY, "no JSON lines in the file")


def read_csv(
    data: bytes, origin: str, options: ReadOptions, *, delimiter: str | None = None
) -> Result:
    """CSV (or TSV) with a header row; the delimiter is guessed from the header when not given."""
    decoded = yield from _decoded(data, origin)
    if decoded is None:
        return
    text = decoded.text
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = delimiter or max(DELIMITERS, key=header.count)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    index = 0
    try:
        if not reader.fieldnames:
            yield Rejection(origin, RejectReason.EMPTY, "the CSV has no header row", len(data))
            return
        for index, row in enumerate(reader):
            record: dict[str, object] = {k: v for k, v in row.items() if k is not None}
            if None in row:  # more cells than header names: DictReader's restkey
                record["__extra__"] = row[None]
            where, label = f"{origin}#{index}", f"row {index}"
            yield record_document(record, where, label, options, decoded.note)
    except csv.Error as err:
        detail = f"CSV unreadable at row {index} (line {reader.line_num}): {err}"
        yield Rejection(origin, RejectReason.UNPARSEABLE, detail, len(data))


def json_lines(
    text: str,
    origin: str,
    options: ReadOptions,
    note: str | None = None,
    first_line: int = 1,
    first_index: int = 0,
) -> Generator[RawDocument | Rejection, None, int]:
    """The records of JSON Lines ``text`` (its first line is line ``first_line`` of the file,
    its first record record ``first_index``); returns the index of the record after the last."""
    index = first_index
    for line_no, line in enumerate(text.split("\n"), start=first_line):
        if is_blank(line):
            continue
        where = f"{origin}#{index}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            detail = f"line {line_no} is not valid JSON: {err}"
            yield Rejection(where, RejectReason.UNPARSEABLE, detail, len(line))
        except RecursionError:
            detail = f"line {line_no} is nested too deeply to read"
            yield Rejection(where, RejectReason.UNPARSEABLE, detail, len(line))
        else:
            label = f"record {index} (line {line_no})"
            yield record_document(value, where, label, options, note)
        index += 1
    return index


def _decoded(data: bytes, origin: str) -> Generator[Rejection, None, Decoded | None]:
    """Decode a whole file, yielding a rejection (and returning None) when that fails."""
    try:
        decoded = decode(data)
    except DecodeError as err:
        yield Rejection(origin, RejectReason.UNDECODABLE, str(err), len(data))
        return None
    if is_blank(decoded.text):
        yield Rejection(origin, RejectReason.EMPTY, "the file holds only whitespace", len(data))
        return None
    return decoded


def _unwrap(value: dict[str, object]) -> object:
    """The record array inside ``{"articles": [...]}``-style wrappers; else the object itself.

    An object that has a body field of its own is a record, whatever else it holds.
    """
    if any(name in value for name in DEFAULT_FIELDS["body"]):
        return value
    for key in _WRAPPER_KEYS:
        inner = value.get(key)
        if isinstance(inner, list) and inner and all(isinstance(item, dict) for item in inner):
            return inner
    return value
