"""Opening a store: create a new one, or bring an older one up to ``SCHEMA_VERSION``.

Each migration takes a store from version n to n + 1 inside the same transaction as
the version bump, so a failed upgrade leaves the store as it was. A store written by
a newer newsgraph is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

import sqlalchemy as sa

from newsgraph.errors import StoreVersionError
from newsgraph.model import Event
from newsgraph.store.linking import EventMatcher, StoredEvent, Told, details, event_key
from newsgraph.store.resolving import resolve_store
from newsgraph.store.schema import (
    SCHEMA_VERSION,
    article_entities,
    articles,
    create_newest_first,
    entities,
    entity_overrides,
    entity_signatures,
    event_sources,
    events,
    mentions,
    metadata,
    quotes,
    schema_version,
    speaker_names,
    store_rewrites,
)
from newsgraph.store.search import create_fulltext
from newsgraph.store.writer import article_columns, new_event, now


def _v1_to_v2(connection: sa.Connection) -> None:
    """Version 2 keeps the date a quote was said in its own column, so that since/until can use it."""
    connection.execute(sa.text('ALTER TABLE quotes ADD COLUMN "date" VARCHAR(32)'))
    rows = connection.execute(sa.select(quotes.c.id, quotes.c.data)).all()
    for row in rows:
        when = (row.data or {}).get("date")
        if when:
            connection.execute(sa.update(quotes).where(quotes.c.id == row.id).values(date=when))


def _v2_to_v3(connection: sa.Connection) -> None:
    """Version 3 indexes what the web app filters on: the day a quote was said (now a column),
    its kind, its speaker's name (the distinct names in a table of their own) and entity keys;
    copies each quote's article date and key to sort quotes without reading articles; and
    widens four indexes to cover the lookups of an entity's page; and orders three newest first."""
    connection.execute(sa.text('ALTER TABLE quotes ADD COLUMN "said_on" VARCHAR(10)'))
    published = (
        sa.select(sa.func.substr(articles.c.published, 1, 10))
        .where(articles.c.id == quotes.c.article_id)
        .scalar_subquery()
    )
    said_on = sa.func.coalesce(sa.func.substr(quotes.c.date, 1, 10), published)
    connection.execute(sa.text('ALTER TABLE quotes ADD COLUMN "article_published" VARCHAR(32)'))
    connection.execute(sa.text('ALTER TABLE quotes ADD COLUMN "article_pk" INTEGER'))
    article = sa.select(articles).where(articles.c.id == quotes.c.article_id)
    connection.execute(
        sa.update(quotes).values(
            said_on=said_on,
            article_published=article.with_only_columns(articles.c.published).scalar_subquery(),
            article_pk=article.with_only_columns(articles.c.pk).scalar_subquery(),
        )
    )
    speaker_names.create(connection)
    named = sa.select(quotes.c.speaker_name).where(quotes.c.speaker_name.is_not(None)).distinct()
    connection.execute(sa.insert(speaker_names).from_select(["name"], named))
    for narrower in (
        "ix_article_entities_entity_id",
        "ix_mentions_article_entity",
        "ix_quotes_article_id",
        "ix_quotes_speaker_entity_id",
        "ix_articles_published",
    ):
        connection.execute(sa.text(f"DROP INDEX {narrower}"))
    added = {
        "ix_entities_key",
        "ix_article_entities_entity",
        "ix_mentions_article_entity_span",
        "ix_quotes_said_on",
        "ix_quotes_kind",
        "ix_quotes_speaker_name",
        "ix_quotes_article_span",
    }
    for table in (entities, article_entities, mentions, quotes):
        for index in table.indexes:
            if index.name in added:
                index.create(connection)
    create_newest_first(connection)


def _v3_to_v4(connection: sa.Connection) -> None:
    """Version 4 keys events by type, actor, date and negation, and merges tellings whose targets
    and places agree (``linking.EventMatcher``): every article's tellings are replayed in the
    order they were stored, as a new store would have linked them. Each event keeps its id
    when it survives; every telling stays, pointing at the event it joins."""
    local: dict[str, dict[str, int]] = {}
    for linked in connection.execute(
        sa.select(article_entities.c.article_id, article_entities.c.local_id, article_entities.c.entity_id)
    ):
        local.setdefault(linked.article_id, {})[linked.local_id] = linked.entity_id
    tellings = connection.execute(
        sa.select(
            event_sources.c.article_id,
            event_sources.c.position,
            event_sources.c.event_id,
            event_sources.c.data,
            articles.c.published,
        )
        .join_from(event_sources, articles, event_sources.c.article_id == articles.c.id)
        .order_by(articles.c.pk, event_sources.c.position)
    ).all()
    matcher = EventMatcher()
    rows: dict[int, dict[str, Any]] = {}
    tellers: dict[int, set[str]] = {}
    moved: list[dict[str, Any]] = []
    for article_id, told_here in groupby(tellings, key=lambda telling: telling.article_id):
        ids = local.get(article_id, {})
        told: Told = {}
        for telling in told_here:
            event = Event.from_dict(telling.data)
            key = event_key(event, ids)
            target, location = ids.get(event.target or ""), ids.get(event.location or "")
            found = matcher.find(key, target, location, told) if key is not None else None
            if found is None:
                row = new_event(event, key, ids, telling.published)
                event_id = telling.event_id if telling.event_id not in rows else _insert_event(connection, row)
                rows[event_id] = row
                found = StoredEvent(event_id, target, location)
                if key is not None:
                    matcher.add(key, found)
            elif matcher.complete(found, target, location):
                rows[found.id].update(target_id=found.target, location_id=found.location)
            told.setdefault(found.id, set()).add(details(target, location))
            tellers.setdefault(found.id, set()).add(article_id)
            if found.id != telling.event_id:
                moved.append({"article": article_id, "at": telling.position, "event": found.id})
    if moved:
        connection.execute(
            sa.update(event_sources)
            .where(
                event_sources.c.article_id == sa.bindparam("article"), event_sources.c.position == sa.bindparam("at")
            )
            .values(event_id=sa.bindparam("event")),
            moved,
        )
    told_by_none = events.c.id.not_in(sa.select(event_sources.c.event_id).scalar_subquery())
    connection.execute(sa.delete(events).where(told_by_none))
    for event_id, row in rows.items():
        row["sources"] = len(tellers[event_id])
    if rows:
        connection.execute(_REWRITE, [{"event": event_id, **_renamed(row)} for event_id, row in rows.items()])


