"""``marsad stories``, ``story``, ``event``, ``events`` and ``rebuild``: storylines as dated
event timelines (rendered by ``cli.timeline``).

Arabic text shares lines with ids, dates and arrows, so every title and outlet printed in the
terminal sits in a first-strong isolate (``cli.safe``): an Arabic cell cannot reorder its
neighbours.
"""

from __future__ import annotations

from itertools import islice

import click

from marsad.app import Marsad
from marsad.cli.common import db_option, limit_option, open_marsad
from marsad.cli.progress import reporting
from marsad.cli.render import console, err_console, print_json, say, shown_of
from marsad.cli.safe import isolated, plain
from marsad.cli.timeline import (
    show_event,
    show_listed_event,
    show_timeline,
    storylines_table,
    write_events,
)
from marsad.engine.organizing import EventReport
from marsad.models import Article, Event, Storyline
from marsad.shapes import (
    Timeline,
    digest_dicts,
    event_detail_dict,
    quote_dict,
    storyline_dict,
    when,
)

# --- data -------------------------------------------------------------------------------------


def event_reports(marsad: Marsad, event: Event) -> list[Article]:
    """The event's reports, in the event's (publication) order."""
    return [marsad.article(article_id) for article_id in event.articles]


def story_timeline(marsad: Marsad, ref: str) -> tuple[Storyline, Timeline]:
    """The storyline ``ref`` (id or unique prefix) and its events in date order with reports."""
    storyline = marsad.storyline(ref)
    events = marsad.events(storyline=storyline.id)
    return storyline, [(e, event_reports(marsad, e)) for e in events]


def updated_events(marsad: Marsad, rebuild: bool = False) -> EventReport:
    """Bring reuse links, events and storylines up to date (``rebuild``: from scratch),
    showing progress on stderr."""
    with reporting(err_console, "rebuild" if rebuild else "events") as progress:
        if rebuild:
            return marsad.rebuild(progress=progress)
        return marsad.update_events(progress=progress)


# --- commands ---------------------------------------------------------------------------------


@click.command("stories")
@limit_option(default=50, what="storylines")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def stories_command(ctx: click.Context, limit: int | None, as_json: bool, db: str | None) -> None:
    """Bring events up to date and list storylines, largest first."""
    with open_marsad(ctx, db) as marsad:
        report = updated_events(marsad)
        shown = marsad.storylines(limit)
        total = marsad.storyline_count()
        events = marsad.events_of([s.id for s in shown])
    if as_json:
        print_json([storyline_dict(s, events[s.id]) for s in shown])
        return
    console.print(storylines_table(shown, events))
    shown_of(len(shown), total, "storyline(s)")
    if report.online_pending:
        say(
            (
                f"{report.online_pending:,} article(s) joined events online since the last "
                "consolidation; `marsad rebuild` recomputes every event",
                "dim",
            )
        )


@click.command("story")
@click.argument("storyline_id")
@limit_option(what="events")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def story_command(
    ctx: click.Context, storyline_id: str, limit: int | None, as_json: bool, db: str | None
) -> None:
    """Show STORYLINE_ID as a timeline: its dated events, their reports and sources, then
    the events whose date is unknown."""
    with open_marsad(ctx, db) as marsad:
        storyline, timeline = story_timeline(marsad, storyline_id)
        digest = marsad.story_digest(storyline.id)
    shown = timeline[:limit]
    if as_json:
        print_json({**storyline_dict(storyline, timeline=shown), "digest": digest_dicts(digest)})
        return
    show_timeline(storyline, shown)
    if digest:
        say("digest:")
        for event, sentence in digest:
            line_text = sentence.text if sentence else event.title
            say(
                "  ",
                plain(when(event) or "undated"),
                "  ",
                isolated(line_text),
                *(("  ", isolated(sentence.outlet or "?", "dim")) if sentence else ()),
            )
    if len(shown) < len(timeline):
        shown_of(len(shown), len(timeline), "event(s)")


@click.command("event")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def event_command(ctx: click.Context, event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event: its date and the phrase it came from, its storyline, its reports and
    who said what in them (as the last ``marsad entities`` or ``quotes`` read them)."""
    with open_marsad(ctx, db) as marsad:
        event = marsad.event(event_id)
        reports = event_reports(marsad, event)
        by_id = {a.id: a for a in reports}
        rows = marsad.quotes_of(event.articles)
        quotes = [quote_dict(q, by_id[q.article_id]) for q in rows]
        summary = marsad.event_summary(event)
    if as_json:
        print_json(event_detail_dict(event, reports, summary, rows))
        return
    show_event(event, reports)
    if summary:
        say("summary:")
        for sentence in summary:
            say(
                "  ",
                isolated(sentence.text),
                "  ",
                isolated(sentence.outlet or "?", "dim"),
                " ",
                (sentence.article_id, "dim"),
            )
    if quotes:
        say("quotes:")
        for q in quotes:
            say(
                "  ",
                isolated(q["speaker"] or "speaker unknown", "bold"),
                "  ",
                (q["article_id"], "dim"),
            )
            say("    ", isolated(q["text"]))


@click.command("events")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per line.")
@click.option("--storyline", "storyline", default=None, metavar="ID", help="Only this storyline.")
@limit_option(what="events")
@db_option
@click.pass_context
def events_command(
    ctx: click.Context,
    as_json: bool,
    as_jsonl: bool,
    storyline: str | None,
    limit: int | None,
    db: str | None,
) -> None:
    """Bring events up to date and list every event with its date, storyline and reports
    (ids, urls, outlets), in date order, streamed."""
    if as_json and as_jsonl:
        raise click.UsageError("give --json or --jsonl, not both")
    with open_marsad(ctx, db) as marsad:
        updated_events(marsad)
        listing = islice(marsad.event_listing(storyline), limit)
        if as_json or as_jsonl:
            write_events(listing, lines=as_jsonl)
            return
        count = 0
        for listed in listing:
            show_listed_event(listed.event, listed.reports)
            count += 1
        more = " (the --limit; there may be more)" if limit is not None and count == limit else ""
        say(f"{count:,} event(s){more}")


@click.command("rebuild")
@db_option
@click.pass_context
def rebuild_command(ctx: click.Context, db: str | None) -> None:
    """Recompute reuse links, events and storylines from scratch."""
    with open_marsad(ctx, db) as marsad:
        report = updated_events(marsad, rebuild=True)
    say(
        f"rebuilt from {report.articles:,} article(s): {report.events:,} event(s), "
        f"{report.storylines:,} storyline(s) in {report.seconds:.2f}s"
    )


COMMANDS = (stories_command, story_command, event_command, events_command, rebuild_command)
