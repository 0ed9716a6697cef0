"""Language identification per article (py3langid, with Egyptian Arabic counted as Arabic)."""

from __future__ import annotations

import functools
from typing import Any

_ALIASES = {"arz": "ar", "ary": "ar", "apc": "ar", "acm": "ar"}
_SAMPLE_CHARS = 300  # enough for news text; langid's cost grows with length


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Return ``(ISO 639-1 code, probability)``; ``("und", 0.0)`` when there is nothing to judge.

    Only the first characters are used: a news report's language is settled by its opening.
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    return _ALIASES.get(lang, lang), float(prob)
