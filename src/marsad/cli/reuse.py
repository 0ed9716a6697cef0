"""``marsad reuse`` and ``marsad dedup``: reuse groups, per-pair listings, aligned passages,
deduplication export."""

from __future__ import annotations

import csv
import errno
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from marsad.app import Marsad
from marsad.cli.common import db_option, limit_option, open_marsad
from marsad.cli.progress import reporting
from marsad.cli.render import (
    console,
    err_console,
    hanging,
    print_json,
    say,
    shown_of,
    write_rows,
)
from marsad.cli.safe import Balanced, isolated, joined, paragraphs, plain
from marsad.cli.tables import Column, fitted_table
from marsad.models import Article, ReuseGroup, ReuseLink
from marsad.shapes import group_dict, link_dict, pair_dict
from marsad.store.records import OutletLink

KINDS = click.Choice(["exact", "near", "partial", "template"])
PAIRS_SHOWN = 100
"""Pairs, or groups, a person is shown without --limit (JSON and JSON Lines stream them all)."""


def updated_reuse(marsad: Marsad) -> None:
    """Bring the reuse links up to date, showing progress on stderr."""
    with reporting(err_console, "reuse") as progress:
        marsad.update_reuse(progress=progress)


@click.command("reuse")
@click.argument("article_id", required=False)
@click.option("--pairs", is_flag=True, help="One row per stored link instead of groups.")
@click.option("--kind", type=KINDS, help="Only this kind.")
@limit_option(what=f"groups ({PAIRS_SHOWN} shown; with ARTICLE_ID: links; with --pairs: pairs)")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per line.")
@db_option
@click.pass_context
def reuse_command(
    ctx: click.Context,
    article_id: str | None,
    pairs: bool,
    kind: str | None,
    limit: int | None,
    as_json: bool,
    as_jsonl: bool,
    db: str | None,
) -> None:
    """List groups of copies of one text (the article to keep, who copied whom, with or
    without credit), or with --pairs every stored link (outlets, kind, scores, origin,
    credit, passages; --json/--jsonl stream them), or show ARTICLE_ID's reuse with aligned
    passages."""
    if as_json and as_jsonl:
        raise click.UsageError("give --json or --jsonl, not both")
    if article_id and pairs:
        raise click.UsageError("give ARTICLE_ID or --pairs, not both")
    with open_marsad(ctx, db) as marsad:
        updated_reuse(marsad)
        if pairs:
            _pairs(marsad, kind, limit, as_json, as_jsonl)
            return
        if article_id:
            article = marsad.article(article_id)
            links = marsad.reuse_links(article.id, kind)
            total, links = len(links), links[:limit]
            members = [x for link in links for x in (link.a, link.b)]
        else:
            if not (as_json or as_jsonl):  # a table of thousands of groups reads as noise
                limit = limit or PAIRS_SHOWN
            if kind or limit is None:  # every link (of the kind) grouped again
                groups = marsad.reuse_groups(kind)
                total = len(groups)
            else:  # the largest kept groups
                groups, total = marsad.reuse_groups(limit=limit), marsad.reuse_group_count()
            members = [x for group in groups[:limit] for x in group.articles]
        others = {} if as_json or as_jsonl else {x: marsad.article(x) for x in members}
    if article_id:
        if as_json or as_jsonl:
            write_rows(map(link_dict, links), lines=as_jsonl)
        else:
            _show_links(links, others)
            shown_of(len(links), total, "link(s)")
        return
    if as_json or as_jsonl:
        rows = (group_dict(n, g) for n, g in enumerate(groups[:limit], 1))
        if as_json:
            print_json(list(rows))
        else:
            write_rows(rows, lines=True)
        return
    console.print(groups_table(groups[:limit], others))
    shown_of(min(total, limit or total), total, "group(s)")


def _pairs(
    marsad: Marsad, kind: str | None, limit: int | None, as_json: bool, as_jsonl: bool
) -> None:
    """``reuse --pairs``: streamed as JSON, else a table of the first ``limit`` pairs."""
    if as_json or as_jsonl:
        write_rows(map(pair_dict, marsad.reuse_pairs(kind, limit)), lines=as_jsonl)
        return
    shown = list(marsad.reuse_pairs(kind, limit or PAIRS_SHOWN))
    console.print(pairs_table(shown))
    if shown:
        say("J: Jaccard · a⊂b: share of a found in b · reasons, passages: --jsonl")
    shown_of(len(shown), marsad.reuse_count(kind), "pair(s)")


