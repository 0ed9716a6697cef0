"""Writes through the JSON API: articles and files go through ingest; tokens, sizes and bad
bodies are refused with a 4xx that says why, and nothing is stored from a refused request."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.app import Marsad
from marsad.config import load_settings
from marsad.web import create_app

ARTICLE = {
    "title": "العراق يعلن بدء المفاوضات مع الولايات المتحدة",
    "content": "أعلنت وزارة الخارجية العراقية اليوم بدء أولى جولات المفاوضات مع الولايات المتحدة "
    "بشأن العلاقة الاستراتيجية بين البلدين، في بيان نشرته على موقعها.",
    "url": "https://example.com/a1",
    "source": "example",
    "date": "2020-05-11",
}
Client = Callable[..., TestClient]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Client]:
    """A client for an app on a fresh database, with settings and host as asked."""
    db = tmp_path / "writes.db"
    Marsad(db).close()
    opened: list[TestClient] = []

    def make(host: str = "127.0.0.1", **settings: Any) -> TestClient:
        app = create_app(load_settings(db=str(db), **settings), host)
        client = TestClient(app, base_url=f"http://{host if host != '::1' else '[::1]'}")
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


def _stored(client: TestClient) -> int:
    return len(client.get("/api/articles").json()["items"])


def test_web_writes_post_one_article_and_a_batch(make_client: Client) -> None:
    client = make_client()
    one = client.post("/api/articles", json=ARTICLE)
    assert one.status_code == 200, one.text
    assert one.json()["articles"] == 1 and one.json()["rejected"] == []
    assert one.json()["events"]["mode"]
    batch = [
        dict(ARTICLE, url=f"https://example.com/b{i}", title=f"{ARTICLE['title']} {i}")
        for i in range(2)
    ]
    assert client.post("/api/articles", json=batch).json()["articles"] == 2
    assert _stored(client) == 3
    assert client.get("/api/events").json()["items"]


def test_web_writes_post_a_file(make_client: Client) -> None:
    client = make_client()
    lines = "\n".join(
        json.dumps(dict(ARTICLE, url=f"https://e.com/{i}"), ensure_ascii=False) for i in range(2)
    )
    binary = {"content-type": "application/octet-stream"}
    got = client.post("/api/ingest?filename=news.jsonl", content=lines.encode(), headers=binary)
    assert got.status_code == 200, got.text
    assert got.json()["articles"] >= 1
    assert "db" not in got.json()  # no server path in the answer
    bad_names = ("../x.jsonl", "x.jsonl%00.html", "news.<script>")
    for name in bad_names:
        got = client.post(f"/api/ingest?filename={name}", content=b"{}", headers=binary)
        assert got.status_code == 422, name
    assert client.post("/api/ingest", content=b"{}", headers=binary).status_code == 422


def test_web_writes_refuse_what_another_site_could_send(make_client: Client) -> None:
    client = make_client()
    as_text = client.post(
        "/api/articles", content=json.dumps(ARTICLE), headers={"content-type": "text/plain"}
    )
    assert as_text.status_code == 415
    form = client.post(
        "/api/ingest?filename=a.jsonl",
        content=b"x=1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 415
    elsewhere = client.post(
        "/api/articles", json=ARTICLE, headers={"origin": "https://evil.example"}
    )
    assert elsewhere.status_code == 403
    assert _stored(client) == 0


def test_web_writes_bad_bodies_are_4xx_and_store_nothing(make_client: Client) -> None:
    client = make_client()
    cases = {
        b"{not json": 400,
        b"42": 422,
        b"[]": 422,
        b'["text"]': 422,
    }
    for body, status in cases.items():
        got = client.post(
            "/api/articles", content=body, headers={"content-type": "application/json"}
        )
        assert got.status_code == status, (body, got.text)
        assert got.json()["error"]
    empty = client.post("/api/articles", json={"title": "بلا نص", "content": ""})
    assert empty.status_code == 422
    assert empty.json()["rejected"][0]["reason"]
    assert _stored(client) == 0
    with Marsad(client.app.state.settings.db) as marsad:
        assert marsad.rejected()  # the refused record is recorded with its reason


def test_web_writes_oversized_bodies_are_413(make_client: Client) -> None:
    client = make_client(max_upload_bytes=200)
    got = client.post("/api/articles", json=ARTICLE)
    assert got.status_code == 413
    assert "200" in got.json()["error"]
    assert _stored(client) == 0


def test_web_writes_need_the_token_when_one_is_set(make_client: Client) -> None:
    client = make_client(api_token="s3cret")
    refused = client.post("/api/articles", json=ARTICLE)
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert _stored(client) == 0
    right = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer s3cret"})
    assert right.status_code == 200
    assert client.get("/api/articles").status_code == 200  # reads need no token


def test_web_writes_beyond_loopback_need_a_token(make_client: Client) -> None:
    client = make_client(host="0.0.0.0")
    got = client.post("/api/articles", json=ARTICLE)
    assert got.status_code == 403
    assert "MARSAD_API_TOKEN" in got.json()["error"]
    assert _stored(client) == 0


def test_web_writes_show_on_the_front_page_at_once(make_client: Client) -> None:
    client = make_client()
    assert "0 تقرير ·" in client.get("/").text  # kept for this version of the store
    assert client.post("/api/articles", json=ARTICLE).status_code == 200
    front = client.get("/").text
    assert "1 تقرير ·" in front
    assert "العراق يعلن بدء المفاوضات" in front


def test_web_loopback_server_answers_only_loopback_names(make_client: Client) -> None:
    client = make_client()
    # DNS rebinding: another site's name pointed at 127.0.0.1, its page posting to it
    rebound = {"Host": "attacker.example:8000", "Origin": "http://attacker.example:8000"}
    answer = client.post("/api/articles", json={"title": "t", "text": "x"}, headers=rebound)
    assert answer.status_code == 400 and "localhost" in answer.json()["error"]
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert _stored(client) == 0
    for name in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
        assert client.get("/api/stories", headers={"Host": name}).status_code == 200, name
    assert client.get("/api/stories", headers={"Host": "[::1"}).status_code == 400


def test_web_server_beyond_loopback_answers_any_name(make_client: Client) -> None:
    client = make_client(host="0.0.0.0", api_token="s3cret")
    assert client.get("/api/stories", headers={"Host": "news.example.org"}).status_code == 200


def test_web_writes_json_nested_too_deeply_is_a_400(make_client: Client) -> None:
    client = make_client()
    deep = b"[" * 100_000 + b"]" * 100_000
    got = client.post("/api/articles", content=deep, headers={"Content-Type": "application/json"})
    assert got.status_code == 400 and "nested too deeply" in got.json()["error"]
    assert _stored(client) == 0
