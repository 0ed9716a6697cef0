"""Property tests: no input, however malformed, makes a reader or an extractor raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.ingest.options import FORMATS
from marsad.models import RawDocument, Rejection
from tests.ingest.samples import rss_feed, two_page_warc

_SEEDS = [
    b"",
    b"WARC/1.0\r\n",
    b'[{"content": "x"}]',
    b'{"content": 1}\n{"body": [1, "a"]}\n',
    b'title,content\n"a","b\n',
    b"<html><body><p>x</p></body></html>",
    b"<?xml version='1.0'?><rss><channel><item>",
    b"\xef\xbb\xbf\xd8\xae\xd8\xa8\xd8\xb1",
    b"\xff\xfe<\x00h\x00",
]
_DATA = st.one_of(
    st.binary(max_size=600),
    st.sampled_from(_SEEDS),
    st.builds(lambda seed, junk: seed + junk, st.sampled_from(_SEEDS), st.binary(max_size=80)),
    st.builds(lambda n: two_page_warc()[:n], st.integers(0, 9000)),
    st.builds(lambda n: rss_feed()[:n], st.integers(0, 2000)),
    st.text(max_size=300).map(str.encode),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA, st.sampled_from([None, *FORMATS]))
def test_ingest_properties_read_and_extract_never_raise(data: bytes, fmt: str | None) -> None:
    for item in read_bytes(data, "input", ReadOptions(format=fmt)):
        assert isinstance(item, RawDocument | Rejection)
        if isinstance(item, RawDocument):
            assert isinstance(item.meta, dict)
            assert all(isinstance(value, str) for value in item.meta.values())
            extract(item)


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=400),
    st.sampled_from(["text", "html", "record"]),
    st.dictionaries(
        st.sampled_from(["encoding", "body_field", "body_format", "url", "title"]),
        st.text(max_size=12),
    ),
)
def test_ingest_properties_extract_never_raises_on_arbitrary_documents(
    data: bytes, kind: str, meta: dict[str, str]
) -> None:
    doc = RawDocument(data, kind, "fuzz", None, meta)  # type: ignore[arg-type]
    extract(doc)
