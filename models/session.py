"""Engines and sessions: one ``AsyncSession`` per update or job, committed once by its owner."""

from __future__ import annotations

import asyncio
import functools
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Insert, Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

if TYPE_CHECKING:
    from models.base import Base

SQLITE_BUSY_TIMEOUT_MS = 5000
# Connections a process keeps open to PostgreSQL, and opens at the most (a server allows
# 100 by default: several processes and a few clients fit).
PG_POOL_SIZE, PG_POOL_PEAK = 16, 20
READ_ONLY = "carecircle_read_only"  # an execution option: this connection only reads


def _prepare_sqlite(engine: AsyncEngine) -> None:
    """Apply WAL, foreign keys and a busy timeout, and take over BEGIN.

    pysqlite/aiosqlite emit BEGIN lazily and break SAVEPOINT; SQLAlchemy's
    documented recipe disables that and emits our own. IMMEDIATE takes the
    write lock up front, so two writers queue on the busy timeout instead of
    failing with "database is locked" when a read lock cannot be upgraded.
    A session of ``Database.reading`` only reads, so it begins DEFERRED: in WAL
    mode it reads a snapshot beside the writer instead of queueing behind it.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        reading = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


async def first_mark(session: AsyncSession, row: Base) -> bool:
    """Insert ``row`` unless its primary key is taken; whether it went in. One statement.

    A concurrent transaction inserting the same key makes this one wait for its outcome
    (PostgreSQL) or for the write lock (SQLite), then skip: never a unique-key error.
    """
    table = row.__table__
    values = {column.key: getattr(row, column.key) for column in table.columns}
    statement = _insert_unless_taken(session.get_bind().dialect.name, table)
    return (await session.execute(statement, values)).first() is not None


@functools.cache
def _insert_unless_taken(dialect: str, table: Table) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING RETURNING the key, built once per table."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing().returning(*table.primary_key)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine for ``url`` with CareCircle's connection settings."""
    on_sqlite = make_url(url).get_backend_name() == "sqlite"
    if not on_sqlite and "poolclass" not in kwargs:
        # Enough kept open for what runs at once (the update lanes, the sender's workers,
        # the poller, the scheduler): past the pool's size every checkout opened a new
        # connection and closed it after, a PostgreSQL backend each time.
        kwargs = {"pool_size": PG_POOL_SIZE, "max_overflow": PG_POOL_PEAK - PG_POOL_SIZE, **kwargs}
    # Parameters are health data and people's words: errors and logs never show them.
    engine = create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)
    if on_sqlite:
        _prepare_sqlite(engine)
    return engine


class Database:
    """The engine and session factory of one database."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._writers: weakref.WeakSet[asyncio.Task[object]] = weakref.WeakSet()
        self.engine = create_engine(url, **engine_kwargs)
        # A plain session whose owner commits (or not) itself; ``transaction`` commits for you.
        self.open_session = async_sessionmaker(self.engine, expire_on_commit=False)
        # A session that only reads: on SQLite it takes no write lock (see _prepare_sqlite).
        self.reading = async_sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session that commits once if the block succeeds and rolls back if it raises.

        On SQLite, one writer at a time anyway: this process's writers queue here, in
        order, rather than in SQLite's busy handler, which sleeps up to 100 ms a try.
        """
        async with self._writing(), self.open_session() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[None]:
        """Hold this process's SQLite write turn; a task inside one already has it."""
        task = asyncio.current_task()
        if not self.is_sqlite or task is None or task in self._writers:
            yield
            return
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        async with lock:
            self._writers.add(task)
            try:
                yield
            finally:
                self._writers.discard(task)

    async def dispose(self) -> None:
        await self.engine.dispose()
