"""Input forms through the command line: stdin, globs, --map, --source, filters and bad options."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli.main import cli

BODY = (
    "أعلنت وزارة الخارجية العراقية بدء أولى جولات المفاوضات مع الولايات المتحدة بشأن العلاقة "
    "الاستراتيجية بين البلدين، وقالت في بيان إن الجانبين بحثا رؤيتهما لإنشاء علاقة متوازنة."
)


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_reads_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, _ = invoke(
        "--db", db, "ingest", "-", "--source", "وكالة", stdin=f"عنوان\n\n{BODY}".encode()
    )
    assert code == 0
    _, out, _ = invoke("--db", db, "articles", "--json", "--source", "وكالة")
    (article,) = json.loads(out)
    assert article["title"] == "عنوان" and article["source"] == "وكالة"


def test_cli_ingest_jsonl_with_field_map_and_filters(tmp_path: Path) -> None:
    records = [
        {"headline": "خبر أول", "text": BODY, "when": "2024-01-26", "site": "الاتحاد"},
        {"headline": "خبر ثان", "text": BODY + " ثم", "when": "2020-05-11", "site": "سبوتنيك"},
        {"headline": "English", "text": "The ministry announced talks with Washington today. " * 3},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    db = str(tmp_path / "j.db")
    code, _, _ = invoke(
        "--db", db, "ingest", str(path), "--map", "title=headline,body=text,published=when"
    )
    assert code == 0
    _, out, _ = invoke("--db", db, "articles", "--json", "--since", "2021-01-01")
    assert [a["title"] for a in json.loads(out)] == ["خبر أول"]
    _, out, _ = invoke("--db", db, "articles", "--json", "--lang", "en")
    assert [a["title"] for a in json.loads(out)] == ["English"]
    _, out, _ = invoke("--db", db, "articles", "--json")
    dated = {a["title"]: (a["published"], a["date_provenance"]) for a in json.loads(out)}
    assert dated["خبر أول"] == ("2024-01-26", "metadata")


def test_cli_ingest_glob_and_missing_path(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(f"عنوان {n}\n\n{BODY} {n}", encoding="utf-8")
    db = str(tmp_path / "g.db")
    code, out, _ = invoke(
        "--db", db, "ingest", str(tmp_path / "r*.txt"), str(tmp_path / "nothing*.txt"), "--json"
    )
    report = json.loads(out)
    assert code == 3  # partial: one path matched nothing
    assert report["articles"] == 3
    assert [r["reason"] for r in report["rejected"]] == ["not-found"]


def test_cli_bad_map_and_bad_date_are_usage_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(tmp_path), "--map", "titel=x"])
    assert result.exit_code != 0 and "unknown --map target" in str(result.exception)
    code, _, err = invoke("--db", db, "articles", "--since", "last week")
    assert code == 2 and "YYYY-MM-DD" in err
