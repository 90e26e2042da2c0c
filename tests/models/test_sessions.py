"""Sessions: a reading session sees committed rows beside a writer and never waits for it."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

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
