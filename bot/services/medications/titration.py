"""Titration plans: a dose moved step by step, each step applied on its day by the scheduler."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import local_to_utc, utc_to_local
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.medications import regimen
from bot.services.medications.drugs import resolve
from bot.services.medications.parsing import Titration as Plan
from bot.services.medications.parsing import titration_steps
from bot.services.medications.regimen import Dosing
from bot.services.teams.children import get_child, membership_in
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

KIND = "titration.step"
OPEN = (TitrationStatus.ACTIVE, TitrationStatus.PAUSED)


@dataclass(frozen=True)
class AppliedStep:
    """A step just applied: the change it made and what comes next."""

    child: Child
    medication: Medication
    plan: Titration
    change: MedicationChange
    before: Dosing
    after: Dosing
    upcoming: list[tuple[date, Decimal]]


@dataclass(frozen=True)
class PlanState:
    """A plan just paused or resumed, with the steps still to come."""

    child: Child
    medication: Medication
    plan: Titration
    upcoming: list[tuple[date, Decimal]]


def day_start(day: date, timezone: str) -> datetime:
    """The UTC moment ``day`` begins on the child's wall clock."""
    return local_to_utc(datetime.combine(day, time()), timezone)


def local_day(moment: datetime, timezone: str) -> date:
    """The day ``moment`` falls on, on the child's wall clock."""
    return utc_to_local(moment, timezone).date()


def upcoming(plan: Titration, current: Decimal, timezone: str) -> list[tuple[date, Decimal]]:
    """The steps ``plan`` still has to make from ``current``, with their days."""
    if plan.next_step_at is None:
        return []
    as_plan = Plan(step=plan.step, every_days=plan.every_days, target=plan.target)
    return titration_steps(current, as_plan, local_day(plan.next_step_at, timezone))


async def begin(
    session: AsyncSession,
    child: Child,
    medication: Medication,
    change: MedicationChange,
    start: Dosing,
    plan: Plan,
    person: Person,
) -> tuple[Titration, list[tuple[date, Decimal]]]:
    """Plan steps from ``start`` (the dose ``change`` sets), the first ``every_days`` later."""
    first = local_day(change.effective_at, child.timezone) + timedelta(days=plan.every_days)
    row = Titration(
        medication_id=medication.id,
        child_id=child.id,
        step=plan.step,
        unit=start.unit,
        every_days=plan.every_days,
        target=plan.target,
        status=TitrationStatus.ACTIVE,
        next_step_at=day_start(first, child.timezone),
        created_by_id=person.id,
    )
    session.add(row)
    await session.flush()
    change.titration_id = row.id
    await _schedule(session, row, child)
    return row, titration_steps(start.amount, plan, first)


async def _schedule(session: AsyncSession, plan: Titration, child: Child) -> None:
    assert plan.next_step_at is not None
    # One key per step: the step being applied still holds its own key while it runs.
    key = f"titration:{plan.id}:{plan.steps_done}"
    payload = {"titration_id": plan.id}
    await scheduling.schedule(
        session, KIND, plan.next_step_at, key, payload, child_id=child.id, timezone=child.timezone
    )


async def end(session: AsyncSession, medication_id: int) -> Titration | None:
    """End the medicine's open plan (a new change replaces it); return it, if there was one."""
    plan = await session.scalar(
        select(Titration).where(
            Titration.medication_id == medication_id, Titration.status.in_(OPEN)
        )
    )
    if plan is None:
        return None
    plan.status, plan.next_step_at = TitrationStatus.ENDED, None
    await scheduling.cancel(session, f"titration:{plan.id}:")
    await session.flush()
    return plan


