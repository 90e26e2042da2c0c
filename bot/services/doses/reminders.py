"""Dose reminders through the scheduler: planned from the regimen, repeated, then marked missed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import local_to_utc, utc_to_local
from bot.services.doses import outcomes as dose_outcomes
from bot.services.doses.duties import Recipients, recipients
from bot.services.medications import regimen
from models import Child, DoseReminder, DoseStatus, Medication, Outbox


@dataclass(frozen=True)
class Timing:
    """Every delay of the dose reminders, in one place."""

    again_after: timedelta = timedelta(minutes=30)
    missed_after: timedelta = timedelta(minutes=60)
    snooze: timedelta = timedelta(minutes=15)
    # A dose given more than this after its time counts as late in /adherence.
    late_after: timedelta = timedelta(minutes=30)
    # Reminders are planned this far ahead, and again every night at ``plan_at``.
    horizon: timedelta = timedelta(hours=48)
    plan_at: time = time(3, 0)


TIMING = Timing()

REMIND, AGAIN, SNOOZED, MISSED, PLAN, SYNC = (
    "dose.reminder",
    "dose.again",
    "dose.snoozed",
    "dose.missed",
    "dose.plan",
    "dose.sync",
)
# Copies still queued when a dose is answered are edited once sent: look after 1, 2, 4, 8 min.
SYNC_TRIES = 4


@dataclass(frozen=True)
class DoseCall:
    """A dose being called out, and who is called."""

    reminder: DoseReminder
    child: Child
    medication: Medication
    recipients: Recipients


def stamp(moment: datetime) -> str:
    """A moment in a scheduler key: UTC, to the minute."""
    return f"{moment.astimezone(UTC):%Y%m%dT%H%MZ}"


async def plan(
    session: AsyncSession, child: Child, now: datetime, *, withdraw: bool = False
) -> None:
    """Schedule a reminder for every dose from an hour ago to ``horizon`` ahead.

    ``withdraw`` first cancels every pending reminder of the child (the regimen
    changed); those still wanted are revived by scheduling them again.
    """
    if withdraw:
        await scheduling.cancel(session, f"dose:{child.id}:")
    history = await regimen.timeline(session, child.id)
    start, end = now - TIMING.missed_after, now + TIMING.horizon
    for medication, moment in due_between(history, child.timezone, start, end):
        await scheduling.schedule(
            session,
            REMIND,
            moment,
            f"dose:{child.id}:{medication.id}:{stamp(moment)}",
            {"medication_id": medication.id, "scheduled_at": moment.isoformat()},
            child_id=child.id,
            timezone=child.timezone,
        )
    if history.still_dosing(now):
        tomorrow = utc_to_local(now, child.timezone).date() + timedelta(days=1)
        due = local_to_utc(datetime.combine(tomorrow, TIMING.plan_at), child.timezone)
        await scheduling.schedule(
            session,
            PLAN,
            due,
            f"doseplan:{child.id}:{tomorrow}",
            {},
            child_id=child.id,
            timezone=child.timezone,
        )


def due_between(
    history: regimen.Timeline, timezone: str, start: datetime, end: datetime
) -> list[tuple[Medication, datetime]]:
    """Every scheduled dose in (start, end], in time order, read on the child's wall clock."""
    found: list[tuple[Medication, datetime]] = []
    day: date = utc_to_local(start, timezone).date()
    times = sorted(history.times_of_day())
    while local_to_utc(datetime.combine(day, time()), timezone) <= end:
        for text in times:
            moment = local_to_utc(datetime.combine(day, time.fromisoformat(text)), timezone)
            if start < moment <= end:
                found += [
                    (e.medication, moment) for e in history.at(moment) if text in e.dosing.times
                ]
        day += timedelta(days=1)
    return sorted(found, key=lambda pair: (pair[1], pair[0].name))


async def call_out(
    session: AsyncSession, medication_id: int, scheduled_at: datetime, now: datetime
) -> DoseCall | dose_outcomes.DoseOutcome | None:
    """The reminder of one dose, with its repeats scheduled; missed at once if it is too late."""
    medication = await session.get(Medication, medication_id)
    child = await session.get(Child, medication.child_id) if medication else None
    if medication is None or child is None:
        return None
    entry = await regimen.entry_on(session, medication, scheduled_at)
    time_of_day = utc_to_local(scheduled_at, child.timezone).strftime("%H:%M")
    if entry is None or time_of_day not in entry.dosing.times:
        return None  # the regimen changed after this reminder was planned
    reminder = await _reminder_row(session, medication, scheduled_at, entry.dosing)
    if now >= scheduled_at + TIMING.missed_after:
        return await mark_missed(session, reminder.id)
    await _follow_ups(session, reminder, child)
    return await call(session, reminder)


