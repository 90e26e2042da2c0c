"""Regimen changes: confirm what is risky (asking a weight first if need be), then record it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.doses import reminders as doses
from bot.services.errors import DomainError
from bot.services.medications import regimen, settings, titration
from bot.services.medications.parsing import MedStart, MedStop
from bot.services.medications.per_kg import PerKg
from bot.services.medications.proposals import (
    Command,
    ConfirmReason,
    Proposal,
    WeightNeeded,
    prepare,
)
from bot.services.medications.regimen import Dosing
from bot.services.teams.children import get_child, membership_in
from models import (
    ChangeAction,
    Child,
    Medication,
    MedicationChange,
    Membership,
    Person,
    Titration,
    WizardState,
)

FLOW = "med"
CONFIRM = "confirm"
WEIGHT = "weight"
__all__ = ["ConfirmReason", "Proposal", "prepare"]  # re-exported for views and tests


@dataclass(frozen=True)
class Pending:
    """A proposal waiting for its recorder's confirmation (kept in the wizard state)."""

    proposal: Proposal
    ticket: int


@dataclass(frozen=True)
class WeightAsked:
    """A dose in mg/kg/day waits for the child's weight, typed in answer (kept in the state)."""

    child: Child
    ticket: int
    last_kg: Decimal | None  # the weight recorded before, too old to dose from
    last_at: datetime | None


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


async def submit(
    session: AsyncSession, person: Person, membership: Membership | None, chat_id: int, text: str
) -> Recorded | Pending | WeightAsked:
    """Record the change ``text`` describes, or keep it until its recorder confirms it.

    A dose in mg/kg/day with no recent weight asks for the weight first, in a private chat
    (typed answers are read there); in a group the refusal says how to record it.
    """
    now = clock.now()
    try:
        proposal = await prepare(session, membership, text, now, now, language=person.language_code)
    except WeightNeeded:
        if chat_id != person.telegram_user_id:
            raise
        return await _ask_weight(session, person, membership, chat_id, text, now)
    if not proposal.checks:
        await _forget_flow(session, person.id, chat_id)
        assert membership is not None
        return await record(session, person, membership, proposal)
    state = await wizards.start(
        session, person.id, chat_id, FLOW, CONFIRM, child_id=proposal.child.id, text=text
    )
    return await _pending(session, state, proposal, now, new_weight=False)


async def _ask_weight(
    session: AsyncSession,
    person: Person,
    membership: Membership | None,
    chat_id: int,
    text: str,
    now: datetime,
) -> WeightAsked:
    assert membership is not None
    child = await get_child(session, membership.child_id)
    state = await wizards.start(
        session, person.id, chat_id, FLOW, WEIGHT, child_id=child.id, text=text, at=now.isoformat()
    )
    return WeightAsked(child, wizards.ticket(state), child.weight_kg, child.weight_recorded_at)


async def _pending(
    session: AsyncSession,
    state: WizardState,
    proposal: Proposal,
    typed_at: datetime,
    *,
    new_weight: bool,
) -> Pending:
    """Keep ``proposal`` (and the weight it was worked out with) until it is confirmed."""
    weight = {"weight": str(proposal.basis.weight_kg)} if proposal.basis else {}
    state = await wizards.advance(
        session,
        state,
        CONFIRM,
        at=typed_at.isoformat(),
        before=_fingerprint(proposal.before),
        new_weight=new_weight,
        **weight,
    )
    return Pending(proposal, wizards.ticket(state))


async def give_weight(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> Pending:
    """The recorder typed the child's weight: work the dose out and ask to confirm it."""
    if state.step != WEIGHT or state.child_id is None:
        raise DomainError("medications.guide.tap_a_button")
    weight = settings.read_weight(text)
    data = wizards.answers(state)
    membership = await membership_in(session, person.id, state.child_id)
    typed_at = datetime.fromisoformat(data["at"])
    proposal = await prepare(session, membership, data["text"], typed_at, clock.now(), weight,
                             language=person.language_code)  # fmt: skip
    return await _pending(session, state, proposal, typed_at, new_weight=True)


async def confirm(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> Recorded:
    """The recorder confirmed: check nothing moved meanwhile, then record.

    A weight typed for this change is stored on the child now, not before: a slip in it,
    seen in the worked-out dose and cancelled, is never kept.
    """
    state = await wizards.resume(session, person.id, chat_id, FLOW, ticket)
    if state.step != CONFIRM or state.child_id is None:
        raise wizards.WizardExpired()
    data = wizards.answers(state)
    membership = await membership_in(session, person.id, state.child_id)
    typed_at = datetime.fromisoformat(data["at"])
    weight = Decimal(data["weight"]) if "weight" in data else None
    proposal = await prepare(session, membership, data["text"], typed_at, clock.now(), weight,
                             language=person.language_code)  # fmt: skip
    await wizards.finish(session, state)
    if _fingerprint(proposal.before) != data["before"]:
        raise DomainError("medications.changed_meanwhile")
    assert membership is not None
    if proposal.basis is not None and data.get("new_weight"):
        await settings.record_weight(session, person, membership, proposal.basis.weight_kg)
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
    change = _change_row(medication, command, person, membership, proposal.basis)
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
        **_basis_details(proposal.basis),
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


def _basis_details(basis: PerKg | None) -> dict[str, str]:
    """What the audit log keeps of a dose worked out from mg/kg/day."""
    if basis is None:
        return {}
    return {"dose_per_kg_day": str(basis.per_kg_day), "weight_kg": str(basis.weight_kg)}


def _change_row(
    medication: Medication,
    command: Command,
    person: Person,
    membership: Membership,
    basis: PerKg | None,
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
        dose_per_kg_day=basis.per_kg_day if basis else None,
        weight_kg=basis.weight_kg if basis else None,
    )
