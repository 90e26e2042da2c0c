"""The engine migrations run on, shared by ``bot.schema`` and the ``alembic`` command's env.py.

It lives here, not in ``bot.schema``, so that the migrations import nothing of the program
that runs them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def migration_engine(url: str) -> AsyncEngine:
    """An engine for migrating: on SQLite, foreign keys are off while tables are rebuilt.

    Batch mode copies and drops tables; with foreign keys on, the drop would
    fire ON DELETE CASCADE and empty the tables that point at it.
    """
    engine = create_async_engine(url)
    if make_url(url).get_backend_name() == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.cursor().execute("PRAGMA foreign_keys=OFF")

        @event.listens_for(engine.sync_engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

    return engine
