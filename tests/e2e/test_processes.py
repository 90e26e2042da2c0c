"""Several processes: one leader at a time, a standby takes over, SQLite allows only one."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import schema as migrate
from bot.delivery.outbox import enqueue
from bot.replies import Reply
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from models.session import Database
from tests.support.databases import PostgresDatabases
from tests.support.processes import BotProcess, outbox_drained

pytestmark = pytest.mark.slow


@pytest.fixture
def pg_url(postgres: PostgresDatabases) -> Iterator[str]:
    """A migrated PostgreSQL database of its own, whatever the suite's backend."""
    url = postgres.create()
    asyncio.run(migrate.upgrade(url))
    yield url
    postgres.drop(url)


async def queue_notices(db: Database, people: list[Actor], label: str, count: int) -> None:
    async with db.transaction() as session:
        for n in range(count):
            for person in people:
                await enqueue(session, person.id, Reply(f"{label} {n}"))


async def test_a_second_process_on_one_sqlite_database_refuses_to_start(
    emulator: Emulator, tmp_path: Path
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'one.db'}"
    await migrate.upgrade(url)
    first = BotProcess(emulator.bot_api_url, url, emulator.core.token)
    second = BotProcess(emulator.bot_api_url, url, emulator.core.token)
    try:
        await first.start()
        await first.wait_for("CareCircle is running")

        await second.start()
        code = await second.wait()
    finally:
        await first.stop()
        await second.stop()

    assert code == 2
    assert second.output[-1].startswith("carecircle: Another CareCircle process is already using")


async def test_when_the_leader_dies_a_standby_takes_over_and_nothing_is_sent_twice(
    emulator: Emulator, pg_url: str
) -> None:
    db = Database(pg_url)
    leader = BotProcess(emulator.bot_api_url, pg_url, emulator.core.token)
    standby = BotProcess(emulator.bot_api_url, pg_url, emulator.core.token)
    async with SandboxClient(emulator.url) as sandbox:
        people = [await sandbox.user(f"Parent {n}") for n in range(20)]
        for person in people:
            await person.start()
        try:
            await leader.start()
            await leader.wait_for("CareCircle is running")
            await standby.start()
            await standby.wait_for("standing by")

            await queue_notices(db, people, "Before", 3)
            await outbox_drained(db, timeout=60)
            leader.kill()
            killed_at = time.monotonic()
            await queue_notices(db, people, "After", 3)
            await standby.wait_for("CareCircle is running", timeout=15)
            took_over_in = time.monotonic() - killed_at
            await outbox_drained(db, timeout=60)
            await sandbox.settle(10)
        finally:
            await leader.stop()
            await standby.stop()
            await db.dispose()

        assert took_over_in < 10
        expected = [f"{label} {n}" for label in ("Before", "After") for n in range(3)]
        for person in people:
            texts = await person.private_chat.bot_texts()
            assert texts[1:] == expected, f"{person}: {texts}"
