"""Counting across the store: who is quoted most, about what, when; which events, by whom.

Every function takes the same conditions the lists use (``queries.all_quote_conditions``,
``queries.event_statement``, ``queries.article_statement``), so that a facet beside a
list always counts exactly the rows of that list. Time is counted per day in the
database and grouped into weeks or months here, which reads the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from newsgraph.store.records import Page
from newsgraph.store.schema import article_entities, articles, entities, events, quotes

# How many values a facet shows beside a list (the rest are reached by filtering).
FACET_SIZE = 10
PERIODS = ("week", "month")
# More periods than this read as a smear: a longer span is counted per year instead.
MAX_PERIODS = 160
QUOTE_KINDS = ("direct", "indirect", "mixed")
SPEAKER_SORTS = ("quotes", "name", "latest")
# Each speaker sort's usual way: the most quoted, A, and the newest first.
SPEAKER_USUAL = {"quotes": "desc", "name": "asc", "latest": "desc"}


@dataclass
class Count:
    """One value of a facet: what to filter by (``key``), how to show it, and how many rows have it."""

    key: str
    label: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Facets:
    """The counts beside a list: by facet name, the most frequent values first; and over time."""

    total: int
    facets: dict[str, list[Count]]
    timeline: list[Count] = field(default_factory=list)
    period: str = "month"
    undated: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "facets": {name: [c.to_dict() for c in counts] for name, counts in self.facets.items()},
            "period": self.period,
            "timeline": [c.to_dict() for c in self.timeline],
            "undated": self.undated,
        }


@dataclass
class SpeakerCount:
    """One speaker under a filter: quotes in all and of each kind, first and last day quoted."""

    key: str
    name: str
    entity: int | None
    quotes: int
    direct: int
    indirect: int
    mixed: int
    first: str | None
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def period_start(when: date, period: str) -> date:
    """The first day of the week (its Monday), month or year ``when`` falls in."""
    if period == "week":
        return when - timedelta(days=when.weekday())
    return when.replace(day=1) if period == "month" else when.replace(month=1, day=1)


def _next_period(when: date, period: str) -> date:
    if period == "week":
        return when + timedelta(days=7)
    return (when + timedelta(days=32)).replace(day=1) if period == "month" else when.replace(year=when.year + 1)


def _label(when: date, period: str) -> str:
    return {"week": when.isoformat(), "month": when.strftime("%Y-%m")}.get(period, str(when.year))


def _days(per_day: Iterable[tuple[str | None, int]]) -> tuple[dict[date, int], int]:
    """Counts by calendar day, and how many had no day."""
    counts: dict[date, int] = {}
    undated = 0
    for when, count in per_day:
        try:
            parsed = date.fromisoformat(str(when)[:10])
        except ValueError:
            undated += int(count)
            continue
        counts[parsed] = counts.get(parsed, 0) + int(count)
    return counts, undated


def timeline(per_day: Iterable[tuple[str | None, int]], period: str) -> tuple[list[Count], str, int]:
    """Counts per week (keyed by its Monday), month or, past MAX_PERIODS, year, empty periods included
    so that time reads evenly; the period used; and how many had no day."""
    days, undated = _days(per_day)
    return dated_timeline(days, undated, period)


def dated_timeline(days: dict[date, int], undated: int, period: str) -> tuple[list[Count], str, int]:
    """``timeline`` of counts already by calendar day."""
    check_period(period)
    if not days:
        return [], period, undated
    first, last = min(days), max(days)
    period = period_of(first, last, period)
    counts: dict[date, int] = {}
    for when, count in days.items():
        start = period_start(when, period)
        counts[start] = counts.get(start, 0) + count
    return periods(counts, first, last, period), period, undated


def check_period(period: str) -> None:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def period_of(first: date, last: date, period: str) -> str:
    """The period to count days from ``first`` to ``last`` in: the one asked, or years past MAX_PERIODS."""
    spans = {"week": (last - first).days / 7, "month": (last.year - first.year) * 12 + last.month - first.month}
    return "year" if spans[period] > MAX_PERIODS else period


def periods(counts: dict[date, int], first: date, last: date, period: str) -> list[Count]:
    """Every period from the one holding ``first`` to the one holding ``last``, with its count
    (``counts`` is keyed by the periods' first days)."""
    found, cursor = [], period_start(first, period)
    while cursor <= last:
        label = _label(cursor, period)
        found.append(Count(label, label, counts.get(cursor, 0)))
        cursor = _next_period(cursor, period)
    return found


def _names(connection: sa.Connection, ids: list[int]) -> dict[int, str]:
    statement = sa.select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids))
    return {int(row.id): row.name for row in connection.execute(statement)}


