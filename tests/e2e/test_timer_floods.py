"""Several live timers in one chat under Telegram's flood limits: a 429 is waited out.

Each running timer edits its message every 10 seconds. When Telegram answers an edit
with 429, that chat is paused for retry_after: the ticker makes no call there until it
has passed (a call made anyway would make the pause longer), then catches up.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.handlers.timer import tick
from bot.sandbox.client import Chat, Message
from tests.e2e.conftest import World
from tests.e2e.report_steps import press, send
from tests.e2e.teams_steps import create_team

pytestmark = pytest.mark.usefixtures("unhurried")


async def _time_passes(world: World, frozen_clock: FrozenClock, seconds: float) -> None:
    frozen_clock.advance(timedelta(seconds=seconds))
    await tick(world.runtime, world.app.bot)
    await world.settle()


async def _twins_timed(world: World) -> tuple[Chat, list[Message]]:
    """Anna times a seizure of each twin at once, in her private chat."""
    mum = await world.user("Anna")
    await create_team(world, mum, "Lily")
    await create_team(world, mum, "Max")
    timers = []
    for name in ("Lily", "Max"):
        choice = await send(world, mum, mum.private_chat, "/timer")
        timers.append(await press(world, mum, mum.private_chat, choice, name))
    return mum.private_chat, timers


async def _edits(world: World) -> list[tuple[int, int]]:
    """(status, message id) of the edits the bot made since the last look."""
    calls = await world.sandbox.calls("editMessageText")
    await world.sandbox.clear_calls()
    return [(call["status"], int(call["params"]["message_id"])) for call in calls]


async def test_a_429_to_a_chat_pauses_every_timer_there_until_retry_after(
    world: World, frozen_clock: FrozenClock
) -> None:
    chat, (lily, max_) = await _twins_timed(world)
    world.emulator.limits.clock = lambda: frozen_clock.now().timestamp()
    # One message every 20 s in this chat: the second timer's edit is refused for 20 s.
    world.emulator.limits.configure(per_chat_per_second=0.05, chat_burst=1)
    await world.sandbox.clear_calls()

    await _time_passes(world, frozen_clock, 10)
    first = await _edits(world)
    await _time_passes(world, frozen_clock, 10)  # both are due again, 10 s into the pause
    during_pause = await _edits(world)
    await _time_passes(world, frozen_clock, 10)  # the pause is over
    after = await _edits(world)

    assert first == [(200, lily.message_id), (429, max_.message_id)]
    assert during_pause == []
    assert after[0] == (200, lily.message_id)
    assert (await chat.current(lily)).text.startswith("⏱ 0:30 — seizure timer for Lily")


async def test_the_last_picture_of_an_ended_timer_is_sent_after_the_pause(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    started = await send(world, mum, mum.private_chat, "/timer")
    await _time_passes(world, frozen_clock, 59 * 60 + 55)
    world.emulator.limits.clock = lambda: frozen_clock.now().timestamp()
    world.emulator.limits.configure(per_chat_per_second=0.05, chat_burst=1)
    await world.app.bot.send_message(mum.id, "Another message takes this chat's turn.")
    await world.sandbox.clear_calls()

    frozen_clock.advance(timedelta(seconds=5))  # an hour: the timer ends, its edit gets 429
    await tick(world.runtime, world.app.bot)
    await world.sandbox.settle()
    refused = await mum.private_chat.current(started)
    await _time_passes(world, frozen_clock, 15)  # Telegram's retry_after

    edits = await _edits(world)
    assert edits == [(429, started.message_id), (200, started.message_id)]
    assert refused.text.startswith("⏱ 59:55")
    final = await mum.private_chat.current(started)
    assert not final.text.startswith("⏱ 59:55")
    assert final.buttons == []
