"""ReadOptions and --map parsing: bad options fail early, saying what is allowed."""

from __future__ import annotations

import pytest

from marsad.errors import InputError
from marsad.ingest import ReadOptions, parse_field_map


def test_ingest_options_parse_field_map() -> None:
    assert parse_field_map("title=headline,body=content") == {
        "title": "headline",
        "body": "content",
    }
    assert parse_field_map(" site_name = outlet , date=pub ") == {
        "source": "outlet",
        "published": "pub",
    }
    assert parse_field_map("") == {}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("title", "target=field"),
        ("title=", "target=field"),
        ("=headline", "target=field"),
        ("colour=red", "unknown --map target"),
        ("title=a,title=b", "twice"),
    ],
)
def test_ingest_options_bad_field_map(spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_field_map(spec)


def test_ingest_options_format_aliases_and_validation() -> None:
    assert ReadOptions(format="rss").format == "feed"
    assert ReadOptions(format="JSONL").format == "jsonl"
    with pytest.raises(InputError, match="unknown input format 'pdf'"):
        ReadOptions(format="pdf")
    with pytest.raises(InputError, match="max_bytes"):
        ReadOptions(max_bytes=0)
    with pytest.raises(InputError, match="unknown --map target"):
        ReadOptions(field_map={"headline": "title"})
