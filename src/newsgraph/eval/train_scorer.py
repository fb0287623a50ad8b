"""Training the report scorer of ``pipeline/learned.py`` on brat gold (PolNeAR's train split).

The examples are exactly what the pipeline will see: the rules run first, and every
proposal they leave (``learned.propose``) is labelled by whether its content matches,
by character Jaccard >= 0.5, a gold content the rules did not already find. A logistic
regression is fitted by full-batch Adam with an L2 penalty, which is deterministic: the
same gold gives the same file. The threshold is the one that scores best on a held-out
fifth of the documents, scored by the same code as ``newsgraph eval quotes`` (the highest
of those within ``FLAT`` of the best, since fewer false quotes are worth a flat F1).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from newsgraph.eval.gold import GoldDoc
from newsgraph.eval.matching import OVERLAP, characters, jaccard, match
from newsgraph.eval.quotes import Report, one_per_cue, pieces, score_document
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import COMPONENTS, Extractor
from newsgraph.pipeline.quotes.component import QuoteFinder
from newsgraph.pipeline.quotes.finishing import to_quotes
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.learned import Proposal, ReportScorer, find_learned, propose

# Features seen fewer times than this carry no weight: they would only memorise documents.
MIN_COUNT = 2
L2 = 3.0
STEPS = 300
THRESHOLDS = tuple(round(0.20 + 0.05 * i, 2) for i in range(11))
HELD_OUT_EVERY = 5
FLAT = 0.002


@dataclass
class Parsed:
    """One gold document as the scorer meets it: the parse and what the rules left."""

    gold: GoldDoc
    doc: Doc
    rules: list[Candidate]
    taken: list[bool]
    proposals: list[Proposal]

    def extraction(self, learned: Sequence[Candidate] = ()) -> Extraction:
        """The quotes as the pipeline would give them, with these learned ones beside the rules'."""
        found = sorted([*self.rules, *learned], key=lambda c: c.start)
        return Extraction(article=Article(text=self.gold.text), quotes=to_quotes(self.gold.text, found))


def parse(golds: Sequence[GoldDoc], extractor: Extractor) -> Iterator[Parsed]:
    """Parse each document and run the quote rules on it, without the scorer."""
    nlp = extractor.nlp
    finder = nlp.get_pipe("newsgraph_quotes")
    assert isinstance(finder, QuoteFinder)
    with nlp.select_pipes(disable=[name for name in COMPONENTS if name in nlp.pipe_names]):
        docs = nlp.pipe((gold.text for gold in golds), batch_size=extractor.settings.batch_size)
        for gold, doc in zip(golds, docs, strict=True):
            found, taken = finder.rules(doc)
            yield Parsed(gold, doc, found, taken, propose(doc, taken))


def labels(parsed: Parsed) -> list[bool]:
    """For each proposal, whether it is a gold content the rules missed."""
    text = parsed.gold.text
    golds = [characters(text, g.content) for g in parsed.gold.quotes]
    found = [characters(text, pieces(q)) for q in one_per_cue(text, parsed.extraction().quotes)]
    matched = {g for g, _ in match(golds, found, OVERLAP)}
    free = [chars for i, chars in enumerate(golds) if i not in matched]
    return [
        any(jaccard(frozenset(range(p.start, p.end)), chars) >= OVERLAP for chars in free) for p in parsed.proposals
    ]


def fit(examples: Sequence[tuple[Sequence[str], bool]]) -> dict[str, float]:
    """Weights of a logistic regression over sparse binary features."""
    counts = Counter(name for features, _ in examples for name in features)
    vocabulary = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    rows = [[vocabulary[n] for n in features if n in vocabulary] for features, _ in examples]
    lengths = np.array([len(row) for row in rows])
    columns = np.array([i for row in rows for i in row])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    y = np.array([1.0 if label else 0.0 for _, label in examples])
    n = len(y)
    w = np.zeros(len(vocabulary))
    first, second = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-np.add.reduceat(w[columns], offsets)))
        gradient = np.bincount(columns, weights=np.repeat(p - y, lengths), minlength=len(w)) / n + L2 * w / n
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        w -= 0.1 * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return {name: float(w[i]) for name, i in vocabulary.items()}


def _examples(parsed: Sequence[Parsed]) -> list[tuple[Sequence[str], bool]]:
    return [(p.features, label) for item in parsed for p, label in zip(item.proposals, labels(item), strict=True)]


def score_with(scorer: ReportScorer, parsed: Sequence[Parsed]) -> Report:
    """Content figures of rules plus scorer on these documents."""
    report = Report()
    for item in parsed:
        score_document(report, item.gold, item.extraction(find_learned(item.doc, item.taken, scorer)))
    return report


@dataclass
class Trained:
    """A scorer and how it was chosen."""

    scorer: ReportScorer
    documents: int
    examples: int
    positives: int
    held_out_f1: dict[float, float]


def train(golds: Sequence[GoldDoc], extractor: Extractor) -> Trained:
    """Fit on four fifths, pick the threshold on the last fifth, refit on everything."""
    parsed = list(parse(golds, extractor))
    held_out = parsed[::HELD_OUT_EVERY]
    fitting = [item for i, item in enumerate(parsed) if i % HELD_OUT_EVERY]
    weights = fit(_examples(fitting))
    f1 = {th: score_with(ReportScorer(weights, th), held_out).content_overlap.f1 for th in THRESHOLDS}
    # Where F1 is flat, the higher threshold: as good, with fewer false quotes.
    threshold = max(th for th in THRESHOLDS if f1[th] >= max(f1.values()) - FLAT)
    everything = _examples(parsed)
    return Trained(
        scorer=ReportScorer(fit(everything), threshold),
        documents=len(parsed),
        examples=len(everything),
        positives=sum(label for _, label in everything),
        held_out_f1=f1,
    )


def write(trained: Trained, path: Path, source: str) -> None:
    """The scorer as JSON: readable, sorted, small weights dropped."""
    weights = {name: round(w, 4) for name, w in sorted(trained.scorer.weights.items()) if abs(w) >= 0.005}
    data = {
        "about": "Weights of newsgraph's report scorer (pipeline/learned.py), by scripts/train_report_scorer.py.",
        "trained_on": source,
        "documents": trained.documents,
        "examples": trained.examples,
        "positives": trained.positives,
        "threshold": trained.scorer.threshold,
        "held_out_f1": {str(th): round(f, 4) for th, f in trained.held_out_f1.items()},
        "weights": weights,
    }
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
