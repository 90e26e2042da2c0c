"""Floods as Telegram answers them: edits count as sends, a 429 pauses the chat, and
retry_after grows the further over the limit the bot keeps going."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from tests.sandbox.conftest import FakeClock


@pytest.fixture
async def mum(sandbox: SandboxClient) -> Actor:
    user = await sandbox.user("Mum")
    await user.start()
    return user


async def _call(raw_api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    return (await raw_api.post(method, json=params)).json()


def _retry_after(answer: dict[str, Any]) -> int | None:
    return answer.get("parameters", {}).get("retry_after")


async def _group(sandbox: SandboxClient) -> tuple[Actor, int]:
    mum = await sandbox.user("Mum")
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum)
    return mum, group.id


async def test_edits_count_toward_a_groups_minute_as_sends_do(
    emulator: Emulator, sandbox: SandboxClient, raw_api: httpx.AsyncClient, clock: FakeClock
) -> None:
    emulator.limits.configure(per_chat_per_second=None)
    _, group = await _group(sandbox)
    sent = (await _call(raw_api, "sendMessage", chat_id=group, text="⏱ 0:00"))["result"]
    for second in range(1, 20):
        clock.now += 1
        edited = await _call(
            raw_api, "editMessageText", chat_id=group, message_id=sent["message_id"],
            text=f"⏱ 0:{second:02d}",
        )  # fmt: skip
        assert edited["ok"], edited

    clock.now += 1
    refused = await _call(raw_api, "sendMessage", chat_id=group, text="a relay")

    assert refused["error_code"] == 429
    assert _retry_after(refused) == 40


async def test_edits_count_toward_the_overall_limit(
    emulator: Emulator, raw_api: httpx.AsyncClient, mum: Actor, clock: FakeClock
) -> None:
    emulator.limits.configure(global_per_second=2, per_chat_per_second=None)
    sent = (await _call(raw_api, "sendMessage", chat_id=mum.id, text="draft"))["result"]
    edit = {"chat_id": mum.id, "message_id": sent["message_id"]}

    first = await _call(raw_api, "editMessageText", **edit, text="second call")
    second = await _call(raw_api, "editMessageText", **edit, text="third call")

    assert first["ok"] and second["error_code"] == 429


async def test_retry_after_grows_while_the_bot_keeps_sending(
    emulator: Emulator, raw_api: httpx.AsyncClient, mum: Actor, clock: FakeClock
) -> None:
    emulator.limits.configure(chat_burst=1)
    assert (await _call(raw_api, "sendMessage", chat_id=mum.id, text="one"))["ok"]

    waits = [
        _retry_after(await _call(raw_api, "sendMessage", chat_id=mum.id, text="again"))
        for _ in range(4)
    ]
    clock.now += 3.9
    too_soon = await _call(raw_api, "sendMessage", chat_id=mum.id, text="too soon")
    clock.now += _retry_after(too_soon) or 0
    waited = await _call(raw_api, "sendMessage", chat_id=mum.id, text="after waiting")

    assert waits == [1, 2, 3, 4]
    assert too_soon["error_code"] == 429
    assert waited["ok"]


async def test_a_bot_that_waits_retry_after_gets_through(
    emulator: Emulator, raw_api: httpx.AsyncClient, mum: Actor, clock: FakeClock
) -> None:
    emulator.limits.configure(chat_burst=1)
    await _call(raw_api, "sendMessage", chat_id=mum.id, text="one")
    refused = await _call(raw_api, "sendMessage", chat_id=mum.id, text="two")

    clock.now += _retry_after(refused) or 0

    assert (await _call(raw_api, "sendMessage", chat_id=mum.id, text="two"))["ok"]


async def test_a_429_pauses_the_chat_for_all_of_retry_after(
    emulator: Emulator,
    sandbox: SandboxClient,
    raw_api: httpx.AsyncClient,
    mum: Actor,
    clock: FakeClock,
) -> None:
    emulator.limits.configure(per_chat_per_second=2, chat_burst=1)
    dad = await sandbox.user("Dad")
    await dad.start()
    await _call(raw_api, "sendMessage", chat_id=mum.id, text="one")
    refused = await _call(raw_api, "sendMessage", chat_id=mum.id, text="two")

    clock.now += 0.5  # the bucket has a token again, but Telegram said 1 second
    paused = await _call(raw_api, "sendMessage", chat_id=mum.id, text="two")
    elsewhere = await _call(raw_api, "sendMessage", chat_id=dad.id, text="hello")

    assert _retry_after(refused) == 1
    assert paused["error_code"] == 429
    assert elsewhere["ok"]
    assert emulator.limits.paused_for(mum.id) > 0 and emulator.limits.paused_for(dad.id) == 0
