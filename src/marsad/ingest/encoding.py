"""Bytes to text: find the encoding of a document that may be UTF-8, UTF-16 or windows-1256.

Arabic pages still arrive as windows-1256, often without any declaration, and a generic detector
tends to call them some Cyrillic or Latin code page; so windows-1256 is tried before the generic
guess and kept when the result reads as Arabic.

Text that is UTF-8 but for a few bytes (a file cut inside a character, a stray byte in a page)
is read as UTF-8 with only the broken bytes replaced by U+FFFD; a file that mixes UTF-8 lines
with windows-1256 lines keeps both. The decision rests on the share of invalid bytes among the
non-ASCII ones: windows-1256 Arabic read as UTF-8 is nearly all invalid (87% and more on
SaudiNewsNet re-encoded), so a share well below that is UTF-8 with damage, not another code page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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

_ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte that is not valid UTF-8, as the ``surrogateescape`` error handler keeps it."""
_C1 = re.compile("[\x80-\x9f]")

UTF8_SHARE = 0.6
"""The most invalid bytes, as a share of invalid bytes plus valid non-ASCII characters, that an
undeclared text may hold and still be read as UTF-8 (windows-1256 Arabic: 0.87 and above)."""
DECLARED_UTF8_SHARE = 0.8
"""The same when the text declares itself UTF-8 (a ``<meta charset>``, a BOM)."""
FEW_BAD_BYTES = 8
"""Fewer invalid bytes than this in a text declared UTF-8 are damage, whatever their share."""
MIN_VALID = 2
"""The fewest valid non-ASCII characters that make a text with invalid bytes UTF-8 at all."""
MIN_CLEAN = 4
"""Valid non-ASCII characters in lines free of invalid bytes that make a text UTF-8 whatever
its share of invalid bytes: a mixed file with a little UTF-8. Windows-1256 Arabic has none
(no line of 60,404 SaudiNewsNet texts re-encoded held a single one)."""
LINE_SHARE = 0.5
"""A line above this share of invalid bytes is read in a legacy code page if one fits it."""


class DecodeError(ValueError):
    """The bytes are in no encoding that could be found; the message says what was tried."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes.

    ``encoding`` decodes the same bytes again through :func:`decode` (``utf-8-sig`` for UTF-8
    with a BOM); ``note`` says what had to be repaired, for the article's notes, or is None.

    >>> found = decode("مرصد الأخبار".encode()[:-1])
    >>> found.text, found.encoding
    ('مرصد الأخبا\ufffd', 'utf-8')
    >>> found.note
    '1 byte that is not valid UTF-8 was replaced with U+FFFD (1 place); the rest is UTF-8'
    """

    text: str
    encoding: str
    note: str | None = None


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

    The same as :func:`decode` without the repair note.

    >>> decode_bytes("مرصد".encode("cp1256"))
    ('مرصد', 'cp1256')
    """
    found = decode(data, declared)
    return found.text, found.encoding


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``, name the encoding and say what was repaired; DecodeError when nothing fits.

    The order is: byte-order mark, strict UTF-8, UTF-8 with a few broken bytes (or mixed with
    legacy lines), the declared charset, windows-1256 when the result is mostly Arabic letters,
    then charset_normalizer's guess when it finds one coherent.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return _decode_with_bom(data, bom)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = codec_name(declared)
    repaired = repair_utf8(data, declared_utf8=codec == "utf-8")
    if repaired is not None:
        return repaired
    if codec is not None and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeError:  # a decode error, or a codec that refuses all input ("undefined")
            pass
    legacy = _legacy(data)
    if legacy is not None:
        return Decoded(data.decode(legacy), legacy)
    tried = f"declared {declared!r}, " if declared else ""
    raise DecodeError(
        f"cannot find the text encoding (tried UTF-8, {tried}windows-1256 and detection); "
        "convert the file to UTF-8"
    )


def repair_utf8(data: bytes, *, declared_utf8: bool = False) -> Decoded | None:
    """``data`` read as UTF-8 with its broken bytes replaced, or None when it is not UTF-8.

    It is UTF-8 when the invalid bytes are a small share of the non-ASCII content (see
    :data:`UTF8_SHARE`), or when whole lines are valid UTF-8 beyond chance (:data:`MIN_CLEAN`).
    Lines that are mostly invalid are then read in windows-1256 (or the code page detection
    finds for them) when that fits, so a file mixing the two keeps both.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    lines = escaped.split("\n")
    damaged: list[int] = []  # lines holding invalid bytes
    legacy: list[int] = []  # those of them that are mostly invalid
    bad = valid = clean = legacy_bad = 0
    for number, line in enumerate(lines):
        line_bad = len(line) - len(_ESCAPED.sub("", line)) if _ESCAPED.search(line) else 0
        line_valid = _valid_characters(line, line_bad)
        bad, valid = bad + line_bad, valid + line_valid
        if not line_bad:
            clean += line_valid
            continue
        damaged.append(number)
        if line_bad > LINE_SHARE * (line_bad + line_valid):
            legacy.append(number)
            legacy_bad += line_bad
    if bad == 0 or valid < MIN_VALID:
        return None
    limit = DECLARED_UTF8_SHARE if declared_utf8 else UTF8_SHARE
    few = declared_utf8 and bad < FEW_BAD_BYTES
    if bad / (bad + valid) > limit and clean < MIN_CLEAN and not few:
        return None
    raw = {number: lines[number].encode("utf-8", "surrogateescape") for number in damaged}
    codec = _legacy(b"\n".join(raw[number] for number in legacy)) if legacy_bad >= 4 else None
    replaced = places = 0
    for number in damaged:
        if codec is not None and number in legacy:
            lines[number] = raw[number].decode(codec, "replace")
            continue
        line = lines[number]
        lines[number] = raw[number].decode("utf-8", "replace")
        replaced += len(line) - len(_ESCAPED.sub("", line))
        places += lines[number].count("\ufffd") - line.count("\ufffd")
    read_legacy = len(legacy) if codec is not None else 0
    return Decoded("\n".join(lines), "utf-8", _repair_note(replaced, places, codec, read_legacy))


