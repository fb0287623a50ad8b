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
    """Articles whose title or text hold every word of ``query``.

    ``by_date`` tells SQLite not to fetch the matches by key (unary ``+`` keeps it from
    using the condition to look rows up), so that it walks the published-date index
    instead and stops after one page: much cheaper when most articles match, much
    dearer when few do (``walk_by_date`` decides). PostgreSQL plans this by itself.
    """
    terms = words(query)
    if not terms:
        return sa.false()
    if dialect == "postgresql":
        return sa.text("articles.tsv @@ plainto_tsquery('english', :article_q)").bindparams(article_q=" ".join(terms))
    key = "+articles.pk" if by_date else "articles.pk"
    return sa.text(f"{key} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :article_q)").bindparams(
        article_q=_fts5_query(terms)
    )


def count_article_matches(connection: sa.Connection, query: str) -> int:
    """How many articles hold every word of ``query``, counted in the full-text index alone."""
    terms = words(query)
    if not terms:
        return 0
    if connection.dialect.name == "postgresql":
        statement = sa.text("SELECT count(*) FROM articles WHERE tsv @@ plainto_tsquery('english', :q)")
        return int(connection.execute(statement, {"q": " ".join(terms)}).scalar_one())
    statement = sa.text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q")
    return int(connection.execute(statement, {"q": _fts5_query(terms)}).scalar_one())


# Reading a matching row by key costs about as much as this many steps along the date index.
_LOOKUP_STEPS = 10


def walk_by_date(matches: int, articles: int, wanted: int) -> bool:
    """Whether finding the newest ``wanted`` of ``matches`` articles (of ``articles`` in all)
    is cheaper by walking all articles newest first than by reading and sorting every match.

    Walking takes about ``wanted * articles / matches`` steps when matches are spread over
    time; sorting reads each match.
    """
    return wanted * articles < _LOOKUP_STEPS * matches * matches


def quote_match(dialect: str, query: str) -> Condition:
    """Quotes whose text holds every word of ``query``."""
    terms = words(query)
    if not terms:
        return sa.false()
    if dialect == "postgresql":
        return sa.text("quotes.tsv @@ plainto_tsquery('english', :quote_q)").bindparams(quote_q=" ".join(terms))
    return sa.text("quotes.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :quote_q)").bindparams(
        quote_q=_fts5_query(terms)
    )
