"""New articles join stored events online; consolidation and ``rebuild`` recompute them all."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from marsad import Marsad
from marsad.config import load_settings
from marsad.engine.organizing import update_events
from marsad.organize.events import EventParams
from marsad.organize.scoring import score
from tests.conftest import SEEDS, require

CALL = (
    "بحث رئيس الوزراء العراقي مصطفى الكاظمي مع الرئيس الأمريكي جو بايدن في اتصال هاتفي "
    "العلاقات الثنائية والحوار الاستراتيجي بين البلدين ووجود قوات التحالف الدولي في العراق"
)
FLOOD = (
    "غمرت السيول عددا من أحياء مدينة جدة بعد أمطار غزيرة هطلت على المحافظة وأعلن الدفاع "
    "المدني احتجاز عشرات المركبات في الأنفاق وإجلاء السكان من الأحياء المنخفضة"
)


def _marsad(tmp: Path) -> Marsad:
    return Marsad(settings=load_settings(db=str(tmp / "online.db"), workers=1))


def _add(marsad: Marsad, tmp: Path, name: str, records: list[dict[str, str]]) -> None:
    path = tmp / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    marsad.ingest([str(path)])


def _partition(marsad: Marsad) -> dict[str, str]:
    return {a: e.id for e in marsad.events() for a in e.articles}


def test_engine_events_first_update_consolidates_then_new_articles_go_online(
    tmp_path: Path,
) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        first = marsad.update_events()
        assert first.mode == "consolidated" and first.online_pending == 0
        assert marsad.update_events().mode == "unchanged"  # nothing new: nothing recomputed
        before = _partition(marsad)
        call = {"title": "اتصال هاتفي بين الكاظمي وبايدن", "content": CALL, "source": "x"}
        flood = {"title": "سيول في جدة", "content": FLOOD, "source": "y"}
        _add(marsad, tmp_path, "new", [call, flood])
        report = marsad.update_events()
        assert report.mode == "online" and report.new_articles == 2
        assert report.online_pending == 2
        after = _partition(marsad)
        assert {a: after[a] for a in before} == before  # stored events keep their reports
        new = sorted(set(after) - set(before))
        assert len(new) == 2 and after[new[0]] != after[new[1]]
        flood_event = next(e for e in marsad.events() if FLOOD[:20] in e.title or "سيول" in e.title)
        assert len(flood_event.articles) == 1  # nothing like it before: an event of its own
        storylines = {s.id for s in marsad.storylines()}
        assert {e.storyline for e in marsad.events()} == storylines  # every event in one


def test_engine_events_copy_joins_its_original_online(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        marsad.update_events()
        original = next(e for e in marsad.events() if len(e.articles) == 1)
        text = marsad.article(original.articles[0])
        copy = {"title": text.title or "", "content": text.body, "source": "copycat"}
        _add(marsad, tmp_path, "copy", [copy])
        assert marsad.update_events().mode == "online"
        event = next(e for e in marsad.events() if original.articles[0] in e.articles)
        assert event.id == original.id and len(event.articles) == 2


def test_engine_events_rebuild_consolidates_and_agrees_with_online(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        marsad.update_events()
        extra = [{"title": "اتصال هاتفي بين الكاظمي وبايدن", "content": CALL, "source": "x"}]
        _add(marsad, tmp_path, "new", extra)
        assert marsad.update_events().mode == "online"
        online = _partition(marsad)
        report = marsad.rebuild()
        assert report.mode == "consolidated" and report.online_pending == 0
        assert score(_partition(marsad), online).ari == 1.0


def test_engine_events_rebuild_keeps_the_ids_a_user_was_shown(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])  # the seeds carry no publication date
        marsad.update_events()
        dated = {  # dated: first by (date, id) in the event it joins, which renamed it
            "title": "اتصال هاتفي بين الكاظمي وبايدن",
            "content": CALL,
            "source": "x",
            "date": "2021-02-24",
        }
        _add(marsad, tmp_path, "new", [dated])
        marsad.update_events()
        shown = {e.id: e.articles for e in marsad.events()}
        lines = {s.id: s.events for s in marsad.storylines()}
        marsad.rebuild()
        assert {e.id: e.articles for e in marsad.events()} == shown
        assert {s.id: s.events for s in marsad.storylines()} == lines
        for event in shown:
            assert marsad.event(event).id == event


def test_engine_events_many_new_articles_consolidate(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        marsad.update_events()
        many = [
            {"title": f"خبر رقم {k}", "content": f"{FLOOD} في اليوم {k} من الشهر", "source": "z"}
            for k in range(201)
        ]
        _add(marsad, tmp_path, "many", many)
        assert marsad.update_events().mode == "consolidated"
        assert marsad.update_events(consolidate=False).mode == "unchanged"


def test_engine_events_the_first_storylines_read_alone_as_in_the_whole_listing(
    tmp_path: Path,
) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        call = {"title": "اتصال هاتفي بين الكاظمي وبايدن", "content": CALL, "source": "x"}
        _add(marsad, tmp_path, "new", [call, {"title": "سيول", "content": FLOOD, "source": "y"}])
        marsad.update_events()
        every = marsad.storylines()
        assert len(every) >= 2 and marsad.storyline_count() == len(every)
        assert marsad.storylines(1) == every[:1] and marsad.storylines(len(every)) == every
        of = marsad.events_of([s.id for s in every])
        for line in every:
            assert of[line.id] == marsad.events(line.id)  # same events, same date order
            assert sorted(e.id for e in of[line.id]) == sorted(line.events)


FIGHT = (
    "Wladimir Klitschko stopped {rival} in {city} to retain his IBF, WBO and IBO heavyweight "
    "title belts on Saturday night, and {rival} said the champion was in fine form; {k}."
)
FILLER = "The city council of {k} approved a new budget for schools and roads on Monday."


def _fights(rival: str, city: str) -> list[dict[str, str]]:
    return [
        {
            "title": f"Klitschko stops {rival}",
            "content": FIGHT.format(rival=rival, city=city, k=f"report {k} by desk {k * 7}"),
            "source": f"{rival.lower()}{k}",
            "date": "2015-08-07",
        }
        for k in range(6)
    ]


def _events_of(marsad: Marsad, params: EventParams) -> dict[str, str]:
    update_events(marsad.store, params, consolidate=False)
    by_source: dict[str, str] = {}
    for event in marsad.events():
        for article in event.articles:
            by_source[str(marsad.article(article).source)] = event.id
    return by_source


def test_engine_events_online_cuts_an_event_that_now_holds_two_happenings(
    tmp_path: Path,
) -> None:
    params = EventParams(threshold=0.1)
    found = {}
    for name, chosen in (("cut", params), ("whole", replace(params, split_ratio=0.0))):
        with Marsad(settings=load_settings(db=str(tmp_path / f"{name}.db"), workers=1)) as m:
            fillers = [
                {"title": f"Budget {k}", "content": FILLER.format(k=k), "source": "council"}
                for k in range(10)
            ]
            _add(m, tmp_path, f"{name}-first", _fights("Rahman", "Mannheim") + fillers)
            update_events(m.store, chosen, consolidate=True)
            first = {e.id for e in m.events()}
            _add(m, tmp_path, f"{name}-late", _fights("Thompson", "Bern"))
            found[name] = _events_of(m, chosen)
            assert found[name]["rahman0"] in first  # the stored event keeps its name
    whole, cut = found["whole"], found["cut"]
    assert len({whole[f"{r}{k}"] for r in ("rahman", "thompson") for k in range(6)}) == 1
    assert len({cut[f"rahman{k}"] for k in range(6)}) == 1
    assert len({cut[f"thompson{k}"] for k in range(6)}) == 1
    assert cut["rahman0"] != cut["thompson0"]


def _text_days(marsad: Marsad) -> dict[str, int | None]:
    rows = marsad.store.events.db.execute("SELECT article_id, text_day FROM event_terms")
    return dict(rows.fetchall())


def test_engine_events_terms_from_other_code_are_computed_again(tmp_path: Path) -> None:
    """Terms stored by another version of the code (other date rules) are not reused: the
    next update, even one that would go online, computes every report's terms again and
    consolidates; terms of this version are reused as they are."""
    call = {"title": "اتصال هاتفي بين الكاظمي وبايدن", "content": CALL, "source": "x"}
    flood = {"title": "سيول في جدة", "content": FLOOD, "source": "y"}
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        marsad.update_events()
        right = _text_days(marsad)
        dated = sorted(a for a, day in right.items() if day is not None)
        assert dated, "the seeds' texts give days"
        db = marsad.store.events.db
        db.execute("UPDATE event_terms SET text_day = NULL")  # what other rules would say
        db.commit()
        _add(marsad, tmp_path, "call", [call])
        assert marsad.update_events().mode == "online"  # same version: stored terms reused
        assert all(_text_days(marsad)[a] is None for a in dated)
        db.execute("UPDATE event_state SET value = 'older' WHERE key = 'terms_version'")
        db.commit()
        _add(marsad, tmp_path, "flood", [flood])
        report = marsad.update_events()
        assert report.mode == "consolidated"
        assert {a: _text_days(marsad)[a] for a in right} == right
        _add(marsad, tmp_path, "again", [{**call, "source": "z"}])
        assert marsad.update_events().mode == "online"  # the version is kept once computed


def test_engine_events_terms_of_other_parameters_are_computed_again(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        marsad.ingest([str(require(SEEDS))])
        update_events(marsad.store)
        params = EventParams()
        other = replace(params, vectors=replace(params.vectors, lead_words=20))
        assert update_events(marsad.store, other, consolidate=False).mode == "consolidated"
        assert update_events(marsad.store, other, consolidate=False).mode == "unchanged"


def test_engine_events_an_empty_store_has_no_events_and_no_error(tmp_path: Path) -> None:
    with _marsad(tmp_path) as marsad:
        assert marsad.update_events().events == 0
        assert marsad.rebuild().storylines == 0
        assert marsad.events() == [] and marsad.storylines() == []


def test_engine_events_a_part_cut_off_online_never_takes_a_kept_name() -> None:
    from types import SimpleNamespace

    from marsad.engine.events_online import _free_name

    taken = {"ea": {"z": "ea"}, "ea-1": {"y": "ea-1"}}

    def members(events: list[str]) -> dict[str, str]:
        return {a: e for name in events for a, e in taken.get(name, {}).items()}

    store = SimpleNamespace(event_index=SimpleNamespace(members=members))
    assert _free_name(store, ["b", "c"]) == "eb"  # type: ignore[arg-type]
    assert _free_name(store, ["a", "c"]) == "ec"  # type: ignore[arg-type]
    assert _free_name(store, ["a"]) == "ea-2"  # type: ignore[arg-type]
