"""Hostile inputs through the whole ingest (the command line, a real database), bounded in time
and memory: what is stored, and what is recorded as rejected. Issue 10, items 2, 3, 5 and 8."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad import Marsad
from marsad.ingest.sanitize import URL_RULE
from tests.conftest import SEEDS, require
from tests.ingest.hostile import bomb, member, zip_bytes
from tests.ingest.samples import ARTICLE, PARAGRAPHS, TITLE, saudinewsnet_record

_CAP = 1536 << 20
"""Address-space cap of the ingest under test: the bomb unpacks to more than this."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_CAP, _CAP))


def _marsad(
    db: Path, *args: str, stdin: Any = None, capped: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", "--db", str(db), *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        preexec_fn=_cap_memory if capped else None,
    )


def _rejected(db: Path) -> dict[str, str]:
    listed = _marsad(db, "rejected", "--json")
    return {row["origin"]: row["reason"] for row in json.loads(listed.stdout)}


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is reliable on Linux only")
def test_engine_zip_bomb_under_a_memory_cap_is_rejected_and_the_rest_stored(
    tmp_path: Path,
) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "bytearray(2 << 30)"],
        capture_output=True,
        check=False,
        preexec_fn=_cap_memory,
    )
    assert probe.returncode != 0, "the memory cap must stop a 2 GiB allocation"
    folder = tmp_path / "in"
    folder.mkdir()
    records = json.dumps([saudinewsnet_record(n) for n in range(3)], ensure_ascii=False)
    (folder / "a.zip").write_bytes(zip_bytes([bomb("bomb.json", 2048)]))
    (folder / "b.zip").write_bytes(
        zip_bytes(
            [bomb("liar.json", 2048, declared_size=1000), member("day.json", records.encode())]
        )
    )
    (folder / "c.txt").write_text(f"{TITLE}\n\n{ARTICLE}")
    db = tmp_path / "t.db"
    done = _marsad(db, "ingest", str(folder), "--json", capped=True)
    assert done.returncode == 3, done.stderr
    report = json.loads(done.stdout)
    assert (report["documents"], report["articles"]) == (4, 4)
    base = folder.as_posix()
    assert _rejected(db) == {
        f"{base}/a.zip!bomb.json": "too-large",
        f"{base}/b.zip!liar.json": "unparseable",
    }
    with Marsad(db) as marsad:
        titles = {article.title for article in marsad.articles()}
    assert {TITLE, f"{TITLE} (0)", f"{TITLE} (2)"} <= titles


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_engine_dev_zero_and_an_endless_pipe_stop_with_a_rejection(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    zero = _marsad(db, "ingest", "/dev/zero", capped=True, timeout=60)
    assert zero.returncode == 1, zero.stderr
    yes = shutil.which("yes")
    writer = (
        [yes] if yes else [sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('y\\n')"]
    )
    with subprocess.Popen(writer, stdout=subprocess.PIPE) as endless:
        piped = _marsad(db, "ingest", "-", stdin=endless.stdout, capped=True, timeout=60)
        endless.kill()
    assert piped.returncode == 1, piped.stderr
    assert _rejected(db) == {"/dev/zero": "binary", "-": "too-large"}


def test_engine_two_ingests_of_the_same_input_at_once_count_each_document_once(
    tmp_path: Path,
) -> None:
    day = tmp_path / "day.json"
    records = [saudinewsnet_record(n, content=f"{ARTICLE} ({n})") for n in range(600)]
    day.write_text(json.dumps(records, ensure_ascii=False))
    db = tmp_path / "t.db"
    _marsad(db, "articles")  # create the database first, so both runs only write to it
    command = [sys.executable, "-m", "marsad", "--db", str(db), "ingest", str(day), "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    reports = [json.loads(run.communicate(timeout=300)[0]) for run in runs]
    assert [report["documents"] for report in reports] == [600, 600]
    assert sum(report["new_documents"] for report in reports) == 600
    with Marsad(db) as marsad:
        assert marsad.counts()["articles"] == 600
    again = json.loads(_marsad(db, "ingest", str(day), "--json").stdout)
    assert (again["documents"], again["new_documents"], again["articles"]) == (600, 0, 0)


def test_engine_cut_seed_is_stored_as_utf8_and_found(tmp_path: Path) -> None:
    seed = next(require(SEEDS).glob("001_*.txt"))
    cut = tmp_path / "cut.txt"
    cut.write_bytes(seed.read_bytes()[:3002])  # head -c 3002: cut inside a character
    db = tmp_path / "t.db"
    assert _marsad(db, "ingest", str(cut)).returncode == 0
    with Marsad(db) as marsad:
        (article,) = marsad.articles()
        hits = marsad.search("العراق")
    assert article.title == "العراق يعلن بدء المفاوضات الاستراتيجية مع الولايات المتحدة"
    assert article.lang == "ar"
    assert [hit.article.id for hit in hits] == [article.id]
    assert article.notes == (
        "1 byte that is not valid UTF-8 was replaced with U+FFFD (1 place); the rest is UTF-8",
    )


def test_engine_hostile_record_fields_are_stored_clean_with_notes(tmp_path: Path) -> None:
    records = [
        {
            "title": f"\x1b[2J{TITLE}\x1b]0;pwned\x07",
            "content": f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\x00\x1b[31m",
            "source": "\x1b[5mوكالة\x1b[0m",
            "url": "javascript:alert(1)",
            "published": "9999-99-99",
        },
        {"title": "رقم", "content": 12345},
        {"title": "صح", "content": True},
    ]
    path = tmp_path / "junk.json"
    path.write_text(json.dumps(records, ensure_ascii=False))
    db = tmp_path / "t.db"
    done = _marsad(db, "ingest", str(path), "--json")
    assert done.returncode == 3, done.stderr
    origin = path.as_posix()
    assert _rejected(db) == {f"{origin}#1": "not-text", f"{origin}#2": "not-text"}
    with Marsad(db) as marsad:
        (article,) = marsad.articles()
    assert (article.title, article.source, article.url) == (TITLE, "وكالة", None)
    assert article.published.provenance != "metadata"
    assert article.body == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    stored = (article.title or "", article.body, article.source or "", article.outlet or "")
    assert not any(_CONTROL.search(text) for text in stored)
    assert f"url 'javascript:alert(1)' left out: {URL_RULE}" in (article.notes)
    assert any(note.startswith("publication date '9999-99-99' left out") for note in article.notes)


def test_engine_notes_survive_the_store_round_trip(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_bytes(f"{TITLE}\n\n{ARTICLE}".encode() + b"\xff")
    with Marsad(tmp_path / "t.db") as marsad:
        marsad.ingest([text])
        (article,) = marsad.articles()
        assert marsad.article(article.id).notes == article.notes
    assert len(article.notes) == 1 and "U+FFFD" in article.notes[0]
    assert os.path.getsize(tmp_path / "t.db") > 0
