"""The database connection cut mid-work (through a proxy): nothing is lost, nothing doubled.

The bot talks to PostgreSQL through a ``TcpProxy`` that the test cuts and
restores; the shared server itself is never touched.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import select

from bot.delivery.outbox import enqueue
from bot.sandbox import Emulator
from bot.sandbox.client import Chat
from bot.views.common import Reply
from models import Outbox, OutboxStatus
from models.session import Database
from tests.e2e.conftest import running_world
from tests.e2e.test_faults import eventually, make_team
from tests.support.databases import PostgresDatabases
from tests.support.tcp_proxy import TcpProxy


@pytest.fixture
def pg_url(postgres: PostgresDatabases) -> Iterator[str]:
    """A fresh migrated PostgreSQL database (skips without a server, fails under CI=true)."""
    if postgres.template is None:
        postgres.migrated_template()
    url = postgres.create(template=postgres.template)
    yield url
    postgres.drop(url)


@pytest.fixture
async def proxy(pg_url: str) -> AsyncIterator[TcpProxy]:
    async with TcpProxy.to(pg_url) as proxy:
        yield proxy


async def bot_texts(chat: Chat) -> list[str]:
    return [m.text or "" for m in await chat.messages() if m.from_bot]


async def test_a_relay_telegram_took_is_not_sent_again_when_its_sent_mark_hits_a_cut(
    emulator: Emulator, pg_url: str, proxy: TcpProxy
) -> None:
    watcher = Database(pg_url)  # the test's own view of the database, past the proxy
    try:
        async with running_world(emulator, proxy.url_for(pg_url)) as world:
            parent, group = await make_team(world.db, world.sandbox, 1)
            await world.settle()
            await world.sandbox.inject_fault("sendMessage", count=1, delay=1.5)
            async with world.db.session() as session:
                first = (await enqueue(session, group.id, Reply("Relay one")))[0].id
            world.runtime.wake_sender()

            await eventually(lambda: _claimed(watcher, first))  # Telegram is taking it now
            proxy.cut()
            await eventually(lambda: _has_text(group, "Relay one"))
            await _outage_goes_on(proxy, attempts=2)  # the sent mark has hit the cut
            proxy.restore()
            restored_at = time.monotonic()
            async with world.db.session() as session:
                await enqueue(session, group.id, Reply("Relay two"))
            world.runtime.wake_sender()
            await eventually(lambda: _has_text(group, "Relay two"), timeout=20)
            waited = time.monotonic() - restored_at
            await world.settle(30)

            texts = await bot_texts(group)
            async with watcher.sessions() as session:
                statuses = set(await session.scalars(select(Outbox.status)))
    finally:
        await watcher.dispose()
    assert texts.count("Relay one") == 1
    assert texts.count("Relay two") == 1
    assert statuses == {OutboxStatus.SENT}
    assert waited < 10


async def _claimed(db: Database, outbox_id: int) -> bool:
    async with db.sessions() as session:
        row = await session.get(Outbox, outbox_id)
        return row is not None and row.claimed_until is not None


async def _has_text(chat: Chat, text: str) -> bool:
    return text in await bot_texts(chat)


async def _outage_goes_on(proxy: TcpProxy, attempts: int) -> None:
    """Keep the cut until the bot has been turned away ``attempts`` more times."""
    target = proxy.refused + attempts

    async def enough() -> bool:
        return proxy.refused >= target

    await eventually(enough, timeout=60)
