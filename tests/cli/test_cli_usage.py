"""The CLI a person reads: --limit on every listing, dedup's options, a mistyped --db, short
ids, searching outlets and the query cap — each an exit code and a message that says what to do."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.app import MAX_WORDS, Marsad
from marsad.cli.main import cli, main
from tests.conftest import SEEDS, require


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str):  # type: ignore[no-untyped-def]
    """The installed entry point: its exit code and stderr."""
    monkeypatch.setattr(sys, "argv", ["marsad", *args])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code, capsys.readouterr().err


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("usage") / "seeds.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(require(SEEDS))]).exit_code == 0
    return db


LISTINGS = [
    ["articles"],
    ["search", "العراق"],
    ["rejected"],
    ["reuse"],
    ["stories"],
    ["events"],
]


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda x: x[0])
@pytest.mark.parametrize("limit", ["0", "-1"])
def test_cli_limit_below_one_is_bad_usage(seeded: str, listing: list[str], limit: str) -> None:
    code, _, err = run("--db", seeded, *listing, "--limit", limit)
    assert code == 2 and "--limit" in err and "x>=1" in err


def test_cli_limit_shows_that_many_and_says_so(seeded: str) -> None:
    _, out, _ = run("--db", seeded, "articles", "--json", "--limit", "2")
    assert len(json.loads(out)) == 2
    _, out, _ = run("--db", seeded, "articles", "--limit", "2")
    assert "2 article(s) shown; more with a higher --limit" in out
    _, out, _ = run("--db", seeded, "search", "العراق", "--json", "--limit", "1")
    assert len(json.loads(out)) == 1
    _, out, _ = run("--db", seeded, "events", "--jsonl", "--limit", "2")
    assert len(out.splitlines()) == 2
    _, out, _ = run("--db", seeded, "stories", "--limit", "1")
    assert "1 of 2 storyline(s) shown (--limit)" in out
    story = json.loads(run("--db", seeded, "stories", "--json")[1])[0]["id"]
    _, out, _ = run("--db", seeded, "story", story, "--json", "--limit", "1")
    assert len(json.loads(out)["events"]) == 1
    _, out, _ = run("--db", seeded, "reuse", "--json", "--limit", "1")
    assert len(json.loads(out)) == 1


# -- dedup ------------------------------------------------------------------------------------


def test_cli_dedup_help_names_the_roles_the_file_holds() -> None:
    _, out, _ = run("dedup", "--help")
    assert "keep or duplicate" in out and "origin or duplicate" not in out
    assert "earliest" in out and "longest" in out and "jsonl" in out


def test_cli_dedup_format_is_given_or_inferred_never_guessed(seeded: str, tmp_path: Path) -> None:
    code, _, err = run("--db", seeded, "dedup", "--export", str(tmp_path / "d.txt"))
    assert code == 2 and "cannot tell the format of 'd.txt'" in err
    assert not (tmp_path / "d.txt").exists()
    code, _, _ = run(
        "--db", seeded, "dedup", "--export", str(tmp_path / "d.txt"), "--format", "json"
    )
    (group,) = json.loads((tmp_path / "d.txt").read_text("utf-8"))
    assert code == 0 and group["keep"] == group["origin"] and group["keep_rule"] == "origin"
    code, _, _ = run("--db", seeded, "dedup", "--export", str(tmp_path / "d.CSV"))
    with (tmp_path / "d.CSV").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["group"] == "1"]
    assert code == 0 and sorted(row["role"] for row in rows) == ["duplicate", "keep"]
    kept = next(row["article_id"] for row in rows if row["role"] == "keep")
    assert kept == group["keep"] and {row["keep_rule"] for row in rows} == {"origin"}


def test_cli_dedup_gives_every_article_a_row_so_keep_is_the_store_without_copies(
    seeded: str, tmp_path: Path
) -> None:
    code, out, _ = run("--db", seeded, "articles", "--json")
    stored = {article["id"] for article in json.loads(out)}
    code, _, err = run("--db", seeded, "dedup", "--export", str(tmp_path / "d.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text("utf-8").splitlines()]
    assert code == 0 and {row["article_id"] for row in rows} == stored and len(rows) == len(stored)
    alone = [row for row in rows if row["keep_rule"] == "alone"]
    assert len(alone) == len(stored) - 2 and {row["role"] for row in alone} == {"keep"}
    assert len({row["group"] for row in rows}) == len(rows) - 1  # one group of two copies
    assert f"{len(alone)} alone" in err
    code, _, _ = run(
        "--db", seeded, "dedup", "--export", str(tmp_path / "p.jsonl"), "--kind", "partial"
    )
    lines = (tmp_path / "p.jsonl").read_text("utf-8").splitlines()
    assert code == 0 and len(lines) == 2  # --kind: only that kind's groups


def test_cli_dedup_refuses_to_export_onto_its_own_database(seeded: str, tmp_path: Path) -> None:
    before = Path(seeded).read_bytes()
    code, _, err = run("--db", seeded, "dedup", "--export", seeded, "--format", "csv")
    assert code == 2 and "is the database itself" in err
    assert Path(seeded).read_bytes() == before


def test_cli_dedup_exports_json_lines_one_row_per_article(seeded: str, tmp_path: Path) -> None:
    code, _, _ = run("--db", seeded, "dedup", "--export", str(tmp_path / "d.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text("utf-8").splitlines()]
    grouped = [row for row in rows if row["keep_rule"] != "alone"]
    assert code == 0 and sorted(row["role"] for row in grouped) == ["duplicate", "keep"]
    assert {tuple(row) for row in rows} == {("group", "article_id", "role", "keep_rule", "kinds")}


def test_cli_reuse_pairs_streams_one_json_line_per_link(seeded: str) -> None:
    code, out, _ = run("--db", seeded, "reuse", "--pairs", "--jsonl")
    (pair,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and (pair["outlet_a"], pair["outlet_b"]) == ("Sputnik", "الوطن")
    assert pair["kind"] == "partial" and pair["origin"] == pair["a"] and pair["copy"] == pair["b"]
    assert 0 < pair["jaccard"] < pair["contain_a"] and pair["contain_b"] > 0
    assert pair["reasons"] and pair["reuse_without_credit"] is True
    assert pair["dropped_credits"] == ["Sputnik"]
    assert pair["passages"] and set(pair["passages"][0]) == {
        "a_start",
        "a_end",
        "b_start",
        "b_end",
        "words",
    }
    code, out, _ = run("--db", seeded, "reuse", "--pairs", "--json")
    assert code == 0 and json.loads(out) == [pair]
    code, out, _ = run("--db", seeded, "reuse", "--pairs")  # a table a person reads
    assert code == 0 and "Sputnik" in out and "uncredited" in out and "1 pair(s)" in out
    code, out, _ = run("--db", seeded, "reuse", "--pairs", "--kind", "template", "--jsonl")
    assert code == 0 and out == ""
    code, _, err = run("--db", seeded, "reuse", "--pairs", "--json", "--jsonl")
    assert code == 2 and "not both" in err


def test_cli_reuse_pairs_are_read_from_the_store_row_by_row(
    seeded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def everything(*args: object, **kwargs: object) -> None:
        raise AssertionError("--pairs loaded every link")

    monkeypatch.setattr(Marsad, "reuse_links", everything)
    code, out, _ = run("--db", seeded, "reuse", "--pairs", "--jsonl", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1


def test_cli_dedup_into_a_missing_folder_fails_before_any_work(
    seeded: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reuse update ran before the export path was checked")

    monkeypatch.setattr(Marsad, "update_reuse", never)
    target = tmp_path / "nowhere" / "d.csv"
    code, err = run_main(monkeypatch, capsys, "--db", seeded, "dedup", "--export", str(target))
    assert code == 1
    assert err.startswith("error: ") and f"the folder {tmp_path / 'nowhere'} does not exist" in err


# -- --db and ids -----------------------------------------------------------------------------

READS = [
    ["articles"],
    ["show", "abcd"],
    ["search", "العراق"],
    ["rejected"],
    ["reuse"],
    ["reuse", "abcd"],
    ["dedup", "--export", "d.csv"],
    ["stories"],
    ["story", "s1"],
    ["event", "e1"],
    ["events"],
    ["rebuild"],
]


@pytest.mark.parametrize("command", READS, ids=lambda x: " ".join(x))
def test_cli_mistyped_db_for_a_read_is_an_error_not_a_new_database(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "nwes.db"
    code, err = run_main(monkeypatch, capsys, "--db", str(typo), *command)
    assert code == 1
    assert f"database {typo} does not exist" in err and "ingest" in err
    assert not typo.exists() and not Path("marsad.db").exists()


def test_cli_default_db_for_a_read_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run_main(monkeypatch, capsys, "articles")
    assert code == 1 and "database marsad.db does not exist" in err
    assert not (tmp_path / "marsad.db").exists()


def test_cli_ingest_still_creates_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    (tmp_path / "a.txt").write_text("عنوان\n\n" + "نص الخبر " * 30, "utf-8")
    assert run("--db", str(db), "ingest", str(tmp_path / "a.txt"))[0] == 0
    assert db.exists() and run("--db", str(db), "articles")[0] == 0


def test_cli_missing_folder_for_db_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["articles"], ["ingest", str(tmp_path)]):
        code, err = run_main(monkeypatch, capsys, "--db", str(tmp_path / "typo" / "x.db"), *command)
        assert code == 1 and f"the folder {tmp_path / 'typo'} does not exist" in err


def test_cli_short_id_says_how_long_an_id_must_be(
    seeded: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run_main(monkeypatch, capsys, "--db", seeded, "show", "e")
    assert code == 2 and "at least 4 of its first characters" in err
    first = json.loads(run("--db", seeded, "articles", "--json")[1])[0]["id"]
    assert run("--db", seeded, "show", first[:4])[0] == 0


# -- search -----------------------------------------------------------------------------------


def test_cli_search_finds_an_outlet_by_name(seeded: str) -> None:
    code, out, _ = run("--db", seeded, "search", "Sputnik", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and hits[0]["outlet"] == "Sputnik" and hits[0]["matched"] == "outlet"
    _, out, _ = run("--db", seeded, "search", "sputnik")
    assert "outlet match" in out
    _, help_text, _ = run("search", "--help")
    assert "outlet" in help_text and str(MAX_WORDS) in help_text


def test_cli_search_says_when_words_were_left_out(seeded: str) -> None:
    words = " ".join(f"كلمة{n}" for n in range(MAX_WORDS + 8))
    code, _, err = run("--db", seeded, "search", words)
    assert code == 0 and f"only the first {MAX_WORDS} distinct words are searched" in err
    assert "8 more were left out" in err
    _, _, err = run("--db", seeded, "search", "العراق " * 100)
    assert "left out" not in err  # repeats are searched once, silently


def test_cli_reuse_groups_show_a_hundred_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table of thousands of groups is noise: a person sees PAIRS_SHOWN groups and how
    many there are; --limit shows more, JSON Lines streams them all."""
    monkeypatch.setattr("marsad.cli.reuse.PAIRS_SHOWN", 3)
    records = []
    for k in range(5):  # five texts, each printed by two outlets
        words = " ".join(f"كلمة{k}_{w}" for w in range(60))
        records += [{"title": f"خبر {k}", "text": words, "source": s} for s in ("س", "ص")]
    path = tmp_path / "copies.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    db = str(tmp_path / "g.db")
    assert run("--db", db, "ingest", str(path))[0] == 0
    code, out, _ = run("--db", db, "reuse")
    assert code == 0 and "3 of 5 group(s) shown (--limit)" in out
    code, out, _ = run("--db", db, "reuse", "--limit", "4")
    assert code == 0 and "4 of 5 group(s) shown" in out
    code, out, _ = run("--db", db, "reuse", "--jsonl")
    assert code == 0 and len(out.splitlines()) == 5


def test_cli_search_without_a_word_is_bad_usage(seeded: str) -> None:
    for query in ("", "  ... "):
        code, _, err = run("--db", seeded, "search", query)
        assert code == 2 and "holds no word to search" in err
