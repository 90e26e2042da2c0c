"""The database connection cut mid-work (through a proxy): nothing is lost, nothing doubled.

The bot talks to PostgreSQL through a ``TcpProxy`` that the test cuts and
restores; the shared server itself is never touched.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import func, select

from bot.delivery.outbox import enqueue
from bot.replies import Reply
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor, Chat
from models import Episode, InboxUpdate, Outbox, OutboxStatus
from models.session import Database
from tests.e2e.conftest import running_world
from tests.e2e.test_faults import make_team
from tests.support.databases import PostgresDatabases
from tests.support.tcp_proxy import TcpProxy
from tests.support.waiting import eventually

LATER = "I couldn't save this yet — I'll save it as soon as I can and tell you."
NOTHING_RECORDED = "nothing was recorded"
SAVED = "Saved and shared"
SAVED_AFTER_ALL = "Saved after all"  # the commit went through, its answer was cut off
ALREADY = "You just sent this same report — it's saved once, not twice."
RELAY_TIME = re.compile(r"episode at (\d\d:\d\d)")


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


async def count_texts(chat: Chat, part: str) -> int:
    return sum(part in text for text in await chat.bot_texts())


async def relay_times(chat: Chat) -> Counter[str]:
    return Counter(
        found.group(1) for text in await chat.bot_texts() if (found := RELAY_TIME.search(text))
    )


async def table_count(db: Database, table: type) -> int:
    async with db.open_session() as session:
        return await session.scalar(select(func.count()).select_from(table)) or 0


async def test_a_report_sent_during_a_cut_is_saved_when_the_database_is_back_and_a_retype_is_not_a_second(  # noqa: E501
    emulator: Emulator, pg_url: str, proxy: TcpProxy
) -> None:
    url = proxy.url_for(pg_url)
    async with running_world(emulator, url) as world:
        parent, group = await make_team(world.db, world.sandbox, 1)
        await world.settle()
        before = len(await parent.private_chat.bot_texts())

        proxy.cut()
        await parent.send(parent.private_chat, "/e 30s face")
        await eventually(lambda: _has(parent, LATER, 1), timeout=30)
        await parent.send(parent.private_chat, "/e  30S Face")  # retyped, as people do
        await eventually(lambda: _has(parent, LATER, 2), timeout=30)
        proxy.restore()
        await world.settle(60)
        replies = (await parent.private_chat.bot_texts())[before:]
        assert await table_count(world.db, InboxUpdate) == 0

    async with running_world(emulator, url) as world:  # the next start finds nothing to redo
        await world.settle(30)
        async with world.db.open_session() as session:
            durations = list(await session.scalars(select(Episode.duration_seconds)))
        relays = await relay_times(Chat(world.sandbox, group.id))
        private = await Chat(world.sandbox, parent.id).bot_texts()

    assert replies[:2] == [LATER, LATER]
    assert [SAVED in text for text in replies[2:]] == [True, False]
    assert replies[3].startswith(ALREADY)
    assert private[before:] == replies
    assert durations == [30]
    assert sum(relays.values()) == 1


async def _has(person: Actor, text: str, count: int) -> bool:
    return await count_texts(person.private_chat, text) >= count


async def test_a_button_pressed_during_a_cut_takes_effect_when_the_database_is_back(
    emulator: Emulator, pg_url: str, proxy: TcpProxy
) -> None:
    async with running_world(emulator, proxy.url_for(pg_url)) as world:
        parent, group = await make_team(world.db, world.sandbox, 1)
        await parent.send(parent.private_chat, "/e 30s face")
        await world.settle()
        receipt = await parent.private_chat.last_bot_message()

        proxy.cut()
        query = await parent.press(parent.private_chat, receipt, "↩️ Undo")
        await eventually(lambda: _answered(world.sandbox, query), timeout=30)
        answer = await world.sandbox.callback_answer(query)
        proxy.restore()
        await world.settle(60)

        shown = await parent.private_chat.current(receipt)
        async with world.db.open_session() as session:
            [episode] = await session.scalars(select(Episode))
        told_group = await group.bot_texts()

    assert answer["text"] == LATER and answer["show_alert"]
    assert (shown.text or "").startswith("↩️ Undone")
    assert episode.deleted_at is not None
    assert any("took back the report" in text for text in told_group)


async def _answered(sandbox: SandboxClient, query: str) -> bool:
    return bool((await sandbox.callback_answer(query))["answered"])


TEAMS, REPORTS_EACH = 5, 6


async def test_a_ten_second_cut_during_a_burst_loses_no_report_and_invents_none(
    emulator: Emulator, pg_url: str, proxy: TcpProxy
) -> None:
    url = proxy.url_for(pg_url)
    times = [f"00:{10 + 4 * r:02d}" for r in range(REPORTS_EACH)]
    async with running_world(emulator, url) as world:
        await world.sandbox.set_limits(per_chat_per_second=None, per_group_per_minute=None)
        teams = [await make_team(world.db, world.sandbox, n) for n in range(TEAMS)]
        await world.settle()
        for when in times:
            for parent, _ in teams:
                await parent.send(parent.private_chat, f"/e {when} 30s")
        await eventually(lambda: _saved_at_least(teams, TEAMS * REPORTS_EACH // 4))
        proxy.cut()
        await eventually(lambda: _told_later(teams))
        await _outage_goes_on(proxy, attempts=10)  # the bot keeps knocking for some seconds
        proxy.restore()
        await world.settle(90)

    async with running_world(emulator, url) as world:  # nothing is handled a second time
        await world.settle(60)
        async with world.db.open_session() as session:
            saved = Counter(
                (
                    await session.execute(
                        select(Episode.child_id, func.count()).group_by(Episode.child_id)
                    )
                ).all()
            )
        assert await table_count(world.db, InboxUpdate) == 0
        for parent, group in teams:
            assert await relay_times(Chat(world.sandbox, group.id)) == Counter(times), group.id
            private = Chat(world.sandbox, parent.id)
            told_saved = await count_texts(private, SAVED) + await count_texts(
                private, SAVED_AFTER_ALL
            )
            assert told_saved == REPORTS_EACH
            assert await count_texts(private, NOTHING_RECORDED) == 0

    assert sorted(count for _, count in saved) == [REPORTS_EACH] * TEAMS


async def _saved_at_least(teams: list[tuple[Actor, Chat]], count: int) -> bool:
    return sum([await count_texts(p.private_chat, SAVED) for p, _ in teams]) >= count


async def _told_later(teams: list[tuple[Actor, Chat]]) -> bool:
    return any([await count_texts(p.private_chat, LATER) for p, _ in teams])


async def test_a_relay_telegram_took_is_not_sent_again_when_its_sent_mark_hits_a_cut(
    emulator: Emulator, pg_url: str, proxy: TcpProxy
) -> None:
    watcher = Database(pg_url)  # the test's own view of the database, past the proxy
    try:
        async with running_world(emulator, proxy.url_for(pg_url)) as world:
            parent, group = await make_team(world.db, world.sandbox, 1)
            await world.settle()
            await world.sandbox.inject_fault("sendMessage", count=1, delay=1.5)
            async with world.db.transaction() as session:
                first = (await enqueue(session, group.id, Reply("Relay one")))[0].id
            world.runtime.wake_sender()

            await eventually(lambda: _claimed(watcher, first))  # Telegram is taking it now
            proxy.cut()
            await eventually(lambda: _has_text(group, "Relay one"))
            await _outage_goes_on(proxy, attempts=2)  # the sent mark has hit the cut
            proxy.restore()
            restored_at = time.monotonic()
            async with world.db.transaction() as session:
                await enqueue(session, group.id, Reply("Relay two"))
            world.runtime.wake_sender()
            await eventually(lambda: _has_text(group, "Relay two"), timeout=20)
            waited = time.monotonic() - restored_at
            await world.settle(30)

            texts = await group.bot_texts()
            async with watcher.open_session() as session:
                statuses = set(await session.scalars(select(Outbox.status)))
    finally:
        await watcher.dispose()
    assert texts.count("Relay one") == 1
    assert texts.count("Relay two") == 1
    assert statuses == {OutboxStatus.SENT}
    assert waited < 10


async def _claimed(db: Database, outbox_id: int) -> bool:
    async with db.open_session() as session:
        row = await session.get(Outbox, outbox_id)
        return row is not None and row.claimed_until is not None


async def _has_text(chat: Chat, text: str) -> bool:
    return text in await chat.bot_texts()


async def _outage_goes_on(proxy: TcpProxy, attempts: int) -> None:
    """Keep the cut until the bot has been turned away ``attempts`` more times."""
    target = proxy.refused + attempts

    async def enough() -> bool:
        return proxy.refused >= target

    await eventually(enough, timeout=60)
