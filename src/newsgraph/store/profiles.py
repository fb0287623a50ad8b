"""One entity in full (names, titles over time, articles, quotes by and about it) and the store's counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from newsgraph.store.choosing import choose, row_id
from newsgraph.store.queries import (
    ARTICLE_COLUMNS,
    ARTICLE_ORDER,
    QUOTE_ORDER,
    aliases_by_entity,
    article_row,
    day,
    quote_page,
    quote_row,
    quote_select,
)
from newsgraph.store.records import ArticleRow, EntityDetail, Page, QuoteRow, TitleSeen
from newsgraph.store.schema import (
    article_entities,
    articles,
    dates,
    entities,
    entity_titles,
    event_sources,
    events,
    figures,
    ingest_runs,
    mentions,
    quotes,
)
from newsgraph.store.search import walk_by_date
from newsgraph.store.tally import Tally

# The most articles and quotes an entity's detail lists (the counts give the totals).
DETAIL_LIMIT = 100


def find_entity(connection: sa.Connection, id_or_name: int | str) -> Any | None:
    """The record meant by an id, a name or an alias; the most reported one when several bear it."""
    value = str(id_or_name).strip()
    if (number := row_id(value)) is not None:
        row = connection.execute(sa.select(entities).where(entities.c.id == number)).first()
        if row is not None:
            return row
    chosen = choose(connection, value).chosen
    if chosen is None:
        return None
    return connection.execute(sa.select(entities).where(entities.c.id == chosen)).first()


def about_ids(entity_id: int) -> sa.Select[Any]:
    """Ids of quotes by others that hold one of the entity's mentions.

    Driven from the entity's own mentions: each one is looked for inside its article's quotes.
    """
    return (
        sa.select(quotes.c.id)
        .select_from(article_entities)
        .join(
            mentions,
            sa.and_(
                mentions.c.article_id == article_entities.c.article_id,
                mentions.c.local_id == article_entities.c.local_id,
            ),
        )
        .join(
            quotes,
            sa.and_(
                quotes.c.article_id == mentions.c.article_id,
                quotes.c.start <= mentions.c.start,
                quotes.c.end >= mentions.c.end,
            ),
        )
        .where(
            article_entities.c.entity_id == entity_id,
            sa.or_(quotes.c.speaker_entity_id.is_(None), quotes.c.speaker_entity_id != entity_id),
        )
        .distinct()
    )


def entity_quotes(
    connection: sa.Connection, entity_id: int, about: bool, limit: int, offset: int, tally: Tally | None = None
) -> Page[QuoteRow]:
    """One page of the quotes by the entity (or, with ``about``, by others about it), newest first.

    A ``tally`` of the store's version knows which quotes are by the entity and which are about it,
    and puts them in the list's order itself: only the page's quotes are read (on 100,000 articles,
    finding the quotes about someone in the database costs up to 120 ms, and counting the quotes by
    one who said 10,000 costs 4 ms).
    """
    if tally is not None:
        ids = tally.about(entity_id) if about else tally.quotes_by(entity_id)
        wanted = tally.newest_quotes(ids, limit + offset)[offset:].tolist()
        rows = connection.execute(quote_select().where(quotes.c.id.in_(wanted))).all() if wanted else []
        by_id = {row.id: row for row in rows}
        return Page([quote_row(by_id[i]) for i in wanted if i in by_id], total=len(ids), limit=limit, offset=offset)
    if about:
        return quote_page(connection, [quotes.c.id.in_(about_ids(entity_id))], limit, offset)
    return quote_page(connection, [quotes.c.speaker_entity_id == entity_id], limit, offset)


def _naming(connection: sa.Connection, entity_id: int, wanted: int) -> sa.ColumnElement[bool]:
    """Articles naming the entity; for one named in many, tested while walking all newest first.

    Reading every article of an entity named in 8,000 of 100,000 and sorting them costs
    about 90 ms; walking the newest-first index until a page is found costs a few
    (``search.walk_by_date`` weighs the two, on the entity's article count). SQLite is
    told with a unary ``+``; PostgreSQL plans this itself.
    """
    appears = sa.select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
    if connection.dialect.name == "sqlite":
        named = connection.execute(sa.select(entities.c.articles).where(entities.c.id == entity_id)).scalar()
        last = connection.execute(sa.select(sa.func.max(articles.c.pk))).scalar()
        if walk_by_date(int(named or 0), int(last or 0), wanted):
            return sa.literal_column("+articles.id").in_(appears)
    return articles.c.id.in_(appears)


def entity_articles(connection: sa.Connection, entity_id: int, limit: int, offset: int) -> Page[ArticleRow]:
    """One page of the articles naming the entity, newest first (counted through the entity's own index)."""
    appears = sa.select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
    total = _count(connection, sa.select(articles.c.id).where(articles.c.id.in_(appears)))
    statement = sa.select(*ARTICLE_COLUMNS).where(_naming(connection, entity_id, limit + offset))
    rows = connection.execute(statement.order_by(*ARTICLE_ORDER).limit(limit).offset(offset)).all()
    return Page(items=[article_row(row) for row in rows], total=total, limit=limit, offset=offset)


def entity_detail(connection: sa.Connection, row: Any, lists: bool = True, tally: Tally | None = None) -> EntityDetail:
    """The entity in full; without ``lists`` its articles and quotes are left empty (a caller that pages
    them reads them itself). A ``tally`` of the store's version counts its mentions and quotes about it."""
    entity_id = row.id
    listed: Sequence[Any] = []
    quotes_by: Sequence[Any] = []
    quotes_about: Sequence[Any] = []
    if lists:
        listed = connection.execute(
            sa.select(*ARTICLE_COLUMNS)
            .where(_naming(connection, entity_id, DETAIL_LIMIT))
            .order_by(*ARTICLE_ORDER)
            .limit(DETAIL_LIMIT)
        ).all()
        quotes_by = connection.execute(
            quote_select().where(quotes.c.speaker_entity_id == entity_id).order_by(*QUOTE_ORDER).limit(DETAIL_LIMIT)
        ).all()
        about = quote_select().where(quotes.c.id.in_(about_ids(entity_id)))
        quotes_about = connection.execute(about.order_by(*QUOTE_ORDER).limit(DETAIL_LIMIT)).all()
    history = [
        TitleSeen(t.title, t.first_seen, t.last_seen, t.articles)
        for t in connection.execute(
            sa.select(entity_titles)
            .where(entity_titles.c.entity_id == entity_id)
            .order_by(entity_titles.c.last_seen.desc().nulls_last(), entity_titles.c.articles.desc())
        )
    ]
    affiliations = connection.execute(
        sa.select(article_entities.c.affiliation)
        .where(article_entities.c.entity_id == entity_id, article_entities.c.affiliation.is_not(None))
        .distinct()
        .order_by(article_entities.c.affiliation)
    ).scalars()
    return EntityDetail(
        id=entity_id,
        name=row.name,
        type=row.type,
        aliases=aliases_by_entity(connection, [entity_id]).get(entity_id, []),
        titles=[t.title for t in history],
        title_history=history,
        affiliations=list(affiliations),
        counts={
            "articles": row.articles,
            "mentions": row.mentions,
            "quotes_by": row.quotes,
            "quotes_about": (
                len(tally.about(entity_id)) if tally is not None else _count(connection, about_ids(entity_id))
            ),
        },
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        articles=[article_row(a) for a in listed],
        quotes_by=[quote_row(q) for q in quotes_by],
        quotes_about=[quote_row(q) for q in quotes_about],
        mentions_per_day=(
            tally.mentions_per_day(entity_id) if tally is not None else _mentions_per_day(connection, entity_id)
        ),
    )


def _count(connection: sa.Connection, statement: sa.Select[Any]) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(statement.subquery())).scalar_one())


