"""End-to-end fixtures: the emulator, the real Application against it, and a fresh database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from pydantic import SecretStr
from telegram.ext import Application

from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor, Group
from bot.sandbox.runner import SANDBOX_TOKEN
from bot.settings import Settings
from models.session import Database


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
        await self.sandbox.settle(timeout)
        assert self.runtime.sender is not None
        assert await self.runtime.sender.wait_idle(timeout), "the outbox did not drain"
        await self.sandbox.settle(timeout)


def sandbox_settings(emulator: Emulator, db_url: str) -> Settings:
    return Settings(
        bot_token=SecretStr(SANDBOX_TOKEN),
        telegram_base_url=emulator.bot_api_url,
        database_url=db_url,
    )


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """The Telegram Bot API emulator on a free port."""
    emulator = Emulator(token=SANDBOX_TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def world(emulator: Emulator, db_url: str) -> AsyncIterator[World]:
    """The real bot running against the emulator on this test's own database."""
    db = Database(db_url)
    runtime = Runtime(sandbox_settings(emulator, db_url), db)
    try:
        async with (
            SandboxClient(emulator.url) as sandbox,
            running_bot(runtime, poll_timeout=1) as app,
        ):
            yield World(sandbox, emulator, runtime, app)
    finally:
        await db.dispose()
