"""Ain Alyoum (3alyoum) records of SaudiNewsNet: their site chrome is gone, their bodies start
with the report.

Its pages were scraped with a photo gallery flattened into the first line (captions, then
"Next Previous"), a dateline or byline («عين اليوم – واس», «نايف عبدالله – عين اليوم»), and a tag
list glued to the last sentence («… اليوم. سمات الحوثيون اليمن»). Left in, the shared opening
tied 239 unrelated reports into one event.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from marsad.clean import Segment, split_segments
from marsad.clean.credits import dateline

# One crawl day, read whole: 713 Ain Alyoum records, 257 of them with the gallery's controls.
DAY = "2015-07-24.zip"


def _records(saudinewsnet: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(saudinewsnet / DAY) as archive:
        records = [r for name in archive.namelist() for r in json.loads(archive.read(name))]
    return [r for r in records if r["source"] == "3alyoum" and r["content"].strip()]


def _main(record: dict[str, str]) -> Segment:
    segments = split_segments(record["content"], known_title=record["title"])
    assert len(segments) == 1, record["url"]
    return segments[0]


@pytest.fixture
def records(saudinewsnet: Path) -> list[dict[str, str]]:
    found = _records(saudinewsnet)
    assert len(found) > 600
    return found


def test_clean_ain_alyoum_gallery_controls_and_tag_lists_are_gone(
    records: list[dict[str, str]],
) -> None:
    with_gallery = [r for r in records if "Next Previous" in r["content"]]
    with_tags = [r for r in records if re.search(r"(^|\s)سمات\s", r["content"].split("\n")[-1])]
    assert len(with_gallery) > 200 and len(with_tags) > 400  # the chrome is really in the data
    for record in records:
        body = "\n".join(_main(record).paragraphs)
        assert "Next Previous" not in body, record["url"]
        assert not re.search(r"(^|\s)سمات\s\S+(\s\S+){0,3}$", body), record["url"]
    for record in with_gallery:
        reasons = {r.reason for r in _main(record).removed}
        assert "gallery" in reasons, record["url"]


def test_clean_ain_alyoum_bodies_start_with_the_report(records: list[dict[str, str]]) -> None:
    datelined, glued = 0, []
    for record in records:
        segment = _main(record)
        first = segment.paragraphs[0]
        assert not first.startswith("Next"), record["url"]
        assert dateline(first) is None, (record["url"], first)
        if re.match(r"عين اليوم\s*[–-]", first):
            glued.append(first)
        datelined += any(r.reason == "dateline" for r in segment.removed)
    assert datelined > 0.85 * len(records)
    # «عين اليوم – باكستان ارتفعت…»: a dateline run into the lead with nothing to show where
    # the place ends (one word? «مكة المكرمة»?) stays; it is rare.
    assert len(glued) <= 0.01 * len(records), glued


def test_clean_ain_alyoum_wire_report_credits_the_agency(records: list[dict[str, str]]) -> None:
    title = "خادم الحرمين ووزيرة خارجية إندونيسيا يبحثان أوجه التعاون"
    (record,) = [r for r in records if r["title"] == title]
    segment = _main(record)
    assert segment.paragraphs[0].startswith("استقبل خادم الحرمين الشريفين الملك سلمان")
    assert [(r.text, r.reason) for r in segment.removed][:2] == [
        ("Next Previous", "gallery"),
        ("عين اليوم – واس", "dateline"),
    ]
    assert segment.attributions == ["عين اليوم – واس"]
