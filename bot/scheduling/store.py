"""Writing timed messages: schedule one by key, cancel by key prefix, and the next of a series."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.recurrence import Recurrence, next_occurrence, utc_to_local
from models import Reminder, ReminderStatus

KEY_LIMIT = 128
# A repeating message's rows are keyed ``<key>@<UTC due time>``, one per occurrence.
OCCURRENCE_MARK = "@"
# Rescheduling may revive these; a row sent, missed or being sent right now stays as it is.
REVIVABLE = (ReminderStatus.PENDING, ReminderStatus.CANCELLED, ReminderStatus.FAILED)


async def schedule(
    session: AsyncSession,
    kind: str,
    due_at: datetime,
    key: str,
    payload: dict[str, Any] | None = None,
    *,
    child_id: int | None = None,
    timezone: str = "UTC",
    recurrence: Recurrence | None = None,
    expires_at: datetime | None = None,
) -> Reminder:
    """Send a ``kind`` message at ``due_at`` (aware); scheduling the same ``key`` again moves it.

    ``expires_at`` is when the message stops being useful: a row claimed after it is
    recorded as missed instead of sent. With ``recurrence``, ``due_at`` is the first
    occurrence, read on the wall clock of ``timezone``; as each occurrence passes, the
    dispatcher schedules the next one still to come.
    """
    if due_at.tzinfo is None:
        raise ValueError("due_at must be an aware datetime")
    if recurrence is not None:
        key = occurrence_key(key, due_at)
    if len(key) > KEY_LIMIT:
        raise ValueError(f"timed message key longer than {KEY_LIMIT} characters: {key!r}")
    return await _put(
        session,
        Reminder(
            kind=kind,
            occurrence_key=key,
            due_at=due_at,
            expires_at=expires_at,
            child_id=child_id,
            timezone=timezone,
            recurrence=recurrence.to_text() if recurrence else None,
            first_local=utc_to_local(due_at, timezone) if recurrence else None,
            payload=payload or {},
        ),
    )


async def cancel(session: AsyncSession, key_prefix: str) -> int:
    """Cancel every message not yet sent whose key starts with ``key_prefix``; return how many.

    A row being sent right now is cancelled too: its sender then finds the claim gone
    and rolls back, so it is either sent before the cancel or not at all.
    """
    result = await session.execute(
        update(Reminder)
        .where(
            Reminder.occurrence_key.startswith(key_prefix, autoescape=True),
            Reminder.status.in_([ReminderStatus.PENDING, ReminderStatus.CLAIMED]),
        )
        .values(status=ReminderStatus.CANCELLED, claim_expires_at=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


async def schedule_next(session: AsyncSession, row: Reminder, now: datetime) -> Reminder | None:
    """If ``row`` repeats, schedule its first occurrence after both ``row`` and ``now``.

    Counting from now means a week of downtime sends one late message, not seven.
    """
    if row.recurrence is None or row.first_local is None:
        return None
    recurrence = Recurrence.from_text(row.recurrence)
    due_at = next_occurrence(row.first_local, recurrence, row.timezone, max(row.due_at, now))
    series = row.occurrence_key.rpartition(OCCURRENCE_MARK)[0]
    return await _put(
        session,
        Reminder(
            kind=row.kind,
            occurrence_key=occurrence_key(series, due_at),
            due_at=due_at,
            expires_at=due_at + (row.expires_at - row.due_at) if row.expires_at else None,
            child_id=row.child_id,
            timezone=row.timezone,
            recurrence=row.recurrence,
            first_local=row.first_local,
            payload=row.payload,
        ),
    )


def occurrence_key(series: str, due_at: datetime) -> str:
    """The key of one occurrence of the repeating message ``series``."""
    return f"{series}{OCCURRENCE_MARK}{due_at.astimezone(UTC):%Y%m%dT%H%MZ}"


async def _put(session: AsyncSession, fresh: Reminder) -> Reminder:
    """Insert ``fresh``, or move the row that already has its key (see ``REVIVABLE``)."""
    row = await session.scalar(
        select(Reminder).where(Reminder.occurrence_key == fresh.occurrence_key)
    )
    if row is None:
        session.add(fresh)
        await session.flush()
        return fresh
    if row.status in REVIVABLE:
        for name in ("kind", "due_at", "expires_at", "child_id", "timezone", "recurrence"):
            setattr(row, name, getattr(fresh, name))
        row.first_local, row.payload = fresh.first_local, fresh.payload
        row.status, row.last_error, row.claim_expires_at = ReminderStatus.PENDING, None, None
        await session.flush()
    return row
