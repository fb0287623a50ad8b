"""Every row of a list under its filters, read in batches: what the CSV and JSON exports of a list write.

A stream gives the same rows as the list pages in the same order, with no row cap,
holding one batch in memory at a time; ``csv_text`` and ``json_text`` turn rows into
text pieces that a web response or a file can write as they come.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from newsgraph.store import queries
from newsgraph.store.records import ArticleRow, EntityRow, EventRow, FigureRow, QuoteRow
from newsgraph.store.sorting import order_by

BATCH = 1000
KINDS = ("articles", "quotes", "entities", "figures", "events")

Row = ArticleRow | EntityRow | EventRow | FigureRow | QuoteRow


def _batches(connection: sa.Connection, statement: sa.Select[Any]) -> Iterator[Sequence[Any]]:
    result = connection.execution_options(yield_per=BATCH).execute(statement)
    yield from result.partitions()


def quote_rows(
    connection: sa.Connection, q: str | None = None, oldest_first: bool = False, **filters: Any
) -> Iterator[QuoteRow]:
    """Quotes under the quote list's filters, newest first (or oldest first, as the list can be)."""
    conditions = queries.all_quote_conditions(connection, q, **filters)
    order = queries.OLDEST_QUOTES_FIRST if oldest_first else queries.QUOTE_ORDER
    statement = queries.quote_select().where(*conditions).order_by(*order)
    for batch in _batches(connection, statement):
        yield from (queries.quote_row(row) for row in batch)


def event_rows(
    connection: sa.Connection, sort: str | None = None, order: str | None = None, **filters: Any
) -> Iterator[EventRow]:
    """Events under the event list's filters, in its order (newest first unless sorted), each with the
    articles telling it."""
    statement = queries.event_statement(connection, **filters).order_by(*order_by("events", sort, order))
    for batch in _batches(connection, statement):
        yield from queries.event_rows(connection, list(batch))


def article_rows(
    connection: sa.Connection,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    sort: str | None = None,
    order: str | None = None,
) -> Iterator[ArticleRow]:
    """Articles under the article list's filters, in its order (newest first unless sorted)."""
    statement = queries.article_statement(q, since, until, source, connection.dialect.name, outlet)
    for batch in _batches(connection, statement.order_by(*order_by("articles", sort, order))):
        yield from (queries.article_row(row) for row in batch)


def entity_rows(
    connection: sa.Connection,
    q: str | None = None,
    type: str | None = None,
    outlet: str | None = None,
    sort: str | None = None,
    order: str | None = None,
) -> Iterator[EntityRow]:
    """Entities under the entity list's filters, in its order (most reported first unless sorted), with
    aliases and titles."""
    statement = queries.entity_statement(q, type, outlet).order_by(*order_by("entities", sort, order))
    for batch in _batches(connection, statement):
        yield from queries.with_names(connection, [queries.entity_row(row) for row in batch])


def figure_rows(connection: sa.Connection, q: str | None = None, counted: str | None = None) -> Iterator[FigureRow]:
    """Figures under the figure list's filters, newest article first."""
    statement = queries.figure_statement(q, counted).order_by(*queries.FIGURE_ORDER)
    for batch in _batches(connection, statement):
        yield from (queries.figure_row(row) for row in batch)


STREAMS: dict[str, Callable[..., Iterator[Any]]] = {
    "articles": article_rows,
    "quotes": quote_rows,
    "entities": entity_rows,
    "figures": figure_rows,
    "events": event_rows,
}


# A spreadsheet runs a cell that starts with one of these as a formula; article text is not ours to run.
FORMULA_START = ("=", "+", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and (value.startswith(FORMULA_START) or value[:1] == "-" and value[1:2].isalpha()):
        return "'" + value
    return value


def csv_text(rows: Iterable[Row]) -> Iterator[str]:
    """CSV of the rows, header first (the rows' own field names), one piece per batch of rows."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for written, row in enumerate(rows, start=1):
        record = row.to_dict()
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in record.items()})
        if written % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def json_text(rows: Iterable[Row]) -> Iterator[str]:
    """A JSON array of the rows, written one row at a time."""
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + json.dumps(row.to_dict(), ensure_ascii=False)
        first = False
    yield "\n]\n"
