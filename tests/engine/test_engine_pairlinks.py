"""Links made on worker processes are the links made in one process: the same origins,
reasons, credits and passages, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.config import Settings
from marsad.engine import pairlinks
from marsad.link.reuse import ReusePair
from tests.conftest import SAUDINEWSNET, require


def _pair(a: str, b: str) -> ReusePair:
    return ReusePair(a, b, "partial", 0.3, 0.5, 0.5, 40)


def test_pairlinks_local_order_keeps_an_articles_pairs_together() -> None:
    # by ids, the pairs of "m" are far apart; each article's pairs should come together
    pairs = [_pair("a", "m"), _pair("b", "z"), _pair("c", "y"), _pair("m", "x"), _pair("m", "y")]
    order = pairlinks.local_order(pairs)
    assert sorted(order) == list(range(len(pairs)))  # every pair, once
    placed = [pairs[k] for k in order]
    touching_m = [k for k, p in enumerate(placed) if "m" in (p.a, p.b)]
    assert touching_m == list(range(touching_m[0], touching_m[0] + 3))  # m's three, in a row
    assert placed.index(_pair("c", "y")) == touching_m[-1] + 1  # then y's other pair
    assert pairlinks.local_order([]) == []


@pytest.mark.slow
def _links(db: Path) -> list[tuple[object, ...]]:
    with Marsad(db) as m:
        return m.store.db.execute("SELECT * FROM reuse_links ORDER BY a, b").fetchall()


def test_pairlinks_workers_make_the_links_one_process_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = require(SAUDINEWSNET) / "2015-07-21.zip"
    base = tmp_path / "base.db"
    with Marsad(base, Settings(workers=1)) as m:
        m.ingest([str(day)])
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    shutil.copy(base, one)
    shutil.copy(base, two)
    with Marsad(one, Settings(workers=1)) as m:
        m.update_reuse()
    monkeypatch.setattr(pairlinks, "PARALLEL_MIN", 2)
    monkeypatch.setattr(pairlinks, "_CHUNK", 7)  # many tasks, finished out of order
    with Marsad(two, Settings(workers=2)) as m:
        m.update_reuse()
    serial, pooled = _links(one), _links(two)
    assert len(serial) > 100
    assert any(row[8] for row in serial)  # some links have an origin (column copy)
    assert pooled == serial
