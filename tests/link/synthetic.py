"""A labelled reuse test suite generated from real SaudiNewsNet articles.

Real articles are the sources; each gets copies made with one kind of noise (orthographic
variants, word edits, paragraph reordering, truncation, embedding in a longer article), so
every (source, copy) pair is a known positive. The negatives are near misses: two real
reports from the same day that a topic model calls alike (high TF-IDF cosine) but that share
little text. Everything is drawn with a fixed seed, so the suite is the same on every run.

Labels are checked, not assumed: positives must meet the reuse contract on their exact shingle
overlap (``overlap``) and negatives must stay under it; articles of different families share
fewer than ``FOREIGN_SHARED`` shingles, which no reuse detector may call reuse.
"""

from __future__ import annotations

import json
import random
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse

from marsad.arabic import STOPWORDS, normalize, tokens
from marsad.link.shingles import shingle_set

SEED = 1447
SOURCES = 150
MIN_WORDS = 150
NEGATIVES = 100
NEGATIVE_DAYS = 4  # the near misses are searched among the first few days only (speed)
MIN_COSINE = 0.4
FOREIGN_SHARED = 10  # fewer shared shingles than this: no 30-word passage, containment < 0.1
N = 5  # words per shingle

Pair = tuple[str, str]  # sorted ids
Hashes = npt.NDArray[np.uint64]


@dataclass(frozen=True)
class Article:
    """A SaudiNewsNet record: id ``<zip stem>#<index>``, outlet, day and body."""

    id: str
    outlet: str
    day: str
    text: str


@dataclass(frozen=True)
class Overlap:
    """Exact overlap of two normalized texts over their 5-word shingles."""

    jaccard: float
    contain_a: float
    contain_b: float
    longest: int  # words in the longest shared run of shingles
    identical: bool

    @property
    def is_reuse(self) -> bool:
        """The reuse contract: exact, near (J >= 0.8) or partial (0.5 containment, 30 words)."""
        contained = max(self.contain_a, self.contain_b) >= 0.5
        return self.identical or self.jaccard >= 0.8 or contained or self.longest >= 30


@dataclass
class Suite:
    """Normalized documents with their families and labelled pairs."""

    docs: dict[str, str] = field(default_factory=dict)
    family: dict[str, str] = field(default_factory=dict)  # doc id → source id (or itself)
    positives: dict[Pair, str] = field(default_factory=dict)  # (source, copy) → noise type
    too_faint: dict[Pair, str] = field(default_factory=dict)  # copies noise pushed below reuse
    negatives: list[Pair] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)  # raw text of sources and copies

    def add(self, doc_id: str, raw: str, family: str) -> None:
        self.docs[doc_id] = normalize(raw)
        self.family[doc_id] = family
        self.originals[doc_id] = raw


def pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


# -- data ----------------------------------------------------------------------------------


def load_articles(folder: Path) -> list[Article]:
    """Every non-empty SaudiNewsNet record, in file order."""
    articles = []
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            records = [r for name in archive.namelist() for r in json.loads(archive.read(name))]
        for index, record in enumerate(records):
            if (record.get("content") or "").strip():
                day = (record.get("date_extracted") or path.stem)[:10]
                articles.append(
                    Article(f"{path.stem}#{index}", record["source"], day, record["content"])
                )
    return articles


def overlap(a: str, b: str) -> Overlap:
    """Jaccard and containments with ``shingle_set``; the longest run from word 5-grams."""
    sa, sb = shingle_set(a, N), shingle_set(b, N)
    inter = len(np.intersect1d(sa, sb, assume_unique=True))
    union = len(sa) + len(sb) - inter
    return Overlap(
        jaccard=inter / union if union else 0.0,
        contain_a=inter / len(sa) if len(sa) else 0.0,
        contain_b=inter / len(sb) if len(sb) else 0.0,
        longest=longest_shared(tokens(a), tokens(b)),
        identical=a == b and bool(a.strip()),
    )


def longest_shared(a: list[str], b: list[str]) -> int:
    """Words in the longest run of ``a``'s 5-grams that all occur in ``b`` (0 if none)."""
    grams_b = {tuple(b[k : k + N]) for k in range(len(b) - N + 1)}
    best = run = 0
    for k in range(len(a) - N + 1):
        run = run + 1 if tuple(a[k : k + N]) in grams_b else 0
        best = max(best, run)
    return best + N - 1 if best else 0


