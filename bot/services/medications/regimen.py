"""What a child takes at any moment, rebuilt by folding the recorded changes up to that moment."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.recurrence import local_to_utc, utc_to_local
from bot.services.errors import DomainError
from bot.services.teams.children import get_child
from bot.services.teams.permissions import Action, require
from models import (
    ChangeAction,
    Child,
    Medication,
    MedicationChange,
    Membership,
    Person,
    Titration,
    TitrationStatus,
)

_TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class Dosing:
    """How much of a medicine, in which unit, at which local times of day (none: as needed)."""

    amount: Decimal
    unit: str
    times: tuple[str, ...]


@dataclass(frozen=True)
class RegimenEntry:
    """One medicine on the regimen at some moment, with where its dosing came from."""

    medication: Medication
    dosing: Dosing
    since: datetime
    last_change: MedicationChange
    previous: Dosing | None


def apply(dosing: Dosing | None, change: MedicationChange) -> Dosing | None:
    """The dosing after ``change``; None means the medicine is not being taken."""
    if change.action == ChangeAction.STOP:
        return None
    if change.action == ChangeAction.START or dosing is None:
        assert change.dose_amount is not None and change.dose_unit is not None
        return Dosing(change.dose_amount, change.dose_unit, tuple(change.schedule_times or ()))
    return Dosing(
        change.dose_amount if change.dose_amount is not None else dosing.amount,
        change.dose_unit or dosing.unit,
        tuple(change.schedule_times) if change.schedule_times is not None else dosing.times,
    )


def fold(medication: Medication, changes: Iterable[MedicationChange]) -> RegimenEntry | None:
    """The entry of ``medication`` after ``changes`` (in effect order), or None if not taken."""
    dosing: Dosing | None = None
    previous: Dosing | None = None
    since: datetime | None = None
    last: MedicationChange | None = None
    for change in changes:
        previous, dosing = dosing, apply(dosing, change)
        if change.action == ChangeAction.START:
            since = change.effective_at
        last = change
    if dosing is None or last is None or since is None:
        return None
    return RegimenEntry(medication, dosing, since, last, previous)


# Changes apply by the moment they take effect; two at the same moment, in the order recorded.
IN_EFFECT_ORDER = (MedicationChange.effective_at, MedicationChange.id)


@dataclass(frozen=True)
class Timeline:
    """Every recorded change of a child's medicines, to answer "what was taken when" in memory."""

    medications: dict[int, Medication]
    changes: dict[int, list[MedicationChange]]

    def at(self, moment: datetime) -> list[RegimenEntry]:
        """The regimen at ``moment``, by medicine name."""
        entries = (
            fold(medication, (c for c in self.changes[id_] if c.effective_at <= moment))
            for id_, medication in self.medications.items()
        )
        return sorted((e for e in entries if e is not None), key=lambda e: e.medication.name)

    def planned_after(self, moment: datetime) -> list[PlannedChange]:
        """The changes that take effect after ``moment``, soonest first."""
        found = []
        for id_, changes in self.changes.items():
            dosing: Dosing | None = None
            for change in changes:
                before, dosing = dosing, apply(dosing, change)
                if change.effective_at > moment:
                    found.append(PlannedChange(change, self.medications[id_], before, dosing))
        return sorted(found, key=lambda p: (p.change.effective_at, p.change.id))

    def still_dosing(self, moment: datetime) -> bool:
        """Whether any medicine has times of day at ``moment`` or a change still to come."""
        later = any(c.effective_at > moment for cs in self.changes.values() for c in cs)
        return later or any(e.dosing.times for e in self.at(moment))

    def times_of_day(self) -> set[str]:
        """Every time of day any change ever set."""
        return {
            t for changes in self.changes.values() for c in changes for t in c.schedule_times or ()
        }


async def timeline(session: AsyncSession, child_id: int) -> Timeline:
    """The child's whole medication history."""
    changes: dict[int, list[MedicationChange]] = {}
    for change in await session.scalars(
        select(MedicationChange)
        .where(MedicationChange.child_id == child_id)
        .order_by(*IN_EFFECT_ORDER)
    ):
        changes.setdefault(change.medication_id, []).append(change)
    medications = await session.scalars(select(Medication).where(Medication.id.in_(changes)))
    return Timeline({m.id: m for m in medications}, changes)


