"""``make run`` read at 80 and 120 columns: no line wider than the terminal, no Arabic word
broken across lines, titles with room to be read, every isolate closed on its line, no control
code, no markup error."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from marsad.cli.main import cli
from tests.conftest import SEEDS, require

LRI, PDI = "\u2068", "\u2069"
ARABIC_RUN = re.compile("[\u0621-\u063a\u0640-\u065f\u0660-\u0669\u0671-\u06d3]+")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
MAKE_RUN = (["articles"], ["search", "الأمريكي"], ["reuse"], ["stories"])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """The seeds ingested, and every Arabic word of their titles, bodies and outlets."""
    db = str(tmp_path_factory.mktemp("layout") / "demo.db")
    assert run("--db", db, "ingest", str(require(SEEDS)))[0] == 0
    words: set[str] = set()
    for a in json.loads(run("--db", db, "articles", "--json")[1]):
        shown = json.loads(run("--db", db, "show", a["id"], "--json")[1])
        for text in (shown["title"], shown["body"], shown["outlet"], shown["source"]):
            words.update(ARABIC_RUN.findall(text or ""))
    return db, words


def balanced(row: str) -> bool:
    depth = 0
    for char in row:
        depth += {LRI: 1, PDI: -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def whole_words(row: str, words: set[str]) -> list[str]:
    """The Arabic runs of ``row`` that are not words of the seeds (a word cut with "…" at the
    end of a cell counts as whole when it begins a word)."""
    bad = []
    for match in ARABIC_RUN.finditer(row.replace(LRI, "").replace(PDI, "")):
        run_, after = match.group(), row.replace(LRI, "").replace(PDI, "")[match.end() :]
        cut = after.startswith("…")
        if run_ not in words and not (cut and any(w.startswith(run_) for w in words)):
            bad.append(run_)
    return bad


@pytest.mark.parametrize("width", [80, 120])
def test_cli_make_run_reads_well(
    width: int, at_width: Callable[[int], None], seeded: tuple[str, set[str]], tmp_path: Path
) -> None:
    at_width(width)
    db, words = seeded
    _, _, report = run("--db", str(tmp_path / "again.db"), "ingest", str(require(SEEDS)))
    outputs = {"ingest": report}
    for args in MAKE_RUN:
        code, out, err = run("--db", db, *args)
        assert code == 0 and "Error" not in err
        outputs[args[0]] = out + err
    for name, out in outputs.items():
        for row in out.splitlines():
            assert cell_len(row) <= width, (name, row)
            assert balanced(row), (name, row)
            assert not CONTROL.search(row), (name, row)
            assert not whole_words(row, words), (name, row, whole_words(row, words))
    header = next(row for row in outputs["articles"].splitlines() if "title" in row)
    title = next(cell for cell in header.split("┃") if "title" in cell)
    assert len(title) - 2 >= (20 if width == 80 else 40)  # room to read a title
    rows = outputs["reuse"].splitlines()  # who copied whom, without credit, by name
    assert any("origin" in row and "Sputnik" in row and "العراق" in row for row in rows)
    assert any("uncredited" in row and "الوطن" in row and "ترحيباً" in row for row in rows)
    assert len(outputs["articles"].splitlines()) < (40 if width == 80 else 25)  # not 130
