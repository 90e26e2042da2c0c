"""Steps the care-team stories share: create a team, link its group, invite and join."""

from __future__ import annotations

import re

from bot.sandbox.client import Actor, Chat, Group, Message
from tests.e2e.conftest import World

INVITE_LINK = re.compile(r"https://t\.me/CareCircleBot\?start=([A-Za-z0-9_-]+)")


async def say(world: World, person: Actor, chat: Chat, text: str) -> Message:
    """``person`` sends ``text`` in ``chat``; return the bot's latest message there."""
    await person.send(chat, text)
    await world.settle()
    return await chat.last_bot_message()


async def tap(world: World, person: Actor, chat: Chat, message: Message, label: str) -> Message:
    """``person`` taps ``label`` on ``message``; return the bot's latest message in ``chat``."""
    await person.press(chat, message, label)
    await world.settle()
    return await chat.last_bot_message()


async def create_team(world: World, parent: Actor, name: str = "Lily") -> Message:
    """``parent`` creates a care team for ``name`` in London, skipping the birth year."""
    chat = parent.private_chat
    await say(world, parent, chat, "/newchild")
    question = await say(world, parent, chat, name)
    question = await tap(world, parent, chat, question, "London")
    return await tap(world, parent, chat, question, "Skip")


async def linked_group(world: World, parent: Actor, title: str, members: list[Actor]) -> Group:
    """A group of ``parent`` and ``members``, with the bot, linked by ``parent``."""
    group = await world.group(title, [parent, *members])
    await say(world, parent, group, "/link")
    return group


async def invitation(world: World, guardian: Actor, role_button: str) -> str:
    """``guardian`` makes an invitation for ``role_button`` in private; return its token."""
    chat = guardian.private_chat
    roles = await say(world, guardian, chat, "/invite")
    link = await tap(world, guardian, chat, roles, role_button)
    found = INVITE_LINK.search(link.text or "")
    assert found, link.text
    return found.group(1)


async def join(world: World, person: Actor, token: str) -> Message:
    """``person`` opens the invitation link; return the bot's answer."""
    return await say(world, person, person.private_chat, f"/start {token}")


async def answer_to(world: World, person: Actor, chat: Chat, message: Message, data: str) -> str:
    """``person`` presses a button carrying ``data`` (real or forged); return the bot's alert."""
    query = await person.press_data(chat, message, data, forge=True)
    await world.settle()
    return (await world.sandbox.callback_answer(query))["text"]
