"""The columns that facets count, held in memory as arrays: every count under any filter in milliseconds.

On 100,000 articles, counting in the database what a facet shows (speakers, kinds,
sources and days of the quotes that hold a common word; the people named in the
articles that do) reads hundreds of thousands of index entries per request: 0.1 to 1 s.
A ``Tally`` reads the few counted columns of quotes, events and article-entity links
once (a second or two at that size) and then counts any filter with numpy in a few
milliseconds. It is a snapshot of one store ``version`` (``Store.version``): whoever
uses it checks that version in the same read transaction, so a count is never read
from a snapshot older than the data (``Store`` falls back to the database meanwhile).

Each count reproduces its database statement in ``aggregates`` exactly, ties and
order included: strings are coded by their rank among the distinct values, so that
comparing codes compares the strings, and since/until become ranges of codes.
Words are still looked up in the database's full-text index; only the keys of the
matching rows come back.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import sqlalchemy as sa

from newsgraph.store.aggregates import (
    FACET_SIZE,
    QUOTE_KINDS,
    Count,
    Facets,
    SpeakerCount,
    check_period,
    check_speaker_sort,
    period_of,
    period_start,
    periods,
)
from newsgraph.store.queries import ARTICLE_ORDER
from newsgraph.store.records import Page
from newsgraph.store.schema import articles
from newsgraph.store.search import words
from newsgraph.store.sorting import directions

Mask = Any  # a numpy array of booleans, one per row
_NONE = -1
# How many words' (or searches') matches a Tally keeps: a boolean per article or quote (at 100,000
# articles, 0.1 MB for articles and 0.45 MB for quotes each).
MATCHES = 64
_LAST = np.iinfo(np.int64).max
# Sorting the selected rows costs less than walking an order made once for all rows only when they are
# fewer than one in this many (at 450,000 quotes, sorting 60,000 costs 5 ms, walking all 0.5 ms).
SORTED_FEW = 64


@dataclass(frozen=True)
class Coded:
    """Distinct strings in order (so that codes compare as the strings do) and each row's code (-1: null)."""

    values: list[str]
    codes: np.ndarray

    @classmethod
    def of(cls, column: Sequence[str | None]) -> Coded:
        values = sorted({value for value in column if value is not None})
        rank = {value: index for index, value in enumerate(values)}
        codes = np.fromiter((_NONE if v is None else rank[v] for v in column), dtype=np.int32, count=len(column))
        return cls(values, codes)

    def reordered(self, order: np.ndarray) -> Coded:
        return Coded(self.values, self.codes[order])

    def code(self, value: str) -> int | None:
        index = bisect.bisect_left(self.values, value)
        return index if index < len(self.values) and self.values[index] == value else None

    def day_range(self, since: str | None, until: str | None) -> Mask | None:
        """Rows whose first ten characters fall within since..until (as ``substr(x, 1, 10)`` compares), or
        None without bounds. Truncating keeps the order, so each bound is one cut in the sorted values."""
        if not since and not until:
            return None
        days = self._days
        low = bisect.bisect_left(days, since[:10]) if since else 0
        high = bisect.bisect_right(days, until[:10]) if until else len(days)
        return (self.codes >= low) & (self.codes < high)

    @cached_property
    def _days(self) -> list[str]:
        """Each value's first ten characters, in order (made once: a store holds thousands of days)."""
        return [value[:10] for value in self.values]

    @cached_property
    def dates(self) -> list[date | None]:
        """Each value's calendar day (its first ten characters), None when it is none (as ``aggregates._days``)."""
        found: list[date | None] = []
        for value in self.values:
            try:
                found.append(date.fromisoformat(value[:10]))
            except ValueError:
                found.append(None)
        return found

    @cached_property
    def _ordinals(self) -> np.ndarray:
        return np.array([d.toordinal() if d is not None else _NONE for d in self.dates], dtype=np.int64)

    @cached_property
    def _starts(self) -> dict[str, np.ndarray]:
        """Each value's period start (as a day ordinal) by period: weeks, months and years."""
        return {
            period: np.array(
                [period_start(d, period).toordinal() if d is not None else _NONE for d in self.dates], dtype=np.int64
            )
            for period in ("week", "month", "year")
        }

    def timeline(self, chosen: Mask, period: str) -> tuple[list[Count], str, int]:
        """``aggregates.timeline`` of the rows ``chosen``: counted per value here, then per period."""
        check_period(period)
        codes = self.codes[chosen]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.values))
        dated = self._ordinals >= 0
        undated = int(np.count_nonzero(codes < 0)) + int(counts[~dated].sum())
        present = np.flatnonzero((counts > 0) & dated)
        if not len(present):
            return [], period, undated
        first = date.fromordinal(int(self._ordinals[present].min()))
        last = date.fromordinal(int(self._ordinals[present].max()))
        used = period_of(first, last, period)
        starts, at = np.unique(self._starts[used][present], return_inverse=True)
        sums = np.bincount(at, weights=counts[present])
        by_start = {date.fromordinal(int(s)): int(n) for s, n in zip(starts, sums, strict=True)}
        return periods(by_start, first, last, used), used, undated

    def holding(self, part: str) -> np.ndarray:
        """The codes of the values holding ``part``, ignoring case (as ``queries.contains`` selects them):
        the distinct values are tested, not the rows."""
        wanted = part.strip().lower()
        return np.asarray([code for code, value in enumerate(self.values) if wanted in value.lower()], dtype=np.int32)

    def per_value(self, mask: Mask) -> list[tuple[str | None, int]]:
        """(value, count) of the rows under ``mask``, nulls as one (None, count), like GROUP BY."""
        chosen = self.codes[mask]
        counts = np.bincount(chosen[chosen >= 0], minlength=len(self.values))
        found: list[tuple[str | None, int]] = [(self.values[i], int(counts[i])) for i in np.flatnonzero(counts)]
        nulls = int(np.count_nonzero(chosen < 0))
        return [(None, nulls), *found] if nulls else found


