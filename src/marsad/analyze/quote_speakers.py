"""Who speaks a quote: the words between its verb and what is said, else who it continues.

The speaker is the first person the entity stage found in those words (of several before a
comma, the one apposed to the speaker's role), else the first organization or place, else the
words themselves up to a preposition or a comma; someone spoken to, beside the speaker or
reporting what was said, after a speaker written first, is not the speaker. A verb with no
speaker written, a participle and an honorific pronoun take, in this order, a subject written
before the verb, the speaker of the quote before in the same sentence (for a participle), who
declined to comment before it, the nearest person or organization named before it in its
sentence outside quotes (for a participle, the first), the speaker of the quote before, or
the last person named before, else the subject of the verb that opens the sentence. A person
a place or body is named after («مركز الملك سلمان») is not a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from marsad.analyze.entities import EntityMention
from marsad.analyze.ner.rules import ROLE_WORDS, normalized
from marsad.analyze.speech_verbs import verb_kind
from marsad.arabic.normalize import normalize, normalize_word

if TYPE_CHECKING:
    from marsad.analyze.quotes import Quote

__all__ = ["Speaker", "abbreviated", "speaker_of"]

# words that stand for a person named before («وقال سموه»)
_HONORIFICS: Final = normalized("سموه معاليه فضيلته سماحته جلالته سعادته ايده حفظه")


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


# nouns of a source that speaks through what it publishes: «ذكرت دراسة أجرتها جامعة …»
_SOURCES: Final = normalized(
    "تقرير دراسه بيان مصادر مصدر بحث استطلاع تحقيق نشره الدراسه التقرير البيان المصادر المصدر"
)


_WAS: Final = normalized("كان كانت كانوا")


# where a speaker's own words end when no entity names it
_SPEAKER_ENDS: Final = normalized(
    "في خلال عبر امام لدى حسب وفق اليوم امس مساء صباح يوم عقب بعد قبل اثناء على الي ل عن من فور"
)


# a preposition with its pronoun: whom the speaker addressed, not the speaker
_OBJECT_PRONOUNS: Final = normalized(
    "له لها لهم لهن اليه اليها اليهم عنه عنها عنهم عليه عليها عليهم منه منها منهم"
)


# what a verb conveys, not who speaks: «نقل خالص تعازيه», «ونقل إليهم تمنيات ودعوات»
_CONVEYED: Final = normalized(
    "خالص تعازي تعازيه تحيات تحياته تحيه تهاني تهانيه تمنيات تمنياته دعوات دعواته شكر تقدير"
)


Speaker = tuple[str | None, int | None, str | None]
"""Who speaks: as written, where, and the entity key when an entity names it."""


# «د.» doctor, «أ.» professor; not «م.», which also closes a year («1990 م.»)
_ABBREVIATIONS: Final = frozenset("دأ")


def abbreviated(tokens: Sequence[tuple[str, int, int]], j: int) -> bool:
    """Whether the full stop at ``j`` closes a one-letter title («د. عبدالله»), written
    against it, after a word or at a clause's start (not after a number)."""
    if j < 1 or tokens[j - 1][0] not in _ABBREVIATIONS or tokens[j - 1][2] != tokens[j][1]:
        return False
    return j < 2 or not tokens[j - 2][0].isdigit()


def _subject_before(
    text: str, tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], verb: int
) -> Speaker | None:
    """«وكانت مصادر عراقية مطلعة قد أكدت»: the words between كان and قد before the verb."""
    if verb < 2 or normalize_word(tokens[verb - 1][0]) not in {"قد", "لقد"}:
        return None
    k = verb - 2
    while k >= 0 and tokens[k][0][0].isalpha() and ends[k] == ends[verb] and verb - k < 8:
        if normalize_word(tokens[k][0]).lstrip("و") in _WAS:
            break
        k -= 1
    else:
        return None
    if k + 1 > verb - 2:
        return None
    start, end = tokens[k + 1][1], tokens[verb - 2][2]
    return text[start:end], start, None


