"""One read transaction for all a web page reads, and the store's version read only when it may have moved.

A page reads a list, its count, its facets and the store's version (which keys the counts
kept in memory): as separate transactions that was four to six of them, and the version's
queries run each time. Inside ``Store.snapshot`` every read shares one transaction, so
the page is one state of the store (on PostgreSQL too, where it is REPEATABLE READ), and
the version is read once for it.

On SQLite the version is also kept per connection between pages: ``PRAGMA data_version``
moves whenever another connection commits, and the connection's own ``total_changes``
whenever it writes, so while both stand still the version cannot have moved.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa

Version = Any
T = TypeVar("T")
# Where a SQLite connection keeps the version it last read, beside the marks it was read at.
_SEEN = "newsgraph_version_seen"


@dataclass
class Held:
    """The read transaction a snapshot holds for one engine, the version read in it, and what
    ``remembered`` read in it."""

    engine: sa.Engine
    connection: sa.Connection
    version: Version | None = None
    read: dict[Hashable, Any] = field(default_factory=dict)


_held: ContextVar[Held | None] = ContextVar("newsgraph_snapshot", default=None)


def held(engine: sa.Engine) -> Held | None:
    """The snapshot open on ``engine`` in this thread or task, if any."""
    found = _held.get()
    return found if found is not None and found.engine is engine else None


@contextmanager
def holding(engine: sa.Engine) -> Iterator[sa.Connection]:
    """Open one read transaction and make it the one every read on ``engine`` uses until the block ends."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    with connection, connection.begin():
        token = _held.set(Held(engine, connection))
        try:
            yield connection
        finally:
            _held.reset(token)


def remembered(connection: sa.Connection, key: Hashable, read: Callable[[], T]) -> T:
    """What ``read`` reads in ``connection``, read once per snapshot (a page asks its list and its facets
    which record a speaker's name means); read every time outside one."""
    snapshot = held(connection.engine)
    if snapshot is None or snapshot.connection is not connection:
        return read()
    if key not in snapshot.read:
        snapshot.read[key] = read()
    found: T = snapshot.read[key]
    return found


def version_of(connection: sa.Connection, read: Callable[[sa.Connection], Version]) -> Version:
    """The store's version as ``connection`` sees it: ``read`` only when it may have changed."""
    snapshot = held(connection.engine)
    if snapshot is not None and snapshot.connection is connection and snapshot.version is not None:
        return snapshot.version
    version = _unless_unchanged(connection, read)
    if snapshot is not None and snapshot.connection is connection:
        snapshot.version = version
    return version


def _unless_unchanged(connection: sa.Connection, read: Callable[[sa.Connection], Version]) -> Version:
    if connection.dialect.name != "sqlite":
        return read(connection)
    driver = connection.connection.dbapi_connection
    if driver is None:
        return read(connection)
    cursor = driver.cursor()
    try:
        # Run inside the connection's transaction, so it is the data_version of what the transaction reads.
        marks = (cursor.execute("PRAGMA data_version").fetchone()[0], driver.total_changes)
    finally:
        cursor.close()
    seen = connection.info.get(_SEEN)
    if seen is not None and seen[0] == marks:
        return seen[1]
    version = read(connection)
    connection.info[_SEEN] = (marks, version)
    return version
