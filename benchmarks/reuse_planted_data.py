"""A labelled reuse suite built from real SaudiNewsNet articles with planted copies (seeded).

    python benchmarks/reuse_planted_data.py --out DIR [--data DIR] [--seed N]

writes ``DIR/suite.jsonl`` (one article a line: id, title, content, source, url, published —
ingestible as it is: ``marsad ingest DIR/suite.jsonl``) and ``DIR/labels.json`` (the planted
pairs, the independent truth and the parameters). How the suite is made, and why, is in
``benchmarks/gold/README_reuse_planted.md``.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0), the daily
zips of JSON arrays expected in ../shared/data/saudinewsnet/. The suite is derived from it and
carries the same licence; it is generated, never committed.

The truth does NOT come from Marsad: nothing here imports ``marsad``. Besides the planted labels,
every pair of suite articles is compared with this module's own normalizer (diacritics and
tatweel stripped, alef/yeh/teh marbuta/hamza carriers unified, digits made Western), regex
tokenizer and exact 5-word shingles, so copies that already exist between the real articles
(outlets of SaudiNewsNet copy each other) are known and not scored as false links.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
DATA_URL = "https://github.com/parallelfold/SaudiNewsNet"
LICENCE = "CC BY-NC-SA 4.0"
SEED = 2015
SHINGLE = 5  # words per shingle
MIN_BASE_WORDS = 120
COPY_CONTAINMENT = 0.5  # independent truth: the smaller article is at least half inside
COPY_RUN_WORDS = 30  # ... or the two share a passage of at least 30 words
MIN_WORDS = 30  # a pair whose smaller article is shorter than this is not scored
DATED_SHARE = 0.6  # originals given a publication date (their copies a later one)
NEGATIVES = 50
NEGATIVE_MAX_SHARED = 15  # shingles a negative may share with any other suite text

# copies per operator (300 in all); ``light_kK``: every K-th word substituted or dropped
PLAN: dict[str, int] = {
    "exact": 30,  # 5 of them republished by the same outlet (see SAME_OUTLET_EXACT)
    "near_digits_quotes": 30,
    "lead_rewrite": 30,
    "intro_outro": 25,
    "credit_removed": 30,
    "mosaic": 25,
    "reordered": 25,
    "embedded": 25,
    "light_k4": 20,
    "light_k6": 20,
    "light_k8": 20,
    "light_k10": 20,
}
SAME_OUTLET_EXACT = 5
ORIGINALS = 250

# -- the independent normalizer and tokenizer ---------------------------------------------

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # + tatweel
_FOLD = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ؤ", "و"),
    ("ئ", "ي"),
    ("ک", "ك"),
    ("ی", "ي"),
    *((chr(0x0660 + d), str(d)) for d in range(10)),
    *((chr(0x06F0 + d), str(d)) for d in range(10)),
)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Normalized words: marks and tatweel stripped, letter forms and digits unified.

    >>> words("«الرئيسُ» أكّد ٢٠١٥ مدرسة—إلى")
    ['الرييس', 'اكد', '2015', 'مدرسه', 'الي']
    """
    text = _MARKS.sub("", text)
    for old, new in _FOLD:  # str.replace is much faster than str.translate with a dict
        if old in text:
            text = text.replace(old, new)
    return _WORD.findall(text.casefold())


def shingles(tokens: Sequence[str]) -> list[str]:
    """The 5-word shingles of ``tokens`` in order (one shingle for a shorter text)."""
    if len(tokens) <= SHINGLE:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


# -- SaudiNewsNet ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One SaudiNewsNet article: ``id`` is ``<zip stem>#<index in its array>``."""

    id: str
    title: str
    content: str
    source: str
    url: str
    day: str  # date_extracted's day


