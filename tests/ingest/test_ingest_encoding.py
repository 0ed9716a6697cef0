"""decode_bytes: BOMs, UTF-8, declared charsets, undeclared windows-1256, and failure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest.encoding import DecodeError, declared_charset, decode, decode_bytes, is_blank
from tests.ingest.samples import ARTICLE


def test_ingest_encoding_utf8() -> None:
    assert decode_bytes(ARTICLE.encode()) == (ARTICLE, "utf-8")


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("utf-32", "utf-32"),
    ],
)
def test_ingest_encoding_bom(codec: str, name: str) -> None:
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    text, found = decode_bytes(data)
    assert (text, found) == (ARTICLE, name)
    assert data.decode(found) == ARTICLE  # the name round-trips without a leftover BOM


def test_ingest_encoding_undeclared_windows_1256_arabic() -> None:
    assert decode_bytes(ARTICLE.encode("cp1256")) == (ARTICLE, "cp1256")


def test_ingest_encoding_declared_charset_wins_over_guessing() -> None:
    text = "Ceci est un résumé de l'actualité, très détaillé et sans ambiguïté."
    assert decode_bytes(text.encode("latin-1"), "iso-8859-1") == (text, "cp1252")


def test_ingest_encoding_latin1_french_is_not_taken_for_arabic() -> None:
    text = "Le président a déclaré à la presse qu'il était très satisfait des négociations. " * 3
    decoded, name = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert name != "cp1256"


def test_ingest_encoding_unknown_declared_label_is_ignored() -> None:
    assert decode_bytes(ARTICLE.encode("cp1256"), "no-such-charset") == (ARTICLE, "cp1256")


def test_ingest_encoding_bad_bom_raises_decode_error() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(b"\xef\xbb\xbf\xff\xfe\xfd")


def test_ingest_encoding_declared_charset_from_markup() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    content_type = b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />'
    assert declared_charset(content_type) == "UTF-8"
    assert declared_charset(b"<?xml version='1.0' encoding='ISO-8859-6'?><rss>") == "ISO-8859-6"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


def test_ingest_encoding_is_blank_counts_invisible_marks() -> None:
    assert is_blank(" \n\t\u200f\ufeff\xa0")
    assert not is_blank("\u200fخبر")


@given(
    st.binary(max_size=2048), st.sampled_from([None, "utf-8", "windows-1256", "bogus", "utf-16"])
)
def test_ingest_encoding_returns_or_raises_decode_error(data: bytes, declared: str | None) -> None:
    try:
        found = decode(data, declared)
    except DecodeError:
        return
    assert decode(data, found.encoding) == found  # the name decodes the same bytes again
    if found.note is None:  # nothing repaired: the codec alone decodes them
        assert data.decode(found.encoding) == found.text


def test_ingest_encoding_declared_codec_that_refuses_everything() -> None:
    # Found by hypothesis: Python's "undefined" codec raises UnicodeError, not a decode error.
    from marsad.ingest import DecodeError, decode_bytes

    try:
        text, _ = decode_bytes(b"\xe9\xe8 abc", "undefined")
    except DecodeError:
        return
    assert isinstance(text, str)
