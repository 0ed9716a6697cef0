"""Term vectors of reports for event clustering: TF-IDF over light stems and names.

What tells two events of one kind apart is in the headline and the lead: who, where, how many.
A report's vector counts the stems of its title (``title_weight`` times) and of the first
``lead_words`` words of its body; stop words and one-letter tokens are dropped, numbers stay
(casualty counts and dates separate events); names (``names.py``: capitalized words of cased
scripts) are a second block of the vector. How the counts are weighted: ``lexicon.py``. Terms
are kept in the store as ``encode_terms`` gives them.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass

from marsad.analyze.entities import article_entities
from marsad.arabic import STOPWORDS, name_key, normalize, stem_tokens, tokens
from marsad.organize.names import NO_CASE, Cased, cased_words

NAME = "\x00"  # the prefix of name terms in a vocabulary, which no stem carries
KEY = "\x01"  # the prefix of transliteration keys (``arabic.translit.name_key``)


@dataclass(frozen=True, slots=True)
class VectorParams:
    title_weight: float = 2.0
    lead_words: int = 200
    names_weight: float = 0.5
    name_keys: bool = True  # count transliteration keys of foreign-looking words too
    # Count the words of the people and organizations the NER tagger finds in Arabic titles
    # and leads as names. Off: measured through the real path it does not help (docs/events.md).
    entity_names: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.names_weight < 1.0:
            raise ValueError("names_weight must be in [0, 1)")


@dataclass(frozen=True, slots=True)
class ReportTerms:
    """A report's stem counts, what it says about letter case and, when its lead gives one,
    the day its happening occurred with the phrase that says so (``dating.text_date``)."""

    stems: Counter[str]
    cased: Cased
    date: tuple[str, str] | None = None


def report_terms(title: str | None, body: str, params: VectorParams) -> ReportTerms:
    """Stem counts of a report's title (weighted) and lead, and its capitalized words."""
    cased = cased_words(title, body, params.title_weight, params.lead_words)
    stems = stem_counts(title, body, params)
    if params.entity_names:
        stems.update(entity_counts(title, body, params))
    return ReportTerms(stems, cased)


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")


def entity_counts(title: str | None, body: str, params: VectorParams) -> Counter[str]:
    """``NAME`` terms for the words of the keys of the people and organizations the entities
    stage finds (``analyze.entities``: the tagger and its rules, spellings folded, clitics
    cut) in an Arabic title (weighted) and lead; words of two letters or fewer left out."""
    counts: Counter[str] = Counter()
    for text, weight, limit in (
        (title or "", params.title_weight, 60),
        (body, 1.0, params.lead_words),
    ):
        lead = _first_words(text, limit)
        if len(_ARABIC_LETTER.findall(lead)) * 2 <= len(_LETTER.findall(lead)):
            continue  # not Arabic: the tagger was trained on Arabic only
        for mention in article_entities(lead):
            if mention.kind in ("PER", "ORG"):
                for word in mention.key.split():
                    if len(word) > 2:
                        counts[NAME + word] += weight  # type: ignore[assignment]
    return counts


def _first_words(text: str, limit: int) -> str:
    """The start of ``text`` up to its ``limit``-th word, line breaks kept."""
    found = re.match(rf"\s*(?:\S+\s+){{0,{max(limit - 1, 0)}}}\S*", text)
    return found.group() if found else ""


def stem_counts(title: str | None, body: str, params: VectorParams) -> Counter[str]:
    """Stem counts of a report's title (weighted) and lead, and, as ``KEY``-prefixed terms,
    the keys of the words that look like transliterated names (``arabic.translit``), so that
    بليجريني and بيليغريني meet."""
    counts: Counter[str] = Counter()
    for text, weight, limit in (
        (title or "", params.title_weight, 60),
        (body, 1.0, params.lead_words),
    ):
        words = [t for t in _lead_tokens(text, limit) if len(t) > 1 and t not in STOPWORDS]
        for stem in stem_tokens(words):
            counts[stem] += weight  # type: ignore[assignment]
        if params.name_keys:
            for word in words:
                key = name_key(word)
                if key:
                    counts[KEY + key] += weight  # type: ignore[assignment]
    return counts


def _lead_tokens(text: str, limit: int) -> list[str]:
    """The first ``limit`` tokens of normalized ``text``, normalizing only as much as needed."""
    words = text.split(None, limit)
    if len(words) > limit:  # longer than the lead: its first ``limit`` words give enough tokens
        found = tokens(normalize(" ".join(words[:limit])))
        if len(found) >= limit:
            return found[:limit]
    return tokens(normalize(text))[:limit]


def encode_terms(report: ReportTerms) -> bytes:
    """``report`` as compact bytes (zlib-compressed JSON, at zlib's fastest level: a third
    of the time of its default for 8% more bytes), for a store to keep."""
    cased = report.cased
    data: dict[str, object] = {
        "s": report.stems,
        "r": [[list(run), weight] for run, weight in cased.runs],
        "u": cased.upper or {},
        "l": cased.lower or {},
    }
    if report.date:
        data["d"] = list(report.date)
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode_terms(blob: bytes) -> ReportTerms:
    """The ``ReportTerms`` that ``encode_terms`` turned into ``blob``."""
    data = json.loads(zlib.decompress(blob))
    runs = tuple((tuple(run), float(weight)) for run, weight in data["r"])
    upper, lower = Counter(data["u"]), Counter(data["l"])
    cased = Cased(runs, upper or None, lower or None) if runs or upper else NO_CASE
    said = data.get("d")
    return ReportTerms(Counter(data["s"]), cased, (str(said[0]), str(said[1])) if said else None)
