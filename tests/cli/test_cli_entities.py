"""``entities`` and ``entity`` on the seed reports."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from marsad.app import Marsad
from marsad.cli.main import EXIT_ERROR, EXIT_USAGE, cli, main
from tests.conftest import SEEDS, require

LRI = "\u2068"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    require(SEEDS)
    db = str(tmp_path_factory.mktemp("cli-entities") / "seeds.db")
    with Marsad(db) as marsad:
        marsad.ingest(sorted(str(p) for p in SEEDS.glob("0*.txt")))
        marsad.update_events()
    return db


def test_entities_lists_by_events_and_filters_by_type(seeded: str) -> None:
    code, out = run("--db", seeded, "entities", "--json", "--limit", "200")
    assert code == 0
    listed = json.loads(out)
    assert [e["events"] for e in listed] == sorted((e["events"] for e in listed), reverse=True)
    assert {"العراق", "مصطفى الكاظمي", "التحالف الدولي"} <= {e["name"] for e in listed}
    code, out = run("--db", seeded, "entities", "--type", "per", "--json")
    assert code == 0 and {e["kind"] for e in json.loads(out)} == {"PER"}


def test_entities_table_sets_names_apart(seeded: str) -> None:
    code, out = run("--db", seeded, "entities", "--limit", "3")
    assert code == 0
    assert f"{LRI}العراق" in out and "3 of " in out


def test_entity_by_a_short_name_shows_the_full_one(seeded: str) -> None:
    code, out = run("--db", seeded, "entity", "الخفاجي", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["name"] == "تحسين الخفاجي" and found["kind"] == "PER"
    assert {"الخفاجي", "تحسين الخفاجي"} <= {n["name"] for n in found["names"]}
    assert [r["role"] for r in found["roles"]] == ["اللواء"]
    assert found["event_list"] and found["storylines"]
    code, out = run("--db", seeded, "entity", found["id"][:6])
    assert code == 0 and "تحسين الخفاجي" in out and "roles:" in out


def test_unknown_entity_and_bad_type(seeded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["marsad", "--db", seeded, "entity", "زيد بن حارثة"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == EXIT_ERROR
    monkeypatch.setattr(sys, "argv", ["marsad", "--db", seeded, "entities", "--type", "X"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == EXIT_USAGE


def test_quotes_of_one_speaker_and_under_their_event(seeded: str) -> None:
    code, out = run("--db", seeded, "quotes", "--entity", "جون كيربي", "--json")
    assert code == 0
    found = json.loads(out)
    assert len(found) >= 2 and all("كيربي" in (q["speaker"] or "") for q in found)
    assert any("سفارتنا" in q["text"] for q in found)
    code, out = run("--db", seeded, "events", "--jsonl")
    event_id = next(
        e["id"]
        for e in map(json.loads, out.splitlines())
        if found[0]["article_id"] in [r["id"] for r in e["reports"]]
    )
    code, out = run("--db", seeded, "event", event_id, "--json")
    assert code == 0
    assert {q["text"] for q in found} <= {q["text"] for q in json.loads(out)["quotes"]}
    code, out = run("--db", seeded, "event", event_id)
    assert code == 0 and "quotes:" in out
