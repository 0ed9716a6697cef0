"""``stories``, ``story``, ``event``, ``rebuild``: rendering on hand-made storylines, then seeds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.app import Marsad
from marsad.cli.main import EXIT_ERROR, cli, main
from marsad.engine.organizing import EventReport
from marsad.errors import NotFoundError
from marsad.models import Article, Event, PubDate, Storyline
from tests.conftest import SEEDS, require

LRI, PDI = "\u2068", "\u2069"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """The installed ``marsad`` entry point, with its error handling and exit codes."""
    monkeypatch.setattr(sys, "argv", ["marsad", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0)


# --- rendering, on hand-made objects ------------------------------------------------------------


def article(article_id: str, title: str | None, outlet: str | None, day: str | None) -> Article:
    return Article(
        id=article_id,
        document_id="d" + article_id,
        seq=0,
        title=title,
        body="نص",
        paragraphs=((0, 3),),
        norm_title="",
        norm_body="",
        lang="ar",
        lang_score=1.0,
        source=None,
        outlet=outlet,
        outlet_provenance=None,
        url=f"https://example.com/{article_id}" if outlet else None,
        author=None,
        published=PubDate(day, "text") if day else PubDate.unknown(),
        crawled=None,
    )


ARTICLES = {
    "a1": article("a1", "العراق والولايات المتحدة", "الوطن", "2020-05-12"),
    "a2": article("a2", "بدء الحوار الاستراتيجي", "سبوتنيك", "2020-05-11"),
    "a3": article("a3", None, None, None),
}
DATED = Event(
    id="e1",
    title="بدء الحوار الاستراتيجي",
    articles=("a2", "a1"),
    outlets=("سبوتنيك", "الوطن"),
    date="2020-05-11",
    date_evidence="اليوم الاثنين",
    first_seen="2020-05-11",
    last_seen="2020-05-12",
    storyline="s1",
)
UNDATED = Event(
    id="e2",
    title="انسحاب التحالف",
    articles=("a3",),
    outlets=(),
    date=None,
    date_evidence=None,
    first_seen=None,
    last_seen=None,
    storyline="s1",
)
STORYLINE = Storyline(
    id="s1",
    title="الحوار الاستراتيجي العراقي الأمريكي بشأن مستقبل قوات التحالف الدولي",
    events=("e1", "e2"),
    articles=3,
    outlets=("سبوتنيك", "الوطن"),
    start="2020-05-11",
    end=None,
)
BARE = Storyline(id="s2", title="خبر", events=(), articles=0, outlets=(), start=None, end=None)


def _by_ref(items: dict[str, Any], kind: str) -> Any:
    def find(self: Marsad, ref: str) -> Any:
        if ref not in items:
            raise NotFoundError(f"no {kind} {ref!r}")
        return items[ref]

    return find


@pytest.fixture
def handmade(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A database whose storyline methods answer with the hand-made objects above."""
    events = {"e1": DATED, "e2": UNDATED}
    patches: dict[str, Any] = {
        "update_events": lambda self, **kwargs: EventReport(),
        "storylines": lambda self, limit=None: [STORYLINE, BARE][:limit],
        "storyline_count": lambda self: 2,
        "events_of": lambda self, lines: {
            line: [e for e in events.values() if e.storyline == line] for line in lines
        },
        "storyline": _by_ref({"s1": STORYLINE, "s2": BARE}, "storyline"),
        "events": lambda self, storyline=None: [
            e for e in events.values() if storyline in (None, e.storyline)
        ],
        "event": _by_ref(events, "event"),
        "article": _by_ref(ARTICLES, "article"),
    }
    db = tmp_path / "handmade.db"
    Marsad(db).close()  # reading commands refuse a database that does not exist
    for name, value in patches.items():
        monkeypatch.setattr(Marsad, name, value)
    return str(db)


def isolated(text: str) -> str:
    return f"{LRI}{text}{PDI}"


