"""The store's read side: lists with filters and paging, and whole articles back as Extractions.

Dates compare on their first ten characters (YYYY-MM-DD), so a published value with a
time of day still falls on its day. Name filters fold case, accents and punctuation
the way linking does (``linking.fold``); substring filters escape LIKE's wildcards.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from newsgraph.errors import AmbiguousArticleId
from newsgraph.model import Article, DateRef, Entity, Event, Extraction, Figure, Quote, Span
from newsgraph.store.choosing import Choice, choose, row_id, unlinked_names, unlinked_speaker_names
from newsgraph.store.linking import fold
from newsgraph.store.records import ArticleRow, EntityRow, EventRow, FigureRow, Page, QuoteRow
from newsgraph.store.schema import (
    article_entities,
    articles,
    dates,
    entities,
    entity_aliases,
    entity_titles,
    event_sources,
    events,
    figures,
    mentions,
    quotes,
)
from newsgraph.store.search import (
    article_match,
    count_article_matches,
    count_quote_matches,
    quote_match,
    walk_by_date,
)
from newsgraph.store.sorting import is_default, order_by

T = TypeVar("T")


def day(column: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    return sa.func.substr(column, 1, 10)


def page(
    connection: sa.Connection,
    statement: sa.Select[Any],
    order: list[Any],
    limit: int,
    offset: int,
    build: Callable[[Any], T],
) -> Page[T]:
    """One page of ``statement`` in ``order``, and the count of all its rows."""
    total = connection.execute(sa.select(sa.func.count()).select_from(statement.subquery())).scalar_one()
    rows = connection.execute(statement.order_by(*order).limit(limit).offset(offset)).all()
    return Page(items=[build(row) for row in rows], total=int(total), limit=limit, offset=offset)


def entity_matches(value: str) -> sa.Select[Any]:
    """Ids of the store-wide entities a user means by ``value``: an id, a name or an alias."""
    key = fold(value)
    condition = sa.or_(
        entities.c.key == key,
        entities.c.id.in_(sa.select(entity_aliases.c.entity_id).where(entity_aliases.c.key == key)),
    )
    if (number := row_id(value)) is not None:
        condition = sa.or_(condition, entities.c.id == number)
    return sa.select(entities.c.id).where(condition)


def contains(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).contains(value.lower(), autoescape=True)


# Past this many values, an IN list is given as its subquery instead (drivers cap bound parameters).
MAX_LISTED = 500


def spoken_by(connection: sa.Connection, choice: Choice, speaker: str | None) -> sa.ColumnElement[bool]:
    """Quotes by the chosen record, or, when a name was given, by an unlinked speaker written so.

    The unlinked names are looked up first and given as values, so that each half
    reaches quotes through its index (PostgreSQL cannot for a subquery under OR).
    """
    by_record = quotes.c.speaker_entity_id == choice.chosen
    if speaker is None or row_id(speaker) is not None:
        return by_record
    names = unlinked_names(connection, speaker)
    listed = unlinked_speaker_names(speaker) if len(names) > MAX_LISTED else names
    unlinked = sa.and_(quotes.c.speaker_entity_id.is_(None), quotes.c.speaker_name.in_(listed))
    if choice.chosen is None:
        return unlinked
    # A name nobody unlinked bears leaves the record alone, so that a page of its quotes is read off
    # its newest-first index instead of sorting all of them (the OR would): 210 ms -> 10 ms for a
    # speaker of 30,000 quotes. Whether any is unlinked is read off the counting index.
    if not names or connection.execute(sa.select(quotes.c.id).where(unlinked).limit(1)).first() is None:
        return by_record
    return sa.or_(by_record, unlinked)


# Articles


ARTICLE_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.published,
    articles.c.source,
    articles.c.url,
    articles.c.section,
    articles.c.outlet,
    articles.c.author,
    articles.c.language,
    articles.c.words,
    articles.c.n_entities,
    articles.c.n_quotes,
    articles.c.n_figures,
    articles.c.n_events,
)


def article_row(row: Any) -> ArticleRow:
    return ArticleRow(
        id=row.id,
        title=row.title,
        published=row.published,
        source=row.source,
        url=row.url,
        section=row.section,
        outlet=row.outlet,
        author=row.author,
        language=row.language,
        words=row.words,
        entities=row.n_entities,
        quotes=row.n_quotes,
        figures=row.n_figures,
        events=row.n_events,
    )


ARTICLE_ORDER = order_by("articles")


def article_statement(
    q: str | None, since: str | None, until: str | None, source: str | None, dialect: str, outlet: str | None = None
) -> sa.Select[Any]:
    """Articles under the filters; lists, facets and exports share it."""
    statement = sa.select(*ARTICLE_COLUMNS)
    if q and q.strip():
        statement = statement.where(article_match(dialect, q))
    if since:
        statement = statement.where(day(articles.c.published) >= since[:10])
    if until:
        statement = statement.where(day(articles.c.published) <= until[:10])
    if source:
        statement = statement.where(contains(articles.c.source, source))
    if outlet:
        statement = statement.where(contains(articles.c.outlet, outlet))
    return statement


def list_articles(
    connection: sa.Connection,
    q: str | None,
    since: str | None,
    until: str | None,
    source: str | None,
    limit: int,
    offset: int,
    outlet: str | None = None,
    sort: str | None = None,
    order: str | None = None,
) -> Page[ArticleRow]:
    ordered = order_by("articles", sort, order)
    if q and q.strip() and not (since or until or source or outlet) and is_default("articles", sort, order):
        return _search_articles(connection, q, limit, offset)
    statement = article_statement(q, since, until, source, connection.dialect.name, outlet)
    return page(connection, statement, ordered, limit, offset, article_row)


def _search_articles(connection: sa.Connection, q: str, limit: int, offset: int) -> Page[ArticleRow]:
    """A search with no other filter: counted in the full-text index alone, read in the cheaper order."""
    total = count_article_matches(connection, q)
    if not total:
        return Page(items=[], total=0, limit=limit, offset=offset)
    last = connection.execute(sa.select(sa.func.max(articles.c.pk))).scalar_one()
    by_date = walk_by_date(total, int(last or 0), limit + offset)
    statement = sa.select(*ARTICLE_COLUMNS).where(article_match(connection.dialect.name, q, by_date))
    rows = connection.execute(statement.order_by(*ARTICLE_ORDER).limit(limit).offset(offset)).all()
    return Page(items=[article_row(row) for row in rows], total=total, limit=limit, offset=offset)


# The shortest start of an article id that may stand for it (as git takes a commit's).
MIN_PREFIX = 6


def resolve_article_id(connection: sa.Connection, given: str) -> str | None:
    """The stored id that ``given`` is, or starts when at least MIN_PREFIX long; None when none.

    Raises AmbiguousArticleId when the start fits several ids, so that no article is picked at random.
    """
    if connection.execute(sa.select(articles.c.id).where(articles.c.id == given)).first() is not None:
        return given
    if len(given) < MIN_PREFIX:
        return None
    # LIKE ignores case on SQLite: the ids it finds are checked again exactly.
    found = connection.execute(sa.select(articles.c.id).where(articles.c.id.startswith(given, autoescape=True)))
    starting = [article_id for article_id in found.scalars() if article_id.startswith(given)]
    if len(starting) > 1:
        raise AmbiguousArticleId(given, len(starting))
    return starting[0] if starting else None


def read_article(connection: sa.Connection, article_id: str) -> Extraction | None:
    """The Extraction as it was added, or None."""
    row = connection.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    article = Article(
        text=row.text,
        id=row.id,
        url=row.url,
        title=row.title,
        section=row.section,
        published=row.published,
        source=row.source,
        metadata=dict(row.metadata or {}),
    )
    spans: dict[str, list[Span]] = {}
    for m in connection.execute(
        sa.select(mentions)
        .where(mentions.c.article_id == article_id)
        .order_by(mentions.c.local_id, mentions.c.position)
    ):
        spans.setdefault(m.local_id, []).append(Span(m.start, m.end, m.text))
    found = []
    for e in _data(connection, article_entities, article_id, article_entities.c.local_id):
        entity = Entity.from_dict(e.data)
        entity.mentions = spans.get(e.local_id, [])
        found.append(entity)
    return Extraction(
        article=article,
        entities=found,
        quotes=[Quote.from_dict(r.data) for r in _data(connection, quotes, article_id)],
        figures=[Figure.from_dict(r.data) for r in _data(connection, figures, article_id)],
        dates=[DateRef.from_dict(r.data) for r in _data(connection, dates, article_id)],
        events=[Event.from_dict(r.data) for r in _data(connection, event_sources, article_id)],
        schema=row.schema,
    )


def _data(connection: sa.Connection, table: sa.Table, article_id: str, *extra: Any) -> list[Any]:
    statement = sa.select(table.c.data, *extra).where(table.c.article_id == article_id).order_by(table.c.position)
    return list(connection.execute(statement))


# Quotes


def quote_row(row: Any) -> QuoteRow:
    return QuoteRow(
        id=row.id,
        local_id=row.local_id,
        article_id=row.article_id,
        article_title=row.title,
        published=row.published,
        kind=row.kind,
        text=row.text,
        start=row.start,
        end=row.end,
        cue=row.cue,
        date=row.date,
        speaker_name=row.speaker_name,
        speaker_text=row.speaker_text,
        speaker_entity=row.speaker_entity_id,
        speaker_local=row.speaker_local,
        source=row.source,
        outlet=row.outlet,
    )


def quote_select() -> sa.Select[Any]:
    return sa.select(
        quotes.c.id,
        quotes.c.local_id,
        quotes.c.article_id,
        articles.c.title,
        articles.c.published,
        quotes.c.kind,
        quotes.c.text,
        quotes.c.start,
        quotes.c.end,
        quotes.c.cue,
        quotes.c.date,
        quotes.c.speaker_name,
        quotes.c.speaker_text,
        quotes.c.speaker_entity_id,
        quotes.c.speaker_local,
        articles.c.source,
        articles.c.outlet,
    ).join_from(quotes, articles, quotes.c.article_id == articles.c.id)


# The articles' order (newest first), then the article's own order, on the quotes' copies of both.
QUOTE_ORDER = [quotes.c.article_published.desc().nulls_last(), quotes.c.article_pk.desc(), quotes.c.position]
OLDEST_QUOTES_FIRST = [quotes.c.article_published.nulls_last(), quotes.c.article_pk, quotes.c.position]


def speaker_choice(connection: sa.Connection, speaker: str | None, speaker_id: int | None) -> Choice | None:
    """The record a speaker filter means (an id first, else a whole name), or None without one."""
    if speaker_id is not None:
        return choose(connection, str(speaker_id))
    if speaker and speaker.strip():
        return choose(connection, speaker)
    return None


def quote_conditions(
    connection: sa.Connection,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    kind: str | None = None,
    source: str | None = None,
    speaker_id: int | None = None,
    chosen: Choice | None = None,
    outlet: str | None = None,
) -> list[Any]:
    """Conditions on the quotes table for every quote filter but the words (lists, facets, exports).

    ``chosen`` is the speaker filter's record when the caller already chose it (``speaker_choice``);
    ``outlet`` is a part of the article's outlet name, as on the article list.
    """
    conditions: list[Any] = []
    choice = chosen or speaker_choice(connection, speaker, speaker_id)
    if choice is not None:
        conditions.append(spoken_by(connection, choice, None if speaker_id is not None else speaker))
    if since:
        conditions.append(quotes.c.said_on >= since[:10])
    if until:
        conditions.append(quotes.c.said_on <= until[:10])
    if article:
        conditions.append(quotes.c.article_id == article)
    if kind and kind.strip():
        conditions.append(quotes.c.kind == kind.strip().lower())
    if source and source.strip():
        conditions.append(quotes.c.article_id.in_(sa.select(articles.c.id).where(contains(articles.c.source, source))))
    if outlet and outlet.strip():
        conditions.append(quotes.c.article_pk.in_(of_outlet(outlet)))
    return conditions


def of_outlet(outlet: str) -> sa.Select[Any]:
    """Keys of the articles whose outlet holds ``outlet`` (the article list's outlet filter)."""
    return sa.select(articles.c.pk).where(contains(articles.c.outlet, outlet.strip()))


def list_quotes(
    connection: sa.Connection,
    speaker: str | None,
    q: str | None,
    since: str | None,
    until: str | None,
    article: str | None,
    limit: int,
    offset: int,
    kind: str | None = None,
    source: str | None = None,
    oldest_first: bool = False,
    speaker_id: int | None = None,
    outlet: str | None = None,
) -> Page[QuoteRow]:
    choice = speaker_choice(connection, speaker, speaker_id)
    conditions = quote_conditions(
        connection, speaker, since, until, article, kind, source, speaker_id, choice, outlet=outlet
    )
    result = _quotes_matching(connection, conditions, q, limit, offset, oldest_first)
    result.chosen = choice
    return result


def _quotes_matching(
    connection: sa.Connection, conditions: list[Any], q: str | None, limit: int, offset: int, oldest_first: bool
) -> Page[QuoteRow]:
    if not (q and q.strip()):
        return quote_page(connection, conditions, limit, offset, oldest_first=oldest_first)
    if conditions or oldest_first:
        matched = [*conditions, quote_match(connection.dialect.name, q, by_date=bool(conditions))]
        return quote_page(connection, matched, limit, offset, oldest_first=oldest_first)
    # Only words: counted in the full-text index alone, read in the cheaper order.
    total = count_quote_matches(connection, q)
    if not total:
        return Page(items=[], total=0, limit=limit, offset=offset)
    last = connection.execute(sa.select(sa.func.max(quotes.c.id))).scalar_one()
    by_date = walk_by_date(total, int(last or 0), limit + offset)
    return quote_page(connection, [quote_match(connection.dialect.name, q, by_date)], limit, offset, total)


def all_quote_conditions(connection: sa.Connection, q: str | None, **filters: Any) -> list[Any]:
    """Every condition of a quote filter, the words included (for facets and exports).

    Beside another condition (a speaker, days, an article, a kind, a source), the words
    are only tested (``quote_match``'s ``by_date``): SQLite then walks the index of that
    condition and looks each row up in the matches, gathered once, instead of reading
    every matching quote by its key (on 100,000 articles, a common word in one month:
    84 ms instead of 640 ms).
    """
    conditions = quote_conditions(connection, **filters)
    if q and q.strip():
        conditions.append(quote_match(connection.dialect.name, q, by_date=bool(conditions)))
    return conditions


def quote_page(
    connection: sa.Connection,
    conditions: list[Any],
    limit: int,
    offset: int,
    total: int | None = None,
    oldest_first: bool = False,
) -> Page[QuoteRow]:
    """Quotes meeting ``conditions`` (on the quotes table), newest first; ``total`` when already counted.

    The count and the page's ids come from the quotes table alone; only the page's own
    rows are then joined with their articles.
    """
    matching = sa.select(quotes.c.id).where(*conditions)
    if total is None:
        total = connection.execute(sa.select(sa.func.count()).select_from(matching.subquery())).scalar_one()
    order = OLDEST_QUOTES_FIRST if oldest_first else QUOTE_ORDER
    ids = list(connection.execute(matching.order_by(*order).limit(limit).offset(offset)).scalars())
    rows = connection.execute(quote_select().where(quotes.c.id.in_(ids)).order_by(*order)).all() if ids else []
    return Page(items=[quote_row(row) for row in rows], total=int(total), limit=limit, offset=offset)


# Entities


def entity_statement(
    q: str | None = None,
    type: str | None = None,
    outlet: str | None = None,
    named: list[int] | None = None,
    dialect: str = "sqlite",
) -> sa.Select[Any]:
    """Store-wide entities whose name or alias holds ``q``, of ``type``, named in an article of an outlet whose
    name holds ``outlet``; lists and exports share it. ``named`` are the ids of the entities the outlet named
    when they are known already (``Tally.entities_named_by``): on 100,000 articles, finding them through the
    articles of a large outlet costs 100-200 ms."""
    # Records all of whose names were resolved into others hold nothing any more.
    statement = sa.select(entities).where(entities.c.articles > 0)
    key = fold(q) if q else ""
    if q and q.strip():
        aliased = sa.select(entity_aliases.c.entity_id).where(entity_aliases.c.key.contains(key, autoescape=True))
        statement = statement.where(sa.or_(entities.c.key.contains(key, autoescape=True), entities.c.id.in_(aliased)))
    if type:
        statement = statement.where(entities.c.type == type.strip().upper())
    if outlet and outlet.strip() and named is not None:
        statement = statement.where(among(entities.c.id, named, dialect))
    elif outlet and outlet.strip():
        published = sa.select(articles.c.id).where(contains(articles.c.outlet, outlet.strip()))
        naming = sa.select(article_entities.c.entity_id).where(article_entities.c.article_id.in_(published))
        statement = statement.where(entities.c.id.in_(naming))
    return statement


def among(column: sa.ColumnElement[Any], ids: list[int], dialect: str) -> sa.ColumnElement[bool]:
    """``column IN ids`` as one bound value however many ids there are (drivers cap bound parameters, and
    binding thousands costs more than the query): a JSON array on SQLite, an array on PostgreSQL."""
    if dialect == "postgresql":
        return column == sa.any_(sa.bindparam("among_ids", ids, type_=ARRAY(sa.BigInteger)))
    listed = sa.text("SELECT value FROM json_each(:among_ids)").bindparams(among_ids=json.dumps(ids))
    return column.in_(listed.columns(value=sa.Integer))


ENTITY_ORDER = order_by("entities")


def list_entities(
    connection: sa.Connection,
    q: str | None,
    type: str | None,
    limit: int,
    offset: int,
    outlet: str | None = None,
    sort: str | None = None,
    order: str | None = None,
    named: list[int] | None = None,
) -> Page[EntityRow]:
    ordered = order_by("entities", sort, order)
    statement = entity_statement(q, type, outlet, named, connection.dialect.name)
    result = page(connection, statement, ordered, limit, offset, entity_row)
    with_names(connection, result.items)
    return result


def with_names(connection: sa.Connection, rows: list[EntityRow]) -> list[EntityRow]:
    """The rows with their aliases and titles filled in, read for all of them at once."""
    ids = [row.id for row in rows]
    names = aliases_by_entity(connection, ids)
    titles = titles_by_entity(connection, ids)
    for row in rows:
        row.aliases = names.get(row.id, [])
        row.titles = titles.get(row.id, [])
    return rows


def entity_row(row: Any) -> EntityRow:
    return EntityRow(
        id=row.id,
        name=row.name,
        type=row.type,
        articles=row.articles,
        mentions=row.mentions,
        quotes=row.quotes,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


def aliases_by_entity(connection: sa.Connection, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    statement = (
        sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)
        .where(entity_aliases.c.entity_id.in_(ids))
        .order_by(entity_aliases.c.entity_id, entity_aliases.c.alias)
    )
    for entity_id, alias in connection.execute(statement):
        found.setdefault(entity_id, []).append(alias)
    return found


def titles_by_entity(connection: sa.Connection, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    statement = (
        sa.select(entity_titles.c.entity_id, entity_titles.c.title)
        .where(entity_titles.c.entity_id.in_(ids))
        .order_by(entity_titles.c.entity_id, entity_titles.c.last_seen.desc().nulls_last(), entity_titles.c.title)
    )
    for entity_id, title in connection.execute(statement):
        found.setdefault(entity_id, []).append(title)
    return found


# Figures


def figure_row(row: Any) -> FigureRow:
    return FigureRow(
        id=row.id,
        article_id=row.article_id,
        article_title=row.title,
        published=row.published,
        text=row.text,
        start=row.start,
        end=row.end,
        value=row.value,
        approx=row.approx,
        unit=row.unit,
        counted=row.counted,
        claimed_by=row.claimed_by,
        change=row.change or "=",
        position=row.position,
    )


def figure_statement(q: str | None = None, counted: str | None = None) -> sa.Select[Any]:
    """Figures under the filters, with their article's title and day; lists and exports share it."""
    statement = sa.select(
        figures.c.id,
        figures.c.article_id,
        articles.c.title,
        articles.c.published,
        figures.c.text,
        figures.c.start,
        figures.c.end,
        figures.c.value,
        figures.c.approx,
        figures.c.unit,
        figures.c.counted,
        figures.c.claimed_by,
        figures.c.change,
        figures.c.position,
    ).join_from(figures, articles, figures.c.article_id == articles.c.id)
    if q and q.strip():
        statement = statement.where(
            sa.or_(contains(figures.c.text, q.strip()), contains(sa.func.coalesce(figures.c.counted, ""), q.strip()))
        )
    if counted and counted.strip():
        statement = statement.where(sa.func.lower(figures.c.counted) == counted.strip().lower())
    return statement


FIGURE_ORDER = [articles.c.published.desc().nulls_last(), articles.c.pk.desc(), figures.c.position]


def list_figures(
    connection: sa.Connection, q: str | None, counted: str | None, limit: int, offset: int
) -> Page[FigureRow]:
    return page(connection, figure_statement(q, counted), FIGURE_ORDER, limit, offset, figure_row)


# Events


def actor_choice(connection: sa.Connection, actor: str | None, actor_id: int | None) -> Choice | None:
    """The record an actor filter means (an id first, else a whole name), or None without one."""
    if actor_id is not None:
        return choose(connection, str(actor_id))
    if actor and actor.strip():
        return choose(connection, actor)
    return None


def event_statement(
    connection: sa.Connection,
    type: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor_id: int | None = None,
    chosen: Choice | None = None,
    outlet: str | None = None,
) -> sa.Select[Any]:
    """Events under the filters with their actor's, target's and place's names; lists, facets and exports share it.

    The actor is a whole name or an id (``actor_choice``; ``chosen`` when the caller already chose
    it); the target is an id, a name, an alias or a part of a name; ``outlet`` a part of the outlet
    name of one of the articles telling the event.
    """
    actors, targets, places = entities.alias("actor"), entities.alias("target"), entities.alias("place")
    statement = (
        sa.select(
            events,
            actors.c.name.label("actor_name"),
            targets.c.name.label("target_name"),
            places.c.name.label("location_name"),
        )
        .outerjoin(actors, actors.c.id == events.c.actor_id)
        .outerjoin(targets, targets.c.id == events.c.target_id)
        .outerjoin(places, places.c.id == events.c.location_id)
    )
    if type and type.strip():
        statement = statement.where(events.c.type == type.strip().upper())
    choice = chosen or actor_choice(connection, actor, actor_id)
    if choice is not None:
        # A name no record bears selects no event (not the events without an actor).
        statement = statement.where(events.c.actor_id == choice.chosen if choice.chosen is not None else sa.false())
    if target and target.strip():
        # The entities meant are found first (by id, name, alias or a part of the name), so that
        # events are reached through their target's index instead of a scan of all.
        meant = sa.select(entities.c.id).where(
            sa.or_(entities.c.id.in_(entity_matches(target)), contains(entities.c.name, target.strip()))
        )
        statement = statement.where(events.c.target_id.in_(meant))
    if since:
        statement = statement.where(day(events.c.day) >= since[:10])
    if until:
        statement = statement.where(day(events.c.day) <= until[:10])
    if outlet and outlet.strip():
        told = sa.select(event_sources.c.event_id).where(
            event_sources.c.article_id.in_(sa.select(articles.c.id).where(contains(articles.c.outlet, outlet.strip())))
        )
        statement = statement.where(events.c.id.in_(told))
    return statement


EVENT_ORDER = order_by("events")


def list_events(
    connection: sa.Connection,
    type: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    target: str | None = None,
    actor_id: int | None = None,
    outlet: str | None = None,
    sort: str | None = None,
    order: str | None = None,
) -> Page[EventRow]:
    ordered = order_by("events", sort, order)
    choice = actor_choice(connection, actor, actor_id)
    statement = event_statement(connection, type, actor, target, since, until, actor_id, choice, outlet)
    # Counted on the events alone: the names joined for the page are not read for every match.
    counting = sa.select(sa.func.count()).select_from(events)
    if statement.whereclause is not None:
        counting = counting.where(statement.whereclause)
    total = int(connection.execute(counting).scalar_one())
    rows = connection.execute(statement.order_by(*ordered).limit(limit).offset(offset)).all()
    return Page(event_rows(connection, list(rows)), total, limit, offset, choice)


def event_rows(connection: sa.Connection, rows: list[Any]) -> list[EventRow]:
    """Event rows with the articles telling each, in one query for all of them."""
    told = _sources(connection, [row.id for row in rows])
    return [_event_row(row, told[row.id]) for row in rows]


def _sources(connection: sa.Connection, ids: list[int]) -> dict[int, list[Any]]:
    """The articles telling each event, earliest published first."""
    statement = (
        sa.select(
            event_sources.c.event_id,
            event_sources.c.trigger,
            event_sources.c.local_id,
            articles.c.id,
            articles.c.title,
            articles.c.published,
            words_of(event_sources.c.data, "actor_words").label("actor_words"),
            words_of(event_sources.c.data, "target_words").label("target_words"),
        )
        .join_from(event_sources, articles, event_sources.c.article_id == articles.c.id)
        .where(event_sources.c.event_id.in_(ids))
        .order_by(event_sources.c.event_id, articles.c.published.nulls_last(), articles.c.pk, event_sources.c.position)
    )
    found: dict[int, list[Any]] = {event_id: [] for event_id in ids}
    for row in connection.execute(statement):
        found[row.event_id].append(row)
    return found


def words_of(data: sa.Column[Any], key: str) -> sa.ColumnElement[str]:
    """The text of a telling's actor or target words, read inside its stored event (no column holds it)."""
    return data[key]["text"].as_string()


def _event_row(row: Any, told: list[Any]) -> EventRow:
    first = told[0]
    return EventRow(
        id=row.id,
        type=row.type,
        mode=row.mode,
        date=row.date,
        trigger=first.trigger,
        local_id=first.local_id,
        article_id=first.id,
        article_title=first.title,
        published=first.published,
        actor_name=row.actor_name,
        actor_entity=row.actor_id,
        target_name=row.target_name,
        target_entity=row.target_id,
        location_name=row.location_name,
        location_entity=row.location_id,
        negated=bool(row.negated),
        sources=row.sources,
        article_ids=list(dict.fromkeys(t.id for t in told)),
        actor_words=first.actor_words,
        target_words=first.target_words,
    )
