"""Each thread that handles requests keeps its connection for the next request it handles."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from marsad.config import load_settings
from marsad.web.state import opened


def _request(db: Path) -> Any:
    state = SimpleNamespace(settings=load_settings(db=str(db)), connections=threading.local())
    return SimpleNamespace(app=SimpleNamespace(state=state))


def test_a_thread_reads_through_one_connection_until_it_fails(
    web_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    request = _request(db)
    with opened(request) as first:
        count = len(first.articles())
    with opened(request) as second:
        assert second is first and len(second.articles()) == count
    with pytest.raises(RuntimeError), opened(request) as failing:
        raise RuntimeError("a handler failed")
    with pytest.raises(Exception, match="closed"):
        failing.articles()  # what the failed request held is closed, not handed on
    with opened(request) as after:
        assert after is not first and len(after.articles()) == count


def test_other_threads_and_a_replaced_file_get_their_own(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    request = _request(db)
    with opened(request) as mine:
        pass
    theirs: list[object] = []

    def other() -> None:
        with opened(request) as found:
            theirs.append(found)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert theirs and theirs[0] is not mine
    replacement = tmp_path / "new.db"
    shutil.copy(web_db, replacement)
    os.replace(replacement, db)  # the database made again under the same name
    with opened(request) as reopened:
        assert reopened is not mine and reopened.articles()
