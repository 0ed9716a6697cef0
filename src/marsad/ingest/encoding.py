"""Bytes to text: find the encoding of a document that may be UTF-8, UTF-16 or windows-1256.

Arabic pages still arrive as windows-1256, often without any declaration, and a generic detector
tends to call them some Cyrillic or Latin code page; so windows-1256 is tried before the generic
guess and kept when the result reads as Arabic.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels that browsers read as a superset (WHATWG Encoding Standard).
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-6": "cp1256", "tis-620": "cp874"}

_DECLARED = (
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE),
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)

_NOT_BLANK = re.compile(
    "[^ \t\n\r\f\v\x00\x85\xa0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
)
"""Anything but whitespace and the invisible marks (BOM, zero-width, direction marks)."""


class DecodeError(ValueError):
    """The bytes are in no encoding that could be found; the message says what was tried."""


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if there is one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration in ``head`` names, if any."""
    for pattern in _DECLARED:
        found = pattern.search(head[:4096])
        if found:
            return found.group(1).decode("ascii")
    return None


def header_charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return found.group(1) if found else None


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but whitespace, BOMs and invisible marks."""
    return _NOT_BLANK.search(text) is None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; raise DecodeError when nothing fits.

    The order is: byte-order mark, strict UTF-8, the declared charset, windows-1256 when the
    result is mostly Arabic letters, then charset_normalizer's guess when it finds one coherent.
    The returned name decodes the same bytes again (``utf-8-sig`` for UTF-8 with a BOM).

    >>> decode_bytes("مرصد".encode("cp1256"))
    ('مرصد', 'cp1256')
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as err:
            raise DecodeError(f"has a {bom} byte-order mark but is not {bom}: {err}") from err
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _codec_name(declared)
    if codec is not None:
        try:
            return data.decode(codec), codec
        except UnicodeError:  # a decode error, or a codec that refuses all input ("undefined")
            pass
    text = data.decode("cp1256", errors="replace")
    if _mostly_arabic(text):
        return text, "cp1256"
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding is not None:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeError, LookupError):
            pass
    tried = f"declared {declared!r}, " if declared else ""
    raise DecodeError(
        f"cannot find the text encoding (tried UTF-8, {tried}windows-1256 and detection); "
        "convert the file to UTF-8"
    )


def _codec_name(label: str | None) -> str | None:
    """Python's name for an encoding label, mapped to the superset browsers use; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    return _SUPERSETS.get(name, name)


def _mostly_arabic(text: str) -> bool:
    """True when the non-ASCII letters are nearly all Arabic and make up a good share of letters.

    Latin-1 French decoded as windows-1256 keeps its accented letters (the code page maps them),
    so it fails the first test; random bytes fail because many decode to symbols or U+FFFD.
    """
    sample = text[:65536]
    letters = arabic = other = controls = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            if "\u0600" <= char <= "\u06ff":
                arabic += 1
            elif char >= "\x80":
                other += 1
        elif char == "\ufffd":
            return False
        elif char < " " and char not in "\t\n\r\f":
            controls += 1
    if controls > 0.01 * len(sample):
        return False
    return arabic > 0 and arabic >= 0.9 * (arabic + other) and arabic >= 0.3 * letters
