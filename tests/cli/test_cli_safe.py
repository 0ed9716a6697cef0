"""``cli.safe``: untrusted strings are shown as they are, minus control codes, never as markup;
isolates never span a wrapped line. Generated inputs, asserting what comes out."""

from __future__ import annotations

import re
import unicodedata
from io import StringIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from marsad.cli.safe import LRI, PDI, Wrapped, clean, isolated, line, paragraphs, plain

BREAKS = set("\t\n\r\x0b\x0c\x85\u2028\u2029")
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def expected_one_line(text: str) -> str:
    """The reference: each break or tab a space; other controls, bidi formatting gone;
    lone surrogates U+FFFD."""
    out = []
    for char in text:
        if char in BREAKS:
            out.append(" ")
        elif unicodedata.category(char) == "Cs":
            out.append("\ufffd")
        elif unicodedata.category(char) != "Cc" and char not in BIDI:
            out.append(char)
    return "".join(out)


def expand_tabs(row: str, size: int = 8) -> str:
    """``row`` with tabs expanded to stops counted in terminal cells, as rich does (a wide
    character takes two; ``str.expandtabs`` would count it as one)."""
    out = ""
    for char in row:
        out += " " * (size - cell_len(out) % size) if char == "\t" else char
    return out


def render(text: object, width: int = 1000) -> str:
    out = StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(text)
    return out.getvalue()


def balanced(row: str) -> bool:
    depth = 0
    for char in row:
        depth += {LRI: 1, PDI: -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


# Text with everything hostile over-represented: markup, escapes, controls, bidi, Arabic.
hostile = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("[]/=:\\ \x1b\x07\x00\x9b\x85\r\n\t\u202e\u2066\u2069")),
        st.sampled_from(list("العراقيعلنبدءSputnik")),
        st.characters(codec="utf-8"),
        st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]),
    ),
    max_size=80,
)
markup = st.lists(
    st.sampled_from(
        [
            "[/]",
            "[/bold]",
            "[link=http://evil.example]",
            "[/link]",
            "[i]",
            "[red]",
            ":smile:",
            "\x1b[2J",
            "\x1b]8;;http://x\x1b\\",
            "نص",
            "word",
            " ",
            "\\[",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(hostile, markup))
def test_safe_one_line_shows_the_input_minus_control_codes(text: str) -> None:
    assert clean(text) == expected_one_line(text)
    shown = render(Wrapped(plain(text)))
    assert shown == (expected_one_line(text) or "—") + "\n"  # printed as it is
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", shown)


@settings(max_examples=300, deadline=None)
@given(st.one_of(hostile, markup), st.integers(min_value=8, max_value=60))
def test_safe_isolated_text_wraps_with_every_line_isolated(text: str, width: int) -> None:
    shown = render(Wrapped(line("id  ", isolated(text), "  (", isolated(text), ")")), width)
    rows = shown.splitlines()
    assert all(balanced(row) for row in rows)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", shown)
    visible = "".join(c for c in shown if not c.isspace() and c not in (LRI, PDI))
    wanted = "".join(c for c in expected_one_line(text) if not c.isspace()) or "—"
    assert visible == f"id{wanted}({wanted})"  # every character, in order, nothing else


@settings(max_examples=200, deadline=None)
@given(st.one_of(hostile, markup))
def test_safe_paragraphs_keep_their_lines(text: str) -> None:
    shown = render(Wrapped(paragraphs(text)))
    expected = clean(text, lines=True)
    assert "\r" not in shown and "\x1b" not in shown
    if expected:
        rows = shown.replace(LRI, "").replace(PDI, "")[:-1].split("\n")
        assert rows == [expand_tabs(row) for row in expected.split("\n")]


@pytest.mark.parametrize(
    "text",
    [
        "x [/] y",
        "[/bold]",
        "[link=http://evil.example]click[/link]",
        "[video] Obama [i]live[/i]",
        "[/x].txt",
        ":smile: \\[escaped]",
    ],
)
def test_safe_markup_is_shown_literally(text: str) -> None:
    assert render(Wrapped(isolated(text))) == f"{LRI}{text}{PDI}\n"
    out = StringIO()
    Console(file=out, width=100, force_terminal=True).print(Wrapped(isolated(text, "bold")))
    assert "\x1b]8;" not in out.getvalue()  # no live link, whatever the terminal


def test_safe_escape_sequences_cannot_reach_the_terminal() -> None:
    assert clean("\x1b[2Jtitle\x9b31m\x07") == "[2Jtitle31m"
    assert clean("a\r\nb", lines=True) == "a\nb" and clean("a\r\nb") == "a  b"
    assert clean("\u202eevil\u2069") == "evil"  # no override, no stray end of our isolate
    assert clean("\ud800x") == "\ufffdx"


def test_safe_long_title_wraps_one_isolate_a_line() -> None:
    title = "العراق يعلن بدء المفاوضات الاستراتيجية مع الولايات المتحدة"
    shown = render(Wrapped(line("a1b2  ", isolated(title), "  (", isolated("سبوتنيك"), ")")), 24)
    rows = shown.splitlines()
    assert len(rows) > 2 and all(balanced(row) for row in rows)
    assert all(len(row) - row.count(LRI) - row.count(PDI) <= 24 for row in rows)
    words = shown.replace(LRI, "").replace(PDI, "").split()
    assert words == ["a1b2", *title.split(), "(سبوتنيك)"]  # no word broken, none lost
