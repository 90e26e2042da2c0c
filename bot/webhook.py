"""Webhook intake that loses no update: each POST is stored in the inbox before it is answered.

Telegram (or any HTTP load balancer in front of several processes) posts an
update; it is cleaned and written to ``inbox_update`` in a transaction of its
own, and only then answered 200. If the database refuses, the answer is 500,
so Telegram keeps the update and posts it again. An update already stored (a
retry) is stored once; one already handled is skipped by the kit's
``processed_update`` check.

Every process then drains the shared inbox the way the poller hands over
updates (``DurablePoller``'s handling, deferral and told/late bookkeeping are
reused): oldest first, and for each chat only its oldest stored update, so a
chat's updates are handled in order even when several processes drain at
once. On PostgreSQL an update is claimed with ``FOR UPDATE SKIP LOCKED`` in a
transaction held while it is handled, and removed in that same transaction;
a process that dies loses its connection and with it the claim, and another
process's next sweep picks the update up. SQLite has one process, so no claim.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from typing import Any

from aiohttp import web
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application

from bot import clock
from bot.incoming import clean_json, clean_update
from bot.polling import RETRY_FIRST, RETRY_MAX, DurablePoller
from models import InboxUpdate
from models.session import Database

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SWEEP = 1.0  # seconds between looks at the inbox for updates another process left


def chat_key(payload: dict[str, Any]) -> object:
    """The chat (or else the person) an update belongs to, for keeping each chat's order."""
    for kind, value in payload.items():
        if kind == "update_id" or not isinstance(value, dict):
            continue
        chat = value.get("chat") or (value.get("message") or {}).get("chat")
        if isinstance(chat, dict) and "id" in chat:
            return chat["id"]
        person = value.get("from") or value.get("user")
        if isinstance(person, dict) and "id" in person:
            return ("person", person["id"])
    return ("update", payload.get("update_id"))


def heads(rows: list[tuple[int, dict[str, Any]]]) -> list[int]:
    """Of inbox rows in update order, the oldest of each chat: the ones that may go now."""
    seen: set[object] = set()
    first = []
    for update_id, payload in rows:
        key = chat_key(payload)
        if key not in seen:
            seen.add(key)
            first.append(update_id)
    return first


class WebhookIntake(DurablePoller):
    """Receives posted updates into the inbox and hands the inbox over to ``app``."""

    def __init__(
        self, app: Application, db: Database, *, secret: str, listen: str, port: int, path: str
    ) -> None:
        super().__init__(app, db)
        self.secret, self.listen, self.port, self.path = secret, listen, port, path
        self._runner: web.AppRunner | None = None
        self._wake = asyncio.Event()
        self._claim: AsyncSession | None = None  # the transaction holding the update in hand
        self._posted: set[int] = set()  # stored by this process (not left by another)
        self._not_before: dict[int, float] = {}  # deferred updates: when to try again
        self._pauses: dict[int, float] = {}

    async def start(self, url: str | None = None) -> None:
        """Listen, tell Telegram where to post (if ``url``), and drain what is waiting."""
        server = web.Application()
        server.router.add_post(f"/{self.path.strip('/')}", self._receive)
        self._runner = web.AppRunner(server, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.listen, self.port).start()
        if url is not None:
            await self.app.bot.set_webhook(
                url, secret_token=self.secret, allowed_updates=Update.ALL_TYPES
            )
        self._task = asyncio.create_task(self._run(), name="webhook-intake")

    async def stop(self) -> None:
        """Stop answering posts, then finish the update in hand (the webhook stays set)."""
        if self._runner is not None:
            await self._runner.cleanup()
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return web.Response(status=403)
        try:
            update = Update.de_json(clean_json(json.loads(await request.read())), self.app.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        update = clean_update(update, self.app.bot)
        self._received.setdefault(update.update_id, clock.now())
        if not await self._store((update,)):
            return web.Response(status=500)  # Telegram posts it again later
        self._posted.add(update.update_id)
        self._wake.set()
        return web.Response()

    async def _run(self) -> None:
        while not self._stopping:
            self._idle.clear()
            try:
                await self._drain()
            except (SQLAlchemyError, OSError):
                log.warning("could not read the inbox; trying again", exc_info=True)
            finally:
                self._idle.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), SWEEP)
            self._wake.clear()

    async def _drain(self) -> None:
        """Hand over the inbox's chat heads until none can go now."""
        while not self._stopping:
            self._wake.clear()
            async with self.db.open_session() as session:
                rows = (
                    await session.execute(
                        select(InboxUpdate.update_id, InboxUpdate.payload).order_by(
                            InboxUpdate.update_id
                        )
                    )
                ).all()
            now = time.monotonic()
            ready = heads([tuple(row) for row in rows])
            ready = [u for u in ready if self._not_before.get(u, 0) <= now]
            handled = 0
            for update_id in ready:
                if self._stopping:
                    return
                handled += await self._take_one(update_id)
            if not handled:
                return

    async def _take_one(self, update_id: int) -> bool:
        """Claim, handle and remove one stored update; False if it was not handled here."""
        async with self.db.open_session() as session:
            query = select(InboxUpdate).where(InboxUpdate.update_id == update_id)
            if not self.db.is_sqlite:
                query = query.with_for_update(skip_locked=True)
            row = await session.scalar(query)
            if row is None:
                return False  # handled meanwhile, or in another process's hands
            payload, received_at = row.payload, row.received_at
            if self.db.is_sqlite:
                await session.rollback()  # end the read: SQLite's every transaction locks
            update = Update.de_json(clean_json(payload), self.app.bot)
            assert update is not None
            self._received.setdefault(update_id, received_at)
            if update_id not in self._posted:
                self._late.add(update_id)  # left by a process that stopped
            self._claim = None if self.db.is_sqlite else session
            try:
                handled = await self._handle(update, stored=True) and await self._clear(update)
            finally:
                self._claim = None
        self._held.pop(update_id, None)  # the inbox, not memory, is what holds it
        self._posted.discard(update_id)
        if handled:
            self._not_before.pop(update_id, None)
            self._pauses.pop(update_id, None)
            return True
        pause = self._pauses.get(update_id, RETRY_FIRST)
        self._not_before[update_id] = time.monotonic() + pause
        self._pauses[update_id] = min(pause * 2, RETRY_MAX)
        return False

    async def _clear(self, update: Update) -> bool:
        """Remove a handled update: in its claim's transaction on PostgreSQL."""
        session = self._claim
        if session is None:
            await self._forget([update])  # kept to clear again if it fails; the kit skips it
            return True
        try:
            await session.execute(
                delete(InboxUpdate).where(InboxUpdate.update_id == update.update_id)
            )
            await session.commit()
        except (SQLAlchemyError, OSError):
            log.exception("could not clear update %s from the inbox", update.update_id)
            return False
        return True
