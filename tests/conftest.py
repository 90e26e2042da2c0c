"""Shared fixtures: the backend (SQLite or PostgreSQL), a fresh database per test, the clock."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import pytest

from bot import clock
from models.session import Database
from tests.support.databases import (
    PostgresDatabases,
    SqliteDatabases,
    backend_url,
    pg_reachable,
    pg_server_url,
    with_database,
)

# An autouse fixture: every emulator answer in the suite is checked against the Bot API schema.
pytest_plugins = ["tests.support.conformance"]

IN_CI = os.environ.get("CI", "").lower() == "true"


def _require_postgres(url: str) -> None:
    problem = pg_reachable(url)
    if problem is None:
        return
    if IN_CI:
        pytest.fail(f"{problem} (required under CI=true)")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    """A PostgreSQL server to create databases on (skips visibly when there is none)."""
    server = pg_server_url()
    _require_postgres(server)
    databases = PostgresDatabases(server)
    yield databases
    if databases.template:
        databases.drop(with_database(server, databases.template))


@pytest.fixture(params=["suite backend", "postgresql"])
def suite_and_postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh migrated database: the suite's own, and always a PostgreSQL one too."""
    if request.param == "suite backend":
        yield request.getfixturevalue("db_url")
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    if postgres.template is None:
        postgres.migrated_template()
    url = postgres.create(template=postgres.template)
    yield url
    postgres.drop(url)


@pytest.fixture(scope="session")
def _template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> object:
    """A migrated database per run, copied for each test."""
    if backend_url().startswith("postgresql"):
        databases = request.getfixturevalue("postgres")
        databases.migrated_template()
        return databases
    databases = SqliteDatabases(tmp_path_factory.mktemp("template"))
    databases.migrated_template()
    return databases


@pytest.fixture
def db_url(_template: object, tmp_path) -> Iterator[str]:
    """The URL of a fresh, migrated database for this test alone."""
    if isinstance(_template, PostgresDatabases):
        url = _template.create(template=_template.template)
        yield url
        _template.drop(url)
    else:
        assert isinstance(_template, SqliteDatabases)
        yield _template.copy_to(tmp_path)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    """An open ``Database`` on this test's fresh database."""
    database = Database(db_url)
    yield database
    await database.dispose()


@pytest.fixture
def frozen_clock() -> Iterator[clock.FrozenClock]:
    """Freeze time at a fixed moment for the test; move it with ``advance``."""
    frozen = clock.FrozenClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    previous = clock.use(frozen)
    yield frozen
    clock.use(previous)
