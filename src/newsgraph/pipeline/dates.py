"""Dates: date expressions resolved against the article's published date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class DateResolver:
    """Placeholder until the dates extractor lands: writes an empty list."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc


@Language.factory("newsgraph_dates", assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> DateResolver:
    return DateResolver()
