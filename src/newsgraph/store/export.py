"""Exporting the store: the output contract as JSON Lines, or one flat table per kind as CSV or Parquet.

The tables are for analysis tools (pandas, DuckDB, Spark): one row per item, with the
article id and the store-wide entity ids that link items across articles. Rows are
streamed from the database in batches, so a large store exports in flat memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from newsgraph.store.queries import words_of
from newsgraph.store.schema import (
    article_entities,
    articles,
    dates,
    entities,
    event_sources,
    events,
    figures,
    mentions,
    quotes,
)

if TYPE_CHECKING:
    from newsgraph.store.repository import Store

BATCH = 1000


def export_jsonl(store: Store, stream: IO[str]) -> int:
    """Write one Extraction (schema newsgraph/1) per line; the number written."""
    count = 0
    for extraction in store.iter_articles():
        stream.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _mention_count() -> sa.ScalarSelect[Any]:
    return (
        sa.select(sa.func.count(mentions.c.id))
        .where(
            mentions.c.article_id == article_entities.c.article_id, mentions.c.local_id == article_entities.c.local_id
        )
        .scalar_subquery()
    )


def _value_bound(index: int) -> Callable[[Any], float | None]:
    def bound(value: Any) -> float | None:
        if isinstance(value, list):
            return float(value[index]) if len(value) > index else None
        return float(value) if isinstance(value, int | float) else None

    return bound


def _joined(value: Any) -> str | None:
    return "; ".join(value) if value else None


# name -> (statement, pyarrow schema, converters applied to some columns before writing)
def tables() -> dict[str, tuple[sa.Select[Any], pa.Schema, dict[str, Callable[[Any], Any]]]]:
    actors, targets, places = entities.alias("actor"), entities.alias("target"), entities.alias("place")
    return {
        "articles": (
            sa.select(
                articles.c.id,
                articles.c.published,
                articles.c.title,
                articles.c.section,
                articles.c.url,
                articles.c.source,
                articles.c.words,
                articles.c.text,
            ).order_by(articles.c.pk),
            pa.schema(
                [("id", pa.string()), ("published", pa.string()), ("title", pa.string()), ("section", pa.string())]
                + [("url", pa.string()), ("source", pa.string()), ("words", pa.int64()), ("text", pa.string())]
            ),
            {},
        ),
        "entities": (
            sa.select(
                article_entities.c.article_id,
                article_entities.c.local_id,
                article_entities.c.entity_id,
                article_entities.c.name,
                article_entities.c.type,
                article_entities.c.data.label("titles"),
                article_entities.c.affiliation,
                _mention_count().label("mentions"),
            ).order_by(article_entities.c.article_id, article_entities.c.position),
            pa.schema(
                [("article_id", pa.string()), ("local_id", pa.string()), ("entity_id", pa.int64())]
                + [("name", pa.string()), ("type", pa.string()), ("titles", pa.string())]
                + [("affiliation", pa.string()), ("mentions", pa.int64())]
            ),
            {"titles": lambda data: _joined((data or {}).get("titles"))},
        ),
        "quotes": (
            sa.select(
                quotes.c.article_id,
                quotes.c.local_id,
                quotes.c.kind,
                quotes.c.text,
                quotes.c.start,
                quotes.c.end,
                quotes.c.cue,
                quotes.c.speaker_name,
                quotes.c.speaker_entity_id,
                quotes.c.speaker_local,
                quotes.c.date,
            ).order_by(quotes.c.article_id, quotes.c.position),
            pa.schema(
                [("article_id", pa.string()), ("local_id", pa.string()), ("kind", pa.string()), ("text", pa.string())]
                + [("start", pa.int64()), ("end", pa.int64()), ("cue", pa.string()), ("speaker_name", pa.string())]
                + [("speaker_entity_id", pa.int64()), ("speaker_local", pa.string()), ("date", pa.string())]
            ),
            {},
        ),
        "figures": (
            sa.select(
                figures.c.article_id,
                figures.c.text,
                figures.c.start,
                figures.c.end,
                figures.c.value.label("value_low"),
                figures.c.value.label("value_high"),
                figures.c.approx,
                figures.c.unit,
                figures.c.counted,
                figures.c.claimed_by,
                figures.c.change,
            ).order_by(figures.c.article_id, figures.c.position),
            pa.schema(
                [("article_id", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
                + [("value_low", pa.float64()), ("value_high", pa.float64()), ("approx", pa.string())]
                + [("unit", pa.string()), ("counted", pa.string()), ("claimed_by", pa.string())]
                + [("change", pa.string())]
            ),
            {"value_low": _value_bound(0), "value_high": _value_bound(-1)},
        ),
        "dates": (
            sa.select(dates.c.article_id, dates.c.text, dates.c.start, dates.c.end, dates.c.value).order_by(
                dates.c.article_id, dates.c.position
            ),
            pa.schema(
                [("article_id", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
                + [("value", pa.string())]
            ),
            {},
        ),
        "events": (
            sa.select(
                event_sources.c.article_id,
                event_sources.c.local_id,
                events.c.id.label("event_id"),
                events.c.type,
                events.c.mode,
                actors.c.name.label("actor"),
                events.c.actor_id,
                words_of(event_sources.c.data, "actor_words").label("actor_words"),
                targets.c.name.label("target"),
                events.c.target_id,
                words_of(event_sources.c.data, "target_words").label("target_words"),
                places.c.name.label("location"),
                events.c.location_id,
                events.c.date,
                event_sources.c.trigger,
                event_sources.c.trigger_start,
                event_sources.c.trigger_end,
                events.c.negated,
                events.c.sources,
            )
            .join_from(event_sources, events, events.c.id == event_sources.c.event_id)
            .outerjoin(actors, actors.c.id == events.c.actor_id)
            .outerjoin(targets, targets.c.id == events.c.target_id)
            .outerjoin(places, places.c.id == events.c.location_id)
            .order_by(event_sources.c.article_id, event_sources.c.position),
            pa.schema(
                [("article_id", pa.string()), ("local_id", pa.string()), ("event_id", pa.int64())]
                + [("type", pa.string()), ("mode", pa.string()), ("actor", pa.string()), ("actor_id", pa.int64())]
                + [("actor_words", pa.string()), ("target", pa.string()), ("target_id", pa.int64())]
                + [("target_words", pa.string()), ("location", pa.string())]
                + [("location_id", pa.int64()), ("date", pa.string()), ("trigger", pa.string())]
                + [("trigger_start", pa.int64()), ("trigger_end", pa.int64()), ("negated", pa.bool_())]
                + [("sources", pa.int64())]
            ),
            {},
        ),
    }


def _batches(
    store: Store, statement: sa.Select[Any], convert: dict[str, Callable[[Any], Any]]
) -> Iterator[list[dict[str, Any]]]:
    with store.reading() as connection:
        result = connection.execution_options(yield_per=BATCH).execute(statement)
        for rows in result.partitions():
            batch = []
            for row in rows:
                record = dict(row._mapping)
                for name, function in convert.items():
                    record[name] = function(record[name])
                batch.append(record)
            yield batch


def export_tables(store: Store, folder: Path, format: str) -> dict[str, int]:
    """Write articles, entities, quotes, figures, dates and events as ``folder/NAME.csv|.parquet``."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for name, (statement, schema, convert) in tables().items():
        path = folder / f"{name}.{format}"
        count = 0
        if format == "parquet":
            with pq.ParquetWriter(path, schema) as writer:
                for batch in _batches(store, statement, convert):
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count += len(batch)
                if count == 0:
                    writer.write_table(schema.empty_table())
        else:
            with path.open("w", encoding="utf-8", newline="") as stream:
                writer_csv = csv.DictWriter(stream, fieldnames=schema.names)
                writer_csv.writeheader()
                for batch in _batches(store, statement, convert):
                    writer_csv.writerows(batch)
                    count += len(batch)
        written[name] = count
    return written
