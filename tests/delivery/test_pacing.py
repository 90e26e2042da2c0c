"""The bot's own pacing: Telegram's limits unless the settings turn them off."""

from __future__ import annotations

import pytest

from bot.delivery.pacing import Limits, Pacing
from bot.settings import Settings

GROUP = -100123


async def _send(pacing: Pacing, times: int) -> None:
    async def call() -> bool:
        return True

    for _ in range(times):
        await pacing.process_request(call, (), {}, "sendMessage", {"chat_id": GROUP}, None)


@pytest.mark.parametrize("written", ["off", "false", "0"])
def test_the_limits_are_lifted_only_when_the_settings_say_so(written: str) -> None:
    assert Limits.of(Settings()) == Limits()
    assert Limits.of(Settings(telegram_limits=written)) == Limits.lifted()


async def test_telegrams_limits_hold_a_fourth_message_to_a_chat_within_three_seconds() -> None:
    now = [0.0]
    pacing = Pacing(Limits(), clock=lambda: now[0])

    await _send(pacing, 3)

    assert pacing.chat_wait(GROUP) == pytest.approx(3.0)
    now[0] = 3.0
    assert pacing.chat_wait(GROUP) == 0.0


async def test_lifted_limits_let_a_burst_through_at_once() -> None:
    pacing = Pacing(Limits.lifted(), clock=lambda: 0.0)

    await _send(pacing, 200)

    assert pacing.chat_wait(GROUP) == 0.0
    assert pacing.overall.wait(0.0) == 0.0
