"""The people, organizations and places of one article, each under a key that is the same for
every spelling of its name.

The tagger (``analyze.ner``) and its rules give spans of the original text. Each becomes an
``EntityMention``:

- **name**: the span without the clitics the tagger leaves on its first word — the conjunction
  و or ف, the prepositions ب ل ك, «لل» for «ل + ال»: «وبغداد» is بغداد, «للكاظمي» is الكاظمي.
  The conjunction and prepositions are letters many names begin with (وليد، بلال، كركوك), so
  one is cut only when what is left is written without it in the same article or is a
  gazetteer entry; «وال»، «بال»، «فال»، «كال» and «لل» become «ال» always;
- **key**: the name folded as search folds it (``arabic.normalize``: hamzas, alef maqsura,
  ta marbuta, diacritics, «أميركي/أمريكي»), each word that looks transliterated replaced by its
  transliteration key (``arabic.translit``: بليجريني and بيليغريني are one key);
- **role**: for a person, the title or role written before the name in its clause, as written
  («الرئيس الأميركي» before «جو بايدن», «الناطق باسم … اللواء» before «تحسين الخفاجي»),
  starting at the first role word (``rules.ROLE_WORDS``, or a title such as الشيخ، الدكتور)
  among the words before it.

Inside one article, a person named by part of a name given in full elsewhere in it
(«الخفاجي» after «اللواء تحسين الخفاجي») takes the full name's key, when only one full name
ends that way. Across articles, ``organize.entities`` groups keys into entities.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Final

from marsad.analyze.ner import Mention, default_tagger
from marsad.analyze.ner.features import Resources, bare
from marsad.analyze.ner.rules import ORG_HEADS, ROLE_WORDS, extend, normalized
from marsad.analyze.ner.tagger import MODEL_DIR, Sentences, tokens_of
from marsad.arabic.normalize import normalize_word
from marsad.arabic.translit import name_key
from marsad.models import EntityMentionRow

__all__ = [
    "KINDS",
    "EntityMention",
    "article_entities",
    "article_key",
    "entity_key",
    "entity_text",
    "resolve",
    "strip_clitics",
]

KINDS: Final = ("PER", "ORG", "LOC")
_LETTER_CLITICS: Final = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_TITLES: Final = normalized(
    """
    الرئيس رئيس الوزير وزير السفير السفيرة اللواء العميد العقيد الفريق المشير الجنرال الملك
    الأمير الشيخ الدكتور د المستشار النائب الأمين السيد السيدة الناطق المتحدث المتحدثة القائد
    المدرب اللاعب الفنان الكاتب الشاعر المخرج الممثل المهندس القاضي ولي خادم سمو معالي فضيلة
    البابا الإمام المرشد زعيم الزعيم المبعوث مبعوث المندوب مندوب المدير مدير محافظ المحافظ عضو
    العضو
    """
)
_ROLE_REACH: Final = 7  # words back from a person's name where its role may begin
_BREAKS: Final = frozenset('.،,؛:«»"()“”')
_MIN_LETTERS: Final = 3  # a name cut of its clitics keeps at least this many letters


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One name in one article: ``name`` is ``text[start:end]`` as written (clitics left out),
    ``key`` its spelling-free form, ``role`` the title written before a person's name."""

    start: int
    end: int
    kind: str
    name: str
    key: str
    role: str | None = None

    def stored(self, article_id: str) -> EntityMentionRow:
        """The row that keeps this mention of the article ``article_id``."""
        return EntityMentionRow(
            article_id, self.start, self.end, self.kind, self.key, self.name, self.role
        )


def entity_text(title: str | None, body: str) -> str:
    """The text an article's mentions are spans of: its title and body, a line apart."""
    return f"{title}\n{body}" if title else body


@cache
def _gazetteer_words() -> frozenset[str]:
    resources = Resources.load(MODEL_DIR)
    return frozenset().union(*resources.gazetteers.values())


