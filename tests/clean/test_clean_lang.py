"""Language identification: the unpacked model kept in the cache directory is the model
py3langid unpacks itself, and a cache that cannot be written or is damaged changes nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE
from py3langid.modelio import load_model

from marsad.clean import lang

SOURCE = Path(MODEL_DIR) / MODEL_FILE


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> None:
    assert len(a) == len(b) == 6
    for x, y in zip(a, b, strict=True):
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, np.asarray(y))
        else:
            assert x == y


def test_lang_cached_model_is_the_packaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    first = lang._unpacked(SOURCE)
    assert first is not None and first.parent == tmp_path / "cache"
    assert lang._unpacked(SOURCE) == first  # made once, then found
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no part file left
    _same(lang.load_model_npz(first), load_model(SOURCE))


def test_lang_unwritable_cache_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(blocker / "cache"))
    assert lang._unpacked(SOURCE) is None


def test_lang_damaged_cache_is_unpacked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    made = lang._unpacked(SOURCE)
    assert made is not None
    made.write_bytes(b"PK\x03\x04 truncated")
    lang._identifier.cache_clear()
    try:
        assert lang.identify("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل")[0] == "ar"
        assert lang.identify("The minister said talks would resume next week.")[0] == "en"
    finally:
        lang._identifier.cache_clear()
    assert not made.exists() or made.stat().st_size > 1000  # removed, or made again
    assert lang._unpacked(SOURCE) is not None
    _same(lang.load_model_npz(lang._unpacked(SOURCE)), load_model(SOURCE))  # type: ignore[arg-type]
