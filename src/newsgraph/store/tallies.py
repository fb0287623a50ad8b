"""Which filters a Tally answers, and keeping one current beside a long-running reader (the web server).

A ``Tallies`` keeper holds the newest ``Tally`` of its store and hands it out only to a
read transaction that sees the same store version; otherwise the caller counts in the
database (always exact, slower). When the store has moved on, a new Tally is read in a
background thread: one at a time, and at most one tenth of the time (a store written
to without pause, during an ingest, is counted in the database until the writes stop).
Only a keeper that was started (``start``: the web app does) reads in the background,
so one-off commands never pay for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import numpy as np
import sqlalchemy as sa

from newsgraph.store.choosing import row_id, unlinked_names
from newsgraph.store.queries import (
    ARTICLE_COLUMNS,
    actor_choice,
    article_row,
    contains,
    entity_matches,
    event_rows,
    event_statement,
    quote_row,
    quote_select,
    speaker_choice,
)
from newsgraph.store.records import ArticleRow, EventRow, Page, QuoteRow
from newsgraph.store.schema import articles, entities, events, quotes
from newsgraph.store.search import article_keys, quote_keys
from newsgraph.store.tally import Mask, Tally

# The least time between two background reads, and the share of time they may take.
MIN_GAP_S = 2.0
DUTY = 0.1

Reading = Callable[[], AbstractContextManager[sa.Connection]]
Version = Callable[[sa.Connection], Any]


class Tallies:
    """The newest Tally of one store, read again in the background when the store moves on."""

    def __init__(self, reading: Reading, version: Version) -> None:
        self._reading = reading
        self._version = version
        self._tally: Tally | None = None
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._started = False
        self._next = 0.0
        # Why the last background read failed, if it did (the database counted meanwhile).
        self.failure: str | None = None

    def start(self) -> None:
        """Keep a Tally from now on (reading the first one in the background)."""
        self._started = True
        self._refresh()

    def read(self) -> Tally:
        """Read a Tally now, in this thread, and keep it."""
        started = time.monotonic()
        with self._reading() as connection:
            tally = Tally.read(connection, self._version(connection))
        self._tally = tally
        self._next = time.monotonic() + max(MIN_GAP_S, (time.monotonic() - started) / DUTY)
        return tally

    def _read_in_background(self) -> None:
        """``read``; a failure leaves the counting to the database and is not retried before the gap."""
        started = time.monotonic()
        try:
            self.read()
        except Exception as error:  # noqa: BLE001 - any failure only means the database keeps counting
            self._next = time.monotonic() + max(MIN_GAP_S, (time.monotonic() - started) / DUTY)
            self.failure = repr(error)

    def current(self, connection: sa.Connection) -> Tally | None:
        """The kept Tally when it is of the version ``connection`` reads, else None (and a new one is read)."""
        tally = self._tally
        if tally is not None and tally.version == self._version(connection):
            return tally
        self._refresh()
        return None

    def _refresh(self) -> None:
        if not self._started:
            return
        with self._lock:
            if (self._worker is not None and self._worker.is_alive()) or time.monotonic() < self._next:
                return
            self._worker = threading.Thread(target=self._read_in_background, name="newsgraph-tally", daemon=True)
            self._worker.start()

    def wait(self) -> None:
        """Wait for a background read under way (tests, benchmarks)."""
        worker = self._worker
        if worker is not None:
            worker.join()


# What each filter of the lists becomes in a Tally: None when a filter is one the Tally cannot apply
# (the part of a source name), so that the database counts it.


def quote_mask(
    connection: sa.Connection,
    tally: Tally,
    q: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    kind: str | None = None,
    source: str | None = None,
    speaker_id: int | None = None,
    outlet: str | None = None,
) -> Mask | None:
    """The quotes ``queries.all_quote_conditions`` selects, or None when a filter needs the database."""
    if source and source.strip():
        return None
    chosen = speaker_choice(connection, speaker, speaker_id)
    unlinked: list[str] = []
    if chosen is not None and speaker_id is None and speaker is not None and row_id(speaker) is None:
        unlinked = unlinked_names(connection, speaker)
    matching = _matching(connection, tally, "quotes", q) if q and q.strip() else None
    pk = None
    if article is not None:
        # An id no article has selects nothing (no key is negative).
        pk = connection.execute(sa.select(articles.c.pk).where(articles.c.id == article)).scalar() or -2
    return tally.quote_mask(chosen, unlinked, since, until, pk, kind, matching, outlet=outlet)


def event_mask(
    connection: sa.Connection,
    tally: Tally,
    type: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor_id: int | None = None,
    outlet: str | None = None,
) -> Mask:
    """The events ``queries.event_statement`` selects."""
    chosen = actor_choice(connection, actor, actor_id)
    targets = None
    if target and target.strip():
        meant = sa.select(entities.c.id).where(
            sa.or_(
                entities.c.id.in_(entity_matches(target)),
                contains(entities.c.name, target.strip()),
            )
        )
        targets = list(connection.execute(meant).scalars())
    actor_record = chosen.chosen if chosen is not None else None
    return tally.event_mask(type, actor_record, chosen is not None, targets, since, until, outlet)


def article_mask(
    connection: sa.Connection,
    tally: Tally,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
) -> Mask | None:
    """The articles ``queries.article_statement`` selects, or None when a filter needs the database."""
    if source and source.strip():
        return None
    matching = _matching(connection, tally, "articles", q) if q and q.strip() else None
    return tally.article_mask(since, until, matching, outlet)


def quote_list(
    connection: sa.Connection, tally: Tally, mask: Mask, limit: int, offset: int, oldest_first: bool
) -> Page[QuoteRow]:
    """``queries.list_quotes`` of the quotes under ``mask``: counted and put in order in memory, only the page's
    rows read (an outlet's quotes are a fifth of all at 100,000 articles: 70 ms to count in the database)."""
    ids = tally.quote_page(mask, limit, offset, oldest_first).tolist()
    rows = connection.execute(quote_select().where(quotes.c.id.in_(ids))).all() if ids else []
    by_id = {row.id: row for row in rows}
    items = [quote_row(by_id[i]) for i in ids if i in by_id]
    return Page(items=items, total=int(np.count_nonzero(mask)), limit=limit, offset=offset)


def event_list(
    connection: sa.Connection, tally: Tally, mask: Mask, limit: int, offset: int, sort: str | None, order: str | None
) -> Page[EventRow]:
    """``queries.list_events`` of the events under ``mask``, counted and put in order in memory."""
    ids = tally.event_page(mask, limit, offset, sort, order).tolist()
    found = connection.execute(event_statement(connection).where(events.c.id.in_(ids))).all() if ids else []
    by_id = {row.id: row for row in found}
    rows = event_rows(connection, [by_id[i] for i in ids if i in by_id])
    return Page(items=rows, total=int(np.count_nonzero(mask)), limit=limit, offset=offset)


def search_articles(connection: sa.Connection, tally: Tally, q: str, limit: int, offset: int) -> Page[ArticleRow]:
    """``queries.list_articles`` of a search alone: the matches (kept by the Tally, which the page's
    facets read too) counted and ranked newest first in memory; only the page's rows are read."""
    found = _matching(connection, tally, "articles", q)
    return _newest(connection, tally, found, int(np.count_nonzero(found)), limit, offset)


def entity_articles(connection: sa.Connection, tally: Tally, entity: int, limit: int, offset: int) -> Page[ArticleRow]:
    """``profiles.entity_articles``: the entity's articles counted and ranked newest first in memory."""
    naming = tally.articles_naming(entity)
    return _newest(connection, tally, naming, len(naming), limit, offset)


def _newest(
    connection: sa.Connection, tally: Tally, found: Mask, total: int, limit: int, offset: int
) -> Page[ArticleRow]:
    """One page of the ``total`` articles ``found`` (see ``Tally.newest_articles``), newest first: only the
    page's rows are read."""
    keys = tally.newest_articles(found, limit + offset)[offset:]
    rows = connection.execute(sa.select(*ARTICLE_COLUMNS, articles.c.pk).where(articles.c.pk.in_(keys.tolist())))
    by_key = {row.pk: row for row in rows}
    items = [article_row(by_key[key]) for key in keys.tolist() if key in by_key]
    return Page(items=items, total=total, limit=limit, offset=offset)


def _matching(connection: sa.Connection, tally: Tally, kind: str, q: str) -> Mask:
    """Which articles or quotes hold every word of ``q`` (``Tally.matching``). FTS5 requires each quoted
    word on its own, so each is looked up once; PostgreSQL's query drops stop words, so it is looked up whole."""
    lookup = article_keys if kind == "articles" else quote_keys
    each_word = connection.dialect.name == "sqlite"
    return tally.matching(kind, q, lambda text: _keys(lookup(connection, text)), each_word)


def _keys(found: str) -> np.ndarray:
    """Keys joined by commas, as integers."""
    return np.fromstring(found, dtype=np.int64, sep=",") if found else np.zeros(0, dtype=np.int64)
