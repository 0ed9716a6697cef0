"""The JSON API on the seeds: every route, its shapes, pagination, filters and its 4xx."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli.main import cli
from marsad.web.paging import MAX_PAGE


def _all(client: TestClient, url: str, limit: int) -> list[dict[str, Any]]:
    """Every item of a list route, following ``next`` page by page."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(100):
        sep = "&" if "?" in url else "?"
        got = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else ""))
        assert got.status_code == 200, got.text
        body = got.json()
        assert isinstance(body["sort"], str)
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("pagination never ended")


def test_web_api_stories_hold_the_seed_storyline(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    story = max(stories, key=lambda s: s["event_count"])
    assert story["event_count"] == 4
    full = client.get(f"/api/stories/{story['id']}").json()
    assert [e["id"] for e in full["events"]] == story["event_ids"]
    assert all(e["reports"] for e in full["events"])


def test_web_api_pages_cover_every_item_once(client: TestClient) -> None:
    whole = client.get(f"/api/articles?limit={MAX_PAGE}").json()["items"]
    paged = _all(client, "/api/articles", 2)
    assert [a["id"] for a in paged] == [a["id"] for a in whole]
    assert len(whole) == 7  # six articles of the five seeds (002 carries a second) and one more
    days = [a["published"] or a["crawled"] or "" for a in whole]
    assert days == sorted(days, reverse=True)
    events = _all(client, "/api/events", 1)
    assert len({e["id"] for e in events}) == len(events) >= 5
    stories = client.get(f"/api/stories?limit={MAX_PAGE}").json()["items"]
    assert [s["id"] for s in _all(client, "/api/stories", 1)] == [s["id"] for s in stories]
    ends = [s["end"] or s["start"] or "" for s in stories]
    assert ends == sorted(ends, reverse=True)
    outlet = stories[0]["outlets"][0]
    named = _all(client, f"/api/stories?outlet={outlet}", 1)
    assert named and all(outlet in s["outlets"] for s in named)
    assert len(named) == sum(outlet in s["outlets"] for s in stories)


def test_web_api_filters_by_outlet_language_and_dates(client: TestClient) -> None:
    sputnik = client.get("/api/articles?outlet=Sputnik").json()["items"]
    assert [a["outlet"] for a in sputnik] == ["Sputnik"]
    assert client.get("/api/articles?lang=en").json()["items"] == []
    arabic = client.get("/api/articles?lang=ar").json()["items"]
    assert arabic and client.get("/api/articles?lang=AR").json()["items"] == arabic
    dated = client.get("/api/articles?since=2024-01-01&until=2024-01-31").json()["items"]
    assert dated and all("2024-01-01" <= a["published"] <= "2024-01-31" for a in dated)
    assert client.get("/api/articles?since=2030-01-01").json()["items"] == []
    story = client.get("/api/stories").json()["items"][0]
    only = client.get(f"/api/events?story={story['id']}").json()["items"]
    assert {e["id"] for e in only} == set(story["event_ids"])


def test_web_api_article_has_text_and_reuse_passages(client: TestClient) -> None:
    found = client.get("/api/search?q=الأمريكي").json()["items"]
    assert len(found) >= 2
    some = next(a for a in found if a["outlet"] == "Sputnik")
    article = client.get(f"/api/articles/{some['id']}").json()
    assert article["body"] and article["paragraphs"]
    passages = [p for link in article["reuse"] for p in link["passages"]]
    assert passages and all(p["a_end"] > p["a_start"] for p in passages)


def test_web_api_reuse_groups(client: TestClient) -> None:
    groups = _all(client, "/api/reuse", 1)
    assert groups and all(len(g["articles"]) >= 2 for g in groups)
    assert [g["group"] for g in groups] == list(range(1, len(groups) + 1))
    assert _all(client, "/api/reuse", 50) == groups  # the same kept groups, however paged
    of_kind = _all(client, "/api/reuse?kind=exact", 1)  # grouped again from those links
    assert of_kind == _all(client, "/api/reuse?kind=exact", 50)


def test_web_api_unknown_ids_are_404_with_a_json_error(client: TestClient) -> None:
    for url in (
        "/api/events/nope",
        "/api/stories/nope",
        "/api/articles/0123456789abcdef",
        "/api/entities/زيد بن حارثة",
    ):
        got = client.get(url)
        assert got.status_code == 404, url
        assert "error" in got.json() and ".db" not in got.json()["error"]  # no server path


def test_web_api_events_of_a_storyline_by_prefix_and_unknown_is_404(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]["id"]
    whole = client.get(f"/api/events?story={story}&limit=200").json()["items"]
    short = client.get(f"/api/events?story={story[:8]}&limit=200").json()["items"]
    assert whole and short == whole
    assert client.get("/api/events?story=szzzz").status_code == 404


def test_web_head_answers_as_get_without_a_body(client: TestClient) -> None:
    for url in ("/", "/api/stories", "/reuse", "/search?q=العراق"):
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code == 200, url
        assert head.content == b"" and head.headers["content-length"] == str(len(got.content))
        assert "content-security-policy" in head.headers
    refused = client.get("/api/ingest?filename=a.txt")
    assert refused.status_code == 405 and refused.headers["allow"] == "POST"


def test_web_api_bad_values_are_4xx_saying_what_was_wrong(client: TestClient) -> None:
    bad_day = client.get("/api/articles?since=2024-02-30")
    assert bad_day.status_code == 400
    assert "YYYY-MM-DD" in bad_day.json()["error"]
    assert client.get("/api/events?cursor=not-a-cursor!").status_code == 400
    too_many = client.get(f"/api/articles?limit={MAX_PAGE + 1}")
    assert too_many.status_code == 422
    assert "limit" in too_many.json()["error"]
    assert client.get("/api/search").status_code == 422  # q is required
    assert client.get("/api/reuse?kind=bogus").status_code == 422
    assert client.get("/api/entities?kind=PERSON").status_code == 422
    assert client.get("/api/articles/abc").status_code == 400  # too short to be an id prefix


def test_web_api_schema_lists_every_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/reuse",
        "/api/entities",
        "/api/entities/{ref}",
    } <= paths
    assert not any(p == "/" or p.startswith("/articles") for p in paths)  # pages stay out


