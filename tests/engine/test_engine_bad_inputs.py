"""Acceptance 5: a folder of good and bad inputs ingests what it can, lists the rest, exits 3."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARABIC = (
    "أعلنت وزارة الخارجية العراقية اليوم بدء أولى جولات المفاوضات مع الولايات المتحدة "
    "بشأن العلاقة الاستراتيجية بين البلدين، وقالت في بيان إن الجانبين بحثا رؤيتهما لإنشاء "
    "علاقة متوازنة تقوم على المصالح المشتركة والاحترام المتبادل."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def _page(title: str) -> bytes:
    paragraphs = "".join(f"<p>{ARABIC} ({n})</p>" for n in range(4))
    return (
        f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><nav>الرئيسية</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def build_folder(root: Path) -> Path:
    folder = root / "inputs"
    folder.mkdir()
    (folder / "cp1256.txt").write_bytes(("عنوان الخبر\n\n" + ARABIC).encode("cp1256"))
    (folder / "utf16.txt").write_bytes(("عنوان آخر\n\n" + ARABIC + " ثانية").encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG + bytes(range(256)))
    warc = _warc(
        [("http://example.org/a", _page("خبر أول")), ("http://example.org/b", _page("خبر ثان"))]
    )
    (folder / "broken.warc").write_bytes(warc[: len(warc) - 300])
    (folder / "feed.xml").write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><titl'
    )
    return folder


def test_engine_bad_inputs_partial_success(tmp_path: Path) -> None:
    folder = build_folder(tmp_path)
    db = tmp_path / "t.db"
    proc = subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(db), "ingest", str(folder), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    rejected = {Path(r["origin"].split("#")[0]).name: r["reason"] for r in report["rejected"]}
    assert rejected == {
        "empty.txt": "empty",
        "image.txt": "binary",
        "broken.warc": "unparseable",
        "feed.xml": "unparseable",
    }
    listed = subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(db), "rejected", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(listed.stdout)) == 4
    shown = subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(db), "articles", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    titles = {a["title"] for a in json.loads(shown.stdout)}
    assert {"عنوان الخبر", "عنوان آخر", "خبر أول"} <= titles