async def apply_step(session: AsyncSession, titration_id: int) -> AppliedStep | None:
    """Apply the plan's step due now; None if it was paused, ended or the medicine stopped."""
    plan = await session.get(Titration, titration_id)
    if plan is None or plan.status != TitrationStatus.ACTIVE or plan.next_step_at is None:
        return None
    medication = await session.get(Medication, plan.medication_id)
    assert medication is not None
    child = await get_child(session, plan.child_id)
    entry = await regimen.entry_on(session, medication, plan.next_step_at)
    if entry is None or entry.dosing.unit != plan.unit:
        plan.status, plan.next_step_at = TitrationStatus.ENDED, None
        return None
    clamp = min if plan.step > 0 else max
    after = Dosing(
        clamp(entry.dosing.amount + plan.step, plan.target), plan.unit, entry.dosing.times
    )
    change = MedicationChange(
        medication_id=medication.id,
        child_id=child.id,
        action=ChangeAction.ADJUST,
        dose_amount=after.amount,
        effective_at=plan.next_step_at,
        recorded_by_id=plan.created_by_id,
        titration_id=plan.id,
    )
    session.add(change)
    await _advance(session, plan, child, reached=after.amount == plan.target)
    await regimen.refresh_plan(session, medication)
    await audit.record(
        session, "titration.step", actor_id=None, child_id=child.id, change_id=change.id
    )
    later = upcoming(plan, after.amount, child.timezone)
    return AppliedStep(child, medication, plan, change, entry.dosing, after, later)


async def _advance(session: AsyncSession, plan: Titration, child: Child, *, reached: bool) -> None:
    plan.steps_done += 1
    if reached:
        plan.status, plan.next_step_at = TitrationStatus.DONE, None
    else:
        assert plan.next_step_at is not None
        day = local_day(plan.next_step_at, child.timezone) + timedelta(days=plan.every_days)
        plan.next_step_at = day_start(day, child.timezone)
    await session.flush()
    if not reached:
        await _schedule(session, plan, child)


async def _open_plan(session: AsyncSession, membership: Membership | None, name: str) -> Titration:
    """The open plan of the medicine called ``name`` on the member's child."""
    membership = require(membership, Action.CHANGE_MEDICATION)
    plan = await session.scalar(
        select(Titration)
        .join(Medication, Medication.id == Titration.medication_id)
        .where(
            Medication.child_id == membership.child_id,
            Medication.name == resolve(name).generic,
            Titration.status.in_(OPEN),
        )
    )
    if plan is None:
        raise DomainError("medications.no_plan", name=resolve(name).generic)
    return plan


async def pause(
    session: AsyncSession,
    person: Person,
    titration_id: int | None = None,
    *,
    membership: Membership | None = None,
    name: str = "",
) -> PlanState:
    """Hold the plan at the current dose: no step is applied until it is resumed."""
    plan = await _plan_for(session, person, titration_id, membership, name)
    if plan.status == TitrationStatus.ACTIVE:
        plan.status, plan.next_step_at = TitrationStatus.PAUSED, None
        await scheduling.cancel(session, f"titration:{plan.id}:")
        await audit.record(
            session, "titration.paused", actor_id=person.id, child_id=plan.child_id, id=plan.id
        )
    return await _state(session, plan)


async def resume(
    session: AsyncSession,
    person: Person,
    titration_id: int | None = None,
    *,
    membership: Membership | None = None,
    name: str = "",
) -> PlanState:
    """Go on with a paused plan: its next step comes a full interval from today."""
    plan = await _plan_for(session, person, titration_id, membership, name)
    if plan.status == TitrationStatus.PAUSED:
        child = await get_child(session, plan.child_id)
        today = local_day(clock.now(), child.timezone)
        plan.status = TitrationStatus.ACTIVE
        plan.next_step_at = day_start(today + timedelta(days=plan.every_days), child.timezone)
        await session.flush()
        await _schedule(session, plan, child)
        await audit.record(
            session, "titration.resumed", actor_id=person.id, child_id=plan.child_id, id=plan.id
        )
    return await _state(session, plan)


async def _plan_for(
    session: AsyncSession,
    person: Person,
    titration_id: int | None,
    membership: Membership | None,
    name: str,
) -> Titration:
    """The plan a button (by id) or a typed ``/med pause <name>`` is about, if they may."""
    if titration_id is None:
        return await _open_plan(session, membership, name)
    plan = await session.get(Titration, titration_id)
    if plan is None or plan.status not in OPEN:
        raise DomainError("medications.no_plan_left")
    require(await membership_in(session, person.id, plan.child_id), Action.CHANGE_MEDICATION)
    return plan


async def _state(session: AsyncSession, plan: Titration) -> PlanState:
    medication = await session.get(Medication, plan.medication_id)
    assert medication is not None
    child = await get_child(session, plan.child_id)
    return PlanState(
        child, medication, plan, upcoming(plan, medication.dose_amount, child.timezone)
    )