class Pool:
    """Shingles of every accepted article, to keep unrelated families textually apart."""

    def __init__(self) -> None:
        self._owners: dict[int, list[str]] = defaultdict(list)

    def clean(self, shingles: Hashes) -> bool:
        """True when no accepted article shares ``FOREIGN_SHARED`` or more of these."""
        shared = Counter(o for h in shingles.tolist() for o in self._owners.get(h, ()))
        return not shared or max(shared.values()) < FOREIGN_SHARED

    def add(self, owner: str, shingles: Hashes) -> None:
        for h in shingles.tolist():
            self._owners[h].append(owner)


# -- noise ---------------------------------------------------------------------------------

_HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]
_ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)}
_ALEFS = "أإآ"
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def orthographic(text: str, rng: random.Random) -> str:
    """Spelling variants normalization must fold: hamza forms, ى/ي, ة/ه, harakat, tatweel,
    Persian ی and ک, Arabic-Indic digits."""
    words = [_vary_word(w, rng) for w in text.split(" ")]
    return " ".join(words).translate(_INDIC)


def _vary_word(word: str, rng: random.Random) -> str:
    if not word:  # between two spaces
        return word
    if word[:1] == "ا" and rng.random() < 0.3:
        word = rng.choice(_ALEFS) + word[1:]
    elif word[:1] in _ALEFS and rng.random() < 0.5:
        word = "ا" + word[1:]
    swaps = {"ي": "ى", "ى": "ي", "ة": "ه", "ه": "ة"}
    if word[-1:] in swaps and rng.random() < 0.5:
        word = word[:-1] + swaps[word[-1]]
    out = []
    for k, char in enumerate(word):
        if char == "ي" and rng.random() < 0.2:
            char = "\u06cc"  # Persian yeh
        elif char == "ك" and rng.random() < 0.2:
            char = "\u06a9"  # keheh
        out.append(char)
        if char in _ARABIC_LETTERS and rng.random() < 0.1:
            out.append(rng.choice(_HARAKAT))
        if (
            char in _ARABIC_LETTERS
            and word[k + 1 : k + 2] in _ARABIC_LETTERS
            and rng.random() < 0.03
        ):
            out.append("\u0640")  # tatweel
    return "".join(out)


def word_edits(text: str, rng: random.Random, rate: float, vocabulary: list[str]) -> str:
    """Substitute, delete or insert a random word at ``rate`` of the words (at least one)."""
    words = text.split(" ")
    filled = [k for k, word in enumerate(words) if word.strip()]
    edits = {k: rng.choice(("substitute", "delete", "insert")) for k in _sample(filled, rate, rng)}
    out: list[str] = []
    for k, word in enumerate(words):
        action = edits.get(k)
        if action is None:
            out.append(word)
        elif action == "substitute":
            out.append(rng.choice(vocabulary))
        elif action == "insert":
            out += [word, rng.choice(vocabulary)]
    return " ".join(out)


def _sample(positions: list[int], rate: float, rng: random.Random) -> list[int]:
    return rng.sample(positions, max(1, round(rate * len(positions))))


