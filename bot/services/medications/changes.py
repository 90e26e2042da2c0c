"""Regimen changes: check a /med command against the regimen, confirm what is risky, record it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.doses import reminders as doses
from bot.services.errors import DomainError
from bot.services.medications import dose_ranges, regimen, titration
from bot.services.medications.dose_ranges import Finding
from bot.services.medications.parsing import (
    MedChange,
    MedStart,
    MedStop,
    needs_dose_confirmation,
    parse_med_command,
)
from bot.services.medications.regimen import Dosing, entry_on
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import ChangeAction, Child, Medication, MedicationChange, Membership, Person, Titration

FLOW = "med"
CONFIRM = "confirm"
Command = MedStart | MedChange | MedStop


class ConfirmReason(enum.StrEnum):
    """Something about a change the recorder must confirm before it is saved."""

    UNKNOWN_NAME = "unknown_name"
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


@dataclass(frozen=True)
class Pending:
    """A proposal waiting for its recorder's confirmation (kept in the wizard state)."""

    proposal: Proposal
    ticket: int


@dataclass(frozen=True)
class Recorded:
    """A change saved: everything the team is told about it."""

    child: Child
    medication: Medication
    change: MedicationChange
    before: Dosing | None
    after: Dosing | None
    recorder: Person
    plan: Titration | None
    steps: list[tuple[date, Decimal]]
    ended_plan: Titration | None


async def prepare(
    session: AsyncSession,
    membership: Membership | None,
    text: str,
    typed_at: datetime,
    now: datetime,
) -> Proposal:
    """Read ``text`` (the words after /med, typed at ``typed_at``) against the regimen.

    A change for no named day takes effect ``now``: when confirmed, not when typed, so
    it can never slip in before a change someone else recorded meanwhile.
    """
    membership = require(membership, Action.CHANGE_MEDICATION)
    child = await get_child(session, membership.child_id)
    command = parse_med_command(text, now=typed_at, timezone=child.timezone)
    if command.effective_at == typed_at:
        command = replace(command, effective_at=now)
    if isinstance(command, MedStart):
        await _refuse_second_course(session, child.id, command)
        after = Dosing(command.amount, command.unit, command.times)
        finding = _range_finding(command, None, after)
        checks = () if command.drug.known else (ConfirmReason.UNKNOWN_NAME,)
        checks += (ConfirmReason.DOSE_RANGE,) if finding else ()
        return Proposal(command, child, None, None, after, checks, finding)
    medication = await _course(session, child.id, command)
    entry = await entry_on(session, medication, command.effective_at)
    if entry is None:
        raise DomainError("medications.not_taken_then", name=medication.name)
    if isinstance(command, MedStop):
        return Proposal(command, child, medication, entry.dosing, None, (ConfirmReason.STOP,))
    after = Dosing(
        command.amount if command.amount is not None else entry.dosing.amount,
        command.unit or entry.dosing.unit,
        command.times if command.times is not None else entry.dosing.times,
    )
    if after == entry.dosing and command.titration is None:
        raise DomainError("medications.no_difference", name=medication.name)
    finding = _range_finding(command, entry.dosing, after)
    checks = _dose_checks(entry.dosing, after) + ((ConfirmReason.DOSE_RANGE,) if finding else ())
    return Proposal(command, child, medication, entry.dosing, after, checks, finding)


def _range_finding(
    command: MedStart | MedChange, before: Dosing | None, after: Dosing
) -> Finding | None:
    """A dose (or titration target) this change takes outside a child's usual daily range."""
    plan = command.titration
    target = Dosing(plan.target, after.unit, after.times) if plan else None
    return dose_ranges.outside(command.drug.generic, before, after, target)


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


async def submit(
    session: AsyncSession, person: Person, membership: Membership | None, chat_id: int, text: str
) -> Recorded | Pending:
    """Record the change ``text`` describes, or keep it until its recorder confirms it."""
    now = clock.now()
    proposal = await prepare(session, membership, text, now, now)
    if not proposal.checks:
        await _forget_flow(session, person.id, chat_id)
        assert membership is not None
        return await record(session, person, membership, proposal)
    state = await wizards.start(
        session,
        person.id,
        chat_id,
        FLOW,
        CONFIRM,
        child_id=proposal.child.id,
        text=text,
        at=now.isoformat(),
        before=_fingerprint(proposal.before),
    )
    return Pending(proposal, wizards.ticket(state))


