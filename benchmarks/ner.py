"""Arabic NER: the shipped model's score on the CAMeL Lab test split of ANERcorp, and its speed.

Score: entity-level micro precision, recall and F1 (exact span and type, as seqeval counts
them) on ``ANERCorp_CamelLab_test.txt``; the model never trained on it (``make train-ner``).
Speed: tokens per second on one core through ``Tagger.mentions_of`` (tokenizing, features,
both CRFs, spans), on the test split's text and on the titles and first 200 words of 2,000
SaudiNewsNet articles, with an empty feature memo at the start of each run: text by text, 200
texts a call (as the entities stage reads them), and, side by side, CRFsuite's own tagger
(``pycrfsuite``) on the same models and features, text by text.

Data: ANERcorp from CAMeL Lab (https://camel.abudhabi.nyu.edu/anercorp/), SaudiNewsNet from
https://github.com/parallelfold/SaudiNewsNet; both under ../shared/data. Writes
benchmarks/results/ner.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import zipfile
from pathlib import Path

from marsad.analyze.ner.corpus import Score, read, score, spans, split
from marsad.analyze.ner.rules import rule_mentions
from marsad.analyze.ner.tagger import MODEL_DIR, Tagger, tokens_of
from marsad.analyze.ner.train import ANERCORP, SHARED, TEST
from marsad.arabic.normalize import normalize

RESULTS = Path(__file__).resolve().parent / "results"
MODERN = Path(__file__).resolve().parent / "gold" / "ner_modern.jsonl"
KINDS = ("PERS", "LOC", "ORG")

Span = tuple[int, int, str]


def modern_text(row: dict[str, object], shared: Path) -> str:
    """The text a line of ``ner_modern.jsonl`` was labelled on (see its README)."""
    if row["source"] == "seeds":
        text = (shared / "seeds" / str(row["file"])).read_text(encoding="utf-8")
        return text[: int(str(row["chars"]))]
    with zipfile.ZipFile(shared / "saudinewsnet" / f"{row['day']}.zip") as archive:
        record = json.loads(archive.read(archive.namelist()[0]))[int(str(row["index"]))]
    words = (record.get("content") or "").split()[: int(str(row["words"]))]
    return f"{record.get('title') or ''}\n{' '.join(words)}"


def gold_spans(words: list[str], mentions: list[list[str]], doc: str) -> set[Span]:
    """Token spans of the labelled mentions, each found after the one before."""
    norms = [normalize(w) for w in words]
    found: set[Span] = set()
    cursor = 0
    for kind, surface in mentions:
        want = [normalize(w) for s in tokens_of(surface) for w, _, _ in s]
        for start in range(cursor, len(norms) - len(want) + 1):
            if norms[start : start + len(want)] == want:
                found.add((start, start + len(want), kind))
                cursor = start + 1
                break
        else:
            raise SystemExit(
                f"{doc}: the mention {surface!r} is not in the text after token {cursor}"
            )
    return found


def with_rules(text: str, offsets: list[tuple[int, int]], found: set[Span]) -> set[Span]:
    """``found`` (token spans) with what ``ner.rules`` finds in ``text``, whose tokens sit at
    ``offsets``, merged as ``rules.extend`` merges them: a rule's span replaces the spans
    inside it and is dropped when it overlaps one in part (or meets no token boundary)."""
    starts = {start: i for i, (start, _) in enumerate(offsets)}
    ends = {end: i + 1 for i, (_, end) in enumerate(offsets)}
    kept = set(found)
    for mention in rule_mentions(text):
        if mention.start not in starts or mention.end not in ends:
            continue
        a, b = starts[mention.start], ends[mention.end]
        inside = {f for f in kept if a <= f[0] and f[1] <= b}
        if any(f[0] < b and a < f[1] for f in kept - inside):
            continue
        kept = (kept - inside) | {(a, b, "PERS" if mention.kind == "PER" else mention.kind)}
    return kept


def modern(
    tagger: Tagger, shared: Path, rules: bool = False, source: str | None = None
) -> dict[str, Score]:
    """Scores on the modern-news gold set, all three kinds and each (``rules``: with what
    ``ner.rules`` adds, as the entities stage reads; ``source``: only the documents of
    ``seeds`` or ``saudinewsnet``)."""
    counts = {kind: [0, 0, 0] for kind in ("", *KINDS)}
    for line in MODERN.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if source is not None and row["source"] != source:
            continue
        sentences = tokens_of(modern_text(row, shared))
        words = [w for s in sentences for w, _, _ in s]
        gold = gold_spans(words, row["mentions"], row["doc"])
        tags = tagger.tag([[w for w, _, _ in s] for s in sentences])
        found: set[Span] = set()
        offset = 0
        for sentence, tagged in zip(sentences, tags, strict=True):
            found |= {(offset + a, offset + b, k) for a, b, k in spans(tagged) if k in KINDS}
            offset += len(sentence)
        if rules:
            offsets = [(a, b) for s in sentences for _, a, b in s]
            found = with_rules(modern_text(row, shared), offsets, found)
        for kind, row_counts in counts.items():
            want = {g for g in gold if not kind or g[2] == kind}
            got = {f for f in found if not kind or f[2] == kind}
            row_counts[0] += len(want)
            row_counts[1] += len(got)
            row_counts[2] += len(want & got)
    return {kind or "all": Score(*c) for kind, c in counts.items()}


def rules_score(
    test: list[list[tuple[str, str]]], found: list[list[str]], rules: bool = True
) -> Score:
    """The CAMeL test split's people, places and organizations scored with what ``ner.rules``
    adds to the tagger's spans (the tokens of a sentence joined by spaces); ``rules`` False:
    the tagger's spans alone, the row to compare with."""
    counts = [0, 0, 0]
    for sentence, tagged in zip(test, found, strict=True):
        words = [w for w, _ in sentence]
        offsets, at = [], 0
        for word in words:
            offsets.append((at, at + len(word)))
            at += len(word) + 1
        want = {g for g in spans([t for _, t in sentence]) if g[2] in KINDS}
        got = {f for f in spans(tagged) if f[2] in KINDS}
        if rules:
            got = with_rules(" ".join(words), offsets, got)
        counts[0] += len(want)
        counts[1] += len(got)
        counts[2] += len(want & got)
    return Score(*counts)