def strip_clitics(word: str, attested: frozenset[str] | set[str] = frozenset()) -> int:
    """How many leading characters of ``word`` (as written, marks included) are clitics to
    leave out of a name. A clitic is cut only when what is left is known: written so in the
    article (``attested``, normalized words), a gazetteer entry, or the head of an
    organization's name (لمجلس); then و ف ب ل ك, and the «و ف ب ك» of «وال»-type words
    («والولايات» → «الولايات»), come off. «لل» is ل + ال with the alef swallowed: nothing can
    be cut off it that leaves the name as written, so it stays (``article_key`` keys it).
    Many names begin with those letters (وليد، فالح، والتر، بايدن), so the rest must keep three
    letters, and the preposition alone is not cut by the gazetteers (whose «ايدن» would make
    «بايدن» ب + «ايدن»).

    >>> strip_clitics("والولايات", {"الولايات"}), strip_clitics("وليد"), strip_clitics("فالح")
    (1, 0, 0)
    >>> strip_clitics("وبغداد", {"بغداد"}), strip_clitics("ببغداد", {"بغداد"})
    (1, 1)
    >>> strip_clitics("لِلكاظمي", {"الكاظمي"})
    0
    """
    norm = normalize_word(word)
    if norm.startswith("لل"):
        return 0
    for clitic in _LETTER_CLITICS:
        rest = norm[len(clitic) :]
        if not norm.startswith(clitic) or len(rest) < _MIN_LETTERS:
            continue
        gazetteer = clitic in "وف" or rest.startswith("ال")
        if rest in attested or bare(rest) in ORG_HEADS or (gazetteer and _known(rest, set())):
            return _written_length(word, len(clitic))
    return 0


def _known(rest: str, attested: frozenset[str] | set[str]) -> bool:
    return rest in attested or rest in _gazetteer_words() or bare(rest) in ORG_HEADS


def _written_length(word: str, letters: int) -> int:
    """The length in ``word`` of its first ``letters`` letters and the marks on them."""
    seen = 0
    for i, char in enumerate(word):
        if char.isalpha():
            if seen == letters:
                return i
            seen += 1
    return len(word)


def article_key(name: str, attested: frozenset[str] | set[str] = frozenset()) -> str:
    """The key of a name as an article writes it: ``entity_key``, and «للكاظمي» (ل + ال, the
    alef swallowed) keyed as «الكاظمي» when that is known (``strip_clitics``).

    >>> article_key("للكاظمي", {"الكاظمي"}), article_key("لليث")
    ('الكاظمي', 'لليث')
    """
    norm = normalize_word(name)
    if (
        norm.startswith("لل")
        and len(norm.split()[0]) > 4
        and _known("ال" + norm[2:].split()[0], attested)
    ):
        return entity_key("ال" + norm[2:])
    return entity_key(name)


def entity_key(name: str) -> str:
    """The spelling-free key of a name: folded as search folds, transliterated words keyed.

    >>> entity_key("بيليغريني") == entity_key("بليجريني")
    True
    >>> entity_key("الرئيس الأمريكي") == entity_key("الرئيس الأميركي")
    True
    """
    words = normalize_word(name).replace("ـ", "").split()
    return " ".join(name_key(word) or word for word in words if word.isalnum() or len(word) > 1)


def _role(text: str, start: int, sentence_start: int) -> str | None:
    """The title or role written before the name at ``start``, within its clause: from the
    first title or role word among the last words before it (a comma right before the name
    sets the role apart, as in «وزير الخارجية العراقي، فؤاد حسين»)."""
    before = text[sentence_start:start].rstrip()
    if before.endswith(("،", ",")):
        before = before[:-1]
    clause: list[str] = []
    for word in reversed(before.split()[-_ROLE_REACH:]):
        if any(mark in word for mark in _BREAKS):
            break
        clause.append(word)
    clause.reverse()
    for i, word in enumerate(clause):
        norm = normalize_word(word)
        if norm in _TITLES or norm in ROLE_WORDS:
            return " ".join(clause[i:])
        if norm[:1] == "و" and norm[1:] in _TITLES:  # «والرئيس»: the conjunction is not the role
            return " ".join([word[1:], *clause[i + 1 :]])
    return None


