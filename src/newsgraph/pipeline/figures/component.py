"""Figures: quantities with value, hedge, unit, what they count and who claims them.

The component walks the tokens once. Where a number starts (digits, written words,
"a dozen", "tens of thousands") it reads the number with ``numbers.read_phrase``, then
looks around it: a currency sign before, a unit or "%" after ("units.json"), a second
number making a range ("3 to 5", "between 5% and 6%"), a hedge before ("more than",
"an estimated"), a verb of change governing it ("rose 5%"), and the noun it counts
(the noun it modifies, or what follows "of"). Numbers that are dates, times, ordinals,
phone numbers or parts of names are not figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.attrs import SPACY
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Figure
from newsgraph.pipeline.extensions import token_texts
from newsgraph.pipeline.figures import units
from newsgraph.pipeline.figures.claims import claimed_by
from newsgraph.pipeline.figures.context import change, counted, hedge, inherit_conversions, inherit_counted
from newsgraph.pipeline.figures.filters import is_figure, names_follow
from newsgraph.pipeline.figures.numbers import read_phrase, words
from newsgraph.pipeline.figures.quantity import Quantity
from newsgraph.pipeline.figures.ranges import per, unit_after, widen_range


class FigureFinder:
    """Finds every quantity in a Doc and writes them as Figures to ``doc._.figures``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc


@Language.factory("newsgraph_figures", requires=["doc.ents", "token.dep"], assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder()


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure of the Doc, in text order."""
    texts = token_texts(doc)
    spaces = [bool(space) for space in doc.to_array(SPACY).tolist()]
    ent_label = [""] * len(doc)
    for ent in doc.ents:
        for index in range(ent.start, ent.end):
            ent_label[index] = ent.label_
    found: list[Quantity] = []
    index = 0
    while index < len(doc):
        if not _could_start(texts[index]):
            index += 1
            continue
        quantity = _quantity_at(doc, texts, spaces, ent_label, index)
        if quantity is None:
            index += 1
            continue
        found.append(quantity)
        index = quantity.end
    inherit_counted(doc, found)
    inherit_conversions(texts, found)
    return [_to_figure(doc, q) for q in found]


@lru_cache(maxsize=1 << 14)
def _could_start(text: str) -> bool:
    """A cheap test on the token text, so that only a few tokens are looked at closely (kept for the commonest
    words, asked of every word)."""
    lower = text.lower()
    lexicon = words()
    return (
        any(ch.isdigit() for ch in lower)
        or lower in lexicon.units
        or lower in lexicon.vague
        or lower in ("a", "an", "dozen", "tens", "hundreds", "minus")
    )


def _quantity_at(
    doc: Doc, texts: Sequence[str], spaces: Sequence[bool], ent_label: Sequence[str], index: int
) -> Quantity | None:
    currency = units.currency_before(texts, spaces, index)
    phrase = read_phrase(texts, index, money=currency is not None)
    if phrase is None:
        return None
    end = index + phrase.length
    unit = currency[0] if currency else None
    prefix = phrase.prefix.lstrip("~")
    if prefix in ("US", "A"):
        if unit != "dollar":
            return None
        unit = "dollar" if prefix == "US" else "australian dollar"
    elif prefix:
        unit = units.currency_of_prefix(prefix)
        if unit is None:
            return None
    if phrase.suffix:
        glued = units.unit_of_text(phrase.suffix)
        if glued is None or unit is not None and glued != "percentage":
            return None
        unit = glued
    if unit is None or currency is not None:
        after = unit_after(texts, spaces, end)
        if after is not None and (unit is None or after[0] == unit):
            unit, end = after[0], after[1]
    if not is_figure(doc, texts, ent_label, index, end, phrase, unit):
        return None
    start = index - (currency[1] if currency else 0)
    value = phrase.value
    value, end, unit = widen_range(doc, texts, spaces, index, start, end, value, unit)
    if unit is None and isinstance(value, list) and names_follow(doc, ent_label, index, end):
        return None
    if unit is not None:
        end, unit = per(doc, texts, spaces, end, unit)
    quantity = Quantity(start, end, index, value, unit, problem=phrase.problem)
    if phrase.prefix.startswith("~"):
        quantity.approx, quantity.change = "~", "~"
    hedge(doc, quantity)
    if quantity.change == "=":
        quantity.change = change(doc, quantity)
    quantity.counted = counted(doc, quantity)
    return quantity


def _to_figure(doc: Doc, quantity: Quantity) -> Figure:
    span = doc[quantity.start : quantity.end]
    figure = Figure(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=quantity.value,
        approx=quantity.approx,
        unit=quantity.unit,
        counted=quantity.counted,
        change=quantity.change,
        note=quantity.problem,
    )
    figure.claimed_by = claimed_by(doc, figure.start, figure.end)
    return figure