def _counted(connection: sa.Connection, statement: sa.Select[Any] | Any) -> list[tuple[Any, int]]:
    return [(row[0], int(row[1])) for row in connection.execute(statement)]


# Quotes


def _speaker_key(table: sa.Table) -> sa.ColumnElement[Any]:
    """An entity id when the speaker was linked, else the name: the unit speakers are counted in."""
    return sa.case(
        (table.c.speaker_entity_id.is_not(None), sa.cast(table.c.speaker_entity_id, sa.String)),
        else_=table.c.speaker_name,
    )


def quote_facets(
    connection: sa.Connection,
    conditions: list[Any],
    period: str = "month",
    table: sa.Table = quotes,
    with_speakers: bool = True,
) -> Facets:
    """Kinds, top speakers, top sources and outlets and quotes per week or month of the quotes meeting ``conditions``
    (without ``with_speakers``, no top speakers: one person's page has no use for them).

    ``table`` is ``quotes``, or a table holding the matching quotes' counted columns
    (``matching.matched_quotes``), which is then read with no condition.
    """
    matching = sa.select(table.c.id).where(*conditions)
    total = int(connection.execute(sa.select(sa.func.count()).select_from(matching.subquery())).scalar_one())
    kinds = _counted(
        connection,
        sa.select(table.c.kind, sa.func.count()).where(*conditions).group_by(table.c.kind).order_by(table.c.kind),
    )
    speakers = top_speakers(connection, conditions, limit=FACET_SIZE, table=table).items if with_speakers else None
    per_day = _counted(
        connection, sa.select(table.c.said_on, sa.func.count()).where(*conditions).group_by(table.c.said_on)
    )
    counts, used, undated = timeline(per_day, period)
    return Facets(
        total=total,
        facets={
            "kind": [Count(str(k), str(k), n) for k, n in kinds],
            **({"speaker": [Count(s.key, s.name, s.quotes) for s in speakers]} if speakers is not None else {}),
            "source": _by_article(connection, conditions, table, "source"),
            "outlet": _by_article(connection, conditions, table, "outlet"),
        },
        timeline=counts,
        period=used,
        undated=undated,
    )


def _by_article(connection: sa.Connection, conditions: list[Any], table: sa.Table, name: str) -> list[Count]:
    """The FACET_SIZE values of the quotes' articles' column ``name`` (source, outlet) most quoted, then by value."""
    n = sa.func.count()
    # The matching quotes' table carries their article's columns; ``quotes`` is joined with the articles.
    column = table.c[name] if name in table.c else articles.c[name]
    counting = sa.select(column, n)
    if name not in table.c:
        # By the article's integer key (the quote's copy of it): 3.5 times faster than by its id.
        counting = counting.join_from(table, articles, articles.c.pk == table.c.article_pk)
    found = _counted(
        connection,
        counting.where(*conditions, column.is_not(None)).group_by(column).order_by(n.desc(), column).limit(FACET_SIZE),
    )
    return [Count(str(value), str(value), count) for value, count in found]


