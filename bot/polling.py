"""Long polling that loses no update: each one is stored before Telegram is told it arrived.

PTB's own Updater confirms a batch (by asking for the next offset) before the
batch is handled, so a process killed in between loses those updates for
good. Here a batch is cleaned (``bot.incoming``) and written to
``inbox_update`` first, then confirmed, then handled (different chats side by
side, each chat's and each person's updates in order: ``bot.lanes``) and
removed in one statement.

An update whose handling failed because the database could not be reached
(the handler kit reports it with ``defer``) stays in the inbox and is handed
over again, oldest first, with backoff, until it goes through; its sender is
told once that it will be saved, and the handler's answer tells them when it
is. If a batch cannot even be stored, its offset is not confirmed, so Telegram
keeps it and sends it again; it is handled meanwhile, so its senders hear
about it at once. On start, whatever a dead process left in the inbox is
handled first. The kit's ``processed_update`` check makes a replay harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
import logging
import math
import time
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.error import Conflict, NetworkError, TelegramError
from telegram.ext import Application

from bot import clock
from bot.incoming import clean_json, clean_update
from bot.lanes import run_lanes
from models import InboxUpdate
from models.session import Database

log = logging.getLogger(__name__)

MAX_PAUSE = 30.0
RETRY_FIRST, RETRY_MAX = 0.5, 8.0  # seconds between attempts at an update held back


class Deferred(enum.Enum):
    """What the kit should say when handling an update failed on the database."""

    FIRST = "first"  # it will be handled again: say so
    AGAIN = "again"  # it will be handled again, and its sender has been told already


class DurablePoller:
    """Fetches updates with getUpdates and hands them to ``app`` through the inbox."""

    def __init__(self, app: Application, db: Database, timeout: int = 10) -> None:
        self.app, self.db, self.timeout = app, db, timeout
        self._offset: int | None = None
        self._stopping = False
        self._stopped = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._fetch: asyncio.Task[tuple[Update, ...]] | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        self._held: dict[int, Update] = {}  # in the inbox, waiting for the database
        self._told: set[int] = set()  # their senders heard "I'll save it as soon as I can"
        self._late: set[int] = set()  # handed over again (after a failure or a restart)
        self._received: dict[int, datetime] = {}  # when each update not yet handled came in
        self._attempts: set[int] = set()  # the updates being handled now
        self._failed: set[int] = set()  # those of them the kit deferred
        self._retry_at, self._retry_pause = 0.0, RETRY_FIRST
        self.handled_upto = 0  # the last update id fully handled, for observers such as tests

    @property
    def busy(self) -> bool:
        """True while fetched updates are being handled or wait for the database."""
        return not self._idle.is_set() or bool(self._held)

    async def wait_idle(self) -> None:
        await self._idle.wait()

    def defer(self, update_id: int) -> Deferred | None:
        """The kit's report that handling ``update_id`` failed on the database.

        None if this poller will not hand it over again (then nothing was recorded).
        """
        if update_id not in self._attempts:
            return None
        self._failed.add(update_id)
        return Deferred.AGAIN if update_id in self._told else Deferred.FIRST

    def told(self, update_id: int) -> None:
        """The kit's report that the sender of ``update_id`` heard it will be saved later."""
        self._told.add(update_id)

    def promised(self, update_id: int) -> bool:
        """Whether the sender of ``update_id`` was told it would be saved later."""
        return update_id in self._told

    def late(self, update_id: int) -> datetime | None:
        """When ``update_id`` came in, if it is handled now after a failed attempt or a restart."""
        if update_id not in self._attempts or update_id not in self._late:
            return None
        return self._received.get(update_id)

    async def start(self) -> None:
        await self.app.bot.delete_webhook()
        await self._replay()
        self._task = asyncio.create_task(self._run(), name="durable-poller")

    async def stop(self) -> None:
        """Finish the update in hand, then confirm what was stored to Telegram."""
        self._stopping = True
        self._stopped.set()
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
            if self._held and time.monotonic() >= self._retry_at:
                self._idle.clear()
                try:
                    await self._retry()
                finally:
                    self._idle.set()
            try:
                updates = await self._next_batch()
            except asyncio.CancelledError:
                return
            except (NetworkError, Conflict) as error:  # Conflict: a poller that is not us
                log.warning("getUpdates failed (%s); retrying in %.0fs", error, pause)
                await self._pause(pause)
                pause = min(pause * 2, MAX_PAUSE)
                continue
            if updates and not await self._take(updates):
                log.warning("updates not stored; Telegram keeps them, asking again in %.0fs", pause)
                await self._pause(pause)
                pause = min(pause * 2, RETRY_MAX)
                continue
            pause = 1.0

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopped.wait(), seconds)

    async def _next_batch(self) -> tuple[Update, ...]:
        timeout = self.timeout
        if self._held:  # come back in time for the next attempt at them
            timeout = max(1, min(timeout, math.ceil(self._retry_at - time.monotonic())))
        self._fetch = asyncio.ensure_future(
            self.app.bot.get_updates(
                offset=self._offset, timeout=timeout, allowed_updates=Update.ALL_TYPES
            )
        )
        try:
            return await self._fetch
        finally:
            self._fetch = None

    async def _take(self, updates: tuple[Update, ...]) -> bool:
        """Store, confirm and handle a batch; False if it could not be stored."""
        self._idle.clear()
        try:
            updates = tuple(clean_update(update, self.app.bot) for update in updates)
            for update in updates:
                self._received.setdefault(update.update_id, clock.now())
            stored = await self._store(updates)
            if stored:
                self._offset = updates[-1].update_id + 1
            if self._held:
                await self._retry()  # older updates first, when the database allows
            fresh = [
                update
                for update in updates
                if update.update_id not in self._held
                # deferred already; Telegram sends it again until it is stored
                and (stored or update.update_id not in self._late)
            ]
            handled: list[Update] = []

            async def handle(update: Update) -> None:
                if await self._handle(update, stored):
                    handled.append(update)

            await run_lanes(fresh, handle)
            if stored:
                await self._forget(handled)
            return stored
        finally:
            self._idle.set()

    async def _handle(self, update: Update, stored: bool) -> bool:
        """Hand ``update`` to the application; False if it must be handled again."""
        update_id = update.update_id
        self._attempts.add(update_id)
        try:
            await self.app.process_update(update)
        finally:
            self._attempts.discard(update_id)
        if update_id in self._failed:
            self._failed.discard(update_id)
            self._late.add(update_id)
            if stored:
                self._held[update_id] = update
            return False
        self.handled_upto = max(self.handled_upto, update_id)
        self._told.discard(update_id)
        self._late.discard(update_id)
        self._received.pop(update_id, None)
        return True

    async def _retry(self) -> None:
        """Hand the held updates over again, oldest first, until one fails again."""
        handled: list[Update] = []
        for update_id in sorted(self._held):
            update = self._held.pop(update_id)
            self._late.add(update_id)
            if not await self._handle(update, stored=True):
                self._retry_at = time.monotonic() + self._retry_pause
                self._retry_pause = min(self._retry_pause * 2, RETRY_MAX)
                break
            handled.append(update)
        else:
            self._retry_pause = RETRY_FIRST
        await self._forget(handled)

    async def _store(self, updates: tuple[Update, ...]) -> bool:
        """Write the updates the inbox does not hold yet; False if the database refused."""
        try:
            async with self.db.transaction() as session:
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
                        received_at=self._received.get(u.update_id, clock.now()),
                    )
                    for u in updates
                    if u.update_id not in known
                )
        except (SQLAlchemyError, OSError):
            log.exception("could not store %d updates", len(updates))
            return False
        return True

    async def _forget(self, handled: list[Update]) -> None:
        """Clear handled updates from the inbox in one statement; kept to clear again if not."""
        if not handled:
            return
        try:
            async with self.db.transaction() as session:
                await session.execute(
                    delete(InboxUpdate).where(
                        InboxUpdate.update_id.in_([u.update_id for u in handled])
                    )
                )
        except (SQLAlchemyError, OSError):
            log.exception("could not clear %d updates from the inbox", len(handled))
            # handled; the next attempt only clears them (the kit skips them)
            self._held.update((u.update_id, u) for u in handled)

    async def _replay(self) -> None:
        """Handle what a previous process stored but did not finish."""
        async with self.db.reading() as session:
            left = list(await session.scalars(select(InboxUpdate).order_by(InboxUpdate.update_id)))
        if left:
            log.info("handling %d updates left from the previous run", len(left))
        for row in left:
            update = Update.de_json(clean_json(row.payload), self.app.bot)
            assert update is not None
            self._held[row.update_id] = update
            self._received[row.update_id] = row.received_at
        if self._held:
            self._idle.clear()
            try:
                await self._retry()
            finally:
                self._idle.set()
