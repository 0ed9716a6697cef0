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

Who speaks is read by ``quote_speakers``: the words between verb and speech
(``speaker_words``), else the speaker a verb or participle continues (``implicit``). A verb
that is also a noun («نقل» a transfer, «كشف» a list) is a verb only where a clause opens or
after و/ف. A verb whose object is not speech («أعلنت الوزارة بدء الجولة») has no colon,
quotation mark or «أن» near it and gives nothing.

Every span is one of the original text; the text is never changed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from marsad.analyze.entities import EntityMention
from marsad.analyze.ner.rules import normalized
from marsad.analyze.ner.tagger import Sentences, tokens_of
from marsad.analyze.quote_speakers import speaker_of
from marsad.analyze.speaker_words import abbreviated
from marsad.analyze.speech_verbs import verb_kind
from marsad.arabic.normalize import normalize_word
from marsad.models import QuoteRow

__all__ = ["Quote", "find_quotes"]


_THAT: Final = normalized("ان انه انها انهم بان بانه بانها")


_OPEN: Final = {"«": "»", '"': '"', "“": "”", "”": "”"}


_REACH: Final = 24  # tokens between a verb and what is said, at most


_MIN_WORDS: Final = 3  # a quote says at least this many words


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
        kind = verb_kind(tokens[i][0]) if tokens[i][0][0].isalpha() else None
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
        if word == "." and (abbreviated(tokens, j) or _bracketed(text, tokens[j][1])):
            last = ends[min(j + 1, len(tokens) - 1)]  # «د. عبدالله», «(إف. بي. أي.)»
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
        if direct and word in _OPEN and _named_in_marks(text, start, end):
            j = bisect.bisect_left(starts, end + 1, lo=j)  # «"عبد الله الربيعة": إن …»
            continue
        if len(text[start:end].split()) < _MIN_WORDS:
            if direct and word in _OPEN:  # a name in marks («سبوتنيك») before the speech
                j = bisect.bisect_left(starts, end + 1, lo=j)
                continue
            return None
        found = speaker_of(text, tokens, ends, verb, kind, entities, before, tokens[verb + 1 : j])
        if found is None:
            return None
        speaker, implicit = found
        name, at, key = speaker if speaker else (None, None, None)
        return Quote(start, end, text[start:end], tokens[verb][0], name, at, key, direct, implicit)
    return None


_SPEECH_AFTER: Final = re.compile(r"[\"»”]?[^\S\n]*[:،,]?[^\S\n]*(?:[وف]?[اإأ]ن|ب[اأ]ن)[^\w]")


def _named_in_marks(text: str, start: int, end: int) -> bool:
    """Whether the words in marks are a name before what is said: «"عبد الله الربيعة": إن …»
    (a few words, and «إن/أن» right after the closing mark)."""
    return len(text[start:end].split()) <= 4 and bool(_SPEECH_AFTER.match(text, end))


def _bracketed(text: str, at: int) -> bool:
    """Whether the full stop at ``at`` stands inside brackets that open and close on its
    line, near it: the dots of an abbreviation («(إف. بي. أي.)»)."""
    opened = text.rfind("(", max(0, at - 20), at)
    closed = text.find(")", at, at + 20)
    return (
        opened != -1
        and closed != -1
        and ")" not in text[opened:at]
        and "\n" not in text[opened:closed]
    )


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
            and verb_kind(tokens[k + 1][0]) in ("verb", "participle")
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
