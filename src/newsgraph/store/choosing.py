"""Which record a name given as a filter means: the most reported one that bears it, the others offered.

A speaker or actor filter compares whole names, never parts of one: "Trump" is the
record named or called "Trump" that most articles report (Donald Trump), and the other
records called so (Ivanka Trump, when her articles called her "Trump") are offered
beside the results, to be chosen by id. An id given as digits is that record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from newsgraph.store.linking import fold
from newsgraph.store.schema import entities, entity_aliases, speaker_names
from newsgraph.store.snapshots import remembered

# How many other records bearing the name are offered.
OFFERED = 10
# The largest id a 64-bit integer column holds has 19 digits: a longer number names no row.
_MAX_ID_DIGITS = 18


def row_id(value: str) -> int | None:
    """``value`` as a row id when it is one in ASCII digits ('²' and 23-digit numbers are names, not ids)."""
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= _MAX_ID_DIGITS else None


@dataclass
class Choice:
    """The record a name means (None when no record bears it) and the others that bear it."""

    chosen: int | None
    others: list[dict[str, Any]] = field(default_factory=list)
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.chosen, "name": self.name, "others": self.others}


def choose(connection: sa.Connection, value: str) -> Choice:
    """The most reported record named or called ``value`` (folded, whole), and up to OFFERED others."""
    return remembered(connection, ("choose", value), lambda: _choose(connection, value))


def _choose(connection: sa.Connection, value: str) -> Choice:
    given = value.strip()
    if (number := row_id(given)) is not None:
        name = connection.execute(sa.select(entities.c.name).where(entities.c.id == number)).scalar()
        return Choice(number, name=name)
    key = fold(given)
    if not key:
        return Choice(None)
    bearing = sa.or_(
        entities.c.key == key,
        entities.c.id.in_(sa.select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)),
    )
    rows = connection.execute(
        sa.select(entities.c.id, entities.c.name, entities.c.type, entities.c.articles, entities.c.quotes)
        .where(bearing, entities.c.articles > 0)
        .order_by(entities.c.articles.desc(), entities.c.quotes.desc(), entities.c.id)
        .limit(OFFERED + 1)
    ).all()
    if not rows:
        return Choice(None)
    others = [
        {"id": r.id, "name": r.name, "type": r.type, "articles": r.articles, "quotes": r.quotes} for r in rows[1:]
    ]
    return Choice(rows[0].id, others, rows[0].name)


def unlinked_speaker_names(value: str) -> sa.Select[Any]:
    """Speaker names written exactly ``value`` (case aside): speakers no entity of their article holds."""
    return sa.select(speaker_names.c.name).where(sa.func.lower(speaker_names.c.name) == value.strip().lower())


def unlinked_names(connection: sa.Connection, value: str) -> list[str]:
    """The names of ``unlinked_speaker_names``, read once per snapshot (a page's list and facets both ask)."""
    return remembered(
        connection, ("unlinked", value), lambda: list(connection.execute(unlinked_speaker_names(value)).scalars())
    )
