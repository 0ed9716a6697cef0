"""The growth corpus (benchmarks/scale_data.py): every date moves with its replica, in the form
it came in, and the articles held back as new are the newest by date (ANT gives half its dates
as day/month/year: sorted as strings, "31/10/2016" came after every ISO date, so the "newest"
200 were spread over four years)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale_data as sd  # noqa: E402


def test_scale_dates_shift_in_their_own_form() -> None:
    week = dt.timedelta(days=7)
    assert sd._shifted("28/02/2016", week) == "06/03/2016"
    assert sd._shifted("2017-01-20T21:43:00+01:00", week) == "2017-01-27T21:43:00+01:00"
    assert sd._shifted("2015-07-21 02:51:32", week) == "2015-07-28 02:51:32"
    assert sd.moment({"date": "31/10/2016"}) == "2016-10-31 00:00:00"
    assert sd.moment({"date_extracted": "2015-07-21 02:51:32"}) == "2015-07-21 02:51:32"


def test_scale_new_articles_are_the_newest(tmp_path: Path) -> None:
    records = [
        {"id": f"a{k}", "url": f"http://x/{k}", "title": "خبر", "content": "نص الخبر", "date": d}
        for k, d in enumerate(
            ["31/10/2013", "2016-05-01T10:00:00+01:00", "01/06/2016", "30/01/2014", "2015-01-01"]
        )
    ]
    base = sd.Base(records, frozenset())
    corpus, new = tmp_path / "corpus.jsonl", tmp_path / "new.jsonl"
    made = sd.write_corpus(base, 10, corpus, new, new_count=2)
    assert made == {"articles": 10, "replicas": 2, "new": 2}
    late = [json.loads(line) for line in new.open(encoding="utf-8")]
    # the newest: 01/06/2016 of replica 1 (shifted 15 days), then of replica 0 (the ISO
    # dates of May 2016 are older; as strings, "2016-05-16" sorted before "01/06/2016")
    assert sorted(r["date"] for r in late) == ["01/06/2016", "16/06/2016"]
    kept = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    assert "15/11/2013" in {r["date"] for r in kept}  # replica 1 of 31/10/2013, moved
