"""Check a /med command against the regimen: what it changes, and what must be confirmed first."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.errors import DomainError
from bot.services.medications import dose_ranges, per_kg
from bot.services.medications.dose_ranges import Finding
from bot.services.medications.parsing import (
    MedChange,
    MedStart,
    MedStop,
    needs_dose_confirmation,
    parse_med_command,
)
from bot.services.medications.per_kg import PerKg
from bot.services.medications.regimen import Dosing, entry_on
from bot.services.teams.children import get_child
from bot.services.teams.permissions import Action, require
from models import Child, Medication, Membership

Command = MedStart | MedChange | MedStop
C = TypeVar("C", MedStart, MedChange)


class ConfirmReason(enum.StrEnum):
    """Something about a change the recorder must confirm before it is saved."""

    UNKNOWN_NAME = "unknown_name"
    SPELLING = "spelling"
    PER_KG = "per_kg"
    DOSE_RATIO = "dose_ratio"
    DOSE_RANGE = "dose_range"
    UNIT = "unit"
    STOP = "stop"


@dataclass(frozen=True)
class Proposal:
    """A parsed command checked against the regimen: what changes, and what needs confirming."""

    command: Command
    child: Child
    medication: Medication | None
    before: Dosing | None
    after: Dosing | None
    checks: tuple[ConfirmReason, ...]
    finding: Finding | None = None  # why DOSE_RANGE is asked
    basis: PerKg | None = None  # a dose typed in mg/kg/day, worked out in mg
    weighed_at: datetime | None = None  # when the weight used was recorded (None: just typed)


class WeightNeeded(DomainError):
    """A dose in mg/kg/day, and no recent weight to work it out from."""

    key = "medications.weight.needed_in_group"


async def prepare(
    session: AsyncSession,
    membership: Membership | None,
    text: str,
    typed_at: datetime,
    now: datetime,
    weight: Decimal | None = None,
    language: str | None = None,
) -> Proposal:
    """Read ``text`` (the words after /med, typed at ``typed_at``, in ``language``) against
    the regimen.

    A change for no named day takes effect ``now``: when confirmed, not when typed, so
    it can never slip in before a change someone else recorded meanwhile. A dose in
    mg/kg/day is worked out from ``weight``, else from the child's recent recorded weight,
    else ``WeightNeeded`` is raised.
    """
    membership = require(membership, Action.CHANGE_MEDICATION)
    child = await get_child(session, membership.child_id)
    command = parse_med_command(
        text, now=typed_at, timezone=child.timezone, bedtime=child.bedtime, language=language
    )
    if command.effective_at == typed_at:
        command = replace(command, effective_at=now)
    if isinstance(command, MedStart):
        await _refuse_second_course(session, child.id, command)
        typed = command
        start, basis, weighed_at = _in_mg(command, child, weight, command.times, now)
        after = Dosing(start.amount, start.unit, start.times)
        finding = _range_finding(start, None, after, basis, typed)
        checks = _name_checks(start)
        checks += (ConfirmReason.PER_KG,) if basis else ()
        checks += (ConfirmReason.DOSE_RANGE,) if finding else ()
        return Proposal(start, child, None, None, after, checks, finding, basis, weighed_at)
    medication = await _course(session, child.id, command)
    entry = await entry_on(session, medication, command.effective_at)
    if entry is None:
        raise DomainError("medications.not_taken_then", name=medication.name)
    if isinstance(command, MedStop):
        checks = _name_checks(command) + (ConfirmReason.STOP,)
        return Proposal(command, child, medication, entry.dosing, None, checks)
    times = command.times if command.times is not None else entry.dosing.times
    change, basis, weighed_at = _in_mg(command, child, weight, times, now)
    after = Dosing(
        change.amount if change.amount is not None else entry.dosing.amount,
        change.unit or entry.dosing.unit,
        times,
    )
    if after == entry.dosing and change.titration is None:
        raise DomainError("medications.no_difference", name=medication.name)
    finding = _range_finding(change, entry.dosing, after, basis, command)
    checks = _name_checks(change) + ((ConfirmReason.PER_KG,) if basis else ())
    checks += _dose_checks(entry.dosing, after)
    checks += (ConfirmReason.DOSE_RANGE,) if finding else ()
    return Proposal(
        change, child, medication, entry.dosing, after, checks, finding, basis, weighed_at
    )


def _in_mg(
    command: C, child: Child, weight: Decimal | None, times: tuple[str, ...], now: datetime
) -> tuple[C, PerKg | None, datetime | None]:
    """A dose in mg/kg/day worked out in mg from the weight given or recorded."""
    if not per_kg.is_per_kg(command):
        return command, None, None
    weighed_at = None
    if weight is None and per_kg.fresh(child.weight_kg, child.weight_recorded_at, now):
        weight, weighed_at = child.weight_kg, child.weight_recorded_at
    if weight is None:
        raise WeightNeeded(child=child.name)
    converted, basis = per_kg.in_mg(command, weight, len(times))
    return converted, basis, weighed_at


def _range_finding(
    command: MedStart | MedChange,
    before: Dosing | None,
    after: Dosing,
    basis: PerKg | None,
    typed: MedStart | MedChange,
) -> Finding | None:
    """A dose (or titration target) outside a child's usual daily range: per kg first, then mg."""
    if basis is not None:
        assert typed.amount is not None
        found = dose_ranges.assess(
            command.drug.generic, Dosing(typed.amount, per_kg.PER_KG, after.times)
        )
        aim = typed.titration
        target = Dosing(aim.target, per_kg.PER_KG, after.times) if aim else None
        generic = command.drug.generic
        of_target = dose_ranges.assess(generic, target, below=False) if target else None
        if found is not None:
            return found
        if of_target is not None:
            return replace(of_target, of_target=True)
    plan = command.titration
    target = Dosing(plan.target, after.unit, after.times) if plan else None
    return dose_ranges.outside(command.drug.generic, before, after, target)


