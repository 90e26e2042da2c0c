"""Sessions: a reading session sees committed rows beside a writer and never waits for it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import event, func, select, text

from models import Person
from models.session import Database
from tests.factories import make_person


async def test_a_reading_session_reads_while_a_writer_holds_its_transaction(db: Database) -> None:
    async with db.transaction() as session:
        await make_person(session, 1, "Ann")
    async with db.transaction() as writer:
        await make_person(writer, 2, "Ben")  # the write lock is held until the block ends
        async with asyncio.timeout(2), db.reading() as reader:
            seen = await reader.scalar(select(func.count()).select_from(Person))
    assert seen == 1  # the writer's row is not committed yet
    async with db.reading() as reader:
        assert await reader.scalar(select(func.count()).select_from(Person)) == 2


@pytest.fixture
def empty_postgres(postgres) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (made and dropped outside the test's event loop)."""
    url = postgres.create()
    yield url
    postgres.drop(url)


async def test_postgresql_connections_are_kept_for_what_runs_at_once(empty_postgres) -> None:
    """Twelve sessions at once, twice: the second time no new connection is opened."""
    db = Database(empty_postgres)
    opened: list[object] = []
    event.listen(db.engine.sync_engine, "connect", lambda *_: opened.append(1))

    async def busy(everyone_in: asyncio.Barrier) -> None:
        async with db.reading() as session:
            await session.execute(text("SELECT 1"))
            await everyone_in.wait()  # all twelve hold a connection at the same moment

    try:
        for _ in range(2):
            barrier = asyncio.Barrier(12)
            await asyncio.gather(*(busy(barrier) for _ in range(12)))
        assert len(opened) == 12
    finally:
        await db.dispose()
