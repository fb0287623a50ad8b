"""Scoring figures against NewsQuant: precision, recall and F1 for value, value+change, value+unit.

Each sentence runs through the whole pipeline on its own (published unknown). Gold and
predicted quantities are paired one-to-one, greedily in text order, under three
criteria: the value alone (numerically, ranges end to end), the value and the change
sign, the value and the unit. NewsQuant's unit of a count is the counted noun
("13000 workers" -> worker), so a figure without a unit offers its ``counted`` noun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.newsquant import GoldQuantity, GoldSentence, GoldValue, read_newsquant
from newsgraph.model import Article, Extraction, Figure
from newsgraph.pipeline import Extractor

# Spellings of one unit that the two lexicons name differently.
SYNONYMS = {
    "percent": "percentage",
    "per cent": "percentage",
    "%": "percentage",
    "meter": "metre",
    "kilometer": "kilometre",
    "liter": "litre",
    "united states dollar": "dollar",
    "us dollar": "dollar",
    "pound-mass": "pound",
    "foot pound-force": "pound-foot",
    "count": "times",
    "shekel": "israeli shekel",
    "people": "person",
    "brake horsepower": "horsepower",
}

CRITERIA = ("value", "value+change", "value+unit")


def _fold_word(word: str) -> str:
    if len(word) > 3 and word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("us", "ss", "is")):
        return word
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "xes", "ses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def fold_unit(unit: str | None) -> str:
    """Lower case, singular words, one spelling per unit; "" for no unit."""
    text = (unit or "").strip().lower()
    if text in ("", "-"):
        return ""
    text = SYNONYMS.get(text, text)
    text = " ".join(_fold_word(w) for w in text.replace("-", " - ").split()).replace(" - ", "-")
    return SYNONYMS.get(text, text)


def same_value(gold: GoldValue, value: object) -> bool:
    """Numeric equality with a relative tolerance; a range matches a range end to end."""
    if gold is None:
        return False
    if isinstance(gold, tuple):
        if not isinstance(value, list) or len(value) != 2:
            return False
        return all(_close(g, v) for g, v in zip(gold, value, strict=True))
    return isinstance(value, int | float) and not isinstance(value, bool) and _close(gold, value)


def _close(gold: float, value: object) -> bool:
    if not isinstance(value, int | float):
        return False
    return abs(gold - value) <= max(1e-9, 1e-6 * abs(gold))


def same_unit(gold: GoldQuantity, figure: Figure) -> bool:
    """Our unit (or, for a count, the counted noun) against gold's normalized unit."""
    wanted = fold_unit(gold.normalized_unit)
    ours = fold_unit(figure.unit)
    if not wanted:
        return not ours
    if ours:
        return ours == wanted
    counted = fold_unit(figure.counted)
    if not counted:
        return False
    return counted == wanted or counted.split()[-1] == wanted.split()[-1]


def _matcher(criterion: str) -> Callable[[GoldQuantity, Figure], bool]:
    if criterion == "value":
        return lambda g, f: same_value(g.value, f.value)
    if criterion == "value+change":
        return lambda g, f: same_value(g.value, f.value) and g.change == f.change
    return lambda g, f: same_value(g.value, f.value) and same_unit(g, f)


def pair(gold: list[GoldQuantity], figures: list[Figure], criterion: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, figure index), each gold taking the first free figure that fits."""
    match = _matcher(criterion)
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for g_index, quantity in enumerate(gold):
        for f_index, figure in enumerate(figures):
            if f_index not in used and match(quantity, figure):
                used.add(f_index)
                pairs.append((g_index, f_index))
                break
    return pairs


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    text: str
    missed: list[GoldQuantity]
    extra: list[Figure]


@dataclass
class FiguresReport:
    sentences: int
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CRITERIA})
    misses: list[Miss] = field(default_factory=list)

    def render(self, show_misses: int = 0) -> str:
        gold, predicted = self.scores["value"].gold, self.scores["value"].predicted
        lines = [f"NewsQuant: {self.sentences} sentences, {gold} gold quantities, {predicted} predicted"]
        lines.append(f"{'criterion':<14} {'precision':>9} {'recall':>7} {'F1':>7}")
        for name, score in self.scores.items():
            lines.append(f"{name:<14} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>7.3f}")
        for miss in self.misses[:show_misses]:
            lines.append(f"- {miss.text}")
            for g in miss.missed:
                lines.append(f"    missed {g.value} {g.change} {g.normalized_unit}")
            for f in miss.extra:
                lines.append(f"    extra  {f.text!r} = {f.value} {f.change} {f.unit or f.counted or '-'}")
        return "\n".join(lines)


def score_figures(sentences: list[GoldSentence], extractions: Iterable[Extraction | object]) -> FiguresReport:
    """Score extractions (one per gold sentence, in order; failures count as empty)."""
    report = FiguresReport(len(sentences))
    for sentence, result in zip(sentences, extractions, strict=True):
        figures = result.figures if isinstance(result, Extraction) else []
        for name in CRITERIA:
            pairs = pair(sentence.quantities, figures, name)
            score = report.scores[name]
            score.true_positives += len(pairs)
            score.predicted += len(figures)
            score.gold += len(sentence.quantities)
            if name == "value+unit" and len(pairs) < max(len(figures), len(sentence.quantities)):
                golds = {g for g, _ in pairs}
                found = {f for _, f in pairs}
                report.misses.append(
                    Miss(
                        sentence.text,
                        [q for i, q in enumerate(sentence.quantities) if i not in golds],
                        [f for i, f in enumerate(figures) if i not in found],
                    )
                )
    return report


def evaluate_figures(gold_path: str | Path, extractor: Extractor | None = None) -> FiguresReport:
    """Run the pipeline on every NewsQuant sentence and score its figures."""
    sentences = read_newsquant(gold_path)
    extractor = extractor or Extractor()
    articles = [Article(text=s.text, source=f"newsquant:{i}") for i, s in enumerate(sentences)]
    return score_figures(sentences, extractor.extract_many(articles))