def _rows(connection: sa.Connection, statement: str) -> list[tuple[Any, ...]]:
    """All rows of ``statement``, fetched by the driver's own cursor in the connection's transaction
    (SQLAlchemy's rows cost several times more for the millions of values read here)."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(statement)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _ints(connection: sa.Connection, source: str, *columns: str) -> list[np.ndarray]:
    """Integer columns of every row of ``source`` (null: -1), in one row order.

    The database joins each column into one string (a hundred thousand rows cost about
    ten times less so than as rows); the aggregates of one query read the rows in one order.
    """
    if connection.dialect.name == "postgresql":
        joined = [f"string_agg(coalesce({c}, -1)::text, ',')" for c in columns]
    else:
        joined = [f"group_concat(coalesce({c}, -1), ',')" for c in columns]
    found = connection.exec_driver_sql(f"SELECT {', '.join(joined)} FROM {source}").one()
    return [np.fromstring(v, dtype=np.int64, sep=",") if v else np.zeros(0, dtype=np.int64) for v in found]


def _coded(connection: sa.Connection, statement: str, keys: np.ndarray) -> Coded:
    """The strings of ``statement``'s (key, value) rows, coded, in the order of the sorted ``keys``."""
    rows = _rows(connection, statement)
    order = np.argsort(np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))
    return Coded.of([r[1] for r in rows]).reordered(order)


