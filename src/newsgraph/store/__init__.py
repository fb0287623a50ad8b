"""The store: articles and everything extracted from them, in SQLite or PostgreSQL."""

from newsgraph.store.records import (
    ArticleRow,
    EntityDetail,
    EntityRow,
    EventRow,
    FigureRow,
    IngestReport,
    Page,
    Progress,
    QuoteRow,
    Resolved,
    TitleSeen,
)
from newsgraph.store.repository import Store

__all__ = [
    "ArticleRow",
    "EntityDetail",
    "EntityRow",
    "EventRow",
    "FigureRow",
    "IngestReport",
    "Page",
    "Progress",
    "QuoteRow",
    "Resolved",
    "Store",
    "TitleSeen",
]
