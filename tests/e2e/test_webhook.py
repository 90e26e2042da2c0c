"""Webhook mode: updates arrive by POST with the secret token, and a redelivered one counts once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from bot.runner import Webhook, running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import ProcessedUpdate
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.support.private_postgres import free_port

SECRET = "s3cret-token_for-this-test"


@pytest.fixture
def webhook() -> Webhook:
    port = free_port()
    return Webhook(url=f"http://127.0.0.1:{port}/telegram", secret=SECRET, port=port)


@pytest.fixture
async def webhook_world(emulator: Emulator, db_url: str, webhook: Webhook) -> AsyncIterator[World]:
    """The bot receiving updates through a webhook that the emulator posts to."""
    # No poller to watch here: PTB handles a posted update after answering the POST.
    emulator.core.activity.quiet_period = 0.3
    db = Database(db_url)
    runtime = Runtime(sandbox_settings(emulator, db_url), db)
    try:
        async with (
            SandboxClient(emulator.url) as sandbox,
            running_bot(runtime, webhook=webhook) as app,
        ):
            yield World(sandbox, emulator, runtime, app)
    finally:
        await db.dispose()


def help_update(update_id: int, user_id: int) -> dict:
    user = {"id": user_id, "is_bot": False, "first_name": "Anna"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": 500,
            "date": 1_790_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": "Anna"},
            "from": user,
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


async def test_updates_reach_the_bot_through_the_webhook(webhook_world: World) -> None:
    mum = await webhook_world.user("Anna")
    await mum.send(mum.private_chat, "/help")
    await webhook_world.settle()

    replies = await mum.private_chat.bot_texts()
    assert replies[0].startswith("Hello Anna!")
    assert replies[1].startswith("What I can do")


async def test_a_post_without_the_secret_token_is_refused(
    webhook_world: World, webhook: Webhook
) -> None:
    mum = await webhook_world.user("Anna")
    await webhook_world.settle()

    async with httpx.AsyncClient() as client:
        response = await client.post(webhook.url, json=help_update(9_000, mum.id))
    await webhook_world.settle()

    assert response.status_code == 403
    assert len(await mum.private_chat.bot_texts()) == 1  # only the welcome


async def test_a_redelivered_update_is_handled_once(webhook_world: World, webhook: Webhook) -> None:
    mum = await webhook_world.user("Anna")
    await webhook_world.settle()
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    async with httpx.AsyncClient() as client:
        for _ in range(2):
            response = await client.post(
                webhook.url, json=help_update(9_001, mum.id), headers=headers
            )
            assert response.status_code == 200
    # Posted straight to the bot, so the emulator cannot tell when they are handled; PTB's
    # update queue can: both posts were queued before they were answered, and join() returns
    # once the bot has handled both.
    async with asyncio.timeout(15):
        await webhook_world.app.update_queue.join()
    await webhook_world.settle()

    assert len(await mum.private_chat.bot_texts()) == 2  # welcome + one answer
    async with webhook_world.db.open_session() as session:
        count = select(func.count()).where(ProcessedUpdate.update_id == 9_001)
        assert await session.scalar(count) == 1