class Tally:
    """The counted columns of one store version (see the module docstring); build it with ``Tally.read``."""

    def __init__(self, version: Any) -> None:
        self.version = version
        self._matches: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._matches_lock = threading.Lock()
        self._outlets: OrderedDict[tuple[str, str], Any] = OrderedDict()

    def matching(self, kind: str, query: str, find: Callable[[str], np.ndarray], each_word: bool) -> Mask:
        """Which ``kind`` rows (articles or quotes) hold every word of ``query``: ``find`` gives the keys
        of the rows holding a text; never to be written to.

        A common word is in a fifth of all quotes: reading its matches off the full-text index
        costs 10-20 ms at 100,000 articles, more than the counting. With ``each_word`` (the
        index requires each word on its own, as FTS5 does), each word's rows are found once and
        a search is their intersection, so that a new pair of common words costs no lookup;
        else the whole query is one lookup. The last MATCHES lookups are kept with the Tally,
        so they are as current as it is.
        """
        terms = words(query)
        whole = " ".join(terms)
        texts = list(dict.fromkeys(terms)) if each_word else [whole]
        found: Mask | None = None
        for text in texts:
            rows = self._matched(kind, text, find)
            if len(texts) > 1 and not rows.any():
                # FTS5 skips a word it reads as no token at all ("_"), which alone matches nothing:
                # a word matching nothing may be one, so the whole search is looked up.
                return self._matched(kind, whole, find)
            found = rows if found is None else found & rows
        return found if found is not None else np.zeros(len(self._keys(kind)), dtype=bool)

    def _matched(self, kind: str, text: str, find: Callable[[str], np.ndarray]) -> Mask:
        key = (kind, text)
        with self._matches_lock:
            if key in self._matches:
                self._matches.move_to_end(key)
                return self._matches[key]
        rows = _among(self._keys(kind), find(text))
        rows.flags.writeable = False
        with self._matches_lock:
            self._matches[key] = rows
            while len(self._matches) > MATCHES:
                self._matches.popitem(last=False)
        return rows

    def _keys(self, kind: str) -> np.ndarray:
        keys: np.ndarray = self.article_pk if kind == "articles" else self.quote_id
        return keys

    @classmethod
    def read(cls, connection: sa.Connection, version: Any) -> Tally:
        """Read the counted columns in ``connection``'s read transaction, whose store is at ``version``."""
        tally = cls(version)
        tally._read_articles(connection)
        tally._read_quotes(connection)
        tally._read_events(connection)
        tally._read_links(connection)
        return tally

    # Reading

    def _read_articles(self, connection: sa.Connection) -> None:
        (pk,) = _ints(connection, "articles", "pk")
        self.article_pk = np.sort(pk)
        self.article_source = _coded(connection, "SELECT pk, source FROM articles", self.article_pk)
        self.article_outlet = _coded(connection, "SELECT pk, outlet FROM articles", self.article_pk)
        self.article_day = _coded(connection, "SELECT pk, substr(published, 1, 10) FROM articles", self.article_pk)
        self.names = {int(r[0]): str(r[1]) for r in _rows(connection, "SELECT id, name FROM entities")}
        # Each article's place in the article list's order (newest first), by its key's position.
        newest = sa.select(articles.c.pk).order_by(*ARTICLE_ORDER)
        listed = np.fromiter((r[0] for r in connection.execute(newest)), dtype=np.int64)
        self.article_rank = np.empty(len(listed), dtype=np.int64)
        self.article_rank[np.searchsorted(self.article_pk, listed)] = np.arange(len(listed))

    def _read_quotes(self, connection: sa.Connection) -> None:
        ids, article_pk, position = _ints(connection, "quotes", "id", "article_pk", "position")
        order = np.argsort(ids)
        self.quote_id, self.quote_article_pk, self.quote_position = ids[order], article_pk[order], position[order]
        rows = _rows(connection, "SELECT id, speaker_entity_id, speaker_name, kind, said_on FROM quotes")
        order = np.argsort(np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))
        self.quote_entity = np.fromiter((_NONE if r[1] is None else r[1] for r in rows), np.int64, len(rows))[order]
        self.quote_name = Coded.of([r[2] for r in rows]).reordered(order)
        self.quote_kind = Coded.of([r[3] for r in rows]).reordered(order)
        self.quote_said = Coded.of([r[4] for r in rows]).reordered(order)
        # Speakers are counted by a key: the entity id as text when linked, else the name (aggregates._speaker_key).
        self.speaker = Coded.of([str(r[1]) if r[1] is not None else r[2] for r in rows]).reordered(order)
        position = np.minimum(np.searchsorted(self.article_pk, self.quote_article_pk), max(len(self.article_pk) - 1, 0))
        self.quote_source = (
            self.article_source.codes[position] if len(self.article_pk) else np.full(len(rows), _NONE, np.int32)
        )
        self.quote_outlet = (
            self.article_outlet.codes[position] if len(self.article_pk) else np.full(len(rows), _NONE, np.int32)
        )
        # Quotes by speaker, then by name or day (nulls first; for the earliest day, nulls last): see _extreme.
        said, group = self.quote_said.codes, self.speaker.codes
        self._by_name = np.lexsort((self.quote_name.codes, group))
        self._by_said = np.lexsort((said, group))
        self._said_first = np.where(said >= 0, said, _LAST)
        self._by_said_first = np.lexsort((self._said_first, group))

    def _read_events(self, connection: sa.Connection) -> None:
        ids, actors, targets, sources = _ints(connection, "events", "id", "actor_id", "target_id", "sources")
        order = np.argsort(ids)
        self.event_id, self.event_actor, self.event_target = ids[order], actors[order], targets[order]
        # How many articles tell each event: the event list sorts by it.
        self.event_sources = sources[order]
        self.event_type = _coded(connection, "SELECT id, type FROM events", self.event_id)
        self.event_day = _coded(connection, "SELECT id, day FROM events", self.event_id)
        # Which articles tell each event (by their places in ``article_pk``), for an outlet filter.
        told = "event_sources JOIN articles ON articles.id = event_sources.article_id"
        event, pk = _ints(connection, told, "event_sources.event_id", "articles.pk")
        self.told_event = np.searchsorted(self.event_id, event)
        self.told_article = np.searchsorted(self.article_pk, pk)

    def _read_links(self, connection: sa.Connection) -> None:
        """Which article names which entity, once per pair (an article may link two of its names to one),
        with the entity's mentions there; and the quotes by others that hold a mention of it."""
        joined = "article_entities JOIN articles ON articles.id = article_entities.article_id"
        mentioned = (
            "(SELECT count(*) FROM mentions WHERE mentions.article_id = article_entities.article_id "
            "AND mentions.local_id = article_entities.local_id)"
        )
        pk, entity, mentions = _ints(connection, joined, "articles.pk", "article_entities.entity_id", mentioned)
        pairs, at = np.unique((pk << 32) | entity, return_inverse=True)
        self.link_article = np.searchsorted(self.article_pk, pairs >> 32)
        self.link_entity = pairs & 0xFFFFFFFF
        self.link_mentions = np.bincount(at, weights=mentions, minlength=len(pairs)).astype(np.int64)
        # Pairs are sorted by article: one entity's are found through this order.
        self._links_by_entity = np.argsort(self.link_entity, kind="stable")
        # The same quotes as profiles.about_ids, for every entity at once.
        about = (
            "(SELECT DISTINCT quotes.id AS quote, article_entities.entity_id AS entity FROM article_entities "
            "JOIN mentions ON mentions.article_id = article_entities.article_id "
            "AND mentions.local_id = article_entities.local_id "
            "JOIN quotes ON quotes.article_id = mentions.article_id AND quotes.start <= mentions.start "
            'AND quotes."end" >= mentions."end" '
            "WHERE quotes.speaker_entity_id IS NULL OR quotes.speaker_entity_id != article_entities.entity_id) AS about"
        )
        quote, entity = _ints(connection, about, "quote", "entity")
        order = np.lexsort((quote, entity))
        self.about_quote, self.about_entity = quote[order], entity[order]

    def _of_entity(self, entity: int) -> np.ndarray:
        """Indexes of the entity's (article, entity) pairs."""
        order = self._links_by_entity
        low = np.searchsorted(self.link_entity, entity, sorter=order, side="left")
        high = np.searchsorted(self.link_entity, entity, sorter=order, side="right")
        return order[low:high]

    def entities_named_by(self, outlet: str) -> list[int]:
        """Ids of the entities named in an article of an outlet whose name holds ``outlet``, in order."""
        return self._outlet_kept(
            ("named", outlet), lambda: np.unique(self.link_entity[self._linked_by(outlet)]).tolist()
        )

    def _linked_by(self, outlet: str) -> Mask:
        return self._of_outlets(self.article_outlet.codes[self.link_article], outlet)

    def articles_naming(self, entity: int) -> np.ndarray:
        """The places (in ``article_pk``) of the articles naming the entity."""
        places: np.ndarray = self.link_article[self._of_entity(entity)]
        return places

    def mentions_per_day(self, entity: int) -> dict[str, int]:
        """The entity's mentions by its articles' published day, as ``profiles._mentions_per_day`` counts them."""
        pairs = self._of_entity(entity)
        days = self.article_day.codes[self.link_article[pairs]]
        dated = days >= 0
        counts = np.bincount(
            days[dated], weights=self.link_mentions[pairs][dated], minlength=len(self.article_day.values)
        )
        present = np.flatnonzero(counts)
        days = self.article_day.values
        # Plain ints in one pass: a person named for ten years has 3,650 days (5 ms one numpy value at a time).
        return dict(zip([days[i] for i in present.tolist()], counts[present].astype(np.int64).tolist(), strict=True))

    def quotes_by(self, entity: int) -> np.ndarray:
        """Ids of the quotes the entity said (``quotes.speaker_entity_id``), in id order."""
        low, high = np.searchsorted(self.quote_entity, [entity, entity + 1], sorter=self._by_speaker)
        found: np.ndarray = np.sort(self.quote_id[self._by_speaker[low:high]])
        return found

    @cached_property
    def _by_speaker(self) -> np.ndarray:
        """Quotes by their speaker's record: one speaker's are found without testing every quote."""
        return np.argsort(self.quote_entity, kind="stable")

    def newest_quotes(self, ids: np.ndarray, count: int) -> np.ndarray:
        """The first ``count`` of the quotes ``ids`` in the quote list's order (``queries.QUOTE_ORDER``)."""
        return self.quote_page(np.searchsorted(self.quote_id, ids), count, 0)

    def quote_page(self, places: Mask, limit: int, offset: int, oldest_first: bool = False) -> np.ndarray:
        """Ids of one page of the quotes at ``places`` (a mask, or indexes into ``quote_id``) in the quote list's
        order, newest first (``queries.QUOTE_ORDER``) or oldest first (``OLDEST_QUOTES_FIRST``): only the
        page's first ``limit + offset`` places are sorted."""
        order, rank = self._oldest_order if oldest_first else self._newest_order
        ranks = rank[places]
        if limit + offset < len(ranks):
            ranks = np.partition(ranks, limit + offset - 1)[: limit + offset]
        found: np.ndarray = order[np.sort(ranks)[offset:]]
        return found

    @cached_property
    def _newest_order(self) -> tuple[np.ndarray, np.ndarray]:
        """Quote ids newest first (their articles as ``article_rank`` ranks them, then by place in the
        article), and each quote's rank in that order."""
        return self._quote_order(self._quote_article_rank)

    @cached_property
    def _oldest_order(self) -> tuple[np.ndarray, np.ndarray]:
        """``_newest_order`` oldest first: articles the other way, undated ones still last."""
        articles = self._quote_article_places
        undated = (self.article_day.codes[articles] < 0) if len(self.article_pk) else np.zeros(0, dtype=bool)
        return self._quote_order(np.where(undated, _LAST, -self._quote_article_rank))

    @cached_property
    def _quote_article_places(self) -> np.ndarray:
        return np.minimum(np.searchsorted(self.article_pk, self.quote_article_pk), max(len(self.article_pk) - 1, 0))

    @cached_property
    def _quote_article_rank(self) -> np.ndarray:
        if not len(self.article_pk):
            return np.zeros(len(self.quote_id), dtype=np.int64)
        ranked: np.ndarray = self.article_rank[self._quote_article_places]
        return ranked

    def _quote_order(self, article_key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        order = np.lexsort((self.quote_position, article_key))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return self.quote_id[order], rank

    def about(self, entity: int) -> np.ndarray:
        """Ids of the quotes by others holding a mention of the entity, in id order."""
        low, high = np.searchsorted(self.about_entity, [entity, entity + 1])
        return self.about_quote[low:high]

    # Quotes

    def quote_mask(
        self,
        chosen: Any | None = None,
        unlinked: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        article: int | None = None,
        kind: str | None = None,
        matching: Mask | None = None,
        by_record: bool = True,
        outlet: str | None = None,
    ) -> Mask:
        """Quotes under a filter, as ``queries.quote_conditions`` and ``search.quote_match`` select them.

        ``chosen`` is the speaker filter's choice (None: no speaker filter); ``unlinked`` the names an
        unlinked speaker may bear for it; ``article`` the key (``pk``) of the article; ``matching`` which
        quotes hold the words (``matching``); ``outlet`` a part of the article's outlet name.
        """
        mask = np.ones(len(self.quote_id), dtype=bool)
        if chosen is not None:
            speaker = (self.quote_entity == chosen.chosen) if by_record and chosen.chosen is not None else ~mask
            codes = [c for c in (self.quote_name.code(name) for name in unlinked) if c is not None]
            if codes:
                speaker |= (self.quote_entity == _NONE) & np.isin(self.quote_name.codes, codes)
            mask &= speaker
        if (dated := self.quote_said.day_range(since, until)) is not None:
            mask &= dated
        if article is not None:
            mask &= self.quote_article_pk == article
        if kind and kind.strip():
            code = self.quote_kind.code(kind.strip().lower())
            mask &= self.quote_kind.codes == code if code is not None else False
        if matching is not None:
            mask &= matching
        if outlet and outlet.strip():
            mask &= self._outlet_kept(("quotes", outlet), lambda: self._of_outlets(self.quote_outlet, outlet))
        return mask

    def _outlet_kept(self, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        """What ``make`` finds for an outlet filter, kept as the words' matches are (a few outlets are
        asked again and again; testing every quote or link for one costs 3-6 ms at 100,000 articles)."""
        with self._matches_lock:
            if key in self._outlets:
                self._outlets.move_to_end(key)
                return self._outlets[key]
        found = make()
        if isinstance(found, np.ndarray):
            found.flags.writeable = False
        with self._matches_lock:
            self._outlets[key] = found
            while len(self._outlets) > MATCHES:
                self._outlets.popitem(last=False)
        return found

    def _of_outlets(self, codes: np.ndarray, outlet: str) -> Mask:
        """Which of ``codes`` (rows' article outlet codes) name an outlet holding ``outlet``."""
        return np.isin(codes, self.article_outlet.holding(outlet))

    def quote_facets(self, mask: Mask, period: str, with_speakers: bool = True) -> Facets:
        """``aggregates.quote_facets`` of the quotes under ``mask``."""
        total = int(np.count_nonzero(mask))
        mask = _selected(mask)
        kinds = self.quote_kind.per_value(mask)
        counts, used, undated = self.quote_said.timeline(mask, period)
        speakers = self.top_speakers(mask, FACET_SIZE, 0, "quotes").items if with_speakers else None
        return Facets(
            total=total,
            facets={
                "kind": [Count(str(k), str(k), n) for k, n in kinds if k is not None],
                **({"speaker": [Count(s.key, s.name, s.quotes) for s in speakers]} if speakers is not None else {}),
                "source": _top_values(self.article_source, self.quote_source[mask]),
                "outlet": _top_values(self.article_outlet, self.quote_outlet[mask]),
            },
            timeline=counts,
            period=used,
            undated=undated,
        )

    def quote_timeline(self, mask: Mask, period: str) -> Facets:
        counts, used, undated = self.quote_said.timeline(mask, period)
        return Facets(total=int(np.count_nonzero(mask)), facets={}, timeline=counts, period=used, undated=undated)

    def top_speakers(
        self, mask: Mask, limit: int, offset: int, sort: str, order: str | None = None
    ) -> Page[SpeakerCount]:
        """``aggregates.top_speakers`` of the quotes under ``mask``, in the same order."""
        flip = check_speaker_sort(sort, order)
        mask = _selected(mask)
        keys = self.speaker.codes[mask]
        size = len(self.speaker.values)
        counts = np.bincount(keys[keys >= 0], minlength=size)
        names = self._extreme(self._by_name, self.quote_name.codes, self.quote_name.codes, mask, last=True)
        rank = np.arange(size)
        present = np.flatnonzero(counts)
        # The keys of each sort, the first most significant, each ascending; read the other way, each is negated
        # (a speaker with no day stays last).
        sign = -1 if flip else 1
        if sort == "quotes":
            ranked = [-sign * counts, sign * names, sign * rank]
        elif sort == "name":
            ranked = [sign * names, sign * rank]
        else:
            newest = self._extreme(self._by_said, self.quote_said.codes, self.quote_said.codes, mask, last=True)
            ranked = [np.where(newest >= 0, -sign * newest, _LAST), -sign * counts, sign * rank]
        ordered = present[np.lexsort(tuple(key[present] for key in reversed(ranked)))]
        chosen = ordered[offset : offset + limit]
        said = self.quote_said.codes
        last = self._extreme(self._by_said, said, said, mask, last=True)
        first = self._extreme(self._by_said_first, self._said_first, said, mask, last=False)
        kinds = len(self.quote_kind.values)
        spoken = keys >= 0
        by_kind = np.bincount(keys[spoken] * kinds + self.quote_kind.codes[mask][spoken], minlength=size * kinds)
        by_kind = by_kind.reshape(size, kinds)
        linked = np.bincount(keys[spoken & (self.quote_entity[mask] >= 0)], minlength=size)
        days = self.quote_said.values
        items = []
        for group in chosen:
            entity = int(self.speaker.values[group]) if linked[group] else None
            name = self.quote_name.values[names[group]] if names[group] >= 0 else None
            of_kind = {
                kind: int(by_kind[group, code]) if (code := self.quote_kind.code(kind)) is not None else 0
                for kind in QUOTE_KINDS
            }
            items.append(
                SpeakerCount(
                    key=self.speaker.values[group],
                    name=self.names.get(entity, name) if entity is not None else name,  # type: ignore[arg-type]
                    entity=entity,
                    quotes=int(counts[group]),
                    direct=of_kind["direct"],
                    indirect=of_kind["indirect"],
                    mixed=of_kind["mixed"],
                    first=days[first[group]] if first[group] >= 0 else None,
                    last=days[last[group]] if last[group] >= 0 else None,
                )
            )
        return Page(items=items, total=len(ordered), limit=limit, offset=offset)

    def _extreme(self, order: np.ndarray, key: np.ndarray, values: np.ndarray, mask: Mask, last: bool) -> np.ndarray:
        """Per speaker, the code in ``values`` of its last (or first) quote under ``mask`` in the order of
        speaker, then ``key`` (``order`` holds that order for all quotes): its largest (smallest)
        non-null value; -1 when none.

        Many quotes are walked along ``order``, made once (a grouped max over the rows costs ten
        times more); a few (under one in SORTED_FEW of all) are sorted on their own.
        """
        found = np.full(len(self.speaker.values), _NONE, dtype=np.int64)
        if mask.dtype != bool and len(mask) * SORTED_FEW < len(order):
            picked = mask[np.lexsort((key[mask], self.speaker.codes[mask]))]
        else:
            if mask.dtype != bool:
                mask = _as_mask(mask, len(order))
            picked = order[mask[order]]
        if not len(picked):
            return found
        groups = self.speaker.codes[picked]
        edges = groups[1:] != groups[:-1]
        ends = np.flatnonzero(np.append(edges, True) if last else np.insert(edges, 0, True))
        chosen = picked[ends]
        found[groups[ends][groups[ends] >= 0]] = values[chosen][groups[ends] >= 0]
        return found

    # Events

    def event_mask(
        self,
        type: str | None = None,
        actor: int | None = None,
        has_actor: bool = False,
        targets: Sequence[int] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> Mask:
        """Events under a filter, as ``queries.event_statement`` selects them (``has_actor``: an actor filter
        was given, ``actor`` the record it chose, or None when it chose none; ``outlet`` a part of the outlet
        name of an article telling it)."""
        mask = np.ones(len(self.event_actor), dtype=bool)
        if type and type.strip():
            code = self.event_type.code(type.strip().upper())
            mask &= self.event_type.codes == code if code is not None else False
        if has_actor:
            mask &= self.event_actor == actor if actor is not None else False
        if targets is not None:
            mask &= np.isin(self.event_target, np.asarray(list(targets), dtype=np.int64))
        if (dated := self.event_day.day_range(since, until)) is not None:
            mask &= dated
        if outlet and outlet.strip():
            mask &= self._outlet_kept(("events", outlet), lambda: self._told_by(outlet))
        return mask

    def event_page(self, mask: Mask, limit: int, offset: int, sort: str | None, way: str | None) -> np.ndarray:
        """Ids of one page of the events under ``mask`` in the event list's order (``sorting.order_by``)."""
        columns = {"day": self.event_day.codes, "id": self.event_id, "sources": self.event_sources}
        columns["type"] = self.event_type.codes
        ranked: list[np.ndarray] = []
        for name, direction, nulls_last in directions("events", sort, way):
            values = columns[name][mask].astype(np.int64)
            if nulls_last:
                ranked.append(values < 0)
            ranked.append(-values if direction == "desc" else values)
        order = np.lexsort(tuple(reversed(ranked)))
        found: np.ndarray = self.event_id[mask][order[offset : offset + limit]]
        return found

    def _told_by(self, outlet: str) -> Mask:
        """Events told by an article of an outlet whose name holds ``outlet``."""
        told = self._of_outlets(self.article_outlet.codes[self.told_article], outlet)
        return _as_mask(self.told_event[told], len(self.event_id))

    def event_facets(self, mask: Mask, period: str) -> Facets:
        """``aggregates.event_facets`` of the events under ``mask``."""
        types = sorted(
            ((t, n) for t, n in self.event_type.per_value(mask) if t is not None), key=lambda tn: (-tn[1], tn[0])
        )
        counts, used, undated = self.event_day.timeline(mask, period)
        return Facets(
            total=int(np.count_nonzero(mask)),
            facets={
                "type": [Count(t, t, n) for t, n in types],
                "actor": self._top_entities(self.event_actor[mask]),
                "target": self._top_entities(self.event_target[mask]),
            },
            timeline=counts,
            period=used,
            undated=undated,
        )

    def _top_entities(self, ids: np.ndarray) -> list[Count]:
        """The FACET_SIZE most frequent entity ids, most first, then by name and id."""
        found, counts = np.unique(ids[ids >= 0], return_counts=True)
        pairs = zip(found.tolist(), counts.tolist(), strict=True)
        ranked = sorted(pairs, key=lambda e: (-e[1], self._name(e[0]), e[0]))
        return [Count(str(e), self._name(e), n) for e, n in ranked[:FACET_SIZE]]

    def _name(self, entity: int) -> str:
        return str(self.names.get(entity))

    # Articles

    def article_mask(
        self,
        since: str | None = None,
        until: str | None = None,
        matching: Mask | None = None,
        outlet: str | None = None,
    ) -> Mask:
        """Articles under a filter of days, words (``matching``: which articles hold them) and a part of the
        outlet's name."""
        mask = np.ones(len(self.article_pk), dtype=bool)
        if (dated := self.article_day.day_range(since, until)) is not None:
            mask &= dated
        if outlet and outlet.strip():
            mask &= self._of_outlets(self.article_outlet.codes, outlet)
        if matching is not None:
            mask &= matching
        return mask

    def newest_articles(self, chosen: Mask, count: int) -> np.ndarray:
        """The keys of the ``count`` newest of the articles ``chosen`` (a mask of them, or their places in
        ``article_pk``), newest first (the list's order)."""
        ranks = self.article_rank[chosen]
        if count < len(ranks):
            ranks = np.partition(ranks, count - 1)[:count]
        order = np.sort(ranks)
        return self._by_rank[order]

    @cached_property
    def _entity_slots(self) -> int:
        return int(self.link_entity.max()) + 1 if len(self.link_entity) else 0

    @cached_property
    def _by_rank(self) -> np.ndarray:
        found = np.empty(len(self.article_pk), dtype=np.int64)
        found[self.article_rank] = self.article_pk
        return found

    def article_facets(self, mask: Mask) -> Facets:
        """``aggregates.article_facets`` of the articles under ``mask`` (with a filter)."""
        # Counted per entity id (ids are small: a count per id costs less than sorting the ids named).
        named = np.bincount(self.link_entity[mask[self.link_article]], minlength=self._entity_slots)
        return Facets(
            total=int(np.count_nonzero(mask)),
            facets={
                "source": _top_values(self.article_source, self.article_source.codes[mask]),
                "outlet": _top_values(self.article_outlet, self.article_outlet.codes[mask]),
                "entity": [
                    Count(str(e), self.names.get(e, str(e)), int(named[e])) for e in _most(named, FACET_SIZE).tolist()
                ],
            },
        )


def _top_values(coded: Coded, codes: np.ndarray) -> list[Count]:
    """The FACET_SIZE values of ``coded`` most frequent among ``codes``, then in the values' order (as
    ``aggregates._by_article`` orders them)."""
    counts = np.bincount(codes[codes >= 0], minlength=len(coded.values))
    return [Count(coded.values[i], coded.values[i], int(counts[i])) for i in _most(counts, FACET_SIZE).tolist()]


def _most(counts: np.ndarray, limit: int) -> np.ndarray:
    """The indexes with the most (at most ``limit``), ties by index,
    sorting only those that can be among the first ``limit``."""
    present = np.flatnonzero(counts)
    if len(present) > limit:
        cut = np.partition(counts[present], len(present) - limit)[len(present) - limit]
        present = present[counts[present] >= cut]
    return present[np.lexsort((present, -counts[present]))][:limit]


def _as_mask(indexes: np.ndarray, size: int) -> Mask:
    """The boolean mask of ``size`` rows selecting ``indexes``."""
    mask = np.zeros(size, dtype=bool)
    mask[indexes] = True
    return mask


def _selected(mask: Mask) -> Mask:
    """The rows under a boolean ``mask`` as indexes when they are few (gathering those costs less than
    testing every row), else the mask itself; either selects the same rows in the same order."""
    if mask.dtype != bool:
        return mask
    return np.flatnonzero(mask) if np.count_nonzero(mask) * 4 < len(mask) else mask


def _among(keys: np.ndarray, wanted: np.ndarray) -> Mask:
    """Which of the sorted ``keys`` are in ``wanted``."""
    mask = np.zeros(len(keys), dtype=bool)
    if len(keys) and len(wanted):
        at = np.searchsorted(keys, wanted)
        inside = at < len(keys)
        at = at[inside]
        mask[at[keys[at] == wanted[inside]]] = True
    return mask
