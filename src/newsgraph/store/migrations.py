"""Opening a store: create a new one, or bring an older one up to ``SCHEMA_VERSION``.

Each migration takes a store from version n to n + 1 inside the same transaction as
the version bump, so a failed upgrade leaves the store as it was. A store written by
a newer newsgraph is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from newsgraph.errors import StoreVersionError
from newsgraph.store.schema import (
    SCHEMA_VERSION,
    article_entities,
    articles,
    create_newest_first,
    entities,
    mentions,
    metadata,
    quotes,
    schema_version,
    speaker_names,
)
from newsgraph.store.search import create_fulltext


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


# MIGRATIONS[n] upgrades a store of version n to version n + 1.
MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


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
