"""The library entry point: ``Marsad(path).ingest(paths)`` and the query methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import Marsad
from marsad.errors import NotFoundError, StoreError


def test_app_ingest_seeds_and_query(tmp_path: Path, seeds: Path) -> None:
    with Marsad(tmp_path / "news.db") as m:
        report = m.ingest([seeds])
        assert (report.documents, report.articles, report.rejected) == (5, 6, [])
        hits = m.search('"الحوار الاستراتيجي"')
        assert hits and all("استراتيج" in h.snippet or "إستراتيج" in h.snippet for h in hits)
        first = m.articles()[0]
        assert m.article(first.id[:8]).id == first.id
        assert m.counts() == {"documents": 5, "pending": 0, "articles": 6, "rejections": 0}


def test_app_missing_article_and_empty_query(tmp_path: Path) -> None:
    with Marsad(tmp_path / "news.db") as m:
        with pytest.raises(NotFoundError, match="no article"):
            m.article("0000")
        assert m.search("،،، !!") == []


def test_app_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Marsad(bad)
