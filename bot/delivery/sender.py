"""Drain the outbox under Telegram's limits, in order per chat; one chat's pause stalls no other.

One worker per chat sends that chat's rows oldest first. The bot's ``Pacing``
(``pacing``), which every message the bot sends goes through, keeps under
Telegram's published limits (about one message a second per chat, twenty a
minute per group, thirty a second overall); a worker waits for its chat's turn
before it claims the chat's next row, so a lease never runs out while it waits.
When a 429 comes anyway, only that chat waits its ``retry_after``. Network errors and
5xx are retried with backoff; 400s are recorded and skipped; a 403 is recorded
and, for a member's private copy, handed to the ``refused`` hook the sender is
given (the app's turns off private delivery there and tells the group).

The outcome of a call is known only in memory until it is written: if the
database cannot be reached then, the worker keeps the outcome and writes it
again until it can, before taking the chat's next row. A message Telegram
accepted is therefore never sent again because its "sent" mark failed, and a
row that must be retried is released as soon as the database is back rather
than when its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot import clock
from bot.delivery import failures, outcomes
from bot.delivery.calls import call
from bot.delivery.pacing import Limits, Pacing, retry_after_seconds
from models import Outbox, OutboxStatus
from models.session import Database

log = logging.getLogger(__name__)

RECORD_PAUSE, RECORD_MAX_PAUSE = 0.1, 5.0  # between attempts at writing an outcome
GATHER = 0.02  # seconds a wake waits for the wakes right behind it: one scan for them all
__all__ = ["Limits", "Sender", "backoff_seconds", "retry_after_seconds"]


def backoff_seconds(attempts: int, ceiling: float) -> float:
    """1, 2, 4, … seconds between attempts, up to ``ceiling``."""
    return float(min(2 ** max(attempts - 1, 0), ceiling))


def pacing_of(bot: Bot, limits: Limits) -> Pacing:
    """The pacing ``bot`` sends through (the Application's rate limiter), or one of its own."""
    pacing = getattr(bot, "rate_limiter", None)
    return pacing if isinstance(pacing, Pacing) else Pacing(limits)


class Sender:
    """Delivers outbox rows through ``bot`` until stopped."""

    def __init__(
        self,
        db: Database,
        bot: Bot,
        limits: Limits = Limits(),
        poll: float = 1.0,
        *,
        refused: failures.Refused = failures.nobody_told,
    ):
        self.db, self.bot, self.limits, self.poll = db, bot, limits, poll
        self.refused = refused  # what to do about a member's private chat that refused for good
        self.pacing = pacing_of(bot, limits)
        self._wake = asyncio.Event()
        self._stopping = False
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None
        self.outcomes = 0  # rows sent or given up on, so observers can tell work happened

    def wake(self) -> None:
        """Look for new rows now instead of at the next poll."""
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-sender")

    async def stop(self, grace: float = 5.0) -> None:
        """Let workers finish the message in hand, then stop."""
        self._stopping = True
        self._wake.set()
        tasks = [t for t in [self._task, *self._workers.values()] if t is not None]
        _, pending = await asyncio.wait(tasks, timeout=grace) if tasks else (set(), set())
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until no pending row is left and no worker is busy (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._workers and not await self._pending_count():
                return True
            self.wake()
            await asyncio.sleep(0.05)
        return False

    async def _run(self) -> None:
        while not self._stopping:
            try:
                for chat_id in await self._chats_with_due_rows():
                    if chat_id not in self._workers:
                        self._workers[chat_id] = asyncio.create_task(self._work(chat_id))
            except Exception:
                log.exception("outbox scan failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll)
            await asyncio.sleep(GATHER)  # handlers wake us after each commit: gather them
            self._wake.clear()

    async def _pending_count(self) -> int:
        async with self.db.reading() as session:
            return (
                await session.scalar(
                    select(func.count())
                    .select_from(Outbox)
                    .where(Outbox.status == OutboxStatus.PENDING)
                )
                or 0
            )

    async def _chats_with_due_rows(self) -> list[int]:
        heads = (
            select(func.min(Outbox.id))
            .where(Outbox.status == OutboxStatus.PENDING)
            .group_by(Outbox.chat_id)
        )
        async with self.db.reading() as session:
            rows = await session.scalars(
                select(Outbox.chat_id)
                .where(Outbox.id.in_(heads), Outbox.next_attempt_at <= clock.now())
                .limit(500)
            )
            return list(rows)

    async def _work(self, chat_id: int) -> None:
        try:
            while not self._stopping:
                await self.pacing.chat_turn(chat_id)  # the chat's turn first, then the lease
                row = await outcomes.claim_head(self.db, chat_id)
                if row is None:
                    return
                if not await self._deliver(row):
                    return
        except Exception:
            log.exception("outbox worker for a chat failed; will retry")
        finally:
            self._workers.pop(chat_id, None)

    async def _deliver(self, row: Outbox) -> bool:
        """Make the call and record the outcome; False when this chat must wait."""
        try:
            message_id = await call(self.db, self.bot, row)
        except RetryAfter as error:
            seconds = retry_after_seconds(error)
            self.pacing.pause(row.chat_id, seconds)
            await self._record(outcomes.retry_later, self.db, row, seconds, str(error))
            return False
        except ChatMigrated as error:
            await self._record(failures.chat_migrated, self.db, row.chat_id, error.new_chat_id)
            return False
        except Forbidden as error:
            await self._record(failures.forbidden, self.db, row, str(error), self.refused)
            return True
        except BadRequest as error:
            if "not modified" in str(error):  # a queued edit that the chat already shows
                await self._record(outcomes.mark_sent, self.db, row, None, final=True)
            else:
                await self._record(outcomes.fail, self.db, row, str(error), final=True)
            return True
        except TelegramError as error:  # network errors, timeouts, 5xx
            seconds = backoff_seconds(row.attempts + 1, self.limits.max_backoff)
            await self._record(outcomes.retry_later, self.db, row, seconds, str(error))
            return False
        # The chat's worker goes on only while the chat has more waiting: no empty claim after.
        return bool(await self._record(outcomes.mark_sent, self.db, row, message_id, final=True))

    async def _record(
        self, write: Callable[..., Awaitable[Any]], *args: Any, final: bool = False
    ) -> Any:
        """Write an outcome, again and again while the database cannot be reached; its answer.

        ``final``: the row is sent or given up on, which ``outcomes`` counts.
        """
        pause = RECORD_PAUSE
        while True:
            try:
                answer = await write(*args)
            except (SQLAlchemyError, OSError) as error:
                log.warning(
                    "could not record a delivery (%s); again in %.1fs", type(error).__name__, pause
                )
                await asyncio.sleep(pause)
                pause = min(pause * 2, RECORD_MAX_PAUSE)
                continue
            self.outcomes += final
            return answer
