"""Callback queries expire as on Telegram: an answer after the deadline is refused."""

from __future__ import annotations

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot.sandbox import SandboxClient
from bot.sandbox.client import Actor
from tests.sandbox.conftest import FakeClock

TOO_OLD = "^Query is too old and response timeout expired or query id is invalid$"
PICK = InlineKeyboardMarkup([[InlineKeyboardButton("Mild", callback_data="sev:1")]])


async def _press(bot: telegram.Bot, mum: Actor) -> str:
    await bot.send_message(mum.id, "Severity?", reply_markup=PICK)
    return await mum.press(mum.private_chat, await mum.private_chat.last_bot_message(), "Mild")


async def test_an_answer_within_15_seconds_is_taken(
    bot: telegram.Bot, sandbox: SandboxClient, clock: FakeClock
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    query_id = await _press(bot, mum)

    clock.now += 14.9
    assert await bot.answer_callback_query(query_id, "Saved")
    assert (await sandbox.callback_answer(query_id))["answered"] is True


async def test_an_answer_after_15_seconds_is_refused(
    bot: telegram.Bot, sandbox: SandboxClient, clock: FakeClock
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    query_id = await _press(bot, mum)

    clock.now += 15
    with pytest.raises(BadRequest, match=TOO_OLD):
        await bot.answer_callback_query(query_id, "Saved")
    answer = await sandbox.callback_answer(query_id)
    assert (answer["answered"], answer["text"], answer["expired"]) == (False, None, True)


async def test_the_deadline_can_be_shortened_or_lifted(
    bot: telegram.Bot, sandbox: SandboxClient, clock: FakeClock
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()

    assert (await sandbox.set_limits(callback_answer_seconds=0))["callback_answer_seconds"] == 0
    with pytest.raises(BadRequest, match=TOO_OLD):
        await bot.answer_callback_query(await _press(bot, mum))
    await sandbox.set_limits(callback_answer_seconds=2)
    late = await _press(bot, mum)
    clock.now += 2
    with pytest.raises(BadRequest, match=TOO_OLD):
        await bot.answer_callback_query(late)
    await sandbox.set_limits(callback_answer_seconds=None)
    never = await _press(bot, mum)
    clock.now += 3600
    assert await bot.answer_callback_query(never)


async def test_a_negative_deadline_is_refused(sandbox: SandboxClient) -> None:
    with pytest.raises(AssertionError, match="must not be negative"):
        await sandbox.set_limits(callback_answer_seconds=-1)
