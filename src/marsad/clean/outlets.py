"""Names of news outlets and agencies as they appear in Arabic reports, for credit detection.

Keys are display names; values are the spellings found in text (matched after normalization).
A standalone line holding one of these names is a dateline or credit, not body text.
"""

from __future__ import annotations

import functools

from marsad.arabic import normalize
from marsad.clean.boilerplate import line_key

OUTLETS: dict[str, tuple[str, ...]] = {
    "Sputnik": ("sputnik", "سبوتنيك", "سبوتنك", "sputnik عربي"),
    "الوطن": ("الوطن", "صحيفة الوطن"),
    "الاتحاد": ("الاتحاد", "صحيفة الاتحاد"),
    "البيان": ("البيان", "صحيفة البيان"),
    "العربية": ("العربية", "العربية نت", "al arabiya", "alarabiya"),
    "الجزيرة": ("الجزيرة", "الجزيرة نت", "al jazeera", "aljazeera"),
    "رويترز": ("رويترز", "reuters"),
    "فرانس برس": ("فرانس برس", "أ ف ب", "ا ف ب", "afp"),
    "أسوشيتد برس": ("أسوشيتد برس", "اسوشيتد برس", "ap", "associated press"),
    "واع": ("واع", "وكالة الأنباء العراقية", "ina"),
    "واس": ("واس", "وكالة الأنباء السعودية", "spa"),
    "وام": ("وام", "وكالة أنباء الإمارات", "wam"),
    "الأناضول": ("الأناضول", "وكالة الأناضول", "anadolu"),
    "الشرق الأوسط": ("الشرق الأوسط", "aawsat"),
    "سكاي نيوز عربية": ("سكاي نيوز عربية", "سكاي نيوز", "sky news arabia"),
    "بي بي سي": ("بي بي سي", "bbc", "bbc عربي"),
    "سي إن إن": ("سي إن إن", "cnn", "cnn بالعربية"),
    "روسيا اليوم": ("روسيا اليوم", "rt", "rt arabic"),
    "العربي الجديد": ("العربي الجديد",),
    "الرياض": ("صحيفة الرياض", "alriyadh"),
    "عكاظ": ("عكاظ", "okaz"),
    "سبق": ("صحيفة سبق", "sabq"),
    "الحرة": ("الحرة", "alhurra"),
    "فرانس 24": ("فرانس 24", "france 24"),
    "يورونيوز": ("يورونيوز", "euronews"),
    "دويتشه فيله": ("دويتشه فيله", "dw"),
    "عين اليوم": ("عين اليوم", "3alyoum", "صحيفة عين اليوم"),
}

# Display names that are also ordinary words or places ("الرياض" is a city before a newspaper):
# only their listed spellings identify them.
_AMBIGUOUS = frozenset({"الرياض", "سبق"})

# Widgets that only one site prints; when seen, they name the outlet (weaker than a credit line).
SIGNATURES: dict[str, str] = {
    "ت + ت - الحجم الطبيعي": "البيان",
}


def signature(key: str) -> str | None:
    """The outlet whose widget this normalized line key is, or None."""
    return _signatures().get(key)


@functools.cache
def _signatures() -> dict[str, str]:
    return {line_key(text): name for text, name in SIGNATURES.items()}


_PREFIXES = ("صحيفة ", "جريدة ", "موقع ", "وكالة ", "قناة ", "مجلة ")


@functools.cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, spellings in OUTLETS.items():
        for spelling in spellings if name in _AMBIGUOUS else (name, *spellings):
            index[normalize(spelling)] = name
    return index


@functools.cache
def _normalized_prefixes() -> tuple[str, ...]:
    return tuple(normalize(prefix) for prefix in _PREFIXES)


def lookup(text: str) -> str | None:
    """The outlet a short text names ("Sputnik", "صحيفة الاتحاد"), or None."""
    key = normalize(text).strip(" .:-–—()\"'")
    found = _index().get(key)
    if found:
        return found
    for norm_prefix in _normalized_prefixes():
        if key.startswith(norm_prefix):
            return _index().get(key[len(norm_prefix) :])
    return None


def strip_prefix(name: str) -> str:
    """'صحيفة الاتحاد' → 'الاتحاد': the outlet without the word that says what kind it is."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :].strip()
    return name.strip()
