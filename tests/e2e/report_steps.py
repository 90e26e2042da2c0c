"""Steps the episode-report and timer stories share: each waits for the bot's answer itself.

A quiet pause alone is not proof the bot is done: a busy database can keep a
handler silent for longer than the pause, so these steps wait for the answer.
"""

from __future__ import annotations

from typing import Any

from bot.sandbox.client import Actor, Chat, Message
from tests.e2e.conftest import World
from tests.support.waiting import eventually

PATIENCE = 15.0


async def send(
    world: World, person: Actor, chat: Chat, text: str, reply_to: Message | None = None
) -> Message:
    """``person`` sends ``text`` in ``chat``; return the bot's next new message there."""
    seen = len(await chat.bot_messages())
    await person.send(chat, text, reply_to=reply_to)
    return await next_message(world, chat, seen)


async def press(world: World, person: Actor, chat: Chat, message: Message, label: str) -> Message:
    """``person`` taps ``label`` on ``message``; return the message once the bot has answered."""
    query = await person.press(chat, message, label)
    await answer_to(world, query)
    return await chat.current(message)


async def presses(
    world: World, person: Actor, chat: Chat, message: Message, *labels: str
) -> Message:
    """``person`` taps ``labels`` one after another on ``message``; return it as it reads then."""
    for label in labels:
        message = await press(world, person, chat, message, label)
    return message


async def answer_to(world: World, query: str) -> dict[str, Any]:
    """The bot's answer to a button press, once it has given one."""

    async def answered() -> dict[str, Any] | None:
        answer = await world.sandbox.callback_answer(query)
        return answer if answer["answered"] else None

    answer = await eventually(answered, timeout=PATIENCE, what="the bot to answer the button")
    await world.settle()
    return answer


async def next_message(world: World, chat: Chat, seen: int) -> Message:
    """The bot's latest message in ``chat`` once it has more than ``seen`` there."""

    async def more() -> bool:
        return len(await chat.bot_messages()) > seen

    await eventually(more, timeout=PATIENCE, what=f"a new message from the bot in {chat.id}")
    await world.settle()
    return await chat.last_bot_message()
