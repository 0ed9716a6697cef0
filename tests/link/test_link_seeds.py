"""Reuse acceptance 1 on the seeds: 000 rewrites 001 without crediting Sputnik; nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad import Marsad
from marsad.cli.main import cli


def seed_of(m: Marsad, article_id: str) -> str:
    return Path(m.document(m.article(article_id).document_id).origin).name[:3]


def test_link_seeds_only_000_and_001_reuse(tmp_path: Path, seeds: Path) -> None:
    with Marsad(tmp_path / "s.db") as m:
        m.ingest([seeds])
        report = m.update_reuse()
        assert report.articles == 6
        (link,) = m.reuse_links()
        names = {seed_of(m, link.a): link.a, seed_of(m, link.b): link.b}
        assert set(names) == {"000", "001"}
        assert link.kind == "partial"
        assert link.origin == names["001"] and link.copy == names["000"]
        inside = link.contain_a if link.a == names["001"] else link.contain_b
        assert inside >= 0.70  # share of 001's text found inside 000
        assert link.uncredited and "Sputnik" in link.dropped
        assert len(link.passages) >= 3
        words = sum(p[4] for p in link.passages)
        assert words >= 0.7 * len(m.article(names["001"]).body.split())


def test_link_passages_point_at_the_same_text_in_both(tmp_path: Path, seeds: Path) -> None:
    from marsad.arabic import normalize, tokens

    with Marsad(tmp_path / "s.db") as m:
        m.ingest([seeds])
        m.update_reuse()
        (link,) = m.reuse_links()
        a, b = m.article(link.a), m.article(link.b)
        for a_start, a_end, b_start, b_end, _ in link.passages:
            in_a, in_b = a.body[a_start:a_end], b.body[b_start:b_end]
            assert tokens(normalize(in_a)) == tokens(normalize(in_b))


def test_link_incremental_equals_all_at_once(tmp_path: Path, seeds: Path) -> None:
    files = sorted(seeds.glob("0*.txt"))
    with Marsad(tmp_path / "one.db") as once:
        once.ingest(files)
        once.update_reuse()
        expected = [(x.a, x.b, x.kind, x.origin) for x in once.reuse_links()]
    with Marsad(tmp_path / "steps.db") as steps:
        for path in reversed(files):  # 004 first, 000 last: each update sees one new report
            steps.ingest([path])
            steps.update_reuse()
        assert [(x.a, x.b, x.kind, x.origin) for x in steps.reuse_links()] == expected


def test_link_cli_lists_groups_and_exports(tmp_path: Path, seeds: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(seeds)]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "reuse", "--json"])
    (group,) = json.loads(result.stdout)
    assert group["kinds"] == ["partial"] and len(group["articles"]) == 2
    shown = runner.invoke(cli, ["--db", db, "reuse", group["origin"]])
    assert "reuse without credit" in shown.stdout
    out = tmp_path / "groups.csv"
    assert runner.invoke(cli, ["--db", db, "dedup", "--export", str(out)]).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "group,article_id,role,keep_rule,kinds" and len(lines) == 1 + 6
    grouped = [line.split(",") for line in lines[1:] if line.split(",")[3] != "alone"]
    assert sorted(cells[2] for cells in grouped) == ["duplicate", "keep"]
