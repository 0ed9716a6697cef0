"""Reproduce the shipped NER model: ``make train-ner`` (``python -m marsad.analyze.ner.train``).

1. Word clusters (``--clusters``, needs ANT): every word seen at least 5 times in ANT's
   titles and texts and in ANERcorp's training part (at most the 80,000 most frequent) is
   described by the words to its left and right (two positions each way, among the 4,000 most
   frequent), weighted by positive PMI with context smoothing 0.75, reduced to 128 dimensions
   by truncated SVD, and grouped by spherical k-means into 64, 256 and 1,024 classes (seeded:
   the same data gives the same file). The test split is not read.
2. The two CRFs (``features.py``, ``tagger.py``), trained on ANERcorp minus the CAMeL Lab test
   split (L-BFGS, c1 0.05, c2 0.01, 150 iterations). The second CRF learns from the first's
   tags on data that first CRF did not train on: the training part is cut in two halves, a
   CRF is trained on each and tags the other.
3. The score on the CAMeL Lab test split (entity-level micro F1, exact span and type), written
   to ``score.json`` beside the model.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import pycrfsuite
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.analyze.ner.corpus import Score, Sentence, score, split
from marsad.analyze.ner.features import Features, Item, Resources
from marsad.analyze.ner.tagger import MODEL_DIR, document_votes
from marsad.arabic.normalize import normalize

SHARED: Final = Path(__file__).resolve().parents[5] / "shared" / "data"
ANERCORP: Final = SHARED / "ner" / "anercorp"
FULL: Final = "ANERCorp_original_full.ITE-5th_copy.txt"
TEST: Final = "ANERCorp_CamelLab_test.txt"
PARAMS: Final = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
_WORD: Final = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
VOCABULARY, CONTEXTS, DIMENSIONS, CLASSES = 80_000, 4_000, 128, (64, 256, 1024)


def unlabelled(shared: Path, train: Sequence[Sentence]) -> Iterator[list[str]]:
    """Normalized tokens of every ANT article, then of ANERcorp's training part.

    SaudiNewsNet would give a point more on the test split (clusters from it and ANT: 0.685
    for the first CRF, from ANT alone: 0.675), but it is CC BY-NC-SA, and what is learned from
    it would ship inside an Apache-2.0 package; ANT is Apache-2.0, ANERcorp CC BY-SA.
    """
    ant = shared / "ant" / "ant_v1.1.jsonl.zip"
    with zipfile.ZipFile(ant) as archive, archive.open(archive.namelist()[0]) as lines:
        for line in lines:
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('content') or ''}"
            yield _WORD.findall(normalize(text))
    yield _WORD.findall(normalize(" ".join(word for sentence in train for word, _ in sentence)))


def build_clusters(documents: Sequence[list[str]]) -> list[tuple[str, list[int]]]:
    """Each frequent word with its class at each of ``CLASSES`` granularities (see the top)."""
    counts = Counter(word for words in documents for word in words)
    vocabulary = [w for w, c in counts.most_common(VOCABULARY) if c >= 5]
    row_of = {w: i for i, w in enumerate(vocabulary)}
    column_of = {w: i for i, w in enumerate(w for w, _ in counts.most_common(CONTEXTS))}
    rows: list[int] = []
    columns: list[int] = []
    for words in documents:
        ids = [row_of.get(w, -1) for w in words]
        contexts = [column_of.get(w, -1) for w in words]
        for i, row in enumerate(ids):
            if row < 0:
                continue
            for slot, offset in enumerate((-1, 1, -2, 2)):
                j = i + offset
                if 0 <= j < len(words) and contexts[j] >= 0:
                    rows.append(row)
                    columns.append(slot * CONTEXTS + contexts[j])
    shape = (len(vocabulary), 4 * CONTEXTS)
    ones = np.ones(len(rows), dtype=np.float64)
    cooc = sparse.coo_matrix((ones, (rows, columns)), shape=shape).tocsr().tocoo()
    total = cooc.sum()
    row_sums = np.asarray(cooc.sum(axis=1)).ravel()
    smoothed = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    smoothed = smoothed / smoothed.sum() * total
    pmi = np.log(cooc.data * total / (row_sums[cooc.row] * smoothed[cooc.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (cooc.row[keep], cooc.col[keep])), shape=shape)
    left, singular, _ = svds(ppmi, k=DIMENSIONS, random_state=0)
    vectors = (left * np.sqrt(singular)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [_spherical_kmeans(vectors, k) for k in CLASSES]
    return [(w, [int(lab[i]) for lab in labels]) for i, w in enumerate(vocabulary)]


def _spherical_kmeans(
    vectors: np.ndarray, k: int, iterations: int = 20, seed: int = 1
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for start in range(0, len(vectors), 20_000):
            labels[start : start + 20_000] = np.argmax(
                vectors[start : start + 20_000] @ centres.T, axis=1
            )
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                total = members.sum(axis=0)
                centres[c] = total / (np.linalg.norm(total) + 1e-9)
    return labels


def _train(
    features: list[list[Item]], sentences: Sequence[Sentence], path: Path
) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for seen, sentence in zip(features, sentences, strict=True):
        trainer.append(seen, [tag for _, tag in sentence])
    trainer.set_params(PARAMS)
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _with_votes(
    features: list[list[Item]], sentences: Sequence[Sentence], tags: list[list[str]]
) -> list[list[Item]]:
    votes = document_votes([[w for w, _ in s] for s in sentences], tags)
    return [
        [[*own, *more] for own, more in zip(f, v, strict=True)]
        for f, v in zip(features, votes, strict=True)
    ]


def train(folder: Path, anercorp: Path) -> dict[str, object]:
    """Train both CRFs into ``folder`` and score them on the test split."""
    started = time.perf_counter()
    sentences, _ = split(anercorp / FULL, anercorp / TEST)
    features = Features(Resources.load(folder))
    seen = [features.of([w for w, _ in s]) for s in sentences]
    half = len(sentences) // 2
    scratch = folder / "half.crfsuite"
    first_half = _train(seen[:half], sentences[:half], scratch)
    tags = [first_half.tag(f) for f in seen[half:]]
    second_half = _train(seen[half:], sentences[half:], scratch)
    tags = [second_half.tag(f) for f in seen[:half]] + tags
    scratch.unlink()
    _train(seen, sentences, folder / "first.crfsuite")
    _train(_with_votes(seen, sentences, tags), sentences, folder / "second.crfsuite")
    trained = time.perf_counter() - started
    return {
        "train_sentences": len(sentences),
        "train_seconds": round(trained, 1),
        **evaluate(folder, anercorp),
    }


def evaluate(folder: Path, anercorp: Path) -> dict[str, object]:
    """Entity-level scores of the model in ``folder`` on the CAMeL Lab test split."""
    from marsad.analyze.ner.tagger import Tagger

    _, test = split(anercorp / FULL, anercorp / TEST)
    tagger = Tagger(folder)
    gold = [[tag for _, tag in s] for s in test]
    found = tagger.tag([[w for w, _ in s] for s in test])
    first = tagger.tag([[w for w, _ in s] for s in test], second=False)

    def row(result: Score) -> dict[str, float | int]:
        return {
            "precision": round(result.precision, 4),
            "recall": round(result.recall, 4),
            "f1": round(result.f1, 4),
            "gold": result.gold,
        }

    return {
        "test_tokens": sum(map(len, test)),
        "all": row(score(gold, found)),
        "first_crf_only": row(score(gold, first)),
        **{kind: row(score(gold, found, kind)) for kind in ("PERS", "LOC", "ORG", "MISC")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model files go")
    parser.add_argument("--clusters", action="store_true", help="rebuild the word clusters first")
    args = parser.parse_args()
    anercorp = args.shared / "ner" / "anercorp"
    if not (anercorp / FULL).is_file():
        raise SystemExit(f"ANERcorp is missing: {anercorp / FULL} (see ../shared/data/README.md)")
    if args.clusters:
        sentences, _ = split(anercorp / FULL, anercorp / TEST)
        found = build_clusters(list(unlabelled(args.shared, sentences)))
        with (args.out / "clusters.tsv").open("w", encoding="utf-8") as out:
            out.writelines(f"{w}\t" + "\t".join(map(str, ids)) + "\n" for w, ids in found)
        print(f"clusters: {len(found)} words")
    result = train(args.out, anercorp)
    (args.out / "score.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
