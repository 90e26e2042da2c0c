"""Whom the bot may write to: Telegram's 403s and 400s for chats it cannot reach."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import telegram
from telegram.error import ChatMigrated

from bot.sandbox import SandboxClient


async def send_raw(raw_api: httpx.AsyncClient, chat_id: int, text: str = "hi") -> dict[str, Any]:
    return (await raw_api.post("sendMessage", json={"chat_id": chat_id, "text": text})).json()


def refusal(status: int, description: str) -> dict[str, Any]:
    return {"ok": False, "error_code": status, "description": description}


async def test_bot_cannot_start_a_private_conversation(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    grandpa = await sandbox.user("Grandpa")

    answer = await send_raw(raw_api, grandpa.id)
    assert answer == refusal(403, "Forbidden: bot can't initiate conversation with a user")
    await grandpa.start()
    assert (await send_raw(raw_api, grandpa.id))["ok"]


async def test_blocked_user_is_unreachable_until_unblocked(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    await mum.block()

    assert await send_raw(raw_api, mum.id) == refusal(403, "Forbidden: bot was blocked by the user")
    await mum.unblock()
    assert (await send_raw(raw_api, mum.id))["ok"]


@pytest.mark.parametrize("kind", ["group", "supergroup"])
async def test_bot_removed_from_a_group_was_kicked(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient, kind: str
) -> None:
    mum = await sandbox.user("Mum")
    group = await sandbox.group("Team", [mum], supergroup=kind == "supergroup")
    await group.add_bot(by=mum)
    assert (await send_raw(raw_api, group.id))["ok"]

    await group.remove_bot(by=mum)

    expected = f"Forbidden: bot was kicked from the {kind} chat"
    assert await send_raw(raw_api, group.id) == refusal(403, expected)


async def test_bot_never_added_is_not_a_member(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    group = await sandbox.group("Team", [mum])

    answer = await send_raw(raw_api, group.id)
    assert answer == refusal(403, "Forbidden: bot is not a member of the group chat")


async def test_bot_that_left_is_not_a_member(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    mum = await sandbox.user("Mum")
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum)

    assert await bot.leave_chat(group.id)
    with pytest.raises(telegram.error.Forbidden, match="bot is not a member of the group chat"):
        await bot.send_message(group.id, "still here?")


async def test_unknown_chat_is_not_found(raw_api: httpx.AsyncClient) -> None:
    assert await send_raw(raw_api, -4242) == refusal(400, "Bad Request: chat not found")


async def test_migrated_group_points_to_its_supergroup(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient, bot: telegram.Bot
) -> None:
    mum = await sandbox.user("Mum")
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum)
    supergroup = await group.migrate()

    answer = await send_raw(raw_api, group.id)
    assert answer == {
        **refusal(400, "Bad Request: group chat was upgraded to a supergroup chat"),
        "parameters": {"migrate_to_chat_id": supergroup.id},
    }
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(group.id, "hello?")
    assert migrated.value.new_chat_id == supergroup.id
    assert str(supergroup.id).startswith("-100")
    await bot.send_message(supergroup.id, "hello again")
