"""A storyline as an Atom feed (read back with feedparser) and as CSV and JSON exports."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
from fastapi.testclient import TestClient

from marsad.config import load_settings
from marsad.web import create_app


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
    assert all(e.updated_parsed and e.updated_parsed.tm_year >= 2000 for e in feed.entries)
    assert [e.id for e in feed.entries] == [f"urn:marsad:event:{i}" for i in story["event_ids"]]


def test_web_atom_ids_do_not_follow_the_host_and_links_take_the_public_url(
    web_db: Path,
) -> None:
    apps = [create_app(load_settings(db=str(web_db))) for _ in range(2)]
    apps.append(create_app(load_settings(db=str(web_db), public_url="https://news.example.org")))
    feeds = []
    for app, host in zip(apps, ("127.0.0.1", "localhost", "127.0.0.1"), strict=True):
        with TestClient(app, base_url=f"http://{host}") as client:
            story = _story(client)
            feeds.append(feedparser.parse(client.get(f"/stories/{story['id']}.atom").content))
    ids = [[e.id for e in feed.entries] for feed in feeds]
    assert ids[0] == ids[1] == ids[2] and feeds[0].feed.id == feeds[1].feed.id
    assert all(e.link.startswith("https://news.example.org/events/") for e in feeds[2].entries)
    assert feeds[1].entries[0].link.startswith("http://localhost/events/")


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
