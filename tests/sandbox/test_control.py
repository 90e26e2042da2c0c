"""The control API contract: people, groups, transcripts, settling and the call record."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import telegram
from aiohttp import web

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import SandboxError
from bot.sandbox.server import create_app


async def test_settle_waits_for_a_quiet_period(emulator: Emulator, sandbox: SandboxClient) -> None:
    emulator.core.activity.touch()
    started = time.monotonic()

    await sandbox.settle(timeout=2)

    assert time.monotonic() - started >= emulator.core.activity.quiet_period


async def test_settle_times_out_while_updates_are_untaken(sandbox: SandboxClient) -> None:
    await (await sandbox.user("Mum")).start()

    with pytest.raises(SandboxError) as timeout:
        await sandbox.settle(timeout=0.2)

    assert timeout.value.status == 408


async def test_settle_waits_for_the_bot_to_answer(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()

    async def slow_bot() -> None:
        updates = await bot.get_updates(timeout=1)
        await asyncio.sleep(0.2)  # the bot's thinking time, within the quiet period: the stimulus
        await bot.send_message(updates[0].message.chat_id, "Welcome")

    replying = asyncio.create_task(slow_bot())
    await sandbox.settle(timeout=5)

    assert replying.done()
    assert (await mum.private_chat.last_bot_message()).text == "Welcome"


async def test_calls_record_every_bot_api_call(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    await bot.get_me()
    with pytest.raises(telegram.error.BadRequest):
        await bot.send_message(-1, "nobody here")

    calls = await sandbox.calls()
    assert [(call["method"], call["chat_id"], call["status"]) for call in calls][-2:] == [
        ("getMe", None, 200),
        ("sendMessage", -1, 400),
    ]
    assert calls[-1]["description"] == "Bad Request: chat not found"
    await sandbox.clear_calls()
    assert await sandbox.calls() == []


async def test_wrong_token_and_unknown_method(emulator: Emulator) -> None:
    async with httpx.AsyncClient(base_url=emulator.url) as http:
        wrong = await http.get("/bot1:wrong/getMe")
        unknown = await http.get(f"/bot{emulator.core.token}/sendTelepathy")
        any_case = await http.get(f"/bot{emulator.core.token}/GETME")

    assert (wrong.status_code, wrong.json()["description"]) == (401, "Unauthorized")
    assert (unknown.status_code, unknown.json()["description"]) == (404, "Not Found")
    assert any_case.json()["result"]["username"] == "CareCircleBot"


async def test_group_life_shows_in_the_transcript(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, teacher = await sandbox.user("Mum"), await sandbox.user("Teacher")
    group = await sandbox.group("Lily's team", [mum, teacher])
    await group.add_bot(by=mum)
    await teacher.send(group, "Lily was tired")
    await group.remove_member(teacher)

    supergroup = await group.migrate()

    services = [message.raw.get("service") for message in await group.messages()]
    assert services == [
        {"group_chat_created": True},
        {"new_chat_members": [bot_user(await bot.get_me())]},
        None,
        {"left_chat_member": {"id": teacher.id, "is_bot": False, "first_name": "Teacher"}},
        {"migrate_to_chat_id": supergroup.id},
    ]
    first = (await supergroup.messages())[0]
    assert first.raw["service"] == {"migrate_from_chat_id": group.id}


def bot_user(me: telegram.User) -> dict[str, object]:
    return {"id": me.id, "is_bot": True, "first_name": me.first_name, "username": me.username}


async def test_the_emulators_clock_only_moves_forward(sandbox: SandboxClient) -> None:
    with pytest.raises(SandboxError) as backwards:
        await sandbox.advance_clock(-1)
    with pytest.raises(SandboxError) as not_a_number:
        await sandbox.request("POST", "/sandbox/clock", json={"advance": "soon"})

    assert (backwards.value.message, not_a_number.value.message) == (
        "the clock only moves forward",
        "advance must be a number of seconds",
    )


async def test_control_refuses_what_people_cannot_do(sandbox: SandboxClient) -> None:
    mum, stranger = await sandbox.user("Mum"), await sandbox.user("Stranger")
    group = await sandbox.group("Team", [mum])

    with pytest.raises(SandboxError, match="not a member") as outsider:
        await stranger.send(group, "hello")
    with pytest.raises(SandboxError) as missing:
        await sandbox.request(
            "POST", "/sandbox/send", json={"chat_id": -1, "from": mum.id, "text": "x"}
        )
    with pytest.raises(SandboxError, match="not a member"):
        await group.add_bot(by=stranger)

    assert (outsider.value.status, missing.value.status) == (400, 404)


async def test_people_send_photos_and_documents(sandbox: SandboxClient) -> None:
    mum = await sandbox.user("Mum")
    await mum.send_photo(mum.private_chat, caption="rash on arm")
    await mum.send_document(mum.private_chat, content=b"notes", filename="notes.md")

    photo, document = await mum.private_chat.messages()
    assert (photo.text, photo.raw["photo"]["width"], photo.raw["photo"]["height"]) == (
        "rash on arm",
        2,
        2,
    )
    assert document.raw["document"]["file_name"] == "notes.md"
    assert await sandbox.download(document.raw["document"]["file_id"]) == b"notes"


async def test_standalone_app_factory_serves_the_bot_api() -> None:
    runner = web.AppRunner(create_app(["--token", "42:abc", "--bot-username", "TeamBot"]))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        async with httpx.AsyncClient() as http:
            url = f"http://127.0.0.1:{runner.addresses[0][1]}/bot42:abc/getMe"
            me = (await http.get(url)).json()["result"]
    finally:
        await runner.cleanup()

    assert (me["id"], me["username"], me["is_bot"]) == (42, "TeamBot", True)
