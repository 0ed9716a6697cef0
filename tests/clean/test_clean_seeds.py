"""Acceptance 1: the seeds cut into the right reports, with nothing of the reports lost.

The gold (tests/data/seeds_gold.json) was written by reading each seed: the opening words of
every paragraph of each report, in order, and the chrome lines that must be gone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.clean import split_segments
from tests.conftest import DATA

GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
CHROME = (
    "الرئيسية / غير مصنف /",
    "زر الذهاب إلى الأعلى",
    "مقالات ذات صلة",
    "شاهد أيضاً",
    "اترك تعليقاً",
    "Email",
    "مناقشة",
    "أخبار ذات صلة",
    "كلمات دلالية",
    "ت + ت - الحجم الطبيعي",
    "لن يتم نشر عنوان بريدك",
    "المصدر: صحيفة الاتحاد",
)


def _segments(seeds: Path, name: str) -> list:  # type: ignore[type-arg]
    return split_segments((seeds / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: f"{g['file'][:3]}-{g['seq']}")
def test_clean_seed_report_matches_gold(seeds: Path, gold: dict) -> None:  # type: ignore[type-arg]
    segments = _segments(seeds, gold["file"])
    seg = segments[gold["seq"]]
    assert seg.title == gold["title"]
    assert seg.outlet == gold["outlet"]
    assert seg.published.value == gold["published"]
    if gold.get("date_provenance"):
        assert seg.published.provenance == gold["date_provenance"]
    required, optional = gold["paragraphs"], set(gold["optional"])
    paragraphs = [" ".join(p.split()) for p in seg.paragraphs]  # scraped text has no-break spaces
    found = [p for p in paragraphs if not any(p.startswith(o) for o in optional)]
    assert len(found) == len(required), [p[:40] for p in seg.paragraphs]
    for paragraph, opening in zip(found, required, strict=True):
        assert paragraph.startswith(opening)
    removed = {r.text for r in seg.removed}
    for line in gold["removed"]:
        assert line in removed


def test_clean_seed_counts_five_reports_plus_appended(seeds: Path) -> None:
    counts = {g["file"]: len(_segments(seeds, g["file"])) for g in GOLD}
    assert counts == {
        "000_54118861671432c7.txt": 1,
        "001_63ad5a6da6f14031.txt": 1,
        "002_eb2fb430a156c5dd.txt": 2,
        "003_9237d8f2f57de89b.txt": 1,
        "004_e7c6b0a9de25425d.txt": 1,
    }


def test_clean_seed_no_chrome_left_in_any_body(seeds: Path) -> None:
    for name in sorted(p.name for p in seeds.glob("*.txt")):
        for seg in _segments(seeds, name):
            for paragraph in seg.paragraphs:
                for chrome in CHROME:  # chrome is a whole line; the words may occur in sentences
                    assert not paragraph.strip().startswith(chrome), (name, chrome)


def test_clean_seed_002_main_report_ends_before_tag_line(seeds: Path) -> None:
    main, appended = _segments(seeds, "002_eb2fb430a156c5dd.txt")
    assert main.paragraphs[-1].startswith("كما جرى التأكيد على ضرورة")
    assert "قاآني" not in "\n".join(main.paragraphs)
    assert "قاآني" in appended.title
    assert appended.published.value is None  # the appended report is from 2025, not 2024
