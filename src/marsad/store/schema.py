"""The SQLite schema, as an ordered list of migrations; ``PRAGMA user_version`` is the step reached.

Add a migration by appending to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: documents (raw, immutable, keyed by content hash), articles, full-text index, rejections.
    """
    CREATE TABLE documents (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        origin      TEXT NOT NULL,
        source      TEXT,
        meta        TEXT NOT NULL,
        data        BLOB NOT NULL,
        size        INTEGER NOT NULL,
        status      TEXT NOT NULL DEFAULT 'pending',
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_pending ON documents(status) WHERE status = 'pending';

    CREATE TABLE articles (
        id                TEXT PRIMARY KEY,
        document_id       TEXT NOT NULL REFERENCES documents(id),
        seq               INTEGER NOT NULL,
        parent_id         TEXT,
        title             TEXT,
        body              TEXT NOT NULL,
        paragraphs        TEXT NOT NULL,
        norm_title        TEXT NOT NULL,
        norm_body         TEXT NOT NULL,
        stems             TEXT NOT NULL,
        lang              TEXT NOT NULL,
        lang_score        REAL NOT NULL,
        source            TEXT,
        outlet            TEXT,
        outlet_provenance TEXT,
        url               TEXT,
        author            TEXT,
        published         TEXT,
        date_provenance   TEXT NOT NULL,
        date_confidence   REAL NOT NULL,
        date_evidence     TEXT,
        crawled           TEXT,
        attributions      TEXT NOT NULL,
        removed           TEXT NOT NULL,
        UNIQUE (document_id, seq)
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        norm_title, norm_body, stems,
        content = 'articles', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 0'
    );

    CREATE TABLE rejections (
        origin      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        detail      TEXT NOT NULL,
        size        INTEGER,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (origin, reason)
    );
    """,
)
