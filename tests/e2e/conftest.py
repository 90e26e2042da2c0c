"""End-to-end fixtures: the emulator, the real Application against it, and a fresh database."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from pydantic import SecretStr
from telegram.ext import Application

from bot.delivery.pacing import Limits
from bot.polling import DurablePoller
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor, Group
from bot.settings import Settings
from models.session import Database

QUIET_SECONDS = 0.1


@dataclass
class World:
    """People, chats and the running bot, as one test sees them."""

    sandbox: SandboxClient
    emulator: Emulator
    runtime: Runtime
    app: Application

    @property
    def db(self) -> Database:
        return self.runtime.db

    async def user(self, first_name: str, *, started: bool = True, **details: str) -> Actor:
        """A person; ``started`` means they have opened a private chat with the bot."""
        person = await self.sandbox.user(first_name, **details)
        if started:
            await person.start()
        return person

    async def group(self, title: str, members: list[Actor], *, with_bot: bool = True) -> Group:
        """A group of ``members``; the first adds the bot unless ``with_bot`` is False."""
        group = await self.sandbox.group(title, members)
        if with_bot:
            await group.add_bot(by=members[0])
        return group

    async def settle(self, timeout: float = 15.0) -> None:
        """Wait until the bot has handled every update and the outbox is delivered."""
        poller, sender = self.runtime.poller, self.runtime.sender
        assert sender is not None
        async with asyncio.timeout(timeout):
            while True:
                await self.sandbox.settle(timeout)
                if poller is not None and self._handling(poller):
                    await asyncio.sleep(0.01)
                    continue
                before = sender.outcomes
                assert await sender.wait_idle(timeout), "the outbox did not drain"
                if sender.outcomes == before and not (poller and poller.busy):
                    return

    def _handling(self, poller: DurablePoller) -> bool:
        """Whether the emulator has handed over updates that the bot has not handled yet.

        A fresh poller (after a restart) has no history to compare with, so only its
        busy flag counts until it has handled its first update.
        """
        taken = self.emulator.core.queue.taken_upto
        return poller.busy or 0 < poller.handled_upto < taken


def fresh_token() -> str:
    """A bot token of its own for each emulator.

    Ports are reused between tests; a bot left running by one test must be refused
    (401) by the next test's emulator rather than steal its updates.
    """
    return f"{secrets.randbelow(10**9) + 10**8}:SANDBOX-{secrets.token_hex(16)}"


def sandbox_settings(emulator: Emulator, db_url: str) -> Settings:
    return Settings(
        bot_token=SecretStr(emulator.core.token),
        telegram_base_url=emulator.bot_api_url,
        database_url=db_url,
    )


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """The Telegram Bot API emulator on a free port."""
    emulator = Emulator(token=fresh_token())
    # The harness also watches the bot's own poller and sender (World.settle), so the
    # emulator's quiet period only has to cover the step from taking an update to handling it.
    emulator.core.activity.quiet_period = QUIET_SECONDS
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
def unhurried(emulator: Emulator) -> None:
    """People in these stories tap at human speed, so the per-chat flood limits are lifted
    (one a second, and in groups twenty a minute: edits count toward both).

    Flood control has its own stories in test_delivery and test_timer_floods. This works
    on the emulator directly, so a test may use it without the ``world`` fixture's bot.
    """
    emulator.limits.configure(per_chat_per_second=None, per_group_per_minute=None)


def _pacing_for(emulator: Emulator) -> Limits:
    """The bot paces itself by the limits the emulator enforces: lifted per chat where a
    story is ``unhurried``, Telegram's otherwise."""
    flood = emulator.limits.settings
    lifted = Limits.lifted()
    return Limits(
        per_chat=Limits.per_chat if flood.per_chat_per_second else lifted.per_chat,
        per_group=Limits.per_group if flood.per_group_per_minute else lifted.per_group,
    )


@asynccontextmanager
async def running_world(emulator: Emulator, db_url: str) -> AsyncIterator[World]:
    """The real bot running against ``emulator`` on ``db_url`` for the ``async with`` block."""
    db = Database(db_url)
    runtime = Runtime(sandbox_settings(emulator, db_url), db)
    try:
        async with (
            SandboxClient(emulator.url) as sandbox,
            running_bot(runtime, poll_timeout=1, limits=_pacing_for(emulator)) as app,
        ):
            yield World(sandbox, emulator, runtime, app)
    finally:
        await db.dispose()


@pytest.fixture
async def world(emulator: Emulator, db_url: str) -> AsyncIterator[World]:
    """The real bot running against the emulator on this test's own database."""
    async with running_world(emulator, db_url) as world:
        yield world