def _valid_characters(escaped: str, bad: int) -> int:
    """How many non-ASCII characters decoded validly in a ``surrogateescape`` decoding.

    C1 controls do not count: random bytes decode to them, text does not hold them.
    """
    if escaped.isascii():
        return 0
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    return non_ascii - bad - len(_C1.findall(escaped))


def _repair_note(replaced: int, places: int, codec: str | None, lines: int) -> str:
    parts = []
    if codec is not None:
        plural = "s" if lines != 1 else ""
        name = f"windows-{codec[2:]}" if re.fullmatch(r"cp125\d", codec) else codec
        parts.append(f"mixed encodings: {lines} line{plural} read as {name}, the rest as UTF-8")
    if replaced:
        were = (
            "bytes that are not valid UTF-8 were"
            if replaced != 1
            else ("byte that is not valid UTF-8 was")
        )
        where = f"{places} place{'s' if places != 1 else ''}"
        tail = "" if codec is not None else "; the rest is UTF-8"
        parts.append(f"{replaced} {were} replaced with U+FFFD ({where}){tail}")
    return "; ".join(parts)


def _decode_with_bom(data: bytes, bom: str) -> Decoded:
    """Text after a byte-order mark; a few broken bytes are replaced, more raise DecodeError."""
    try:
        return Decoded(data.decode(bom), bom)
    except UnicodeDecodeError as err:
        problem = err
    if bom == "utf-8-sig":
        repaired = repair_utf8(data[len(codecs.BOM_UTF8) :], declared_utf8=True)
        if repaired is not None:
            return Decoded(repaired.text, bom, repaired.note)
    else:
        text = data.decode(bom, "replace")
        broken = len(text) - len(data.decode(bom, "ignore"))
        if broken * 100 <= len(text):  # a UTF-16 file cut inside a code unit, a stray pair
            plural = "s" if broken != 1 else ""
            note = f"{broken} broken {bom} sequence{plural} replaced with U+FFFD"
            return Decoded(text, bom, note)
    raise DecodeError(f"has a {bom} byte-order mark but is not {bom}: {problem}") from problem


def _legacy(data: bytes) -> str | None:
    """The single-byte code page of text that is not UTF-8: windows-1256 when that reads as
    Arabic, else charset_normalizer's guess when it finds one that decodes; None otherwise."""
    if _mostly_arabic(data.decode("cp1256", errors="replace")):
        return "cp1256"
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding is not None:
        for name in (codec_name(best.encoding), str(best.encoding)):  # browsers' superset first
            try:
                data.decode(name or "")
            except (UnicodeError, LookupError):
                continue
            return name
    return None


def codec_name(label: str | None) -> str | None:
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
