"""Turn what a user types into an FTS5 query over normalized text and stems, and find the
articles of an outlet that a query names.

Each word must match the normalized title or, by its light stem, the title or body (so
الأمريكي finds الأميركي and والأمريكي); text in double quotes must match as a phrase. User
input never reaches FTS5 syntax unquoted, so no query can fail to parse.

A query costs FTS5 time that grows faster than its length (300 words took seconds), so a word
or phrase given twice is searched once and at most ``MAX_WORDS`` words are searched (a phrase
counts each of its words); ``SearchQuery`` says what was left out.

Outlets and sources are not in the full-text index: a query of at most ``OUTLET_WORDS`` words
that names one (the whole query, or one of its words while the others are found in the text)
finds its articles through ``outlet_matches``.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from marsad.arabic import normalize, stem_tokens, tokens

MAX_WORDS = 32
"""Words searched at most (the first ones, after dropping repeats)."""
OUTLET_WORDS = 4
"""Longest query that is also looked up as an outlet or source name."""

_QUOTES = {'"': '"', "«": "»"}


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A query as searched: its distinct terms (a word, or the words of a phrase), normalized.

    >>> q = parse_query('العراق العراق "الحوار الاستراتيجي" sputnik')
    >>> q.terms, q.repeated, q.dropped
    ((('الحوار', 'الاستراتيجي'), ('العراق',), ('sputnik',)), 1, 0)
    >>> parse_query("كلمة " * 5900).terms
    (('كلمه',),)
    """

    text: str
    terms: tuple[tuple[str, ...], ...]
    repeated: int = 0
    """Terms given more than once, searched once."""
    dropped: int = 0
    """Words past ``MAX_WORDS`` (after dropping repeats), not searched."""

    @property
    def words(self) -> list[str]:
        return [word for term in self.terms for word in term]

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression, or None when there is no searchable word."""
        return " AND ".join(_either(list(term)) for term in self.terms) or None


def parse_query(text: str) -> SearchQuery:
    """The distinct terms of ``text``, in order: phrases in "…" or «…», then words."""
    phrases, rest = _split_phrases(text)
    found = [tuple(tokens(normalize(p))) for p in phrases]
    found += [(word,) for word in tokens(normalize(rest))]
    terms: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    repeated = dropped = budget = 0
    for term in (t for t in found if t):
        if term in seen:
            repeated += 1
            continue
        seen.add(term)
        kept = term[: max(MAX_WORDS - budget, 0)]
        dropped += len(term) - len(kept)
        budget += len(kept)
        if kept:
            terms.append(kept)
    return SearchQuery(text, tuple(terms), repeated, dropped)


def build_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or None when it holds no searchable word."""
    return parse_query(text).match


def _split_phrases(text: str) -> tuple[list[str], str]:
    """The quoted phrases of ``text`` and the rest of it (one pass: no regex backtracking)."""
    phrases: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(text):
        close = _QUOTES.get(text[position])
        end = text.find(close, position + 1) if close else -1
        if close is None or end < 0:
            rest.append(text[position])
            position += 1
            continue
        if end > position + 1:
            phrases.append(text[position + 1 : end])
        rest.append(" ")
        position = end + 1
    return phrases, "".join(rest)


_KNOWN: dict[tuple[str, int, int], list[str]] = {}


def _known_names(db: sqlite3.Connection) -> list[str]:
    """The distinct outlets and sources of the stored articles, from their indexes; kept per
    database until an article is added (its rowid passes the largest one seen), since every
    search asks for them."""
    path = str(getattr(db, "path", ""))
    try:  # the same path may hold another file since (a test's, a restored copy)
        file = os.stat(path).st_ino if path and path != ":memory:" else None
    except OSError:
        file = None
    newest = db.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    key = (path, file or 0, newest)
    found = _KNOWN.get(key) if file is not None else None
    if found is None:
        found = [
            r[0]
            for r in db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")
        ]
        found += [
            r[0]
            for r in db.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")
        ]
        if file is not None:
            _KNOWN.clear()  # one database's names at a time, the latest
            _KNOWN[key] = found
    return found


def _either(words: list[str]) -> str:
    exact = " ".join(words)
    stemmed = " ".join(stem_tokens(words))
    return f'(norm_title : "{exact}" OR stems : "{stemmed}")'


def outlet_matches(db: sqlite3.Connection, query: SearchQuery, limit: int) -> list[str]:
    """Ids of the articles (newest first, at most ``limit``) whose outlet or source the query
    names: the whole query, or one of its words while its other terms match the text."""
    if not query.terms or len(query.words) > OUTLET_WORDS:
        return []
    readings: list[tuple[str, str | None]] = [(" ".join(query.words), None)]
    for k, term in enumerate(query.terms):
        if len(term) == 1 and len(query.terms) > 1:
            others = SearchQuery(query.text, query.terms[:k] + query.terms[k + 1 :]).match
            readings.append((term[0], others))
    names: dict[str, str] = {}
    known = _known_names(db)
    found: dict[str, tuple[str, str]] = {}
    for name, others in readings:
        spelled = sorted({value for value in known if _name(names, value) == name})
        if not spelled:
            continue
        wanted = None
        if others is not None:
            hits = db.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (others,)
            )
            wanted = {r[0] for r in hits}
        marks = ",".join("?" * len(spelled))
        rows = db.execute(
            "SELECT rowid, id, coalesce(published, crawled, '') FROM articles "
            f"WHERE outlet IN ({marks}) OR source IN ({marks})",
            (*spelled, *spelled),
        )
        for rowid, article_id, day in rows:
            if wanted is None or rowid in wanted:
                found[article_id] = (day, article_id)
    return sorted(found, key=lambda i: found[i], reverse=True)[:limit]


def _name(cache: dict[str, str], value: str) -> str:
    if value not in cache:
        cache[value] = " ".join(tokens(normalize(value)))
    return cache[value]