def test_web_api_entities_by_events_paged_and_by_name(client: TestClient) -> None:
    first = client.get("/api/entities?limit=5").json()
    assert len(first["items"]) == 5 and first["next"]
    second = client.get(f"/api/entities?limit=5&cursor={first['next']}").json()
    listed = first["items"] + second["items"]
    assert len({e["id"] for e in listed}) == 10
    assert [e["events"] for e in listed] == sorted((e["events"] for e in listed), reverse=True)
    people = client.get("/api/entities?kind=PER&limit=100").json()["items"]
    assert people and {e["kind"] for e in people} == {"PER"}
    one = client.get("/api/entities/الكاظمي").json()
    assert one["name"] == "مصطفى الكاظمي" and one["event_list"]
    assert client.get(f"/api/entities/{one['id']}").json()["id"] == one["id"]


def test_web_api_event_pages_and_filters_match_the_whole_list(client: TestClient) -> None:
    whole = client.get(f"/api/events?limit={MAX_PAGE}").json()["items"]
    keys = [(e["date"] or e["first_seen"] or "", e["id"]) for e in whole]
    assert keys == sorted(keys) and len(whole) >= 5
    assert [e["id"] for e in _all(client, "/api/events", 1)] == [e["id"] for e in whole]
    outlet = whole[0]["outlets"][0]
    named = _all(client, f"/api/events?outlet={outlet}", 1)
    assert [e["id"] for e in named] == [e["id"] for e in whole if outlet in e["outlets"]]
    dated = sorted(k for k, _ in keys if k)
    day = dated[len(dated) // 2][:10]
    since = _all(client, f"/api/events?since={day}", 2)
    assert [e["id"] for e in since] == [
        e["id"] for (k, _), e in zip(keys, whole, strict=True) if k[:10] >= day
    ]
    until = _all(client, f"/api/events?until={day}", 2)
    assert [e["id"] for e in until] == [
        e["id"] for (k, _), e in zip(keys, whole, strict=True) if k and k[:10] <= day
    ]


def test_web_api_since_after_until_is_a_400(client: TestClient) -> None:
    for url in ("/api/articles", "/api/events", "/api/stories"):
        got = client.get(f"{url}?since=2021-01-02&until=2021-01-01")
        assert got.status_code == 400 and "is after until" in got.json()["error"], url
        assert client.get(f"{url}?since=2021-01-01&until=2021-01-01").status_code == 200


def test_web_api_event_and_story_are_what_the_cli_json_gives(
    client: TestClient, web_db: Path
) -> None:
    runner = CliRunner()
    story = client.get("/api/stories").json()["items"][0]["id"]
    shown = runner.invoke(cli, ["--db", str(web_db), "story", story, "--json"])
    api_story = client.get(f"/api/stories/{story}").json()
    assert api_story["digest"] == json.loads(shown.stdout)["digest"] and api_story["digest"]
    event = api_story["events"][0]["id"]
    shown = runner.invoke(cli, ["--db", str(web_db), "event", event, "--json"])
    assert client.get(f"/api/events/{event}").json() == json.loads(shown.stdout)


def test_web_api_quotes_are_the_cli_json_quotes_paged(client: TestClient, web_db: Path) -> None:
    shown = CliRunner().invoke(cli, ["--db", str(web_db), "quotes", "--json", "--limit", "9999"])
    every = json.loads(shown.stdout)
    walked: list[dict[str, Any]] = []
    cursor = ""
    while True:
        got = client.get(f"/api/quotes?limit=3{cursor}").json()
        walked += got["items"]
        if not got["next"]:
            break
        cursor = f"&cursor={got['next']}"
    assert every and walked == every
    speaker = every[0]["speaker_key"]
    one = client.get("/api/quotes", params={"entity": speaker, "limit": 200}).json()["items"]
    assert one and all(q in every for q in one)
    assert any(q["speaker_key"] == speaker for q in one) and len(one) < len(every)


def test_web_api_search_pages_by_cursor(client: TestClient) -> None:
    whole = client.get("/api/search", params={"q": "العراق", "limit": 200}).json()
    assert len(whole["items"]) > 2 and whole["next"] is None and not whole["capped"]
    walked: list[dict[str, Any]] = []
    params: dict[str, Any] = {"q": "العراق", "limit": 1}
    while True:
        got = client.get("/api/search", params=params).json()
        walked += got["items"]
        if not got["next"]:
            break
        params["cursor"] = got["next"]
    assert [h["id"] for h in walked] == [h["id"] for h in whole["items"]]
    assert client.get("/api/search", params={"q": "العراق", "cursor": "x"}).status_code == 400


def test_web_api_search_stops_at_its_cap_and_says_so(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("marsad.web.api.SEARCH_HITS", 2)
    got = client.get("/api/search", params={"q": "العراق", "limit": 3}).json()
    assert len(got["items"]) == 2 and got["next"] is None and got["capped"] is True
    one = client.get("/api/search", params={"q": "العراق", "limit": 1}).json()
    last = client.get("/api/search", params={"q": "العراق", "limit": 1, "cursor": one["next"]})
    assert last.json()["next"] is None and last.json()["capped"] is True


def test_api_docs_pages_name_only_this_servers_files(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404  # it would fetch its logo from its maker
    for path, asset in (("/docs", "swagger-ui-bundle.js"),):
        page = client.get(path)
        assert page.status_code == 200
        assert "https://" not in page.text and "http://" not in page.text
        assert f'src="/static/docs/{asset}"' in page.text
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "https:" not in policy
        served = client.get(f"/static/docs/{asset}")
        assert served.status_code == 200 and len(served.content) > 100_000
    assert "script-src" not in client.get("/").headers["content-security-policy"]


def test_web_api_position_cursors_not_written_by_the_server_are_400(client: TestClient) -> None:
    from marsad.web.paging import encoded

    for value in ("9" * 20, "²", "٣", "-1", "", "1" * 10):
        cursor = encoded((value,))
        for url in ("/api/reuse", "/api/quotes", "/api/search?q=العراق"):
            sep = "&" if "?" in url else "?"
            got = client.get(f"{url}{sep}cursor={cursor}")
            assert got.status_code == 400, (url, value)
            assert "cursor" in got.json()["error"]


def test_web_api_reuse_pages_of_many_groups_are_the_cli_listing(tmp_path: Path) -> None:
    from marsad import Marsad
    from marsad.config import Settings, load_settings
    from marsad.shapes import group_dict
    from marsad.web import create_app
    from tests.engine.test_engine_reuse_blocks import _store
    from tests.engine.test_engine_reuse_groups import _records

    db = _store(tmp_path / "g.db", _records())
    with Marsad(db, Settings(workers=1)) as m:
        m.update_reuse()
        listing = [group_dict(n, g) for n, g in enumerate(m.reuse_groups(), 1)]
        exact = [group_dict(n, g) for n, g in enumerate(m.reuse_groups("exact"), 1)]
    assert len(listing) == 12 and any(g["related_groups"] for g in listing)
    app = create_app(load_settings(db=str(db)))
    with TestClient(app, base_url="http://127.0.0.1") as local:
        for size in (1, 5, 12):
            shown = json.loads(json.dumps(_all(local, "/api/reuse", size)))
            assert shown == json.loads(json.dumps(listing)), size
            assert _all(local, "/api/reuse?kind=exact", size) == json.loads(json.dumps(exact))


def test_web_api_lists_filtered_by_an_entity_are_its_events_stories_and_articles(
    client: TestClient, web_db: Path
) -> None:
    from marsad import Marsad

    profile = client.get("/api/entities/الكاظمي").json()
    events = {e["id"] for e in profile["event_list"]}
    lines = {s["id"] for s in profile["storylines"]}
    with Marsad(web_db) as m:
        naming = {x.article_id for x in m.store.entities.mentions(profile["id"])}
    everything = {a["id"] for a in _all(client, "/api/articles", 200)}
    assert events and lines and naming and naming < everything
    for ref in (profile["id"], "مصطفى الكاظمي"):  # by id or by name
        quoted = urllib.parse.quote(ref)
        assert {e["id"] for e in _all(client, f"/api/events?entity={quoted}", 1)} == events
        assert {s["id"] for s in _all(client, f"/api/stories?entity={quoted}", 1)} == lines
        assert {a["id"] for a in _all(client, f"/api/articles?entity={quoted}", 1)} == naming
    for url in ("/api/events", "/api/stories", "/api/articles"):
        unknown = client.get(f"{url}?entity=" + urllib.parse.quote("زيد بن حارثة"))
        assert unknown.status_code == 404 and "entity" in unknown.json()["error"]
