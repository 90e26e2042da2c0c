"""Everything the emulator emits has Telegram's shape: schema fields present, nothing PTB lacks."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.sandbox import Emulator, SandboxClient
from tests.sandbox.schema_check import (
    answer_problems,
    assert_conforms,
    schema_problems,
    unknown_to_ptb,
)
from tests.support.conformance import Conformance

ALL_UPDATES = ["message", "callback_query", "my_chat_member", "chat_member"]
KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Mild", callback_data="mild")],
        [InlineKeyboardButton("Guide", url="https://example.org/guide")],
    ]
)


async def call(raw_api: httpx.AsyncClient, method: str, **params: Any) -> Any:
    body = (await raw_api.post(method, json=params)).json()
    assert body["ok"], body
    return body["result"]


async def _eventful_story(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    """People and the bot do one of everything that produces an update."""
    mum = await sandbox.user("Mum", last_name="Smith", username="mum_lily", language_code="en")
    teacher, nurse = await sandbox.user("Teacher"), await sandbox.user("Nurse")
    await mum.start()
    group = await sandbox.group("Lily's team", [mum, teacher])
    await group.add_bot(by=mum, admin=True)
    await group.add_member(nurse)
    await group.remove_member(nurse)
    await group.set_title("Lily's care team", by=mum)
    sent = await bot.send_message(
        group.id, "<b>Severity?</b> <a href='https://example.org'>notes</a>", "HTML"
    )
    await bot.edit_message_reply_markup(group.id, sent.message_id, reply_markup=KEYBOARD)
    text = "@CareCircleBot #seizure https://example.org/x /episode@CareCircleBot 30s"
    await teacher.send(group, text, reply_to=sent.message_id)
    await teacher.press_data(group, sent.message_id, "mild")
    await teacher.send_photo(group, caption="rash")
    await teacher.send_document(group, caption="report", filename="report.pdf")
    await mum.block()
    await mum.unblock()
    supergroup = await group.migrate()
    await supergroup.remove_bot(by=mum)


async def test_every_update_kind_parses_cleanly(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    await call(raw_api, "getUpdates", allowed_updates=ALL_UPDATES, timeout=0)
    await _eventful_story(sandbox, bot)

    updates = await call(raw_api, "getUpdates", timeout=0)

    for raw in updates:
        assert_conforms(raw, "Update", telegram.Update.de_json(raw, bot))
    kinds = {key for update in updates for key in update if key != "update_id"}
    assert kinds == set(ALL_UPDATES)
    messages = [update["message"] for update in updates if "message" in update]
    fields = {name for message in messages for name in message}
    assert {"entities", "photo", "document", "caption", "reply_to_message"} <= fields
    services = {"new_chat_members", "left_chat_member", "new_chat_title"}
    assert services | {"migrate_to_chat_id", "migrate_from_chat_id"} <= fields
    statuses = {
        update[kind]["new_chat_member"]["status"]
        for update in updates
        for kind in ("my_chat_member", "chat_member")
        if kind in update
    }
    assert statuses == {"administrator", "member", "left", "kicked"}


async def test_method_results_parse_cleanly(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum, teacher, gone = [await sandbox.user(name) for name in ("Mum", "Teacher", "Gone")]
    await mum.start()
    group = await sandbox.group("Team", [mum, teacher, gone])
    await group.add_bot(by=mum, admin=True)
    await group.remove_member(gone)
    await mum.send_document(mum.private_chat, filename="plan.txt", content=b"plan")
    document = (await mum.private_chat.last_message()).raw["document"]["file_id"]
    await call(raw_api, "setMyCommands", commands=[{"command": "episode", "description": "Log"}])
    member = {"chat_id": group.id}
    cases: list[tuple[str, dict[str, Any], str, Any]] = [
        ("getMe", {}, "User", telegram.User),
        ("getChat", {"chat_id": mum.id}, "ChatFullInfo", telegram.ChatFullInfo),
        ("getChat", {"chat_id": group.id}, "ChatFullInfo", telegram.ChatFullInfo),
        ("getChatMember", {**member, "user_id": mum.id}, "ChatMember", telegram.ChatMember),
        ("getChatMember", {**member, "user_id": teacher.id}, "ChatMember", telegram.ChatMember),
        ("getChatMember", {**member, "user_id": gone.id}, "ChatMember", telegram.ChatMember),
        ("getChatAdministrators", member, "ChatMember", telegram.ChatMember),
        ("getFile", {"file_id": document}, "File", telegram.File),
        ("getMyCommands", {}, "BotCommand", telegram.BotCommand),
        ("getWebhookInfo", {}, "WebhookInfo", telegram.WebhookInfo),
        ("sendMessage", _rich_message(mum.id), "Message", telegram.Message),
        ("sendDocument", {"chat_id": mum.id, "document": document}, "Message", telegram.Message),
    ]
    for method, params, type_name, cls in cases:
        result = await call(raw_api, method, **params)
        for raw in result if isinstance(result, list) else [result]:
            assert_conforms(raw, type_name, cls.de_json(raw, bot))


def _rich_message(chat_id: int) -> dict[str, Any]:
    return {
        "chat_id": chat_id,
        "text": "*Log* the _episode_ `now`",
        "parse_mode": "MarkdownV2",
        "reply_markup": KEYBOARD.to_dict(),
        "reply_parameters": {"message_id": 1},
        "link_preview_options": {"is_disabled": True},
    }


async def test_ptb_bot_methods_return_objects_without_leftovers(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    group = await sandbox.group("Team", [mum])
    await group.add_bot(by=mum)
    await bot.set_my_commands([("episode", "Log an episode")])

    photo = await bot.send_photo(
        mum.id, b"not really a jpeg", caption="<i>rash</i>", parse_mode="HTML"
    )
    results = [
        await bot.get_me(),
        await bot.get_chat(group.id),
        await bot.get_chat_member(group.id, mum.id),
        await bot.get_chat_administrators(group.id),
        await bot.get_my_commands(),
        await bot.get_file(photo.photo[-1].file_id),
        await bot.get_webhook_info(),
        photo,
        await bot.send_message(group.id, "Hi", reply_markup=KEYBOARD),
    ]

    assert unknown_to_ptb(results) == []
    assert photo.caption == "rash"
    assert photo.caption_entities[0].type == "italic"


async def test_webhook_info_with_an_error_conforms(
    emulator: Emulator, bot: telegram.Bot, raw_api: httpx.AsyncClient, sandbox: SandboxClient
) -> None:
    emulator.core.webhook.retry_delays = (0.01,)
    await bot.set_webhook(f"http://127.0.0.1:{_closed_port()}/hook")
    await (await sandbox.user("Mum")).start()

    for _ in range(200):
        info = await call(raw_api, "getWebhookInfo")
        if "last_error_message" in info:
            break
        await bot.get_me()

    assert info["last_error_message"] == "Connection refused"
    assert info["pending_update_count"] == 1
    assert_conforms(info, "WebhookInfo", telegram.WebhookInfo.de_json(info, bot))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_schema_check_catches_missing_unknown_and_null_fields() -> None:
    user = {"id": 1, "first_name": "A", "nickname": "a", "username": None}

    assert schema_problems(user, "User") == [
        "$.nickname: not a field of User",
        "$.is_bot: required by User but missing",
        "$.username: null (Telegram omits absent fields)",
    ]
    assert schema_problems({"status": "member"}, "ChatMember") == [
        "$.user: required by ChatMemberMember but missing"
    ]


def test_schema_check_catches_values_of_the_wrong_type() -> None:
    user = {"id": "1", "is_bot": 0, "first_name": "A"}
    message = {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "photo": {}}

    assert schema_problems(user, "User") == [
        "$.id: '1' is not Integer",
        "$.is_bot: 0 is not Boolean",
    ]
    assert schema_problems(message, "Message") == ["$.photo: {} is not Array of PhotoSize"]


def test_answer_check_reads_the_envelope_and_what_the_method_returns() -> None:
    member = {"status": "member", "user": {"id": 1, "is_bot": False, "first_name": "A"}}

    assert answer_problems("getChatMember", {"ok": True, "result": member}) == []
    assert answer_problems("getChatMemberCount", {"ok": True, "result": "3"}) == [
        "getChatMemberCount(): '3' is not Integer"
    ]
    assert answer_problems("editMessageText", {"ok": True, "result": True}) == []
    assert answer_problems("sendMessage", {"ok": True, "result": True, "extra": 1}) == [
        "sendMessage: envelope has ['extra']",
        "sendMessage(): True is not Message",
    ]
    flood = {"ok": False, "error_code": 429, "description": "x", "parameters": {"wait": 1}}
    assert answer_problems("sendMessage", flood) == [
        "sendMessage.parameters.wait: not a field of ResponseParameters"
    ]


async def test_every_answer_in_the_suite_is_checked(
    every_answer_conforms: Conformance, bot: telegram.Bot, sandbox: SandboxClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.start()
    before = every_answer_conforms.answers

    await bot.get_updates(timeout=0)
    await bot.send_message(mum.id, "Hello")
    every_answer_conforms.observe("sendMessage", {"ok": True, "result": {"message_id": 1}})

    assert every_answer_conforms.answers == before + 3
    assert list(every_answer_conforms.problems) == [
        "sendMessage().date: required by Message but missing",
        "sendMessage().chat: required by Message but missing",
    ]
    every_answer_conforms.problems.clear()  # planted above: not the emulator's
