"""Faults that must lose nothing: the bot killed mid-burst, the database stopped mid-report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot import schema as migrate
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor, Group
from models import Episode
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.factories import link_group, make_child, make_member, make_person
from tests.support.private_postgres import PrivatePostgres
from tests.support.processes import BotProcess, inbox_emptied, outbox_drained
from tests.support.waiting import eventually

pytestmark = pytest.mark.slow

TEAMS, REPORTS_EACH = 20, 10
RELAY_TIME = re.compile(r"episode at (\d\d:\d\d)")


async def make_team(db: Database, sandbox: SandboxClient, n: int) -> tuple[Actor, Group]:
    """A parent with a linked group (arranged in the database, as the team flow would)."""
    parent = await sandbox.user(f"Parent {n}")
    group = await sandbox.group(f"Team {n}", [parent])
    async with db.transaction() as session:  # before the bot meets the parent
        child = await make_child(session, name=f"Child {n}", timezone="UTC")
        await link_group(session, child, group.id)
        await make_member(session, child, await make_person(session, parent.id, parent.first_name))
    await group.add_bot(by=parent)
    await parent.start()
    return parent, group


async def receipts_at_least(teams: list[tuple[Actor, Group]], count: int) -> bool:
    return sum([await receipts(parent) for parent, _ in teams]) >= count


async def receipts(parent: Actor) -> int:
    """How many reports the bot has acknowledged to ``parent``."""
    return sum("Saved and shared" in text for text in await parent.private_chat.bot_texts())


async def test_a_bot_killed_mid_burst_loses_no_report_and_relays_every_one(
    emulator: Emulator, db_url: str
) -> None:
    db = Database(db_url)
    first, second = (
        BotProcess(emulator.bot_api_url, db_url, emulator.core.token),
        BotProcess(emulator.bot_api_url, db_url, emulator.core.token),
    )
    async with SandboxClient(emulator.url) as sandbox:
        await sandbox.set_limits(per_chat_per_second=None, per_group_per_minute=None)
        teams = [await make_team(db, sandbox, n) for n in range(TEAMS)]
        times = [f"00:{10 + 4 * r:02d}" for r in range(REPORTS_EACH)]
        try:
            await first.start()
            await first.wait_for("CareCircle is running")
            for when in times:
                for parent, _ in teams:
                    await parent.send(parent.private_chat, f"/e {when} 30s")
            # The bot runs in another process, with no event to await: poll its answers.
            await eventually(
                lambda: receipts_at_least(teams, TEAMS * REPORTS_EACH // 3),
                timeout=60,
                what="a third of the reports to be acknowledged",
            )
            first.kill()
            acknowledged = {p.id: await receipts(p) for p, _ in teams}

            await second.start()
            await second.wait_for("CareCircle is running")
            # However loaded the machine, the second process gets there: wait for its work,
            # not for a time (every update stored and handled, then every relay sent).
            await inbox_emptied(db, emulator.core.queue)
            await outbox_drained(db)
        finally:
            await first.stop()
            await second.stop()

        async with db.open_session() as session:
            saved = Counter(
                (
                    await session.execute(
                        select(Episode.child_id, func.count()).group_by(Episode.child_id)
                    )
                ).all()
            )
        await db.dispose()
        duplicates = 0
        for parent, group in teams:
            relays = Counter(
                found.group(1)
                for text in await group.bot_texts()
                if (found := RELAY_TIME.search(text))
            )
            assert set(relays) == set(times), f"{group.id}: {relays}"
            duplicates += sum(relays.values()) - len(times)
            assert acknowledged[parent.id] <= REPORTS_EACH
        print(f"\nrelay duplicates after SIGKILL: {duplicates} of {TEAMS * REPORTS_EACH}")
        assert sorted(count for _, count in saved) == [REPORTS_EACH] * TEAMS


@pytest.fixture
async def private_pg() -> AsyncIterator[PrivatePostgres]:
    problem = PrivatePostgres.available()
    if problem:
        pytest.skip(problem)
    server = PrivatePostgres()
    server.init()
    server.start()
    yield server
    server.remove()


@pytest.fixture
async def pg_world(emulator: Emulator, private_pg: PrivatePostgres) -> AsyncIterator[World]:
    """The bot on a PostgreSQL server of its own, which the test may stop."""
    await migrate.upgrade(private_pg.url)
    db = Database(private_pg.url)
    runtime = Runtime(sandbox_settings(emulator, private_pg.url), db)
    try:
        async with (
            SandboxClient(emulator.url) as sandbox,
            running_bot(runtime, poll_timeout=1) as app,
        ):
            yield World(sandbox, emulator, runtime, app)
    finally:
        await db.dispose()


async def test_a_report_made_while_postgres_is_down_is_saved_once_it_is_back_and_its_sender_told(
    pg_world: World, private_pg: PrivatePostgres
) -> None:
    parent, group = await make_team(pg_world.db, pg_world.sandbox, 1)
    await pg_world.settle()

    private_pg.stop()
    sent = await parent.send(parent.private_chat, "/e 30s")
    await pg_world.sandbox.settle(20)
    promise = await parent.private_chat.last_bot_message()
    private_pg.start()
    await parent.send(parent.private_chat, "/e 45s")
    await pg_world.settle(30)

    assert promise.text == "I couldn't save this yet — I'll save it as soon as I can and tell you."
    answers = (await parent.private_chat.bot_messages())[-2:]
    assert all("Saved and shared" in (m.text or "") for m in answers)
    assert answers[0].raw["reply_to_message_id"] == sent  # the late answer says what it answers
    async with pg_world.db.open_session() as session:
        durations = list(
            await session.scalars(select(Episode.duration_seconds).order_by(Episode.id))
        )
    assert durations == [30, 45]
    assert sum("episode at" in (m.text or "") for m in await group.messages()) == 2
