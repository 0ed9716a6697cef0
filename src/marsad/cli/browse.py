"""Reading commands: ``articles``, ``show``, ``search``, ``rejected``."""

from __future__ import annotations

import datetime as dt

import click
from rich.padding import Padding

from marsad.app import MAX_WORDS, SearchHit, parse_query
from marsad.cli.common import db_option, limit_option, open_marsad
from marsad.cli.render import (
    articles_table,
    console,
    err_console,
    heading,
    print_json,
    rejections_table,
    say,
    shown_of,
)
from marsad.cli.safe import Wrapped, isolated, joined, paragraphs, plain
from marsad.models import Article, RawDocument
from marsad.shapes import article_dict, rejection_dict


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def more_than(found: list[Article], limit: int | None) -> tuple[list[Article], bool]:
    """``found`` (asked with ``limit + 1``) cut to ``limit``, and whether some were left out."""
    if limit is None or len(found) <= limit:
        return found, False
    return found[:limit], True


@click.command("articles")
@click.option("--source", help="Only articles from this source or outlet.")
@click.option(
    "--since",
    metavar="DATE",
    callback=lambda ctx, param, value: _iso_date(value),
    help="Only articles published (or, when undated, crawled) on or after DATE (YYYY-MM-DD).",
)
@click.option("--lang", metavar="L", help="Only articles in language L (ISO 639-1, e.g. ar).")
@limit_option(what="articles")
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
        asked = None if limit is None else limit + 1
        code = lang.lower() if lang else None  # AR is ar
        found, more = more_than(marsad.articles(source, since, code, asked), limit)
    if as_json:
        print_json([article_dict(a) for a in found])
        return
    console.print(articles_table(found))
    say(f"{len(found):,} article(s)" + (" shown; more with a higher --limit" if more else ""))


@click.command("show")
@click.argument("article_id")
@click.option("--raw", is_flag=True, help="Also show the removed lines and the raw document.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def show_command(
    ctx: click.Context, article_id: str, raw: bool, as_json: bool, db: str | None
) -> None:
    """Show one article (by id, or by at least 4 of its first characters): clean text,
    metadata, and (with --raw) what was removed and why."""
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
                "text": _raw_text(document),
            }
        print_json(data)
        return
    heading(article.title or article.id, article.id)
    for key in ("id", "outlet_provenance", "published", "date_provenance", "crawled", "lang"):
        if data.get(key) is not None:
            say((f"{key}:", "bold"), " ", plain(str(data[key])))
    for key in ("outlet", "source", "author", "date_evidence", "url", "parent_id"):
        if data.get(key) is not None:
            say((f"{key}:", "bold"), " ", isolated(str(data[key])))
    if article.attributions:
        say(("attributions:", "bold"), " ", joined(list(article.attributions)))
    if article.notes:
        say(("notes:", "bold"), " ", joined(list(article.notes), "; "))
    console.print()
    console.print(Wrapped(paragraphs(article.body)))
    if raw:
        console.rule("removed lines")
        for r in article.removed:
            say((f"{r.line:>4}", "dim"), " ", (f"{r.reason:<24}", "yellow"), " ", isolated(r.text))
        if document is not None:
            console.rule("raw document")
            say(plain(document.origin))
            console.print(Wrapped(paragraphs(_raw_text(document))))


def _raw_text(document: RawDocument) -> str:
    return document.data.decode(document.meta.get("encoding", "utf-8"), "replace")


SEARCH_HELP = f"""Search titles and text in any spelling (أمريكي finds الأميركي; "quotes" for a
phrase), and outlets: a query that names an outlet or source (Sputnik, "alriyadh العراق") finds
its articles first. A repeated word is searched once; only the first {MAX_WORDS} distinct words
are searched (a phrase counts each of its words)."""


@click.command("search", help=SEARCH_HELP)
@click.argument("query")
@limit_option(default=20, what="results")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def search_command(
    ctx: click.Context, query: str, limit: int, as_json: bool, db: str | None
) -> None:
    """Search (the help is ``SEARCH_HELP``, which states the cap on words)."""
    searched = parse_query(query)
    if not searched.terms:
        raise click.UsageError(
            f"the query {query!r} holds no word to search: give words, or a phrase in quotes"
        )
    if searched.dropped:
        say(
            f"note: only the first {MAX_WORDS} distinct words are searched; "
            f"{searched.dropped:,} more were left out",
            to=err_console,
        )
    with open_marsad(ctx, db) as marsad:
        hits = marsad.search(query, limit=limit)
    if as_json:
        print_json([_hit_dict(h) for h in hits])
        return
    for hit in hits:
        show_hit(hit)
    full = " (the --limit; there may be more)" if len(hits) == limit else ""
    say(f"{len(hits):,} result(s){full}")


def _hit_dict(hit: SearchHit) -> dict[str, object]:
    return {
        **article_dict(hit.article),
        "score": round(hit.score, 4),
        "matched": hit.matched,
        "snippet": hit.snippet,
    }


def show_hit(hit: SearchHit) -> None:
    a = hit.article
    found_by = ("  · outlet match", "dim") if hit.matched == "outlet" else ""
    where = isolated(a.outlet or a.source)
    say(plain(a.id, "bold"), "  ", isolated(a.title), "  (", where, ")", found_by)
    console.print(Padding(Wrapped(isolated(hit.snippet)), (0, 0, 0, 4)))


@click.command("rejected")
@limit_option(what="rejected inputs")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def rejected_command(ctx: click.Context, limit: int | None, as_json: bool, db: str | None) -> None:
    """List inputs that were not accepted, with the reason."""
    with open_marsad(ctx, db) as marsad:
        rejections = marsad.rejected()
    shown = rejections[:limit] if limit else rejections
    if as_json:
        print_json([rejection_dict(r) for r in shown])
    else:
        console.print(rejections_table(shown))
        shown_of(len(shown), len(rejections), "rejected input(s)")


COMMANDS = (articles_command, show_command, search_command, rejected_command)
