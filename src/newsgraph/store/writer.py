"""Writing one Extraction: the article and everything it carries, in the caller's transaction.

The caller (``Store.add``) holds one transaction around ``write_extraction``: either the
whole article is stored, with its entities linked and its events merged, or nothing
of it is. An article id already stored is left untouched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from newsgraph.ingest.metadata import outlet_and_author
from newsgraph.model import QUOTE_ACTS, Event, Extraction
from newsgraph.store.linking import EventMatcher, Linker, StoredEvent, Told, details, event_key
from newsgraph.store.resolving import Resolver
from newsgraph.store.schema import (
    article_entities,
    articles,
    dates,
    event_sources,
    events,
    figures,
    mentions,
    quotes,
    speaker_names,
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_stored(connection: sa.Connection, article_id: str) -> bool:
    return connection.execute(sa.select(articles.c.pk).where(articles.c.id == article_id)).first() is not None


def article_columns(metadata: dict[str, Any], url: str | None) -> dict[str, str | None]:
    """The outlet, author and language columns of an article, from its metadata (or its URL's domain)."""
    found = {**outlet_and_author(metadata, url), "language": metadata.get("language")}
    return {key: _short(found.get(key)) for key in ("outlet", "author", "language")}


def _short(value: Any) -> str | None:
    return str(value)[:500] if value not in (None, "") else None


def write_extraction(connection: sa.Connection, extraction: Extraction, run_id: int | None = None) -> bool:
    """Store the article with all it carries; False (and nothing written) when its id is already stored.

    Of the attributions, only quotes (``QUOTE_ACTS``) are stored: the store is who said what.
    """
    article = extraction.article
    extraction = _quotes_only(extraction)
    if is_stored(connection, article.id):
        return False
    pk = connection.execute(
        sa.insert(articles)
        .returning(articles.c.pk)
        .values(
            id=article.id,
            url=article.url,
            title=article.title,
            section=article.section,
            published=article.published,
            source=article.source,
            **article_columns(article.metadata, article.url),
            text=article.text,
            metadata=article.metadata,
            schema=extraction.schema,
            words=len(article.text.split()),
            n_entities=len(extraction.entities),
            n_quotes=len(extraction.quotes),
            n_figures=len(extraction.figures),
            n_events=len(extraction.events),
            run_id=run_id,
            added=now(),
        )
    ).scalar_one()
    ids = _write_entities(connection, extraction)
    _write_quotes(connection, extraction, ids, pk)
    _write_items(connection, extraction)
    _write_events(connection, extraction, ids)
    return True


def _quotes_only(extraction: Extraction) -> Extraction:
    """The extraction without its attributions that are not quotes, and events no longer pointing at them."""
    kept = [q for q in extraction.quotes if q.act in QUOTE_ACTS]
    ids = {q.id for q in kept}
    events = [
        e if e.reported_by in ids or e.reported_by is None else replace(e, reported_by=None) for e in extraction.events
    ]
    return replace(extraction, quotes=kept, events=events)


def _write_entities(connection: sa.Connection, extraction: Extraction) -> dict[str, int]:
    """Link each entity to its store-wide record; article-local id -> store-wide id."""
    article = extraction.article
    spoken = Counter(q.speaker.entity for q in extraction.quotes if q.speaker and q.speaker.entity)
    resolved = Resolver(connection).add_article(extraction.entities)
    records = {local: record for local, (_, record) in resolved.items()}
    ids = Linker(connection, article.published).link(extraction.entities, dict(spoken), records)
    entity_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    for position, entity in enumerate(extraction.entities):
        data = entity.to_dict()
        del data["mentions"]
        signature = resolved[entity.id][0] if entity.id in resolved else None
        entity_rows.append(
            {
                "article_id": article.id,
                "local_id": entity.id,
                "position": position,
                "entity_id": ids[entity.id],
                "name": entity.name,
                "type": entity.type,
                "affiliation": entity.affiliation,
                "data": data,
                "family": signature.family if signature else None,
                "key": signature.key if signature else None,
                "hint": signature.hint if signature else None,
            }
        )
        mention_rows.extend(
            {
                "article_id": article.id,
                "local_id": entity.id,
                "position": index,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for index, m in enumerate(entity.mentions)
        )
    if entity_rows:
        connection.execute(sa.insert(article_entities), entity_rows)
    if mention_rows:
        connection.execute(sa.insert(mentions), mention_rows)
    return ids


def said_on(date: str | None, published: str | None) -> str | None:
    """The day a quote was said when the article tells, else the article's published day."""
    if date is not None:
        return date[:10]
    return published[:10] if published is not None else None


def _write_quotes(connection: sa.Connection, extraction: Extraction, ids: dict[str, int], article_pk: int) -> None:
    rows = []
    for position, quote in enumerate(extraction.quotes):
        speaker = quote.speaker
        rows.append(
            {
                "article_id": extraction.article.id,
                "local_id": quote.id,
                "position": position,
                "kind": quote.kind,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "cue": quote.cue.text if quote.cue else None,
                "speaker_local": speaker.entity if speaker else None,
                "speaker_entity_id": ids.get(speaker.entity or "") if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "speaker_text": speaker.text if speaker else None,
                "parts": [p.to_dict() for p in quote.parts],
                "date": quote.date,
                "said_on": said_on(quote.date, extraction.article.published),
                "article_published": extraction.article.published,
                "article_pk": article_pk,
                "data": quote.to_dict(),
            }
        )
    if rows:
        connection.execute(sa.insert(quotes), rows)
        _write_speaker_names(connection, {q.speaker.name for q in extraction.quotes if q.speaker})


def _write_speaker_names(connection: sa.Connection, names: set[str]) -> None:
    """Record names not seen before; a concurrent writer may add the same one meanwhile, so it is skipped then."""
    if not names:
        return
    known = set(connection.execute(sa.select(speaker_names.c.name).where(speaker_names.c.name.in_(names))).scalars())
    if names - known:
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        fresh = [{"name": name} for name in sorted(names - known)]
        connection.execute(insert(speaker_names).on_conflict_do_nothing(), fresh)


def _write_items(connection: sa.Connection, extraction: Extraction) -> None:
    article_id = extraction.article.id
    figure_rows = [
        {
            "article_id": article_id,
            "position": position,
            "text": f.text,
            "start": f.start,
            "end": f.end,
            "value": f.value,
            "approx": f.approx,
            "unit": f.unit,
            "counted": f.counted,
            "claimed_by": f.claimed_by,
            "change": f.change,
            "data": f.to_dict(),
        }
        for position, f in enumerate(extraction.figures)
    ]
    date_rows = [
        {
            "article_id": article_id,
            "position": position,
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "data": d.to_dict(),
        }
        for position, d in enumerate(extraction.dates)
    ]
    if figure_rows:
        connection.execute(sa.insert(figures), figure_rows)
    if date_rows:
        connection.execute(sa.insert(dates), date_rows)


_INSERT_EVENT = sa.insert(events).returning(events.c.id)
_TOLD_AGAIN = sa.update(events).where(events.c.id == sa.bindparam("event")).values(sources=events.c.sources + 1)
_COMPLETED = (
    sa.update(events)
    .where(events.c.id == sa.bindparam("event"))
    .values(target_id=sa.bindparam("target"), location_id=sa.bindparam("location"))
)


def _write_events(connection: sa.Connection, extraction: Extraction, ids: dict[str, int]) -> None:
    """Each event joins the store-wide event it tells again, or starts a new one; each counts this article once."""
    article = extraction.article
    keys = [event_key(event, ids) for event in extraction.events]
    matcher = EventMatcher()
    matcher.load(connection, {key for key in keys if key is not None})
    told: Told = {}
    completed: dict[int, StoredEvent] = {}
    sources = []
    for position, (event, key) in enumerate(zip(extraction.events, keys, strict=True)):
        target, location = ids.get(event.target or ""), ids.get(event.location or "")
        found = matcher.find(key, target, location, told) if key is not None else None
        if found is None:
            row = new_event(event, key, ids, article.published)
            found = StoredEvent(connection.execute(_INSERT_EVENT, row).scalar_one(), target, location)
            if key is not None:
                matcher.add(key, found)
        elif matcher.complete(found, target, location):
            completed[found.id] = found
        told.setdefault(found.id, set()).add(details(target, location))
        sources.append(event_source(event, found.id, article.id, position))
    if sources:
        connection.execute(_TOLD_AGAIN, [{"event": event_id} for event_id in told])
        connection.execute(sa.insert(event_sources), sources)
    if completed:
        filled = [{"event": e.id, "target": e.target, "location": e.location} for e in completed.values()]
        connection.execute(_COMPLETED, filled)


def new_event(event: Event, key: str | None, ids: dict[str, int], published: str | None) -> dict[str, Any]:
    """The row of a store-wide event first told by ``event``."""
    return {
        "key": key,
        "type": event.type,
        "mode": event.mode,
        "actor_id": ids.get(event.actor or ""),
        "target_id": ids.get(event.target or ""),
        "location_id": ids.get(event.location or ""),
        "date": event.date,
        "day": (event.date or "")[:10] or published,
        "negated": event.negated,
        "sources": 0,
    }


def event_source(event: Event, event_id: int, article_id: str, position: int) -> dict[str, Any]:
    """The row saying that an article tells a store-wide event, with its own words for it."""
    return {
        "event_id": event_id,
        "article_id": article_id,
        "position": position,
        "local_id": event.id,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "reported_by": event.reported_by,
        "data": event.to_dict(),
    }
