"""The tables of the store, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Each extracted item keeps the columns that queries filter and sort on, plus ``data``:
the item's own contract JSON, so that ``Store.article`` gives back exactly the
``Extraction`` that was added, whatever optional fields the model grows.
Full-text search is dialect-specific and lives beside these tables in ``search.py``.
"""

from __future__ import annotations

import sqlalchemy as sa

# Bump with a function in migrations.MIGRATIONS that brings the previous version here.
SCHEMA_VERSION = 8

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started", sa.String(32), nullable=False),
    sa.Column("finished", sa.String(32)),
    sa.Column("paths", sa.JSON, nullable=False),
    sa.Column("new", sa.Integer, nullable=False, default=0),
    sa.Column("existing", sa.Integer, nullable=False, default=0),
    sa.Column("failed", sa.Integer, nullable=False, default=0),
    sa.Column("failures", sa.JSON, nullable=False, default=list),
    # The process running the ingest, so that the next run can tell one killed half way (version 5).
    sa.Column("pid", sa.Integer),
    sa.Column("host", sa.String(255)),
    # When a later run found this one dead without having finished.
    sa.Column("abandoned", sa.String(32)),
)

articles = sa.Table(
    "articles",
    metadata,
    # An integer key for the full-text index; ``id`` is the article's own stable id.
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("section", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("source", sa.Text, index=True),
    # Who published it, who wrote it and its language (ISO 639-1): filters and the article page.
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("author", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("metadata", sa.JSON, nullable=False, default=dict),
    sa.Column("schema", sa.String(32), nullable=False),
    sa.Column("words", sa.Integer, nullable=False, default=0),
    sa.Column("n_entities", sa.Integer, nullable=False, default=0),
    sa.Column("n_quotes", sa.Integer, nullable=False, default=0),
    sa.Column("n_figures", sa.Integer, nullable=False, default=0),
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id")),
    sa.Column("added", sa.String(32), nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    # The folded canonical name that links articles' entities to this record.
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
    sa.Column("mentions", sa.Integer, nullable=False, default=0),
    sa.Column("quotes", sa.Integer, nullable=False, default=0),
    sa.Column("first_seen", sa.String(32)),
    sa.Column("last_seen", sa.String(32)),
    # The resolution family (resolution.py) whose plan made this record; null for an article's own.
    sa.Column("family", sa.Text, index=True),
    sa.Index("ix_entities_type_key", "type", "key"),
    # Lookups by name alone (a speaker or actor filter, an entity page) know no type.
    sa.Index("ix_entities_key", "key"),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("alias", sa.Text, nullable=False),
    # Full names (two tokens or more) may link another article's entity; single words may not.
    sa.Column("full", sa.Boolean, nullable=False),
    sa.Index("ix_entity_aliases_key", "key"),
)

entity_titles = sa.Table(
    "entity_titles",
    metadata,
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("title", sa.Text, primary_key=True),
    sa.Column("first_seen", sa.String(32)),
    sa.Column("last_seen", sa.String(32)),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
)

article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("local_id", sa.String(32), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("affiliation", sa.Text),
    sa.Column("data", sa.JSON, nullable=False),
    # The entity's resolution signature (resolution.Signature); family null when it is no name.
    sa.Column("family", sa.Text),
    sa.Column("key", sa.Text),
    sa.Column("hint", sa.Text),
    # Covering: an entity's articles, mentions and affiliations are found without reading these rows.
    sa.Index("ix_article_entities_entity", "entity_id", "article_id", "local_id", "affiliation"),
    # The rows of one signature that still point at one record: what a changed plan moves.
    sa.Index("ix_article_entities_signature", "family", "key", "type", "hint", "entity_id"),
)

# One row per signature (family, folded name, type, hint) with its counts over the store and
# the record the family's plan gives it: resolving a family reads these, never its articles.
entity_signatures = sa.Table(
    "entity_signatures",
    metadata,
    sa.Column("family", sa.Text, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("type", sa.String(32), primary_key=True),
    sa.Column("hint", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
    sa.Column("mentions", sa.Integer, nullable=False, default=0),
    # Of its articles, those where a full name of its family stood beside it ("DuVernay" beside "Ava DuVernay").
    sa.Column("beside", sa.Integer, nullable=False, default=0),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("reason", sa.Text),
)

# Corrections by hand (``newsgraph entities merge/split``), replayed by every later resolution.
entity_overrides = sa.Table(
    "entity_overrides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # "merge": records (type, key) join (into_type, into_key); "split": signatures named key leave their record.
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("key", sa.Text, nullable=False, index=True),
    sa.Column("into_type", sa.String(32)),
    sa.Column("into_key", sa.Text),
    sa.Column("added", sa.String(32), nullable=False),
)

# Rewrites of the whole store that add no article (a full resolution, a merge, a split), one row each:
# the largest id is part of ``Store.version``, so that a server's counts see one made by another process.
store_rewrites = sa.Table(
    "store_rewrites",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("local_id", sa.String(32), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(["article_id", "local_id"], ["article_entities.article_id", "article_entities.local_id"]),
    # Covering: whether a mention lies inside a quote is known from the index alone.
    sa.Index("ix_mentions_article_entity_span", "article_id", "local_id", "start", "end"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("local_id", sa.String(32), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("speaker_local", sa.String(32)),
    sa.Column("speaker_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("speaker_name", sa.Text, index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("parts", sa.JSON, nullable=False, default=list),
    sa.Column("date", sa.String(32)),
    # The day it was said when the article tells, else the article's published day: what since/until filter.
    sa.Column("said_on", sa.String(10), index=True),
    # Copies of the article's published date and key (never changed once written): quotes sort
    # newest first on their own columns, so a page of them is found before any article is read.
    sa.Column("article_published", sa.String(32)),
    sa.Column("article_pk", sa.Integer),
    sa.Column("data", sa.JSON, nullable=False),
    sa.UniqueConstraint("article_id", "position"),
    # Covering: which quotes of an article hold a given span (and who said them), from the index alone.
    sa.Index("ix_quotes_article_span", "article_id", "start", "end", "speaker_entity_id"),
)

# Every distinct speaker name once: a part-of-a-name speaker filter scans these, not every quote.
speaker_names = sa.Table(
    "speaker_names",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("value", sa.JSON),
    sa.Column("approx", sa.Text),
    sa.Column("unit", sa.Text),
    sa.Column("counted", sa.Text, index=True),
    sa.Column("claimed_by", sa.Text),
    sa.Column("change", sa.String(8)),
    sa.Column("data", sa.JSON, nullable=False),
)

dates = sa.Table(
    "dates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("value", sa.String(64)),
    sa.Column("data", sa.JSON, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # type|actor|date|negated over store-wide ids (linking.event_key); null when too little is known to merge.
    sa.Column("key", sa.Text, index=True),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("mode", sa.String(32)),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("target_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("location_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("date", sa.String(64)),
    # The event's date, else the first telling article's published day: what since/until filter.
    sa.Column("day", sa.String(32), index=True),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("sources", sa.Integer, nullable=False, default=0),
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("local_id", sa.String(32), nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("reported_by", sa.String(32)),
    sa.Column("data", sa.JSON, nullable=False),
)


# Lists are newest first; these indexes hold articles and quotes (all, or one speaker's) in
# that order, so that a page is read off an index instead of sorting every match. Written
# as DDL because PostgreSQL follows an index for "DESC NULLS LAST" only when it is built so,
# while SQLite refuses NULLS LAST in an index and already keeps nulls last in a DESC one.
NEWEST_FIRST = {
    "ix_articles_newest": ("articles", "published {desc}, pk DESC"),
    "ix_quotes_newest": ("quotes", "article_published {desc}, article_pk DESC, position"),
    "ix_quotes_speaker_newest": ("quotes", "speaker_entity_id, article_published {desc}, article_pk DESC, position"),
}


def create_newest_first(connection: sa.Connection) -> None:
    """Build the NEWEST_FIRST indexes in the form the connection's database can walk."""
    desc = "DESC NULLS LAST" if connection.dialect.name == "postgresql" else "DESC"
    for name, (table, columns) in NEWEST_FIRST.items():
        connection.exec_driver_sql(f"CREATE INDEX {name} ON {table} ({columns.format(desc=desc)})")
