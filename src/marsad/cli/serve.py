"""``marsad serve``: the pages and the JSON API over one database, served by uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import click

from marsad.cli.common import db_option, open_marsad
from marsad.cli.render import say


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Server processes (default: the workers setting, the machine's cores up to 2).",
)
@db_option
@click.pass_context
def serve_command(
    ctx: click.Context, host: str, port: int, workers: int | None, db: str | None
) -> None:
    """Serve the pages (storylines, events, articles, copies, search) and the JSON API
    (/api, schema at /openapi.json, docs at /docs) until interrupted."""
    import uvicorn

    from marsad.web import create_app
    from marsad.web.writes import LOOPBACK

    with open_marsad(ctx, db) as marsad:  # the database must exist; it is checked once here
        settings = marsad.settings
    say(f"Marsad on http://{host}:{port}/ (API: http://{host}:{port}/docs); Ctrl+C stops it")
    if host not in LOOPBACK and not settings.api_token:
        say("writes through the API are refused: set MARSAD_API_TOKEN to accept them")
    processes = workers or settings.workers
    if processes == 1:
        uvicorn.run(create_app(settings, host), host=host, port=port, log_level="warning")
        return
    # Each worker process builds the app itself, from the environment it inherits.
    os.environ["MARSAD_DB"] = str(Path(settings.db).resolve())
    os.environ["MARSAD_SERVE_HOST"] = host
    uvicorn.run(
        "marsad.web.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=processes,
        log_level="warning",
    )


COMMANDS = (serve_command,)
