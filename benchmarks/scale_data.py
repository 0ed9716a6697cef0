"""A corpus of any size with the shape of real news, built from real news (issue 12).

The base is every article of SaudiNewsNet (14 outlets, crawl days) and ANT (one Tunisian
outlet, publication times), about 40,800 articles. A corpus of N articles draws, with a fixed
seed, N of the (replica, article) pairs of R = ceil(N / base) replicas. Replica ``r`` of an
article is the article with:

- **its own word-for-word substitution**: every word (a run of letters) outside the 1,000 most
  frequent word forms of the base (function words, month and day names, common verbs, which
  keep the text's shape and its dates readable) is replaced by a pseudo-word of the same
  length and script, derived from a keyed hash of the replica's number and the word's
  normalized form. The same word in the same replica always becomes the same pseudo-word, so
  a copy inside a replica stays a copy (spelling variants that normalize alike stay alike),
  while the same article in two replicas shares only frequent words: nothing should match
  across replicas but texts made of those words and digits alone, the same in every replica
  (the benchmark counts the reuse links across replicas, by kind);
- **a shifted time**: its date moves ``r * SHIFT_DAYS`` days later (digits in the text are
  left alone), so replicas follow one another like the months of a year of monitoring
  (SaudiNewsNet's 22 days of about 1,700 articles a day, one replica every 15 days: about a
  million articles in 400 days);
- its own URL (``?replica=r``) and id, so re-crawls of one URL stay re-crawls within a replica.

Nothing of the data set is stored in this repository: the corpus is written at run time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import random
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic import normalize

SHIFT_DAYS = 15
KEEP = 1000  # most frequent word forms kept as they are
SEED = 12
_WORD = re.compile(r"[^\W\d_]+")
_DMY = re.compile(r"(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})")  # ANT's day/month/year dates
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_LATIN = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Base:
    """The base articles (as the data sets give them) and the word forms kept."""

    records: list[dict[str, str]]
    keep: frozenset[str]

    @classmethod
    def load(cls, saudinewsnet: Path, ant: Path | None) -> Base:
        records: list[dict[str, str]] = []
        for day in sorted(saudinewsnet.glob("*.zip")):
            with zipfile.ZipFile(day) as z:
                records += [r for r in json.loads(z.read(z.namelist()[0])) if r.get("content")]
        if ant is not None and ant.is_file():
            with zipfile.ZipFile(ant) as z, z.open(z.namelist()[0]) as lines:
                records += [r for line in lines if (r := json.loads(line)).get("content")]
        counts: Counter[str] = Counter()
        for r in records:
            counts.update(normalize(w) for w in _WORD.findall(r.get("title") or ""))
            counts.update(_WORD.findall(normalize(r["content"])))
        return cls(records, frozenset(w for w, _ in counts.most_common(KEEP)))

    @classmethod
    def from_data(cls, data: Path) -> Base:
        """The base of ``data`` (SaudiNewsNet's daily zips under ``saudinewsnet/``, ANT as
        ``ant/ant_v1.1.jsonl.zip`` when there); exits saying where to get SaudiNewsNet."""
        saudi, ant = data / "saudinewsnet", data / "ant" / "ant_v1.1.jsonl.zip"
        if not any(saudi.glob("*.zip")):
            sys.exit(f"SaudiNewsNet not found in {saudi}: see benchmarks/scale.py's docstring")
        return cls.load(saudi, ant if ant.is_file() else None)


class Replica:
    """Replica ``number``: its substitution and its time shift."""

    def __init__(self, number: int, keep: frozenset[str]) -> None:
        self.number = number
        self.keep = keep
        self.key = f"marsad-replica-{number}".encode()
        self.words: dict[str, str] = {}

    def word(self, match: re.Match[str]) -> str:
        original = match.group()
        found = self.words.get(original)
        if found is None:
            found = self.words[original] = self._pseudo(original)
        return found

    def _pseudo(self, original: str) -> str:
        form = normalize(original)
        if not form or form in self.keep or not form.isalpha():
            return original
        digest = hashlib.blake2b(form.encode(), key=self.key, digest_size=32).digest()
        letters = _LATIN if form.isascii() else _ARABIC
        start = 2 if form.startswith("ال") and len(form) > 3 else 0
        made = form[:start] + "".join(
            letters[b % len(letters)] for b in digest[: len(form) - start]
        )
        return made.capitalize() if original[:1].isupper() else made

    def text(self, text: str) -> str:
        return _WORD.sub(self.word, text)

    def record(self, record: dict[str, str]) -> dict[str, str]:
        out = dict(record)
        for field in ("title", "content", "author"):
            if out.get(field):
                out[field] = self.text(out[field])
        shift = dt.timedelta(days=SHIFT_DAYS * self.number)
        for field in ("date_extracted", "date"):
            if out.get(field):
                out[field] = _shifted(out[field], shift)
        if out.get("url"):
            out["url"] = f"{out['url']}?replica={self.number}"
        if out.get("id"):
            out["id"] = f"{out['id']}-r{self.number}"
        return out


def _shifted(value: str, shift: dt.timedelta) -> str:
    """A date moved, in the form it came in: an ISO date-time (``2015-07-21 02:51:32``,
    ``2017-01-20T21:43:00+01:00``) or ANT's day/month/year (``31/10/2016``)."""
    day = _DMY.fullmatch(value)
    if day is not None:
        moved = dt.date(int(day["y"]), int(day["m"]), int(day["d"])) + shift
        return f"{moved.day:02d}/{moved.month:02d}/{moved.year}"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    separator = "T" if "T" in value else " "
    return (moment + shift).isoformat(sep=separator)


