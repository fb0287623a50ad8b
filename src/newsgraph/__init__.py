"""newsgraph: who said what, about whom, when, and with which numbers, in news articles.

Three ways in: the ``newsgraph`` command, this module (``newsgraph.extract``,
``newsgraph.Store``), and the spaCy components (``nlp.add_pipe("newsgraph_quotes")``
after ``import newsgraph``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, DateRef, Entity, Event, Extraction, Figure, Quote, Span, Speaker
from newsgraph.pipeline import Extractor, build_nlp, default_extractor

if TYPE_CHECKING:
    from newsgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DateRef",
    "Entity",
    "Event",
    "Extraction",
    "Extractor",
    "Figure",
    "Quote",
    "Span",
    "Speaker",
    "Store",
    "build_nlp",
    "extract",
]


def extract(text_or_html: str, published: str | None = None) -> Extraction:
    """Everything newsgraph finds in one article given as text or HTML."""
    from newsgraph.ingest import article_from_string

    return default_extractor().extract(article_from_string(text_or_html, published=published))


def __getattr__(name: str) -> Any:
    # The store pulls in SQLAlchemy; load it only for those who use it.
    if name == "Store":
        from newsgraph.store import Store

        return Store
    raise AttributeError(name)
