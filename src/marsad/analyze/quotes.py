"""Who said what: direct and reported speech in Arabic news, with speaker and span.

News writes speech in a few fixed shapes, read here on the tagger's tokens
(``ner.tagger.tokens_of``):

- a **speech verb** (قال، أكد، أضاف، ذكر، أشار، أوضح، صرّح، لفت، تابع، أعلن، بيّن، شدد، نفى، كشف
  …, any person and gender, after و or ف) opens it;
- then the **speaker**, the words between the verb and what is said: «وقالت وزارة الخارجية
  العراقية في بيان:», «وأكد الناطق باسم …، اللواء تحسين الخفاجي، في تصريح …»;
- then **what is said**: inside quotation marks («», "", “”) after a colon or directly, or after
  «إنّ / أنّ / بأن» (reported speech) to the end of the sentence, or inside quotation marks
  that follow «أن».

The speaker is the first person the entity stage found in those words (of several before a
comma, the one apposed to the speaker's role: «المتحدث الرسمي لمركز الملك سلمان … رأفت
الصباغ،»), else the first organization or place, else the words themselves up to a
preposition or a comma («مصادر عراقية مطلعة», «البيان»). A verb that is also a noun («نقل»
a transfer, «كشف» a list) is a verb only where a clause opens or after و/ف. A verb with no
words before what is said («وأضاف:», «وتابع أن»), and a participle that carries a sentence on
(«مؤكداً أن», «لافتاً إلى أن», «مضيفاً:»), continue the speaker of the quote before them
(``implicit``). A verb whose object is not speech («أعلنت
الوزارة بدء الجولة») has no colon, quotation mark or «أن» near it and gives nothing.

Every span is one of the original text; the text is never changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from marsad.analyze.entities import EntityMention
from marsad.analyze.ner.rules import ROLE_WORDS, normalized
from marsad.analyze.ner.tagger import Sentences, tokens_of
from marsad.arabic.normalize import normalize, normalize_word
from marsad.models import QuoteRow

__all__ = ["Quote", "find_quotes"]

# Past stems of speech verbs (normalized), and their participles that continue a sentence.
_VERBS: Final = normalized(
    """
    قال اكد اضاف ذكر اشار اوضح صرح لفت تابع اعلن بينت شدد نفي كشف اعتبر راي نقل طالب دعا
    افاد اعرب نوه استطرد اردف ختم زعم حذر اورد كتب ابان روي
    """
)
_PARTICIPLES: Final = normalized(
    """
    مؤكدا مضيفا مشيرا لافتا موضحا معتبرا مشددا منوها مبينا متابعا مردفا محذرا معربا منبها
    مؤكده مضيفه مشيره لافته موضحه معتبره مشدده سائلا سائله قائلا قائله داعيا داعيه
    مؤكدين مضيفين مشيرين لافتين موضحين معتبرين مشددين منوهين مبينين محذرين قائلين داعين
    """
)
# present tense: a speaker must be written after it («ويضيف خليفة أن»; not «يذكر أن …»)
_PRESENT: Final = normalized(
    """
    يقول تقول يقولون يؤكد تؤكد يضيف تضيف يشير تشير يوضح توضح يتابع تتابع يشرح تشرح يرى ترى
    يذكر تذكر يبين تبين يعتبر تعتبر يكشف تكشف يروي تروي
    """
)
# «وبين» (and he explained) is also «و + بين» (and between): a verb only with و and a speaker
_AMBIGUOUS: Final = normalized("وبين")
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
_SUFFIXES: Final = ("", "ت", "وا", "ا", "تا", "ن")
_CLITICS: Final = ("", "و", "ف")
_THAT: Final = normalized("ان انه انها انهم بان بانه بانها")
_WAS: Final = normalized("كان كانت كانوا")
_OPEN: Final = {"«": "»", '"': '"', "“": "”", "”": "”"}
_REACH: Final = 24  # tokens between a verb and what is said, at most
_MIN_WORDS: Final = 3  # a quote says at least this many words
# where a speaker's own words end when no entity names it
_SPEAKER_ENDS: Final = normalized(
    "في خلال عبر امام لدى حسب وفق اليوم امس مساء صباح يوم عقب بعد قبل اثناء على الي ل عن من"
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


@dataclass(frozen=True, slots=True)
class Quote:
    """What a speaker said: ``text`` is the original ``[start:end]``; the speaker as written
    (``speaker`` at ``speaker_start``; None when none is found), its entity key when the
    entity stage named it, the verb as written, ``direct`` speech or reported, and whether the
    speaker was carried from the quote before (``implicit``)."""

    start: int
    end: int
    text: str
    verb: str
    speaker: str | None
    speaker_start: int | None
    speaker_key: str | None
    direct: bool
    implicit: bool

    def stored(self, article_id: str) -> QuoteRow:
        """The row that keeps this quote of the article ``article_id``."""
        return QuoteRow(
            article_id,
            self.start,
            self.end,
            self.verb,
            self.speaker,
            self.speaker_start,
            self.speaker_key,
            self.direct,
            self.implicit,
        )


@lru_cache(maxsize=1 << 16)
def _verb_kind(token: str) -> str | None:
    """'verb' for a speech verb in the past, 'present' for one in the present (which needs a
    speaker written after it), 'participle' for one that continues, else None."""
    norm = normalize_word(token)
    for clitic in _CLITICS:
        if not norm.startswith(clitic):
            continue
        rest = norm[len(clitic) :]
        if rest in _PARTICIPLES or (rest.endswith("ا") and rest[:-1] in _PARTICIPLES):
            return "participle"
        if rest in _PRESENT:
            return "present"
        if norm in _AMBIGUOUS:  # «وبيّن», with its shadda written, is the verb
            return "verb" if "\u0651" in token else "present"
        for suffix in _SUFFIXES:
            if suffix and not rest.endswith(suffix):
                continue
            stem = rest[: len(rest) - len(suffix)] if suffix else rest
            if stem in _VERBS:
                return "verb"
    return None


def find_quotes(
    text: str, entities: Sequence[EntityMention] = (), sentences: Sentences | None = None
) -> list[Quote]:
    """The quotes of ``text`` in order, speakers named from ``entities`` (its mentions, from
    ``analyze.entities.article_entities``) where they fall between verb and quote
    (``sentences``: its ``tokens_of``, when the caller has them)."""
    sentences = tokens_of(text) if sentences is None else sentences
    tokens = [t for sentence in sentences for t in sentence]
    ends = _sentence_ends(sentences)
    starts = [t[1] for t in tokens]
    found: list[Quote] = []
    i = 0
    while i < len(tokens):
        kind = _verb_kind(tokens[i][0]) if tokens[i][0][0].isalpha() else None
        if kind is None or (kind == "verb" and _noun_here(tokens, ends, i)):
            i += 1
            continue
        quote = _quote_after(text, tokens, ends, i, kind, entities, found, starts)
        if quote is None:
            i += 1
            continue
        found.append(quote)
        i = max(i + 1, bisect.bisect_left(starts, quote.end))
    return found


# past speech verbs written like a noun («نقل الكفالة» a transfer, «ذكر الله», «كشف حساب»,
# «رأي الخبراء»): without و or ف, a verb only where a clause opens
_HOMOGRAPHS: Final = normalized("نقل ذكر كشف نفي راي")
_OPENERS: Final = normalized("قد لقد وقد كما وكما ثم حيث")


def _noun_here(tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], i: int) -> bool:
    """Whether the verb-like word at ``i`` is read as a noun: one of ``_HOMOGRAPHS`` with no
    clitic, after a word of its own sentence that does not open a clause («طلب نقل كفالة»;
    not «. نقل», «وقد نقل», nor «كشف» opening a body after its title's line)."""
    if normalize_word(tokens[i][0]) not in _HOMOGRAPHS or i == 0 or ends[i - 1] != ends[i]:
        return False
    before = tokens[i - 1][0]
    return before[0].isalpha() and normalize_word(before) not in _OPENERS


def _sentence_ends(sentences: Sentences) -> list[int]:
    """For each token (by index over all sentences), the index of its sentence's last token."""
    ends: list[int] = []
    at = 0
    for sentence in sentences:
        at += len(sentence)
        ends += [at - 1] * len(sentence)
    return ends


def _quote_after(
    text: str,
    tokens: Sequence[tuple[str, int, int]],
    ends: Sequence[int],
    verb: int,
    kind: str,
    entities: Sequence[EntityMention],
    before: Sequence[Quote],
    starts: Sequence[int],
) -> Quote | None:
    """The quote the verb at ``verb`` opens, or None when no speech follows it (``ends``:
    each token's sentence's last token; ``starts``: each token's offset)."""
    limit = min(len(tokens), verb + 1 + _REACH)
    last = ends[verb]  # the verb's sentence's last token
    j = verb + 1
    while j < limit:
        word = tokens[j][0]
        norm = normalize_word(word)
        if word == "." and _abbreviated(tokens, j):  # «د. عبدالله»: the sentence goes on
            last = ends[min(j + 1, len(tokens) - 1)]
            j += 1
            continue
        if word in ".؟!؛" or j > last:
            return None
        that = norm in _THAT or (norm == "الي" and _next_that(tokens, j))
        if word not in _OPEN and word != ":" and not that:
            j += 1
            continue
        first = j + 2 if norm == "الي" else j + 1
        mark = word if word in _OPEN else ""
        if not mark and first < len(tokens) and tokens[first][0] in _OPEN:
            mark = tokens[first][0]
            first += 1
        span = _content(text, tokens, ends, first, mark)
        if span is None:
            return None
        start, end, direct = span
        if len(text[start:end].split()) < _MIN_WORDS:
            if direct and word in _OPEN:  # a name in marks («سبوتنيك») before the speech
                j = bisect.bisect_left(starts, end + 1, lo=j)
                continue
            return None
        region = tokens[verb + 1 : j]
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
            speaker = _entity_before(tokens, ends, verb, entities, before)
        if speaker is None and before:
            speaker = (before[-1].speaker, before[-1].speaker_start, before[-1].speaker_key)
        if speaker is None:
            speaker = _person_before(tokens[verb][1], entities, before, frozenset())
        name, at, key = speaker if speaker else (None, None, None)
        return Quote(start, end, text[start:end], tokens[verb][0], name, at, key, direct, implicit)
    return None


# «د.» doctor, «أ.» professor; not «م.», which also closes a year («1990 م.»)
_ABBREVIATIONS: Final = frozenset("دأ")


def _abbreviated(tokens: Sequence[tuple[str, int, int]], j: int) -> bool:
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
    first = verb
    while first > 0 and ends[first - 1] == ends[verb]:
        first -= 1
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
    first = verb
    while first > 0 and ends[first - 1] == ends[verb]:
        first -= 1
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


def _entity_before(
    tokens: Sequence[tuple[str, int, int]],
    ends: Sequence[int],
    verb: int,
    entities: Sequence[EntityMention],
    before: Sequence[Quote],
) -> Speaker | None:
    """The nearest person (else organization) named before the verb in its sentence, not
    inside a quote: «… مصطفى الكاظمي، قد زار مقر …، حيث أعلن أن …»."""
    start = tokens[verb][1]
    first = verb
    while first > 0 and ends[first - 1] == ends[verb]:
        first -= 1
    sentence_start = tokens[first][1]
    outside = [
        e
        for e in entities
        if sentence_start <= e.start
        and e.end <= start
        and not any(q.start <= e.start < q.end for q in before)
    ]
    for kind in ("PER", "ORG"):
        found = [e for e in outside if e.kind == kind]
        if found:
            return found[-1].name, found[-1].start, found[-1].key
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


def _next_that(tokens: Sequence[tuple[str, int, int]], j: int) -> bool:
    """«إلى أن» after لفت / أشار: the «أن» is the next token."""
    return j + 1 < len(tokens) and normalize_word(tokens[j + 1][0]) in _THAT


def _content(
    text: str, tokens: Sequence[tuple[str, int, int]], ends: Sequence[int], first: int, mark: str
) -> tuple[int, int, bool] | None:
    """The span of what is said from token ``first``: to the closing mark when ``mark``
    opened one, else to the end of the sentence (or of the line), or to a comma that a
    speech verb follows."""
    if first >= len(tokens):
        return None
    start = tokens[first][1]
    close = _OPEN.get(mark)
    if close is not None:
        end = _closing(text, start, mark, close)
        if end != -1:
            return start, end, True
    last = ends[first]
    for k in range(first + 1, last):
        # «…، مشيراً إلى أن …»: a comma and a speech verb start the next quote
        if (
            tokens[k][0] in "،,"
            and tokens[k + 1][0][0].isalpha()
            and _verb_kind(tokens[k + 1][0]) in ("verb", "participle")
        ):  # not «، وتبين له» (and it appeared to him), a present tense with no speaker
            last = k
            break
    end = tokens[last][2]
    if tokens[last][0] in ".؟!؛،,":
        end = tokens[last][1]
    return (start, end, False) if end > start else None


def _closing(text: str, start: int, mark: str, close: str) -> int:
    """Where the quotation opened by ``mark`` before ``start`` closes, within its paragraph
    (-1 when it does not): marks that open and close differently nest («… «داعش» …»); a
    straight quote closes at the next one on its line (an unclosed one must not take the
    next quotation's opening mark for its end)."""
    if mark == close:
        line_end = text.find("\n", start)
        return text.find(close, start, len(text) if line_end == -1 else line_end)
    paragraph_end = text.find("\n\n", start)
    depth = 1
    for k in range(start, len(text) if paragraph_end == -1 else paragraph_end):
        char = text[k]
        if char == mark:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return k
    return -1


_WITH: Final = normalized("مع ومع حسب بحسب وفق وفقا طبقا")
"""Words that bring in someone beside the speaker, or the outlet that reports what was said."""


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


def _speaker(
    text: str, region: Sequence[tuple[str, int, int]], entities: Sequence[EntityMention]
) -> Speaker | None:
    """Who speaks, from the tokens between the verb and what is said."""
    words = [t for t in region if t[0] not in {"،", ",", "(", ")"}]
    words = [t for t in words if normalize_word(t[0]) not in _OBJECT_PRONOUNS]
    if not words or normalize_word(words[0][0]) in _HONORIFICS | _CONVEYED:
        return None
    if words[0][0][0].isalpha() and _verb_kind(words[0][0]):
        return None  # «وأردف يقول:»: a second verb, no speaker written
    first, last = region[0][1], region[-1][2]
    if normalize_word(words[0][0]) in _SOURCES:
        entities = ()  # the report, not the paper that carried it, is the source
    inside = [e for e in entities if first <= e.start and e.end <= last]
    beside = _beside(words)
    if beside is not None:  # «قالت دول الخليج في بيان مع … جون كيري إن»: not Kerry
        inside = [e for e in inside if e.start < beside]
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
            if kept and not (token[0] == "." and _abbreviated(region, k)):
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
