"""Integration: the whole SaudiNewsNet corpus reads into 31,030 records, 354 of them empty."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from marsad.ingest import ReadOptions, read_inputs
from marsad.models import RawDocument, Rejection, RejectReason

SAUDINEWSNET = (Path(__file__).parents[2] / ".." / "shared" / "data" / "saudinewsnet").resolve()


@pytest.mark.slow
def test_ingest_saudinewsnet_all_records() -> None:
    if not SAUDINEWSNET.is_dir():
        pytest.skip(f"{SAUDINEWSNET} is missing: this test needs the shared SaudiNewsNet zips")
    zips = sorted(str(path) for path in SAUDINEWSNET.glob("*.zip"))
    counts: Counter[str] = Counter()
    origins = set()
    for item in read_inputs(zips, ReadOptions()):
        origins.add(item.origin)
        if isinstance(item, RawDocument):
            counts[item.kind] += 1
            assert item.source and "body_field" in item.meta
        else:
            assert isinstance(item, Rejection)
            counts[item.reason.value] += 1
            assert item.reason is RejectReason.EMPTY, item
    assert counts == {"record": 30_676, RejectReason.EMPTY.value: 354}
    assert len(origins) == 31_030