# Every column of an event as the replay found it (bound as new_<column>: a bind may not share a column's name).
_REWRITE = (
    sa.update(events)
    .where(events.c.id == sa.bindparam("event"))
    .values({column.name: sa.bindparam(f"new_{column.name}") for column in events.columns if column.name != "id"})
)


def _renamed(row: dict[str, Any]) -> dict[str, Any]:
    return {f"new_{column}": value for column, value in row.items()}


def _insert_event(connection: sa.Connection, row: dict[str, Any]) -> int:
    """A new event for tellings that leave the event they were stored with, which another one kept."""
    return int(connection.execute(sa.insert(events).returning(events.c.id), row).scalar_one())


def _v4_to_v5(connection: sa.Connection) -> None:
    """Version 5 records the process behind each ingest run, so that a run killed half way is marked
    abandoned by the next one. Runs left unfinished by older versions cannot be told from killed ones
    any more (they name no process) and are marked abandoned now."""
    for column, kind in (("pid", "INTEGER"), ("host", "VARCHAR(255)"), ("abandoned", "VARCHAR(32)")):
        connection.execute(sa.text(f'ALTER TABLE ingest_runs ADD COLUMN "{column}" {kind}'))
    connection.execute(sa.text("UPDATE ingest_runs SET abandoned = :now WHERE finished IS NULL"), {"now": now()})


def _v5_to_v6(connection: sa.Connection) -> None:
    """Version 6 keeps each article's outlet, author and language in columns of their own, filled
    for stored articles from what their metadata already says (their language stays unknown)."""
    for column, kind in (("outlet", "TEXT"), ("author", "TEXT"), ("language", "VARCHAR(16)")):
        connection.execute(sa.text(f'ALTER TABLE articles ADD COLUMN "{column}" {kind}'))
    connection.execute(sa.text("CREATE INDEX ix_articles_outlet ON articles (outlet)"))
    rows = connection.execute(sa.select(articles.c.pk, articles.c.url, articles.c.metadata)).all()
    for row in rows:
        values = article_columns(row.metadata or {}, row.url)
        if any(values.values()):
            connection.execute(sa.update(articles).where(articles.c.pk == row.pk).values(**values))


def _v6_to_v7(connection: sa.Connection) -> None:
    """Version 7 resolves entities across the store (``resolution.py``): each article entity keeps
    its signature (family, key, hint), each signature its counts and record, each record its family,
    and corrections by hand are kept in a table of their own. Every stored entity is resolved once;
    the records from before are reused where resolution names the same (type, key)."""
    connection.execute(sa.text("ALTER TABLE entities ADD COLUMN family TEXT"))
    for column in ("family", "key", "hint"):
        connection.execute(sa.text(f'ALTER TABLE article_entities ADD COLUMN "{column}" TEXT'))
    for table, name in ((article_entities, "ix_article_entities_signature"), (entities, "ix_entities_family")):
        for index in table.indexes:
            if index.name == name:
                index.create(connection)
    entity_signatures.create(connection)
    entity_overrides.create(connection)
    resolve_store(connection, adopt=True)


def _v7_to_v8(connection: sa.Connection) -> None:
    """Version 8 logs the rewrites of the store that add no article (resolve, merge, split) in a table
    of their own, so that every process reading the store sees its version move (``Store.version``)."""
    store_rewrites.create(connection)


# MIGRATIONS[n] upgrades a store of version n to version n + 1.
MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
}


def stored_version(connection: sa.Connection) -> int | None:
    """The version a store was written with, or None for an empty database."""
    if not sa.inspect(connection).has_table("schema_version"):
        return None
    return connection.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()


def open_schema(connection: sa.Connection) -> None:
    """Create the tables of a new store, or migrate an older one; refuse a newer one."""
    version = stored_version(connection)
    if version is None:
        metadata.create_all(connection)
        create_newest_first(connection)
        create_fulltext(connection)
        connection.execute(sa.insert(schema_version).values(version=SCHEMA_VERSION))
        return
    if version > SCHEMA_VERSION:
        raise StoreVersionError(version, SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](connection)
        version += 1
    connection.execute(sa.delete(schema_version))
    connection.execute(sa.insert(schema_version).values(version=SCHEMA_VERSION))
