"""``cli.tables``: a table fits the width it is given, keeps titles readable, drops optional
columns first and never breaks a word across lines."""

from __future__ import annotations

from io import StringIO

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from marsad.cli.render import ARTICLE_COLUMNS
from marsad.cli.safe import LRI, PDI, isolated, plain
from marsad.cli.tables import fitted_table, fitted_widths

COLUMNS = ARTICLE_COLUMNS  # id, date, outlet, lang, words, title


def render(table: object, width: int) -> list[str]:
    out = StringIO()
    Console(file=out, width=width, color_system=None).print(table)
    return [row.replace(LRI, "").replace(PDI, "") for row in out.getvalue().splitlines()]


arabic_word = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=12)
title = st.lists(arabic_word, min_size=1, max_size=25).map(" ".join)
row = st.tuples(
    st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
    st.sampled_from(["—", "2024-01-26 (text)", "2015-07-21 (metadata)"]),
    st.lists(arabic_word, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["ar", "en", "und"]),
    st.integers(min_value=0, max_value=99_999).map(str),
    title,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(row, min_size=1, max_size=6), st.integers(min_value=60, max_value=200))
def test_tables_fit_the_width_and_break_no_word(rows: list[tuple[str, ...]], width: int) -> None:
    cells = [
        [plain(r[0]), plain(r[1]), isolated(r[2]), plain(r[3]), plain(r[4]), isolated(r[5])]
        for r in rows
    ]
    shown = render(fitted_table(COLUMNS, cells, width), width)
    assert all(cell_len(x) <= width for x in shown)
    words = {w for r in rows for w in (*r[2].split(), *r[5].split())}
    for x in shown:
        for cell in x.split("│")[1:-1]:
            assert all(w in words or not w[0].isalpha() or w.isascii() for w in cell.split())
    widths = fitted_widths(COLUMNS, cells, width)
    if width >= 80:
        assert widths[-1] >= min(20, max(len(r[5]) for r in rows))  # a readable title


def test_tables_drop_optional_columns_first_at_80() -> None:
    cells = [
        [
            plain("e216879034ec9326"),
            plain("2024-01-26 (text)"),
            isolated("الوطن"),
            plain("ar"),
            plain("585"),
            isolated("تلقى ترحيباً روسياً بتشكيل الحكومة " * 3),
        ]
    ]
    at_80 = render(fitted_table(COLUMNS, cells, 80), 80)
    assert "words" not in at_80[1] and "lang" not in at_80[1] and "title" in at_80[1]
    at_120 = render(fitted_table(COLUMNS, cells, 120), 120)
    assert all(name in at_120[1] for name in ("id", "date", "outlet", "lang", "words", "title"))
    assert "e216879034ec9326" in at_80[3]  # the whole id while it fits
    at_50 = render(fitted_table(COLUMNS, cells, 50), 50)
    assert all(cell_len(x) <= 50 for x in at_50)  # cramped, but within the width
