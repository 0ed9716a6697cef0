"""Light stemming for matching: Snowball (PyStemmer) for Arabic and English tokens.

Stems are keys for finding the same word in two reports ("والأمريكي" and "الأميركي" both give
"امريك"), not linguistic roots. Two gaps in Snowball's Arabic stemmer are filled first:

- It keeps و and ف before the article ("والامريكي" stays "والامريك"), because it never strips
  و or ف when an alef follows. So the prefixes وال فال بال كال لل are removed here whenever
  at least three letters remain.
- After removing the article it no longer strips a final ه, so "العراقيه" gave "عراقيه" while
  "العراقي" gave "عراق". ``normalize`` folds ة into ه; a final ه is turned back into ة, which
  Snowball removes consistently (a possessive ه stems the same way: كتابه and كتابة are كتاب).

Each stemmer is a C object that cannot be pickled or shared between threads, so each thread of
each process creates its own on first use.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Final, Protocol, cast

import Stemmer

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import tokens

__all__ = ["StemFinder", "stem_tokens", "stems"]


class _Stemmer(Protocol):
    """The part of ``Stemmer.Stemmer`` used here (PyStemmer ships no type hints)."""

    def stemWords(self, words: list[str], /) -> list[str]: ...


_LOCAL: Final = threading.local()
_PREFIX: Final = re.compile(r"\n(?:[وفبك]ال|لل)(?=[^\W\d_]{3})")
_ASCII_LETTER: Final = re.compile(r"[a-z]")
_CACHE: dict[str, str] = {}  # token -> stem, per process (a pure function of the token)
_CACHE_SIZE: Final = 500_000


def _stemmer(language: str) -> _Stemmer:
    """This thread's stemmer for ``language``, created on first use."""
    found: _Stemmer | None = getattr(_LOCAL, language, None)
    if found is None:
        found = Stemmer.Stemmer(language)
        setattr(_LOCAL, language, found)
    return found


def stem_tokens(tokens: list[str]) -> list[str]:
    """The stem of each token, in order: Arabic by Snowball Arabic, Latin by Snowball English.

    ``tokens`` are word tokens of normalized text, as ``tokens`` returns them. Other tokens
    (digits, other scripts) come back unchanged.

    >>> stem_tokens(["والامريكي", "الامريكيه", "talks"])
    ['امريك', 'امريك', 'talk']
    """
    if not tokens:
        return []
    # News text repeats its words, and so does a corpus: stem each once. The lookups go into
    # a local list first, so another thread clearing the cache cannot lose one.
    looked = list(map(_CACHE.get, tokens))
    if None not in looked:
        return cast(list[str], looked)  # every token known
    unknown = list(dict.fromkeys(t for t, stem in zip(tokens, looked, strict=True) if stem is None))
    found = dict(zip(unknown, _stem_unique(unknown), strict=True))
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.clear()
    _CACHE.update(found)
    return [found[t] if stem is None else stem for t, stem in zip(tokens, looked, strict=True)]


def _stem_unique(tokens: list[str]) -> list[str]:
    """``stem_tokens`` of distinct tokens, computed."""
    # The per-token rules run as C string operations on all tokens at once, one per line.
    joined = _PREFIX.sub("\n", "\n" + "\n".join(tokens) + "\n").replace("ه\n", "ة\n")
    words = joined[1:-1].split("\n")
    if len(words) != len(tokens):
        raise ValueError("stem_tokens takes word tokens; one of the tokens contains a newline")
    # Snowball Arabic leaves Latin words alone and Snowball English leaves Arabic words alone.
    stemmed = _stemmer("arabic").stemWords(words)
    if _ASCII_LETTER.search(joined):
        latin = list({word for word in words if word.isascii()})
        english = dict(zip(latin, _stemmer("english").stemWords(latin), strict=True))
        stemmed = [english.get(stem, stem) for stem in stemmed]
    return stemmed


def stems(text: str) -> list[str]:
    """The stems of the words of raw ``text``: ``stem_tokens(tokens(normalize(text)))``."""
    return stem_tokens(tokens(normalize(text)))


class StemFinder:
    """Whether a text holds a word with one of ``wanted`` stems, cheaply when it does not.

    A light stem is nearly always inside its word once the word is normalized, but for its
    first and last letters (Snowball writes «تستخدم» as «استخدم», «history» as «histori»): a
    normalized text that holds none of the stems' middles cannot hold one of the stems, and is
    passed over without being cut into words. A word that hides its stem's middle is missed:
    reading the stems of a few thousand SaudiNewsNet articles' words found such words very rare
    (a transliterated name), and a search only shows a paragraph further on for it.

    >>> StemFinder(stems("الأمريكية")).holds("قال الرئيس الأميركي")
    True
    """

    def __init__(self, wanted: Iterable[str]) -> None:
        self.wanted = frozenset(wanted)
        middles = sorted({_middle(s) for s in self.wanted if s})
        self._middle = re.compile("|".join(map(re.escape, middles))) if middles else None

    def may_hold(self, normalized: str) -> bool:
        """False when ``normalized`` (``normalize`` of a text) surely holds none of the stems."""
        return self._middle is not None and self._middle.search(normalized) is not None

    def holds(self, text: str, normalized: str | None = None) -> bool:
        """Whether ``text`` (raw) holds a word with one of the stems (``normalized``: its
        ``normalize``, when the caller has it)."""
        normalized = normalize(text) if normalized is None else normalized
        if not self.may_hold(normalized):
            return False
        return any(self.found(tokens(normalized)))

    def found(self, words: list[str]) -> list[bool]:
        """Whether each of ``words`` (normalized tokens) has one of the stems; only the words
        that hold a stem's middle are stemmed."""
        search = self._middle.search if self._middle is not None else None
        maybe = [k for k, word in enumerate(words) if search and search(word)]
        stemmed = stem_tokens([words[k] for k in maybe])
        hits = [False] * len(words)
        for k, stem in zip(maybe, stemmed, strict=True):
            hits[k] = stem in self.wanted
        return hits


def _middle(stem: str) -> str:
    """What a word with this stem holds once normalized: the stem without its first and last
    letters (Snowball rewrites them: «تستخدم» → «استخدم», «history» → «histori»), or, in a
    stem of three letters or fewer, its first («skies» → «sky», «dying» → «die»)."""
    stem = stem.replace("ة", "ه")
    return stem[1:-1] if len(stem) >= 4 else stem[:1]
