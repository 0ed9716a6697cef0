"""The reference baseline for event clustering: TF-IDF + average-link, told the number of events.

    python benchmarks/events_baseline.py [--ecbplus FILE] [--variants]

TF-IDF as scikit-learn's ``TfidfVectorizer(stop_words="english", sublinear_tf=True)`` computes
it, written with numpy and scipy: text folded by ``marsad.arabic.normalize`` (lowercase for
English), tokens ``\\b\\w\\w+\\b``, stop words removed (scikit-learn's English list, which this
file copies, and Marsad's Arabic list), tf ``1 + ln(count)``, idf ``1 + ln((1 + n) / (1 + df))``,
rows l2-normalized. Documents are joined by average linkage on cosine distance
(``scipy.cluster.hierarchy.linkage(method="average")``) and the tree is cut into exactly ``k``
clusters (``fcluster(criterion="maxclust")``), ``k`` being the true number of events. Being told
``k`` is what makes this a reference and not a method: an online clusterer does not know it.

Run alone, it scores the baseline on ECB+; ``--variants`` also scores the variations that
decide how well it does (title line, stop words, tf, token length), to show how much the
reference number depends on them.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from events_data import ECBPLUS, DataMissing, EcbDoc, Item, ecbplus_gold, load_ecbplus
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from marsad.arabic import normalize
from marsad.arabic.stopwords import ARABIC_STOPWORDS, ENGLISH_STOPWORDS
from marsad.organize.scoring import score

# scikit-learn's ENGLISH_STOP_WORDS (from the Glasgow Information Retrieval Group), 318 words
_SKLEARN_ENGLISH = """
a about above across after afterwards again against all almost alone along already also
although always am among amongst amoungst amount an and another any anyhow anyone anything
anyway anywhere are around as at back be became because become becomes becoming been before
beforehand behind being below beside besides between beyond bill both bottom but by call can
cannot cant co con could couldnt cry de describe detail do done down due during each eg
eight either eleven else elsewhere empty enough etc even ever every everyone everything
everywhere except few fifteen fifty fill find fire first five for former formerly forty
found four from front full further get give go had has hasnt have he hence her here
hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
inc indeed interest into is it its itself keep last latter latterly least less ltd made many
may me meanwhile might mill mine more moreover most mostly move much must my myself name
namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere
of off often on once one only onto or other others otherwise our ours ourselves out over own
part per perhaps please put rather re same see seem seemed seeming seems serious several she
should show side since sincere six sixty so some somehow someone something sometime
sometimes somewhere still such system take ten than that the their them themselves then
thence there thereafter thereby therefore therein thereupon these they thick thin third this
those though three through throughout thru thus to together too top toward towards twelve
twenty two un under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while
whither who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves
"""
SKLEARN_ENGLISH = frozenset(_SKLEARN_ENGLISH.split())
STOP_WORDS = SKLEARN_ENGLISH | ARABIC_STOPWORDS

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class TfidfSettings:
    """How documents become vectors; the defaults are the reference baseline."""

    title: bool = True  # keep the title in the text (it is kept anyway when there is no text)
    stop_words: frozenset[str] = STOP_WORDS
    sublinear_tf: bool = True
    token: str = r"\b\w\w+\b"  # scikit-learn's default: words of two characters or more


def tfidf(texts: Sequence[str], settings: TfidfSettings = TfidfSettings()) -> sparse.csr_matrix:
    """l2-normalized TF-IDF rows of ``texts``, one column per term."""
    pattern = re.compile(settings.token)
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for row, text in enumerate(texts):
        terms: dict[int, int] = {}
        for word in pattern.findall(normalize(text)):
            if word not in settings.stop_words:
                column = vocabulary.setdefault(word, len(vocabulary))
                terms[column] = terms.get(column, 0) + 1
        rows += [row] * len(terms)
        cols += list(terms)
        counts += list(terms.values())
    shape = (len(texts), len(vocabulary))
    tf = sparse.csr_matrix((np.array(counts, np.float64), (rows, cols)), shape=shape)
    if settings.sublinear_tf:
        tf.data = 1.0 + np.log(tf.data)
    df = np.bincount(tf.indices, minlength=shape[1])
    idf = 1.0 + np.log((1.0 + shape[0]) / (1.0 + df))
    weighted = sparse.csr_matrix(tf @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0  # an empty document stays a zero row
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def average_link(vectors: sparse.csr_matrix, k: int) -> npt.NDArray[np.int32]:
    """Cluster numbers (1..k) from average linkage on cosine distance, cut into ``k`` clusters."""
    if not 1 <= k <= vectors.shape[0]:
        raise ValueError(f"k must be in [1, {vectors.shape[0]}] (the number of items), got {k}")
    if vectors.shape[0] == 1:
        return np.ones(1, np.int32)
    similarity = np.asarray((vectors @ vectors.T).todense())
    distance: Floats = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels: npt.NDArray[np.int32] = fcluster(tree, t=k, criterion="maxclust")
    return labels


def baseline(
    items: Sequence[Item], k: int, settings: TfidfSettings = TfidfSettings()
) -> dict[str, str]:
    """Item id -> cluster label from TF-IDF + average link cut into ``k`` clusters."""
    texts = [
        text if text and not settings.title else f"{title}\n{text}" for _, title, text, _ in items
    ]
    labels = average_link(tfidf(texts, settings), k)
    return {item[0]: f"c{label}" for item, label in zip(items, labels, strict=True)}


VARIANTS = {
    "reference": TfidfSettings(),
    "no title line": TfidfSettings(title=False),
    "Marsad's short English stop list": TfidfSettings(stop_words=ENGLISH_STOPWORDS),
    "no stop words": TfidfSettings(stop_words=frozenset()),
    "raw tf": TfidfSettings(sublinear_tf=False),
    "one-letter tokens too": TfidfSettings(token=r"\b\w+\b"),
}


def run_variants(docs: Sequence[EcbDoc], names: Sequence[str]) -> list[dict[str, object]]:
    """Each variant's scores on ``docs`` (and on each ECB+ half), told the true number of events."""
    gold = ecbplus_gold(docs)
    rows: list[dict[str, object]] = []
    for name in names:
        settings = VARIANTS[name]
        for part, subset in _parts(docs):
            part_gold = {d.doc_id: gold[d.doc_id] for d in subset}
            k = len(set(part_gold.values()))
            start = time.perf_counter()
            predicted = baseline([d.item() for d in subset], k, settings)
            s = score(part_gold, predicted)
            rows.append(
                {
                    "variant": name,
                    "docs": part,
                    "k": k,
                    "b3_p": round(s.bcubed_precision, 4),
                    "b3_r": round(s.bcubed_recall, 4),
                    "b3_f1": round(s.bcubed_f1, 4),
                    "pair_p": round(s.pairwise_precision, 4),
                    "pair_r": round(s.pairwise_recall, 4),
                    "pair_f1": round(s.pairwise_f1, 4),
                    "ari": round(s.ari, 4),
                    "seconds": round(time.perf_counter() - start, 2),
                }
            )
    return rows


def _parts(docs: Sequence[EcbDoc]) -> list[tuple[str, Sequence[EcbDoc]]]:
    """All of ECB+, and its ECB and ECB+ halves (one event per topic each)."""
    return [
        ("all", docs),
        ("ecb half", [d for d in docs if d.source == "ecb"]),
        ("ecbplus half", [d for d in docs if d.source == "ecbplus"]),
    ]


def markdown(rows: Sequence[Mapping[str, object]]) -> str:
    """``rows`` as a markdown table, columns in the order of the first row (a row without
    one of them shows a dash)."""
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row.get(c, "—")) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--ecbplus", type=Path, default=ECBPLUS)
    parser.add_argument("--variants", action="store_true", help="also score the variations")
    args = parser.parse_args()
    try:
        docs = load_ecbplus(args.ecbplus)
    except DataMissing as missing:
        sys.exit(str(missing))
    names = list(VARIANTS) if args.variants else ["reference"]
    print(markdown(run_variants(docs, names)))


if __name__ == "__main__":
    main()
