"""Figures: quantities with value, hedge, unit, what they count and who claims them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class FigureFinder:
    """Placeholder until the figures extractor lands: writes an empty list."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []
        return doc


@Language.factory("newsgraph_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder()
