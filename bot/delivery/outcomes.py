"""Write what became of an outbox row's call: claimed, sent, to be retried, or refused."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, or_, select, update

from bot import clock
from bot.delivery import failures
from models import Outbox, OutboxFile, OutboxStatus
from models.session import Database

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)


async def claim_head(db: Database, chat_id: int) -> Outbox | None:
    """Lease the chat's oldest pending row, in one statement, if it is due and nobody holds it."""
    now = clock.now()
    head = (
        select(Outbox.id)
        .where(Outbox.chat_id == chat_id, Outbox.status == OutboxStatus.PENDING)
        .order_by(Outbox.id)
        .limit(1)
        .scalar_subquery()
    )
    async with db.transaction() as session:
        claimed = await session.scalars(
            update(Outbox)
            .where(
                Outbox.id == head,
                Outbox.next_attempt_at <= now,
                or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
            )
            .values(claimed_until=now + LEASE)
            .returning(Outbox)
        )
        return claimed.one_or_none()


async def mark_sent(db: Database, row: Outbox, message_id: int | None) -> bool:
    """Record ``row`` sent; whether its chat has another row waiting."""
    async with db.transaction() as session:
        if row.method == "sendPhoto":  # its bytes are not needed again: only the call is kept
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
        waiting = select(Outbox.id).where(
            Outbox.chat_id == row.chat_id, Outbox.status == OutboxStatus.PENDING
        )
        return bool(await session.scalar(waiting.exists().select()))


async def retry_later(db: Database, row: Outbox, seconds: float, error: str) -> None:
    log.warning("delivery to a chat will be retried in %.0fs: %s", seconds, error)
    async with db.transaction() as session:
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


async def fail(db: Database, row: Outbox, error: str) -> None:
    log.warning("outbox row %s refused by Telegram: %s", row.id, error)
    async with db.transaction() as session:
        await failures.mark_failed(session, row.id, error)