def _honorific(region: Sequence[tuple[str, int, int]]) -> str | None:
    """The honorific pronoun that stands for the speaker («سموه»), if the words after the
    verb open with one."""
    words = [normalize_word(t[0]) for t in region if t[0] not in {"،", ","}]
    return words[0] if words and words[0] in _HONORIFICS else None


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


# words that end the phrase of a speaker's role: a name after them is not the speaker's
_ROLE_ENDS: Final = _SPEAKER_ENDS | normalized("وهو وهي الذي التي مع ومع")


# after و or ل, a role or «نظير» brings in another person: «… ترامب للرئيس الروسي بوتين،»,
# «… شكري ونظيره الأمريكي كيري،»
_OTHER_PERSON: Final = ROLE_WORDS | normalized("نظير نظيره نظيرته نظراؤه")


def _apposed_name(
    region: Sequence[tuple[str, int, int]], people: Sequence[EntityMention]
) -> EntityMention | None:
    """Of several people named between the verb and a comma, the one apposed to the
    speaker's role: «المتحدث الرسمي لمركز الملك سلمان للإغاثة … رأفت الصباغ، في تصريح» names
    the spokesman, not the king of the centre's name. The last name before the comma, when
    nothing between the first name and it ends the role («بولاك وزملاؤه من جامعة … -
    ماديسون،»: «من» does, and the speaker stays the first)."""
    comma = next((t[1] for t in region if t[0] in {"،", ","}), None)
    named = [e for e in people if comma is not None and e.end <= comma]
    if len(people) < 2 or len(named) < 2:
        return None
    between = [t for t in region if named[0].end <= t[1] and t[2] <= named[-1].start]
    if any(_ends_role(normalize_word(t[0])) for t in between):
        return None
    return named[-1]


def _ends_role(word: str) -> bool:
    """Whether ``word`` (normalized) ends the speaker's role or brings in another person."""
    if word in _ROLE_ENDS:
        return True
    for clitic in ("لل", "وال", "ول", "و", "ل"):
        if word.startswith(clitic) and len(word) > len(clitic) + 2:
            rest = word[len(clitic) :]
            if rest in _OTHER_PERSON or rest.removeprefix("ال") in _OTHER_PERSON:
                return True
    return False


_WITH: Final = normalized("مع ومع حسب بحسب وفق وفقا طبقا وكاله لوكاله صحيفه لصحيفه قناه لقناه")
"""Words that bring in someone beside the speaker, or the outlet that reports or hears what
was said («أبلغ مسؤول حكومي آخر وكالة أنباء رويترز بأن»)."""


def _beside(words: Sequence[tuple[str, int, int]]) -> int | None:
    """Where someone beside the speaker, spoken to or reporting is brought in («مع», «لوزير
    الخارجية», «بحسب وكالة الأنباء»), when the speaker is written first (the words after the
    verb do not open with a preposition), or None."""
    if normalize_word(words[0][0]) in _SPEAKER_ENDS:
        return None
    for word, start, _ in words[1:]:
        norm = normalize_word(word)
        if norm in _WITH or (norm[:1] == "ل" and _a_role(norm[1:])):
            return start
    return None


def _a_role(word: str) -> bool:
    """Whether ``word`` (normalized, its «ل» cut) is a role: «وزير»; «لامير» (of «للأمير»)."""
    return word in ROLE_WORDS or (word[:1] == "ل" and word[1:] in ROLE_WORDS)


# places and bodies named after a person: «مركز الملك سلمان للإغاثة», «جامعة الملك سعود»
_NAMED_AFTER: Final = normalized(
    "مركز جامعه مستشفي مدينه مؤسسه مطار مجمع برنامج جائزه كليه معهد شارع قاعده مسجد جامع "
    "ميناء صندوق مكتبه مدرسه حي طريق"
)


_ROYAL: Final = normalized("الملك الامير الشيخ السلطان")