async def _reminder_row(
    session: AsyncSession, medication: Medication, scheduled_at: datetime, dosing: regimen.Dosing
) -> DoseReminder:
    """The dose's reminder row, created the first time it is called out."""
    reminder = await session.scalar(
        select(DoseReminder).where(
            DoseReminder.medication_id == medication.id,
            DoseReminder.scheduled_at == scheduled_at,
        )
    )
    if reminder is None:
        reminder = DoseReminder(
            medication_id=medication.id,
            child_id=medication.child_id,
            scheduled_at=scheduled_at,
            dose_amount=dosing.amount,
            dose_unit=dosing.unit,
        )
        session.add(reminder)
        await session.flush()
    return reminder


async def _follow_ups(session: AsyncSession, reminder: DoseReminder, child: Child) -> None:
    """Remind again, then mark missed, unless an answer comes first (which cancels both)."""
    follow_ups = (("again", AGAIN, TIMING.again_after), ("missed", MISSED, TIMING.missed_after))
    for part, kind, delay in follow_ups:
        await scheduling.schedule(
            session,
            kind,
            reminder.scheduled_at + delay,
            f"dosefu:{reminder.id}:{part}",
            {"dose_reminder_id": reminder.id},
            child_id=child.id,
            timezone=child.timezone,
        )


async def call(session: AsyncSession, reminder: DoseReminder, *, count: bool = True) -> DoseCall:
    """Call out ``reminder`` (again) to whoever is responsible for its time of day now."""
    medication = await session.get(Medication, reminder.medication_id)
    child = await session.get(Child, reminder.child_id)
    assert medication is not None and child is not None
    time_of_day = utc_to_local(reminder.scheduled_at, child.timezone).strftime("%H:%M")
    if count:
        reminder.times_sent += 1
    return DoseCall(reminder, child, medication, await recipients(session, child.id, time_of_day))


async def open_reminder(session: AsyncSession, dose_reminder_id: int) -> DoseReminder | None:
    """The reminder if nobody has answered it yet."""
    reminder = await session.get(DoseReminder, dose_reminder_id)
    if reminder is None or await dose_outcomes.log_of(session, reminder) is not None:
        return None
    return reminder


async def again(session: AsyncSession, dose_reminder_id: int) -> DoseCall | None:
    """No answer yet: call the dose out once more."""
    reminder = await open_reminder(session, dose_reminder_id)
    return await call(session, reminder) if reminder else None


async def mark_missed(
    session: AsyncSession, dose_reminder_id: int
) -> dose_outcomes.DoseOutcome | None:
    """Nobody answered in time: record the dose as missed."""
    reminder = await open_reminder(session, dose_reminder_id)
    if reminder is None:
        return None
    return await dose_outcomes.settle(session, reminder, DoseStatus.MISSED, None)


async def remember(
    session: AsyncSession, reminder: DoseReminder, rows: list[Outbox], *, alert: bool = False
) -> None:
    """Keep the outbox rows that carry this dose, to edit them all once it is answered."""
    ids = [row.id for row in rows]
    if alert:
        reminder.alerts = [*reminder.alerts, *ids]
    else:
        reminder.copies = [*reminder.copies, *ids]
    await session.flush()


async def sync_later(
    session: AsyncSession, reminder: DoseReminder, waiting: list[int], tries: int = 0
) -> None:
    """Edit the copies still queued (``waiting`` outbox ids) once they are sent."""
    if not waiting or tries >= SYNC_TRIES:
        return
    now = clock.now()
    await scheduling.schedule(
        session,
        SYNC,
        now + timedelta(minutes=2**tries),
        f"dosesync:{reminder.id}:{waiting[0]}:{tries}",
        {"dose_reminder_id": reminder.id, "waiting": waiting, "tries": tries + 1},
        child_id=reminder.child_id,
    )


async def plan_child(session: AsyncSession, child_id: int | None, now: datetime) -> None:
    """The nightly planning of one child's reminders."""
    child = await session.get(Child, child_id) if child_id else None
    if child is not None:
        await plan(session, child, now)
