"""Who a speech verb's words name: the words between the verb and what is said.

The speaker is the first person the entity stage found in those words (of several before a
comma, the one apposed to the speaker's role), else the first organization or place, else the
words themselves up to a preposition or a comma; someone spoken to, beside the speaker or
reporting what was said, after a speaker written first, is not the speaker, nor a person a
place or body is named after («مركز الملك سلمان»). After «نقل» the words are carried from the
one after «عن». ``quote_speakers`` takes who a quote continues when these words name no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from marsad.analyze.entities import EntityMention
from marsad.analyze.ner.rules import ROLE_WORDS, normalized
from marsad.analyze.speech_verbs import verb_kind
from marsad.arabic.normalize import normalize_word

__all__ = ["HONORIFICS", "Speaker", "abbreviated", "named_speaker", "reported_from"]

# words that stand for a person named before («وقال سموه»)
HONORIFICS: Final = normalized("سموه معاليه فضيلته سماحته جلالته سعادته ايده حفظه")

# nouns of a source that speaks through what it publishes: «ذكرت دراسة أجرتها جامعة …»
_SOURCES: Final = normalized(
    "تقرير دراسه بيان مصادر مصدر بحث استطلاع تحقيق نشره الدراسه التقرير البيان المصادر المصدر"
)


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


def named_speaker(
    text: str, region: Sequence[tuple[str, int, int]], entities: Sequence[EntityMention]
) -> Speaker | None:
    """Who speaks, from the tokens between the verb and what is said."""
    words = [t for t in region if t[0] not in {"،", ",", "(", ")"}]
    words = [t for t in words if normalize_word(t[0]) not in _OBJECT_PRONOUNS]
    if not words or normalize_word(words[0][0]) in HONORIFICS | _CONVEYED:
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


def reported_from(
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
