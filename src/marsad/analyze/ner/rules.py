"""Names the CRF misses that news writes in fixed shapes: organizations and apposed people.

ANERcorp, which the CRF learned from, tags almost no ministries, commands or alliances (its F1
on organizations in modern news is 0.20, ``docs/ner.md``), and a person named only once, after
a long role and between commas, is often left untagged. Two shapes are read here, on the
tokens the tagger reads (``tagger.tokens_of``):

- **an organization**: a head noun that names a kind of body (وزارة، هيئة، قيادة، مجلس، حزب،
  حركة، منظمة، التحالف، الحشد …) followed by one to four words with the article ال — its
  complement and adjectives: «وزارة الخارجية العراقية», «قيادة العمليات المشتركة», «التحالف
  الدولي», «الحشد الشعبي». A definite head («التحالف») needs an adjective of relation after it
  (الدولي، الشعبي، الإسلامي: ending in ي or ية), so «التحالف المتبقية» is not read as one;
- **a known organization**: a name of ``gazetteer-modern-org.txt`` (armed groups, alliances,
  agencies and companies of the news since 2007, which ANERcorp never saw: «داعش»,
  «الحوثيين», «حزب الله»), after a clitic at most («وداعش»), whatever the tagger made of it
  (it reads «داعش» as a place or MISC as often as an organization);
- **a person apposed to a role**: a role word (السفير، المتحدث، الناطق، وزير، رئيس، اللواء …)
  opens a clause, a comma follows, then one to three words that are not function words and do
  not take the article, then a comma or a full stop: «السفيرة الأميركية في بغداد، آلينا
  رومانسكي،».

``extend`` adds what the rules find to the tagger's mentions: a rule's span replaces the
mentions it contains («برايس» inside «نيد برايس»), and a mention it overlaps only in part
stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from marsad.analyze.ner.features import bare, gazetteer
from marsad.analyze.ner.tagger import MODEL_DIR, Mention, Sentences, tokens_of
from marsad.arabic.normalize import normalize, normalize_word
from marsad.arabic.stopwords import ARABIC_STOPWORDS

__all__ = ["ORG_HEADS", "ROLE_WORDS", "extend", "normalized", "rule_mentions"]


def normalized(block: str) -> frozenset[str]:
    """The words of ``block``, normalized: a word list that reads like one."""
    return frozenset(normalize(word) for word in block.split())


ORG_HEADS: Final = normalized(
    """
    وزارة هيئة قيادة مجلس حزب حركة منظمة جبهة رابطة اتحاد جمعية وكالة مؤسسة شركة جامعة بنك مصرف
    محكمة لجنة مديرية دائرة مفوضية سلطة جهاز تحالف حشد تنظيم فيلق كتائب ائتلاف
    """
)
# a definite head («التحالف الدولي») names a body only with an adjective of relation after it
_DEFINITE_HEADS: Final = normalized("تحالف حشد اتحاد ائتلاف جيش")
ROLE_WORDS: Final = normalized(
    """
    رئيس وزير وزيرة سفير سفيرة متحدث متحدثة ناطق ناطقة لواء عميد عقيد فريق مشير جنرال قائد
    مستشار مستشارة نائب نائبة أمين مدير مديرة محافظ عضو مبعوث مبعوثة مندوب مندوبة ملك أمير شيخ
    دكتور قاضي مدرب لاعب مراسل مراسلة
    """
)
_MAX_TAIL: Final = 4  # words after an organization's head
_MAX_APPOSED: Final = 3  # words of an apposed name
_ROLE_REACH: Final = 8  # words back from the comma where the role word may stand
_COMMAS: Final = frozenset("،,")
# words set between commas that are not names: days and adverbs of time and manner
_NOT_NAMES: Final = normalized(
    """
    أمس غدا حاليا مجددا أيضا كذلك بدوره بدورها بدورهم سابقا لاحقا مساء صباحا
    """
)


def _tail(word: str, definite_head: bool) -> bool:
    """Whether ``word`` (normalized) continues an organization's name: it takes the article
    (الخارجية، للامن; not والولايات, a new name after «and»), is no function word (التي) and
    no head of another name; after a definite head, only adjectives of relation (الدولي; not
    the participle المتبقية)."""
    if not word.startswith(("ال", "لل")) or len(word) <= 3 or word in ARABIC_STOPWORDS:
        return False
    if bare(word) in ORG_HEADS:
        return False
    relational = word.endswith(("ي", "يه")) and not word.startswith(("المت", "المست"))
    return not definite_head or (relational and len(word) > 4)


def _organizations(words: Sequence[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        head = words[i] if words[i] in ORG_HEADS else bare(words[i])
        definite = words[i].startswith(("ال", "وال", "بال", "لل", "فال", "كال"))
        if head not in ORG_HEADS or (definite and head not in _DEFINITE_HEADS):
            i += 1
            continue
        end = i + 1
        while (
            end < len(words)
            and end - i <= _MAX_TAIL
            and _tail(words[end], definite)
            and words[end] not in words[i:end]  # a name written twice in a keyword line
        ):
            end += 1
        if end > i + 1:
            found.append((i, end))
            i = end
        else:
            i += 1
    return found


_CLITICS: Final = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")


@lru_cache(maxsize=1)
def _known() -> dict[str, frozenset[tuple[str, ...]]]:
    """The known organizations' names (normalized words), by every form their first word
    takes after a clitic: itself, after و ف ب ل ك (or two of them), «لل…» for «ال…»."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in gazetteer(MODEL_DIR / "gazetteer-modern-org.txt"):
        first = name[0]
        forms = {clitic + first for clitic in _CLITICS}
        if first.startswith("ال"):
            forms |= {clitic + "لل" + first[2:] for clitic in ("", "و", "ف")}
        for form in forms:
            by_first.setdefault(form, set()).add(name)
    return {form: frozenset(names) for form, names in by_first.items()}


