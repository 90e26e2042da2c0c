"""Buttons answered too late for Telegram: the edit and the replies still reach the person.

Telegram refuses an answerCallbackQuery once the query is older than about 15 seconds
(after a restart, or behind a slow handler). The answer is only the little toast: what
the button did must still show.
"""

from __future__ import annotations

import json

import pytest
import telegram
from sqlalchemy import select

from bot import clock
from bot.clock import FrozenClock
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import InboxUpdate
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.e2e.teams_steps import create_team, say
from tests.sandbox.conftest import FakeClock

pytestmark = pytest.mark.usefixtures("unhurried")

TOO_LATE = {"answered": False, "text": None, "expired": True}


async def _expired(world: World, query: str) -> dict:
    answer = await world.sandbox.callback_answer(query)
    return {key: answer[key] for key in TOO_LATE}


async def test_a_slow_answer_still_shows_the_details(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    receipt = await say(world, mum, chat, "/e 8:55 30s arms")
    await world.sandbox.set_limits(callback_answer_seconds=0)  # every answer comes too late

    query = await mum.press(chat, receipt, "➕ Add details")
    await world.settle()

    assert await _expired(world, query) == TOO_LATE
    details = await chat.current(receipt)
    assert "Moderate" in [label for row in details.buttons for label, _ in row]


async def test_a_slow_answer_still_sends_the_reply(world: World, frozen_clock: FrozenClock) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    receipt = await say(world, mum, chat, "/e 8:55 30s arms")
    await world.sandbox.set_limits(callback_answer_seconds=0)

    await mum.press(chat, receipt, "✏️ Correct")
    await world.settle()

    prompt = await chat.last_bot_message()
    assert prompt.message_id != receipt.message_id
    assert (prompt.text or "").endswith("Now it reads:\n2026-11-25 08:55 30s arms")


async def test_alerts_too_late_to_show_are_said_in_the_chat(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    receipt = await say(world, mum, chat, "/e 8:55 30s arms")
    await world.sandbox.set_limits(callback_answer_seconds=0)

    await mum.press_data(chat, receipt, "ep:999999:undo", forge=True)  # a refusal
    await world.settle()
    refused = (await chat.last_bot_message()).text
    await mum.press_data(chat, receipt, "no-such-button", forge=True)  # an unknown button
    await world.settle()
    expired = (await chat.last_bot_message()).text

    assert refused == "That episode has been deleted."
    assert expired == "This button has expired."


async def test_a_press_replayed_after_a_restart_still_edits_its_message(
    emulator: Emulator, db_url: str, frozen_clock: FrozenClock
) -> None:
    settings = sandbox_settings(emulator, db_url)
    limits_clock = FakeClock()
    emulator.limits.clock = limits_clock
    async with SandboxClient(emulator.url) as sandbox:
        first = Runtime(settings, Database(db_url))
        async with running_bot(first, poll_timeout=1) as app:
            world = World(sandbox, emulator, first, app)
            mum = await world.user("Anna")
            await create_team(world, mum)
            receipt = await say(world, mum, mum.private_chat, "/e 8:55 30s arms")
        await first.db.dispose()

        # She taps while a process fetches the press, stores it and dies before handling it.
        await mum.press(mum.private_chat, receipt, "➕ Add details")
        await _store_and_die(emulator, db_url)
        limits_clock.now += 60  # the bot comes back a minute later

        second = Runtime(settings, Database(db_url))
        async with running_bot(second, poll_timeout=1) as app:
            world = World(sandbox, emulator, second, app)
            await world.settle()
            details = await mum.private_chat.current(receipt)
            async with second.db.open_session() as session:
                left = list(await session.scalars(select(InboxUpdate)))
        await second.db.dispose()

    assert "Moderate" in [label for row in details.buttons for label, _ in row]
    assert left == []


async def _store_and_die(emulator: Emulator, db_url: str) -> None:
    """What a process killed mid-batch leaves: the update stored in the inbox and confirmed."""
    async with telegram.Bot(emulator.core.token, base_url=emulator.bot_api_url) as bot:
        [update] = await bot.get_updates(timeout=0)
        await bot.get_updates(offset=update.update_id + 1, timeout=0)
    db = Database(db_url)
    async with db.transaction() as session:
        session.add(
            InboxUpdate(
                update_id=update.update_id,
                payload=json.loads(update.to_json()),
                received_at=clock.now(),
            )
        )
    await db.dispose()
