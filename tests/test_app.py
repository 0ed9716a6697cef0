"""The library entry point: ``Marsad(path).ingest(paths)`` and the query methods."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.app import MAX_WORDS, parse_query
from marsad.engine.linking import StepProgress
from marsad.errors import InputError, NotFoundError, StoreError


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


def test_app_search_cost_does_not_grow_with_repeated_or_extra_words(
    tmp_path: Path, seeds: Path
) -> None:
    with Marsad(tmp_path / "news.db") as m:
        m.ingest([seeds])
        one = {h.article.id for h in m.search("العراق")}
        started = time.perf_counter()
        many = {h.article.id for h in m.search(" ".join(["العراق"] * 5900))}
        assert time.perf_counter() - started < 2.0  # 21 s before the cap, on these six
        assert many == one
        query = parse_query(" ".join(f"كلمة{n}" for n in range(300)) + " العراق العراق")
        assert len(query.words) == MAX_WORDS and query.dropped == 300 + 1 - MAX_WORDS
        assert query.repeated == 1
        started = time.perf_counter()
        assert m.search(query.text) == []  # the first 32 words are searched; none matches
        assert time.perf_counter() - started < 2.0


def test_app_search_finds_an_outlet_named_by_the_query(tmp_path: Path, seeds: Path) -> None:
    with Marsad(tmp_path / "news.db") as m:
        m.ingest([seeds])
        sputnik = [a for a in m.articles() if a.outlet == "Sputnik"]
        hits = m.search("sputnik")
        assert [h.article.id for h in hits if h.matched == "outlet"] == [a.id for a in sputnik]
        both = m.search("Sputnik المفاوضات")  # the outlet, and a word of its text
        assert [h.article.id for h in both if h.matched == "outlet"] == [a.id for a in sputnik]
        assert not [h for h in m.search("Sputnik كوكب") if h.matched == "outlet"]
        text = m.search("الحوار")
        assert text and all(h.matched == "text" for h in text)


def test_app_updates_report_progress_and_give_the_same_result(tmp_path: Path, seeds: Path) -> None:
    steps: list[tuple[str, int, int]] = []
    with Marsad(tmp_path / "quiet.db") as quiet, Marsad(tmp_path / "told.db") as told:
        quiet.ingest([seeds])
        told.ingest([seeds])
        assert quiet.update_reuse().links == told.update_reuse(progress=_record(steps)).links
        assert quiet.reuse_links() == told.reuse_links()
        names = [name for name, _, _ in steps]
        assert "aligning passages" in names and "saving links" in names
        steps.clear()
        told.update_events(progress=_record(steps))
        quiet.update_events()
        assert quiet.storylines() == told.storylines()
        assert {"reading terms and dates", "saving events"} <= {name for name, _, _ in steps}
        steps.clear()
        told.rebuild(progress=_record(steps))
        assert {"shingling", "grouping reports into events"} <= {name for name, _, _ in steps}
        for name in {name for name, _, _ in steps}:  # each step starts at 0 and ends done
            own = [(done, total) for n, done, total in steps if n == name]
            assert own[0][0] == 0 and own[-1][0] == own[-1][1] >= 1
            assert [done for done, _ in own] == sorted(done for done, _ in own)


def _record(steps: list[tuple[str, int, int]]) -> StepProgress:
    def step(name: str, done: int, total: int) -> None:
        steps.append((name, done, total))

    return step


def test_app_read_only_open_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Marsad(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()
    Marsad(tmp_path / "new.db").close()
    Marsad(tmp_path / "new.db", create=False).close()


def test_app_short_article_id_is_bad_input(tmp_path: Path) -> None:
    with Marsad(tmp_path / "news.db") as m, pytest.raises(InputError, match="at least 4"):
        m.article("e")


def test_a_snippet_reads_the_stored_normalized_paragraphs_as_the_raw_ones(
    tmp_path: Path, seeds: Path
) -> None:
    """The snippet is the first paragraph holding a query word, found in the stored
    normalized body; an article whose normalized body does not split into its paragraphs is
    read paragraph by paragraph, with the same result."""
    from dataclasses import replace

    from marsad.arabic import StemFinder, stems
    from marsad.snippets import snippet as _snippet

    with Marsad(tmp_path / "news.db") as m:
        m.ingest([seeds])
        articles = [m.article(a.id) for a in m.articles()]
    finder = StemFinder(stems("الكاظمي بايدن"))
    checked = 0
    for article in articles:
        assert len(article.norm_body.split("\n\n")) == len(article.paragraphs)
        found = _snippet(article, finder)
        unsplit = replace(article, norm_body=article.norm_body.replace("\n\n", " "))
        assert _snippet(unsplit, finder) == found  # each paragraph normalized again
        paragraphs = [article.body[a:b] for a, b in article.paragraphs]
        source = [p for p in paragraphs if p.startswith(found.removesuffix(" …"))]
        if source:  # else no paragraph holds a query word: the title stands in
            assert finder.holds(source[0])
            assert not any(finder.holds(p) for p in paragraphs[: paragraphs.index(source[0])])
            checked += 1
    assert checked >= 2
