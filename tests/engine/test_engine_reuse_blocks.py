"""Issue 12: a reuse update takes new articles a block at a time (memory follows the block,
not the store), and the stored index finds what the batch path finds: copies across blocks,
identical texts however common their passages."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.config import Settings
from marsad.engine.linking import update_reuse
from marsad.link.reuse import ReuseParams
from marsad.store.reuse import ReuseTables

WORDS = [f"كلمة{chr(0x0628 + k % 20)}{chr(0x0628 + k // 20)}" for k in range(400)]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _records() -> list[dict[str, str]]:
    """Six originals, each with an exact copy, a copy with an added intro and a copy of its
    first half inside another text; ids (and so blocks) fall where they may."""
    rng = random.Random(12)
    out = []
    for k in range(6):
        body = _text(rng, 160)
        half = " ".join(body.split()[:80])
        for n, text in enumerate(
            (body, body, f"{_text(rng, 40)}\n\n{body}", f"{_text(rng, 120)}\n\n{half}")
        ):
            out.append({"title": f"خبر {k} {n}", "content": text, "source": f"outlet{n}"})
    return out


def _links(db: Path) -> set[tuple[str, str, str]]:
    with Marsad(db) as m:
        rows = m.store.db.execute("SELECT a, b, kind FROM reuse_links").fetchall()
    return {(str(a), str(b), str(kind)) for a, b, kind in rows}


def _store(path: Path, records: list[dict[str, str]]) -> Path:
    source = path.with_suffix(".jsonl")
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    with Marsad(path, Settings(workers=1)) as m:
        m.ingest([str(source)])
    return path


def test_engine_reuse_in_blocks_finds_the_links_of_one_batch(tmp_path: Path) -> None:
    records = _records()
    whole, blocks = _store(tmp_path / "whole.db", records), _store(tmp_path / "blocks.db", records)
    with Marsad(whole, Settings(workers=1)) as m:
        assert update_reuse(m.store).articles == len(records)
    with Marsad(blocks, Settings(workers=1)) as m:
        report = update_reuse(m.store, block=5)
        assert report.articles == len(records) and m.store.reuse.unlinked() == []
    found = _links(whole)
    assert len({kind for _, _, kind in found}) >= 2 and len(found) >= 6 * 4
    assert _links(blocks) == found


def test_engine_reuse_stored_index_finds_identical_texts_of_set_phrases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fingerprints more than ``max_df`` stored articles have are not read (set phrases); an
    identical text is found by its text all the same."""
    body = _text(random.Random(3), 100)
    params = ReuseParams(max_df=2, rewrites=None)  # the rewrite stage has its own index
    db = tmp_path / "s.db"

    def arrive(name: str) -> set[tuple[str, str, str]]:
        more = tmp_path / f"{name}.jsonl"
        more.write_text(json.dumps({"title": name, "content": body, "source": name}), "utf-8")
        with Marsad(db, Settings(workers=1)) as m:
            m.ingest([str(more)])
            update_reuse(m.store, params)
            (article,) = [a.id for a in m.articles() if a.source == name]
        return {link for link in _links(db) if article in link[:2]}

    assert not arrive("a")
    assert len(arrive("b")) == 1 and len(arrive("c")) == 2  # their fingerprints are rare
    found = arrive("d")  # now every fingerprint is in 3 stored articles: a set phrase
    assert len(found) == 3 and {kind for _, _, kind in found} == {"exact"}
    monkeypatch.setattr(ReuseTables, "identical", lambda self, text: [])
    assert not arrive("e")  # without the text, nothing is found