def check_speaker_sort(sort: str, order: str | None) -> bool:
    """Whether a speaker list sorted by ``sort`` is read against its usual way; ValueError for a wrong key or way."""
    if sort not in SPEAKER_SORTS:
        raise ValueError(f"sort must be one of {', '.join(SPEAKER_SORTS)}, not {sort!r}")
    if order is not None and order not in ("asc", "desc"):
        raise ValueError(f"order must be asc or desc, not {order!r}")
    return order is not None and order != SPEAKER_USUAL[sort]


def _reversed(column: sa.UnaryExpression[Any]) -> sa.UnaryExpression[Any]:
    """An ORDER BY term read the other way."""
    inner = column.element
    return inner.asc() if column.modifier is sa.sql.operators.desc_op else inner.desc()


def top_speakers(
    connection: sa.Connection,
    conditions: list[Any],
    limit: int = 50,
    offset: int = 0,
    sort: str = "quotes",
    table: sa.Table = quotes,
    order: str | None = None,
) -> Page[SpeakerCount]:
    """Speakers of the quotes meeting ``conditions`` (in ``table``, as for ``quote_facets``), with their
    counts by kind; most quoted first by default.

    A speaker linked to a store-wide entity is counted under it (and named by it);
    a speaker with no entity under the name the article gave. ``sort`` is quotes (most
    first), name (A first) or latest (the newest last quote first); ``order`` asc or desc
    reads it one way or the other (the same order reversed, speakers with no day last).
    """
    flip = check_speaker_sort(sort, order)
    key = _speaker_key(table).label("key")
    count = sa.func.count().label("quotes")
    kinds = [sa.func.sum(sa.case((table.c.kind == kind, 1), else_=0)).label(kind) for kind in QUOTE_KINDS]
    grouped = (
        sa.select(
            key,
            sa.func.max(table.c.speaker_entity_id).label("entity"),
            sa.func.max(table.c.speaker_name).label("name"),
            count,
            *kinds,
            sa.func.min(table.c.said_on).label("first"),
            sa.func.max(table.c.said_on).label("last"),
        )
        .where(*conditions, sa.or_(table.c.speaker_entity_id.is_not(None), table.c.speaker_name.is_not(None)))
        .group_by(key)
    )
    total = int(connection.execute(sa.select(sa.func.count()).select_from(grouped.subquery())).scalar_one())
    name, latest = sa.func.max(table.c.speaker_name), sa.func.max(table.c.said_on)
    usual = {
        "quotes": [count.desc(), name.asc(), key.asc()],
        "name": [name.asc(), key.asc()],
        "latest": [latest.desc(), count.desc(), key.asc()],
    }[sort]
    ordered = [_reversed(column) for column in usual] if flip else usual
    if sort == "latest":
        ordered[0] = ordered[0].nulls_last()
    rows = connection.execute(grouped.order_by(*ordered).limit(limit).offset(offset)).all()
    names = _names(connection, [int(row.entity) for row in rows if row.entity is not None])
    items = [
        SpeakerCount(
            key=str(row.key),
            name=names.get(int(row.entity), row.name) if row.entity is not None else row.name,
            entity=int(row.entity) if row.entity is not None else None,
            quotes=int(row.quotes),
            direct=int(row.direct or 0),
            indirect=int(row.indirect or 0),
            mixed=int(row.mixed or 0),
            first=row.first,
            last=row.last,
        )
        for row in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)


def quote_timeline(
    connection: sa.Connection, conditions: list[Any], period: str = "week", table: sa.Table = quotes
) -> Facets:
    """Quotes meeting ``conditions`` (in ``table``, as for ``quote_facets``) per week or month of the day
    they were said (no other facet)."""
    statement = sa.select(table.c.said_on, sa.func.count()).where(*conditions).group_by(table.c.said_on)
    per_day = _counted(connection, statement)
    counts, used, undated = timeline(per_day, period)
    return Facets(total=sum(n for _, n in per_day), facets={}, timeline=counts, period=used, undated=undated)