def _name_checks(command: Command) -> tuple[ConfirmReason, ...]:
    """A name we don't know, or read by correcting a typo, is confirmed."""
    if not command.drug.known:
        return (ConfirmReason.UNKNOWN_NAME,)
    return (ConfirmReason.SPELLING,) if command.drug.respelled else ()


def _dose_checks(before: Dosing, after: Dosing) -> tuple[ConfirmReason, ...]:
    """A new unit, or a dose more than doubled or halved, is confirmed (tenfold slips)."""
    if after.unit != before.unit:
        return (ConfirmReason.UNIT,)
    if needs_dose_confirmation(before.amount, after.amount):
        return (ConfirmReason.DOSE_RATIO,)
    return ()


async def _latest_course(session: AsyncSession, child_id: int, name: str) -> Medication | None:
    return await session.scalar(
        select(Medication)
        .where(Medication.child_id == child_id, Medication.name == name)
        .order_by(Medication.id.desc())
        .limit(1)
    )


async def _refuse_second_course(session: AsyncSession, child_id: int, command: MedStart) -> None:
    """A medicine already taken (or planned) is changed, not started again."""
    course = await _latest_course(session, child_id, command.drug.generic)
    if course is not None and (
        course.stopped_at is None or course.stopped_at > command.effective_at
    ):
        raise _with_example("medications.already_taken", course.name, dose_only=True)


async def _course(session: AsyncSession, child_id: int, command: MedChange | MedStop) -> Medication:
    """The course a change or stop is about."""
    course = await _latest_course(session, child_id, command.drug.generic)
    if course is None:
        raise _with_example("medications.not_on_regimen", command.drug.generic)
    return course


def _with_example(key: str, name: str, *, dose_only: bool = False) -> DomainError:
    """A refusal whose example uses a child's usual dose of ``name`` (none for unknown names)."""
    example = dose_ranges.example(name)
    if example is None:
        return DomainError(f"{key}_unknown", name=name)
    amount, times = example
    return DomainError(key, name=name, example=amount if dose_only else f"{amount} {times}".strip())
