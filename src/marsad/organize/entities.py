"""One entity for the names of one person, organization or place across articles.

Each article's mentions arrive keyed (``analyze.entities``: spellings folded, transliterations
keyed, clitics left out, short names resolved inside the article). Across articles, the keys
are grouped into entities:

1. **a key with a clitic left on** — a name whose first word begins with و ف ب ل ك where the
   rest is a key mentioned at least as often («وبغداد», «لمجلس الامن») — is that key;
2. **a short name of a person** — a person's key (or an organization's: «المكتب الإعلامي
   للكاظمي» is tagged so) that ends a longer person's key («الكاظمي», «الخفاجي») — is that
   longer key when it holds at least two thirds of the mentions of all the
   longer keys ending that way (one «الكاظمي» in the news of a year is مصطفى الكاظمي; a
   surname shared by several well-known people stays an entity of its own); what follows
   «بن» or «بنت» is a father's name, not a surname («سلمان بن عبدالعزيز» is not «محمد بن
   سلمان بن عبدالعزيز»);
3. **a place written two ways or extended by its own adjective** — a place's key ending in «يا»
   and the same ending in «ية» («سوريا», «سورية»), or a place's key of two words or more
   followed by one adjective of relation («الولايات المتحدة الأميركية» after «الولايات
   المتحدة»; not a direction, and not when the shorter place is extended in several ways:
   «شبه الجزيرة العربية / الإيطالية») — is one place, keyed by the form mentioned more often;
4. the entity's **kind** is the one most of its mentions were given (a tagger that once calls
   «بغداد» a person is outvoted), its **name** the written form given most often among those
   written in full (whose own key is the entity's: «تحسين الخفاجي», not «الخفاجي»).

The grouping is a function of the counts alone, so the entities of a store do not depend on
the order articles arrived in.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Final

from marsad.analyze.entities import entity_key
from marsad.models import EntityGroup, KeyCount

__all__ = ["entity_id", "group_keys", "place_twins"]

_CLITICS: Final = ("و", "ف", "ب", "ل", "ك")
_DOMINANT: Final = 2 / 3
_KIND_ORDER: Final = ("PER", "ORG", "LOC")
_DIRECTIONS: Final = frozenset({"الشرقي", "الغربي", "الشمالي", "الجنوبي"})
_LINEAGE: Final = frozenset({"بن", "ابن", "بنت", "ابنه"})
"""«son of», «daughter of»: the words after them in a person's name are a father's names."""


def entity_id(key: str) -> str:
    """A short stable id for the entity stored under ``key``."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def group_keys(counts: Iterable[KeyCount]) -> list[EntityGroup]:
    """The entities the keys of ``counts`` make (see the module docstring), most mentioned
    first, ties by key."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for row in counts:
        by_key[row.key][row.kind] += row.mentions
        names[row.key][row.name] += row.mentions
    total = {key: sum(kinds.values()) for key, kinds in by_key.items()}
    parent = {key: key for key in by_key}
    for key in sorted(by_key):  # 1. a clitic left on («للملك سلمان» is «الملك سلمان»)
        if not key.startswith(_CLITICS):
            continue
        bases = [b for b in ("ال" + key[2:] if key.startswith("لل") else "", key[1:]) if b]
        known = [b for b in bases if b in total and total[b] >= total[key]]  # «للبنان»: لبنان
        if known:
            parent[key] = max(known, key=lambda b: (total[b], b))
    person = {key for key, kinds in by_key.items() if _kind(kinds) == "PER"}
    # an organization's mention may be a person's name («المكتب الإعلامي للكاظمي»)
    short_ones = {key for key, kinds in by_key.items() if _kind(kinds) in ("PER", "ORG")}
    endings: dict[str, list[str]] = defaultdict(list)
    for key in person:
        words = key.split()
        for cut in range(1, len(words)):
            if words[cut - 1] in _LINEAGE:
                continue  # «… بن سلمان بن عبدالعزيز»: his father's name, not his surname
            endings[" ".join(words[cut:])].append(key)
    for short in sorted(short_ones):  # 2. a short name of a person
        longer = endings.get(short)
        if not longer or parent[short] != short:
            continue
        best = max(longer, key=lambda k: (total[k], k))
        if total[best] >= _DOMINANT * sum(total[k] for k in longer):
            parent[short] = best
    place = {key for key, kinds in by_key.items() if _kind(kinds) == "LOC"}
    for key, other in sorted(place_twins(place)):  # 3. a place written two ways
        a, b = _root(parent, key), _root(parent, other)
        if a != b:
            keep, gone = sorted((a, b), key=lambda k: (-total[k], k))
            parent[gone] = keep
    members: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        members[_root(parent, key)].append(key)
    groups = []
    for root, keys in members.items():
        kinds: Counter[str] = Counter()
        written: Counter[str] = Counter()
        for key in keys:
            kinds.update(by_key[key])
        written.update(names[root])
        # the name written in full: of the root key's names, those whose own key is the root
        full = Counter({n: c for n, c in written.items() if entity_key(n) == root})
        written = full or written
        groups.append(
            EntityGroup(
                entity_id(root),
                root,
                _kind(kinds),
                min(written, key=lambda name: (-written[name], name)),
                tuple(sorted(keys)),
                sum(total[k] for k in keys),
            )
        )
    groups.sort(key=lambda g: (-g.mentions, g.key))
    return groups


def place_twins(places: set[str]) -> set[tuple[str, str]]:
    """Pairs of places' keys that name one place: «سوريا» / «سوريه» (keys are folded: «ة» is
    «ه»), and «الولايات المتحده» / «الولايات المتحده الامريكيه» — when the shorter place is
    extended so in one way only («شبه الجزيره» is followed by «العربيه», «الايطاليه»…: a kind
    of place, not one) and not by a direction («ريف حلب الشرقي» is a part of it)."""
    found = set()
    extended: dict[str, list[str]] = defaultdict(list)
    for key in places:
        if key.endswith("يه") and key[:-1] + "ا" in places:
            found.add((key[:-1] + "ا", key))
        words = key.split()
        last = words[-1] if len(words) >= 3 else ""
        if (
            last.startswith("ال")
            and last.endswith(("يه", "ي"))
            and len(last) > 4
            and last.removesuffix("ه") not in _DIRECTIONS
        ):
            extended[" ".join(words[:-1])].append(key)
    for shorter, longer in extended.items():
        if shorter in places and len(longer) == 1:
            found.add((shorter, longer[0]))
    return found


def _kind(kinds: Mapping[str, int]) -> str:
    return max(kinds, key=lambda k: (kinds[k], -_KIND_ORDER.index(k) if k in _KIND_ORDER else -9))


def _root(parent: dict[str, str], key: str) -> str:
    seen = {key}
    while parent[key] != key and parent[key] not in seen:
        key = parent[key]
        seen.add(key)
    return key