# Events


def event_types(connection: sa.Connection) -> list[str]:
    """The distinct event types, read off their index."""
    return [str(t) for t in connection.execute(sa.select(events.c.type).distinct().order_by(events.c.type)).scalars()]


def event_facets(connection: sa.Connection, statement: sa.Select[Any], period: str = "month") -> Facets:
    """Types, top actors, top targets and events per week or month of the events ``statement`` selects."""
    listed = statement.subquery()
    total = int(connection.execute(sa.select(sa.func.count()).select_from(listed)).scalar_one())

    def top(column: Any, name: Any) -> list[Count]:
        n = sa.func.count()
        found = connection.execute(
            sa.select(column, sa.func.max(name), n)
            .where(column.is_not(None))
            .group_by(column)
            .order_by(n.desc(), sa.func.max(name))
            .limit(FACET_SIZE)
        )
        return [Count(str(row[0]), str(row[1]), int(row[2])) for row in found]

    n = sa.func.count()
    types = _counted(connection, sa.select(listed.c.type, n).group_by(listed.c.type).order_by(n.desc(), listed.c.type))
    # Grouped by the stored value (a day, or a day with more after it): the timeline reads its first ten characters.
    per_day = _counted(connection, sa.select(listed.c.day, sa.func.count()).group_by(listed.c.day))
    counts, used, undated = timeline(per_day, period)
    return Facets(
        total=total,
        facets={
            "type": [Count(str(t), str(t), c) for t, c in types],
            "actor": top(listed.c.actor_id, listed.c.actor_name),
            "target": top(listed.c.target_id, listed.c.target_name),
        },
        timeline=counts,
        period=used,
        undated=undated,
    )


# Articles


def article_facets(connection: sa.Connection, statement: sa.Select[Any], filtered: bool) -> Facets:
    """Top sources and outlets and the entities named in the most of the articles ``statement`` selects.

    With no filter the entities' own article counts are read instead of counting every link.
    """
    listed = statement.subquery()
    total = int(connection.execute(sa.select(sa.func.count()).select_from(listed)).scalar_one())
    n = sa.func.count()

    def top(column: Any) -> list[Count]:
        found = _counted(
            connection,
            sa.select(column, n)
            .where(column.is_not(None))
            .group_by(column)
            .order_by(n.desc(), column)
            .limit(FACET_SIZE),
        )
        return [Count(str(value), str(value), count) for value, count in found]

    if filtered:
        named = sa.func.count(sa.distinct(article_entities.c.article_id))
        counted = _counted(
            connection,
            sa.select(article_entities.c.entity_id, named)
            .where(article_entities.c.article_id.in_(sa.select(listed.c.id)))
            .group_by(article_entities.c.entity_id)
            .order_by(named.desc(), article_entities.c.entity_id)
            .limit(FACET_SIZE),
        )
    else:
        counted = _counted(
            connection,
            sa.select(entities.c.id, entities.c.articles)
            .order_by(entities.c.articles.desc(), entities.c.id)
            .limit(FACET_SIZE),
        )
    names = _names(connection, [int(entity) for entity, _ in counted])
    return Facets(
        total=total,
        facets={
            "source": top(listed.c.source),
            "outlet": top(listed.c.outlet),
            "entity": [Count(str(e), names.get(int(e), str(e)), c) for e, c in counted],
        },
    )


# Entities


def entity_facets(connection: sa.Connection, statement: sa.Select[Any]) -> Facets:
    """How many of the entities ``statement`` selects there are of each type, the most first."""
    listed = statement.subquery()
    n = sa.func.count()
    types = _counted(connection, sa.select(listed.c.type, n).group_by(listed.c.type).order_by(n.desc(), listed.c.type))
    return Facets(total=sum(c for _, c in types), facets={"type": [Count(str(t), str(t), c) for t, c in types]})