def _names_a_place(text: str, mention: EntityMention) -> bool:
    """Whether a person's name is part of the name of a place or body («لمركز الملك سلمان
    للإغاثة … رأفت الصباغ»: the spokesman speaks, not the king the centre is named after)."""
    words = text[max(0, mention.start - 40) : mention.start].split()[-2:]
    if len(words) < 2 or normalize_word(words[1]) not in _ROYAL:
        return False
    head = normalize_word(words[0])
    for clitic in ("", "ل", "ب", "و", "ال", "لل", "بال", "وال"):
        if head.startswith(clitic) and head[len(clitic) :] in _NAMED_AFTER:
            return True
    return False


def _cut(text: str, mention: EntityMention, end: int) -> EntityMention:
    """``mention`` ending before ``end`` (a name the tagger ran on into «بحسب هافنغتون بوست»)."""
    if mention.end <= end:
        return mention
    name = text[mention.start : end].rstrip(" ،,")
    return replace(mention, end=mention.start + len(name), name=name)


def _speaker(
    text: str, region: Sequence[tuple[str, int, int]], entities: Sequence[EntityMention]
) -> Speaker | None:
    """Who speaks, from the tokens between the verb and what is said."""
    words = [t for t in region if t[0] not in {"،", ",", "(", ")"}]
    words = [t for t in words if normalize_word(t[0]) not in _OBJECT_PRONOUNS]
    if not words or normalize_word(words[0][0]) in _HONORIFICS | _CONVEYED:
        return None
    if words[0][0][0].isalpha() and verb_kind(words[0][0]):
        return None  # «وأردف يقول:»: a second verb, no speaker written
    first, last = region[0][1], region[-1][2]
    if normalize_word(words[0][0]) in _SOURCES:
        entities = ()  # the report, not the paper that carried it, is the source
    inside = [
        e for e in entities if first <= e.start and e.end <= last and not _names_a_place(text, e)
    ]
    beside = _beside(words)
    if beside is not None:  # «قالت دول الخليج في بيان مع … جون كيري إن»: not Kerry
        inside = [_cut(text, e, beside) for e in inside if e.start < beside]
    apposed = _apposed_name(region, [e for e in inside if e.kind == "PER"])
    if apposed is not None:
        return apposed.name, apposed.start, apposed.key
    for kind in ("PER", "ORG", "LOC"):
        for mention in inside:
            if mention.kind == kind:
                return mention.name, mention.start, mention.key
    kept: list[tuple[str, int, int]] = []
    for k, token in enumerate(region):
        if not token[0].isalnum():
            if kept and not (token[0] == "." and abbreviated(region, k)):
                break
            continue
        norm = normalize_word(token[0])
        if not kept and norm in _OBJECT_PRONOUNS:
            continue  # «وقال لهم الأمير»: to whom, before who
        if norm in _SPEAKER_ENDS or (beside is not None and token[1] >= beside):
            break
        kept.append(token)
    if not kept:
        return None
    start, end = kept[0][1], kept[-1][2]
    return text[start:end], start, None


_FROM: Final = normalized("عن")
_SAYING: Final = normalized("قوله قولها قولهم القول")


def _reported_from(
    verb: str, region: Sequence[tuple[str, int, int]]
) -> Sequence[tuple[str, int, int]]:
    """After «نقل» the speaker is who the words are carried from: «ونقلت الصحيفة عن ديف ريد مدير
    "آفجين ليمتد"، قوله:» is said by Reed, not the paper."""
    if normalize_word(verb).lstrip("وف").rstrip("ت") != "نقل":
        return region
    at = next((k for k, t in enumerate(region) if normalize_word(t[0]) in _FROM), None)
    if at is None or at == 0:
        return region
    return [t for t in region[at + 1 :] if normalize_word(t[0]) not in _SAYING]


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
    region = _reported_from(tokens[verb][0], region)
    speaker = None if kind == "participle" else _speaker(text, region, entities)
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
            return _speaker(text, region, ()) if region else None
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
