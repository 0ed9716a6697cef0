"""What the tagger sees of each token: its forms, its word clusters, gazetteers and neighbours.

Arabic has no letter case, so a name is told by what surrounds it and by what kind of word it
is. Each token gives:

- its normalized form (``arabic.normalize``), the form with proclitics removed (و ف ب ل ك ال:
  «والرياض» → «رياض»), the clitics removed, its light stem, and its first and last letters;
- its shape: digits, Latin, capitalized Latin (CNN, Apple), punctuation, length;
- its word clusters at three granularities (``clusters.tsv``: distributional classes learned
  from 11.6 million words of unlabelled news, ``ner/train.py``), which carry what the labelled
  corpus never saw: an unseen foreign surname falls in the class of the surnames it did see;
- membership in Benajiba's person, place and organization gazetteers, one word or several,
  and in the places and organizations of the news since 2007 they lack
  (``gazetteer-modern-*.txt``: Iraqi and Syrian governorates, armed groups, agencies);
- cue words: titles, roles and kinds of place or body (الرئيس، وزير، اللواء، وكالة، محافظة);
- the forms, clusters and cues of the two tokens on either side.

A token's own features depend on the token alone, so they are computed once per distinct token
and kept (``Features``); only the neighbour features are assembled per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from marsad.arabic.normalize import normalize, normalize_word
from marsad.arabic.stem import stem_tokens

__all__ = [
    "CUES",
    "EDGES",
    "OFFSETS",
    "Features",
    "Item",
    "Resources",
    "Token",
    "bare",
    "pair_names",
]

_PROCLITICS: Final = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")
_CONJUNCTION: Final = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?")
_LATIN: Final = re.compile(r"[a-z]+")

# Titles, roles and kinds of places and bodies that come before names, and speech verbs that
# come after them (normalized when loaded).
_CUE_WORDS: Final = """
رئيس الرئيس وزير الوزير السفير اللواء العميد العقيد الفريق المشير الناطق المتحدث وكالة
وزارة محافظة محافظ قضاء الملك الامير الأمير الشيخ الدكتور د المستشار النائب الأمين السيد
السيدة مدينة العاصمة بلدة قرية جامعة شركة حزب منظمة مجلس هيئة جمعية نادي صحيفة قناة البابا
الجنرال المدرب اللاعب الفنان الكاتب الشاعر المخرج الممثل المهندس القاضي ولي خادم الحرمين
سمو معالي فضيلة قال أكد أضاف ذكر أوضح أشار صرح أعلن
"""
CUES: Final = frozenset(_CUE_WORDS.split())


def bare(word: str) -> str:
    """``word`` (normalized) without its proclitics, when at least two letters remain.

    >>> bare("والرياض"), bare("بال"), bare("للامم")
    ('رياض', 'بال', 'امم')
    """
    if word.startswith("لل") and len(word) > 3:
        return word[2:]
    found = _PROCLITICS.match(word)
    cut = found.end() if found else 0
    return word[cut:] if len(word) - cut >= 2 else word


@dataclass(frozen=True, slots=True)
class Resources:
    """Word clusters and gazetteers, loaded once (``load``)."""

    clusters: dict[str, tuple[str, ...]]
    gazetteers: dict[str, frozenset[str]]  # kind -> single normalized words
    phrases: dict[str, frozenset[tuple[str, ...]]]  # kind -> normalized multiword entries
    cues: frozenset[str]

    @classmethod
    def load(cls, folder: Path) -> Resources:
        clusters: dict[str, tuple[str, ...]] = {}
        with (folder / "clusters.tsv").open(encoding="utf-8") as lines:
            for line in lines:
                word, *ids = line.rstrip("\n").split("\t")
                clusters[word] = tuple(ids)
        gazetteers: dict[str, frozenset[str]] = {}
        phrases: dict[str, frozenset[tuple[str, ...]]] = {}
        for kind in ("PERS", "LOC", "ORG"):
            names = gazetteer(folder / f"gazetteer-{kind.lower()}.txt")
            modern = folder / f"gazetteer-modern-{kind.lower()}.txt"
            if modern.is_file():  # what ANERGazet, from 2007, lacks
                names |= gazetteer(modern)
            gazetteers[kind] = frozenset(n[0] for n in names if len(n) == 1)
            phrases[kind] = frozenset(n for n in names if 1 < len(n) <= 4)
        cues = frozenset(normalize(word) for word in CUES)
        return cls(clusters, gazetteers, phrases, cues)

    def cluster(self, norm: str) -> tuple[str, ...] | None:
        """The clusters of a normalized word, or of its form without و ف ب ل ك, or with ال."""
        found = self.clusters.get(norm)
        if found is None:
            head = _CONJUNCTION.match(norm)
            rest = norm[head.end() :] if head else norm
            found = self.clusters.get(rest) or self.clusters.get("ال" + rest)
            if found is None and norm.startswith("لل"):
                found = self.clusters.get("ال" + norm[2:])
        return found


def gazetteer(path: Path) -> set[tuple[str, ...]]:
    """The normalized entries of one of Benajiba's gazetteer files (``====`` lines skipped)."""
    found: set[tuple[str, ...]] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            words = tuple(normalize(line).split())
            if words and not words[0].startswith("="):
                found.add(words)
    return found


Item = list[str]
"""One token's features as CRFsuite reads them: names of binary features, no repeats."""

