"""Steps the episode-report and timer stories share: each waits for the bot's answer itself.

A quiet pause alone is not proof the bot is done: a busy database can keep a
handler silent for longer than the pause, so these steps wait for the answer.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.sandbox.client import Actor, Chat, Message
from tests.e2e.conftest import World

PATIENCE = 15.0


async def send(
    world: World, person: Actor, chat: Chat, text: str, reply_to: Message | None = None
) -> Message:
    """``person`` sends ``text`` in ``chat``; return the bot's next new message there."""
    seen = len(await bot_messages(chat))
    await person.send(chat, text, reply_to=reply_to)
    return await next_message(world, chat, seen)


async def press(world: World, person: Actor, chat: Chat, message: Message, label: str) -> Message:
    """``person`` taps ``label`` on ``message``; return the message once the bot has answered."""
    query = await person.press(chat, message, label)
    await answer_to(world, query)
    return await current(chat, message)


async def presses(
    world: World, person: Actor, chat: Chat, message: Message, *labels: str
) -> Message:
    """``person`` taps ``labels`` one after another on ``message``; return it as it reads then."""
    for label in labels:
        message = await press(world, person, chat, message, label)
    return message


async def answer_to(world: World, query: str) -> dict[str, Any]:
    """The bot's answer to a button press, once it has given one."""
    deadline = time.monotonic() + PATIENCE
    while not (answer := await world.sandbox.callback_answer(query))["answered"]:
        assert time.monotonic() < deadline, "the bot did not answer the button"
        await asyncio.sleep(0.05)
    await world.settle()
    return answer


async def next_message(world: World, chat: Chat, seen: int) -> Message:
    """The bot's latest message in ``chat`` once it has more than ``seen`` there."""
    deadline = time.monotonic() + PATIENCE
    while len(await bot_messages(chat)) <= seen:
        assert time.monotonic() < deadline, "the bot did not answer"
        await asyncio.sleep(0.05)
    await world.settle()
    return await chat.last_bot_message()


async def current(chat: Chat, message: Message) -> Message:
    """``message`` as it reads now, after the bot's edits."""
    return next(m for m in await chat.messages() if m.message_id == message.message_id)


async def bot_messages(chat: Chat) -> list[Message]:
    return [message for message in await chat.messages() if message.from_bot]