def snn_texts(folder: Path, count: int) -> list[str]:
    texts: list[str] = []
    for day in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    words = (record.get("content") or "").split()[:200]
                    if words:
                        texts.append(f"{record.get('title') or ''}\n{' '.join(words)}")
                    if len(texts) == count:
                        return texts
    return texts


def speed(texts: list[str], batch: int = 1) -> dict[str, float]:
    """Tokens per second of a fresh ``Tagger`` over ``texts``, ``batch`` texts a call."""
    tagger = Tagger()
    tokens = sum(len(s) for text in texts for s in tokens_of(text))
    started = time.perf_counter()
    mentions = sum(
        len(found)
        for k in range(0, len(texts), batch)
        for found in tagger.mentions_of(texts[k : k + batch])
    )
    return _speed_row(texts, tokens, mentions, time.perf_counter() - started)


def crfsuite_speed(texts: list[str]) -> dict[str, float]:
    """The same as ``speed`` through CRFsuite's own tagger (``pycrfsuite``) on the same
    models and features, text by text: the way the tagger ran before it decoded the models
    itself."""
    import pycrfsuite

    from marsad.analyze.ner.features import Features, Resources
    from marsad.analyze.ner.tagger import document_votes

    features = Features(Resources.load(MODEL_DIR))
    models = []
    for name in ("first", "second"):
        model = pycrfsuite.Tagger()
        model.open(str(MODEL_DIR / f"{name}.crfsuite"))
        models.append(model)
    tokens = sum(len(s) for text in texts for s in tokens_of(text))
    started = time.perf_counter()
    mentions = 0
    for text in texts:
        document = [[word for word, _, _ in sentence] for sentence in tokens_of(text)]
        seen = [features.of(sentence) for sentence in document]
        first = [models[0].tag(f) for f in seen]
        votes = document_votes(document, first)
        for f, extra in zip(seen, votes, strict=True):
            tags = models[1].tag([[*own, *more] for own, more in zip(f, extra, strict=True)])
            mentions += len(spans(tags))
    return _speed_row(texts, tokens, mentions, time.perf_counter() - started)


def _speed_row(texts: list[str], tokens: int, mentions: int, seconds: float) -> dict[str, float]:
    return {
        "texts": len(texts),
        "tokens": tokens,
        "mentions": mentions,
        "seconds": round(seconds, 2),
        "tokens_per_s": round(tokens / seconds),
    }


