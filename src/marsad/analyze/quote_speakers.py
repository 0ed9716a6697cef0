"""Who speaks a quote: who its verb's words name (``speaker_words``), else who it continues.

A verb with no speaker written, a participle and an honorific pronoun take, in this order, a
subject written before the verb, the speaker of the quote before in the same sentence (for a
participle), who declined to comment before it, the nearest person or organization named
before it in its sentence outside quotes (for a participle, the first; never a byline), the
speaker of the quote before, or the last person named before, else the subject of the verb
that opens the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from marsad.analyze.entities import EntityMention
from marsad.analyze.ner.rules import normalized
from marsad.analyze.speaker_words import (
    HONORIFICS,
    Speaker,
    named_speaker,
    reported_from,
)
from marsad.analyze.speech_verbs import verb_kind
from marsad.arabic.normalize import normalize, normalize_word

if TYPE_CHECKING:
    from marsad.analyze.quotes import Quote

__all__ = ["speaker_of"]


# the titles each honorific stands for
_TITLED: Final = {
    normalize(pronoun): normalized(titles)
    for pronoun, titles in (
        ("سموه", "الامير الامير ولي سمو"),
        ("معاليه", "الوزير وزير معالي الرئيس رئيس"),
        ("فضيلته", "الشيخ فضيله القاضي"),
        ("سماحته", "الشيخ سماحه المفتي"),
        ("جلالته", "الملك"),
        ("سعادته", "السفير سعاده"),
        ("ايده", "الملك الامير ولي خادم"),  # «وأضاف أيده الله»
        ("حفظه", "الملك الامير ولي خادم"),
    )
}


_WAS: Final = normalized("كان كانت كانوا")


def _subject_before(
    text: str, tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], verb: int
) -> Speaker | None:
    """«وكانت مصادر عراقية مطلعة قد أكدت», «وكان كارتر قال»: the words between كان and قد
    (or the verb) before the verb."""
    if verb < 2:
        return None
    last = verb - 2 if normalize_word(tokens[verb - 1][0]) in {"قد", "لقد"} else verb - 1
    k = last
    while k >= 0 and tokens[k][0][0].isalpha() and ends[k] == ends[verb] and verb - k < 8:
        if normalize_word(tokens[k][0]).lstrip("و") in _WAS:
            break
        k -= 1
    else:
        return None
    if k + 1 > last:
        return None
    start, end = tokens[k + 1][1], tokens[last][2]
    return text[start:end], start, None


_TO_HIM: Final = normalized("له لها لهم لهما لنا لي")


def _addressee(region: Sequence[tuple[str, int, int]]) -> bool:
    """Whether the words after a speech verb open with whom it was said to, «للملك سلمان»
    (not «لـ"الاقتصادية"», an outlet told, before the speaker): the speaker was named before
    the verb («وكان كارتر قال للملك سلمان … إن»)."""
    first = normalize_word(region[0][0]) if region else ""
    return first.startswith("لل") and len(first) > 4


def _honorific(region: Sequence[tuple[str, int, int]]) -> str | None:
    """The honorific pronoun that stands for the speaker («سموه»), if the words after the
    verb open with one."""
    words = [normalize_word(t[0]) for t in region if t[0] not in {"،", ","}]
    return words[0] if words and words[0] in HONORIFICS else None


def _person_before(
    start: int, entities: Sequence[EntityMention], before: Sequence[Quote], titles: frozenset[str]
) -> Speaker | None:
    """The last person named before ``start`` outside quotes, one whose role holds one of
    ``titles`` when any does: «سموه» is the prince named before, not the king
    («… الأمير محمد بن نايف … الملك سلمان … وقال سموه»)."""
    people = [
        e
        for e in entities
        if e.kind == "PER"
        and e.end <= start
        and not any(q.start <= e.start < q.end for q in before)
    ]
    titled = [e for e in people if e.role and titles & set(normalize(e.role).split())]
    chosen = titled or people
    return (chosen[-1].name, chosen[-1].start, chosen[-1].key) if chosen else None


def _same_sentence(
    tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], verb: int, quote: Quote
) -> Speaker | None:
    """The speaker of ``quote`` when it stands in the sentence of the participle at ``verb``
    («وقال كيربي إن "…"، لافتاً إلى أن …»)."""
    first = _sentence_start(ends, verb)
    if quote.start < tokens[first][1] or quote.speaker is None:
        return None
    return quote.speaker, quote.speaker_start, quote.speaker_key


_DECLINED: Final = normalized("رفض رفضت ورفض ورفضت امتنع امتنعت وامتنع وامتنعت")


_COMMENT: Final = normalized("التعليق")


def _declined(
    text: str, tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], verb: int
) -> Speaker | None:
    """Who declined to comment earlier in the participle's sentence: «ورفض ممثلو الأمن العام
    التعليق اليوم قائلين إنه …» is said by «ممثلو الأمن العام»."""
    first = _sentence_start(ends, verb)
    for k in range(first, verb):
        if normalize_word(tokens[k][0]) not in _DECLINED:
            continue
        for m in range(k + 2, min(verb, k + 8)):
            norm = normalize_word(tokens[m][0])
            if norm in _COMMENT:
                last = m - 2 if normalize_word(tokens[m - 1][0]) == "عن" else m - 1
                if last <= k:
                    return None
                start, end = tokens[k + 1][1], tokens[last][2]
                return text[start:end], start, None
            if not tokens[m][0][0].isalpha():
                break
    return None


_DASH: Final = re.compile(r"[^\S\n]*[-–—]")


def _byline(text: str, mention: EntityMention) -> bool:
    """Whether a name opens its line before a dash: the writer's byline («أيمن حسن- سبق:»)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip():
        return False
    return bool(_DASH.match(text, mention.end)) or any(d in mention.name for d in "-–—")


