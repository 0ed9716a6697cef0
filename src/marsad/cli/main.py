"""The ``marsad`` command: a click group; each command group lives in its own module.

Exit codes: 0 success; 1 an error stopped the command (one line on stderr); 2 bad usage (an
option, argument or setting that is not allowed); 3 partial success (some inputs were rejected —
``marsad rejected`` lists them). No error reaches the user as a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import sys
from pathlib import Path

import click
from rich.text import Text

from marsad.cli import browse, entities, ingest, reuse, serve, stories
from marsad.cli.render import err_console
from marsad.errors import ConfigError, InputError, MarsadError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_OS_HINTS = {
    errno.EACCES: "permission denied; check the permissions of the file and its folder",
    errno.EPERM: "operation not permitted; check the permissions of the file and its folder",
    errno.ENOSPC: "no space left on the device; free some space and run the command again",
    errno.EDQUOT: "disk quota exceeded; free some space and run the command again",
    errno.EROFS: "the file system is read-only; choose a path on a writable one",
    errno.EISDIR: "is a folder; give a file name",
    errno.ELOOP: "too many levels of symbolic links (a link pointing back into its own "
    "folder?); remove the loop or give another path",
}


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
for command in (*browse.COMMANDS, *stories.COMMANDS, *entities.COMMANDS, *serve.COMMANDS):
    cli.add_command(command)


def main() -> None:
    """Run the command line; every error ends as one line on stderr and an exit code."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:  # bad usage: click prints the usage and exits with 2
        exc.show()
        code = exc.exit_code
    except click.Abort:
        code = fail("aborted", EXIT_ERROR)
    except (ConfigError, InputError) as exc:
        code = fail(str(exc), EXIT_USAGE)
    except MarsadError as exc:
        code = fail(str(exc), EXIT_ERROR)
    except OSError as exc:  # a file outside the store: an export, an input folder
        code = fail(describe_os_error(exc), EXIT_ERROR)
    except sqlite3.Error as exc:  # the store translates the errors it knows; this is the rest
        code = fail(
            f"database error ({exc}); run the command again, and if it happens again, report "
            "it with the command that failed",
            EXIT_ERROR,
        )
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def fail(message: str, code: int) -> int:
    """Print ``error: message`` as one line on stderr (control characters made visible, never
    read as markup) and return ``code``."""
    err_console.print(Text.assemble(("error:", "bold red"), " ", one_line(message)), soft_wrap=True)
    return code


def one_line(message: str) -> str:
    r"""``message`` on one line, with control characters shown as escapes.

    >>> one_line("a\nb\x1b[2J")
    'a b\\x1b[2J'
    """
    return _CONTROL.sub(
        lambda m: " " if m.group() in "\n\r\t" else f"\\x{ord(m.group()):02x}", message
    )


def describe_os_error(exc: OSError) -> str:
    """What went wrong with which file, and what to do about it.

    >>> describe_os_error(FileNotFoundError(2, "No such file or directory", "/no/such/d.csv"))
    '/no/such/d.csv: the folder /no/such does not exist; create it first or choose another path'
    """
    hint = _OS_HINTS.get(exc.errno or 0, exc.strerror or str(exc))
    if exc.filename is None:  # a failed flush or close says no file name
        return hint
    name = os.fsdecode(exc.filename) if isinstance(exc.filename, str | bytes) else exc.filename
    if exc.errno == errno.ENOENT:
        folder = Path(os.path.abspath(name)).parent
        if not folder.is_dir():
            return (
                f"{name}: the folder {folder} does not exist; create it first or choose "
                "another path"
            )
        return f"{name}: no such file or folder"
    return f"{name}: {hint}"