def ablations(folder: Path) -> dict[str, Score]:
    """The first CRF trained again without one resource, scored on the test split."""
    from dataclasses import replace

    from marsad.analyze.ner.features import Features, Resources
    from marsad.analyze.ner.train import FULL, _train

    train, test = split(ANERCORP / FULL, ANERCORP / TEST)
    full = Resources.load(folder)
    variants = {
        "first CRF, no word clusters": replace(full, clusters={}),
        "first CRF, no gazetteers": replace(
            full,
            gazetteers={k: frozenset() for k in full.gazetteers},
            phrases={k: frozenset() for k in full.phrases},
        ),
    }
    found: dict[str, Score] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, resources in variants.items():
            features = Features(resources)
            seen = [features.of([w for w, _ in s]) for s in train]
            tagger = _train(seen, train, Path(tmp) / "model.crfsuite")
            tagged = [tagger.tag(features.of([w for w, _ in s])) for s in test]
            found[name] = score([[t for _, t in s] for s in test], tagged)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "ner.json")
    parser.add_argument(
        "--no-ablations", action="store_true", help="skip training the ablation CRFs (2 min)"
    )
    args = parser.parse_args()
    test_path = ANERCORP / TEST
    if not test_path.is_file():
        raise SystemExit(f"ANERcorp's test split is missing: {test_path}")
    test = read(test_path)
    tagger = Tagger()
    gold = [[tag for _, tag in s] for s in test]
    found = tagger.tag([[w for w, _ in s] for s in test])
    first = tagger.tag([[w for w, _ in s] for s in test], second=False)
    rows = {"model (two CRFs)": score(gold, found), "first CRF only": score(gold, first)}
    rows["model, PERS LOC ORG"] = rules_score(test, found, rules=False)
    rows["model + rules, PERS LOC ORG"] = rules_score(test, found)
    rows |= {f"  {kind}": score(gold, found, kind) for kind in ("PERS", "LOC", "ORG", "MISC")}
    if not args.no_ablations:
        rows |= ablations(MODEL_DIR)
    print(f"{'CAMeL Lab test split':<32} {'gold':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, result in rows.items():
        print(
            f"{name:<32} {result.gold:>6} {result.precision:>6.3f} {result.recall:>6.3f}"
            f" {result.f1:>6.3f}"
        )
    if (SHARED / "seeds").is_dir() and (SHARED / "saudinewsnet").is_dir():
        news = modern(tagger, SHARED)
        news |= {f"+ rules {k}": v for k, v in modern(tagger, SHARED, rules=True).items()}
        # the rules were written reading the seeds: SaudiNewsNet's documents alone are the
        # part of this set they were not written on
        for source in ("saudinewsnet", "seeds"):
            news[f"{source} only"] = modern(tagger, SHARED, source=source)["all"]
            news[f"{source} only + rules"] = modern(tagger, SHARED, True, source)["all"]
        print(f"\n{'modern news (README)':<32} {'gold':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for name, result in news.items():
            print(
                f"{name:<32} {result.gold:>6} {result.precision:>6.3f} {result.recall:>6.3f}"
                f" {result.f1:>6.3f}"
            )
        rows |= {f"modern news {name}": result for name, result in news.items()}
    test_text = "\n".join(" ".join(w for w, _ in s) for s in test)
    speeds = {"camel_test": speed([test_text])}
    snn = snn_texts(SHARED / "saudinewsnet", 2000)
    if snn:
        speeds["saudinewsnet_leads"] = speed(snn)
        speeds["saudinewsnet_leads, 200 a call"] = speed(snn, batch=200)
        speeds["saudinewsnet_leads, CRFsuite's tagger"] = crfsuite_speed(snn)
    print(f"\n{'speed, one core':<38} {'texts':>6} {'tokens':>8} {'s':>7} {'tokens/s':>9}")
    for name, row in speeds.items():
        print(
            f"{name:<38} {row['texts']:>6} {row['tokens']:>8} {row['seconds']:>7}"
            f" {row['tokens_per_s']:>9}"
        )
    result = {
        "score": {
            name.strip(): {
                "gold": r.gold,
                "precision": round(r.precision, 4),
                "recall": round(r.recall, 4),
                "f1": round(r.f1, 4),
            }
            for name, r in rows.items()
        },
        "speed": speeds,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
