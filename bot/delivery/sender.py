"""Drain the outbox under Telegram's limits, in order per chat; one chat's pause stalls no other.

One worker per chat sends that chat's rows oldest first. Rate limiters keep
under Telegram's published limits (about one message a second per chat,
twenty a minute per group, thirty a second overall) so 429s stay rare; when
one comes anyway, only that chat waits its ``retry_after``. Network errors and
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
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from bot import clock
from bot.delivery import failures
from models import Outbox, OutboxFile, OutboxStatus
from models.session import Database

log = logging.getLogger(__name__)

# Stored payloads of other methods are Bot API JSON, called by name on purpose.
warnings.filterwarnings("ignore", message="Please use 'Bot.", category=PTBUserWarning)
# retry_after_seconds below accepts both the int and the timedelta form.
warnings.filterwarnings("ignore", message=".*retry_after.*", category=PTBDeprecationWarning)

LEASE = timedelta(seconds=60)
RECORD_PAUSE, RECORD_MAX_PAUSE = 0.1, 5.0  # between attempts at writing an outcome


@dataclass(frozen=True)
class Limits:
    """Messages per period the sender allows itself (a little under Telegram's)."""

    per_chat: tuple[float, float] = (1, 1)
    per_group: tuple[float, float] = (20, 60)
    overall: tuple[float, float] = (25, 1)
    max_backoff: float = 60.0


def retry_after_seconds(error: RetryAfter) -> float:
    """PTB 22 may give ``retry_after`` as seconds or as a timedelta."""
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def backoff_seconds(attempts: int, ceiling: float) -> float:
    """1, 2, 4, … seconds between attempts, up to ``ceiling``."""
    return float(min(2 ** max(attempts - 1, 0), ceiling))


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
        self._wake = asyncio.Event()
        self._stopping = False
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._chat_limiters: dict[int, AsyncLimiter] = {}
        self._group_limiters: dict[int, AsyncLimiter] = {}
        self._overall = AsyncLimiter(*limits.overall)
        self._paused_until: dict[int, float] = {}
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
                row = await self._claim_head(chat_id)
                if row is None:
                    return
                await self._throttle(chat_id)
                if not await self._deliver(row):
                    return
        except Exception:
            log.exception("outbox worker for a chat failed; will retry")
        finally:
            self._workers.pop(chat_id, None)

    async def _claim_head(self, chat_id: int) -> Outbox | None:
        """Lease the chat's oldest pending row if it is due and nobody else holds it."""
        now = clock.now()
        async with self.db.transaction() as session:
            head = await session.scalar(
                select(Outbox)
                .where(Outbox.chat_id == chat_id, Outbox.status == OutboxStatus.PENDING)
                .order_by(Outbox.id)
                .limit(1)
            )
            if head is None or head.next_attempt_at > now:
                return None
            claimed = await session.execute(
                update(Outbox)
                .where(
                    Outbox.id == head.id,
                    or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
                )
                .values(claimed_until=now + LEASE)
            )
            return head if claimed.rowcount == 1 else None

    async def _throttle(self, chat_id: int) -> None:
        pause = self._paused_until.get(chat_id, 0) - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
        limiter = self._chat_limiters.setdefault(chat_id, AsyncLimiter(*self.limits.per_chat))
        await limiter.acquire()
        if chat_id < 0:
            group = self._group_limiters.setdefault(chat_id, AsyncLimiter(*self.limits.per_group))
            await group.acquire()
        await self._overall.acquire()

    async def _deliver(self, row: Outbox) -> bool:
        """Make the call and record the outcome; False when this chat must wait."""
        try:
            message_id = await self._call(row)
        except RetryAfter as error:
            seconds = retry_after_seconds(error)
            self._paused_until[row.chat_id] = time.monotonic() + seconds
            await self._record(self._retry_later, row, seconds, str(error))
            return False
        except ChatMigrated as error:
            await self._record(failures.chat_migrated, self.db, row.chat_id, error.new_chat_id)
            return False
        except Forbidden as error:
            await self._record(failures.forbidden, self.db, row, str(error), self.refused)
            return True
        except BadRequest as error:
            if "not modified" in str(error):  # a queued edit that the chat already shows
                await self._record(self._mark_sent, row, None, final=True)
            else:
                await self._record(self._fail, row, str(error), final=True)
            return True
        except TelegramError as error:  # network errors, timeouts, 5xx
            seconds = backoff_seconds(row.attempts + 1, self.limits.max_backoff)
            await self._record(self._retry_later, row, seconds, str(error))
            return False
        await self._record(self._mark_sent, row, message_id, final=True)
        return True

    async def _record(
        self, write: Callable[..., Awaitable[None]], *args: Any, final: bool = False
    ) -> None:
        """Write an outcome, again and again while the database cannot be reached.

        ``final``: the row is sent or given up on, which ``outcomes`` counts.
        """
        pause = RECORD_PAUSE
        while True:
            try:
                await write(*args)
            except (SQLAlchemyError, OSError) as error:
                log.warning(
                    "could not record a delivery (%s); again in %.1fs", type(error).__name__, pause
                )
                await asyncio.sleep(pause)
                pause = min(pause * 2, RECORD_MAX_PAUSE)
                continue
            self.outcomes += final
            return

    async def _call(self, row: Outbox) -> int | None:
        """Make the stored Bot API call; return the id of the message it created."""
        payload = dict(row.payload)
        if row.method == "sendMessage":
            markup = payload.pop("reply_markup", None)
            message = await self.bot.send_message(
                row.chat_id,
                reply_markup=InlineKeyboardMarkup.de_json(markup, self.bot) if markup else None,
                **payload,
            )
            return message.message_id
        if row.method == "sendPhoto":
            return await self._send_photo(row, payload)
        result = await self.bot.do_api_request(
            row.method, api_kwargs={"chat_id": row.chat_id, **payload}
        )
        return result.get("message_id") if isinstance(result, dict) else None

    async def _send_photo(self, row: Outbox, payload: dict[str, Any]) -> int:
        """Upload the row's file (kept beside it until sent) with its caption and buttons."""
        async with self.db.reading() as session:
            file = await session.get(OutboxFile, row.id)
        if file is None:
            raise BadRequest("the photo of this message is gone")
        markup = payload.pop("reply_markup", None)
        message = await self.bot.send_photo(
            row.chat_id,
            InputFile(file.content, filename=file.filename),
            reply_markup=InlineKeyboardMarkup.de_json(markup, self.bot) if markup else None,
            **payload,
        )
        return message.message_id

    async def _mark_sent(self, row: Outbox, message_id: int | None) -> None:
        async with self.db.transaction() as session:
            # A sent photo's bytes are not needed again: the outbox keeps only the call.
            await session.execute(delete(OutboxFile).where(OutboxFile.outbox_id == row.id))
            await session.execute(
                update(Outbox)
                .where(Outbox.id == row.id)
                .values(
                    status=OutboxStatus.SENT,
                    telegram_message_id=message_id,
                    sent_at=clock.now(),
                    attempts=Outbox.attempts + 1,
                    claimed_until=None,
                )
            )

    async def _retry_later(self, row: Outbox, seconds: float, error: str) -> None:
        log.warning("delivery to a chat will be retried in %.0fs: %s", seconds, error)
        async with self.db.transaction() as session:
            await session.execute(
                update(Outbox)
                .where(Outbox.id == row.id)
                .values(
                    attempts=Outbox.attempts + 1,
                    next_attempt_at=clock.now() + timedelta(seconds=seconds),
                    last_error=error[:500],
                    claimed_until=None,
                )
            )

    async def _fail(self, row: Outbox, error: str) -> None:
        log.warning("outbox row %s refused by Telegram: %s", row.id, error)
        async with self.db.transaction() as session:
            await failures.mark_failed(session, row.id, error)
