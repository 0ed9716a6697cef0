"""A database with the seeds and one hostile article, organized, and a client for the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.app import Marsad
from marsad.config import load_settings
from marsad.web import create_app
from tests.conftest import SEEDS, require

HOSTILE_TITLE = "<script>alert(1)</script> عنوان \u202eexe.txt\u202c"
HOSTILE_SHOWN = "<script>alert(1)</script> عنوان exe.txt"
"""The title as the pages show it: its bidirectional override left out."""
HOSTILE_BODY = (
    '"><img src=x onerror=alert(1)> نص الخبر الأول عن المفاوضات في بغداد.\n\n'
    "<script>alert(1)</script> فقرة ثانية فيها كلمات كافية ليكون المقال مقالا كاملا يقرأ."
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and one hostile article, ingested and organized once for the session."""
    require(SEEDS)
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    hostile = folder / "hostile.txt"  # plain text keeps every character as written
    hostile.write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", encoding="utf-8")
    with Marsad(db) as marsad:
        marsad.ingest([SEEDS, hostile])
        marsad.update_events()
        marsad.update_entities()
    return db


def hostile_id(client: TestClient) -> str:
    """The id of the article whose title and body hold markup."""
    items = client.get("/api/articles?limit=200").json()["items"]
    return str(next(a["id"] for a in items if a["title"] == HOSTILE_TITLE))


@pytest.fixture
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(load_settings(db=str(web_db))), base_url="http://127.0.0.1"
    ) as found:
        yield found
