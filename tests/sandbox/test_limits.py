"""Size limits on messages and keyboards, and flood limits per chat, per group and overall."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, RetryAfter

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from tests.sandbox.conftest import FakeClock


@pytest.fixture
async def mum(sandbox: SandboxClient) -> Actor:
    user = await sandbox.user("Mum")
    await user.start()
    return user


async def send_raw(raw_api: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    return (await raw_api.post("sendMessage", json=params)).json()


def one_button(**action: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("Pick", **action)]])


async def test_text_length_counts_utf16_after_parsing(bot: telegram.Bot, mum: Actor) -> None:
    await bot.send_message(mum.id, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="^Message is too long$"):
        await bot.send_message(mum.id, "😀" * 2049)


async def test_blank_text_is_empty(raw_api: httpx.AsyncClient, mum: Actor) -> None:
    answer = await send_raw(raw_api, chat_id=mum.id, text="<b> </b>", parse_mode="HTML")

    assert answer == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: message text is empty",
    }


async def test_caption_limit(bot: telegram.Bot, mum: Actor) -> None:
    await bot.send_document(mum.id, b"x", filename="a.txt", caption="c" * 1024)
    with pytest.raises(BadRequest, match="^Message caption is too long$"):
        await bot.send_document(mum.id, b"x", filename="a.txt", caption="c" * 1025)


async def test_callback_data_at_most_64_bytes(bot: telegram.Bot, mum: Actor) -> None:
    await bot.send_message(mum.id, "ok", reply_markup=one_button(callback_data="d" * 64))
    with pytest.raises(BadRequest, match="^Button_data_invalid$"):
        await bot.send_message(mum.id, "no", reply_markup=one_button(callback_data="é" * 33))


async def test_button_without_action_is_refused(raw_api: httpx.AsyncClient, mum: Actor) -> None:
    markup = {"inline_keyboard": [[{"text": "Pick", "callback_data": ""}]]}
    answer = await send_raw(raw_api, chat_id=mum.id, text="x", reply_markup=markup)

    assert answer["description"] == (
        "Bad Request: can't parse inline keyboard button: "
        "Text buttons are unallowed in the inline keyboard"
    )


async def test_at_most_100_inline_buttons(raw_api: httpx.AsyncClient, mum: Actor) -> None:
    def keyboard(count: int) -> dict[str, Any]:
        row = [{"text": str(i), "callback_data": str(i)} for i in range(count)]
        return {"inline_keyboard": [row]}

    assert (await send_raw(raw_api, chat_id=mum.id, text="x", reply_markup=keyboard(100)))["ok"]
    answer = await send_raw(raw_api, chat_id=mum.id, text="x", reply_markup=keyboard(101))
    assert answer["description"] == "Bad Request: reply markup is too long"


async def test_per_chat_bucket_allows_a_burst_then_one_a_second(
    raw_api: httpx.AsyncClient, mum: Actor, clock: FakeClock
) -> None:
    for _ in range(3):
        assert (await send_raw(raw_api, chat_id=mum.id, text="hi"))["ok"]

    answer = await send_raw(raw_api, chat_id=mum.id, text="one too many")
    assert answer == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    clock.now += 1.0
    assert (await send_raw(raw_api, chat_id=mum.id, text="again"))["ok"]


async def test_per_group_limit_is_a_rolling_minute(
    emulator: Emulator,
    sandbox: SandboxClient,
    raw_api: httpx.AsyncClient,
    mum: Actor,
    clock: FakeClock,
) -> None:
    emulator.limits.configure(per_chat_per_second=None)
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum)
    for _ in range(20):
        assert (await send_raw(raw_api, chat_id=group.id, text="update"))["ok"]
        clock.now += 1.0

    answer = await send_raw(raw_api, chat_id=group.id, text="twenty-first")
    assert answer["description"] == "Too Many Requests: retry after 40"
    assert answer["parameters"] == {"retry_after": 40}
    clock.now += 40.0
    assert (await send_raw(raw_api, chat_id=group.id, text="the window moved"))["ok"]


async def test_global_limit_across_chats(
    emulator: Emulator, sandbox: SandboxClient, raw_api: httpx.AsyncClient, clock: FakeClock
) -> None:
    emulator.limits.configure(global_per_second=3)
    people = [await sandbox.user(f"Parent {i}") for i in range(4)]
    for person in people:
        await person.start()
    for person in people[:3]:
        assert (await send_raw(raw_api, chat_id=person.id, text="hi"))["ok"]

    answer = await send_raw(raw_api, chat_id=people[3].id, text="hi")
    assert answer["parameters"] == {"retry_after": 1}
    clock.now += 1.0
    assert (await send_raw(raw_api, chat_id=people[3].id, text="hi"))["ok"]


async def test_ptb_sees_a_flood_limit_as_retry_after(
    emulator: Emulator, bot: telegram.Bot, mum: Actor, clock: FakeClock
) -> None:
    emulator.limits.configure(chat_burst=1)
    await bot.send_message(mum.id, "first")

    with pytest.warns(DeprecationWarning), pytest.raises(RetryAfter):
        await bot.send_message(mum.id, "second")


async def test_limits_are_set_over_the_control_api(sandbox: SandboxClient) -> None:
    current = await sandbox.set_limits(per_group_per_minute=0, global_per_second=5)

    assert current == {
        "per_chat_per_second": 1.0,
        "chat_burst": 3,
        "per_group_per_minute": None,
        "global_per_second": 5,
        "callback_answer_seconds": 15.0,
    }


async def test_advancing_the_emulators_clock_refills_a_chat_it_limited(
    sandbox: SandboxClient, raw_api: httpx.AsyncClient, mum: Actor
) -> None:
    await sandbox.set_limits(per_chat_per_second=0.25, chat_burst=1)
    assert (await send_raw(raw_api, chat_id=mum.id, text="first"))["ok"]
    assert (await send_raw(raw_api, chat_id=mum.id, text="too soon"))["error_code"] == 429

    await sandbox.advance_clock(4)

    assert (await send_raw(raw_api, chat_id=mum.id, text="four seconds later"))["ok"]
