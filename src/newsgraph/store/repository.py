"""The Store: the one way into the database, for the CLI, the web app and Python users alike.

All writes go through ``add`` (one transaction per article) and ``ingest`` (which calls
``add``); every read method returns records from ``newsgraph.store.records``. The
same article id is never stored twice, so re-running an ingest changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from newsgraph.errors import ArticleNotFound, EntityNotFound, StoreError
from newsgraph.ingest.sidecar import read_sidecar
from newsgraph.model import Extraction
from newsgraph.settings import db_url_from
from newsgraph.store import aggregates, corrections, indexes, profiles, queries, snapshots, sorting, streams, tallies
from newsgraph.store.aggregates import Facets, SpeakerCount
from newsgraph.store.engine import WRITE, create_engine
from newsgraph.store.loader import Ingestion, ProgressCallback
from newsgraph.store.locking import lock_article, lock_store, must_retry
from newsgraph.store.matching import counted_articles, counted_quotes
from newsgraph.store.migrations import open_schema, stored_version
from newsgraph.store.records import (
    ArticleRow,
    EntityDetail,
    EntityRow,
    EventRow,
    FigureRow,
    IngestReport,
    Page,
    QuoteRow,
    Resolved,
)
from newsgraph.store.resolving import resolve_store
from newsgraph.store.schema import SCHEMA_VERSION, articles, store_rewrites
from newsgraph.store.writer import is_stored, write_extraction

if TYPE_CHECKING:
    from newsgraph.pipeline import Extractor


# Runs of one article's write that PostgreSQL may fail to break a deadlock with another writer.
_ATTEMPTS = 5


class Store:
    """Articles and what was extracted from them, in SQLite (the default) or PostgreSQL.

    ``url`` is a database URL (``sqlite:///path``, ``postgresql://…``), a SQLite file
    path, or None for NEWSGRAPH_DB or the file in the user's data directory.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = db_url_from(url)
        self.engine = create_engine(self.url)
        # Counts in memory for a long-running reader (``keep_tallies``); unused until it is started.
        self.tallies = tallies.Tallies(self.reading, self._version)
        try:
            with self.reading() as connection:
                current = stored_version(connection) == SCHEMA_VERSION
            if not current:
                with self.writing() as connection:
                    open_schema(connection)
            with self.reading() as connection:
                absent = indexes.missing(connection)
            if absent:
                with self.writing() as connection:
                    indexes.create_counting(connection, absent)
        except sa.exc.OperationalError as error:
            self.engine.dispose()
            raise StoreError(f"cannot open the store at {self.location}: {error.orig}") from error

    @property
    def location(self) -> str:
        """The database URL without its password, for messages."""
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Store({self.location!r})"

    def close(self) -> None:
        """Release the database connections (the store can be opened again later)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def writing(self, article: Extraction | None = None) -> Iterator[sa.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        The write of one ``article`` runs beside other articles' writes on PostgreSQL
        (``locking.py``); any other write has the store alone.
        """
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            if article is None:
                lock_store(connection)
            else:
                lock_article(connection, article)
            yield connection

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """One read transaction, so that a page and its count agree: the snapshot's, inside ``snapshot``."""
        held = snapshots.held(self.engine)
        if held is not None:
            yield held.connection
            return
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside the block, in this thread, from one read transaction (a web page's lists,
        counts and version agree, and the version is read once); a block inside another is part of it."""
        if snapshots.held(self.engine) is not None:
            yield
            return
        with snapshots.holding(self.engine):
            yield

    # Writing

    def add(self, extraction: Extraction, run_id: int | None = None) -> bool:
        """Store an extraction in one transaction; False when its article is already stored."""
        attempts = 1
        while True:
            try:
                with self.writing(extraction) as connection:
                    return write_extraction(connection, extraction, run_id)
            except sa.exc.IntegrityError:
                # Another writer stored the same article between our check and our insert.
                if self.has_article(extraction.article.id):
                    return False
                raise
            except sa.exc.OperationalError as error:
                if not must_retry(error) or attempts == _ATTEMPTS:
                    raise
                attempts += 1

    def ingest(
        self,
        paths: Iterable[str | Path],
        extractor: Extractor | None = None,
        published: str | None = None,
        progress: ProgressCallback | None = None,
        outlet: str | None = None,
        language: str | None = None,
        metadata: str | Path | None = None,
    ) -> IngestReport:
        """Read, extract and store every article under ``paths``; what cannot be read is reported, not raised.

        ``outlet`` and ``language`` are set on every article read, instead of what its
        metadata and language detection say. ``metadata`` is a table of each file's outlet,
        date, title and author (``ingest.sidecar``); raises InputError when it cannot be read
        at all, and reports each row it cannot use as a failed input.
        """
        sidecar = read_sidecar(metadata) if metadata is not None else None
        if extractor is None:
            from newsgraph.pipeline import default_extractor

            extractor = default_extractor()
        return Ingestion(self, progress).run(paths, extractor, published, outlet, language, sidecar)

    # Reading

    def has_article(self, article_id: str) -> bool:
        with self.reading() as connection:
            return is_stored(connection, article_id)

    def article(self, article_id: str) -> Extraction:
        """The whole Extraction of one article, as it was added.

        ``article_id`` may be the start of an id (six characters or more) that only one
        stored article has; a start that several have raises AmbiguousArticleId.
        """
        with self.reading() as connection:
            found = queries.resolve_article_id(connection, article_id)
            extraction = queries.read_article(connection, found) if found is not None else None
        if extraction is None:
            raise ArticleNotFound(article_id)
        return extraction

    def articles(
        self,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Page[ArticleRow]:
        """Articles, newest first: ``q`` searches title and text, ``source`` and ``outlet`` are parts of their names.

        ``sort`` is date, quotes or title (``sorting.SORTS``), ``order`` asc or desc (the key's usual way
        when None: newest, most or A first).
        """
        with self.reading() as connection:
            searched = bool(q and q.strip()) and not (since or until or source or outlet)
            usual = sorting.is_default("articles", sort, order)
            if q and searched and usual and (tally := self.tallies.current(connection)) is not None:
                return tallies.search_articles(connection, tally, q, limit, offset)
            return queries.list_articles(connection, q, since, until, source, limit, offset, outlet, sort, order)

    def iter_articles(self) -> Iterator[Extraction]:
        """Every stored Extraction, oldest stored first, read one at a time (for export)."""
        last = 0
        while True:
            with self.reading() as connection:
                batch = connection.execute(
                    sa.select(articles.c.pk, articles.c.id)
                    .where(articles.c.pk > last)
                    .order_by(articles.c.pk)
                    .limit(100)
                ).all()
                if not batch:
                    return
                found = [queries.read_article(connection, row.id) for row in batch]
            last = batch[-1].pk
            yield from (extraction for extraction in found if extraction is not None)

    def quotes(
        self,
        speaker: str | None = None,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article: str | None = None,
        limit: int = 50,
        offset: int = 0,
        kind: str | None = None,
        source: str | None = None,
        oldest_first: bool = False,
        speaker_id: int | None = None,
        outlet: str | None = None,
    ) -> Page[QuoteRow]:
        """Quotes, newest first (or oldest first).

        ``speaker_id`` is a store-wide entity id; ``speaker`` a whole name or alias
        (case-insensitive), taken to mean the most reported record bearing it (the page's
        ``chosen`` says which, and offers the others), or an unlinked speaker written so;
        ``q`` searches the quote's words; since/until compare the day it was said when
        known, else the article's published day; ``kind`` is direct, indirect or mixed;
        ``source`` and ``outlet`` are parts of the article's source and outlet names.
        """
        with self.reading() as connection:
            if outlet and outlet.strip():
                filters: dict[str, Any] = {"speaker": speaker, "since": since, "until": until, "article": article}
                filters |= {"kind": kind, "source": source, "speaker_id": speaker_id, "outlet": outlet}
                if (found := self._quote_tally(connection, q, filters)) is not None:
                    tally, mask = found
                    page = tallies.quote_list(connection, tally, mask, limit, offset, oldest_first)
                    page.chosen = queries.speaker_choice(connection, speaker, speaker_id)
                    return page
            return queries.list_quotes(
                connection,
                speaker,
                q,
                since,
                until,
                article,
                limit,
                offset,
                kind,
                source,
                oldest_first,
                speaker_id,
                outlet,
            )

    def quote_facets(
        self, q: str | None = None, period: str = "month", with_speakers: bool = True, **filters: Any
    ) -> Facets:
        """Counts beside the quote list under the same filters: kinds, top speakers, sources, outlets, per week or
        month."""
        with self.reading() as connection:
            if (found := self._quote_tally(connection, q, filters)) is not None:
                tally, mask = found
                return tally.quote_facets(mask, period, with_speakers)
            with counted_quotes(connection, q, **filters) as (table, conditions):
                return aggregates.quote_facets(connection, conditions, period, table, with_speakers)

    def speakers(
        self,
        q: str | None = None,
        limit: int = 50,
        offset: int = 0,
        sort: str = "quotes",
        order: str | None = None,
        **filters: Any,
    ) -> Page[SpeakerCount]:
        """Speakers of the quotes under the quote filters, with counts by kind; most quoted first (``sort``
        quotes, name or latest, ``order`` asc or desc: see ``aggregates.top_speakers``)."""
        with self.reading() as connection:
            if (found := self._quote_tally(connection, q, filters)) is not None:
                tally, mask = found
                return tally.top_speakers(mask, limit, offset, sort, order)
            with counted_quotes(connection, q, **filters) as (table, conditions):
                return aggregates.top_speakers(connection, conditions, limit, offset, sort, table, order)

    def quote_timeline(self, q: str | None = None, period: str = "week", **filters: Any) -> Facets:
        """Quotes under the quote filters per week or month (e.g. everything one person said, week by week)."""
        with self.reading() as connection:
            if (found := self._quote_tally(connection, q, filters)) is not None:
                tally, mask = found
                return tally.quote_timeline(mask, period)
            with counted_quotes(connection, q, **filters) as (table, conditions):
                return aggregates.quote_timeline(connection, conditions, period, table)

    def _quote_tally(self, connection: sa.Connection, q: str | None, filters: dict[str, Any]) -> Any:
        """The kept Tally and the quotes a filter selects in it, or None to count in the database."""
        tally = self.tallies.current(connection)
        if tally is None:
            return None
        mask = tallies.quote_mask(connection, tally, q, **filters)
        return (tally, mask) if mask is not None else None

    def event_facets(self, period: str = "month", **filters: Any) -> Facets:
        """Counts beside the event list under the same filters: types, top actors and targets, per period."""
        with self.reading() as connection:
            if (tally := self.tallies.current(connection)) is not None:
                return tally.event_facets(tallies.event_mask(connection, tally, **filters), period)
            return aggregates.event_facets(connection, queries.event_statement(connection, **filters), period)

    def article_facets(
        self,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        outlet: str | None = None,
    ) -> Facets:
        """Counts beside the article list: top sources and the entities named in the most of its articles."""
        with self.reading() as connection:
            statement = queries.article_statement(q, since, until, source, connection.dialect.name, outlet)
            filtered = bool(q or since or until or source or outlet)
            tally = self.tallies.current(connection) if filtered else None
            if tally is not None:
                mask = tallies.article_mask(connection, tally, q, since, until, source, outlet)
                if mask is not None:
                    return tally.article_facets(mask)
            with counted_articles(connection, statement, q) as counted:
                return aggregates.article_facets(connection, counted, filtered=filtered)

    def stream(self, listing: str, /, **filters: Any) -> Iterator[Any]:
        """Every row of one list (articles, quotes, entities, figures, events) under its filters, in batches."""
        if listing not in streams.STREAMS:
            raise ValueError(f"no list called {listing!r}: one of {', '.join(streams.KINDS)}")
        with self.reading() as connection:
            yield from streams.STREAMS[listing](connection, **filters)

    def entities(
        self,
        q: str | None = None,
        type: str | None = None,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Page[EntityRow]:
        """Store-wide entities, most widely reported first; ``q`` is a part of a name or alias, ``outlet`` a part
        of the name of an outlet that named them; ``sort`` is articles, mentions, quotes or name."""
        with self.reading() as connection:
            named = self._named_by(connection, outlet)
            return queries.list_entities(connection, q, type, limit, offset, outlet, sort, order, named)

    def entity_facets(self, q: str | None = None, type: str | None = None, outlet: str | None = None) -> Facets:
        """Counts beside the entity list under the same filters: how many of each type."""
        with self.reading() as connection:
            named = self._named_by(connection, outlet)
            statement = queries.entity_statement(q, type, outlet, named, connection.dialect.name)
            return aggregates.entity_facets(connection, statement)

    def _named_by(self, connection: sa.Connection, outlet: str | None) -> list[int] | None:
        """The entities an outlet filter selects, from the kept Tally; None without one (the database finds them)."""
        if not (outlet and outlet.strip()) or (tally := self.tallies.current(connection)) is None:
            return None
        return tally.entities_named_by(outlet)

    def entity(self, id_or_name: int | str, lists: bool = True) -> EntityDetail:
        """One entity by store-wide id, name or alias, with its titles, articles and quotes (none
        without ``lists``: ``entity_quotes`` and ``entity_articles`` page them)."""
        with self.reading() as connection:
            row = profiles.find_entity(connection, id_or_name)
            if row is None:
                raise EntityNotFound(str(id_or_name))
            return profiles.entity_detail(connection, row, lists, self.tallies.current(connection))

    def entity_quotes(self, entity_id: int, about: bool = False, limit: int = 50, offset: int = 0) -> Page[QuoteRow]:
        """One page of the quotes by a store-wide entity (``about``: by others, naming it), newest first."""
        with self.reading() as connection:
            tally = self.tallies.current(connection)
            return profiles.entity_quotes(connection, entity_id, about, limit, offset, tally)

    def entity_articles(self, entity_id: int, limit: int = 50, offset: int = 0) -> Page[ArticleRow]:
        """One page of the articles naming a store-wide entity, newest first."""
        with self.reading() as connection:
            if (tally := self.tallies.current(connection)) is not None:
                return tallies.entity_articles(connection, tally, entity_id, limit, offset)
            return profiles.entity_articles(connection, entity_id, limit, offset)

    def explain(self, entity_id: int) -> list[Resolved]:
        """The names that make up an entity, with how often each was reported and why it is this entity."""
        with self.reading() as connection:
            return corrections.explain(connection, entity_id)

    # Correcting entity resolution (kept as overrides that every later resolution replays)

    def merge_entities(self, keep: int, gone: int) -> int:
        """Make entity ``gone`` part of entity ``keep``, now and for every article added later."""
        with self.writing() as connection:
            kept = corrections.merge(connection, keep, gone)
            _rewritten(connection, "merge")
            return kept

    def split_entity(self, entity_id: int, name: str) -> int:
        """Give the mentions of ``entity_id`` written ``name`` an entity of their own; its id."""
        with self.writing() as connection:
            made = corrections.split(connection, entity_id, name)
            _rewritten(connection, "split")
            return made

    def resolve(self) -> int:
        """Resolve every stored entity again (corrections included); the number of name families."""
        with self.writing() as connection:
            families = resolve_store(connection)
            _rewritten(connection, "resolve")
        return families

    def figures(
        self, q: str | None = None, counted: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[FigureRow]:
        """Figures, newest article first; ``q`` is a part of the figure or what it counts."""
        with self.reading() as connection:
            return queries.list_figures(connection, q, counted, limit, offset)

    def events(
        self,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
        target: str | None = None,
        actor_id: int | None = None,
        outlet: str | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Page[EventRow]:
        """Store-wide events (one per happening, however many articles tell it), newest first.

        ``actor_id`` is a store-wide entity id; ``actor`` a whole name, taken as ``speaker`` is by
        ``quotes``; ``target`` is a store-wide entity id, name or alias, or a part of its name;
        ``outlet`` a part of the outlet name of an article telling it; ``sort`` is date, articles or type.
        """
        with self.reading() as connection:
            if outlet and outlet.strip() and (tally := self.tallies.current(connection)) is not None:
                filters = {"type": type, "actor": actor, "target": target, "since": since, "until": until}
                mask = tallies.event_mask(connection, tally, **filters, actor_id=actor_id, outlet=outlet)
                page = tallies.event_list(connection, tally, mask, limit, offset, sort, order)
                page.chosen = queries.actor_choice(connection, actor, actor_id)
                return page
            return queries.list_events(
                connection, type, actor, since, until, limit, offset, target, actor_id, outlet, sort, order
            )

    def version(self) -> tuple[int, int, int, int]:
        """What caches of counts are keyed by: it changes whenever what the store holds does.

        Articles are only ever added, so the newest key moves with each (and, on PostgreSQL,
        whose concurrent writers may commit out of order, their count too); a rewrite that adds
        no article (a full resolution, a merge or a split, by this process or another) logs a
        row in ``store_rewrites``, whose newest id is part of it, and so is a digest of the
        corrections kept (made by a newsgraph from before that log).
        """
        with self.reading() as connection:
            return self._version(connection)

    def _version(self, connection: sa.Connection) -> tuple[int, int, int, int]:
        """``version`` in ``connection``'s transaction, read again only when the store may have moved."""
        found: tuple[int, int, int, int] = snapshots.version_of(connection, self._read_version)
        return found

    def _read_version(self, connection: sa.Connection) -> tuple[int, int, int, int]:
        newest, rewrite = connection.execute(
            sa.select(sa.select(sa.func.max(articles.c.pk)).scalar_subquery(), sa.func.max(store_rewrites.c.id))
        ).one()
        # SQLite has one writer at a time, so keys are committed in order: counting would add 10 ms at 100,000.
        count = 0
        if connection.dialect.name != "sqlite":
            count = int(connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())
        return int(newest or 0), count, corrections.digest(connection), int(rewrite or 0)

    def event_types(self) -> list[str]:
        """The event types the store holds, in order."""
        with self.reading() as connection:
            if (tally := self.tallies.current(connection)) is not None:
                return list(tally.event_type.values)
            return aggregates.event_types(connection)

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, and by entity type, quote kind and event type."""
        with self.reading() as connection:
            return profiles.store_stats(connection)


def _rewritten(connection: sa.Connection, kind: str) -> None:
    """Log a rewrite of the store that adds no article, in its own transaction (see ``Store.version``)."""
    connection.execute(sa.insert(store_rewrites).values(kind=kind, at=datetime.now(UTC).isoformat(timespec="seconds")))
