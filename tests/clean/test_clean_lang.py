"""Language identification: the unpacked model kept in the cache directory is the model
py3langid unpacks itself, and a cache that cannot be written or is damaged changes nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE
from py3langid.modelio import load_model

from marsad.clean import lang
from tests.conftest import SHARED, require

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


def test_lang_arabic_letters_alone_are_arabic_without_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arabic = "أعلنت وزارة الخارجية العراقية بدء أولى جولات المفاوضات مع الولايات المتحدة"
    with monkeypatch.context() as patch:
        patch.setattr(lang, "_identifier", _no_model)
        assert lang.identify(arabic) == ("ar", 1.0)
    persian = "وزارت امور خارجه عراق آغاز نخستین دور گفتگوها با ایالات متحده را اعلام کرد"
    assert lang.identify(persian)[0] == "fa"  # گ and ی: the model decides
    short = "خبر عاجل"  # «ال» fewer than three times: the model decides
    assert not lang._arabic_script_only(short)
    mixed = "قال الوزير إن the talks and the negotiations would resume next week in Baghdad"
    assert not lang._arabic_script_only(mixed)


def _no_model() -> object:
    raise AssertionError("the model was asked")


def _texts(saudinewsnet: Path, ant: Path) -> list[str]:
    """The content of every SaudiNewsNet record and ANT article."""
    texts: list[str] = []
    for path in sorted(saudinewsnet.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                texts += [r.get("content") or "" for r in json.loads(archive.read(name))]
    with zipfile.ZipFile(ant) as archive, archive.open(archive.namelist()[0]) as lines:
        texts += [json.loads(line).get("content") or "" for line in lines]
    return texts


@pytest.mark.slow
def test_lang_the_arabic_rule_agrees_with_the_model_on_every_stored_text(
    saudinewsnet: Path,
) -> None:
    """What ``identify`` says in its docstring: wherever the rule reads Arabic, the model
    said Arabic too, on every SaudiNewsNet and ANT text."""
    texts = _texts(saudinewsnet, require(SHARED / "ant" / "ant_v1.1.jsonl.zip"))
    assert len(texts) == 41_168
    ruled = [t[: lang._SAMPLE_CHARS] for t in texts if lang._arabic_script_only(t[:300])]
    assert len(ruled) > 0.9 * len(texts)
    said = {lang._identifier().classify(sample)[0] for sample in ruled}
    assert {lang._ALIASES.get(code, code) for code in said} == {"ar"}
