"""``marsad ingest``: read files, folders, globs or stdin into the store, with a progress line."""

from __future__ import annotations

import sys
import time
from dataclasses import replace

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from marsad.cli.common import db_option, open_marsad
from marsad.cli.render import err_console, print_json, rejections_table, say
from marsad.cli.safe import plain
from marsad.config import Settings
from marsad.engine.local import IngestReport
from marsad.ingest import ReadOptions, parse_field_map
from marsad.models import RejectReason
from marsad.shapes import ingest_report_dict


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--source", help="Name of the source (outlet) these inputs come from.")
@click.option(
    "--map",
    "field_map",
    metavar="SPEC",
    help="JSON/CSV field mapping, e.g. title=headline,body=content,published=date.",
)
@click.option(
    "--format",
    "fmt",
    metavar="NAME",
    help="Force a reader: text, html, rss, warc, json, jsonl, csv.",
)
@click.option(
    "--workers",
    type=int,
    help="Worker processes, at least 1 (default: 2 or the number of cores).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    source: str | None,
    field_map: str | None,
    fmt: str | None,
    workers: int | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Ingest PATHS (files, folders, globs; '-' reads stdin) into the database."""
    # bad usage is reported before any database is opened (or created)
    fields = parse_field_map(field_map) if field_map else {}
    if workers is not None:
        Settings(workers=workers)  # checks the value
    marsad = open_marsad(ctx, db, create=True)
    if workers is not None:
        marsad.settings = replace(marsad.settings, workers=workers)
    options = ReadOptions(
        source=source,
        field_map=fields,
        max_bytes=marsad.settings.max_document_bytes,
        format=fmt,
    )
    with marsad, _progress() as bar:
        task = bar.add_task("ingesting", total=None, stats="")
        started = time.perf_counter()

        def update(report: IngestReport) -> None:
            rate = report.documents / max(time.perf_counter() - started, 1e-9)
            bar.update(
                task,
                stats=f"{report.documents:,} documents · {report.articles:,} articles · "
                f"{len(report.rejected):,} rejected · {rate:,.0f} docs/s",
            )

        stdin = sys.stdin.buffer if "-" in paths else None
        report = marsad.ingest(paths, options, progress=update, stdin=stdin)
        update(report)
    _print_report(report, marsad.settings.db, as_json)
    # inputs passed over by design (a WARC's redirects, a pipe in a folder) are listed, but
    # only inputs that could not be read make a partial success, or a failure when none was
    if any(r.reason is not RejectReason.SKIPPED for r in report.rejected):
        ctx.exit(3 if report.accepted else 1)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", style="bold", markup=False),
        TextColumn("{task.fields[stats]}", markup=False),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _print_report(report: IngestReport, db: str, as_json: bool) -> None:
    if as_json:
        print_json(ingest_report_dict(report, db))
        return
    say(
        (f"{report.documents:,}", "bold"),
        f" documents read ({report.new_documents:,} new), ",
        (f"{report.articles:,}", "bold"),
        " articles stored, ",
        (f"{len(report.rejected):,}", "bold"),
        f" rejected, in {report.seconds:.1f} s → ",
        plain(db),
        to=err_console,
    )
    if report.rejected:
        shown = report.rejected[:20]
        err_console.print(rejections_table(shown, err_console.width))
        if len(report.rejected) > len(shown):
            more = len(report.rejected) - len(shown)
            say(f"… and {more:,} more: marsad rejected", to=err_console)