def load_records(data: Path = DEFAULT_DATA) -> list[Record]:
    """Every record with a body, in file order."""
    zips = sorted(data.glob("*.zip"))
    if not zips:
        raise FileNotFoundError(
            f"no SaudiNewsNet zips in {data}: get the daily zips (data/*.zip) from {DATA_URL} "
            "and pass --data DIR"
        )
    records = []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            rows: list[dict[str, Any]] = []
            for name in sorted(archive.namelist()):
                rows += json.loads(archive.read(name))
        for index, row in enumerate(rows):
            content = str(row.get("content") or "")
            if not content.strip():
                continue
            day = str(row.get("date_extracted") or path.stem)[:10]
            records.append(
                Record(
                    f"{path.stem}#{index}",
                    str(row.get("title") or "").strip(),
                    content,
                    str(row.get("source") or ""),
                    str(row.get("url") or ""),
                    day,
                )
            )
    return records


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped (SaudiNewsNet separates paragraphs by one or two newlines)."""
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


# -- credits (wire attributions) found in SaudiNewsNet --------------------------------------

AGENCY = r"(?:واس|رويترز|أ ف ب|د ب أ)"
_CREDITS: list[tuple[str, re.Pattern[str]]] = [
    # SPA's own dateline line: «بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»
    ("dateline", re.compile(r"(?m)^[^\n]{0,80}\d{4}\s*م\s*واس\s*$\n?")),
    # Sabq: «واس- جدة: …», «رويترز- القاهرة: …»
    ("agency-city", re.compile(rf"^\s*{AGENCY}\s*[-–]\s*[^:\n]{{1,40}}:\s*")),
    # «الرياض - واس», «عين اليوم – واس», «* طوكيو - «رويترز»:» opening the article
    (
        "city-agency",
        re.compile(
            r"^\s*(?:Next Previous\s*)?\*?\s*[^\n\-–:«»]{1,30}[-–]\s*"
            rf"[«\"]?{AGENCY}[»\"]?\s*:?\s*"
        ),
    ),
    # a closing «(واس)», «واس», "رويترز", «الصور من «واس»»
    ("closing", re.compile(rf"\s*(?:الصور من\s*)?[«\"(]{AGENCY}[»\")]\s*$")),
    ("source-line", re.compile(r"(?m)\n[^\n]{0,5}المصدر\s*:\s*[^\n]{1,40}\s*$")),
]
_STAMP = re.compile(r"(?m)^\s*\d{1,2}:\d{2}\s*ت\s*م\s*$\n?")
_AGENCY_WORDS = {"واس", "رويترز", "ف", "ب", "د", "الوكاله", "وكاله"}


def strip_credit(text: str) -> tuple[str, str] | None:
    """``text`` without its wire credit and the credit removed, or None when it carries none
    (or still names an agency once the credit is gone: the copy would not be uncredited)."""
    for name, pattern in _CREDITS:
        match = pattern.search(text)
        if match is None:
            continue
        credit = " ".join(match.group(0).split())
        stripped = pattern.sub("", text)
        if name == "dateline":  # and the agency's time stamps («15:24 ت م») with it
            stripped = _STAMP.sub("", stripped)
        stripped = stripped.strip()
        if _AGENCY_WORDS & set(words(stripped)) or not stripped:
            return None
        return stripped, credit
    return None


# -- operators ------------------------------------------------------------------------------

_EASTERN = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "٠١٢٣٤٥٦٧٨٩0123456789")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]{2,}$")
FREQUENT_WORDS = 300  # a substituted word is one of the originals' 300 most frequent words


def swap_digits_quotes(text: str) -> str:
    """Western digits become Arabic-Indic and back; «…» becomes "…" and "…" becomes «…».

    >>> swap_digits_quotes('قال «نعم» في 2015 و"لا" ٣')
    'قال "نعم" في ٢٠١٥ و«لا» 3'
    """
    text = text.translate(_EASTERN)
    out, open_quote = [], True
    for char in text:
        if char == '"':
            out.append("«" if open_quote else "»")
            open_quote = not open_quote
        elif char in "«»":
            out.append('"')
        else:
            out.append(char)
    return "".join(out)


def lead(text: str, share: float = 0.4) -> str:
    """The first 2–3 paragraphs when they hold 25–60% of the words, else the first ``share``
    of the words (paragraph breaks kept)."""
    paras = paragraphs(text)
    total = sum(len(p.split()) for p in paras)
    kept: list[str] = []
    for p in paras[:3]:
        kept.append(p)
        got = sum(len(k.split()) for k in kept)
        if len(kept) >= 2 and got >= share * total:
            break
    got = sum(len(k.split()) for k in kept)
    if 0.25 * total <= got <= 0.6 * total:
        return "\n\n".join(kept)
    return cut_words(paras, round(share * total))


def cut_words(paras: Sequence[str], limit: int) -> str:
    """The first ``limit`` words of ``paras``, paragraph breaks kept."""
    out: list[str] = []
    left = limit
    for p in paras:
        if left <= 0:
            break
        tokens = p.split()
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return "\n\n".join(out)


def halves(text: str) -> tuple[str, str]:
    """The paragraphs of ``text`` up to half its words, and the rest."""
    paras = paragraphs(text)
    total = sum(len(p.split()) for p in paras)
    got, cut = 0, len(paras)
    for i, p in enumerate(paras):
        got += len(p.split())
        if got >= total / 2:
            cut = i + 1
            break
    cut = min(max(cut, 1), len(paras) - 1)
    return "\n\n".join(paras[:cut]), "\n\n".join(paras[cut:])


def frequent_words(texts: Iterable[str], n: int = FREQUENT_WORDS) -> list[str]:
    """The ``n`` most frequent Arabic words of ``texts`` as written (function words and
    content words alike: «في», «المملكة», «وزير»), ties by the word."""
    counts = Counter(t for text in texts for t in text.split() if _ARABIC_WORD.match(t))
    return [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n]]


def light_rewrite(text: str, k: int, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """Every ``k``-th word substituted (drop «ال», drop or add «و», another of the frequent
    ``vocabulary``) or dropped; paragraph breaks kept."""
    out, n = [], 0
    for p in paragraphs(text):
        tokens = []
        for token in p.split():
            n += 1
            if n % k:
                tokens.append(token)
                continue
            ops: list[Callable[[str], str]] = [
                lambda t: "",
                _add_waw,
                _swap(rng, vocabulary),
            ]
            if token.startswith("ال") and len(token) > 4:
                ops.append(lambda t: t[2:])
            if token.startswith("و") and len(token) > 4:
                ops.append(lambda t: t[1:])
            new = rng.choice(ops)(token)
            if new == token:  # never a no-op
                new = ""
            if new:
                tokens.append(new)
        out.append(" ".join(tokens))
    return "\n\n".join(o for o in out if o)


def _add_waw(token: str) -> str:
    return "و" + token


def _swap(rng: random.Random, vocabulary: Sequence[str]) -> Callable[[str], str]:
    word = rng.choice(vocabulary)
    return lambda t: word if word != t else ""


# -- the suite ------------------------------------------------------------------------------


@dataclass
class SuiteArticle:
    """One line of suite.jsonl (``role``: original, copy or negative; ``base``: the
    SaudiNewsNet record an original or negative is)."""

    id: str
    title: str
    content: str
    source: str
    url: str
    published: str | None
    role: str
    base: str | None = None

    def line(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "content": self.content,
            "source": self.source,
            "url": self.url,
        }
        if self.published is not None:
            row["published"] = self.published
        return row


@dataclass(frozen=True)
class Plant:
    """A planted pair: ``copy`` reuses ``original``. ``knowable``: the original came out
    earlier (both dated), so the order is knowable from the dates alone; ``credit_removed``:
    the credit the copy dropped (the truth: the original is the origin and the copy reuses it
    without credit)."""

    original: str
    copy: str
    operator: str
    knowable: bool
    credit_removed: str | None
    same_outlet: bool
    copy_words: int


@dataclass(frozen=True)
class TruthPair:
    """Two suite articles compared by this module's shingles (``a`` < ``b``)."""

    a: str
    b: str
    shared: int  # shared distinct shingles
    jaccard: float
    contain_a: float  # share of a's shingles found in b
    contain_b: float
    run_words: int  # longest run of a's consecutive shingles found in b, in words
    smaller_words: int
    copy: bool  # contain_max >= 0.5 or a shared run >= 30 words (smaller >= 30 words)


