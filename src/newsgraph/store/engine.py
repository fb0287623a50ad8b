"""Connecting to the store: a SQLite file tuned for one writer beside readers, or PostgreSQL.

SQLite runs in WAL mode so that a web server can read while an ingest writes;
``busy_timeout`` makes a second writer wait instead of failing. Python's sqlite3
driver opens transactions lazily and never with ``BEGIN IMMEDIATE``, so the store
issues its own BEGIN: deferred for readers, IMMEDIATE for writers (a writer that
first reads and then writes would otherwise deadlock against another one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from newsgraph.errors import StoreError

BUSY_TIMEOUT_MS = 30_000
WRITE = {"newsgraph_write": True}
# Connections kept open to a SQLite file: one per concurrent web request, so that 20 clients
# do not queue for the 15 of SQLAlchemy's default pool (each request also reads the store's version).
SQLITE_POOL = 24
# Reads map the file instead of copying its pages into each connection's cache (the OS shares
# the mapping between connections); each connection still keeps its own cache of 32 MB.
MMAP_BYTES = 1 << 30
CACHE_KIB = 32_768


def create_engine(url: str) -> sa.Engine:
    """An engine for a ``sqlite:///path`` or ``postgresql://`` URL, set up for the store."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as error:
        raise StoreError(
            f"'{url}' is not a database URL: give a file path, sqlite:///PATH or postgresql://…"
        ) from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(parsed, pool_pre_ping=True)
    raise StoreError(f"unsupported database '{backend}': newsgraph stores into SQLite or PostgreSQL")


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database
    memory = not database or database == ":memory:"
    if database and not memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    options: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}}
    if memory:
        # One shared connection: each new one would be a new empty database.
        options["poolclass"] = StaticPool
    else:
        options.update(pool_size=SQLITE_POOL, max_overflow=SQLITE_POOL)
    engine = sa.create_engine(url, **options)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        # Sorting, grouping and the matching quotes' table (matching.py) stay in memory, not temporary files.
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get("newsgraph_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
