"""Events do not depend on the order articles arrive in (issue 4, acceptance 3).

Six crawl days of SaudiNewsNet go in three batches, once in date order and once shuffled, with
reuse links and events brought up to date after every batch, as a live deployment would. The
final partitions must agree (adjusted Rand index >= 0.95) and every copy the reuse stage found
must sit in one event with its original.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.config import load_settings
from marsad.organize.scoring import score
from tests.conftest import SAUDINEWSNET, require

DAYS = 6
BATCHES = 3


def _records() -> list[dict[str, str]]:
    records = []
    for path in sorted(require(SAUDINEWSNET).glob("*.zip"))[:DAYS]:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                records.extend(json.loads(archive.read(name)))
    return records


def _ingest(tmp: Path, name: str, batches: list[list[dict[str, str]]]) -> Marsad:
    marsad = Marsad(settings=load_settings(db=str(tmp / f"{name}.db"), workers=2))
    for k, batch in enumerate(batches):
        path = tmp / f"{name}-{k}.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in batch), "utf-8")
        marsad.ingest([str(path)])
        marsad.update_events()
    return marsad


def _partition(marsad: Marsad) -> dict[str, str]:
    return {a: e.id for e in marsad.events() for a in e.articles}


@pytest.mark.slow
def test_organize_event_partition_agrees_across_orders_of_arrival(tmp_path: Path) -> None:
    records = _records()
    by_date = sorted(records, key=lambda r: (r.get("date_extracted") or "", r.get("url") or ""))
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    size = -(-len(records) // BATCHES)
    runs = {}
    for name, order in (("dated", by_date), ("shuffled", shuffled)):
        batches = [order[k : k + size] for k in range(0, len(order), size)]
        with _ingest(tmp_path, name, batches) as marsad:
            runs[name] = _partition(marsad)
            copies = [(x.a, x.b) for x in marsad.reuse_links() if x.kind in ("exact", "near")]
            assert copies
            assert all(runs[name][a] == runs[name][b] for a, b in copies)
    assert runs["dated"].keys() == runs["shuffled"].keys()
    agreement = score(runs["dated"], runs["shuffled"])
    print(f"ARI {agreement.ari:.4f} over {len(runs['dated'])} articles")
    assert agreement.ari >= 0.95, agreement


@pytest.mark.slow
def test_organize_online_placement_agrees_with_consolidation(tmp_path: Path) -> None:
    """A few hundred articles of a new day join the stored events online; consolidating
    afterwards moves few of them (the tolerance issue 4 asks to measure and state)."""
    records = sorted(_records(), key=lambda r: (r["date_extracted"], r.get("url") or ""))
    last = max(r["date_extracted"][:10] for r in records)
    old = [r for r in records if r["date_extracted"][:10] < last]
    new = [r for r in records if r["date_extracted"][:10] == last][:200]
    with _ingest(tmp_path, "online", [old]) as marsad:
        first = {a for e in marsad.events() for a in e.articles}
        path = tmp_path / "new.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in new), "utf-8")
        marsad.ingest([str(path)])
        report = marsad.update_events()
        assert report.mode == "online" and report.new_articles > 0
        online = _partition(marsad)
        assert marsad.update_events(consolidate=True).mode == "consolidated"
        batch = _partition(marsad)
    added = set(online) - first
    everything = score(batch, online).ari
    newcomers = score({a: batch[a] for a in added}, {a: online[a] for a in added}).ari
    print(f"online vs consolidated ARI {everything:.4f} (all), {newcomers:.4f} (new)")
    assert everything >= 0.95
    assert newcomers >= 0.8
