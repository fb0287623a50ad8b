"""Span matching shared by the scorers: trimming, character Jaccard and one-to-one matching.

A span is a list of ``(start, end)`` pieces (one piece, or several for a discontinuous
annotation). Two spans match *exactly* when they cover the same characters after
trimming punctuation and spaces at the edges of each piece, and *overlap* when the
Jaccard index of their characters is at least 0.5; each gold span matches at most
one predicted span and the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Pieces = Sequence[tuple[int, int]]

EDGE = frozenset(" \t\r\n\u00a0.,;:!?\"'“”‘’«»()[]—–-…")
OVERLAP = 0.5


def trim(text: str, pieces: Pieces) -> list[tuple[int, int]]:
    """Each piece without the punctuation and spaces at its edges.

    A piece made of punctuation alone (PolNeAR's cue ":" in "Kerry: …") keeps its
    characters but spaces, so that it can still be matched.
    """
    trimmed = []
    for start, end in pieces:
        start, end = max(start, 0), min(end, len(text))
        inner_start, inner_end = start, end
        while inner_start < inner_end and text[inner_start] in EDGE:
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1] in EDGE:
            inner_end -= 1
        if inner_end == inner_start:
            inner_start, inner_end = start, end
            while inner_start < inner_end and text[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and text[inner_end - 1].isspace():
                inner_end -= 1
        if inner_end > inner_start:
            trimmed.append((inner_start, inner_end))
    return trimmed


def characters(text: str, pieces: Pieces) -> frozenset[int]:
    """The character positions a span covers once trimmed."""
    return frozenset(i for start, end in trim(text, pieces) for i in range(start, end))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Characters in both over characters in either."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def match(golds: Sequence[frozenset[int]], preds: Sequence[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with Jaccard >= threshold, best pairs first."""
    scored = []
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            if gold and pred and min(gold) <= max(pred) and min(pred) <= max(gold):
                score = jaccard(gold, pred)
                if score >= threshold:
                    scored.append((score, g, p))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in scored:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


@dataclass
class Counts:
    """True positives, gold and predicted totals for one kind of span; gives P, R and F1."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
