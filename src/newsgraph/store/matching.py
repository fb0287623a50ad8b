"""The quotes (or articles) a filter with words matches, found once and then counted as often as needed.

A facet page counts the same quotes five ways (in all, by kind, speaker, source and
day). With words in the filter each of those statements would look the words up in the
full-text index again and intersect them with the other conditions: on 100,000
generated articles a common word is in 170,000 quotes, and each lookup costs about
80 ms before anything is counted. On SQLite the matching quotes' counted columns are
written once to a temporary table of the connection, and every count reads that table
alone. The articles beside an article list are counted the same way. PostgreSQL plans
the repeated conditions itself and keeps them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from newsgraph.store.queries import all_quote_conditions
from newsgraph.store.schema import articles, quotes

# The columns the quote counts read (aggregates.quote_facets, top_speakers, quote_timeline), and
# the source and outlet of each quote's article, read once here rather than joined by every count.
MATCHED = sa.Table(
    "quote_matches",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64)),
    sa.Column("kind", sa.String(16)),
    sa.Column("speaker_entity_id", sa.Integer),
    sa.Column("speaker_name", sa.Text),
    sa.Column("said_on", sa.String(10)),
    sa.Column("source", sa.Text),
    sa.Column("outlet", sa.Text),
    prefixes=["TEMPORARY"],
)

# The columns copied from each quote's article rather than from the quote.
_OF_ARTICLE = ("source", "outlet")
_DROP = "DROP TABLE IF EXISTS temp.quote_matches"


@contextmanager
def counted_quotes(connection: sa.Connection, q: str | None, **filters: Any) -> Iterator[tuple[sa.Table, list[Any]]]:
    """The table to count the quotes under a filter in, and the conditions to count them with.

    Without words, or on PostgreSQL: ``quotes`` and the filter's conditions. With words on
    SQLite: a temporary table already holding exactly the matching quotes, and no condition;
    it is dropped when the block ends.
    """
    conditions = all_quote_conditions(connection, q, **filters)
    if connection.dialect.name != "sqlite" or not (q and q.strip()):
        yield quotes, conditions
        return
    connection.exec_driver_sql(_DROP)
    MATCHED.create(connection)
    try:
        names = [column.name for column in MATCHED.c if column.name not in _OF_ARTICLE]
        # Subqueries, not a join: the planner keeps walking the quotes' own index.
        of_article = [
            sa.select(articles.c[name]).where(articles.c.pk == quotes.c.article_pk).scalar_subquery()
            for name in _OF_ARTICLE
        ]
        found = sa.select(*(quotes.c[name] for name in names), *of_article).where(*conditions)
        connection.execute(sa.insert(MATCHED).from_select([*names, *_OF_ARTICLE], found))
        yield MATCHED, []
    finally:
        connection.exec_driver_sql(_DROP)


# The columns the article counts read (aggregates.article_facets).
MATCHED_ARTICLES = sa.Table(
    "article_matches",
    sa.MetaData(),
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("id", sa.String(64)),
    sa.Column("source", sa.Text),
    sa.Column("outlet", sa.Text),
    prefixes=["TEMPORARY"],
)

_DROP_ARTICLES = "DROP TABLE IF EXISTS temp.article_matches"


@contextmanager
def counted_articles(connection: sa.Connection, statement: sa.Select[Any], q: str | None) -> Iterator[sa.Select[Any]]:
    """The articles ``statement`` selects, as a statement of their ids, sources and outlets to count them with.

    With words on SQLite they are first written to a temporary table (dropped when the block
    ends), so that the full-text index is read once, not once per count.
    """
    if connection.dialect.name != "sqlite" or not (q and q.strip()):
        yield statement
        return
    connection.exec_driver_sql(_DROP_ARTICLES)
    MATCHED_ARTICLES.create(connection)
    try:
        found = statement.with_only_columns(articles.c.pk, articles.c.id, articles.c.source, articles.c.outlet)
        connection.execute(sa.insert(MATCHED_ARTICLES).from_select(["pk", "id", "source", "outlet"], found))
        yield sa.select(MATCHED_ARTICLES.c.id, MATCHED_ARTICLES.c.source, MATCHED_ARTICLES.c.outlet)
    finally:
        connection.exec_driver_sql(_DROP_ARTICLES)