def sample(base: Base, size: int, seed: int = SEED) -> list[tuple[int, int]]:
    """``size`` (replica, article index) pairs of the fewest replicas that hold them."""
    replicas = math.ceil(size / len(base.records))
    pairs = [(r, k) for r in range(replicas) for k in range(len(base.records))]
    return sorted(random.Random(seed).sample(pairs, size))


def records(base: Base, pairs: list[tuple[int, int]]) -> Iterator[dict[str, str]]:
    """The records of ``pairs``, replica by replica (each replica's words made once)."""
    current: Replica | None = None
    for r, k in pairs:
        if current is None or current.number != r:
            current = Replica(r, base.keep)
        yield current.record(base.records[k])


def moment(record: dict[str, str]) -> str:
    """A record's date as it sorts: ISO (SaudiNewsNet's crawl times and half of ANT's dates
    are ISO date-times; the other half of ANT's are day/month/year)."""
    value = record.get("date_extracted") or record.get("date") or ""
    day = _DMY.fullmatch(value)
    if day is not None:
        return f"{day['y']}-{day['m']}-{day['d']} 00:00:00"
    return value[:19].replace("T", " ")


def write_corpus(
    base: Base, size: int, corpus: Path, new: Path, new_count: int = 200
) -> dict[str, int]:
    """Write ``size`` articles: all but the ``new_count`` most recent to ``corpus`` (JSON
    Lines), those to ``new`` (the articles that arrive after the store is built)."""
    pairs = sample(base, size)
    # the newest by date (a replica's shift moves every date alike): no text substituted
    dated = sorted(
        (_shifted(moment(base.records[k]), dt.timedelta(days=SHIFT_DAYS * r)), position)
        for position, (r, k) in enumerate(pairs)
    )
    held = {position for _, position in dated[len(dated) - new_count :]}
    with corpus.open("w", encoding="utf-8") as out, new.open("w", encoding="utf-8") as late:
        for position, record in enumerate(records(base, pairs)):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            (late if position in held else out).write(line)
    return {"articles": size, "replicas": pairs[-1][0] + 1, "new": len(held)}
