"""Concurrent writers on PostgreSQL: each article's write waits only for writes touching the same names.

Storing an article reads and changes what is stored about its entities' name families
(``resolving.py``: a family's signatures, records, aliases and the events they act in),
and nothing of another family. So a write locks its article id and its families, as
transaction-scoped advisory locks taken in one sorted order (two writers never wait for
each other in a circle), and writers of articles about different people run at once.
A correction by hand that merges records of two families makes them one lock from then
on. Every other write (the schema, corrections, a full resolution, runs) holds the whole
store alone; article writes share it. SQLite needs none of this: it has one writer at a
time anyway (``engine.py``).
"""

from __future__ import annotations

import zlib

import sqlalchemy as sa

from newsgraph.model import Extraction
from newsgraph.store.resolution import signature_of
from newsgraph.store.schema import entities, entity_overrides

# Namespaces, the first of pg_advisory_xact_lock's two keys.
STORE, ARTICLE, FAMILY = 7406183, 7406184, 7406185
# PostgreSQL failed the transaction to break a deadlock or a serialization conflict: run it again.
RETRY_STATES = {"40P01", "40001"}

_LOCK_IN_ORDER = sa.text(
    "SELECT count(pg_advisory_xact_lock(n, k)) FROM "
    "(SELECT n, k FROM unnest(CAST(:ns AS int[]), CAST(:ks AS int[])) AS t(n, k) ORDER BY n, k OFFSET 0) AS s"
)


def lock_key(name: str) -> int:
    """A stable signed 32-bit key for a name (two names sharing one only make their writers wait)."""
    value = zlib.crc32(name.encode("utf-8"))
    return value - (1 << 32) if value >= 1 << 31 else value


def families_of(extraction: Extraction) -> set[str]:
    """The name families an article's write reads and changes."""
    return {signature.family for entity in extraction.entities if (signature := signature_of(entity)) is not None}


def lock_store(connection: sa.Connection) -> None:
    """Hold the whole store for this transaction (PostgreSQL; SQLite writers are one at a time already)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:n, 0)"), {"n": STORE})


def lock_article(connection: sa.Connection, extraction: Extraction) -> None:
    """Hold an article's id and name families for this transaction, beside other article writes."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(sa.text("SELECT pg_advisory_xact_lock_shared(:n, 0)"), {"n": STORE})
    joined = merged_families(connection)
    keys = {(ARTICLE, lock_key(extraction.article.id))}
    keys |= {(FAMILY, lock_key(joined.get(family, family))) for family in families_of(extraction)}
    pairs = sorted(keys)
    connection.execute(_LOCK_IN_ORDER, {"ns": [n for n, _ in pairs], "ks": [k for _, k in pairs]})


def merged_families(connection: sa.Connection) -> dict[str, str]:
    """Family -> the family it is locked as: families whose records a correction merged share one lock."""
    gone, kept = entities.alias("gone"), entities.alias("kept")
    o = entity_overrides
    pairs = connection.execute(
        sa.select(gone.c.family, kept.c.family)
        .select_from(o)
        .join(gone, sa.and_(gone.c.type == o.c.type, gone.c.key == o.c.key))
        .join(kept, sa.and_(kept.c.type == o.c.into_type, kept.c.key == o.c.into_key))
        .where(o.c.kind == "merge", gone.c.family.is_not(None), kept.c.family.is_not(None))
    ).all()
    parent: dict[str, str] = {}

    def root(family: str) -> str:
        while parent.get(family, family) != family:
            family = parent[family]
        return family

    for one, other in pairs:
        a, b = root(one), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {family: root(family) for family in parent}


def must_retry(error: sa.exc.DBAPIError) -> bool:
    """Whether PostgreSQL failed this transaction to break a deadlock, so running it again may succeed."""
    return getattr(error.orig, "sqlstate", None) in RETRY_STATES
