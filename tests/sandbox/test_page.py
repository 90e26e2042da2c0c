"""The chat page's server side: its files, what one person sees, files to show or download, live
updates. The page itself is driven in a browser in tests/e2e/test_chat_page.py."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest
import telegram
from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from bot.sandbox.media import SAMPLE_PNG


@pytest.fixture
async def http(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=emulator.url) as client:
        yield client


async def view(http: httpx.AsyncClient, chat_id: int, person: Actor) -> dict:
    response = await http.get(f"/sandbox/page/chats/{chat_id}", params={"as": person.id})
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_page_is_served_at_the_root_and_runs_only_its_own_script(
    http: httpx.AsyncClient,
) -> None:
    page = await http.get("/")
    script = await http.get("/page/app.js")

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/page/app.js"' in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert script.headers["content-type"].startswith("text/javascript")
    assert (await http.get("/page/app.css")).headers["content-type"].startswith("text/css")
    for missing in ("server.py", "nothing.js", "..%2Fpage_api.py"):
        assert (await http.get(f"/page/{missing}")).status_code == 404


async def test_people_are_everyone_but_the_bot_with_whether_they_started_or_blocked_it(
    sandbox: SandboxClient, http: httpx.AsyncClient
) -> None:
    mum, teacher = await sandbox.user("Mum", username="lilys_mum"), await sandbox.user("Ms Patel")
    await mum.start()
    await mum.block()

    answer = (await http.get("/sandbox/page/people")).json()

    assert answer["bot"]["username"] == "CareCircleBot"
    assert [(p["first_name"], p["started"], p["blocked"]) for p in answer["people"]] == [
        ("Mum", True, True),
        ("Ms Patel", False, False),
    ]
    assert answer["people"][0]["id"] == mum.id and answer["people"][1]["id"] == teacher.id


async def test_a_person_sees_the_bot_first_then_only_the_groups_they_are_in(
    sandbox: SandboxClient, http: httpx.AsyncClient
) -> None:
    mum, dad, teacher = [await sandbox.user(name) for name in ("Mum", "Dad", "Ms Patel")]
    ours = await sandbox.group("Lily's team", [mum, teacher])
    await ours.add_bot(by=mum)
    await sandbox.group("Dad's friends", [dad])
    left = await sandbox.group("Old class", [teacher, mum])
    await left.remove_member(mum)
    upgraded = await (await sandbox.group("School", [mum])).migrate()

    chats = (await http.get(f"/sandbox/page/people/{mum.id}/chats")).json()

    assert [(chat["id"], chat["title"]) for chat in chats] == [
        (mum.id, "CareCircle"),
        (ours.id, "Lily's team"),
        (upgraded.id, "School"),
    ]
    assert chats[0]["last"] is None and chats[0]["started"] is False
    assert chats[1]["bot_status"] == "member"
    assert [member["first_name"] for member in chats[1]["members"]] == [
        "Mum",
        "Ms Patel",
        "CareCircle",
    ]
    assert chats[1]["last"]["service"]["new_chat_members"][0]["is_bot"] is True


async def test_a_chat_is_shown_only_to_its_members(
    sandbox: SandboxClient, http: httpx.AsyncClient
) -> None:
    mum, stranger = await sandbox.user("Mum"), await sandbox.user("Stranger")
    group = await sandbox.group("Lily's team", [mum])

    refused = [
        await http.get(f"/sandbox/page/chats/{group.id}", params={"as": stranger.id}),
        await http.get(f"/sandbox/page/chats/{mum.id}", params={"as": stranger.id}),
        await http.get(f"/sandbox/page/chats/{group.id}", params={"as": "nobody"}),
    ]

    assert [response.status_code for response in refused] == [404, 404, 400]
    assert all(response.json()["ok"] is False for response in refused)


async def test_a_chat_shows_the_bots_entities_and_the_reply_keyboard_it_left(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    keyboard = ReplyKeyboardMarkup([[KeyboardButton("Arms"), KeyboardButton("Legs")]])
    await bot.send_message(
        mum.id, "Where <b>exactly</b>?", parse_mode="HTML", reply_markup=keyboard
    )
    await bot.send_message(mum.id, "Another question")

    shown = await view(http, mum.id, mum)

    assert [message["text"] for message in shown["messages"]] == [
        "/start",
        "Where exactly?",
        "Another question",
    ]
    assert shown["messages"][1]["entities"] == [{"type": "bold", "offset": 6, "length": 7}]
    assert [key["text"] for key in shown["keyboard"]["keyboard"][0]] == ["Arms", "Legs"]
    assert shown["keyboard"]["message_id"] == 2

    await bot.send_message(mum.id, "Thanks", reply_markup=ReplyKeyboardRemove())
    assert (await view(http, mum.id, mum))["keyboard"] is None


async def test_bare_links_in_the_bots_messages_are_linked_as_the_telegram_apps_do(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    link = "https://t.me/CareCircleBot?start=abc"
    await bot.send_message(mum.id, f"Join 👪 <b>now</b>: {link}.", parse_mode="HTML")
    await bot.send_message(mum.id, f'<a href="{link}">{link}</a>', parse_mode="HTML")
    await mum.send(mum.private_chat, f"I typed {link}")

    linked, labelled, mine = (await view(http, mum.id, mum))["messages"][1:]

    assert linked["entities"] == [
        {"type": "bold", "offset": 8, "length": 3},
        {"type": "url", "offset": 13, "length": len(link)},
    ]
    assert [entity["type"] for entity in labelled["entities"]] == ["text_link"]
    assert [entity["type"] for entity in mine["entities"]] == ["url"]


async def test_typing_shows_until_the_bot_sends(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    await bot.send_chat_action(mum.id, "typing")

    typing = await view(http, mum.id, mum)
    await bot.send_message(mum.id, "Here it is")
    sent = await view(http, mum.id, mum)

    assert typing["action"] == "typing" and 0 < typing["typing_for"] <= 5
    assert (sent["action"], sent["typing_for"]) == (None, 0)


async def test_a_flood_wait_shows_in_the_chat_until_it_runs_out(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    await sandbox.set_limits(per_chat_per_second=1, chat_burst=1)
    await bot.send_message(mum.id, "one")
    with pytest.raises(telegram.error.RetryAfter):
        await bot.send_message(mum.id, "two")

    shown = await view(http, mum.id, mum)

    assert 0 < shown["waiting_for"] <= 1


async def test_a_photo_shows_inline_and_a_document_only_downloads(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    photo = await bot.send_photo(mum.id, SAMPLE_PNG)
    page = b"<script>alert(1)</script>"
    document = await bot.send_document(mum.id, page, filename="Lily’s export.html")
    fake = await bot.send_photo(mum.id, b"<svg onload=alert(1)>", filename="chart.png")

    image = await http.get(f"/sandbox/page/files/{photo.photo[-1].file_id}")
    download = await http.get(f"/sandbox/page/files/{document.document.file_id}")
    not_an_image = await http.get(f"/sandbox/page/files/{fake.photo[-1].file_id}")

    assert (image.headers["content-type"], image.headers["content-disposition"]) == (
        "image/png",
        "inline",
    )
    assert image.content == SAMPLE_PNG
    assert download.content == page
    assert download.headers["content-disposition"] == (
        "attachment; filename=\"Lily_s export.html\"; filename*=UTF-8''Lily%E2%80%99s%20export.html"
    )
    assert not_an_image.headers["content-disposition"].startswith("attachment")
    for response in (image, download, not_an_image):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
    assert (await http.get("/sandbox/page/files/nothing")).status_code == 404


async def _events(response: httpx.Response) -> AsyncIterator[int]:
    async for line in response.aiter_lines():
        if line.startswith("data: "):
            yield json.loads(line.removeprefix("data: "))


async def _version_now(client: httpx.AsyncClient) -> int:
    """The change count a stream opened now starts with."""
    async with client.stream("GET", "/sandbox/page/events") as response:
        return await anext(_events(response))


async def test_the_event_stream_tells_of_each_change_and_not_of_reads(
    sandbox: SandboxClient, bot: telegram.Bot, http: httpx.AsyncClient
) -> None:
    async with (
        httpx.AsyncClient(base_url=str(http.base_url), timeout=10) as stream_client,
        stream_client.stream("GET", "/sandbox/page/events") as response,
    ):
        assert response.headers["content-type"] == "text/event-stream"
        events = _events(response)
        first = await anext(events)
        await http.get("/sandbox/page/people")
        await sandbox.calls()
        await bot.get_updates(timeout=0)
        mum = await sandbox.user("Mum")
        after_user = await anext(events)
        await mum.start()
        after_message = await anext(events)
        await bot.send_message(mum.id, "Hello")
        after_bot = await anext(events)
        now = await _version_now(stream_client)

    assert [after_user, after_message, after_bot] == [first + 1, first + 2, first + 3]
    assert now == first + 3


async def test_stopping_the_emulator_ends_open_event_streams(emulator: Emulator) -> None:
    async with (
        httpx.AsyncClient(base_url=emulator.url, timeout=10) as client,
        client.stream("GET", "/sandbox/page/events") as response,
    ):
        events = _events(response)
        await anext(events)
        async with asyncio.timeout(3):
            await emulator.stop()
            remaining = [event async for event in events]

    assert remaining == []
