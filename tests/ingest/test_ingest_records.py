"""JSON arrays, JSON Lines and CSV: records with default or --map field mappings."""

from __future__ import annotations

import csv
import io
import json

from marsad.ingest import ReadOptions, extract, parse_field_map, read_bytes
from marsad.models import Extracted, RawDocument, Rejection, RejectReason
from tests.ingest.samples import ARTICLE, PARAGRAPHS, TITLE, saudinewsnet_record


def _items(data: bytes, name: str, options: ReadOptions | None = None) -> list[object]:
    return list(read_bytes(data, name, options or ReadOptions()))


def test_ingest_records_json_array_default_mapping() -> None:
    records = [saudinewsnet_record(0), saudinewsnet_record(1, content="")]
    items = _items(json.dumps(records, ensure_ascii=False).encode(), "day.json")
    doc, rejection = items
    assert isinstance(doc, RawDocument) and isinstance(rejection, Rejection)
    assert (doc.kind, doc.origin, doc.source) == ("record", "day.json#0", "aawsat")
    assert json.loads(doc.data) == records[0]
    assert (
        doc.data
        == json.dumps(
            records[0], ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode()
    )
    assert doc.meta == {
        "title": f"{TITLE} (0)",
        "url": "http://aawsat.com/home/article/410826",
        "crawled": "2015-07-21T02:51:32",
        "author": "لندن: رنيم حنوش",
        "site_name": "aawsat",
        "body_field": "content",
        "body_format": "text",
    }
    assert (rejection.origin, rejection.reason) == ("day.json#1", RejectReason.EMPTY)
    assert rejection.detail == "record 1 has an empty 'content' field"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    assert extracted.text == ARTICLE
    assert (extracted.site_name, extracted.crawled) == ("aawsat", "2015-07-21T02:51:32")
    assert extracted.needs_cleaning is True


def test_ingest_records_user_source_wins_over_record_source() -> None:
    data = json.dumps([saudinewsnet_record(0)]).encode()
    (doc,) = _items(data, "day.json", ReadOptions(source="mine"))
    assert isinstance(doc, RawDocument)
    assert doc.source == "mine"
    assert doc.meta["site_name"] == "aawsat"


def test_ingest_records_jsonl_with_map_and_a_bad_line() -> None:
    lines = [
        json.dumps(
            {
                "headline": TITLE,
                "story": f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>",
                "when": "11/05/2020",
                "lang": "ar",
            },
            ensure_ascii=False,
        ),
        "{not json",
        "",
        json.dumps({"headline": "ثان", "story": PARAGRAPHS[2]}, ensure_ascii=False),
    ]
    options = ReadOptions(field_map=parse_field_map("title=headline,body=story,published=when"))
    items = _items("\n".join(lines).encode(), "feed.jsonl", options)
    assert [type(item) for item in items] == [RawDocument, Rejection, RawDocument]
    first, bad, last = items
    assert isinstance(first, RawDocument) and isinstance(bad, Rejection)
    assert isinstance(last, RawDocument)
    assert [first.origin, bad.origin, last.origin] == [
        "feed.jsonl#0",
        "feed.jsonl#1",
        "feed.jsonl#2",
    ]
    assert bad.reason is RejectReason.UNPARSEABLE and "line 2" in bad.detail
    assert first.meta["published"] == "2020-05-11"
    assert first.meta["body_format"] == "html"
    assert first.meta["lang"] == "ar"
    extracted = extract(first)
    assert isinstance(extracted, Extracted)
    assert extracted.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    assert (extracted.title, extracted.lang) == (TITLE, "ar")


def test_ingest_records_mapped_body_missing_is_empty() -> None:
    data = json.dumps({"title": TITLE, "content": ARTICLE}, ensure_ascii=False).encode()
    (rejection,) = _items(data, "one.json", ReadOptions(field_map={"body": "story"}))
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("one.json", RejectReason.EMPTY)
    assert "--map body=story" in rejection.detail


def test_ingest_records_single_object_and_wrapped_array() -> None:
    record = {"title": TITLE, "body": ARTICLE}
    (single,) = _items(json.dumps(record).encode(), "one.json")
    assert isinstance(single, RawDocument) and single.origin == "one.json"
    wrapped = _items(json.dumps({"status": "ok", "articles": [record, record]}).encode(), "w.json")
    assert [item.origin for item in wrapped if isinstance(item, RawDocument)] == [
        "w.json#0",
        "w.json#1",
    ]


def test_ingest_records_broken_json_array_keeps_the_records_before_the_break() -> None:
    """A JSON array is read as a stream: the records before the break are read, the broken
    one is rejected, saying which it is."""
    good, rejection = _items(b'[{"title": "x", "content": "y"}, {"title": ', "bad.json")
    assert isinstance(good, RawDocument) and good.origin == "bad.json#0"
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("bad.json#1", RejectReason.UNPARSEABLE)
    assert rejection.detail.startswith("record 1 is not valid JSON")


def test_ingest_records_broken_json_object_is_one_rejection() -> None:
    (rejection,) = _items(b'{"articles": [{"title": "x", "content": "y"}, {"title": ', "bad.json")
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("bad.json", RejectReason.UNPARSEABLE)
    assert rejection.detail.startswith("not valid JSON")


def test_ingest_records_non_object_items_are_rejected_one_by_one() -> None:
    items = _items(json.dumps([{"content": ARTICLE}, "stray string", 42]).encode(), "mixed.json")
    assert [type(item) for item in items] == [RawDocument, Rejection, Rejection]
    assert isinstance(items[1], Rejection) and "is a str" in items[1].detail


def test_ingest_records_jsonl_saved_as_json_is_read_as_lines() -> None:
    data = b'{"content": "first"}\n{"content": "second"}\n'
    items = _items(data, "lines.json")
    assert [item.origin for item in items if isinstance(item, RawDocument)] == [
        "lines.json#0",
        "lines.json#1",
    ]


def _csv(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_ingest_records_csv_with_map_and_multiline_cells() -> None:
    rows = [
        {"id": "1", "headline": TITLE, "content": ARTICLE, "pub": "2020-05-11 18:30"},
        {"id": "2", "headline": "فارغ", "content": "", "pub": ""},
    ]
    options = ReadOptions(field_map=parse_field_map("title=headline,published=pub"))
    doc, rejection = _items(_csv(rows), "export.csv", options)
    assert isinstance(doc, RawDocument) and isinstance(rejection, Rejection)
    assert doc.origin == "export.csv#0"
    assert doc.meta["published"] == "2020-05-11T18:30:00"
    assert json.loads(doc.data)["id"] == "1"
    extracted = extract(doc)
    assert isinstance(extracted, Extracted) and extracted.text == ARTICLE
    last_line = 2 + ARTICLE.count("\n") + 1  # the header, the first row's lines, then this
    assert (rejection.origin, rejection.detail) == (
        "export.csv#1",
        f"row 2 (line {last_line}) has an empty 'content' field",
    )


def test_ingest_records_csv_quote_never_closed_is_said_not_swallowed() -> None:
    data = f'title,body\nأول,"{ARTICLE}"\nثان,"نص بلا علامة إغلاق\nوسطر بعده\n'.encode()
    doc, rejection = _items(data, "bad.csv")
    assert isinstance(doc, RawDocument) and isinstance(rejection, Rejection)
    line = 3 + ARTICLE.count("\n")
    assert (
        rejection.reason is RejectReason.UNPARSEABLE and rejection.origin == f"bad.csv#line{line}"
    )
    assert "opens a quote that is never closed" in rejection.detail


def test_ingest_records_tsv_and_semicolon_csv() -> None:
    rows = [{"title": TITLE, "text": "نص الخبر، مع فاصلة; وفاصلة منقوطة"}]
    (tsv,) = _items(_csv(rows, "\t"), "export.tsv")
    (semi,) = _items(_csv(rows, ";"), "export.csv")
    for doc in (tsv, semi):
        assert isinstance(doc, RawDocument)
        assert doc.meta["title"] == TITLE


def test_ingest_records_csv_without_rows_or_header() -> None:
    assert _items(b"title,content\n", "head.csv") == []
    (rejection,) = _items(b"\n\n", "blank.csv")
    assert isinstance(rejection, Rejection) and rejection.reason is RejectReason.EMPTY


def test_ingest_records_record_over_max_bytes() -> None:
    data = json.dumps([{"content": ARTICLE}, {"content": "قصير"}]).encode()
    big, small = _items(data, "two.json", ReadOptions(max_bytes=200))
    assert isinstance(big, Rejection) and big.reason is RejectReason.TOO_LARGE
    assert isinstance(small, RawDocument)


def test_ingest_records_a_text_that_names_tags_is_text_not_html() -> None:
    body = (
        "يكتب المبرمجون الوسم <p> في بداية الفقرة والوسم <script> لتضمين الشيفرة.\n"
        "وقالت الوزارة إن النسبة <5% في المدن.\n" + ARTICLE
    )
    (doc,) = _items(json.dumps({"title": "وسوم", "body": body}).encode(), "t.jsonl")
    assert isinstance(doc, RawDocument) and doc.meta["body_format"] == "text"
    found = extract(doc)
    assert isinstance(found, Extracted) and found.text.endswith(ARTICLE.strip()[-40:])
    assert "<script>" in found.text


def test_ingest_records_an_unclosed_script_in_html_does_not_swallow_the_rest() -> None:
    body = "<p>والوسم <script> لتضمين الشيفرة</p><p>" + PARAGRAPHS[1] + "</p>"
    (doc,) = _items(json.dumps({"title": "وسوم", "body": body}).encode(), "t.jsonl")
    found = extract(doc)
    assert isinstance(found, Extracted) and doc.meta["body_format"] == "html"
    assert PARAGRAPHS[1] in found.text and "<script>" in found.text
    assert "the 'body' field was read as HTML: its markup was removed" in found.notes


def test_ingest_records_escape_sequences_in_an_html_body_go_whole_and_are_noted() -> None:
    body = "<p>\x1b[31mأحمر\x1b[0m \x1b]0;عنوان\x07 نص</p><p>" + PARAGRAPHS[0] + "</p>"
    (doc,) = _items(json.dumps({"title": "ألوان", "body": body}).encode(), "t.jsonl")
    found = extract(doc)
    assert isinstance(found, Extracted) and "[31m" not in found.text and "]0;" not in found.text
    assert found.text.startswith("أحمر نص")
    assert "3 control characters or terminal escape sequences removed from the text" in found.notes


def test_ingest_records_csv_quote_mark_inside_a_field_is_a_character() -> None:
    data = 'title,body\nأول,شاشة 55" بوصة للبيع\nثان,نص ثان\nثالث,نص ثالث\n'.encode()
    items = _items(data, "inch.csv")
    assert len(items) == 3 and all(isinstance(i, RawDocument) for i in items)


def test_ingest_records_html_without_closing_tags_is_still_html() -> None:
    from marsad.ingest.htmltext import looks_like_html

    assert looks_like_html("مقدمة الخبر<p>الفقرة الثانية<p>الثالثة")
    assert looks_like_html("خبر <script>alert(1)</script> ونص")
    assert looks_like_html('نص <span class="a">كلمة</span>')
    assert not looks_like_html("الوسم <p> يبدأ فقرة والوسم <script> يضمّن الشيفرة")