def _known_organizations(words: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the known organizations' names, the longest at each place; the first word may
    carry a clitic the entry does not (وداعش، للحوثيين)."""
    known = _known()
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        names = known.get(words[i])
        size = 0
        if names:
            size = max(
                (len(n) for n in names if tuple(words[i + 1 : i + len(n)]) == n[1:]), default=0
            )
        if size:
            found.append((i, i + size))
        i += size or 1
    return found


def _apposed(words: Sequence[str], raw: Sequence[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for comma, word in enumerate(words):
        if word not in _COMMAS:
            continue
        start = comma + 1
        end = start
        while (
            end < len(words)
            and end - start < _MAX_APPOSED
            and words[end].isalpha()
            and not raw[end].startswith("ال")  # as written: «آلينا» is no article
            and words[end] not in ARABIC_STOPWORDS
            and bare(words[end]) not in ROLE_WORDS
            and words[end] not in _NOT_NAMES
        ):
            end += 1
        closed = end < len(words) and words[end] in {*_COMMAS, ".", "؛"}
        if end == start or not closed:
            continue
        if _clause_has_role(words[max(0, comma - _ROLE_REACH) : comma]):
            found.append((start, end))
    return found


def _clause_has_role(before: Sequence[str]) -> bool:
    """Whether the words before a comma, back to the previous punctuation, open with a role."""
    clause: list[str] = []
    for word in reversed(before):
        if not word.isalpha():
            break
        clause.append(word)
    return any(bare(w) in ROLE_WORDS or w in ROLE_WORDS for w in clause)


@lru_cache(maxsize=1 << 17)
def _normalized_token(word: str) -> str:
    return normalize_word(word)


def rule_mentions(text: str, sentences: Sentences | None = None) -> list[Mention]:
    """The organizations and apposed people the rules find in ``text``, as spans of it
    (``sentences``: its ``tokens_of``, when the caller has them)."""
    found: list[Mention] = []
    for sentence in tokens_of(text) if sentences is None else sentences:
        raw = [word for word, _, _ in sentence]
        words = [_normalized_token(word) for word in raw]
        organizations = dict.fromkeys(_organizations(words) + _known_organizations(words))
        for kind, spans in (("ORG", organizations), ("PER", _apposed(words, raw))):
            for first, last in spans:
                start, end = sentence[first][1], sentence[last - 1][2]
                found.append(Mention(start, end, kind, text[start:end]))
    return found


def extend(
    text: str, mentions: Sequence[Mention], sentences: Sentences | None = None
) -> list[Mention]:
    """``mentions`` with what the rules find in ``text``: a rule's span replaces the mentions
    inside it and is dropped when it overlaps one only in part."""
    kept = list(mentions)
    for rule in rule_mentions(text, sentences):
        inside = [m for m in kept if rule.start <= m.start and m.end <= rule.end]
        partial = [m for m in kept if m not in inside and m.start < rule.end and rule.start < m.end]
        if partial:
            continue
        kept = [m for m in kept if m not in inside] + [rule]
    return sorted(kept, key=lambda m: (m.start, m.end))
