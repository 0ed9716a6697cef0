"""Reading commands: ``articles``, ``show``, ``search``, ``rejected``."""

from __future__ import annotations

import datetime as dt
import json

import click
from rich.rule import Rule

from marsad.cli.common import db_option, open_marsad
from marsad.cli.render import (
    article_dict,
    articles_table,
    console,
    print_json,
    rejection_dict,
    rejections_table,
)


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


@click.command("articles")
@click.option("--source", help="Only articles from this source or outlet.")
@click.option(
    "--since",
    metavar="DATE",
    callback=lambda ctx, param, value: _iso_date(value),
    help="Only articles published (or, when undated, crawled) on or after DATE (YYYY-MM-DD).",
)
@click.option("--lang", metavar="L", help="Only articles in language L (ISO 639-1, e.g. ar).")
@click.option("--limit", type=int, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def articles_command(
    ctx: click.Context,
    source: str | None,
    since: str | None,
    lang: str | None,
    limit: int | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List stored articles."""
    with open_marsad(ctx, db) as marsad:
        found = marsad.articles(source=source, since=since, lang=lang, limit=limit)
    if as_json:
        print_json([article_dict(a) for a in found])
    else:
        console.print(articles_table(found))
        console.print(f"{len(found):,} articles")


@click.command("show")
@click.argument("article_id")
@click.option("--raw", is_flag=True, help="Also show the removed lines and the raw document.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def show_command(
    ctx: click.Context, article_id: str, raw: bool, as_json: bool, db: str | None
) -> None:
    """Show one article: clean text, metadata, and (with --raw) what was removed and why."""
    with open_marsad(ctx, db) as marsad:
        article = marsad.article(article_id)
        document = marsad.document(article.document_id) if raw else None
    data = article_dict(article, full=True)
    if as_json:
        if document is not None:
            data["raw"] = {
                "origin": document.origin,
                "kind": document.kind,
                "meta": dict(document.meta),
                "text": document.data.decode(document.meta.get("encoding", "utf-8"), "replace"),
            }
        print_json(data)
        return
    console.print(Rule(article.title or article.id))
    for key in (
        "id",
        "outlet",
        "outlet_provenance",
        "source",
        "author",
        "published",
        "date_provenance",
        "date_evidence",
        "crawled",
        "lang",
        "url",
        "parent_id",
    ):
        if data.get(key) is not None:
            console.print(f"[bold]{key}:[/] {data[key]}")
    if article.attributions:
        console.print(
            f"[bold]attributions:[/] {json.dumps(list(article.attributions), ensure_ascii=False)}"
        )
    console.print()
    console.print(article.body)
    if raw:
        console.print(Rule("removed lines"))
        for r in article.removed:
            console.print(f"[dim]{r.line:>4}[/] [yellow]{r.reason:<24}[/] {r.text}")
        if document is not None:
            console.print(Rule(f"raw document {document.origin}"))
            console.print(document.data.decode(document.meta.get("encoding", "utf-8"), "replace"))


@click.command("search")
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def search_command(
    ctx: click.Context, query: str, limit: int, as_json: bool, db: str | None
) -> None:
    """Full-text search, Arabic-aware: any spelling of a word finds the others."""
    with open_marsad(ctx, db) as marsad:
        hits = marsad.search(query, limit=limit)
    if as_json:
        print_json(
            [
                {**article_dict(h.article), "score": round(h.score, 4), "snippet": h.snippet}
                for h in hits
            ]
        )
        return
    for hit in hits:
        a = hit.article
        console.print(f"[bold]{a.id}[/]  {a.title or '—'}  [dim]({a.outlet or a.source or '—'})[/]")
        console.print(f"    {hit.snippet}")
    console.print(f"{len(hits)} result(s)")


@click.command("rejected")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def rejected_command(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """List inputs that were not accepted, with the reason."""
    with open_marsad(ctx, db) as marsad:
        rejections = marsad.rejected()
    if as_json:
        print_json([rejection_dict(r) for r in rejections])
    else:
        console.print(rejections_table(rejections))
        console.print(f"{len(rejections):,} rejected input(s)")


COMMANDS = (articles_command, show_command, search_command, rejected_command)
