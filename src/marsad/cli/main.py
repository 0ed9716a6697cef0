"""The ``marsad`` command: a click group; each command group lives in its own module.

Exit codes: 0 success; 1 an error stopped the command (message on stderr); 2 bad usage;
3 partial success (some inputs were rejected — ``marsad rejected`` lists them).
"""

from __future__ import annotations

import sys

import click

from marsad.cli import browse, ingest, reuse, stories
from marsad.cli.render import err_console
from marsad.errors import MarsadError

EXIT_ERROR = 1
EXIT_PARTIAL = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="MARSAD_DB",
    default=None,
    metavar="FILE",
    help="SQLite database file (default: marsad.db, or $MARSAD_DB).",
)
@click.version_option(package_name="marsad")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Marsad (مرصد): track Arabic news stories across outlets."""
    ctx.obj = {"db": db}


cli.add_command(ingest.ingest_command)
cli.add_command(reuse.reuse_command)
cli.add_command(reuse.dedup_command)
for command in (*browse.COMMANDS, *stories.COMMANDS):
    cli.add_command(command)


def main() -> None:
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        err_console.print("aborted")
        sys.exit(EXIT_ERROR)
    except MarsadError as exc:
        err_console.print(f"[bold red]error:[/] {exc}")
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else 0)
