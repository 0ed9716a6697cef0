"""Progress of reuse, stories and rebuild: a bar with the count and the time left on a
terminal, a line every few seconds elsewhere, nothing on stdout."""

from __future__ import annotations

import re
import time
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from marsad.cli import progress
from marsad.cli.main import cli
from marsad.cli.progress import reporting
from tests.conftest import SEEDS, require


def test_progress_on_a_terminal_shows_count_and_time_left() -> None:
    out = StringIO()
    terminal = Console(file=out, force_terminal=True, width=120, color_system=None)
    with reporting(terminal, "reuse") as step:
        step("saving links", 0, 1)
        step("saving links", 1, 1)
        for done in range(0, 41, 10):
            step("aligning passages", done, 40)
            time.sleep(0.3)
    shown = out.getvalue()
    assert "reuse: aligning passages" in shown and "20/40" in shown and "40/40" in shown
    assert re.search(r"20/40 0:00:0\d elapsed", shown)  # the time left, once the rate is known
    assert "reuse: saving links" in shown and "1/1" not in shown  # a step that cannot count


def test_progress_elsewhere_is_a_line_every_period(monkeypatch: pytest.MonkeyPatch) -> None:
    out = StringIO()
    log = Console(file=out, width=120)
    monkeypatch.setattr(progress, "PERIOD", 0.0)
    with reporting(log, "events") as step:
        step("reading terms and dates", 0, 8000)
        time.sleep(0.01)
        step("reading terms and dates", 4000, 8000)
    first, second = out.getvalue().splitlines()
    assert first.startswith("events: reading terms and dates · 0/8,000 (0%) · 0 s so far")
    assert second.startswith("events: reading terms and dates · 4,000/8,000 (50%)")
    assert second.endswith("about 0 s left")
    monkeypatch.setattr(progress, "PERIOD", 3600.0)
    quiet = StringIO()
    with reporting(Console(file=quiet), "events") as step:
        step("reading terms and dates", 1, 8000)
    assert quiet.getvalue() == ""  # a short run prints nothing


@pytest.mark.parametrize(
    ("command", "what", "step"),
    [
        ("reuse", "reuse", "aligning passages"),
        ("stories", "events", "reading terms and dates"),
        ("rebuild", "rebuild", "grouping reports into events"),
    ],
)
def test_cli_long_commands_report_progress_on_stderr(
    command: str, what: str, step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "p.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(require(SEEDS))]).exit_code == 0
    monkeypatch.setattr(progress, "PERIOD", 0.0)
    result = CliRunner().invoke(cli, ["--db", db, command], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"{what}: {step}" in result.stderr
    assert what + ":" not in result.stdout
