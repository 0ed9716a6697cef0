"""Data for the event-clustering benchmark: gold partitions, ECB+ and SaudiNewsNet articles.

Every method is handed the same items, ``(id, title, text, published)``, so the scores differ
by method only. ECB+ has no publication dates (``published`` is None); SaudiNewsNet has only
the day its crawler fetched the article, which is passed as ``published``.

ECB+ (Cybulska & Vossen, LREC 2014) holds 982 English articles in 43 topics (1-45 without 15
and 17); each topic is two different real-world events of one type, one from the original ECB
corpus (``source`` "ecb", event ``<topic>_1``) and one added by ECB+ (``source`` "ecbplus",
event ``<topic>_2``): 86 gold events of 3 to 22 articles. The texts are tokenized, one
sentence per line. ECB+ articles open with their headline and, in most of them, a dateline
("May 03 , 2013"); ECB articles usually open with their first sentence and no date.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
ECBPLUS = SHARED / "ecbplus" / "ecbplus_docs.jsonl"
SAUDINEWSNET = SHARED / "saudinewsnet"
GOLD = ROOT / "benchmarks" / "gold" / "saudinewsnet_events.jsonl"
GOLD_JULY = ROOT / "benchmarks" / "gold" / "saudinewsnet_events_july.jsonl"
ECBPLUS_URL = "http://www.newsreader-project.eu/results/data/the-ecb-corpus/"
SAUDINEWSNET_URL = "https://github.com/parallelfold/SaudiNewsNet"

ECB_SCHEME = "ecbplus:"

Item = tuple[str, str, str, date | None]  # (id, title, text, published): what a method gets


class DataMissing(Exception):
    """A data set the benchmark needs is not on this machine; the message says where to get it."""


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """One ECB+ article and its gold event."""

    doc_id: str  # e.g. "1_10ecbplus": topic 1, document 10, from the ECB+ half
    topic: int
    subtopic: str  # "<topic>_ecb" or "<topic>_ecbplus": one to one with event_cluster
    event_cluster: str  # the gold event, "<topic>_1" (ecb) or "<topic>_2" (ecbplus)
    source: str  # "ecb" or "ecbplus"
    text: str  # tokenized, one sentence per line

    def item(self) -> Item:
        """The first line as title, the rest as text, no date (ECB+ has none)."""
        title, _, body = self.text.partition("\n")
        return (self.doc_id, title, body, None)


def require(path: Path, what: str, url: str) -> Path:
    """``path``, or :class:`DataMissing` saying where to get ``what``."""
    if not path.exists():
        raise DataMissing(
            f"{path} not found: {what} is expected in the shared data folder ../shared/data "
            f"next to the repository; get it from {url}"
        )
    return path


def load_gold(path: Path) -> dict[str, str]:
    """A gold event partition, url -> event, from JSON Lines of ``{"url": ..., "event": ...}``.

    Other fields are allowed and ignored; blank lines are skipped. A line that is not a JSON
    object with string ``url`` and ``event`` (an int event is taken as its decimal string), or
    a url given two different events, raises ``ValueError`` naming the file and line.
    """
    gold: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
        url, event = record.get("url"), record.get("event")
        if isinstance(event, int) and not isinstance(event, bool):
            event = str(event)
        if not isinstance(url, str) or not url:
            raise ValueError(f'{where}: "url" must be a non-empty string, got {url!r}')
        if not isinstance(event, str) or not event:
            raise ValueError(f'{where}: "event" must be a non-empty string, got {event!r}')
        if gold.setdefault(url, event) != event:
            raise ValueError(f"{where}: {url} is given event {event!r} and earlier {gold[url]!r}")
    if not gold:
        raise ValueError(f"{path}: no gold lines")
    return gold


def load_ecbplus(path: Path = ECBPLUS) -> list[EcbDoc]:
    """The ECB+ articles with their gold events, in file order."""
    docs = []
    with require(path, "ECB+", ECBPLUS_URL).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                docs.append(
                    EcbDoc(
                        doc_id=str(record["doc_id"]),
                        topic=int(record["topic"]),
                        subtopic=str(record["subtopic"]),
                        event_cluster=str(record["event_cluster"]),
                        source=str(record["source"]),
                        text=str(record["text"]),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise ValueError(f"{path}:{number}: not an ECB+ record ({error!r})") from None
    return docs


def ecbplus_gold(docs: Iterable[EcbDoc]) -> dict[str, str]:
    """doc_id -> gold event."""
    return {doc.doc_id: doc.event_cluster for doc in docs}


def load_saudinewsnet(urls: Iterable[str], data: Path = SAUDINEWSNET) -> list[Item]:
    """The SaudiNewsNet articles at ``urls`` (first crawl of each url), id = url, in crawl order.

    ``published`` is the crawl day (``date_extracted``), the only date the corpus records.
    Urls that are not in the corpus are left out; the caller sees that from the count.
    """
    wanted, found = set(urls), {}
    for record in _saudinewsnet_records(require(data, "SaudiNewsNet", SAUDINEWSNET_URL)):
        url = record.get("url") or ""
        if url in wanted and url not in found and (record.get("content") or "").strip():
            crawled = date.fromisoformat(str(record["date_extracted"])[:10])
            found[url] = (url, record.get("title") or "", record["content"], crawled)
    return list(found.values())


def held_out(gold: Mapping[str, str], modulus: int = 2) -> dict[str, str]:
    """The evaluated part of a completely labelled day: every article of an event of two or
    more, and the singletons whose url hashes into a 1-in-``modulus`` sample (md5, as
    ``select_gold.py`` samples), so that most evaluated articles share their event with others
    (1 in 2 of the July day's 797 singletons: 1,139 articles, 65% of them in shared events)."""
    sizes = Counter(gold.values())
    return {
        url: event
        for url, event in gold.items()
        if sizes[event] > 1 or int(hashlib.md5(url.encode("utf-8")).hexdigest(), 16) % modulus == 0
    }


def day_zips(data: Path, days: Iterable[str]) -> list[Path]:
    """The daily zips of ``days`` (``YYYY-MM-DD``), each required."""
    return [
        require(data / f"{day}.zip", f"SaudiNewsNet's {day}.zip", SAUDINEWSNET_URL) for day in days
    ]


def day_records(zips: Iterable[Path]) -> list[dict[str, str]]:
    """Every record of these daily zips, in the order the zips and their members give."""
    out: list[dict[str, str]] = []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                out += json.loads(archive.read(name))
    return out


def write_jsonl(records: Iterable[Mapping[str, object]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def ecbplus_records(docs: Iterable[EcbDoc]) -> list[dict[str, str]]:
    """ECB+ articles as a user would hand them to ``marsad ingest``: JSON Lines records with a
    url (``ecbplus:<doc_id>``) and the text; the first line is the title of the articles added
    by ECB+, which open with their headline, while the original ECB articles open with their
    first sentence and have no title."""
    out = []
    for doc in docs:
        record = {"url": f"{ECB_SCHEME}{doc.doc_id}", "content": doc.text}
        title, _, body = doc.text.partition("\n")
        if doc.source == "ecbplus" and body.strip():
            record.update(title=title, content=body)
        out.append(record)
    return out


def _saudinewsnet_records(data: Path) -> Iterator[dict[str, str]]:
    """Every record of the daily zips, in crawl-day order then file order."""
    zips = sorted(data.glob("*.zip"))
    if not zips:
        raise DataMissing(f"no SaudiNewsNet zips in {data}: get data/*.zip from {SAUDINEWSNET_URL}")
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield from json.loads(archive.read(name))
