"""Corrections by hand to entity resolution, and the explanation of a record.

A correction is kept as an override (``entity_overrides``) named by type and folded
name, not by record id, so that every later resolution (each new article, a rebuilt
store) replays it: ``merge`` sends one record's names into another's, ``split`` gives
one name of a record a record of its own. Applying one only re-plans the families
concerned (``Resolver.resolve_families``).
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsgraph.errors import CorrectionError, EntityNotFound, SplitNameNotFound
from newsgraph.store.linking import fold
from newsgraph.store.records import Resolved
from newsgraph.store.resolving import Resolver
from newsgraph.store.schema import entities, entity_overrides, entity_signatures


def _record(connection: sa.Connection, entity_id: int) -> Any:
    row = connection.execute(
        sa.select(entities.c.id, entities.c.type, entities.c.key, entities.c.family).where(entities.c.id == entity_id)
    ).first()
    if row is None:
        raise EntityNotFound(str(entity_id))
    if row.family is None:
        raise CorrectionError(f"entity {entity_id} is one article's description, not a name: it cannot be corrected")
    return row


def _families(connection: sa.Connection, entity_id: int) -> list[str]:
    return list(
        connection.execute(
            sa.select(entity_signatures.c.family).where(entity_signatures.c.entity_id == entity_id).distinct()
        ).scalars()
    )


def digest(connection: sa.Connection) -> int:
    """A checksum of the corrections kept, in order: every merge or split changes it (even one
    replacing another under the same row id), so counts cached beside it are not read stale."""
    rows = connection.execute(sa.select(entity_overrides).order_by(entity_overrides.c.id)).all()
    kept = [(r.id, r.kind, r.type, r.key, r.into_type, r.into_key) for r in rows]
    return zlib.crc32(repr(kept).encode())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def merge(connection: sa.Connection, keep: int, gone: int) -> int:
    """Make record ``gone`` part of record ``keep`` from now on; returns ``keep``."""
    if keep == gone:
        raise CorrectionError(f"cannot merge entity {keep} into itself")
    kept, merged = _record(connection, keep), _record(connection, gone)
    families = _families(connection, gone)
    connection.execute(
        sa.delete(entity_overrides).where(
            entity_overrides.c.kind == "merge",
            entity_overrides.c.type == kept.type,
            entity_overrides.c.key == kept.key,
            entity_overrides.c.into_type == merged.type,
            entity_overrides.c.into_key == merged.key,
        )
    )
    connection.execute(
        sa.insert(entity_overrides).values(
            kind="merge",
            type=merged.type,
            key=merged.key,
            into_type=kept.type,
            into_key=kept.key,
            added=_now(),
        )
    )
    Resolver(connection).resolve_families(families)
    return keep


def split(connection: sa.Connection, entity_id: int, name: str) -> int:
    """Give the mentions of ``entity_id`` written ``name`` a record of their own; returns that record's id."""
    row = _record(connection, entity_id)
    key = fold(name)
    families = list(
        connection.execute(
            sa.select(entity_signatures.c.family)
            .where(entity_signatures.c.entity_id == entity_id, entity_signatures.c.key == key)
            .distinct()
        ).scalars()
    )
    if not families:
        raise SplitNameNotFound(entity_id, name)
    # A name split away may have been merged in by hand: that merge is undone instead.
    connection.execute(
        sa.delete(entity_overrides).where(
            entity_overrides.c.kind == "merge", entity_overrides.c.key == key, entity_overrides.c.into_key == row.key
        )
    )
    connection.execute(sa.insert(entity_overrides).values(kind="split", type=row.type, key=key, added=_now()))
    Resolver(connection).resolve_families(families)
    new = connection.execute(
        sa.select(entity_signatures.c.entity_id).where(
            entity_signatures.c.family.in_(families), entity_signatures.c.key == key
        )
    ).scalar_one_or_none()
    return int(new) if new is not None else entity_id


def explain(connection: sa.Connection, entity_id: int) -> list[Resolved]:
    """Every name that makes up the record, most reported first, with the reason it is here."""
    rows = connection.execute(
        sa.select(entity_signatures)
        .where(entity_signatures.c.entity_id == entity_id)
        .order_by(entity_signatures.c.articles.desc(), entity_signatures.c.key, entity_signatures.c.hint)
    )
    return [Resolved(entity_id, r.name, r.type, r.family, r.hint, r.articles, r.mentions, r.reason or "") for r in rows]
