"""Schema migrations from inside the program: upgrade, downgrade, and the up-to-date check."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from migrations.engine import migration_engine

MIGRATIONS_DIR = Path(migrations.__file__).parent


class SchemaOutOfDate(RuntimeError):
    """The database is behind (or ahead of) the code's migrations."""


def alembic_config(url: str) -> Config:
    """Alembic configuration for ``url`` without an ini file."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def _run(url: str, action: str, target: str) -> None:
    config = alembic_config(url)
    engine = migration_engine(url)
    try:
        async with engine.begin() as connection:

            def _do(sync_connection: Connection) -> None:
                config.attributes["connection"] = sync_connection
                getattr(command, action)(config, target)

            await connection.run_sync(_do)
    finally:
        await engine.dispose()


async def upgrade(url: str, target: str = "head") -> None:
    """Migrate the database at ``url`` up to ``target``."""
    await _run(url, "upgrade", target)


async def downgrade(url: str, target: str = "base") -> None:
    """Migrate the database at ``url`` down to ``target``."""
    await _run(url, "downgrade", target)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


async def ensure_up_to_date(engine: AsyncEngine) -> None:
    """Raise ``SchemaOutOfDate`` unless the database is at the code's head revision."""
    current, head = await current_revision(engine), head_revision()
    if current != head:
        state = f"at revision {current}" if current else "not initialised"
        raise SchemaOutOfDate(
            f"The database is {state}, but this version of CareCircle needs {head}. "
            "Run `carecircle db upgrade` first."
        )
