"""Throw-away test databases: a migrated template per run, a fresh copy per test."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from bot import schema as migrate

DEFAULT_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def backend_url() -> str:
    """The database the suite runs on: ``sqlite`` (default) or a PostgreSQL URL."""
    return os.environ.get("CARECIRCLE_TEST_DATABASE_URL", "sqlite")


def pg_server_url() -> str:
    """The PostgreSQL server used for tests that always need PostgreSQL."""
    url = backend_url()
    if url.startswith("postgresql"):
        return url
    return os.environ.get("CARECIRCLE_TEST_PG_URL", DEFAULT_PG_URL)


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _admin(url: str, *statements: str) -> None:
    connection = await asyncpg.connect(_dsn(url), timeout=5)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def pg_reachable(url: str) -> str | None:
    """None if the server answers, else why not."""
    try:
        asyncio.run(_admin(url, "SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"PostgreSQL at {make_url(url).render_as_string()} is unreachable: {error}"
    return None


class PostgresDatabases:
    """Creates uniquely named databases on one server and drops them afterwards."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.prefix = f"cc_{uuid.uuid4().hex[:10]}"
        self.template: str | None = None

    def create(self, template: str | None = None) -> str:
        name = f"{self.prefix}_{uuid.uuid4().hex[:8]}"
        clause = f' TEMPLATE "{template}"' if template else ""
        asyncio.run(_admin(self.server_url, f'CREATE DATABASE "{name}"{clause}'))
        return with_database(self.server_url, name)

    def migrated_template(self) -> str:
        url = self.create()
        asyncio.run(migrate.upgrade(url))
        self.template = make_url(url).database
        return url

    def drop(self, url: str) -> None:
        name = make_url(url).database
        asyncio.run(_admin(self.server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class SqliteDatabases:
    """Copies a migrated SQLite file into each test's folder."""

    def __init__(self, folder: Path) -> None:
        self.template = folder / "template.db"

    def migrated_template(self) -> str:
        url = f"sqlite+aiosqlite:///{self.template}"
        asyncio.run(migrate.upgrade(url))
        return url

    def copy_to(self, folder: Path) -> str:
        target = folder / "carecircle.db"
        shutil.copyfile(self.template, target)
        return f"sqlite+aiosqlite:///{target}"