PAIR_COLUMNS = (
    Column("kind", wrap=True, min_width=7, ratio=0),
    Column("a"),
    Column("outlet a", wrap=True, min_width=8, ratio=1),
    Column("b"),
    Column("outlet b", wrap=True, min_width=8, ratio=1),
    Column("shares"),
    Column("origin", wrap=True, min_width=10, ratio=0),
    Column("dropped", wrap=True, min_width=8, ratio=1, drop=1),
)
SHORT_ID = 8
"""Characters of an id a pair's row shows (any 4 or more find the article; JSON has all)."""


def pairs_table(rows: Iterable[OutletLink]) -> Table:
    """One row per link: kind, the two articles (short ids) and outlets, Jaccard and the share
    of each inside the other, which one is the origin and whether the copy kept its credit."""
    cells: list[list[Text]] = []
    for row in rows:
        link = row.link
        origin = "—"
        if link.origin:
            origin = "a" if link.origin == link.a else "b"
            origin += ", uncredited copy" if link.uncredited else ", credited"
        cells.append(
            [
                plain(link.kind),
                plain(link.a[:SHORT_ID]),
                isolated(row.outlet_a),
                plain(link.b[:SHORT_ID]),
                isolated(row.outlet_b),
                Balanced(  # numbers we wrote, one per line: nothing untrusted
                    f"J {link.jaccard:.2f}\na⊂b {link.contain_a:.0%}\nb⊂a {link.contain_b:.0%}"
                ),
                plain(origin, "bold red" if link.uncredited else ""),
                joined(list(link.dropped)) if link.uncredited else Balanced(""),
            ]
        )
    return fitted_table(PAIR_COLUMNS, cells, console.width)


GROUP_COLUMNS = (
    Column("group", wrap=True, min_width=7, ratio=0),
    Column("role", wrap=True, min_width=13, ratio=0),
    Column("article", narrow=12),
    Column("outlet", wrap=True, min_width=8, ratio=1),
    Column("title", wrap=True, min_width=20, ratio=4, want=30),
)


def role(group: ReuseGroup, member: str) -> str:
    """What ``member`` is in its group: the one to keep (and the rule that chose it), a copy,
    a copy without credit."""
    if member == group.keep:
        return f"keep ({group.keep_rule})"
    if member in group.uncredited:
        return "uncredited copy"
    return "copy"


def group_label(n: int, group: ReuseGroup) -> str:
    """A group's number, kinds, and the groups (or other articles) its partial links reach."""
    label = f"{n}\n{', '.join(group.kinds)}"
    if group.related_groups:
        label += "\nrelated: " + ", ".join(map(str, group.related_groups))
    elif group.related:
        label += f"\nrelated: {len(group.related)} article(s)"
    return label


def groups_table(groups: list[ReuseGroup], articles: dict[str, Article]) -> Table:
    """One row per article: its group (number and kinds), role, id, outlet and title."""
    order = {"uncredited copy": 1, "copy": 2}
    rows: list[list[Text]] = []
    ends: set[int] = set()
    for n, group in enumerate(groups, 1):
        members = sorted(group.articles, key=lambda m: (order.get(role(group, m), 0), m))
        for k, member in enumerate(members):
            a = articles[member]
            rows.append(
                [
                    Balanced(group_label(n, group) if k == 0 else ""),
                    plain(role(group, member), "bold red" if member in group.uncredited else ""),
                    plain(member),
                    isolated(a.outlet or a.source),
                    isolated(a.title),
                ]
            )
        ends.add(len(rows) - 1)
    return fitted_table(GROUP_COLUMNS, rows, console.width, frozenset(ends))


def _named(a: Article) -> list[Text | str]:
    return [plain(a.id), "  ", isolated(a.outlet or a.source), "  ", isolated(a.title)]


def _show_links(links: list[ReuseLink], articles: dict[str, Article]) -> None:
    if not links:
        say("no reuse found for this article")
    for link in links:
        a, b = articles[link.a], articles[link.b]
        console.rule(f"{link.kind}: {link.a} ↔ {link.b}")
        hanging(("a: ", "bold"), *_named(a))
        hanging(("b: ", "bold"), *_named(b))
        say(
            f"jaccard {link.jaccard:.2f} · {link.contain_a:.0%} of a is in b · "
            f"{link.contain_b:.0%} of b is in a · longest passage {link.longest} words"
        )
        if link.origin:
            origin = articles[link.origin]
            hanging(
                ("origin: ", "bold"),
                plain(link.origin),
                " (",
                isolated(origin.outlet or origin.source),
                "): ",
                joined(list(link.reasons), "; "),
            )
        if link.uncredited and link.copy:
            copy = articles[link.copy]
            hanging(
                ("reuse without credit: ", "bold red"),
                plain(link.copy),
                " (",
                isolated(copy.outlet or copy.source),
                ") drops ",
                joined(list(link.dropped)),
            )
        columns = (
            Column(f"a: {link.a}", wrap=True, min_width=20),
            Column(f"b: {link.b}", wrap=True, min_width=20),
        )
        rows = [
            [paragraphs(a.body[a0:a1], "green"), paragraphs(b.body[b0:b1], "green")]
            for a0, a1, b0, b1, _ in link.passages
        ]
        table = fitted_table(columns, rows, console.width)
        table.show_lines = True
        console.print(table)


