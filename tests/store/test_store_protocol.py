"""Issue 12: the engine sees a store through ``store.protocol.Store`` and typed rows
(``store.records``), never a table's column order; a worker process opens the same store
through ``opener()``."""

from __future__ import annotations

import pickle
from pathlib import Path

from marsad import Marsad
from marsad.config import Settings
from marsad.store import SQLiteStore, open_store
from marsad.store.records import Added, StoredDocument
from marsad.store.rows import ARTICLE_COLUMNS, ArticleRow
from tests.store.faults import documents


def test_store_article_rows_name_the_table_columns_in_order(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "columns.db")
    columns = [row[1] for row in store.db.execute("PRAGMA table_info(articles)")]
    store.close()
    assert list(ArticleRow._fields) == columns
    assert ARTICLE_COLUMNS.split(", ") == columns


def test_store_documents_come_back_as_named_records(tmp_path: Path) -> None:
    store = open_store(tmp_path / "docs.db")
    docs = documents(3)
    added = store.add_documents([*docs, docs[0]])  # one met twice: inserted once
    assert isinstance(added, Added) and added.inserted == 3
    assert [x.id for x in added.new] == [d.doc_id for d in docs]
    assert all(isinstance(x, StoredDocument) for x in added.new)
    again = store.add_documents(docs)  # stored, still pending: returned, none inserted
    assert again.inserted == 0 and len(again.new) == 3
    pending = [x for batch in store.pending_documents() for x in batch]
    assert sorted(x.id for x in pending) == sorted(d.doc_id for d in docs)
    assert {x.id: x.document.data for x in pending} == {d.doc_id: d.data for d in docs}
    store.close()


def test_store_opener_opens_the_same_store_in_another_process(tmp_path: Path, seeds: Path) -> None:
    with Marsad(tmp_path / "open.db", Settings(workers=1)) as m:
        m.ingest([str(seeds)])
        opener = m.store.opener()
        assert opener is not None
        ids = [a.id for a in m.articles()]
    reopened = pickle.loads(pickle.dumps(opener))()  # as a worker process receives it
    assert [a.id for a in reopened.articles()] == ids
    reopened.close()
    memory = SQLiteStore(":memory:")
    assert memory.opener() is None  # nothing another process could open
    memory.close()