OFFSETS: Final = (-2, -1, 1, 2)
"""Where the neighbours whose features a token sees stand."""
EDGES: Final = {offset: f"{offset}edge" for offset in OFFSETS}
"""What a token sees where a sentence has no neighbour at an offset."""


@dataclass(frozen=True, slots=True)
class Token:
    """What one distinct token contributes: its own features and what a neighbour at each
    offset sees of it."""

    own: tuple[str, ...]
    norm: str
    key: str  # ``bare`` of the raw token: what the document votes of ``tagger`` count by
    seen: dict[int, tuple[str, ...]]  # offset -> what the token there sees of this one


def pair_names(first: str, second: str) -> tuple[str, str]:
    """What the first of two neighbouring tokens (by normalized form) sees of the pair, and
    what the second does."""
    return f"pair+={first}|{second}", f"pair-={first}|{second}"


@dataclass
class Features:
    """Features for sentences of raw tokens (``of``), per-token parts memoized."""

    resources: Resources
    _memo: dict[str, Token] = field(default_factory=dict)
    _limit: int = 200_000
    _starts: dict[str, frozenset[str]] = field(default_factory=dict)

    def of(self, words: Sequence[str]) -> list[Item]:
        """The features of each token of a sentence."""
        parts = self._parts(words)
        n = len(parts)
        found: list[Item] = [list(part.own) for part in parts]
        for i, features in enumerate(found):
            for offset in OFFSETS:
                k = i + offset
                features.extend(parts[k].seen[offset] if 0 <= k < n else (EDGES[offset],))
        for i in range(n - 1):
            ahead, behind = pair_names(parts[i].norm, parts[i + 1].norm)
            found[i].append(ahead)
            found[i + 1].append(behind)
        for i, names in self.phrase_marks([p.norm for p in parts]).items():
            found[i] += names
        return found

    def fresh(self, words: Sequence[str]) -> list[Token]:
        """The parts of distinct ``words``, computed (not memoized)."""
        norms = [normalize_word(w) or w for w in words]
        stems = stem_tokens([n if n.isalnum() else "_" for n in norms])
        return [self._token(*triple) for triple in zip(words, norms, stems, strict=True)]

    def phrase_marks(self, norms: Sequence[str]) -> dict[int, list[str]]:
        """Tokens (by position) inside a multiword gazetteer entry: ``gazB=`` first, ``gazI=``
        after."""
        n = len(norms)
        marks: dict[int, dict[str, None]] = {}
        for kind, entries in self.resources.phrases.items():
            starts = self._starts.get(kind)
            if starts is None:
                starts = self._starts[kind] = frozenset(entry[0] for entry in entries)
            first, inside = f"gazB={kind}", f"gazI={kind}"
            for i in range(n - 1):
                if norms[i] not in starts:
                    continue
                for size in (2, 3, 4):
                    if i + size <= n and tuple(norms[i : i + size]) in entries:
                        marks.setdefault(i, {})[first] = None
                        for j in range(i + 1, i + size):
                            marks.setdefault(j, {})[inside] = None
        return {i: list(names) for i, names in marks.items()}

    def _parts(self, words: Sequence[str]) -> list[Token]:
        missing = [w for w in dict.fromkeys(words) if w not in self._memo]
        if missing:
            if len(self._memo) > self._limit:
                self._memo.clear()
            self._memo.update(zip(missing, self.fresh(missing), strict=True))
        return [self._memo[w] for w in words]

    def _token(self, word: str, norm: str, stem: str) -> Token:
        res = self.resources
        base = bare(norm)
        own = {
            "bias": 1.0,
            f"w={norm}": 1.0,
            f"bare={base}": 1.0,
            f"stem={stem}": 1.0,
            f"pre={norm[: len(norm) - len(base)]}": 1.0,
            f"len={min(len(base), 8)}": 1.0,
            f"bp2={base[:2]}": 1.0,
            f"bs2={base[-2:]}": 1.0,
        }
        for k in (1, 2, 3):
            own[f"p{k}={norm[:k]}"] = 1.0
            own[f"s{k}={norm[-k:]}"] = 1.0
        if norm.isdigit():
            own["digits"] = 1.0
        elif _LATIN.fullmatch(norm):
            own["latin"] = 1.0
            if word[:1].isupper():
                own["capital"] = 1.0
            if len(word) > 1 and word.isupper():
                own["caps"] = 1.0
        elif not norm.isalnum():
            own["punct"] = 1.0
        near = [f"w={norm}", f"bare={base}", f"s2={norm[-2:]}"]
        far = [f"w={norm}", f"bare={base}"]
        clusters = res.cluster(norm)
        if clusters is None:
            own["c=none"] = 1.0
        else:
            for k, cluster in enumerate(clusters):
                own[f"c{k}={cluster}"] = 1.0
            near += [f"c1={clusters[1]}", f"c2={clusters[2]}"]
            far += [f"c1={clusters[1]}", f"c2={clusters[2]}"]
        for kind, words in res.gazetteers.items():
            if norm in words or base in words:
                own[f"gaz={kind}"] = 1.0
                near.append(f"gaz={kind}")
        if norm in res.cues or base in res.cues:
            own["cue"] = 1.0
            near.append("cue")
        seen = {
            offset: tuple([f"{offset}{name}" for name in (near if abs(offset) == 1 else far)])
            for offset in OFFSETS
        }
        return Token(tuple(own), norm, bare(word), seen)


def words_of(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The tokens of a tagged sentence."""
    return [word for word, _ in pairs]