FORMATS = ("csv", "json", "jsonl")
DEDUP_FIELDS = ["group", "article_id", "role", "keep_rule", "kinds"]


def export_format(export: Path, fmt: str | None) -> str:
    """The format to write ``export`` in: the one given, else its extension's; an extension
    that names none is bad usage rather than a guess."""
    if fmt:
        return fmt
    suffix = export.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise click.UsageError(
            f"cannot tell the format of {export.name!r} from its name: name it .csv, .json or "
            ".jsonl, or give --format csv|json|jsonl"
        )
    return suffix


def dedup_rows(groups: list[ReuseGroup], articles: Iterable[str] = ()) -> Iterator[dict[str, Any]]:
    """One row per grouped article: its group, its role (keep or duplicate), the rule that
    chose its group's keep, and the group's kinds; then each of ``articles`` that no group
    holds, a group of its own that keeps it (``keep_rule`` "alone")."""
    grouped: set[str] = set()
    for n, group in enumerate(groups, 1):
        grouped.update(group.articles)
        for member in group.articles:
            yield {
                "group": n,
                "article_id": member,
                "role": "keep" if member == group.keep else "duplicate",
                "keep_rule": group.keep_rule,
                "kinds": " ".join(group.kinds),
            }
    n = len(groups)
    for article_id in articles:
        if article_id not in grouped:
            n += 1
            yield {
                "group": n,
                "article_id": article_id,
                "role": "keep",
                "keep_rule": "alone",
                "kinds": "",
            }


def same_file(export: Path, db: str) -> bool:
    """Whether writing ``export`` would overwrite the database ``db`` or its journal files."""
    target = os.path.realpath(export)
    store = os.path.realpath(db)
    return target in {store, *(store + suffix for suffix in ("-wal", "-shm", "-journal"))}


@click.command("dedup")
@click.option(
    "--export",
    "export",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Write the duplicate groups to FILE (.csv, .json or .jsonl, or as --format says).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv and jsonl: one row per stored article (group, article_id, role: keep or "
    "duplicate, keep_rule: origin, earliest or longest, or alone for an article no group "
    "holds, kinds); json: the groups as `marsad reuse --json` prints them. Default: from "
    "FILE's extension. Per-pair rows: `marsad reuse --pairs --jsonl`.",
)
@click.option("--kind", type=KINDS, help="Only this kind.")
@db_option
@click.pass_context
def dedup_command(
    ctx: click.Context, export: Path, fmt: str | None, kind: str | None, db: str | None
) -> None:
    """Export groups of copies of one text: in CSV or JSON Lines one row per article with its
    group and its role, keep or duplicate (each group keeps exactly one: the origin, else the
    earliest published, else the longest; an article in no group is kept alone), so that the
    rows marked keep are the store without its copies. With --kind, only that kind's groups."""
    fmt = export_format(export, fmt)
    folder = Path(os.path.abspath(export)).parent
    if not folder.is_dir():  # before the update, which can take minutes
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(export))
    with open_marsad(ctx, db) as marsad:
        if same_file(export, marsad.settings.db):
            raise click.UsageError(
                f"{str(export)!r} is the database itself: export to another file"
            )
        updated_reuse(marsad)
        groups = marsad.reuse_groups(kind)
        count = sum(len(group.articles) for group in groups)
        alone = () if kind else marsad.article_ids()  # --kind: only groups of that kind
        with export.open("w", newline="", encoding="utf-8") as handle:
            if fmt == "json":
                dicts = [group_dict(n, g) for n, g in enumerate(groups, 1)]
                handle.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
                rows = 0
            else:
                counted = _Counted(dedup_rows(groups, alone))
                if fmt == "jsonl":
                    write_rows(counted, lines=True, out=handle)
                else:
                    writer = csv.DictWriter(handle, fieldnames=DEDUP_FIELDS)
                    writer.writeheader()
                    writer.writerows(counted)
                rows = counted.rows
    alone_n = f", {rows - count} alone" if rows > count else ""
    say(
        f"{len(groups)} group(s), {count} article(s) in them{alone_n} → ",
        plain(str(export)),
        to=err_console,
    )


class _Counted:
    """An iterator of rows that counts them as they pass."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self.rows = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._rows:
            self.rows += 1
            yield row
