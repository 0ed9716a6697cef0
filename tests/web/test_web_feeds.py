"""A storyline as an Atom feed (read back with feedparser) and as CSV and JSON exports."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import feedparser
from fastapi.testclient import TestClient


def _story(client: TestClient) -> dict[str, object]:
    stories = client.get("/api/stories").json()["items"]
    return dict(max(stories, key=lambda s: s["event_count"]))


def test_web_atom_feed_is_valid_and_lists_the_events(client: TestClient) -> None:
    story = _story(client)
    got = client.get(f"/stories/{story['id']}.atom")
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/atom+xml")
    ET.fromstring(got.content)  # well-formed XML
    feed = feedparser.parse(got.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == story["title"]
    assert [e.link.rsplit("/", 1)[1] for e in feed.entries] == story["event_ids"]
    assert all(e.updated_parsed for e in feed.entries)


def test_web_exports_csv_and_json(client: TestClient) -> None:
    story = _story(client)
    data = client.get(f"/stories/{story['id']}.json")
    assert data.headers["content-disposition"].startswith("attachment")
    assert [e["id"] for e in data.json()["events"]] == story["event_ids"]
    table = client.get(f"/stories/{story['id']}.csv")
    rows = list(csv.DictReader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert len(rows) == story["report_count"]
    assert {r["event_id"] for r in rows} == set(story["event_ids"])
    assert client.get("/stories/nope.atom").status_code == 404
