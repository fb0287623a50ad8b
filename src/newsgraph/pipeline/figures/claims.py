"""Who claims a figure: the speaker of the quote whose text holds it."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Quote
from newsgraph.pipeline.intervals import Intervals

_PIECES_KEY = "newsgraph.quote_pieces"


class _QuotePieces:
    """Every piece of every quote, so that each figure finds the quote holding it by bisection."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.pieces = Intervals(
            (start, end, rank)
            for rank, q in enumerate(quotes)
            for start, end in ([(p.start, p.end) for p in q.parts] or [(q.start, q.end)])
        )

    def holding(self, start: int, end: int) -> Quote | None:
        """The first quote (in the order found) one of whose pieces holds start..end."""
        ranks = self.pieces.containing(start, end)
        return self.quotes[min(ranks)] if ranks else None


def claimed_by(doc: Doc, start: int, end: int) -> str | None:
    """The speaker of the quote whose text holds the figure, if any."""
    quotes = doc._.quotes or []
    pieces = doc.user_data.get(_PIECES_KEY)
    if not isinstance(pieces, _QuotePieces) or pieces.quotes is not quotes:
        pieces = doc.user_data[_PIECES_KEY] = _QuotePieces(quotes)
    quote = pieces.holding(start, end)
    return quote.speaker.name if quote is not None and quote.speaker else None
