"""Control characters and terminal escapes never get past ingest; the text around them stays.

Issue 10, item 2 (the ingest side): ``\\x1b[2J`` in a title must not clear the screen of whoever
lists the articles. Each test checks the exact text that is kept and the note that is recorded.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.ingest.sanitize import sanitize, strip_controls
from marsad.models import Extracted, RawDocument
from tests.ingest.samples import ARTICLE, PARAGRAPHS, TITLE

_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_ESCAPES = [
    "\x1b[2J",  # clear the screen
    "\x1b[31;1m",  # colour
    "\x1b[0m",
    "\x1b[?1049h",  # alternate screen
    "\x1b]0;pwned\x07",  # window title
    "\x1b]8;;http://evil.example\x1b\\",  # hyperlink
    "\x1bc",  # reset
    "\x1b(B",
    "\x9b2J",  # 8-bit CSI
    "\x07",
    "\x00",
    "\x08",
    "\x7f",
    "\x85\x8d",
]


@pytest.mark.parametrize("escape", _ESCAPES)
def test_ingest_controls_escape_sequences_are_removed_whole(escape: str) -> None:
    text, removed = strip_controls(f"عاجل{escape}: {TITLE}", one_line=True)
    assert text in (f"عاجل: {TITLE}", f"عاجل : {TITLE}")
    assert removed >= 1


def test_ingest_controls_line_breaks_become_newlines_not_glue() -> None:
    text, removed = strip_controls("سطر أول\rسطر ثان\x0bسطر ثالث\x0cرابع\x85خامس\r\nسادس")
    assert text == "سطر أول\nسطر ثان\nسطر ثالث\nرابع\nخامس\nسادس"
    assert removed == 0
    assert strip_controls("عنوان\r\nطويل\tجدا", one_line=True) == ("عنوان طويل جدا", 0)


def test_ingest_controls_text_without_controls_is_returned_unchanged() -> None:
    found = Extracted(text=ARTICLE, title=TITLE, url="https://x.example/a", published="2020-05-11")
    assert sanitize(found) is found


_PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)
_CONTROL = st.one_of(
    st.sampled_from(_ESCAPES),
    st.characters(min_codepoint=0, max_codepoint=0x9F).filter(
        lambda char: not " " <= char <= "~" and char not in "\t\n\x1b\x9b"
    ),
)


def _kept(control: str) -> str:
    """What must be left of a control piece: a newline for a line break, else nothing."""
    if control.startswith(("\x1b", "\x9b")):
        return ""
    return "".join("\n" if char in "\r\x0b\x0c\x85" else "" for char in control)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PLAIN, _CONTROL), min_size=1, max_size=8), _PLAIN)
def test_ingest_controls_generated_text_keeps_every_other_character(
    pieces: list[tuple[str, str]], last: str
) -> None:
    text = "".join(plain + control for plain, control in pieces) + last
    cleaned, removed = strip_controls(text)
    assert cleaned == "".join(plain + _kept(control) for plain, control in pieces) + last
    assert _ANY_CONTROL.search(cleaned) is None
    assert removed == sum(_removed(control) for _, control in pieces)


def _removed(control: str) -> int:
    """How many removals ``strip_controls`` counts for a control piece."""
    if control.startswith(("\x1b", "\x9b")):
        return 1
    return sum(char not in "\r\x0b\x0c\x85" for char in control)


def test_ingest_controls_record_fields_are_cleaned_and_noted() -> None:
    record = {
        "title": f"\x1b[2J\x1b[31m{TITLE}\x1b[0m",
        "content": f"{PARAGRAPHS[0]}\x07\n\n{PARAGRAPHS[1]}\x00",
        "author": "سارة\x1b]0;x\x07 الكعبي",
        "source": "\x1b[5mوكالة\x1b[0m الأنباء",
        "lang": "ar\x1b[0m",
    }
    (doc,) = read_bytes(json.dumps(record).encode(), "r.json", ReadOptions())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.title == TITLE
    assert extracted.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert extracted.author == "سارة الكعبي"
    assert extracted.site_name == "وكالة الأنباء"
    assert extracted.lang == "ar"
    assert extracted.notes == (
        "2 control characters or terminal escape sequences removed from the text",
        "3 control characters or terminal escape sequences removed from the title",
        "1 control character or terminal escape sequence removed from the author",
        "2 control characters or terminal escape sequences removed from the outlet name",
    )


def test_ingest_controls_html_page_title_with_escapes_is_clean() -> None:
    page = (
        f"<html lang='ar'><head><meta charset='utf-8'><title>{TITLE}\x1b[2J</title></head>"
        f"<body><article><h1>{TITLE}\x1b[2J</h1>"
        + "".join(f"<p>{text}\x1b[31m</p>" for text in PARAGRAPHS)
        + "</article></body></html>"
    ).encode()
    (doc,) = read_bytes(page, "p.html", ReadOptions())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.title is not None and _ANY_CONTROL.search(extracted.title) is None
    assert _ANY_CONTROL.search(extracted.text) is None
    assert PARAGRAPHS[2] in extracted.text
