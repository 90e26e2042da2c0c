"""Webhook mode: a POST with the secret token is stored first, and a redelivered one counts once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import func, select

from bot.runner import Webhook, running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import InboxUpdate, ProcessedUpdate
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.support.databases import PostgresDatabases
from tests.support.private_postgres import free_port
from tests.support.tcp_proxy import TcpProxy
from tests.support.waiting import eventually

SECRET = "s3cret-token_for-this-test"


@pytest.fixture
def webhook() -> Webhook:
    port = free_port()
    return Webhook(url=f"http://127.0.0.1:{port}/telegram", secret=SECRET, port=port)


@pytest.fixture
async def webhook_world(emulator: Emulator, db_url: str, webhook: Webhook) -> AsyncIterator[World]:
    """The bot receiving updates through a webhook that the emulator posts to."""
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
    # Each post was stored before it was answered: settling waits for the inbox to empty.
    await webhook_world.settle()

    assert len(await mum.private_chat.bot_texts()) == 2  # welcome + one answer
    async with webhook_world.db.open_session() as session:
        count = select(func.count()).where(ProcessedUpdate.update_id == 9_001)
        assert await session.scalar(count) == 1


@pytest.fixture
def pg_url(postgres: PostgresDatabases) -> Iterator[str]:
    """A fresh migrated PostgreSQL database (skips without a server, fails under CI=true)."""
    if postgres.template is None:
        postgres.migrated_template()
    url = postgres.create(template=postgres.template)
    yield url
    postgres.drop(url)


async def test_a_post_the_database_cannot_store_is_refused_and_the_retry_is_handled_once(
    emulator: Emulator, pg_url: str, webhook: Webhook
) -> None:
    emulator.core.activity.quiet_period = 0.3
    async with TcpProxy.to(pg_url) as proxy:
        url = proxy.url_for(pg_url)
        db = Database(url)
        runtime = Runtime(sandbox_settings(emulator, url), db)
        try:
            async with (
                SandboxClient(emulator.url) as sandbox,
                running_bot(runtime, webhook=webhook) as app,
            ):
                world = World(sandbox, emulator, runtime, app)
                mum = await world.user("Anna")
                await world.settle()

                proxy.cut()
                await mum.send(mum.private_chat, "/help")
                await eventually(
                    lambda: _refused(emulator), timeout=20, what="the post to be refused"
                )
                assert len(await mum.private_chat.bot_texts()) == 1  # not answered yet
                proxy.restore()
                await world.settle(30)
                replies = await mum.private_chat.bot_texts()
                async with db.open_session() as session:
                    left = await session.scalar(select(func.count()).select_from(InboxUpdate))
        finally:
            await db.dispose()

    assert emulator.core.webhook.last_error_message == (
        "Wrong response from the webhook: 500 Internal Server Error"
    )
    assert len(replies) == 2 and replies[1].startswith("What I can do")  # answered once
    assert left == 0


async def _refused(emulator: Emulator) -> bool:
    return emulator.core.webhook.last_error_message is not None