def _entity_before(
    text: str,
    tokens: Sequence[tuple[str, int, int]],
    ends: Sequence[int],
    verb: int,
    entities: Sequence[EntityMention],
    before: Sequence[Quote],
    participle: bool = False,
) -> Speaker | None:
    """The nearest person (else organization) named before the verb in its sentence, not
    inside a quote: «… مصطفى الكاظمي، قد زار مقر …، حيث أعلن أن …»; for a participle, the
    first, who the sentence is about («أجرى الأمير متعب … اتصالاً بوالد الشهيد ماجد
    السبيعي، داعياً …»: the prince prays, not the martyr)."""
    start = tokens[verb][1]
    first = _sentence_start(ends, verb)
    sentence_start = tokens[first][1]
    outside = [
        e
        for e in entities
        if sentence_start <= e.start
        and e.end <= start
        and not any(q.start <= e.start < q.end for q in before)
        and not _byline(text, e)
    ]
    for kind in ("PER", "ORG"):
        found = [e for e in outside if e.kind == kind]
        if found:
            chosen = found[0] if participle else found[-1]
            return chosen.name, chosen.start, chosen.key
    return None


def speaker_of(
    text: str,
    tokens: Sequence[tuple[str, int, int]],
    ends: Sequence[int],
    verb: int,
    kind: str,
    entities: Sequence[EntityMention],
    before: Sequence[Quote],
    region: Sequence[tuple[str, int, int]],
) -> tuple[Speaker | None, bool] | None:
    """Who says what the verb at ``verb`` opens (``region``: the words between the verb and
    what is said), and whether the speaker is carried from elsewhere (``implicit``); None when
    no one speaks («يذكر أن …»)."""
    region = reported_from(tokens[verb][0], region)
    if region and normalize_word(region[0][0]) in _TO_HIM:
        region = region[1:]  # «وروى لي الأستاذ أسامة سرايا أن»: to me; the speaker follows
    if kind == "verb" and _addressee(region):  # «قال للملك سلمان إن»: whom he told
        # the subject before the verb speaks («وكان كارتر قال للملك …»), else the one named
        # after whom he told («وقال للصحفيين المتحدث باسم الوزارة أحمد حافظ إن»)
        speaker = _subject_before(text, tokens, ends, verb) or named_speaker(
            text, region[1:], entities
        )
    else:
        speaker = None if kind == "participle" else named_speaker(text, region, entities)
    honorific = _honorific(region)
    if speaker is None and kind == "present" and honorific is None:
        return None  # «يذكر أن …»: no one speaks
    if speaker is None and kind == "verb":
        speaker = _subject_before(text, tokens, ends, verb)
    implicit = speaker is None
    if speaker is None and honorific is not None:
        # «وأكد معاليه»: the speaker of the quote before, else the last person so titled
        speaker = (
            (before[-1].speaker, before[-1].speaker_start, before[-1].speaker_key)
            if before
            else _person_before(tokens[verb][1], entities, before, _TITLED[honorific])
        )
    if speaker is None and kind == "participle" and before:
        speaker = _same_sentence(tokens, ends, verb, before[-1])
    if speaker is None and kind == "participle":
        speaker = _declined(text, tokens, ends, verb)
    if speaker is None:
        speaker = _entity_before(text, tokens, ends, verb, entities, before, kind == "participle")
    if speaker is None and before:
        speaker = (before[-1].speaker, before[-1].speaker_start, before[-1].speaker_key)
    if speaker is None:
        speaker = _person_before(tokens[verb][1], entities, before, frozenset())
    if speaker is None:
        speaker = _sentence_subject(text, tokens, ends, verb)
    return speaker, implicit


_OPENS_CLAUSE: Final = normalized("قد وقد لقد")


def _sentence_subject(
    text: str, tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], verb: int
) -> Speaker | None:
    """When no one is named before: the subject of the verb that opens the sentence, or of a
    speech verb before ``verb`` in it, the words after that verb up to a preposition or comma
    («صدقت جهات رقابية أوروبية في … وقالت إنه», «وقد باعت الحكومة حصة … وقالت إن», «كشف خبير
    بالهواتف الذكية طريقة …، مشيراً إلى أن»)."""
    first = _sentence_start(ends, verb)
    while first < verb and normalize_word(tokens[first][0]) in _OPENS_CLAUSE:
        first += 1
    for k in range(first, verb):
        word = tokens[k][0]
        if not word[0].isalpha():
            continue
        opening = k == first and _past_feminine(normalize_word(word))
        if opening or verb_kind(word) == "verb":
            region = []
            for token in tokens[k + 1 : verb]:
                if token[0] in {"،", ","}:
                    break
                region.append(token)
            return named_speaker(text, region, ()) if region else None
    return None


def _past_feminine(word: str) -> bool:
    """Whether a word that opens a sentence reads as a verb in the past, feminine: «صدقت»,
    «باعت» (not «الوزارة», written with ال)."""
    return len(word) >= 4 and word.endswith("ت") and not word.startswith("ال")


def _sentence_start(ends: Sequence[int], verb: int) -> int:
    """The index of the first token of the sentence of the token at ``verb``."""
    first = verb
    while first > 0 and ends[first - 1] == ends[verb]:
        first -= 1
    return first