def balanced(line: str) -> bool:
    """Every isolate opened on ``line`` is closed on it, in order: no border is pulled in."""
    depth = 0
    for char in line:
        depth += {LRI: 1, PDI: -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_cli_stories_table_isolates_each_wrapped_line(handmade: str) -> None:
    code, out = run("--db", handmade, "stories")
    assert code == 0
    lines = out.splitlines()
    assert all(balanced(line) for line in lines)
    title_lines = [line for line in lines if "│ s1 │" in line or line.startswith("│    │")]
    assert len(title_lines) > 1  # the 80-column test console wraps the title
    cells = [line.split("│")[5].strip() for line in title_lines]
    assert all(c.startswith("\u2068") and c.endswith("\u2069") for c in cells if c)
    shown = " ".join(c.strip("\u2068\u2069") for c in cells if c)
    assert shown.split() == STORYLINE.title.split()  # every word, in order, one isolate a line
    assert isolated("خبر") in out
    rows = [line.split("│")[4].strip() for line in lines if line.startswith("│ ")]
    spans = " ".join(rows).split("unknown")[0].split()
    assert " ".join(spans) == "2020-05-11, +1 undated"  # e2 of s1 is undated; s2 has no event
    assert "2 storyline(s)" in out


def test_cli_stories_lists_the_largest_fifty_unless_told(
    handmade: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int | None] = []

    def storylines(self: Marsad, limit: int | None = None) -> list[Storyline]:
        asked.append(limit)
        return [STORYLINE, BARE][:limit]

    monkeypatch.setattr(Marsad, "storylines", storylines)
    monkeypatch.setattr(Marsad, "storyline_count", lambda self: 5_000)
    code, out = run("--db", handmade, "stories")
    assert code == 0 and asked == [50]  # a store of thousands does not flood the terminal
    assert "2 of 5,000 storyline(s) shown (--limit)" in out
    assert run("--db", handmade, "stories", "--limit", "1")[0] == 0 and asked[-1] == 1


def test_cli_stories_json_shape(handmade: str) -> None:
    code, out = run("--db", handmade, "stories", "--json")
    assert code == 0
    first, bare = json.loads(out)
    assert first == {
        "id": "s1",
        "title": STORYLINE.title,
        "start": "2020-05-11",
        "end": None,
        "outlets": ["سبوتنيك", "الوطن"],
        "event_count": 2,
        "report_count": 3,
        "event_ids": ["e1", "e2"],
        "undated_events": 1,
    }
    assert (bare["event_count"], bare["outlets"], bare["start"]) == (0, [], None)


def test_cli_story_timeline_shows_dates_sources_and_reports(handmade: str) -> None:
    code, out = run("--db", handmade, "story", "s1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{isolated(STORYLINE.title)}  s1"
    assert all(balanced(line) for line in lines)
    dated = next(n for n, line in enumerate(lines) if "2020-05-11" in line and "e1" in line)
    undated = next(n for n, line in enumerate(lines) if "date unknown" in line)
    assert dated < lines.index("undated events (their order is unknown):") < undated
    assert "2020-05-11, +1 undated" in lines[2]  # the span counts only the dated event
    assert isolated("انسحاب التحالف") in lines[undated]
    assert f"a2  {isolated('سبوتنيك')}  {isolated('بدء الحوار الاستراتيجي')}" in out
    assert "sources: —" in out  # the undated event has no known outlet
    assert "a3  —  —" in out  # a report without outlet or title


def test_cli_story_json_nests_events_and_reports(handmade: str) -> None:
    code, out = run("--db", handmade, "story", "s1", "--json")
    assert code == 0
    story = json.loads(out)
    assert [e["id"] for e in story["events"]] == story["event_ids"] == ["e1", "e2"]
    dated, undated = story["events"]
    assert [r["id"] for r in dated["reports"]] == ["a2", "a1"]
    assert dated["reports"][0] == {
        "id": "a2",
        "outlet": "سبوتنيك",
        "published": "2020-05-11",
        "title": "بدء الحوار الاستراتيجي",
        "url": "https://example.com/a2",
    }
    assert (undated["date"], undated["outlets"], undated["reports"][0]["title"]) == (None, [], None)


def test_cli_event_shows_date_evidence_and_reports(handmade: str) -> None:
    code, out = run("--db", handmade, "event", "e1")
    assert code == 0
    assert f"date: 2020-05-11 (from {isolated('اليوم الاثنين')})" in out
    assert "storyline: s1" in out and "last seen: 2020-05-12" in out
    assert "https://example.com/a1" in out
    code, out = run("--db", handmade, "event", "e2", "--json")
    assert code == 0
    undated = json.loads(out)
    assert (undated["date"], undated["date_evidence"], undated["first_seen"]) == (None, None, None)
    assert [r["id"] for r in undated["reports"]] == ["a3"]


def test_cli_story_unknown_id_exits_with_error(
    handmade: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(monkeypatch, "--db", handmade, "story", "nope") == EXIT_ERROR
    assert "no storyline 'nope'" in capsys.readouterr().err


# --- the seeds, end to end ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = require(SEEDS)
    db = str(tmp_path_factory.mktemp("stories") / "seeds.db")
    code, _ = run("--db", db, "ingest", str(seeds))
    assert code == 0
    return db


def listing(db: str) -> list[dict[str, Any]]:
    code, out = run("--db", db, "stories", "--json")
    assert code == 0
    found: list[dict[str, Any]] = json.loads(out)
    return found


def test_cli_stories_seeds_cover_every_article_once(seeded: str) -> None:
    stories = listing(seeded)
    assert stories
    for s in stories:
        assert s["event_count"] == len(s["event_ids"]) >= 1
    sizes = [s["report_count"] for s in stories]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) <= 6
    code, out = run("--db", seeded, "stories")
    assert code == 0
    assert stories[0]["id"][:12] in out  # the table shows a 12-character prefix
    assert f"{len(stories)} storyline(s)" in out


def test_cli_story_seeds_timeline_matches_listing(seeded: str) -> None:
    first = listing(seeded)[0]
    code, out = run("--db", seeded, "story", first["id"], "--json")
    assert code == 0
    story = json.loads(out)
    assert [e["id"] for e in story["events"]] == first["event_ids"]
    assert sum(len(e["reports"]) for e in story["events"]) == first["report_count"]
    assert all(e["storyline"] == first["id"] for e in story["events"])
    dates = [e["date"] for e in story["events"] if e["date"]]
    assert dates == sorted(dates)
    code, out = run("--db", seeded, "story", first["id"][:8])  # a unique prefix will do
    assert code == 0
    assert all(e["id"] in out for e in story["events"])


def test_cli_event_seeds_lists_its_reports(seeded: str) -> None:
    first = listing(seeded)[0]
    event_id = first["event_ids"][0]
    code, out = run("--db", seeded, "event", event_id, "--json")
    assert code == 0
    event = json.loads(out)
    assert event["id"] == event_id and event["storyline"] == first["id"]
    assert [r["id"] for r in event["reports"]] == event["article_ids"]
    assert {r["outlet"] for r in event["reports"] if r["outlet"]} <= set(event["outlets"])
    code, out = run("--db", seeded, "event", event_id)
    assert code == 0
    assert all(r["id"] in out for r in event["reports"])


def test_cli_events_export_lists_every_article_once_with_urls_and_outlets(seeded: str) -> None:
    code, out = run("--db", seeded, "events", "--jsonl")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    stored = {e: s["id"] for s in listing(seeded) for e in s["event_ids"]}
    assert {e["id"] for e in events} == set(stored)
    reports = [r for e in events for r in e["reports"]]
    assert len(reports) == len({r["id"] for r in reports}) == 6  # five seeds, one appended
    for event in events:
        assert [r["id"] for r in event["reports"]] == event["article_ids"]
        assert event["storyline"] == stored[event["id"]]
        assert {r["outlet"] for r in event["reports"] if r["outlet"]} <= set(event["outlets"])
        assert all(r["origin"].endswith(".txt") for r in event["reports"])  # the seeds' files
    keys = [(e["date"] or e["first_seen"] or "9999", e["id"]) for e in events]
    assert keys == sorted(keys)
    code, whole = run("--db", seeded, "events", "--json")
    assert code == 0 and json.loads(whole) == events
    code, text = run("--db", seeded, "events")
    assert code == 0 and f"{len(events)} event(s)" in text
    assert all(r["id"] in text for r in reports)


def test_cli_events_export_of_one_storyline_and_bad_usage(seeded: str) -> None:
    line = listing(seeded)[0]
    code, out = run("--db", seeded, "events", "--jsonl", "--storyline", line["id"][:8])
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == line["event_ids"]
    result = CliRunner().invoke(cli, ["--db", seeded, "events", "--json", "--jsonl"])
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.parametrize("command", ["story", "event"])
def test_cli_seeds_unknown_id_exits_with_error(
    seeded: str,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_main(monkeypatch, "--db", seeded, command, "ffffffff") == EXIT_ERROR
    err = capsys.readouterr().err
    assert f"no {'storyline' if command == 'story' else command}" in err and "'ffffffff'" in err
    result = CliRunner().invoke(cli, ["--db", seeded, command, "ffffffff"])
    assert result.exit_code != 0 and isinstance(result.exception, NotFoundError)


def test_cli_rebuild_seeds_gives_the_same_storylines(tmp_path: Path) -> None:
    db = str(tmp_path / "rebuild.db")
    code, _ = run("--db", db, "ingest", str(require(SEEDS)))
    assert code == 0
    before = listing(db)
    code, out = run("--db", db, "rebuild")
    assert code == 0
    events = sum(s["event_count"] for s in before)
    assert f"rebuilt from 6 article(s): {events} event(s), {len(before)} storyline(s)" in out
    assert listing(db) == before


def test_cli_stories_says_when_articles_joined_online(tmp_path: Path) -> None:
    db = str(tmp_path / "online.db")
    assert run("--db", db, "ingest", str(require(SEEDS)))[0] == 0
    code, out = run("--db", db, "stories")
    assert code == 0 and "joined events online" not in out
    extra = tmp_path / "extra.txt"
    extra.write_text("اتصال هاتفي بين الكاظمي وبايدن\n\nبحث الكاظمي مع بايدن الحوار.", "utf-8")
    assert run("--db", db, "ingest", str(extra))[0] == 0
    code, out = run("--db", db, "stories")
    assert code == 0 and "1 article(s) joined events online" in out
    run("--db", db, "rebuild")
    assert "joined events online" not in run("--db", db, "stories")[1]
