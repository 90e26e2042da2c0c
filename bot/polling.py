"""Long polling that loses no update: each one is stored before Telegram is told it arrived.

PTB's own Updater confirms a batch (by asking for the next offset) before the
batch is handled, so a process killed in between loses those updates for
good. Here a batch is cleaned (``bot.incoming``: nothing a database cannot
store) and written to ``inbox_update`` first, then confirmed, then
handled one by one and removed; on start, whatever a dead process left in the
inbox is handled first. The handler kit's ``processed_update`` check makes the
replay of an update that had been handled harmless. If the database is down,
the batch is handled anyway, so the sender hears at once that nothing could
be saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.error import Conflict, NetworkError, TelegramError
from telegram.ext import Application

from bot.incoming import clean_json, clean_update
from bot.services import clock
from models import InboxUpdate
from models.session import Database

log = logging.getLogger(__name__)

MAX_PAUSE = 30.0


class DurablePoller:
    """Fetches updates with getUpdates and hands them to ``app`` through the inbox."""

    def __init__(self, app: Application, db: Database, timeout: int = 10) -> None:
        self.app, self.db, self.timeout = app, db, timeout
        self._offset: int | None = None
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._fetch: asyncio.Task[tuple[Update, ...]] | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        self.handled_upto = 0  # the last update id fully handled, for observers such as tests

    @property
    def busy(self) -> bool:
        """True while fetched updates are being handled."""
        return not self._idle.is_set()

    async def wait_idle(self) -> None:
        await self._idle.wait()

    async def start(self) -> None:
        await self.app.bot.delete_webhook()
        await self._replay()
        self._task = asyncio.create_task(self._run(), name="durable-poller")

    async def stop(self) -> None:
        """Finish the update in hand, then confirm what was handled to Telegram."""
        self._stopping = True
        if self._fetch is not None:
            self._fetch.cancel()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._offset is not None:
            with contextlib.suppress(TelegramError):
                await self.app.bot.get_updates(offset=self._offset, timeout=0, limit=1)

    async def _run(self) -> None:
        pause = 1.0
        while not self._stopping:
            try:
                updates = await self._next_batch()
            except asyncio.CancelledError:
                return
            except (NetworkError, Conflict) as error:  # Conflict: a poller that is not us
                log.warning("getUpdates failed (%s); retrying in %.0fs", error, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
                continue
            pause = 1.0
            if updates:
                await self._take(updates)

    async def _next_batch(self) -> tuple[Update, ...]:
        self._fetch = asyncio.ensure_future(
            self.app.bot.get_updates(
                offset=self._offset, timeout=self.timeout, allowed_updates=Update.ALL_TYPES
            )
        )
        try:
            return await self._fetch
        finally:
            self._fetch = None

    async def _take(self, updates: tuple[Update, ...]) -> None:
        self._idle.clear()
        try:
            updates = tuple(clean_update(update, self.app.bot) for update in updates)
            stored = await self._store(updates)
            self._offset = updates[-1].update_id + 1
            for update in updates:
                await self.app.process_update(update)
                self.handled_upto = max(self.handled_upto, update.update_id)
                if stored:
                    await self._forget(update.update_id)
        finally:
            self._idle.set()

    async def _store(self, updates: tuple[Update, ...]) -> bool:
        try:
            async with self.db.session() as session:
                known = set(
                    await session.scalars(
                        select(InboxUpdate.update_id).where(
                            InboxUpdate.update_id.in_([u.update_id for u in updates])
                        )
                    )
                )
                session.add_all(
                    InboxUpdate(
                        update_id=u.update_id,
                        payload=json.loads(u.to_json()),
                        received_at=clock.now(),
                    )
                    for u in updates
                    if u.update_id not in known
                )
        except (SQLAlchemyError, OSError):
            log.exception("could not store %d updates; handling them unstored", len(updates))
            return False
        return True

    async def _forget(self, update_id: int) -> None:
        try:
            async with self.db.session() as session:
                await session.execute(delete(InboxUpdate).where(InboxUpdate.update_id == update_id))
        except (SQLAlchemyError, OSError):
            log.exception("could not clear update %s from the inbox", update_id)

    async def _replay(self) -> None:
        """Handle what a previous process stored but did not finish."""
        async with self.db.sessions() as session:
            left = list(await session.scalars(select(InboxUpdate).order_by(InboxUpdate.update_id)))
        if left:
            log.info("handling %d updates left from the previous run", len(left))
        for row in left:
            await self.app.process_update(Update.de_json(clean_json(row.payload), self.app.bot))
            self.handled_upto = max(self.handled_upto, row.update_id)
            await self._forget(row.update_id)
