"""Injected faults: failures with a chosen status, slow answers and dropped connections."""

from __future__ import annotations

import time

import httpx
import pytest
import telegram
from telegram.error import NetworkError

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import SandboxError
from tests.sandbox.conftest import TOKEN


async def test_fail_the_next_calls_of_one_method(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    await sandbox.inject_fault("sendMessage", count=2, status=502, description="Bad Gateway")

    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(mum.id, "hello")
    await bot.get_me()
    await bot.send_message(mum.id, "third time lucky")

    statuses = [call["status"] for call in await sandbox.calls("sendMessage")]
    assert statuses == [502, 502, 200]


async def test_fault_for_any_method_defaults_to_internal_server_error(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    await sandbox.inject_fault(count=1)

    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.get_my_commands()
    assert await bot.get_my_commands() == ()


async def test_delay_slows_the_answer(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    await sandbox.inject_fault("getMe", count=1, delay=0.3)
    started = time.monotonic()

    me = await bot.get_me()

    assert time.monotonic() - started >= 0.3
    assert me.username == "CareCircleBot"


async def test_dropped_connection_gets_no_answer(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    await sandbox.inject_fault("getMe", count=1, drop=True)

    with pytest.raises(NetworkError):
        await bot.get_me()
    assert (await bot.get_me()).is_bot
    assert [call["status"] for call in await sandbox.calls("getMe")][-2:] == [0, 200]


async def test_clearing_faults(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    await sandbox.inject_fault("getMe", count=5)

    await sandbox.clear_faults()

    assert (await bot.get_me()).is_bot


async def test_delayed_call_whose_client_gave_up_is_not_carried_out(
    emulator: Emulator, sandbox: SandboxClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    await sandbox.inject_fault("sendMessage", count=1, delay=0.3)
    url = f"{emulator.bot_api_url}{TOKEN}/sendMessage"

    async with httpx.AsyncClient() as http:
        with pytest.raises(httpx.ReadTimeout):
            await http.post(url, json={"chat_id": mum.id, "text": "late"}, timeout=0.1)
    await sandbox.wait_for_call("sendMessage", timeout=5)  # the emulator is done with it

    assert [message.text for message in await mum.private_chat.messages()] == ["/start"]
    assert [call["status"] for call in await sandbox.calls("sendMessage")] == [0]


async def test_a_fault_for_a_duration_fails_every_call_until_the_emulators_clock_passes_it(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    await sandbox.inject_fault("getMe", status=502, duration=30)

    for _ in range(3):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.get_me()
    await sandbox.advance_clock(29)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_me()
    await sandbox.advance_clock(1)

    assert (await bot.get_me()).is_bot
    assert [call["status"] for call in await sandbox.calls("getMe")][-5:] == [502] * 4 + [200]


async def test_a_timed_fault_leaves_other_methods_alone(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    await sandbox.inject_fault("sendMessage", duration=30)

    assert (await bot.get_me()).is_bot


async def test_a_timed_fault_needs_a_positive_duration(sandbox: SandboxClient) -> None:
    with pytest.raises(SandboxError) as refused:
        await sandbox.inject_fault("getMe", duration=0)

    assert (refused.value.status, refused.value.message) == (
        400,
        "duration must be a positive number of seconds",
    )
