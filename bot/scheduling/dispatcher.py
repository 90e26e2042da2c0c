"""The dispatcher: woken by PTB's JobQueue, it claims what is due and runs each kind's handler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.scheduling import claims, store
from bot.scheduling.claims import Claim
from bot.scheduling.registry import Fired, handler_for
from models import Reminder, ReminderStatus
from models.session import Database

if TYPE_CHECKING:
    from telegram.ext import JobQueue

log = logging.getLogger(__name__)

SWEEP = timedelta(seconds=30)
BATCH = 50
TRANSACTION_SPAN = 0.05  # seconds of handling rows before a commit lets other writers in
DISPATCHER_KEY = "carecircle.dispatcher"
_SWEEP_JOB, _WAKE_JOB = "scheduler-sweep", "scheduler-wake"


class _LostClaim(Exception):
    """The row was cancelled or claimed again while its handler ran: roll back."""


class Dispatcher:
    """Sends timed messages from the database; APScheduler only says when to look.

    Nothing is kept in APScheduler's job store: the ``reminder`` table is the whole
    schedule, so a restart loses nothing and any number of dispatchers may share it.
    """

    def __init__(
        self,
        db: Database,
        *,
        on_enqueued: Callable[[], None] = lambda: None,
        lease: timedelta = claims.LEASE,
        batch: int = BATCH,
    ) -> None:
        self.db, self.on_enqueued, self.lease, self.batch = db, on_enqueued, lease, batch
        self._lock = asyncio.Lock()
        self._jobs: JobQueue[Any] | None = None
        self._stopped = False

    async def tick(self) -> int:
        """Handle every row due now; return how many were handled.

        A claimed batch is handled in as few transactions as take ``TRANSACTION_SPAN`` each
        (so SQLite's one writer is not held long), each row in a savepoint of its own: a
        row whose handler fails is rolled back alone and retried later.
        """
        async with self._lock:
            handled = 0
            while batch := await self._claim():
                handled += await self._run_batch(batch)
            if handled:
                self.on_enqueued()
            return handled

    async def next_due(self) -> datetime | None:
        """When something next falls due (or a lease runs out), or None if nothing is waiting."""
        async with self.db.reading() as session:
            pending = await session.scalar(
                select(func.min(Reminder.due_at)).where(Reminder.status == ReminderStatus.PENDING)
            )
            leased = await session.scalar(
                select(func.min(Reminder.claim_expires_at)).where(
                    Reminder.status == ReminderStatus.CLAIMED
                )
            )
        moments = [moment for moment in (pending, leased) if moment is not None]
        return min(moments) if moments else None

    def start(self, job_queue: JobQueue[Any]) -> None:
        """Sweep at once (catching up after downtime), then every 30 s and at each due time."""
        self._jobs, self._stopped = job_queue, False
        # Not run_repeating(first=0): APScheduler rounds a start already past to the next interval.
        job_queue.run_once(self._wake, when=0, name=_WAKE_JOB)
        job_queue.run_repeating(self._wake, interval=SWEEP, first=SWEEP, name=_SWEEP_JOB)

    async def stop(self) -> None:
        """Stop waking up, and let a tick in progress finish."""
        self._stopped = True
        self._cancel_jobs(_SWEEP_JOB, _WAKE_JOB)
        async with self._lock:
            pass

    async def _wake(self, _context: object) -> None:
        if self._stopped:
            return
        await self.tick()
        await self._arm()

    async def _arm(self) -> None:
        """Wake again at the next due time, if that comes before the next sweep."""
        due = await self.next_due()
        # No await from here on, so two wake-ups never leave two one-shot jobs behind.
        self._cancel_jobs(_WAKE_JOB)
        if self._jobs is None or self._stopped or due is None:
            return
        wait = max(due - clock.now(), timedelta(0))
        if wait < SWEEP:
            self._jobs.run_once(self._wake, when=wait, name=_WAKE_JOB)

    def _cancel_jobs(self, *names: str) -> None:
        if self._jobs is None:
            return
        for name in names:
            for job in self._jobs.get_jobs_by_name(name):
                # A one-shot job that is running has already left APScheduler's store.
                with contextlib.suppress(LookupError):
                    job.schedule_removal()

    async def _claim(self) -> list[Claim]:
        async with self.db.transaction() as session:
            return await claims.claim(session, clock.now(), lease=self.lease, limit=self.batch)

    async def _run_batch(self, batch: list[Claim]) -> int:
        """Handle claimed rows, several to a transaction; return how many went out."""
        handled, waiting = 0, list(batch)
        failed: list[tuple[Claim, str]] = []
        while waiting:
            started = time.monotonic()
            async with self.db.transaction() as session:
                while waiting and time.monotonic() - started < TRANSACTION_SPAN:
                    handled += await self._attempt(session, waiting.pop(0), failed)
        if failed:
            async with self.db.transaction() as session:
                for claim, error in failed:
                    await claims.retry_later(session, claim, error, clock.now())
        return handled

    async def _attempt(
        self, session: AsyncSession, claim: Claim, failed: list[tuple[Claim, str]]
    ) -> int:
        """Handle one row in a savepoint of its own: if it fails, it alone is rolled back."""
        try:
            async with session.begin_nested():
                return await self._run(session, claim)
        except _LostClaim:
            log.info("timed message %s was cancelled or re-claimed while being sent", claim.id)
        except Exception as error:
            log.exception("timed message %s failed (attempt %s)", claim.id, claim.attempts)
            failed.append((claim, repr(error)))
        return 0

    async def _run(self, session: AsyncSession, claim: Claim) -> int:
        """Handle one claimed row; its messages and its new status commit together."""
        row = await session.get(Reminder, claim.id)
        if row is None:
            return 0
        now = clock.now()
        status = await self._handle(session, row, now)
        if not await claims.finish(session, claim, status, now):
            raise _LostClaim()
        return 1

    async def _handle(self, session: AsyncSession, row: Reminder, now: datetime) -> ReminderStatus:
        """Send ``row`` (or record it missed when it is past its use), then its next occurrence."""
        if row.expires_at is not None and now >= row.expires_at:
            log.info("timed message %s is past its use; recorded as missed", row.id)
            status = ReminderStatus.MISSED
        else:
            await handler_for(row.kind)(session, Fired(row, now))
            status = ReminderStatus.SENT
        await store.schedule_next(session, row, now)
        return status