def units(text: str) -> list[str]:
    """Paragraphs, or sentences when there are fewer than three, or 30-word chunks."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paragraphs) >= 3:
        return paragraphs
    sentences = [s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()]
    if len(sentences) >= 3:
        return sentences
    words = text.split()
    return [" ".join(words[k : k + 30]) for k in range(0, len(words), 30)]


def reorder(text: str, rng: random.Random) -> str:
    """The same paragraphs (or sentences) in a shuffled order."""
    parts = units(text)
    shuffled = parts[:]
    while len(parts) > 1 and shuffled == parts:
        rng.shuffle(shuffled)
    return "\n\n".join(shuffled)


def truncate(text: str, rng: random.Random) -> str:
    """The first 60-90% of the words."""
    words = text.split(" ")
    return " ".join(words[: max(1, int(len(words) * rng.uniform(0.6, 0.9)))])


def embed(text: str, rng: random.Random, donors: Iterator[Article]) -> str:
    """The text between paragraphs of other articles, so that it is 30-60% of the whole."""
    share = rng.uniform(0.3, 0.6)
    needed = len(text.split()) * (1 / share - 1)
    foreign: list[str] = []
    paragraphs = (unit for donor in donors for unit in units(donor.text))
    while sum(len(p.split()) for p in foreign) < needed:
        foreign.append(next(paragraphs))
    cut = rng.randint(0, len(foreign))
    return "\n\n".join([*foreign[:cut], text, *foreign[cut:]])


# -- building the suite --------------------------------------------------------------------

Noise = Callable[[str, random.Random], str]


def noises(vocabulary: list[str], donors: Iterator[Article]) -> dict[str, Noise]:
    """The copy makers, by the noise type reported per recall."""
    return {
        "orthographic": orthographic,
        "edits 1-4%": lambda t, r: word_edits(t, r, r.uniform(0.01, 0.04), vocabulary),
        "edits 5-10%": lambda t, r: word_edits(t, r, r.uniform(0.05, 0.10), vocabulary),
        "reorder": reorder,
        "truncate": truncate,
        "embed": lambda t, r: embed(t, r, donors),
    }


def build_suite(folder: Path, seed: int = SEED) -> Suite:
    """Sources with their copies, and near-miss negatives, all normalized and labelled."""
    rng = random.Random(seed)
    articles = load_articles(folder)
    order = articles[:]
    rng.shuffle(order)
    pool, suite = Pool(), Suite()
    sources = list(islice(_clean(order, pool, MIN_WORDS), SOURCES))
    for a, b in near_misses(articles, pool, rng):
        suite.add(a.id, a.text, a.id)
        suite.add(b.id, b.text, b.id)
        suite.negatives.append(pair(a.id, b.id))
    vocabulary = sorted({w for s in sources for w in s.text.split()})
    donors = _clean(reversed(order), pool, min_words=40)
    makers = noises(vocabulary, donors)
    for source in sources:
        suite.add(source.id, source.text, source.id)
        for name, make in makers.items():
            copy_id = f"{source.id}~{name}"
            suite.add(copy_id, make(source.text, rng), source.id)
            faint = not overlap(suite.docs[source.id], suite.docs[copy_id]).is_reuse
            (suite.too_faint if faint else suite.positives)[pair(source.id, copy_id)] = name
    return suite


def _clean(articles: Iterable[Article], pool: Pool, min_words: int) -> Iterator[Article]:
    """Articles of at least ``min_words`` words textually apart from the pool, added to it as
    they are taken (lazily: donors are drawn only as embedding needs them)."""
    for article in articles:
        norm = normalize(article.text)
        shingles = shingle_set(norm, N)
        if len(tokens(norm)) >= min_words and pool.clean(shingles):
            pool.add(article.id, shingles)
            yield article


def near_misses(
    articles: list[Article], pool: Pool, rng: random.Random
) -> list[tuple[Article, Article]]:
    """Same-day reports from different outlets with high TF-IDF cosine but little shared text."""
    days = sorted({a.day for a in articles})[:NEGATIVE_DAYS]
    chosen = [a for a in articles if a.day in days]
    norms = [normalize(a.text) for a in chosen]
    cosine = _same_day_cosine(chosen, [tokens(t) for t in norms])
    found: list[tuple[Article, Article]] = []
    used: set[int] = set()
    for i, j in cosine:
        if i in used or j in used or chosen[i].outlet == chosen[j].outlet:
            continue
        o = overlap(norms[i], norms[j])
        if o.jaccard >= 0.1 or max(o.contain_a, o.contain_b) >= 0.2 or o.longest >= 20:
            continue
        si, sj = shingle_set(norms[i], N), shingle_set(norms[j], N)
        if min(len(si), len(sj)) < 60 or not (pool.clean(si) and pool.clean(sj)):
            continue
        pool.add(chosen[i].id, si)
        pool.add(chosen[j].id, sj)
        used |= {i, j}
        found.append((chosen[i], chosen[j]))
        if len(found) == NEGATIVES:
            break
    return found


def _same_day_cosine(articles: list[Article], words: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs ``i < j`` of the same day with TF-IDF cosine >= ``MIN_COSINE``, most alike first."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for row, doc in enumerate(words):
        for word in doc:
            if word not in STOPWORDS and not word.isdigit():
                rows.append(row)
                cols.append(vocab.setdefault(word, len(vocab)))
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(vocab)))
    df = np.bincount(counts.indices, minlength=len(vocab))
    tfidf = counts.multiply(np.log(len(words) / df)).tocsr()
    norms = np.sqrt(tfidf.multiply(tfidf).sum(axis=1)).A.ravel()
    tfidf = sparse.diags(1 / np.maximum(norms, 1e-12)) @ tfidf
    scored: list[tuple[float, int, int]] = []
    for day in sorted({a.day for a in articles}):
        members = np.array([k for k, a in enumerate(articles) if a.day == day])
        sims = (tfidf[members] @ tfidf[members].T).tocoo()
        keep = (sims.row < sims.col) & (sims.data >= MIN_COSINE)
        for r, c, v in zip(sims.row[keep], sims.col[keep], sims.data[keep], strict=True):
            scored.append((-float(v), int(members[r]), int(members[c])))
    return [(i, j) for _, i, j in sorted(scored)]