@dataclass
class Suite:
    articles: list[SuiteArticle]
    plants: list[Plant]
    truth: list[TruthPair]
    params: dict[str, Any] = field(default_factory=dict)

    def families(self) -> dict[str, set[str]]:
        """Each article's originals: itself for an original, its sources for a copy."""
        fam: dict[str, set[str]] = {a.id: {a.id} for a in self.articles}
        for plant in self.plants:
            fam[plant.copy].discard(plant.copy)
            fam[plant.copy].add(plant.original)
        return fam


def build_suite(data: Path = DEFAULT_DATA, seed: int = SEED) -> Suite:
    """The whole suite from the zips in ``data``: the same ``seed``, the same suite."""
    rng = random.Random(seed)
    records = load_records(data)
    domains = _domains(records)
    outlets = sorted(o for o in domains if o != "was")
    tokens = {r.id: words(r.content) for r in records}
    credits = {r.id: strip_credit(r.content) is not None for r in records}
    pool = _distinct_pool(records, tokens, credits, rng)
    credited = [r for r in pool if credits[r.id]]
    plain = [r for r in pool if not credits[r.id] and len(paragraphs(r.content)) >= 4]
    n_credit = PLAN["credit_removed"]
    originals = credited[:n_credit] + plain[: ORIGINALS - n_credit]
    used = {r.id for r in originals}
    spares = iter(r for r in plain if r.id not in used and len(r.content.split()) >= 320)
    donors: list[Record] = []  # intros, outros and hosts: never a negative

    def spare() -> Record:
        donors.append(next(spares))
        return donors[-1]

    dated = {r.id: rng.random() < DATED_SHARE for r in originals}
    published = {r.id: _morning(r.day, rng) if dated[r.id] else None for r in originals}
    articles = [
        SuiteArticle(
            f"o{i:03d}", r.title, r.content, r.source, r.url, published[r.id], "original", r.id
        )
        for i, r in enumerate(originals)
    ]
    suite_id = {a.base: a.id for a in articles}
    plants: list[Plant] = []

    # slots: every original once (credit slots to the credited ones), then 75 reuses
    slots = [op for op, n in PLAN.items() if op != "credit_removed" for _ in range(n)]
    slots += ["mosaic"] * PLAN["mosaic"]  # a mosaic's second source
    rng.shuffle(slots)
    plain_originals = originals[n_credit:]
    order = list(plain_originals)
    rng.shuffle(order)
    while len(order) < len(slots):
        order.append(rng.choice(plain_originals))
    assigned: dict[str, list[Record]] = defaultdict(list)
    for op, record in zip(slots, order, strict=True):
        assigned[op].append(record)
    near_ok = [r for r in plain_originals if re.search(r"[0-9«»\"]", r.content)]
    assigned["near_digits_quotes"] = [
        r if re.search(r"[0-9«»\"]", r.content) else rng.choice(near_ok)
        for r in assigned["near_digits_quotes"]
    ]
    assigned["credit_removed"] = credited[:n_credit]

    counter = Counter[str]()

    def plant(op: str, sources: list[Record], content: str, title: str, same: bool = False) -> None:
        counter[op] += 1
        copy_id = f"c-{op}-{counter[op]:02d}"
        taken = {r.source for r in sources}
        outlet = sources[0].source if same else rng.choice([o for o in outlets if o not in taken])
        knowable = all(dated[r.id] for r in sources)
        when = None
        if knowable:
            latest = max(str(published[r.id]) for r in sources)
            when = _later(latest, rng)
        credit = strip_credit(sources[0].content) if op == "credit_removed" else None
        articles.append(
            SuiteArticle(
                copy_id,
                title,
                content,
                outlet,
                f"https://{domains[outlet]}/planted/{copy_id}",
                when,
                "copy",
            )
        )
        for r in sources:
            plants.append(
                Plant(
                    suite_id[r.id],
                    copy_id,
                    op,
                    knowable,
                    credit[1] if credit else None,
                    outlet == r.source,
                    len(content.split()),
                )
            )

    for i, r in enumerate(assigned["exact"]):
        plant("exact", [r], r.content, r.title, same=i < SAME_OUTLET_EXACT)
    for r in assigned["near_digits_quotes"]:
        plant("near_digits_quotes", [r], swap_digits_quotes(r.content), swap_digits_quotes(r.title))
    for r in assigned["lead_rewrite"]:
        plant("lead_rewrite", [r], lead(r.content), r.title)
    for r in assigned["intro_outro"]:
        intro, outro = spare(), spare()
        opening = cut_words(paragraphs(intro.content), 45)
        closing = cut_words(paragraphs(outro.content)[-1:], 40)
        text = "\n\n".join([opening, r.content.strip(), closing])
        plant("intro_outro", [r], text, r.title)
    for r in assigned["credit_removed"]:
        stripped = strip_credit(r.content)
        assert stripped is not None
        plant("credit_removed", [r], stripped[0], r.title)
    mosaic = assigned["mosaic"]
    for a, b in zip(mosaic[0::2], mosaic[1::2], strict=True):
        if a.id == b.id:
            b = next(x for x in plain_originals if x.id != a.id and x.source != a.source)
        plant("mosaic", [a, b], halves(a.content)[0] + "\n\n" + halves(b.content)[1], a.title)
    for r in assigned["reordered"]:
        paras = paragraphs(r.content)
        shuffled = list(paras)
        while shuffled == paras:
            rng.shuffle(shuffled)
        plant("reordered", [r], "\n\n".join(shuffled), r.title)
    for r in assigned["embedded"]:
        host = spare()
        host_paras = paragraphs(cut_words(paragraphs(host.content), 300))
        paras = paragraphs(r.content)
        start = rng.randrange(0, max(1, len(paras) - 2))
        middle = max(1, len(host_paras) // 2)
        pieces = host_paras[:middle] + paras[start : start + 3] + host_paras[middle:]
        plant("embedded", [r], "\n\n".join(pieces), host.title)
    vocabulary = frequent_words(r.content for r in originals)
    for k in (4, 6, 8, 10):
        for r in assigned[f"light_k{k}"]:
            plant(f"light_k{k}", [r], light_rewrite(r.content, k, rng, vocabulary), r.title)

    taken = {*used, *(r.id for r in donors)}
    negatives = _negatives(records, tokens, originals, donors, taken, rng)
    for i, r in enumerate(negatives):
        when = _morning(r.day, rng) if rng.random() < DATED_SHARE else None
        articles.append(
            SuiteArticle(f"n{i:03d}", r.title, r.content, r.source, r.url, when, "negative", r.id)
        )
    _unique_urls(articles)
    return Suite(
        articles,
        plants,
        independent_truth(articles),
        {
            "seed": seed,
            "data": DATA_URL,
            "licence": LICENCE,
            "plan": PLAN,
            "originals": len(originals),
            "negatives": len(negatives),
            "dated_share": DATED_SHARE,
            "same_outlet_exact": SAME_OUTLET_EXACT,
            "shingle_words": SHINGLE,
            "truth_copy_rule": f"containment >= {COPY_CONTAINMENT} or a shared run of "
            f">= {COPY_RUN_WORDS} words, smaller article >= {MIN_WORDS} words",
        },
    )


def _domains(records: Iterable[Record]) -> dict[str, str]:
    """Each outlet's web host, as its articles' urls give it."""
    hosts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        host = urlsplit(r.url).hostname
        if r.source and host:
            hosts[r.source][host] += 1
    return {source: c.most_common(1)[0][0] for source, c in hosts.items()}


def _distinct_pool(
    records: Sequence[Record],
    tokens: dict[str, list[str]],
    credits: dict[str, bool],
    rng: random.Random,
) -> list[Record]:
    """Articles of >= 120 words with a title, in a seeded order, none sharing more than a few
    shingles with one before it (so the originals are distinct texts)."""
    order = [r for r in records if r.title and len(tokens[r.id]) >= MIN_BASE_WORDS]
    rng.shuffle(order)
    order.sort(key=lambda r: not credits[r.id])  # every credited one is considered
    seen: dict[str, int] = {}
    pool: list[Record] = []
    for r in order:
        grams = set(shingles(tokens[r.id]))
        hits = Counter(seen[g] for g in grams if g in seen)
        if hits and hits.most_common(1)[0][1] >= 3:
            continue
        for g in grams:
            seen.setdefault(g, len(pool))
        pool.append(r)
        if len(pool) >= 4000:
            break
    return pool


def _negatives(
    records: Sequence[Record],
    tokens: dict[str, list[str]],
    originals: Sequence[Record],
    donors: Sequence[Record],
    taken: set[str],
    rng: random.Random,
) -> list[Record]:
    """For ``NEGATIVES`` originals, the article of the same day with the most content words in
    common (word-set Jaccard) that is not a copy of any original, donor (intro, outro, host) or
    negative before it: it may share a quote, at most ``NEGATIVE_MAX_SHARED`` shingles (a
    passage of ~19 words) with each."""
    index: dict[str, list[int]] = defaultdict(list)

    def add(r: Record, key: int) -> None:
        for g in set(shingles(tokens[r.id])):
            index[g].append(key)

    others = [*originals, *donors]
    for key, r in enumerate(others):
        add(r, key)
    by_day: dict[str, list[tuple[Record, set[str]]]] = defaultdict(list)
    for r in records:
        if r.title and r.id not in taken and len(tokens[r.id]) >= MIN_BASE_WORDS:
            by_day[r.day].append((r, {w for w in tokens[r.id] if len(w) > 3}))
    chosen: list[Record] = []
    for anchor in rng.sample(list(originals), len(originals)):
        vocab = {w for w in tokens[anchor.id] if len(w) > 3}
        ranked = sorted(
            by_day[anchor.day],
            key=lambda x: (-len(vocab & x[1]) / max(1, len(vocab | x[1])), x[0].id),
        )
        for r, _ in ranked[:20]:
            if r.id in taken:
                continue
            hits = Counter(k for g in set(shingles(tokens[r.id])) for k in index.get(g, ()))
            if not hits or hits.most_common(1)[0][1] <= NEGATIVE_MAX_SHARED:
                taken.add(r.id)
                add(r, len(others) + len(chosen))
                chosen.append(r)
                break
        if len(chosen) >= NEGATIVES:
            break
    return chosen


def _morning(day: str, rng: random.Random) -> str:
    """A time on ``day`` (Riyadh time), ISO 8601."""
    return f"{day}T{rng.randrange(6, 12):02d}:{rng.randrange(60):02d}:00+03:00"


def _later(when: str, rng: random.Random) -> str:
    """2 to 30 hours after ``when``."""
    moment = datetime.fromisoformat(when) + timedelta(minutes=rng.randrange(120, 1800))
    return moment.isoformat()


def _unique_urls(articles: list[SuiteArticle]) -> None:
    """Give a repeated url a fragment so that every suite article has its own."""
    seen: set[str] = set()
    for article in articles:
        if not article.url or article.url in seen:
            article.url = f"{article.url or 'https://example.invalid/'}#suite-{article.id}"
        seen.add(article.url)


# -- the independent truth ------------------------------------------------------------------


def independent_truth(articles: Sequence[SuiteArticle]) -> list[TruthPair]:
    """Every pair of suite articles sharing a shingle, with exact Jaccard, containment both
    ways and the longest shared run, by this module's normalizer (never Marsad's)."""
    tokens = {a.id: words(a.content) for a in articles}
    seqs = {key: shingles(t) for key, t in tokens.items()}
    sets = {key: set(s) for key, s in seqs.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for key in sorted(sets):
        for g in sets[key]:
            index[g].append(key)
    shared: Counter[tuple[str, str]] = Counter()
    for keys in index.values():
        if len(keys) > 50:  # a set phrase in many articles makes no pair by itself
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                shared[(a, b)] += 1
    pairs = []
    for (a, b), inter in sorted(shared.items()):
        inter = len(sets[a] & sets[b])
        run = max(_run(seqs[a], sets[b]), _run(seqs[b], sets[a]))
        smaller = min(len(tokens[a]), len(tokens[b]))
        ca, cb = inter / len(sets[a]), inter / len(sets[b])
        jaccard = inter / len(sets[a] | sets[b])
        copy = smaller >= MIN_WORDS and (max(ca, cb) >= COPY_CONTAINMENT or run >= COPY_RUN_WORDS)
        pairs.append(
            TruthPair(
                a, b, inter, round(jaccard, 4), round(ca, 4), round(cb, 4), run, smaller, copy
            )
        )
    return pairs


def _run(seq: Sequence[str], other: set[str]) -> int:
    """The longest run of consecutive shingles of ``seq`` found in ``other``, in words."""
    best = length = 0
    for g in seq:
        length = length + 1 if g in other else 0
        best = max(best, length)
    return best + SHINGLE - 1 if best else 0


# -- output ---------------------------------------------------------------------------------


def write_suite(suite: Suite, out: Path) -> tuple[Path, Path]:
    """``out/suite.jsonl`` and ``out/labels.json``."""
    out.mkdir(parents=True, exist_ok=True)
    lines = out / "suite.jsonl"
    with lines.open("w", encoding="utf-8") as handle:
        for article in suite.articles:
            handle.write(json.dumps(article.line(), ensure_ascii=False) + "\n")
    labels = out / "labels.json"
    labels.write_text(
        json.dumps(
            {
                "params": suite.params,
                "articles": [
                    {"id": a.id, "role": a.role, "base": a.base, "source": a.source}
                    for a in suite.articles
                ],
                "plants": [asdict(p) for p in suite.plants],
                "truth": [asdict(t) for t in suite.truth if t.shared >= 2 or t.copy],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return lines, labels


def summary(suite: Suite) -> str:
    """Counts of the suite, one line."""
    roles = Counter(a.role for a in suite.articles)
    ops = Counter(p.operator for p in suite.plants)
    real = sum(1 for t in suite.truth if t.copy and not any(x.startswith("c-") for x in (t.a, t.b)))
    return (
        f"{len(suite.articles)} articles ({roles['original']} originals, {roles['copy']} copies, "
        f"{roles['negative']} negatives); {len(suite.plants)} planted pairs "
        f"({', '.join(f'{k} {v}' for k, v in sorted(ops.items()))}); "
        f"{sum(t.copy for t in suite.truth)} copy pairs in the independent truth, {real} of "
        "them between real articles"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(
            f"{args.data} not found: the planted reuse suite is built from SaudiNewsNet's daily "
            f"zips ({DATA_URL}, data/*.zip); pass --data DIR"
        )
    suite = build_suite(args.data, args.seed)
    lines, labels = write_suite(suite, args.out)
    print(summary(suite))
    print(f"wrote {lines} and {labels}")


if __name__ == "__main__":
    main()
