"""Indexes for counting, added to any store when it is opened (CREATE INDEX IF NOT EXISTS; no migration).

Facets and top speakers group every matching quote or event. Read from the tables, each
row costs a read of the quote's text and JSON; these covering indexes hold only the
columns the counts group and filter on, so that counting reads the index alone
(about ten times faster on SQLite for a whole store).
"""

from __future__ import annotations

import sqlalchemy as sa

COUNTING = {
    # Top speakers and kinds, of the whole store or of one speaker.
    "ix_quotes_speaker_counts": ("quotes", "speaker_entity_id, speaker_name, kind, said_on"),
    # The same within a date range, and quotes per day for timelines.
    "ix_quotes_said_counts": ("quotes", "said_on, speaker_entity_id, speaker_name, kind"),
    # Event facets: by type, actor and target, and events per day.
    "ix_events_counts": ("events", "type, actor_id, target_id, day"),
    "ix_events_target": ("events", "target_id, day"),
    # The source of a quote's article without reading the article.
    "ix_articles_id_source": ("articles", "id, source"),
    # The entities named in a set of articles (article facets under a filter) without reading their rows.
    "ix_article_entities_counts": ("article_entities", "article_id, entity_id"),
    # An entity's affiliations (its page) without reading every article that names it.
    "ix_article_entities_affiliation": ("article_entities", "entity_id, affiliation"),
    # One actor's events newest first (the event list's order): a page without sorting all of them.
    "ix_events_actor_newest": ("events", "actor_id, day {desc}, id DESC"),
    # The unlinked speakers a speaker filter's name may mean (``choosing.unlinked_speaker_names``), looked up
    # on every quote list and facet of a speaker: without it, a scan of every speaker's name (2 ms at 100,000).
    "ix_speaker_names_lower": ("speaker_names", "lower(name)"),
    # The lists' other orders (sorting.SORTS), each read off an index in its usual way instead of sorting every
    # row: on 100,000 articles the articles with the most quotes first cost 35 ms, the events told most 33 ms.
    "ix_articles_quotes": ("articles", "n_quotes, pk"),
    "ix_articles_title": ("articles", "title, pk"),
    "ix_events_sources": ("events", "sources, id"),
    "ix_events_type_newest": ("events", "type, day {desc}, id DESC"),
    "ix_entities_name": ("entities", "name, id"),
    "ix_entities_mentions": ("entities", "mentions DESC, articles DESC, name, id"),
    "ix_entities_quotes": ("entities", "quotes DESC, articles DESC, name, id"),
}


def missing(connection: sa.Connection) -> list[str]:
    """The counting indexes this store does not have yet."""
    found = present(connection)
    return [name for name in COUNTING if name not in found]


def present(connection: sa.Connection) -> set[str]:
    """The names of the store's indexes, read off the catalog (SQLAlchemy does not reflect an index on
    an expression from SQLite)."""
    if connection.dialect.name == "postgresql":
        names = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    else:
        names = "SELECT name FROM sqlite_master WHERE type = 'index'"
    return set(connection.exec_driver_sql(names).scalars())


def create_counting(connection: sa.Connection, names: list[str]) -> None:
    """Create the named counting indexes (IF NOT EXISTS: another process may have just made them)."""
    # PostgreSQL follows an index for "DESC NULLS LAST" only when it is built so (schema.NEWEST_FIRST).
    desc = "DESC NULLS LAST" if connection.dialect.name == "postgresql" else "DESC"
    for name in names:
        table, columns = COUNTING[name]
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns.format(desc=desc)})")
