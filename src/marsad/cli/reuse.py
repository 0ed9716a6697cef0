"""``marsad reuse`` and ``marsad dedup``: reuse groups, aligned passages, deduplication export."""

from __future__ import annotations

import csv
import errno
import json
import os
from pathlib import Path
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from marsad.app import Marsad
from marsad.cli.common import db_option, limit_option, open_marsad
from marsad.cli.progress import reporting
from marsad.cli.render import console, err_console, hanging, print_json, say, shown_of
from marsad.cli.safe import Balanced, isolated, joined, paragraphs, plain
from marsad.cli.tables import Column, fitted_table
from marsad.models import Article, ReuseLink

KINDS = click.Choice(["exact", "near", "partial"])


def link_dict(link: ReuseLink) -> dict[str, Any]:
    return {
        "a": link.a,
        "b": link.b,
        "kind": link.kind,
        "jaccard": link.jaccard,
        "contain_a": link.contain_a,
        "contain_b": link.contain_b,
        "longest_passage_words": link.longest,
        "origin": link.origin,
        "copy": link.copy,
        "reasons": list(link.reasons),
        "reuse_without_credit": link.uncredited,
        "dropped_credits": list(link.dropped),
        "passages": [
            dict(zip(("a_start", "a_end", "b_start", "b_end", "words"), p, strict=True))
            for p in link.passages
        ],
    }


def updated_reuse(marsad: Marsad) -> None:
    """Bring the reuse links up to date, showing progress on stderr."""
    with reporting(err_console, "reuse") as progress:
        marsad.update_reuse(progress=progress)


@click.command("reuse")
@click.argument("article_id", required=False)
@click.option("--kind", type=KINDS, help="Only this kind.")
@limit_option(what="groups (with ARTICLE_ID: links)")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def reuse_command(
    ctx: click.Context,
    article_id: str | None,
    kind: str | None,
    limit: int | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List groups of reusing articles (who copied whom, with or without credit), or show
    ARTICLE_ID's reuse with aligned passages."""
    with open_marsad(ctx, db) as marsad:
        updated_reuse(marsad)
        if article_id:
            article = marsad.article(article_id)
            links = marsad.reuse_links(article.id, kind)
            total, links = len(links), links[:limit]
            members = [x for link in links for x in (link.a, link.b)]
        else:
            groups = marsad.reuse_groups(kind)
            total, groups = len(groups), groups[:limit]
            members = [x for group in groups for x in group["articles"]]
        others = {} if as_json else {x: marsad.article(x) for x in members}
    if article_id:
        if as_json:
            print_json([link_dict(link) for link in links])
        else:
            _show_links(links, others)
            shown_of(len(links), total, "link(s)")
        return
    if as_json:
        print_json(groups)
        return
    console.print(groups_table(groups, others))
    shown_of(len(groups), total, "group(s)")


GROUP_COLUMNS = (
    Column("group", wrap=True, min_width=7, ratio=0),
    Column("role", wrap=True, min_width=10, ratio=0),
    Column("article", narrow=12),
    Column("outlet", wrap=True, min_width=8, ratio=1),
    Column("title", wrap=True, min_width=20, ratio=4, want=30),
)


def role(group: dict[str, Any], member: str) -> str:
    """What ``member`` is in its group: the origin, a copy, a copy without credit."""
    if member == group["origin"]:
        return "origin"
    if member in group["uncredited"]:
        return "uncredited copy"
    return "copy" if group["origin"] else "linked"


def groups_table(groups: list[dict[str, Any]], articles: dict[str, Article]) -> Table:
    """One row per article: its group (number and kinds), role, id, outlet and title."""
    order = {"origin": 0, "uncredited copy": 1, "copy": 2, "linked": 2}
    rows: list[list[Text]] = []
    ends: set[int] = set()
    for n, group in enumerate(groups, 1):
        members = sorted(group["articles"], key=lambda m: (order[role(group, m)], m))
        for k, member in enumerate(members):
            a = articles[member]
            label = f"{n}\n{', '.join(group['kinds'])}" if k == 0 else ""
            rows.append(
                [
                    Balanced(label),
                    plain(role(group, member), "bold red" if member in group["uncredited"] else ""),
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


FORMATS = ("csv", "json")


def export_format(export: Path, fmt: str | None) -> str:
    """The format to write ``export`` in: the one given, else its extension's; an extension
    that names neither is bad usage rather than a guess."""
    if fmt:
        return fmt
    suffix = export.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise click.UsageError(
            f"cannot tell the format of {export.name!r} from its name: name it .csv or .json, "
            "or give --format csv|json"
        )
    return suffix


@click.command("dedup")
@click.option(
    "--export",
    "export",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Write the duplicate groups to FILE (.csv or .json, or as --format says).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv: one row per article (group, article_id, role: origin or duplicate, kinds); "
    "json: the groups as `marsad reuse --json` prints them. Default: from FILE's extension.",
)
@click.option("--kind", type=KINDS, help="Only this kind.")
@db_option
@click.pass_context
def dedup_command(
    ctx: click.Context, export: Path, fmt: str | None, kind: str | None, db: str | None
) -> None:
    """Export groups of duplicate articles: in CSV one row per article with its group and its
    role, origin or duplicate (keep the origin, drop the duplicates)."""
    fmt = export_format(export, fmt)
    folder = Path(os.path.abspath(export)).parent
    if not folder.is_dir():  # before the update, which can take minutes
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(export))
    with open_marsad(ctx, db) as marsad:
        updated_reuse(marsad)
        groups = marsad.reuse_groups(kind)
    rows = [
        {
            "group": n,
            "article_id": member,
            "role": "origin" if member == group["origin"] else "duplicate",
            "kinds": " ".join(group["kinds"]),
        }
        for n, group in enumerate(groups, 1)
        for member in group["articles"]
    ]
    if fmt == "json":
        export.write_text(json.dumps(groups, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        with export.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["group", "article_id", "role", "kinds"])
            writer.writeheader()
            writer.writerows(rows)
    say(f"{len(groups)} group(s), {len(rows)} article(s) → ", plain(str(export)), to=err_console)
