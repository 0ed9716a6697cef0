"""The pages on the seeds: they read right to left, link through, mark copies, and show
hostile article text as text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE_BODY, HOSTILE_TITLE, hostile_id


def _pages(client: TestClient) -> dict[str, str]:
    """Every page of the site with the seeds: front, storylines, events, articles, search,
    reuse."""
    urls = ["/", "/reuse", "/search?q=الأمريكي", "/search?q=alert", "/search?q=عنوان"]
    stories = client.get("/api/stories").json()["items"]
    urls += [f"/stories/{s['id']}" for s in stories]
    urls += [f"/stories/{s['id']}/report" for s in stories]
    urls += [f"/events/{e['id']}" for e in client.get("/api/events?limit=200").json()["items"]]
    urls += [f"/articles/{a['id']}" for a in client.get("/api/articles?limit=200").json()["items"]]
    found = {}
    for url in urls:
        got = client.get(url)
        assert got.status_code == 200, url
        assert got.headers["content-type"].startswith("text/html")
        assert "script-src" not in got.headers["content-security-policy"]
        assert got.headers["content-security-policy"].startswith("default-src 'none'")
        found[url] = got.text
    return found


def test_web_pages_read_right_to_left(client: TestClient) -> None:
    for url, html in _pages(client).items():
        assert '<html lang="ar" dir="rtl">' in html, url


def test_web_pages_front_links_to_the_storyline_and_its_four_events(client: TestClient) -> None:
    front = client.get("/").text
    sizes = client.get("/api/articles?limit=200").json()["items"]
    assert f"{len(sizes)} تقرير ·" in front  # how many articles the store holds
    story = max(client.get("/api/stories").json()["items"], key=lambda s: s["event_count"])
    assert f'href="/stories/{story["id"]}"' in front
    page = client.get(f"/stories/{story['id']}").text
    assert len(re.findall(r'<li class="event">', page)) == 4
    for event_id in story["event_ids"]:
        assert f'href="/events/{event_id}"' in page


def test_web_pages_event_of_the_copy_shows_original_and_copy(client: TestClient) -> None:
    events = client.get("/api/events?limit=200").json()["items"]
    pair = next(e for e in events if e["report_count"] == 2)
    page = client.get(f"/events/{pair['id']}").text
    assert page.count('class="original"') == 1
    assert page.count('class="copy"') == 1
    for article_id in pair["article_ids"]:
        article = client.get(f"/articles/{article_id}").text
        other = next(a for a in pair["article_ids"] if a != article_id)
        assert f'<a class="copied" href="/articles/{other}"' in article
        assert article.count("<mark>") >= 1


def test_web_pages_event_shows_summary_quotes_and_names(client: TestClient) -> None:
    events = client.get("/api/events?limit=200").json()["items"]
    call = next(e for e in events if "بايدن" in e["title"])
    page = client.get(f"/events/{call['id']}").text
    summary = page.split('<section class="summary">')[1].split("</section>")[0]
    assert summary.count("<li>") >= 3 and 'class="source" href="/articles/' in summary
    quotes = page.split('<section class="quotes">')[1].split("</section>")[0]
    assert "كيربي" in quotes and "نيد برايس" in quotes
    assert "مصطفى الكاظمي" in page.split('<section class="entities">')[1]
    story = client.get(f"/stories/{call['storyline']}").text
    assert story.count('<p class="line">') == len(
        client.get(f"/api/stories/{call['storyline']}").json()["events"]
    )


def test_web_pages_storyline_report_prints_events_with_sourced_summaries(
    client: TestClient,
) -> None:
    story = max(client.get("/api/stories").json()["items"], key=lambda s: s["event_count"])
    assert f'href="/stories/{story["id"]}/report"' in client.get(f"/stories/{story['id']}").text
    page = client.get(f"/stories/{story['id']}/report").text
    assert page.count('<section class="event">') == 4
    assert page.count('<ol class="summary">') == 4 and 'class="source"' in page
    assert "كيربي" in page and "@media print" not in page  # the print style is a file
    assert client.get("/static/report.css").text.count("@media print") == 1
    assert client.get("/stories/nope/report").status_code == 404


def test_web_pages_search_marks_the_matches(client: TestClient) -> None:
    page = client.get("/search?q=الأمريكي").text
    assert page.count('class="hit"') >= 2
    assert "<mark>" in page


def test_web_pages_show_hostile_text_as_text(client: TestClient) -> None:
    pages = _pages(client)
    for url, html in pages.items():
        assert "<script" not in html, url
        assert "<img" not in html, url
        assert "onerror=alert" not in html or "&lt;img" in html, url
    article = pages[f"/articles/{hostile_id(client)}"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; عنوان" in article
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt; فقرة ثانية" in article
    assert HOSTILE_TITLE not in article and HOSTILE_BODY.split("\n")[0] not in article
    for url, html in pages.items():  # no override turns text around, in a heading or title
        assert "\u202e" not in html and "\u202c" not in html, url


def test_web_pages_unknown_pages_are_404_pages(client: TestClient) -> None:
    got = client.get("/articles/0123456789abcdef")
    assert got.status_code == 404
    assert '<html lang="ar" dir="rtl">' in got.text
    assert client.get("/no/such/page").status_code == 404


def test_web_pages_search_results_come_a_page_at_a_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marsad.web.pages as pages

    monkeypatch.setattr(pages, "SEARCH_PAGE", 1)
    first = client.get("/search?q=الأمريكي").text
    assert first.count('class="hit"') == 1 and 'rel="next"' in first
    second = client.get("/search?q=الأمريكي&page=2").text
    assert second.count('class="hit"') == 1 and 'start="2"' in second
    assert re.findall(r'href="/articles/(\w+)"', first) != re.findall(
        r'href="/articles/(\w+)"', second
    )
    assert client.get("/search?q=الأمريكي&page=0").status_code == 422
    assert client.get(f"/search?q=x&page={pages.SEARCH_PAGES + 1}").status_code == 422


def test_web_pages_search_says_when_more_results_are_not_shown(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("marsad.web.pages.SEARCH_PAGE", 1)
    monkeypatch.setattr("marsad.web.pages.SEARCH_PAGES", 2)
    first = client.get("/search", params={"q": "العراق"}).text
    assert 'rel="next"' in first and "لا تُعرض" not in first
    last = client.get("/search", params={"q": "العراق", "page": 2}).text
    assert 'rel="next"' not in last and "نتائج أخرى لا تُعرض" in last
