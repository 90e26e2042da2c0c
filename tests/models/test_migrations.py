"""The migrations build exactly the models' schema, on SQLite and on PostgreSQL, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

import models
from bot import schema as migrate
from models.session import Database
from tests.support.databases import PostgresDatabases


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    url = postgres.create()
    yield url
    postgres.drop(url)


async def _differences(url: str) -> list:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}),
                    models.Base.metadata,
                )
            )
    finally:
        await engine.dispose()


async def _tables(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_upgrade_head_gives_exactly_the_models_schema(empty_url: str) -> None:
    await migrate.upgrade(empty_url)

    assert await _differences(empty_url) == []


async def test_downgrade_to_base_then_upgrade_again(empty_url: str) -> None:
    await migrate.upgrade(empty_url)

    await migrate.downgrade(empty_url)
    assert await _tables(empty_url) == {"alembic_version"}

    await migrate.upgrade(empty_url)
    assert await _differences(empty_url) == []


async def test_a_database_behind_the_code_is_refused_with_the_command_to_run(
    empty_url: str,
) -> None:
    database = Database(empty_url)
    try:
        with pytest.raises(migrate.SchemaOutOfDate, match="carecircle db upgrade"):
            await migrate.ensure_up_to_date(database.engine)
        await migrate.upgrade(empty_url)
        await migrate.ensure_up_to_date(database.engine)
    finally:
        await database.dispose()
