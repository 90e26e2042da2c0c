"""Answers to dose reminders (Given, Skipped, Snooze, Acknowledge) and the day's doses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import local_to_utc, utc_to_local
from bot.services import audit
from bot.services.doses import outcomes as dose_outcomes
from bot.services.doses import reminders as doses
from bot.services.errors import DomainError
from bot.services.medications import regimen
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, DoseLog, DoseReminder, DoseStatus, Medication, Membership, Person

DAY = timedelta(days=1)
SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class RepeatDoseWarning:
    """A Given for a medicine already given within this dose's interval: ask before recording."""

    reminder: DoseReminder
    child: Child
    medication: Medication
    earlier: DoseLog
    by: str | None


@dataclass(frozen=True)
class Already:
    """The dose was answered before this press: its outcome, to show on the pressed copy."""

    outcome: dose_outcomes.DoseOutcome


@dataclass(frozen=True)
class Snoozed:
    """A reminder put off for a while, by whom."""

    reminder: DoseReminder
    child: Child
    medication: Medication
    until: datetime
    by: str


@dataclass(frozen=True)
class DoseLine:
    """One of the day's doses and what became of it so far."""

    medication: Medication
    scheduled_at: datetime
    dosing: regimen.Dosing
    log: DoseLog | None
    by: str | None
    called: bool


@dataclass(frozen=True)
class DosesOfDay:
    """A child's doses on one local day."""

    child: Child
    day: date
    lines: list[DoseLine]


async def _reminder_for(
    session: AsyncSession, person: Person, dose_reminder_id: int, action: Action
) -> DoseReminder:
    """The reminder a button is about, if the presser may ``action`` on its child's team."""
    reminder = await session.get(DoseReminder, dose_reminder_id)
    if reminder is None:
        raise DomainError("errors.expired_button")
    require(await membership_in(session, person.id, reminder.child_id), action)
    return reminder


async def _already(session: AsyncSession, reminder: DoseReminder) -> Already | None:
    """The first answer, if there was one: nobody gives a dose twice."""
    log = await dose_outcomes.log_of(session, reminder)
    return Already(await dose_outcomes.outcome(session, reminder, log)) if log else None


async def answer(
    session: AsyncSession,
    person: Person,
    dose_reminder_id: int,
    status: DoseStatus,
    *,
    anyway: bool = False,
) -> dose_outcomes.DoseOutcome | RepeatDoseWarning | Already:
    """Record Given or Skipped (or Given after all, once missed); a Given too soon asks first."""
    reminder = await _reminder_for(session, person, dose_reminder_id, Action.RECORD_DOSE)
    first = await dose_outcomes.log_of(session, reminder)
    after_all = (
        first is not None and first.status == DoseStatus.MISSED and status == DoseStatus.GIVEN
    )
    if first is not None and not after_all:
        return Already(await dose_outcomes.outcome(session, reminder, first))
    if status == DoseStatus.GIVEN and not anyway:
        earlier = await _given_recently(session, reminder)
        if earlier is not None:
            return await _warning(session, reminder, earlier)
    if first is not None:
        return await dose_outcomes.given_after_all(session, reminder, first, person)
    return await dose_outcomes.settle(session, reminder, status, person)


async def _warning(
    session: AsyncSession, reminder: DoseReminder, earlier: DoseLog
) -> RepeatDoseWarning:
    medication = await session.get(Medication, reminder.medication_id)
    child = await get_child(session, reminder.child_id)
    assert medication is not None
    by = await session.get(Person, earlier.recorded_by_id) if earlier.recorded_by_id else None
    return RepeatDoseWarning(reminder, child, medication, earlier, by.first_name if by else None)


async def _interval(session: AsyncSession, reminder: DoseReminder) -> timedelta:
    """The time since the medicine's previous scheduled dose (a day if it is taken once a day)."""
    medication = await session.get(Medication, reminder.medication_id)
    child = await get_child(session, reminder.child_id)
    assert medication is not None
    entry = await regimen.entry_on(session, medication, reminder.scheduled_at)
    times = entry.dosing.times if entry else ()
    if len(times) < 2:
        return DAY
    local = utc_to_local(reminder.scheduled_at, child.timezone)
    slots = [
        datetime.combine(local.date() + offset, time.fromisoformat(t))
        for offset in (-DAY, timedelta())
        for t in times
    ]
    return local - max(slot for slot in slots if slot < local)


