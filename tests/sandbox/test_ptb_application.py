"""A real PTB Application polling the emulator, driven by people through the actor client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.sandbox import Emulator, SandboxClient
from tests.sandbox.conftest import TOKEN
from tests.support.waiting import eventually

SEVERITY = InlineKeyboardMarkup(
    [[InlineKeyboardButton(label, callback_data=label.lower()) for label in ("Mild", "Severe")]]
)


async def ask_severity(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("How severe was it?", reply_markup=SEVERITY)


async def record_severity(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer("Saved")
    await query.edit_message_text(f"Recorded: {query.data}")


@pytest.fixture
async def application(emulator: Emulator) -> AsyncIterator[Application]:
    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(emulator.bot_api_url)
        .base_file_url(emulator.file_url)
        .build()
    )
    app.add_handler(CommandHandler("episode", ask_severity))
    app.add_handler(CallbackQueryHandler(record_severity))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=5)
        yield app
        await app.updater.stop()
        await app.stop()


async def test_a_team_logs_an_episode(application: Application, sandbox: SandboxClient) -> None:
    mum, teacher = await sandbox.user("Mum"), await sandbox.user("Teacher")
    group = await sandbox.group("Lily's team", [mum, teacher])
    await group.add_bot(by=mum)

    await teacher.send(group, "she seems fine")
    await teacher.send(group, "/episode 30s")
    await sandbox.settle()
    question = await group.last_bot_message()
    query_id = await mum.press(group, question, "Severe")
    await sandbox.settle()

    assert [message.text for message in await group.messages()][-3:] == [
        "she seems fine",
        "/episode 30s",
        "Recorded: severe",
    ]
    assert (await sandbox.callback_answer(query_id))["text"] == "Saved"
    methods = [call["method"] for call in await sandbox.calls() if call["method"] != "getUpdates"]
    assert methods[-3:] == ["sendMessage", "answerCallbackQuery", "editMessageText"]


async def test_stop_answers_a_pending_long_poll_at_once() -> None:
    emulator = Emulator(TOKEN)
    await emulator.start()
    async with httpx.AsyncClient() as http:
        url = f"{emulator.bot_api_url}{TOKEN}/getUpdates"
        polling = asyncio.create_task(http.post(url, json={"timeout": 30}, timeout=40))
        await eventually(lambda: emulator.core.queue.polling, what="the long poll to wait")
        started = time.monotonic()

        await emulator.stop()

        assert (await polling).json() == {"ok": True, "result": []}
    assert time.monotonic() - started < 2.0
