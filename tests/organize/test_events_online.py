"""Online assignment puts a new report in the event it continues, within the time window."""

from __future__ import annotations

import datetime as dt

import numpy as np

from marsad.organize.events import EventItem, partition
from marsad.organize.online import EventIndex

DAY = dt.date(2015, 8, 7)
CALL = "اتصال هاتفي بين الملك سلمان والرئيس الفرنسي هولاند بحث العلاقات الثنائية"
BLAST = "انفجار في مسجد قوات الطوارئ في أبها وسقوط ضحايا من رجال الأمن"
FLOOD = "أمطار غزيرة وسيول في جازان واحتجاز مركبات في الأودية"


def _item(k: str, text: str, day: dt.date | None = DAY) -> EventItem:
    return EventItem(k, text, f"{text}. {text}", day)


def _index() -> EventIndex:
    items = [
        _item("a1", CALL),
        _item("a2", CALL + " اليوم"),
        _item("b1", BLAST),
        _item("c1", FLOOD),
    ]
    return EventIndex.of(partition(items))


def test_organize_online_new_report_joins_the_event_it_reports() -> None:
    index = _index()
    assert index.assign(_item("b2", BLAST + " وأعلنت الداخلية")) == "b1"
    assert index.assign(_item("a3", CALL, DAY + dt.timedelta(days=1))) == "a1"


def test_organize_online_unrelated_or_distant_report_opens_an_event() -> None:
    index = _index()
    assert index.assign(_item("d1", "افتتاح قناة السويس الجديدة بحضور زعماء العالم")) == "d1"
    assert index.assign(_item("b9", BLAST, DAY + dt.timedelta(days=30))) == "b9"  # a month later


def test_organize_online_undated_report_is_compared_with_all() -> None:
    index = _index()
    assert index.assign(_item("c2", FLOOD, None)) == "c1"


def test_organize_online_similarities_are_the_products_with_every_report_held() -> None:
    # 900 reports: flushed into base in several blocks of rows, and some still pending; the
    # similarity of a new report with each must be its dot product with that report's vector
    words = [CALL, BLAST, FLOOD, "افتتاح قناة السويس الجديدة بحضور زعماء العالم"]
    index = _index()
    for k in range(900):
        text = f"{words[k % 4]} {k} {words[(k // 4) % 4].split()[k % 5]}"
        index.assign(_item(f"n{k:03d}", text, DAY + dt.timedelta(days=k % 9)))
    assert index.pending and len(index._blocks()) > 1
    vector = index.lexicon.learn([index._terms(_item("q", f"{BLAST} {FLOOD} 17"))])
    found = np.concatenate([index._similarities(vector), index._pending_similarities(vector)])
    held = index.matrix()  # flushes what was pending: every report, in the order it came
    width = max(held.shape[1], vector.shape[1])
    held.resize((held.shape[0], width))
    vector.resize((1, width))
    expected = (held @ vector.T).toarray().ravel()
    assert len(found) == index.size == 904
    assert np.allclose(found, expected) and expected.max() > 0.3
