"""The Parquet tables of the Spark job: their columns, and the rows one Extraction gives them.

Every table is the newsgraph/1 contract cut into rows an analyst can query with any Parquet
reader: scalar fields as typed columns, and the item's whole JSON object in ``data`` so
that nothing of the contract is lost. ``articles.extraction`` holds the article's complete
newsgraph/1 object, which is what ``newsgraph load`` reads back, so a load stores exactly
what ``ingest`` would have. This module imports no Spark: rows are plain tuples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.model import Extraction

# Hive-style partition column of every table but errors: the article's published day.
PARTITION = "published_day"
UNKNOWN_DAY = "unknown"

COLUMNS: dict[str, str] = {
    "articles": (
        "id string, url string, title string, section string, published string, source string, words long, "
        "n_entities long, n_quotes long, n_figures long, n_events long, metadata string, schema string, "
        "extraction string, input string, input_seq long, record_seq long"
    ),
    "entities": (
        "article_id string, local_id string, position long, name string, type string, affiliation string, "
        "titles array<string>, n_mentions long, data string"
    ),
    "mentions": "article_id string, local_id string, position long, start long, end long, text string",
    "quotes": (
        "article_id string, local_id string, position long, kind string, text string, start long, end long, "
        "cue string, speaker_local string, speaker_name string, speaker_text string, date string, "
        "continues string, data string"
    ),
    "figures": (
        "article_id string, position long, text string, start long, end long, value double, approx string, "
        "unit string, counted string, claimed_by string, change string, data string"
    ),
    "dates": "article_id string, position long, text string, start long, end long, value string, data string",
    "events": (
        "article_id string, local_id string, position long, type string, mode string, actor string, "
        "target string, trigger string, trigger_start long, trigger_end long, date string, location string, "
        "reported_by string, negated boolean, data string"
    ),
    "errors": "source string, problem string, code string, stage string, article_id string",
}
# Written before articles: a run cut short leaves no article whose rows are missing.
CHILD_TABLES = ("entities", "mentions", "quotes", "figures", "dates", "events")
TABLES = (*CHILD_TABLES, "articles", "errors")

Row = tuple[str, tuple[Any, ...]]
# One article's rows gathered by table, a list per table in TABLES order: what extraction hands Spark.
Record = tuple[list[tuple[Any, ...]], ...]


def schema(table: str) -> str:
    """The Spark DDL of a table, with the partition column last where it has one."""
    return COLUMNS[table] if table == "errors" else f"{COLUMNS[table]}, {PARTITION} string"


def record_schema() -> str:
    """The Spark DDL of a Record: a column per table holding that table's rows as an array of structs.

    One such row per article crosses from Python to the JVM once; each table is then cut out
    of it on the JVM side (``explode``), instead of every row being read again per table.
    """
    return ", ".join(f"{table} array<struct<{_fields(schema(table))}>>" for table in TABLES)


def _fields(ddl: str) -> str:
    return ",".join(f"`{name}`:{kind}" for name, kind in (column.split(" ", 1) for column in ddl.split(", ")))


def record_of(rows: Iterable[Row]) -> Record:
    """One article's rows (or one error's) as a Record."""
    record: Record = tuple([] for _ in TABLES)
    for table, row in rows:
        record[_POSITION[table]].append(row)
    return record


_POSITION = {table: position for position, table in enumerate(TABLES)}


def day_of(extraction: Extraction) -> str:
    published = extraction.article.published
    return published[:10] if published else UNKNOWN_DAY


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _scalar(value: Any) -> float | None:
    """A figure's value as one number; a range ([low, high]) keeps its bounds in ``data`` only."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def rows_of(extraction: Extraction, order: tuple[int, str, int]) -> Iterator[Row]:
    """Every table row for one article; ``order`` is (input_seq, input, record_seq), its place in ingest's order."""
    article, day = extraction.article, day_of(extraction)
    aid = article.id
    for position, entity in enumerate(extraction.entities):
        data = entity.to_dict()
        yield "entities", (
            aid, entity.id, position, entity.name, entity.type, entity.affiliation, list(entity.titles),
            len(entity.mentions), _json(data), day,
        )  # fmt: skip
        for index, m in enumerate(entity.mentions):
            yield "mentions", (aid, entity.id, index, m.start, m.end, m.text, day)
    for position, q in enumerate(extraction.quotes):
        s = q.speaker
        yield "quotes", (
            aid, q.id, position, q.kind, q.text, q.start, q.end, q.cue.text if q.cue else None,
            s.entity if s else None, s.name if s else None, s.text if s else None, q.date, q.continues,
            _json(q.to_dict()), day,
        )  # fmt: skip
    for position, f in enumerate(extraction.figures):
        yield "figures", (
            aid, position, f.text, f.start, f.end, _scalar(f.value), f.approx, f.unit, f.counted, f.claimed_by,
            f.change, _json(f.to_dict()), day,
        )  # fmt: skip
    for position, d in enumerate(extraction.dates):
        yield "dates", (aid, position, d.text, d.start, d.end, d.value, _json(d.to_dict()), day)
    for position, e in enumerate(extraction.events):
        yield "events", (
            aid, e.id, position, e.type, e.mode, e.actor, e.target, e.trigger.text, e.trigger.start, e.trigger.end,
            e.date, e.location, e.reported_by, e.negated, _json(e.to_dict()), day,
        )  # fmt: skip
    input_seq, source_file, record_seq = order
    yield "articles", (
        aid, article.url, article.title, article.section, article.published, article.source,
        len(article.text.split()), len(extraction.entities), len(extraction.quotes), len(extraction.figures),
        len(extraction.events), _json(article.metadata), extraction.schema, _json(extraction.to_dict()),
        source_file, input_seq, record_seq, day,
    )  # fmt: skip


def error_row(source: str, problem: str, code: str, stage: str, article_id: str | None = None) -> Row:
    """A record that could not be read ("read") or extracted ("extract"): a row, never a failed task."""
    return "errors", (source, problem, code, stage, article_id)
