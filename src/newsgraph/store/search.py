"""Full-text search over article titles and texts and over quotes: FTS5 on SQLite, tsvector on PostgreSQL.

Both indexes stem English words (porter / the 'english' configuration), so "bridges"
finds "bridge" in either backend. A search is the words of what the user typed, all
required; the user's text reaches the database only as a bound parameter, and FTS5's
query syntax is neutralised by quoting each word.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

_WORD = re.compile(r"\w+")

Condition = sa.ColumnElement[bool] | sa.TextClause

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
    "text, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
)

POSTGRES_DDL = (
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING GIN (tsv)",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_quotes_tsv ON quotes USING GIN (tsv)",
)


def create_fulltext(connection: sa.Connection) -> None:
    """Add the full-text indexes (and, on SQLite, the triggers that keep them in sync)."""
    statements = POSTGRES_DDL if connection.dialect.name == "postgresql" else SQLITE_DDL
    for statement in statements:
        connection.exec_driver_sql(statement)


def words(query: str) -> list[str]:
    """The words of a search, without any operator or punctuation."""
    return _WORD.findall(query)


def _fts5_query(terms: list[str]) -> str:
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def article_match(dialect: str, query: str, by_date: bool = False) -> Condition:
    """Articles whose title or text hold every word of ``query`` (see ``_match`` for ``by_date``)."""
    return _match(dialect, "articles", "pk", query, by_date)


def quote_match(dialect: str, query: str, by_date: bool = False) -> Condition:
    """Quotes whose text holds every word of ``query`` (see ``_match`` for ``by_date``)."""
    return _match(dialect, "quotes", "id", query, by_date)


def count_article_matches(connection: sa.Connection, query: str) -> int:
    """How many articles hold every word of ``query``, counted in the full-text index alone."""
    return _count(connection, "articles", query)


def count_quote_matches(connection: sa.Connection, query: str) -> int:
    """How many quotes hold every word of ``query``, counted in the full-text index alone."""
    return _count(connection, "quotes", query)


def article_keys(connection: sa.Connection, query: str) -> str:
    """The keys (``pk``) of the articles holding every word of ``query``, as one comma-separated string."""
    return _keys(connection, "articles", "pk", query)


def quote_keys(connection: sa.Connection, query: str) -> str:
    """The ids of the quotes holding every word of ``query``, as one comma-separated string."""
    return _keys(connection, "quotes", "id", query)


def _keys(connection: sa.Connection, table: str, key: str, query: str) -> str:
    """Read off the full-text index alone on SQLite; through the GIN index on PostgreSQL.

    Joined into one string by the database: a common word is in 100,000 quotes, which cost
    about 80 ms to fetch as rows and 5 ms as one string.
    """
    terms = words(query)
    if not terms:
        return ""
    if connection.dialect.name == "postgresql":
        statement = sa.text(
            f"SELECT string_agg({key}::text, ',') FROM {table} WHERE tsv @@ plainto_tsquery('english', :q)"
        )
        found = connection.execute(statement, {"q": " ".join(terms)}).scalar()
    else:
        statement = sa.text(f"SELECT group_concat(rowid, ',') FROM {table}_fts WHERE {table}_fts MATCH :q")
        found = connection.execute(statement, {"q": _fts5_query(terms)}).scalar()
    return str(found or "")


def _match(dialect: str, table: str, key: str, query: str, by_date: bool) -> Condition:
    """Rows of ``table`` holding every word of ``query``.

    ``by_date`` tells SQLite not to fetch the matches by key (unary ``+`` keeps it from
    using the condition to look rows up), so that it walks its newest-first index instead
    and stops after one page: much cheaper when most rows match, much dearer when few do
    (``walk_by_date`` decides). PostgreSQL plans this by itself from its statistics.
    """
    terms = words(query)
    if not terms:
        return sa.false()
    if dialect == "postgresql":
        return sa.text(f"{table}.tsv @@ plainto_tsquery('english', :{table}_q)").bindparams(
            sa.bindparam(f"{table}_q", " ".join(terms))
        )
    column = f"+{table}.{key}" if by_date else f"{table}.{key}"
    return sa.text(f"{column} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{table}_q)").bindparams(
        sa.bindparam(f"{table}_q", _fts5_query(terms))
    )


def _count(connection: sa.Connection, table: str, query: str) -> int:
    terms = words(query)
    if not terms:
        return 0
    if connection.dialect.name == "postgresql":
        statement = sa.text(f"SELECT count(*) FROM {table} WHERE tsv @@ plainto_tsquery('english', :q)")
        return int(connection.execute(statement, {"q": " ".join(terms)}).scalar_one())
    statement = sa.text(f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q")
    return int(connection.execute(statement, {"q": _fts5_query(terms)}).scalar_one())


# Reading a matching row by key costs about as much as this many steps along the date index.
_LOOKUP_STEPS = 10


def walk_by_date(matches: int, rows: int, wanted: int) -> bool:
    """Whether finding the newest ``wanted`` of ``matches`` rows (of ``rows`` in all) is
    cheaper by walking all rows newest first than by reading and sorting every match.

    Walking takes about ``wanted * rows / matches`` steps when matches are spread over
    time; sorting reads each match.
    """
    return wanted * rows < _LOOKUP_STEPS * matches * matches
