"""A first conversation, end to end: private start, the bot joins a group, a command, a button."""

from __future__ import annotations

from sqlalchemy import select

from models import Person
from tests.e2e.conftest import World


async def test_starting_the_bot_privately_shows_the_welcome_with_buttons(world: World) -> None:
    mum = await world.user("Anna")
    await world.settle()

    welcome = await mum.private_chat.last_bot_message()
    assert welcome.text.startswith("Hello Anna! I'm CareCircle.")
    assert welcome.labels == [
        "➕ Create a care team",
        "✉️ I have an invitation",
        "❓ Help",
    ]
    async with world.db.open_session() as session:
        person = await session.scalar(select(Person).where(Person.telegram_user_id == mum.id))
    assert person is not None and person.started_bot


async def test_the_bot_introduces_itself_when_added_to_a_group(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()

    hello = await group.last_bot_message()
    assert "I'm CareCircle" in hello.text
    assert "/link" in hello.text


async def test_a_command_in_the_group_gets_an_answer(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await mum.send(group, "/help")
    await world.settle()

    answer = await group.last_bot_message()
    assert answer.text.startswith("What I can do")
    assert answer.raw.get("reply_to_message_id") or answer.raw.get("reply_to_message")


async def test_pressing_a_button_is_answered(world: World) -> None:
    mum = await world.user("Anna")
    await world.settle()
    welcome = await mum.private_chat.last_bot_message()

    query_id = await mum.press(mum.private_chat, welcome, "❓ Help")
    await world.settle()

    assert (await world.sandbox.callback_answer(query_id))["answered"] is True
    assert (await mum.private_chat.last_bot_message()).text.startswith("What I can do")


async def test_a_plain_group_message_never_reaches_the_bot(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    await world.sandbox.clear_calls()

    await mum.send(group, "see you at pick-up")
    await world.settle()

    assert await world.sandbox.calls("sendMessage") == []
