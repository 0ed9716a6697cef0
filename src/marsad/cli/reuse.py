"""``marsad reuse`` and ``marsad dedup``: reuse groups, aligned passages, deduplication export."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from marsad.cli.common import db_option, open_marsad
from marsad.cli.render import console, err_console, print_json
from marsad.models import Article, ReuseLink

_ISOLATE = "\u2068{}\u2069"  # first-strong isolate: Arabic cells cannot reorder their neighbours


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


@click.command("reuse")
@click.argument("article_id", required=False)
@click.option("--kind", type=click.Choice(["exact", "near", "partial"]), help="Only this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def reuse_command(
    ctx: click.Context, article_id: str | None, kind: str | None, as_json: bool, db: str | None
) -> None:
    """List groups of reusing articles, or show ARTICLE_ID's reuse with aligned passages."""
    with open_marsad(ctx, db) as marsad:
        marsad.update_reuse()
        if article_id:
            article = marsad.article(article_id)
            links = marsad.reuse_links(article.id, kind)
            others = {x: marsad.article(x) for link in links for x in (link.a, link.b)}
        else:
            groups = marsad.reuse_groups(kind)
    if article_id:
        if as_json:
            print_json([link_dict(link) for link in links])
        else:
            _show_links(links, others)
        return
    if as_json:
        print_json(groups)
        return
    table = Table(header_style="bold")
    for name in ("group", "kinds", "origin", "articles", "without credit"):
        table.add_column(name, overflow="fold")
    for n, group in enumerate(groups, 1):
        table.add_row(
            str(n),
            ", ".join(group["kinds"]),
            group["origin"] or "—",
            " ".join(group["articles"]),
            " ".join(group["uncredited"]) or "—",
        )
    console.print(table)
    console.print(f"{len(groups)} group(s)")


def _show_links(links: list[ReuseLink], articles: dict[str, Article]) -> None:
    if not links:
        console.print("no reuse found for this article")
    for link in links:
        a, b = articles[link.a], articles[link.b]
        console.rule(f"{link.kind}: {link.a} ↔ {link.b}")
        console.print(
            f"jaccard {link.jaccard:.2f} · {link.contain_a:.0%} of {link.a} is in {link.b} · "
            f"{link.contain_b:.0%} of {link.b} is in {link.a} · "
            f"longest passage {link.longest} words"
        )
        if link.origin:
            console.print(f"[bold]origin:[/] {link.origin} ({'; '.join(link.reasons)})")
        if link.uncredited:
            console.print(
                f"[bold red]reuse without credit:[/] {link.copy} drops {', '.join(link.dropped)}"
            )
        table = Table(show_lines=True, header_style="bold")
        table.add_column(_ISOLATE.format(f"{link.a} ({a.outlet or a.source or '—'})"), ratio=1)
        table.add_column(_ISOLATE.format(f"{link.b} ({b.outlet or b.source or '—'})"), ratio=1)
        for a_start, a_end, b_start, b_end, _ in link.passages:
            table.add_row(
                "[green]" + _ISOLATE.format(a.body[a_start:a_end]) + "[/]",
                "[green]" + _ISOLATE.format(b.body[b_start:b_end]) + "[/]",
            )
        console.print(table)


@click.command("dedup")
@click.option(
    "--export",
    "export",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Write the duplicate groups to FILE (.csv or .json).",
)
@click.option("--kind", type=click.Choice(["exact", "near", "partial"]), help="Only this kind.")
@db_option
@click.pass_context
def dedup_command(ctx: click.Context, export: Path, kind: str | None, db: str | None) -> None:
    """Export groups of duplicate articles (one row per article: group, keep or duplicate)."""
    with open_marsad(ctx, db) as marsad:
        marsad.update_reuse()
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
    if export.suffix.lower() == ".json":
        export.write_text(json.dumps(groups, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        with export.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["group", "article_id", "role", "kinds"])
            writer.writeheader()
            writer.writerows(rows)
    err_console.print(f"{len(groups)} group(s), {len(rows)} article(s) → {export}")
