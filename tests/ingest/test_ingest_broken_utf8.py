"""Broken UTF-8 is read as UTF-8 with only the broken bytes replaced, and the notes say so.

Issue 10, item 3. The generated inputs are real text with damage put in at known places, so each
test knows the exact text that must come out.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.ingest.encoding import decode, repair_utf8
from marsad.models import Extracted, RawDocument
from tests.conftest import SEEDS, require
from tests.ingest.samples import ARTICLE, PARAGRAPHS, TITLE, news_page, rss_feed

_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_WORDS = st.text(alphabet=_ARABIC + "ًٌٍَُِّْ", min_size=2, max_size=9)
_LINE = st.lists(_WORDS, min_size=6, max_size=20).map(" ".join)
_TEXT = st.lists(_LINE, min_size=3, max_size=12).map("\n".join)
_STRAY = st.sampled_from([b"\x80", b"\xbf", b"\xc3", b"\xd8", b"\xe2\x80", b"\xf0\x9f", b"\xff"])


def _insert(text: str, places: list[int], stray: bytes) -> tuple[bytes, str]:
    """``text`` as UTF-8 with ``stray`` put in before each character index in ``places``, and
    the text that must be read back: U+FFFD where each stray sequence went."""
    out, expected, last = b"", "", 0
    for place in sorted(set(places)):
        out += text[last:place].encode() + stray
        expected += text[last:place] + "\ufffd"
        last = place
    return out + text[last:].encode(), expected + text[last:]


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.lists(st.integers(0, 10_000), min_size=1, max_size=3), _STRAY)
def test_ingest_broken_utf8_a_few_stray_bytes_are_replaced_in_place(
    text: str, places: list[int], stray: bytes
) -> None:
    data, expected = _insert(text, [place % (len(text) + 1) for place in places], stray)
    found = decode(data)
    assert (found.text, found.encoding) == (expected, "utf-8")
    assert found.note is not None and "replaced with U+FFFD" in found.note


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(1, 3))
def test_ingest_broken_utf8_cut_inside_a_character_keeps_the_rest(text: str, cut: int) -> None:
    data = text.encode()
    data = data[: len(data) - cut]
    found = decode(data)
    assert found.encoding == "utf-8"
    expected = data.decode("utf-8", "ignore")
    assert found.text in (expected, expected + "\ufffd")
    assert found.text.startswith(text[: len(expected) - 1])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_LINE, st.booleans()), min_size=2, max_size=10))
def test_ingest_broken_utf8_mixed_with_windows_1256_lines_keeps_both(
    lines: list[tuple[str, bool]],
) -> None:
    lines = [(line, legacy) for line, legacy in lines]
    if all(legacy for _, legacy in lines) or not any(legacy for _, legacy in lines):
        lines[0] = (lines[0][0], False)
        lines.append((PARAGRAPHS[0], True))
    data = b"\n".join(line.encode("cp1256" if legacy else "utf-8") for line, legacy in lines)
    found = decode(data)
    assert found.text == "\n".join(line for line, _ in lines)
    assert found.note is not None and "read as windows-1256" in found.note


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_ingest_broken_utf8_windows_1256_is_still_windows_1256(text: str) -> None:
    found = decode(text.encode("cp1256"))
    assert (found.text, found.encoding, found.note) == (text, "cp1256", None)
    assert repair_utf8(text.encode("cp1256")) is None


def test_ingest_broken_utf8_cut_seed_reads_as_utf8_with_its_title() -> None:
    seed = next(require(SEEDS).glob("001_*.txt"))
    data = seed.read_bytes()[:3002]  # head -c 3002: cut inside a character
    (doc,) = read_bytes(data, "cut.txt", ReadOptions())
    assert isinstance(doc, RawDocument) and doc.meta["encoding"] == "utf-8"
    assert "replaced with U+FFFD" in doc.meta["decoding"]
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text.startswith("العراق يعلن بدء المفاوضات")
    assert extracted.text.endswith("\ufffd")
    assert extracted.notes == (doc.meta["decoding"],)


def test_ingest_broken_utf8_late_nul_byte_does_not_stay_in_the_body() -> None:
    data = (ARTICLE * 10).encode() + b"\x00" + " نهاية الخبر".encode()
    (doc,) = read_bytes(data, "nul.txt", ReadOptions())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert "\x00" not in extracted.text
    assert extracted.text == ARTICLE * 10 + " نهاية الخبر"
    assert extracted.notes == (
        "1 control character or terminal escape sequence removed from the text",
    )


def test_ingest_broken_utf8_page_declaring_utf8_with_a_stray_byte_is_utf8() -> None:
    english = (
        '<html><head><meta charset="utf-8"><title>Talks</title></head><body><article>'
        + "".join(
            f"<p>The minister said \u201cthe talks will go on\u201d on Monday ({n}), and the"
            " delegations met again in the capital to discuss the schedule.</p>"
            for n in range(6)
        )
        + "</article></body></html>"
    ).encode()
    broken = english.replace(b"(3)", b"(3\xe9)")
    (doc,) = read_bytes(broken, "page.html", ReadOptions())
    assert isinstance(doc, RawDocument) and doc.meta["encoding"] == "utf-8"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert "\u201cthe talks will go on\u201d" in extracted.text
    assert "(3\ufffd)" in extracted.text
    assert any("replaced with U+FFFD" in note for note in extracted.notes)


def test_ingest_broken_utf8_arabic_page_with_one_stray_byte_is_not_rejected() -> None:
    page = news_page().encode()
    at = page.index(PARAGRAPHS[1][:10].encode())
    (doc,) = read_bytes(page[:at] + b"\xff" + page[at:], "page.html", ReadOptions())
    assert isinstance(doc, RawDocument) and doc.meta["encoding"] == "utf-8"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.title == TITLE
    assert "\ufffd" + PARAGRAPHS[1] in extracted.text


def test_ingest_broken_utf8_feed_with_a_stray_byte_keeps_its_arabic() -> None:
    feed = rss_feed()
    at = feed.index("خبر رقم 1".encode())
    items = list(read_bytes(feed[:at] + b"\xd8" + feed[at:], "feed.xml", ReadOptions()))
    assert len(items) == 3 and all(isinstance(item, RawDocument) for item in items)
    titles = [json.loads(item.data)["title"] for item in items if isinstance(item, RawDocument)]
    assert titles == ["خبر رقم 0", "\ufffdخبر رقم 1", "خبر رقم 2"]
    assert all("decoding" in item.meta for item in items if isinstance(item, RawDocument))


def test_ingest_broken_utf8_json_records_carry_the_note() -> None:
    records = json.dumps([{"title": TITLE, "content": ARTICLE}], ensure_ascii=False).encode()
    at = records.index(PARAGRAPHS[2][:8].encode())
    (doc,) = read_bytes(records[:at] + b"\xc3" + records[at:], "day.json", ReadOptions())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert "\ufffd" + PARAGRAPHS[2] in extracted.text
    assert len(extracted.notes) == 1 and "U+FFFD" in extracted.notes[0]
