"""Claiming due timed messages atomically, and recording how each claim ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from models import Reminder, ReminderStatus

# Long enough for one message, short enough that a crashed sender's rows go out soon after.
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Claim:
    """A lease on one row; ``attempts`` numbers the claim, so a stale one can be told apart."""

    id: int
    attempts: int


def claimable(now: datetime) -> ColumnElement[bool]:
    """Rows due now, and rows whose claim ran out (their sender died)."""
    return or_(
        and_(Reminder.status == ReminderStatus.PENDING, Reminder.due_at <= now),
        and_(Reminder.status == ReminderStatus.CLAIMED, Reminder.claim_expires_at <= now),
    )


async def claim(
    session: AsyncSession, now: datetime, *, lease: timedelta = LEASE, limit: int = 50
) -> list[Claim]:
    """Lease up to ``limit`` claimable rows, oldest first, so no one else sends them.

    SQLite has one writer at a time (BEGIN IMMEDIATE), so a single UPDATE ... RETURNING
    is atomic. On PostgreSQL, SELECT ... FOR UPDATE SKIP LOCKED lets two dispatchers take
    disjoint rows without waiting for each other; the UPDATE follows in the same transaction.
    """
    due = (
        select(Reminder.id)
        .where(claimable(now))
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    assert session.bind is not None
    if session.bind.dialect.name == "postgresql":
        ids = list(await session.scalars(due.with_for_update(skip_locked=True)))
        if not ids:
            return []
        chosen = Reminder.id.in_(ids)
    else:
        chosen = Reminder.id.in_(due.scalar_subquery())
    rows = await session.execute(
        update(Reminder)
        .where(chosen)
        .values(
            status=ReminderStatus.CLAIMED,
            attempts=Reminder.attempts + 1,
            claimed_at=now,
            claim_expires_at=now + lease,
        )
        .returning(Reminder.id, Reminder.attempts, Reminder.due_at)
        .execution_options(synchronize_session=False)
    )
    # RETURNING promises no order; messages go out in the order they fell due.
    ordered = sorted(rows, key=lambda row: (row.due_at, row.id))
    return [Claim(row.id, row.attempts) for row in ordered]


def _held(claim: Claim) -> ColumnElement[bool]:
    """The row is still under this very claim (not cancelled, not re-claimed by another)."""
    return and_(
        Reminder.id == claim.id,
        Reminder.status == ReminderStatus.CLAIMED,
        Reminder.attempts == claim.attempts,
    )


async def finish(
    session: AsyncSession, claim: Claim, status: ReminderStatus, now: datetime
) -> bool:
    """Record the claim's outcome (sent or missed); False if the claim was lost meanwhile."""
    result = await session.execute(
        update(Reminder)
        .where(_held(claim))
        .values(
            status=status,
            sent_at=now if status == ReminderStatus.SENT else None,
            claim_expires_at=None,
            last_error=None,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def retry_later(session: AsyncSession, claim: Claim, error: str, now: datetime) -> None:
    """Keep the row claimed for a growing pause, then let it be claimed again; give up at last.

    Retrying through the lease means a failure and a crash are recovered the same way.
    """
    gave_up = claim.attempts >= MAX_ATTEMPTS
    await session.execute(
        update(Reminder)
        .where(_held(claim))
        .values(
            status=ReminderStatus.FAILED if gave_up else ReminderStatus.CLAIMED,
            claim_expires_at=None if gave_up else now + backoff(claim.attempts),
            last_error=error[:500],
        )
        .execution_options(synchronize_session=False)
    )


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after the ``attempts``-th failure."""
    return timedelta(minutes=2 ** max(attempts - 1, 0))