async def confirm(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> Recorded:
    """The recorder confirmed: check nothing moved meanwhile, then record."""
    state = await wizards.resume(session, person.id, chat_id, FLOW, ticket)
    if state.step != CONFIRM or state.child_id is None:
        raise wizards.WizardExpired()
    data = wizards.answers(state)
    membership = await membership_in(session, person.id, state.child_id)
    typed_at = datetime.fromisoformat(data["at"])
    proposal = await prepare(session, membership, data["text"], typed_at, clock.now())
    await wizards.finish(session, state)
    if _fingerprint(proposal.before) != data["before"]:
        raise DomainError("medications.changed_meanwhile")
    assert membership is not None
    return await record(session, person, membership, proposal)


async def cancel(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> None:
    """The recorder changed their mind; nothing is recorded."""
    await wizards.finish(session, await wizards.resume(session, person.id, chat_id, FLOW, ticket))


async def _forget_flow(session: AsyncSession, person_id: int, chat_id: int) -> None:
    state = await wizards.current(session, person_id, chat_id)
    if state is not None and state.flow == FLOW:
        await wizards.finish(session, state)


def _fingerprint(dosing: Dosing | None) -> str:
    """What the confirmation was asked about, to spot a change recorded meanwhile."""
    if dosing is None:
        return "-"
    return f"{dosing.amount.normalize()} {dosing.unit} {' '.join(dosing.times)}"


async def record(
    session: AsyncSession, person: Person, membership: Membership, proposal: Proposal
) -> Recorded:
    """Save the change, end or begin a titration plan, reschedule doses, and audit it."""
    command = proposal.command
    medication = proposal.medication or await _new_course(session, proposal)
    change = _change_row(medication, command, person, membership)
    session.add(change)
    await session.flush()
    ended = await titration.end(session, medication.id)
    plan, steps = None, []
    if not isinstance(command, MedStop) and command.titration is not None:
        assert proposal.after is not None
        plan, steps = await titration.begin(
            session, proposal.child, medication, change, proposal.after, command.titration, person
        )
    await regimen.refresh_plan(session, medication)
    await audit.record(
        session,
        f"medication.{change.action}",
        actor_id=person.id,
        child_id=proposal.child.id,
        medication_id=medication.id,
        change_id=change.id,
    )
    await doses.plan(session, proposal.child, clock.now(), withdraw=True)
    return Recorded(
        proposal.child,
        medication,
        change,
        proposal.before,
        proposal.after,
        person,
        plan,
        steps,
        ended,
    )


async def _new_course(session: AsyncSession, proposal: Proposal) -> Medication:
    command = proposal.command
    assert isinstance(command, MedStart)
    medication = Medication(
        child_id=proposal.child.id,
        name=command.drug.generic,
        name_as_typed=command.name_as_typed,
        dose_amount=command.amount,
        dose_unit=command.unit,
        schedule_times=list(command.times),
        is_rescue=command.drug.is_rescue,
        started_at=command.effective_at,
    )
    session.add(medication)
    await session.flush()
    return medication


def _change_row(
    medication: Medication, command: Command, person: Person, membership: Membership
) -> MedicationChange:
    """The history row for ``command``: only what it sets (None: unchanged)."""
    if isinstance(command, MedStop):
        action, amount, unit, times = ChangeAction.STOP, None, None, None
    else:
        action = ChangeAction.START if isinstance(command, MedStart) else ChangeAction.ADJUST
        amount, unit, times = command.amount, command.unit, command.times
    return MedicationChange(
        medication_id=medication.id,
        child_id=medication.child_id,
        action=action,
        dose_amount=amount,
        dose_unit=unit,
        schedule_times=list(times) if times is not None else None,
        reason=command.reason,
        effective_at=command.effective_at,
        recorded_by_id=person.id,
        recorded_role=membership.role,
    )
