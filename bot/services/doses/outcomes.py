"""What became of each dose: the first answer recorded once, and every message that shows it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.replies import Language
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.teams import audience
from models import Child, DoseLog, DoseReminder, DoseStatus, Medication, Outbox, Person


@dataclass(frozen=True)
class DoseOutcome:
    """What became of a dose, and every message that must now show it."""

    reminder: DoseReminder
    child: Child
    medication: Medication
    log: DoseLog
    by: str | None
    acknowledged_by: str | None
    copies: list[Outbox]
    alerts: list[Outbox]
    hearing: dict[int, Language]  # the chats of those copies that still hear about the child


async def log_of(session: AsyncSession, reminder: DoseReminder) -> DoseLog | None:
    """The answer recorded for ``reminder``'s dose, if any."""
    return await session.scalar(
        select(DoseLog).where(
            DoseLog.medication_id == reminder.medication_id,
            DoseLog.scheduled_at == reminder.scheduled_at,
        )
    )


async def settle(
    session: AsyncSession, reminder: DoseReminder, status: DoseStatus, person: Person | None
) -> DoseOutcome:
    """Record the first answer to ``reminder`` and withdraw its repeats; refuse a second one."""
    log = DoseLog(
        medication_id=reminder.medication_id,
        child_id=reminder.child_id,
        scheduled_at=reminder.scheduled_at,
        status=status,
        recorded_by_id=person.id if person else None,
        recorded_at=clock.now(),
    )
    try:
        async with session.begin_nested():
            session.add(log)
    except IntegrityError:
        # Two people answered at once; the other one was first.
        raise DomainError("doses.already_answered") from None
    # Never the "missed" row while it is the one running: cancelling it would undo this.
    parts = ("again", "snooze") if status == DoseStatus.MISSED else ("again", "snooze", "missed")
    for part in parts:
        await scheduling.cancel(session, f"dosefu:{reminder.id}:{part}")
    await audit.record(
        session,
        f"dose.{status}",
        actor_id=log.recorded_by_id,
        child_id=reminder.child_id,
        medication_id=reminder.medication_id,
        scheduled_at=reminder.scheduled_at.isoformat(),
    )
    return await outcome(session, reminder, log)


async def given_after_all(
    session: AsyncSession, reminder: DoseReminder, log: DoseLog, person: Person
) -> DoseOutcome:
    """A dose marked missed was given after all (late): the missed mark stays in the audit log."""
    changed = await session.execute(
        update(DoseLog)
        .where(DoseLog.id == log.id, DoseLog.status == DoseStatus.MISSED)
        .values(status=DoseStatus.GIVEN, recorded_by_id=person.id, recorded_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:
        raise DomainError("doses.already_answered")
    await session.refresh(log)
    await audit.record(
        session,
        "dose.given_after_missed",
        actor_id=person.id,
        child_id=reminder.child_id,
        medication_id=reminder.medication_id,
        scheduled_at=reminder.scheduled_at.isoformat(),
    )
    return await outcome(session, reminder, log)


async def outcome(session: AsyncSession, reminder: DoseReminder, log: DoseLog) -> DoseOutcome:
    """What became of ``reminder``, with the rows of every message that shows it."""
    medication = await session.get(Medication, reminder.medication_id)
    child = await session.get(Child, reminder.child_id)
    assert medication is not None and child is not None
    ids = [*reminder.copies, *reminder.alerts]
    rows = {row.id: row for row in await session.scalars(select(Outbox).where(Outbox.id.in_(ids)))}
    chats = {row.chat_id for row in rows.values()}
    return DoseOutcome(
        reminder,
        child,
        medication,
        log,
        await _name(session, log.recorded_by_id),
        await _name(session, log.acknowledged_by_id),
        [rows[i] for i in reminder.copies if i in rows],
        [rows[i] for i in reminder.alerts if i in rows],
        await audience.hearing(session, child.id, chats),
    )


async def _name(session: AsyncSession, person_id: int | None) -> str | None:
    person = await session.get(Person, person_id) if person_id else None
    return person.first_name if person else None


async def answered(session: AsyncSession, dose_reminder_id: int) -> DoseOutcome | None:
    """The outcome of an answered reminder, or None if it is still open (or gone)."""
    reminder = await session.get(DoseReminder, dose_reminder_id)
    log = await log_of(session, reminder) if reminder else None
    return await outcome(session, reminder, log) if reminder and log else None