async def regimen_on(session: AsyncSession, child_id: int, moment: datetime) -> list[RegimenEntry]:
    """What the child was (or will be) taking at ``moment``, by medicine name."""
    return (await timeline(session, child_id)).at(moment)


async def entry_on(
    session: AsyncSession, medication: Medication, moment: datetime
) -> RegimenEntry | None:
    """``medication``'s entry at ``moment``, or None if it is not being taken then."""
    changes = await session.scalars(
        select(MedicationChange)
        .where(
            MedicationChange.medication_id == medication.id,
            MedicationChange.effective_at <= moment,
        )
        .order_by(*IN_EFFECT_ORDER)
    )
    return fold(medication, changes)


async def planned_after(
    session: AsyncSession, child_id: int, moment: datetime
) -> list[MedicationChange]:
    """Changes already recorded that take effect after ``moment``, soonest first."""
    return list(
        await session.scalars(
            select(MedicationChange)
            .where(
                MedicationChange.child_id == child_id,
                MedicationChange.effective_at > moment,
            )
            .order_by(*IN_EFFECT_ORDER)
        )
    )


async def changes_of(session: AsyncSession, medication_id: int) -> list[MedicationChange]:
    """Every change of one course of a medicine, in effect order."""
    return list(
        await session.scalars(
            select(MedicationChange)
            .where(MedicationChange.medication_id == medication_id)
            .order_by(*IN_EFFECT_ORDER)
        )
    )


async def refresh_plan(session: AsyncSession, medication: Medication) -> None:
    """Keep ``medication``'s own fields equal to the plan after all its recorded changes."""
    changes = await changes_of(session, medication.id)
    last = fold(medication, [c for c in changes if c.action != ChangeAction.STOP])
    if last is not None:
        medication.dose_amount, medication.dose_unit = last.dosing.amount, last.dosing.unit
        medication.schedule_times = list(last.dosing.times)
    stops = [c.effective_at for c in changes if c.action == ChangeAction.STOP]
    medication.stopped_at = stops[-1] if stops else None
    await session.flush()


@dataclass(frozen=True)
class PlannedChange:
    """A change recorded to take effect later, with the dosing before and after it."""

    change: MedicationChange
    medication: Medication
    before: Dosing | None
    after: Dosing | None


@dataclass(frozen=True)
class RegimenPage:
    """The regimen as ``/meds`` shows it: entries, changes still to come, open titration plans."""

    child: Child
    moment: datetime
    is_now: bool
    entries: list[RegimenEntry]
    planned: list[PlannedChange]
    plans: dict[int, Titration]
    names: dict[int, str]
    viewer: Membership


def moment_of(text: str, now: datetime, timezone: str) -> tuple[datetime, bool]:
    """The moment ``/meds [date]`` asks about: now, or the end of that day on the child's clock."""
    if not text.strip():
        return now, True
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("medications.bad_day", day=text.strip()) from None
    if day == utc_to_local(now, timezone).date():
        return now, True
    return local_to_utc(datetime.combine(day + timedelta(days=1), time()), timezone) - _TICK, False


async def page(
    session: AsyncSession, membership: Membership | None, text: str, now: datetime
) -> RegimenPage:
    """The child's regimen now, or on the date ``text`` names (YYYY-MM-DD)."""
    membership = require(membership, Action.SEE_MEDICINES)
    child = await get_child(session, membership.child_id)
    moment, is_now = moment_of(text, now, child.timezone)
    history = await timeline(session, child.id)
    entries = history.at(moment)
    planned = history.planned_after(moment) if is_now else []
    plans = {
        plan.medication_id: plan
        for plan in await session.scalars(
            select(Titration).where(
                Titration.child_id == child.id,
                Titration.status.in_((TitrationStatus.ACTIVE, TitrationStatus.PAUSED)),
            )
        )
    }
    ids = {e.last_change.recorded_by_id for e in entries} | {
        p.change.recorded_by_id for p in planned
    }
    people = await session.scalars(select(Person).where(Person.id.in_(ids - {None})))
    names = {person.id: person.first_name for person in people}
    return RegimenPage(child, moment, is_now, entries, planned, plans, names, membership)
