"""States a text names: a light rewrite keeps them, an issuer's template swaps them.

The rewrite stage (``link/rewrites.py``) finds texts whose light-stem word pairs mostly stand
in each other. An issuer's fixed wording with its names changed looks the same to it: the
Royal Court's congratulation cables («بعث خادم الحرمين الشريفين ... برقية تهنئة لفخامة الرئيس
... رئيس الجمهورية التونسية بمناسبة ...») differ only in the head of state and the country, and
so do two of them sent on one day to two countries. An editor rewording wire copy swaps
synonyms and drops «ال» or «و»; he does not move the report from Tunisia to the Maldives. So a
pair the rewrite stage proposes is not a rewrite when, where the two texts differ word for
word, one names a state the other never names and the other a state the first never names.

The states are read from ``data/reuse/countries.txt`` (one state a line, its one-word names);
a word names a state with its clitics and the article taken off (``بالسعودية``), and as its
adjective (``التونسية``, ``الأمريكي``, ``السوريين``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import Final

from marsad.arabic import normalize

__all__ = ["state_of", "swaps_states"]

# the adjective's endings: «التونسيين» → «تونس», «السوريين» → «سوري» (of «سوريا»)
_SUFFIXES: Final = ("يون", "يين", "يات", "يه", "ي", "ون", "ين")
_MIN_LETTERS: Final = 3


@functools.cache
def _states() -> dict[str, int]:
    """Each form a state's name is looked up by → the state's line number."""
    text = resources.files("marsad").joinpath("data/reuse/countries.txt").read_text("utf-8")
    found: dict[str, int] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, line in enumerate(lines):
        for name in line.split():
            bare = normalize(name[2:] if name.startswith("ال") else name)
            found[bare] = number
            if bare.endswith("يه"):  # «السعودية» → «سعودي», the bare form of «السعودي»
                found[bare[:-1]] = number
            elif bare.endswith("ا") and len(bare) > _MIN_LETTERS + 1:  # «فرنسا» → «فرنس»
                found[bare[:-1]] = number  # (not «كوبا» → «كوب», a cup)
    return found


def _forms(word: str) -> list[str]:
    """``word`` and what is left of it with its clitics and the article taken off, in turn."""
    forms = [word]
    rest = word
    if rest[:1] in ("و", "ف"):
        rest = rest[1:]
        forms.append(rest)
    preposition = rest[:1] if rest[:1] in ("ب", "ل", "ك") else None
    if preposition is not None:
        rest = rest[1:]
        forms.append(rest)
    if rest.startswith("ال"):
        forms.append(rest[2:])
    elif preposition == "ل" and rest.startswith("ل"):  # «للتونسي»: ل and the article
        forms.append(rest[1:])
    return [form for form in forms if len(form) >= _MIN_LETTERS]


@functools.lru_cache(maxsize=1 << 16)
def state_of(word: str) -> int | None:
    """The state a normalized word names (by its line in the list), or None.

    >>> state_of(normalize("التونسية")) == state_of("تونس") != state_of(normalize("المالديف"))
    True
    >>> state_of(normalize("بالسعودية")) == state_of("السعوديه"), state_of("الاماره")
    (True, None)
    """
    states = _states()
    for form in _forms(word):
        if form in states:
            return states[form]
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and form[: -len(suffix)] in states:
                return states[form[: -len(suffix)]]
    return None


def swaps_states(
    words_a: Sequence[str],
    words_b: Sequence[str],
    opcodes: Sequence[tuple[str, int, int, int, int]],
) -> bool:
    """Whether, in a place where the two texts' words differ (``opcodes`` of a comparison of
    ``words_a`` with ``words_b``, as ``difflib`` gives them), ``a`` names a state ``b`` never
    names and ``b`` one ``a`` never names."""
    named_a: set[int] | None = None
    named_b: set[int] | None = None
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        here_a = {s for s in map(state_of, words_a[i1:i2]) if s is not None}
        here_b = {s for s in map(state_of, words_b[j1:j2]) if s is not None}
        if not here_a or not here_b or not here_a.isdisjoint(here_b):
            continue
        if named_a is None or named_b is None:
            named_a = {s for s in map(state_of, words_a) if s is not None}
            named_b = {s for s in map(state_of, words_b) if s is not None}
        if here_a.isdisjoint(named_b) and here_b.isdisjoint(named_a):
            return True
    return False