def _mentions_per_day(connection: sa.Connection, entity_id: int) -> dict[str, int]:
    published = day(articles.c.published)
    statement = (
        sa.select(published.label("day"), sa.func.count(mentions.c.id))
        .select_from(mentions)
        .join(
            article_entities,
            sa.and_(
                article_entities.c.article_id == mentions.c.article_id,
                article_entities.c.local_id == mentions.c.local_id,
            ),
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(article_entities.c.entity_id == entity_id, articles.c.published.is_not(None))
        .group_by(published)
        .order_by(published)
    )
    return {when: int(count) for when, count in connection.execute(statement)}


def store_stats(connection: sa.Connection) -> dict[str, Any]:
    """How much the store holds, in all and by kind."""

    def count(table: sa.Table) -> int:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    def by(column: sa.ColumnElement[Any]) -> dict[str, int]:
        statement = sa.select(column, sa.func.count()).group_by(column).order_by(sa.func.count().desc(), column)
        return {str(key): int(n) for key, n in connection.execute(statement)}

    return {
        "articles": count(articles),
        "entities": count(entities),
        "mentions": count(mentions),
        "quotes": count(quotes),
        "figures": count(figures),
        "dates": count(dates),
        "events": count(events),
        "event_reports": count(event_sources),
        "ingest_runs": count(ingest_runs),
        "entities_by_type": by(entities.c.type),
        "quotes_by_kind": by(quotes.c.kind),
        "events_by_type": by(events.c.type),
    }
