"""The orders a list can be read in: a key a user names (``date``, ``quotes``, ``name`` …), either way.

Every order ends on a column no two rows share, so that paging through a sorted list
never shows a row twice or skips one, and the same request always gives the same page.
The other way round is the same order reversed, ties included, except that rows with
no value (an undated article, an untitled one) stay last both ways: they are the least
useful whichever end a reader starts from. A list's export takes the same key and way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newsgraph.store.schema import articles, entities, events

WAYS = ("asc", "desc")


@dataclass(frozen=True)
class SortKey:
    """A key of a list's order: its columns, each with its way when the key is read its usual way."""

    columns: tuple[tuple[sa.ColumnElement[Any], str], ...]
    # Columns that may be null: kept last whichever way the key is read.
    nullable: frozenset[str] = frozenset()

    @property
    def usual(self) -> str:
        """The way a reader usually wants this key: newest, most, or A to Z first."""
        return self.columns[0][1]


def _key(*columns: tuple[sa.ColumnElement[Any], str], nullable: tuple[str, ...] = ()) -> SortKey:
    return SortKey(columns, frozenset(nullable))


SORTS: dict[str, dict[str, SortKey]] = {
    "articles": {
        "date": _key((articles.c.published, "desc"), (articles.c.pk, "desc"), nullable=("published",)),
        # Ties by the newest stored first, not by day: both ways are then read off one index.
        "quotes": _key((articles.c.n_quotes, "desc"), (articles.c.pk, "desc")),
        "title": _key((articles.c.title, "asc"), (articles.c.pk, "asc"), nullable=("title",)),
    },
    "events": {
        "date": _key((events.c.day, "desc"), (events.c.id, "desc"), nullable=("day",)),
        "articles": _key((events.c.sources, "desc"), (events.c.id, "desc")),
        "type": _key((events.c.type, "asc"), (events.c.day, "desc"), (events.c.id, "desc"), nullable=("day",)),
    },
    "entities": {
        "articles": _key(
            (entities.c.articles, "desc"),
            (entities.c.mentions, "desc"),
            (entities.c.name, "asc"),
            (entities.c.id, "asc"),
        ),
        "mentions": _key(
            (entities.c.mentions, "desc"),
            (entities.c.articles, "desc"),
            (entities.c.name, "asc"),
            (entities.c.id, "asc"),
        ),
        "quotes": _key(
            (entities.c.quotes, "desc"), (entities.c.articles, "desc"), (entities.c.name, "asc"), (entities.c.id, "asc")
        ),
        "name": _key((entities.c.name, "asc"), (entities.c.id, "asc")),
    },
}

TABLES = {"articles": articles, "events": events, "entities": entities}
# The order each list is in when none is asked for.
DEFAULT = {"articles": "date", "events": "date", "entities": "articles"}


def keys(listing: str) -> tuple[str, ...]:
    """The keys a list sorts by, its default first."""
    return (DEFAULT[listing], *(key for key in SORTS[listing] if key != DEFAULT[listing]))


def way_of(listing: str, sort: str | None, way: str | None) -> str:
    """The way ``sort`` is read: ``way`` when given, else the key's usual way."""
    return way or SORTS[listing][sort or DEFAULT[listing]].usual


def is_default(listing: str, sort: str | None, way: str | None) -> bool:
    """Whether this is the list's own order (which some lists read off a faster path)."""
    key = sort or DEFAULT[listing]
    return key == DEFAULT[listing] and way_of(listing, key, way) == SORTS[listing][key].usual


def directions(listing: str, sort: str | None = None, way: str | None = None) -> list[tuple[str, str, bool]]:
    """The columns a list sorted by ``sort`` (its default when None) is ordered on, each with its direction
    ("asc" or "desc") and whether its nulls go last; ``way`` "asc" or "desc" (the key's usual way when None).
    Raises ValueError for a key or way the list does not have."""
    sort = sort or DEFAULT[listing]
    if sort not in SORTS[listing]:
        raise ValueError(f"sort must be one of {', '.join(keys(listing))}, not {sort!r}")
    if way is not None and way not in WAYS:
        raise ValueError(f"order must be asc or desc, not {way!r}")
    key = SORTS[listing][sort]
    flip = way is not None and way != key.usual
    return [
        (column.name, ("asc" if usual == "desc" else "desc") if flip else usual, column.name in key.nullable)
        for column, usual in key.columns
    ]


def order_by(listing: str, sort: str | None = None, way: str | None = None) -> list[Any]:
    """The ORDER BY of a list sorted by ``sort``, read ``way`` (see ``directions``)."""
    table = TABLES[listing]
    ordered = []
    for name, direction, nulls_last in directions(listing, sort, way):
        expression = table.c[name].desc() if direction == "desc" else table.c[name].asc()
        ordered.append(expression.nulls_last() if nulls_last else expression)
    return ordered
