"""A page of articles is read by its key (``Store.article_page``): the pages, walked to the
end, are every article that passes the filters, newest first, each once."""

from __future__ import annotations

import json
from pathlib import Path

from marsad import Marsad
from marsad.models import Article
from marsad.store.records import ArticleFilters, EventFilters

WORDS = "قالت الحكومة إن الاجتماع بحث التعاون الاقتصادي بين البلدين وسبل تطويره في المرحلة المقبلة"


def records() -> list[dict[str, str]]:
    found = []
    for k in range(23):
        record = {
            "title": f"خبر رقم {k}",
            "text": f"{WORDS} {k} " + " ".join(f"كلمة{k}{j}" for j in range(40)),
            "url": f"https://news{k % 3}.example/{k}",
            "source": f"outlet{k % 3}",
        }
        if k % 4:  # some only crawled, some with a year or a month alone
            record["published"] = [f"2015-08-0{1 + k % 9}", "2015", "2015-07"][k % 3]
        else:
            record["date_extracted"] = f"2015-08-0{1 + k % 5} 10:00:00"
        found.append(record)
    found.append({"title": "News in English", "text": "The minister met the delegation. " * 20})
    return found


def day(a: Article) -> str:
    return a.published.value or a.crawled or ""


def walk(marsad: Marsad, filters: ArticleFilters, size: int) -> list[str]:
    seen: list[str] = []
    after: tuple[str, str] | None = None
    while page := marsad.article_page(size, after, filters):
        seen += [a.id for a in page]
        after = (day(page[-1]), page[-1].id)
    return seen


def test_article_pages_are_the_filtered_articles_newest_first(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records()) + "\n")
    with Marsad(tmp_path / "m.db") as marsad:
        marsad.ingest([source])
        everything = marsad.articles()
        assert len(everything) == 24
        for filters in (
            ArticleFilters(),
            ArticleFilters(since="2015-08-03"),
            ArticleFilters(until="2015-08-02"),
            ArticleFilters(since="2015-07-15", until="2015-08-04", outlet="outlet1"),
            ArticleFilters(lang="en"),
        ):
            kept = [
                a
                for a in everything
                if (filters.lang is None or a.lang == filters.lang)
                and (filters.outlet is None or filters.outlet in (a.outlet, a.source))
                and (
                    filters.since is None
                    or (day(a) and day(a)[:10] >= filters.since[: len(day(a))])
                )
                and (
                    filters.until is None
                    or (day(a) and day(a)[:10] <= filters.until[: len(day(a))])
                )
            ]
            expected = [a.id for a in sorted(kept, key=lambda a: (day(a), a.id), reverse=True)]
            assert expected, filters
            for size in (1, 5, 50):
                assert walk(marsad, filters, size) == expected, (filters, size)


def test_pages_are_read_from_their_place_in_an_index(tmp_path: Path) -> None:
    """No list of the API sorts its table at every request: each page's query seeks an index
    on its key (a late page costs what an early one does)."""
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records()) + "\n")
    with Marsad(tmp_path / "m.db") as marsad:
        marsad.ingest([source])
        marsad.update_events()
        db = marsad.store.db
        trace: list[str] = []
        db.set_trace_callback(trace.append)
        for filters in (
            ArticleFilters(),
            ArticleFilters(lang="ar", since="2015-08-02"),
            ArticleFilters(outlet="outlet1"),
        ):
            marsad.article_page(5, ("2015-08-05", "z"), filters)
        marsad.event_page(5, ("2015-08-01", "a"), EventFilters(since="2015-07-01"))
        marsad.recent_storylines(5, ("2015-08-05", "z"))
        db.set_trace_callback(None)
        queries = [sql for sql in trace if sql.startswith("SELECT") and "ORDER BY" in sql]
        assert len(queries) == 5
        for sql in queries:
            plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql))
            assert "TEMP B-TREE" not in plan and "SEARCH" in plan, (sql, plan)
