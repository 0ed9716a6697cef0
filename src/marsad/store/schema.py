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
        ingested_at TEXT NOT NULL
    );

    -- Written once per document when processing ends ('done' or 'rejected'); a document with
    -- no row here is pending. Kept apart from the raw bytes so marking one never rewrites them.
    CREATE TABLE processed (
        document_id TEXT PRIMARY KEY,
        status      TEXT NOT NULL
    ) WITHOUT ROWID;

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

    -- Contentless: rowid = articles.rowid. Titles as normalized words, bodies as light stems
    -- (indexing normalized bodies too would double the cost of ingest for little recall).
    -- Both columns arrive tokenized by marsad.arabic (space-separated), so the plain 'ascii'
    -- tokenizer, which keeps every non-ASCII character inside tokens, is exact and fastest.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        norm_title, stems,
        content = '',
        tokenize = 'ascii'
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
    # 2: reuse detection: each article's shingles, the fingerprint index, and the links.
    """
    CREATE TABLE reuse_shingles (
        article_id TEXT PRIMARY KEY,
        seq        BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE reuse_fingerprints (
        fp         INTEGER NOT NULL,
        article_id TEXT NOT NULL
    );
    CREATE INDEX reuse_fingerprints_fp ON reuse_fingerprints(fp);

    CREATE TABLE reuse_links (
        a          TEXT NOT NULL,
        b          TEXT NOT NULL,
        kind       TEXT NOT NULL,
        jaccard    REAL NOT NULL,
        contain_a  REAL NOT NULL,
        contain_b  REAL NOT NULL,
        longest    INTEGER NOT NULL,
        origin     TEXT,
        copy       TEXT,
        reasons    TEXT NOT NULL,
        uncredited INTEGER NOT NULL,
        dropped    TEXT NOT NULL,
        passages   TEXT NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX reuse_links_b ON reuse_links(b);
    """,
    # 3: shingle hashes gained a full-avalanche finalizer; fingerprints stored before it
    # cannot match new ones, so the reuse index is rebuilt on the next update.
    """
    DELETE FROM reuse_links;
    DELETE FROM reuse_fingerprints;
    DELETE FROM reuse_shingles;
    """,
    # 4: events and storylines, recomputed as a whole by the organize stage.
    """
    CREATE TABLE events (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        articles      TEXT NOT NULL,
        outlets       TEXT NOT NULL,
        date          TEXT,
        date_evidence TEXT,
        first_seen    TEXT,
        last_seen     TEXT,
        storyline     TEXT
    ) WITHOUT ROWID;
    CREATE INDEX events_storyline ON events(storyline);

    CREATE TABLE event_articles (
        article_id TEXT PRIMARY KEY,
        event_id   TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE storylines (
        id       TEXT PRIMARY KEY,
        title    TEXT NOT NULL,
        events   TEXT NOT NULL,
        articles INTEGER NOT NULL,
        outlets  TEXT NOT NULL,
        start    TEXT,
        end_     TEXT
    ) WITHOUT ROWID;
    """,
    # 5: each article's event terms, computed once (zlib-compressed JSON), and the state of
    # the event partition (how many articles joined it online since it was consolidated).
    """
    CREATE TABLE event_terms (
        article_id TEXT PRIMARY KEY,
        data       BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE event_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 6: event terms gained the day each report's text gives for its happening, which its
    # comparisons and its event's date use; terms stored before it are computed again.
    """
    DELETE FROM event_terms;
    """,
    # 7: each article's notes: how its document was read and what reading changed or left out
    # (broken bytes replaced, control characters removed, a date or url left out), JSON list.
    """
    ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
    """,
    # 8: issue 11. A link's origin may be an agency or outlet a credit names (واس, with no
    # report in the corpus): ``origin_credit``. A link found by the light-rewrite stage
    # (link/rewrites.py) scores light-stem word pairs, not shingles: ``rewrite``. Each
    # article's sampled word pairs are indexed so a new article finds the stored ones it
    # rewrites. Origins are decided anew (credits read from datelines, brackets and phrases;
    # containment no longer counts), so the reuse index is rebuilt on the next update.
    """
    ALTER TABLE reuse_links ADD COLUMN origin_credit TEXT;
    ALTER TABLE reuse_links ADD COLUMN rewrite INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE reuse_stem_pairs (
        fp         INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (fp, article_id)
    ) WITHOUT ROWID;
    DELETE FROM reuse_links;
    DELETE FROM reuse_fingerprints;
    DELETE FROM reuse_shingles;
    """,
    # 9: issue 12. Work still to do, kept in queues that what is new enters (triggers) and
    # the work drains, so a run reads what is new instead of testing everything stored: the
    # articles not yet in the reuse index, and the documents stored but not yet processed.
    """
    CREATE TABLE pending_documents (document_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO pending_documents SELECT id FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM processed p WHERE p.document_id = d.id);
    CREATE TRIGGER pending_new_document AFTER INSERT ON documents
    BEGIN
        INSERT OR IGNORE INTO pending_documents (document_id) VALUES (new.id);
    END;
    CREATE TRIGGER pending_document_done AFTER INSERT ON processed
    BEGIN
        DELETE FROM pending_documents WHERE document_id = new.document_id;
    END;
    CREATE TABLE reuse_queue (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO reuse_queue SELECT id FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM reuse_shingles s WHERE s.article_id = a.id);
    CREATE TRIGGER reuse_queue_new_article AFTER INSERT ON articles
    BEGIN
        INSERT OR IGNORE INTO reuse_queue (article_id) VALUES (new.id);
    END;
    """,
    # 10: issue 12. An online events update reads what its new articles can touch: each
    # report's terms keep the day it came out and the day its text gives (ordinals, for a
    # range query), and its stem counts as arrays of term ids (``event_lexicon``) and
    # counts, which read without parsing; the articles not yet in events wait in a queue;
    # the document frequencies and letter case counts the vectors are weighted by, and each
    # event's centroid (its heaviest terms, indexed by term so a new event finds the
    # storylines it continues) are stored instead of recomputed from every article. Terms
    # stored before are computed again, and the next update consolidates (which fills the
    # counts and the centroids).
    """
    DROP TABLE event_terms;
    CREATE TABLE event_terms (
        article_id TEXT PRIMARY KEY,
        data       BLOB NOT NULL,
        stems      BLOB NOT NULL,
        cased      INTEGER NOT NULL,
        day        INTEGER,
        text_day   INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX event_terms_day ON event_terms(day);
    CREATE INDEX event_terms_text_day ON event_terms(text_day);
    CREATE INDEX event_articles_event ON event_articles(event_id);
    CREATE TABLE events_queue (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO events_queue SELECT id FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM event_articles e WHERE e.article_id = a.id);
    CREATE TRIGGER events_queue_new_article AFTER INSERT ON articles
    BEGIN
        INSERT OR IGNORE INTO events_queue (article_id) VALUES (new.id);
    END;
    CREATE TABLE event_lexicon (
        id   INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        df   INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE event_casing (
        word  TEXT PRIMARY KEY,
        upper INTEGER NOT NULL,
        lower INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE event_centroids (
        term     TEXT NOT NULL,
        event_id TEXT NOT NULL,
        weight   REAL NOT NULL,
        PRIMARY KEY (term, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_centroids_event ON event_centroids(event_id);
    DELETE FROM event_state WHERE key = 'lexicon_docs';
    """,
    # 11: the stored index finds identical texts by their head, whatever their fingerprints
    # (those of a text a thousand articles share are set phrases, and not read)
    """
    CREATE INDEX articles_norm_head ON articles(substr(norm_body, 1, 64));
    """,
    # 12: reuse groups (copies of one text, ``link/groups.py``) are kept, so that listing
    # the largest reads them and not every link. A link written or re-kinded marks its two
    # articles; the next update regroups what they reach through copy links. Links are only
    # deleted with the whole index (``ReuseTables.clear``), which forgets the groups too.
    # Storylines list largest first from an index, the first few without reading them all.
    """
    CREATE TABLE reuse_group_members (
        article_id TEXT PRIMARY KEY,
        group_id   TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX reuse_group_members_group ON reuse_group_members(group_id);
    CREATE TABLE reuse_group_sizes (
        group_id TEXT PRIMARY KEY,
        size     INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX reuse_group_sizes_size ON reuse_group_sizes(size DESC, group_id);
    CREATE TABLE reuse_groups_dirty (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT OR IGNORE INTO reuse_groups_dirty SELECT a FROM reuse_links;
    INSERT OR IGNORE INTO reuse_groups_dirty SELECT b FROM reuse_links;
    CREATE TRIGGER reuse_groups_new_link AFTER INSERT ON reuse_links
    BEGIN
        INSERT OR IGNORE INTO reuse_groups_dirty (article_id) VALUES (new.a), (new.b);
    END;
    CREATE TRIGGER reuse_groups_link_kind AFTER UPDATE OF kind ON reuse_links
    BEGIN
        INSERT OR IGNORE INTO reuse_groups_dirty (article_id) VALUES (new.a), (new.b);
    END;
    CREATE INDEX storylines_largest ON storylines(articles DESC, start, id);
    """,
    # 13: each outlet's template fingerprints, kept as they are found (an outlet's count of
    # texts carrying a fingerprint only grows), for the threshold they were counted with; a
    # threshold with no state row is counted from the index once.
    """
    CREATE TABLE reuse_templates (
        min_texts INTEGER NOT NULL,
        outlet    TEXT NOT NULL,
        fp        INTEGER NOT NULL,
        PRIMARY KEY (min_texts, outlet, fp)
    ) WITHOUT ROWID;
    CREATE TABLE reuse_template_state (min_texts INTEGER PRIMARY KEY) WITHOUT ROWID;
    """,
    # 14: issue 13. Search asks whether the query names an outlet on every request: the outlet
    # names are read from an index instead of every row (whose body comes before the outlet),
    # and the front page orders storylines by their last day in SQLite.
    """
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX storylines_recent ON storylines(coalesce(end_, start, '') DESC, id DESC);
    """,
    # 15: issue 14. Each article's people, organizations and places (``entity_mentions``: the
    # span of each name in its title and body joined by a line, its key and the role written
    # before a person), the articles not yet read for them (a queue, like events'), and the
    # entities the keys are grouped into, with how many mentions, articles and events each
    # has; and each article's quotes (the span of what is said, its speaker as written and the
    # speaker's key when an entity names it). ``entity_state`` keeps the version of the model
    # the mentions were found with: another version reads every article again.
    """
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end_       INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        key        TEXT NOT NULL,
        name       TEXT NOT NULL,
        role       TEXT,
        PRIMARY KEY (article_id, start)
    ) WITHOUT ROWID;
    CREATE INDEX entity_mentions_key ON entity_mentions(key);
    CREATE TABLE entities (
        id       TEXT PRIMARY KEY,
        key      TEXT NOT NULL UNIQUE,
        kind     TEXT NOT NULL,
        name     TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0,
        events   INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX entities_events ON entities(events DESC, mentions DESC, id);
    CREATE TABLE entity_keys (
        key       TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
    CREATE TABLE entity_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        article_id    TEXT NOT NULL,
        start         INTEGER NOT NULL,
        end_          INTEGER NOT NULL,
        verb          TEXT NOT NULL,
        speaker       TEXT,
        speaker_start INTEGER,
        speaker_key   TEXT,
        direct        INTEGER NOT NULL,
        implicit      INTEGER NOT NULL,
        PRIMARY KEY (article_id, start)
    ) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes(speaker_key);
    CREATE TABLE entities_queue (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO entities_queue SELECT id FROM articles;
    CREATE TRIGGER entities_queue_new_article AFTER INSERT ON articles
    BEGIN
        INSERT OR IGNORE INTO entities_queue (article_id) VALUES (new.id);
    END;
    """,
    # 16: issue 13. Event summaries, kept once made: a storyline page shows the first sentence
    # of each of its events' summaries, and summarizing every event on every view was most of
    # its time. ``key`` says what a summary was made from (its reports and the entity model);
    # under another key it is made again.
    """
    CREATE TABLE IF NOT EXISTS event_summaries (
        event_id  TEXT PRIMARY KEY,
        key       TEXT NOT NULL,
        sentences TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 17: issue 12. The index values (fingerprints, word pairs) found held by many articles,
    # with how many held them then (counts only grow while the index is kept): a reuse update
    # reads the other values' postings a list at a time and skips these, so a common value
    # is read in full once, not at every lookup.
    """
    CREATE TABLE IF NOT EXISTS reuse_common (
        tab      TEXT NOT NULL,
        fp       INTEGER NOT NULL,
        postings INTEGER NOT NULL,
        PRIMARY KEY (tab, fp)
    ) WITHOUT ROWID;
    """,
    # 18: issue 12. What a reuse update reads per value and per article, read from one b-tree
    # each: the fingerprint postings keyed by (fp, article) with no table beside the index (a
    # lookup read the index, then a table row per article found), and an index covering what
    # the outlet checks read of an article (its outlet, source and normalized title), which
    # in ``articles`` come after the body: reading them walked every page of a long body.
    """
    CREATE TABLE reuse_postings (
        fp         INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (fp, article_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO reuse_postings SELECT fp, article_id FROM reuse_fingerprints
        ORDER BY fp, article_id;
    DROP TABLE reuse_fingerprints;
    ALTER TABLE reuse_postings RENAME TO reuse_fingerprints;
    CREATE INDEX IF NOT EXISTS articles_provenance ON articles(id, outlet, source, norm_title);
    """,
    # 19: issue 13. The API's lists of articles and events read a page by its key: indexes on
    # those keys (an article's with its language and outlet, which the filters read and which
    # the table keeps after the body), so a page is read from its place in the index instead
    # of by sorting the whole table at every request.
    """
    CREATE INDEX IF NOT EXISTS articles_newest ON articles(
        coalesce(nullif(published, ''), nullif(crawled, ''), ''), id, lang, outlet, source
    );
    CREATE INDEX IF NOT EXISTS events_by_day ON events(
        coalesce(nullif(date, ''), nullif(first_seen, ''), ''), id
    );
    """,
    # 20: issue 13. What a page shows changes with some tables and not others: an ingest adds
    # articles and leaves the events, links and names as they were. A counter per part of the
    # store that pages read (``store/changes.py``), so that a page kept for a version of its
    # parts stays kept while an ingest writes: bumped by triggers on every row written to the
    # tables of events, storylines, links and groups (thousands of rows a write), and once per
    # write by the store's methods for the names (``EntityTables``: mentions are written by
    # the hundred thousand, where a trigger would cost seconds). Articles are only ever
    # added: their largest rowid is their counter.
    """
    CREATE TABLE IF NOT EXISTS store_changes (
        domain TEXT PRIMARY KEY,
        n      INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO store_changes VALUES
        ('events', 0), ('links', 0), ('groups', 0), ('mentions', 0), ('entities', 0);
    CREATE TRIGGER IF NOT EXISTS changes_events_insert AFTER INSERT ON events
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_events_update AFTER UPDATE ON events
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_events_delete AFTER DELETE ON events
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_storylines_insert AFTER INSERT ON storylines
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_storylines_update AFTER UPDATE ON storylines
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_storylines_delete AFTER DELETE ON storylines
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'events'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_links_insert AFTER INSERT ON reuse_links
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'links'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_links_update AFTER UPDATE ON reuse_links
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'links'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_links_delete AFTER DELETE ON reuse_links
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'links'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_group_sizes_insert AFTER INSERT ON reuse_group_sizes
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'groups'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_group_sizes_update AFTER UPDATE ON reuse_group_sizes
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'groups'; END;
    CREATE TRIGGER IF NOT EXISTS changes_reuse_group_sizes_delete AFTER DELETE ON reuse_group_sizes
        BEGIN UPDATE store_changes SET n = n + 1 WHERE domain = 'groups'; END;
    """,
)
