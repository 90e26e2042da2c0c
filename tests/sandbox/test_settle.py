"""settle knows the bot: with ``carecircle sandbox`` it waits for the bot's own paced sender."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor, Chat, Message
from bot.sandbox.runner import running_sandbox
from bot.settings import Settings


@pytest.fixture
async def sandbox_with_bot(db_url: str) -> AsyncIterator[tuple[Emulator, SandboxClient]]:
    async with (
        running_sandbox(Settings(database_url=db_url), database_url=db_url) as emulator,
        SandboxClient(emulator.url) as client,
    ):
        yield emulator, client


async def _say(sandbox: SandboxClient, person: Actor, chat: Chat, text: str) -> Message:
    await person.send(chat, text)
    await sandbox.settle(timeout=15)
    return await chat.last_bot_message()


async def _tap(sandbox: SandboxClient, person: Actor, chat: Chat, label: str) -> None:
    await person.press(chat, await chat.last_bot_message(), label)
    await sandbox.settle(timeout=15)


async def test_settle_waits_until_the_bots_paced_messages_are_out(
    sandbox_with_bot: tuple[Emulator, SandboxClient],
) -> None:
    _, sandbox = sandbox_with_bot
    mum, dad = await sandbox.user("Anna"), await sandbox.user("Ben")
    await mum.start()
    await _say(sandbox, mum, mum.private_chat, "/newchild")
    await _say(sandbox, mum, mum.private_chat, "Lily")
    for label in ("London", "Skip"):
        await _tap(sandbox, mum, mum.private_chat, label)
    group = await sandbox.group("Lily's team", [mum, dad])
    await group.add_bot(by=mum)
    await _say(sandbox, mum, group, "/link")

    for minute in range(10, 14):  # four reports: the bot relays them one a second
        await mum.send(mum.private_chat, f"/e 8:{minute} 30s arms")
    await sandbox.settle(timeout=15)

    relays = [
        m.text or ""
        for m in await group.messages()
        if m.from_bot and "episode at" in (m.text or "")
    ]
    assert [relay.splitlines()[0] for relay in relays] == [
        f"⚡ Lily — episode at 08:{minute}" for minute in range(10, 14)
    ]


async def test_settle_waits_for_what_the_bot_says_it_has_left(emulator: Emulator) -> None:
    left = [True, True, True]

    async def settled() -> bool:
        return not (left and left.pop())

    emulator.core.activity.bot_settled = settled
    emulator.core.activity.quiet_period = 0.01

    assert await emulator.core.activity.settle(emulator.core.queue, timeout=5)
    assert left == []
