"""Benchmark: event summaries beside LexRank and TextRank (sumy), on the events a user gets.

    make bench-summaries     # or: python benchmarks/summaries.py [--days ...] [--events N]

Three whole crawl days of SaudiNewsNet (every outlet) are ingested into a fresh database and
organized as a user runs Marsad (``Marsad.ingest``, ``update_events``, ``update_entities``).
For every stored event with three or more reports that are not copies of one another (at most
``--events``, the largest first), three summarizers choose as many sentences from the same
candidates — Marsad's (``organize.summaries.candidate_spans``: the first sentences of each
report that is not a copy):

- **marsad**: ``Marsad.event_summary`` (``organize/summaries.py``);
- **lexrank** and **textrank**: sumy's ``LexRankSummarizer`` and ``TextRankSummarizer`` over
  those sentences, words as Marsad's light stems without stop words (sumy's own tokenizers
  need NLTK data downloaded at run time, and know no Arabic);
- **lead**: the first candidates of the longest report (a baseline).

Each is scored per event and averaged: **redundancy**, the largest word Jaccard between two
of its sentences, and the share of summaries with a pair above 0.5; **entity coverage**, the
share of the event's entities (people, organizations and places named in two or more of its
reports, by the entity stage) that its sentences name; **reports**, how many different reports
its sentences come from; and the time per event.

Data: SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet) in ../shared/data. Prints a
table and writes benchmarks/results/summaries.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from marsad.app import Marsad
from marsad.arabic.normalize import normalize
from marsad.arabic.stem import stem_tokens
from marsad.arabic.stopwords import STOPWORDS
from marsad.arabic.tokenize import tokens
from marsad.organize.summaries import Report, candidate_spans, word_jaccard

ROOT = Path(__file__).resolve().parents[1]
DATA = (ROOT / ".." / "shared" / "data" / "saudinewsnet").resolve()
RESULTS = ROOT / "benchmarks" / "results"
DAYS = ("2015-08-06", "2015-08-07", "2015-08-08")
Span = tuple[int, int, int]  # report index, start, end


class _Words:
    """What sumy asks of a tokenizer: the words of a sentence (Marsad's stems)."""

    language = "arabic"

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        words = [w for w in tokens(normalize(sentence)) if w not in STOPWORDS]
        return stem_tokens(words)


def candidates(reports: list[Report]) -> list[Span]:
    """The sentences every summarizer chooses from, Marsad's candidates: the first sentences
    of each report that is not a copy (``organize.summaries.candidate_spans``)."""
    return [
        (k, a, b)
        for k, r in enumerate(reports)
        if not r.copy
        for _, a, b in candidate_spans(r.body)
    ]


def sumy_choice(summarizer: Any, reports: list[Report], spans: list[Span], n: int) -> list[Span]:
    texts = [reports[k].body[a:b] for k, a, b in spans]
    document = ObjectDocumentModel(
        [Paragraph([Sentence(t, _Words()) for t in texts])]  # type: ignore[no-untyped-call]
    )
    chosen = {str(s) for s in summarizer(document, n)}
    return [span for span, text in zip(spans, texts, strict=True) if text in chosen][:n]


def score(reports: list[Report], chosen: list[Span], main: set[str]) -> dict[str, float]:
    words = [set(tokens(normalize(reports[k].body[a:b]))) for k, a, b in chosen]
    pairs = [word_jaccard(x, y) for x, y in combinations(words, 2)]
    named = {key for k, a, b in chosen for s, e, key in reports[k].entities if a <= s and e <= b}
    return {
        "redundancy": max(pairs, default=0.0),
        "redundant": float(any(p > 0.5 for p in pairs)),
        "coverage": len(named & main) / len(main) if main else 1.0,
        "reports": float(len({k for k, _, _ in chosen})),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--days", nargs="+", default=list(DAYS))
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--out", type=Path, default=RESULTS / "summaries.json")
    args = parser.parse_args()
    files = [args.data / f"{day}.zip" for day in args.days]
    if not all(f.is_file() for f in files):
        raise SystemExit(
            f"SaudiNewsNet days {args.days} missing in {args.data}: get them from "
            "https://github.com/parallelfold/SaudiNewsNet (data/)"
        )
    methods: dict[str, list[dict[str, float]]] = {
        m: [] for m in ("marsad", "lexrank", "textrank", "lead")
    }
    seconds: Counter[str] = Counter()
    with (
        tempfile.TemporaryDirectory(prefix="marsad-bench-summaries-") as tmp,
        Marsad(Path(tmp) / "s.db") as marsad,
    ):
        started = time.perf_counter()
        marsad.ingest(files)
        marsad.update_events()
        marsad.update_entities()
        took = time.perf_counter() - started
        print(f"ingested and organized {len(args.days)} days in {took:.0f} s")
        events = sorted(marsad.events(), key=lambda e: (-len(e.articles), e.id))
        used = 0
        for event in events:
            reports = marsad.summary_reports(event)
            if sum(not r.copy for r in reports) < 3:
                continue
            used += 1
            if used > args.events:
                break
            counts = Counter(
                key for r in reports if not r.copy for key in {k for _, _, k in r.entities}
            )
            main_entities = {k for k, n in counts.items() if n >= 2}
            spans = candidates(reports)
            started = time.perf_counter()
            ours = marsad.event_summary(event)
            seconds["marsad"] += time.perf_counter() - started
            index = {r.id: k for k, r in enumerate(reports)}
            chosen = [(index[s.article_id], s.start, s.end) for s in ours]
            methods["marsad"].append(score(reports, chosen, main_entities))
            n = max(len(ours), 1)
            for name, summarizer in (
                ("lexrank", LexRankSummarizer()),
                ("textrank", TextRankSummarizer()),
            ):
                started = time.perf_counter()
                picked = sumy_choice(summarizer, reports, spans, n)
                seconds[name] += time.perf_counter() - started
                methods[name].append(score(reports, picked, main_entities))
            longest = max(
                (k for k, r in enumerate(reports) if not r.copy),
                key=lambda k: len(reports[k].body),
            )
            lead = [s for s in spans if s[0] == longest][:n]
            methods["lead"].append(score(reports, lead, main_entities))
    count = len(methods["marsad"])
    print(f"{count} events with 3 or more reports that are not copies")
    print(f"{'method':<10} {'redundancy':>10} {'> 0.5':>6} {'coverage':>9} {'reports':>8}", end="")
    print(f" {'ms/event':>9}")
    result: dict[str, Any] = {"events": count, "days": args.days, "methods": {}}
    for name, rows in methods.items():
        row = (
            {key: round(statistics.fmean(r[key] for r in rows), 4) for key in rows[0]}
            if rows
            else {}
        )
        row["ms_per_event"] = (
            round(1000 * seconds[name] / count, 1) if count and name in seconds else None
        )
        result["methods"][name] = row
        ms = "" if row["ms_per_event"] is None else f"{row['ms_per_event']:.1f}"
        print(
            f"{name:<10} {row.get('redundancy', 0):>10.3f} {row.get('redundant', 0):>6.3f} "
            f"{row.get('coverage', 0):>9.3f} {row.get('reports', 0):>8.2f} {ms:>9}"
        )
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
