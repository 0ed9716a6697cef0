"""Entities through the library on the seed reports: the people, places and organizations
the issue names, one entity each across every seed article, kept up to date as articles come."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from marsad.app import Marsad
from marsad.arabic.normalize import normalize
from marsad.engine import entities as engine
from marsad.errors import NotFoundError

PEOPLE = (
    *["الكاظمي", "بايدن", "السوداني", "الخفاجي"],
    *("ماثيو تولر", "آلينا رومانسكي", "فؤاد حسين", "زاخاروفا", "نيد برايس", "جون كيربي"),
    *("عبد الكريم هاشم", "قاآني"),
)
PLACES = ["العراق", "بغداد", "واشنطن", "كركوك", "الأنبار", "نينوى"]
ORGANIZATIONS = ("وزارة الخارجية العراقية", "التحالف الدولي", "داعش", "الحشد الشعبي")


@pytest.fixture(scope="module")
def marsad(tmp_path_factory: pytest.TempPathFactory) -> Marsad:
    from tests.conftest import SEEDS, require

    require(SEEDS)
    m = Marsad(tmp_path_factory.mktemp("entities") / "seeds.db")
    m.ingest(sorted(str(p) for p in SEEDS.glob("0*.txt")))
    m.update_events()
    m.update_entities()
    return m


def articles_naming(m: Marsad, name: str) -> set[str]:
    """The stored articles whose text holds ``name`` as words (in any folding of its letters,
    after a conjunction or preposition at most: «العراقية» is not «العراق»)."""
    wanted = re.compile(rf"(?<!\w)(?:[وفبلك]|لل)?{re.escape(normalize(name))}(?!\w)")
    return {a.id for a in m.articles() if wanted.search(normalize(f"{a.title or ''}\n{a.body}"))}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (n, kind)
        for names, kind in ((PEOPLE, "PER"), (PLACES, "LOC"), (ORGANIZATIONS, "ORG"))
        for n in names
    ],
)
def test_one_entity_across_every_seed_article(marsad: Marsad, name: str, kind: str) -> None:
    profile = marsad.entity_profile(name)
    assert profile.entity.kind == kind
    mentioned = {m.article_id for m in marsad.store.entities.mentions(profile.entity.id)}
    assert articles_naming(marsad, name) <= mentioned


def test_roles_are_kept_apart_from_names(marsad: Marsad) -> None:
    profile = marsad.entity_profile("بايدن")
    assert profile.entity.name == "جو بايدن"
    assert {normalize(r.role) for r in profile.roles} >= {normalize("الرئيس الأميركي")}
    assert profile.events and profile.storylines


def test_an_unknown_name_is_a_clear_error(marsad: Marsad) -> None:
    with pytest.raises(NotFoundError, match="no entity named"):
        marsad.entity("زيد بن حارثة")


def test_new_articles_are_read_once_and_a_new_model_reads_all_again(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = Marsad(tmp_path / "s.db")
    files = sorted(str(p) for p in seeds.glob("0*.txt"))
    m.ingest(files[:2])
    first = m.update_entities()
    assert first.restarted and first.read == len(m.articles())
    m.ingest(files[2:])
    second = m.update_entities()
    assert not second.restarted and second.read == len(m.articles()) - first.read
    assert m.update_entities().read == 0
    monkeypatch.setattr(engine, "RULES_VERSION", "another")
    engine.model_version.cache_clear()
    try:
        again = m.update_entities()
    finally:
        engine.model_version.cache_clear()
    assert again.restarted and again.read == len(m.articles())


def test_rebuild_keeps_the_entities(tmp_path: Path, seeds: Path) -> None:
    m = Marsad(tmp_path / "s.db")
    m.ingest(sorted(str(p) for p in seeds.glob("0*.txt")))
    m.update_events()
    m.update_entities()
    before = [(e.id, e.mentions, e.events) for e in m.entities()]
    m.rebuild()
    assert [(e.id, e.mentions, e.events) for e in m.entities()] == before


def test_a_store_from_before_entities_queues_every_article(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "old.db"
    with Marsad(path) as m:
        m.ingest(sorted(str(p) for p in seeds.glob("0*.txt")))
        stored = len(m.articles())
    con = sqlite3.connect(path)
    con.executescript(
        "DROP TABLE entity_mentions; DROP TABLE entities; DROP TABLE entity_keys;"
        "DROP TABLE entity_state; DROP TABLE entities_queue; DROP TABLE quotes;"
        "DROP TRIGGER entities_queue_new_article; PRAGMA user_version = 14;"
    )
    con.close()
    with Marsad(path) as m:
        assert m.store.entities.queued_count() == stored
        assert m.update_entities().read == stored
