"""What Telegram refuses, refused: old deletions, blank buttons, odd entities, missing topics."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import telegram
from telegram.error import BadRequest

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from tests.sandbox.schema_check import assert_conforms

TWO_DAYS = 48 * 3600


@pytest.fixture
async def mum(sandbox: SandboxClient) -> Actor:
    user = await sandbox.user("Mum")
    await user.start()
    return user


async def _call(raw_api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    return (await raw_api.post(method, json=params)).json()


def _age(emulator: Emulator, chat_id: int, message_id: int, seconds: int) -> None:
    emulator.state.chats[chat_id].messages[message_id].date -= seconds


async def test_a_message_older_than_48_hours_cannot_be_deleted(
    emulator: Emulator, bot: telegram.Bot, mum: Actor
) -> None:
    fresh = await bot.send_message(mum.id, "fresh")
    old = await bot.send_message(mum.id, "old")
    _age(emulator, mum.id, fresh.message_id, TWO_DAYS - 60)
    _age(emulator, mum.id, old.message_id, TWO_DAYS)

    assert await bot.delete_message(mum.id, fresh.message_id)
    with pytest.raises(BadRequest, match="^Message can't be deleted$"):
        await bot.delete_message(mum.id, old.message_id)


async def test_a_supergroup_admin_may_delete_old_messages(
    emulator: Emulator, sandbox: SandboxClient, bot: telegram.Bot, mum: Actor
) -> None:
    basic, supergroup = (
        await sandbox.group("Basic", [mum]),
        await sandbox.group("Super", [mum], supergroup=True),
    )
    for group in (basic, supergroup):
        await group.add_bot(by=mum, admin=True)
    old = [(await bot.send_message(group.id, "old")).message_id for group in (basic, supergroup)]
    _age(emulator, basic.id, old[0], TWO_DAYS)
    _age(emulator, supergroup.id, old[1], TWO_DAYS)

    with pytest.raises(BadRequest, match="^Message can't be deleted$"):
        await bot.delete_message(basic.id, old[0])
    assert await bot.delete_message(supergroup.id, old[1])


@pytest.mark.parametrize("text", ["", " ", "\n"])
async def test_an_inline_button_needs_text(
    raw_api: httpx.AsyncClient, mum: Actor, text: str
) -> None:
    markup = {"inline_keyboard": [[{"text": text, "callback_data": "ep:1:undo"}]]}

    answer = await _call(raw_api, "sendMessage", chat_id=mum.id, text="x", reply_markup=markup)

    assert answer == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: BUTTON_TEXT_INVALID",
    }


async def test_an_entity_of_an_unknown_type_is_refused(
    raw_api: httpx.AsyncClient, mum: Actor
) -> None:
    known = [{"type": "bold", "offset": 0, "length": 4}]
    unknown = [{"type": "shouting", "offset": 0, "length": 4}]

    sent = await _call(raw_api, "sendMessage", chat_id=mum.id, text="Lily", entities=known)
    refused = await _call(raw_api, "sendMessage", chat_id=mum.id, text="Lily", entities=unknown)

    assert sent["ok"]
    assert (
        refused["description"]
        == "Bad Request: can't parse MessageEntity: Unsupported type specified"
    )


async def test_a_thread_that_does_not_exist_is_refused(
    sandbox: SandboxClient, bot: telegram.Bot, mum: Actor
) -> None:
    group = await sandbox.group("Team", [mum])
    forum = await sandbox.group("Lily's team", [mum], forum=True)
    for chat in (group, forum):
        await chat.add_bot(by=mum)
    topic = await forum.create_topic("Seizures", by=mum)

    for chat_id, thread in ((group.id, 5), (forum.id, topic + 100), (forum.id, 1), (mum.id, 3)):
        with pytest.raises(BadRequest, match="^Message thread not found$"):
            await bot.send_message(chat_id, "news", message_thread_id=thread)
    in_topic = await bot.send_message(forum.id, "news", message_thread_id=topic)
    in_general = await bot.send_message(forum.id, "news")

    assert (in_topic.message_thread_id, in_topic.is_topic_message) == (topic, True)
    assert (in_general.message_thread_id, in_general.is_topic_message) == (None, None)


async def test_forum_topics_carry_their_thread_both_ways(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    forum = await sandbox.group("Lily's team", [mum], forum=True)
    await forum.add_bot(by=mum, admin=True)
    topic = await forum.create_topic("Seizures", by=mum)
    asked = await mum.send(forum, "/e 30s", thread_id=topic)

    updates = (await _call(raw_api, "getUpdates", timeout=0))["result"]
    reply = await bot.send_message(forum.id, "Saved", reply_to_message_id=asked)

    for raw in updates:
        assert_conforms(raw, "Update", telegram.Update.de_json(raw, bot))
    created, command = updates[-2]["message"], updates[-1]["message"]
    assert created["forum_topic_created"]["name"] == "Seizures"
    assert created["chat"]["is_forum"] is True
    assert (command["message_thread_id"], command["is_topic_message"]) == (topic, True)
    assert reply.message_thread_id == topic  # a reply goes to the topic of what it answers
    with pytest.raises(AssertionError, match="has no topic"):
        await mum.send(forum, "hello", thread_id=topic + 1)