def article_entities(
    text: str, mentions: Sequence[Mention] | None = None, sentences: Sentences | None = None
) -> list[EntityMention]:
    """The people, organizations and places of ``text`` (an article's title and body): the
    tagger's mentions (or ``mentions``) with what the rules add, named and keyed, persons
    with their roles, short names resolved to the full names of the same article
    (``sentences``: its ``tokens_of``, when the caller has them)."""
    if mentions is None:
        sentences = tokens_of(text) if sentences is None else sentences
        mentions = extend(text, default_tagger().mentions(text, sentences), sentences)
    chosen = _completed(text, [m for m in mentions if m.kind in KINDS and not _formula(m.text)])
    attested = {normalize_word(word) for m in chosen for word in m.text.split()}
    found: list[EntityMention] = []
    previous_end = 0
    for mention in chosen:
        cut = strip_clitics(mention.text.split()[0], attested)
        start = mention.start + cut
        name = text[start : mention.end]
        key = article_key(name, attested)
        if not key:
            continue
        role = None
        if mention.kind == "PER":
            line_start = text.rfind("\n", 0, mention.start) + 1
            sentence_start = max(line_start, text.rfind(". ", 0, mention.start) + 1)
            # a role is written after the name before it («الرئيس … جو بايدن رئيس الوزراء …»)
            role = _role(text, mention.start, max(sentence_start, previous_end))
        found.append(EntityMention(start, mention.end, mention.kind, name, key, role))
        previous_end = mention.end
    return resolve(found)


_LINK: Final = frozenset(("بن", "ابن", "بنت"))
_NEXT_WORD: Final = re.compile(r"[^\S\n]+([^\W\d_]+)")


def _completed(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A person's name cut after «بن» («عبدالرحمن بن» | «مساعد») takes the word that follows,
    and the mention that word began is dropped."""
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.start < out[-1].end:
            continue  # taken by the name before
        words = mention.text.split()
        after = _NEXT_WORD.match(text, mention.end)
        if mention.kind == "PER" and words and normalize_word(words[-1]) in _LINK and after:
            mention = replace(mention, end=after.end(1), text=text[mention.start : after.end(1)])
        out.append(mention)
    return out


# the first words of pious formulas after a name, which the tagger takes for names:
# «-أيده الله-», «حفظه الله», «رحمه الله»; compared as written but for harakat and tatweel,
# since folding ة into ه would take the name «رحمة» for «رحمه»
_FORMULAS: Final = frozenset(
    [
        "أيده",
        "ايده",
        "حفظه",
        "حفظها",
        "حفظهم",
        "رحمه",
        "رحمها",
        "رحمهم",
        "يرحمه",
        "يرحمها",
        "رعاه",
        "رعاها",
    ]
)
_MARKS: Final = re.compile("[\u064b-\u0652\u0640]")


def _formula(name: str) -> bool:
    words = name.split()
    first = _MARKS.sub("", words[0]) if words else ""
    return first in _FORMULAS or first.removeprefix("و") in _FORMULAS


def resolve(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Persons named by the end of a longer name of the same article take its key, when one
    longer name alone ends that way («الخفاجي» → «تحسين الخفاجي»)."""
    full: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.key.split()
        if mention.kind == "PER" and len(words) > 1:
            for cut in range(1, len(words)):
                full[" ".join(words[cut:])].add(mention.key)
    found = []
    for mention in mentions:
        longer = full.get(mention.key, set()) if mention.kind == "PER" else set()
        if len(longer) == 1:
            mention = replace(mention, key=next(iter(longer)))
        found.append(mention)
    return found