async def _given_recently(session: AsyncSession, reminder: DoseReminder) -> DoseLog | None:
    """A Given of the same medicine in the second half of the interval before this dose."""
    since = reminder.scheduled_at - await _interval(session, reminder) / 2
    return await session.scalar(
        select(DoseLog)
        .where(
            DoseLog.medication_id == reminder.medication_id,
            DoseLog.status == DoseStatus.GIVEN,
            DoseLog.scheduled_at != reminder.scheduled_at,
            DoseLog.recorded_at > since,
        )
        .order_by(DoseLog.recorded_at.desc())
        .limit(1)
    )


async def snooze(
    session: AsyncSession, person: Person, dose_reminder_id: int, chat_id: int
) -> Snoozed | Already:
    """Call this dose out again in this chat after ``TIMING.snooze``."""
    reminder = await _reminder_for(session, person, dose_reminder_id, Action.RECORD_DOSE)
    if already := await _already(session, reminder):
        return already
    child = await get_child(session, reminder.child_id)
    medication = await session.get(Medication, reminder.medication_id)
    assert medication is not None
    now = clock.now()
    until = now + doses.TIMING.snooze
    await scheduling.schedule(
        session,
        doses.SNOOZED,
        until,
        f"dosefu:{reminder.id}:snooze:{doses.stamp(now)}",
        {"dose_reminder_id": reminder.id, "chat_id": chat_id},
        child_id=child.id,
        timezone=child.timezone,
    )
    await audit.record(
        session, "dose.snoozed", actor_id=person.id, child_id=child.id, dose_reminder_id=reminder.id
    )
    return Snoozed(reminder, child, medication, until, person.first_name)


async def reopen(
    session: AsyncSession, person: Person, dose_reminder_id: int
) -> doses.DoseCall | Already:
    """The reminder again, as it was before a warning (unless it has been answered since)."""
    reminder = await _reminder_for(session, person, dose_reminder_id, Action.RECORD_DOSE)
    if already := await _already(session, reminder):
        return already
    return await doses.call(session, reminder, count=False)


async def acknowledge(
    session: AsyncSession, person: Person, dose_reminder_id: int
) -> dose_outcomes.DoseOutcome:
    """Someone on the team has seen that a dose was missed."""
    reminder = await _reminder_for(session, person, dose_reminder_id, Action.SEE_MEDICINES)
    log = await dose_outcomes.log_of(session, reminder)
    if log is None or log.status != DoseStatus.MISSED:
        raise DomainError("errors.expired_button")
    if log.acknowledged_by_id is None:
        log.acknowledged_by_id, log.acknowledged_at = person.id, clock.now()
        await session.flush()
        await audit.record(
            session, "dose.acknowledged", actor_id=person.id, child_id=reminder.child_id, id=log.id
        )
    return await dose_outcomes.outcome(session, reminder, log)


async def day(session: AsyncSession, membership: Membership | None, now: datetime) -> DosesOfDay:
    """Today's doses on the child's wall clock: given, skipped, missed, waiting or to come."""
    membership = require(membership, Action.SEE_MEDICINES)
    child = await get_child(session, membership.child_id)
    today = utc_to_local(now, child.timezone).date()
    start = local_to_utc(datetime.combine(today, time()), child.timezone)
    end = local_to_utc(datetime.combine(today + DAY, time()), child.timezone)
    history = await regimen.timeline(session, child.id)
    logs = {
        (log.medication_id, log.scheduled_at): log
        for log in await session.scalars(
            select(DoseLog).where(DoseLog.child_id == child.id, DoseLog.scheduled_at >= start)
        )
    }
    called = set(
        await session.execute(
            select(DoseReminder.medication_id, DoseReminder.scheduled_at).where(
                DoseReminder.child_id == child.id, DoseReminder.scheduled_at >= start
            )
        )
    )
    names = await _names(session, [log.recorded_by_id for log in logs.values()])
    lines = []
    for medication, moment in doses.due_between(history, child.timezone, start - SECOND, end):
        dosing = next(e.dosing for e in history.at(moment) if e.medication.id == medication.id)
        log = logs.get((medication.id, moment))
        by = names.get(log.recorded_by_id) if log and log.recorded_by_id else None
        called_out = (medication.id, moment) in called
        lines.append(DoseLine(medication, moment, dosing, log, by, called_out))
    return DosesOfDay(child, today, lines)


async def _names(session: AsyncSession, person_ids: list[int | None]) -> dict[int, str]:
    ids = [i for i in person_ids if i is not None]
    people = await session.scalars(select(Person).where(Person.id.in_(ids)))
    return {person.id: person.first_name for person in people}
