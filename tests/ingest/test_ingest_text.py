"""Plain-text files: encodings, newlines, empty and binary files."""

from __future__ import annotations

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.samples import ARTICLE, PNG, TITLE

OPTIONS = ReadOptions(source="seeds")


def _one(data: bytes, name: str = "report.txt") -> RawDocument | Rejection:
    items = list(read_bytes(data, name, OPTIONS))
    assert len(items) == 1
    return items[0]


def test_ingest_text_windows_1256_file() -> None:
    data = f"{TITLE}\r\n\r\n{ARTICLE}".encode("cp1256")
    doc = _one(data)
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.origin, doc.source, doc.data) == ("text", "report.txt", "seeds", data)
    assert doc.meta == {"encoding": "cp1256"}
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text == f"{TITLE}\n\n{ARTICLE}"
    assert extracted.needs_cleaning is True
    assert extracted.title is None  # the cleaner finds titles, not the reader


def test_ingest_text_utf16_with_bom() -> None:
    doc = _one(f"{TITLE}\n{ARTICLE}".encode("utf-16"))
    assert isinstance(doc, RawDocument)
    assert doc.meta["encoding"] == "utf-16"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text.startswith(TITLE)  # no stray BOM before the title


def test_ingest_text_lone_carriage_returns_become_newlines() -> None:
    doc = _one("سطر أول\rسطر ثان\r\nسطر ثالث".encode())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text == "سطر أول\nسطر ثان\nسطر ثالث"


def test_ingest_text_empty_and_blank_files() -> None:
    empty = _one(b"")
    blank = _one(b" \n\t\n" + "\u200f".encode())
    assert isinstance(empty, Rejection) and empty.reason is RejectReason.EMPTY
    assert isinstance(blank, Rejection) and blank.reason is RejectReason.EMPTY


def test_ingest_text_png_renamed_txt_is_binary() -> None:
    rejection = _one(PNG + bytes(range(256)), "photo.txt")
    assert isinstance(rejection, Rejection)
    assert rejection.reason is RejectReason.BINARY
    assert rejection.detail == "looks like a PNG image"


def test_ingest_text_too_large() -> None:
    items = list(read_bytes(ARTICLE.encode(), "big.txt", ReadOptions(max_bytes=100)))
    assert [type(item) for item in items] == [Rejection]
    assert isinstance(items[0], Rejection) and items[0].reason is RejectReason.TOO_LARGE
