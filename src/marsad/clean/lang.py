"""Language identification per article (py3langid, with Egyptian Arabic counted as Arabic).

py3langid ships its model LZMA-compressed: unpacking it costs about a second, in every process
that identifies a language (each ``marsad ingest``, each online update through the library).
The unpacked model (about 70 MB) is kept in a cache directory and read from there afterwards
(a fifth of a second): ``$MARSAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/marsad``, else
``~/.cache/marsad``. Where no cache can be written, the model is unpacked each time, as
before; a damaged cache file is unpacked again.
"""

from __future__ import annotations

import contextlib
import functools
import lzma
import os
import shutil
import tempfile
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

_ALIASES = {"arz": "ar", "ary": "ar", "apc": "ar", "acm": "ar"}
_SAMPLE_CHARS = 300  # enough for news text; langid's cost grows with length


def cache_dir() -> Path:
    """Where Marsad keeps what it derives once and reuses (never data it downloads)."""
    if os.environ.get("MARSAD_CACHE_DIR"):
        return Path(os.environ["MARSAD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    source = Path(MODEL_DIR) / MODEL_FILE
    unpacked = _unpacked(source)
    model = None
    if unpacked is not None:
        try:
            model = load_model_npz(unpacked)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            with contextlib.suppress(OSError):
                unpacked.unlink()  # damaged: unpacked again next time
    ptc, pc, classes, nextmove, row, output = model or load_model(source)
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def load_model_npz(path: Path) -> tuple[Any, ...]:
    """py3langid's model from its unpacked ``.npz`` (what ``modelio.load_model`` reads after
    unpacking)."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return (
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            _to_array(data["nextmove_row"]),
            data["out_feat"].tolist(),
        )


def _unpacked(source: Path) -> Path | None:
    """The cached unpacked model of ``source`` (made now if missing), or None when the cache
    cannot be written. The name holds py3langid's version and the source's size and time, so
    another model is never read for this one; concurrent processes each write a file of their
    own and rename it into place."""
    try:
        package = version("py3langid")
    except PackageNotFoundError:
        package = "unknown"
    try:
        stat = source.stat()
        folder = cache_dir()
        target = folder / f"langid-{package}-{stat.st_size}-{stat.st_mtime_ns}.npz"
        if target.is_file():
            return target
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out, lzma.open(source) as packed:
                shutil.copyfileobj(packed, out, length=1 << 20)
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return target
    except (OSError, lzma.LZMAError):
        return None


_OTHER_SCRIPT_LANGS = frozenset("پچژگکیۀہھےۓٹڈڑںۆۇېێڕڵەڤ")
"""Letters of Persian, Urdu, Pashto, Kurdish and Uyghur that Arabic does not write."""


def identify(text: str) -> tuple[str, float]:
    """Return ``(ISO 639-1 code, probability)``; ``("und", 0.0)`` when there is nothing to judge.

    Only the first characters are used: a news report's language is settled by its opening.
    Text written in Arabic letters alone, with the article «ال» three times or more and none
    of the letters other languages add to the script, is Arabic (probability 1.0) without
    asking the model: on all 41,168 SaudiNewsNet and ANT texts, the model said Arabic for
    every one this rule reads as Arabic (``tests/clean/test_clean_lang.py``, slow), and the
    rule is a count of letters where the model scores thousands of byte sequences.

    >>> identify("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة")
    ('ar', 1.0)
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    if _arabic_script_only(sample):
        return "ar", 1.0
    lang, prob = _identifier().classify(sample)
    return _ALIASES.get(lang, lang), float(prob)


def _arabic_script_only(sample: str) -> bool:
    """Whether ``sample`` is Arabic by its letters: nine in ten of them Arabic (ء … ي), none
    of Persian, Urdu and the like, and «ال» at least three times."""
    if sample.count("ال") < 3 or not _OTHER_SCRIPT_LANGS.isdisjoint(sample):
        return False
    letters = arabic = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            arabic += "\u0621" <= ch <= "\u064a"
    return arabic * 10 >= letters * 9
