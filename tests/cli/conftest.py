"""The command line is tested at a known width (80 columns, what a pipe gets; ``at_width``
for others) and without a database chosen by the environment."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.cli.render import console, err_console


@pytest.fixture(autouse=True)
def at_width(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Sets the width the consoles render at (80 until told otherwise)."""

    def set_width(columns: int) -> None:
        monkeypatch.setenv("COLUMNS", str(columns))  # read each time rich measures...
        for each in (console, err_console):  # ...unless it was set when the consoles were made
            monkeypatch.setattr(each, "_width", None)
        assert console.width == err_console.width == columns

    monkeypatch.delenv("MARSAD_DB", raising=False)
    set_width(80)
    return set_width
