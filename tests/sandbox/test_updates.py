"""Receiving updates: long polling, offsets, allowed_updates, conflicts and webhook delivery."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import telegram
from aiohttp import web

from bot.sandbox import Emulator, SandboxClient
from tests.support.waiting import eventually


async def poll(raw_api: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    return (await raw_api.post("getUpdates", json=params, timeout=10)).json()


async def test_long_poll_wakes_when_an_update_arrives(
    emulator: Emulator, sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    waiting = asyncio.create_task(poll(raw_api, timeout=5))
    await eventually(lambda: emulator.core.queue.polling, what="the long poll to wait")
    started = time.monotonic()

    await mum.start()

    answer = await waiting
    assert time.monotonic() - started < 1.0
    assert [update["message"]["text"] for update in answer["result"]] == ["/start"]


async def test_offset_confirms_and_limit_caps(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    for text in ("/start", "one", "two"):
        await mum.send(mum.private_chat, text)

    first = (await poll(raw_api, limit=2))["result"]
    rest = (await poll(raw_api, offset=first[-1]["update_id"] + 1))["result"]

    assert [update["message"]["text"] for update in first] == ["/start", "one"]
    assert [update["message"]["text"] for update in rest] == ["two"]


async def test_newer_get_updates_terminates_the_waiting_one(
    emulator: Emulator, raw_api: httpx.AsyncClient
) -> None:
    earlier = asyncio.create_task(poll(raw_api, timeout=5))
    await eventually(lambda: emulator.core.queue.polling, what="the first long poll to wait")

    later = await poll(raw_api, timeout=0)

    assert later == {"ok": True, "result": []}
    assert await earlier == {
        "ok": False,
        "error_code": 409,
        "description": "Conflict: terminated by other getUpdates request; "
        "make sure that only one bot instance is running",
    }


async def test_get_updates_conflicts_with_a_webhook(
    bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    await bot.set_webhook("https://bot.example.org/hook")

    assert await poll(raw_api) == {
        "ok": False,
        "error_code": 409,
        "description": "Conflict: can't use getUpdates method while webhook is active; "
        "use deleteWebhook to delete the webhook first",
    }
    await bot.delete_webhook()
    assert (await poll(raw_api))["ok"]


async def test_allowed_updates_filters_kinds(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await poll(raw_api, allowed_updates=["callback_query"])
    await mum.start()
    await bot.send_message(
        mum.id,
        "Q",
        reply_markup=telegram.InlineKeyboardMarkup.from_button(
            telegram.InlineKeyboardButton("A", callback_data="a")
        ),
    )
    await mum.press_data(mum.private_chat, 2, "a")

    updates = (await poll(raw_api))["result"]
    assert [next(key for key in update if key != "update_id") for update in updates] == [
        "callback_query"
    ]


def kinds_of(updates: list[dict[str, Any]]) -> list[str]:
    return [key for update in updates for key in update if key != "update_id"]


async def test_chat_member_updates_only_when_asked_and_admin(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient
) -> None:
    mum, nurse = await sandbox.user("Mum"), await sandbox.user("Nurse")
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum, admin=True)
    await group.add_member(nurse)
    assert "chat_member" not in kinds_of((await poll(raw_api))["result"])

    await poll(raw_api, offset=-1, allowed_updates=["chat_member", "message", "my_chat_member"])
    await group.add_bot(by=mum, admin=False)
    await group.remove_member(nurse)
    await group.add_bot(by=mum, admin=True)
    await group.add_member(nurse)

    kinds = kinds_of((await poll(raw_api))["result"])
    assert kinds.count("my_chat_member") == 2
    assert kinds.count("chat_member") == 1


class Receiver:
    """A stand-in for the bot's webhook server, answering with scripted statuses."""

    def __init__(self, statuses: list[int]):
        self.statuses = statuses
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.received.append((secret, await request.json()))
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    hook = Receiver([500])
    app = web.Application()
    app.router.add_post("/hook", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    hook.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield hook
    await runner.cleanup()


async def test_webhook_delivers_with_secret_and_retries(
    emulator: Emulator, sandbox: SandboxClient, bot: telegram.Bot, receiver: Receiver
) -> None:
    emulator.core.webhook.retry_delays = (0.01,)
    mum = await sandbox.user("Mum")
    await bot.set_webhook(receiver.url, secret_token="s3cret-token")

    await mum.start()
    await sandbox.settle(timeout=5)

    assert [secret for secret, _ in receiver.received] == ["s3cret-token", "s3cret-token"]
    assert receiver.received[0][1] == receiver.received[1][1]
    assert receiver.received[1][1]["message"]["text"] == "/start"
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == (receiver.url, 0)
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
