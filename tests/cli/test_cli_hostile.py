"""Issue 10, items 1 and 2 on the terminal: whatever an article, an outlet, a file name, a
passage or a rejection holds is printed as it is (markup shown literally, nothing crashes) and
no control code reaches the terminal, from every command."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # all but newline
WORDS = (
    "أعلنت وزارة الخارجية العراقية بدء أولى جولات المفاوضات مع الولايات المتحدة بشأن العلاقة "
    "الاستراتيجية بين البلدين وقالت في بيان إن الجانبين بحثا رؤيتهما لإنشاء علاقة متوازنة تقوم "
    "على قاعدة المصالح المشتركة والاحترام المتبادل بين بغداد وواشنطن في المرحلة المقبلة"
)
BODY = f"{WORDS} [/x] {WORDS} [/bold] [link=http://evil.example]click[/link] {WORDS}"
TITLES = ("x [/] y", "[video] Obama [i]live[/i]")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path, at_width: Callable[[int], None]) -> tuple[str, dict[str, str]]:
    """A database whose titles, outlets, bodies, file names and rejection details hold markup
    and control codes (written into the store after ingest, as an older Marsad kept them)."""
    at_width(120)  # wide enough that each hostile title is on one line of its cell
    records = [
        {"title": TITLES[0], "content": BODY, "source": "[bold]Sputnik[/bold]"},
        {"title": TITLES[1], "content": BODY + " وأضاف البيان كلاما آخر", "source": "الوطن"},
    ]
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "items.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (inputs / "[").mkdir()
    (inputs / "[" / "x].txt").write_bytes(b"")  # rejected (empty), its path ends in [/x].txt
    (inputs / "evil\x1b[2J.txt").write_bytes(b"")
    db = str(tmp_path / "hostile.db")
    code, _, err = run("--db", db, "ingest", str(inputs))
    assert code == 3
    assert "[/x].txt" in err and not CONTROL.search(err)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE articles SET title = title || ' \x1b[2J\x07'")
        con.execute("UPDATE articles SET outlet = '\x1b]8;;http://evil\x07' || source")
        con.execute("UPDATE rejections SET detail = detail || ' \x1b[31m[/red]\x9b'")
    _, out, _ = run("--db", db, "articles", "--json")
    ids = {a["title"].split(" \x1b")[0]: a["id"] for a in json.loads(out)}
    assert set(ids) == set(TITLES)
    return db, ids


def shown(code: int, out: str, err: str) -> str:
    assert code == 0, err
    assert not CONTROL.search(out + err), repr(CONTROL.search(out + err))
    assert "MarkupError" not in out + err
    return out + err


def test_cli_listings_show_markup_literally_and_no_control_code(
    hostile: tuple[str, dict[str, str]], at_width: Callable[[int], None]
) -> None:
    db, _ = hostile
    out = shown(*run("--db", db, "articles"))
    assert all(title in out for title in TITLES) and "[bold]Sputnik[/bold]" in out
    assert "[2J" in out  # the escape gone, what followed it shown
    out = shown(*run("--db", db, "search", "Obama"))
    assert TITLES[1] in out
    at_width(300)  # the inputs are long temporary paths: one line each
    out = shown(*run("--db", db, "rejected"))
    assert "[/x].txt" in out and "evil[2J.txt" in out and "[/red]" in out


def test_cli_show_prints_bodies_and_links_as_text(hostile: tuple[str, dict[str, str]]) -> None:
    db, ids = hostile
    out = shown(*run("--db", db, "show", ids[TITLES[0]], "--raw"))
    assert "[/bold] [link=http://evil.example]click[/link]" in out
    assert "[/x]" in out and TITLES[0] in out


def test_cli_reuse_shows_passages_as_text(hostile: tuple[str, dict[str, str]]) -> None:
    db, ids = hostile
    out = shown(*run("--db", db, "reuse"))
    assert TITLES[0] in out and TITLES[1] in out and "[bold]Sputnik[/bold]" in out
    out = shown(*run("--db", db, "reuse", ids[TITLES[1]]))
    assert "[/x]" in out and "[/bold]" in out


def test_cli_storylines_and_events_show_titles_and_outlets_as_text(
    hostile: tuple[str, dict[str, str]],
) -> None:
    db, _ = hostile
    out = shown(*run("--db", db, "stories"))
    assert "[bold]Sputnik[/bold]" in out
    _, listing, _ = run("--db", db, "stories", "--json")
    story = json.loads(listing)[0]
    out = shown(*run("--db", db, "story", story["id"]))
    assert all(title in out for title in TITLES)
    out = shown(*run("--db", db, "event", story["event_ids"][0]))
    assert any(title in out for title in TITLES)
    out = shown(*run("--db", db, "events"))
    assert "[bold]Sputnik[/bold]" in out or "الوطن" in out
    shown(*run("--db", db, "rebuild"))


def test_cli_json_keeps_the_stored_text(hostile: tuple[str, dict[str, str]]) -> None:
    db, ids = hostile
    _, out, _ = run("--db", db, "show", ids[TITLES[0]], "--json")
    article = json.loads(out)
    assert article["title"] == TITLES[0] + " \x1b[2J\x07"  # JSON escaping is enough
    assert article["outlet"].startswith("\x1b]8;;http://evil\x07")
