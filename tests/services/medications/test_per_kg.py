"""Doses in mg/kg/day: the weight is asked once, the dose worked out in mg, guarded and stored."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bot.services import wizards
from bot.services.errors import DomainError
from bot.services.medications import changes as medications
from bot.services.medications import settings
from bot.services.medications.changes import ConfirmReason, Pending, Recorded, WeightAsked
from bot.services.medications.dose_ranges import Side
from bot.services.medications.per_kg import PerKg, round_dose, work_out
from bot.services.teams.children import get_child, membership_in
from models import Child, Event, MedicationChange, Person
from models.session import Database
from tests.services.medications import test_changes
from tests.services.medications.test_changes import NOW, Team, send, taking

team = test_changes.team  # the same team: Lily, her mum, her teacher and her doctor


async def give(db: Database, person: Person, text: str) -> Pending:
    """``person`` types ``text`` in answer to the weight question."""
    async with db.transaction() as session:
        state = await wizards.current(session, person.id, person.telegram_user_id)
        assert state is not None
        return await medications.give_weight(session, person, state, text)


async def confirm(db: Database, person: Person, pending: Pending) -> Recorded:
    async with db.transaction() as session:
        return await medications.confirm(session, person, person.telegram_user_id, pending.ticket)


async def child(db: Database, lily: Child) -> Child:
    async with db.open_session() as session:
        return await get_child(session, lily.id)


async def set_weight(db: Database, person: Person, lily: Child, text: str) -> None:
    async with db.transaction() as session:
        membership = await membership_in(session, person.id, lily.id)
        await settings.weight(session, person, membership, text)


# --- arithmetic -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per_kg", "weight", "doses", "daily", "dose"),
    [
        ("10", "22", 2, "220", "110"),  # the example
        ("20", "22.5", 2, "450", "225"),
        ("10", "23", 3, "230", "76.67"),  # four significant figures
        ("55", "70", 2, "3850", "1925"),  # whole mg at most
        ("0.01", "9", 2, "0.09", "0.045"),  # clonazepam drops for an infant
        ("30", "15", 1, "450", "450"),
        ("0.3", "12", 0, "3.6", "3.6"),  # as needed: one dose
    ],
)
def test_a_dose_is_worked_out_per_dose_of_the_day(
    per_kg: str, weight: str, doses: int, daily: str, dose: str
) -> None:
    basis = work_out(Decimal(per_kg), Decimal(weight), doses)

    assert (basis.daily, basis.dose) == (Decimal(daily), Decimal(dose))


def test_a_rounded_dose_says_so() -> None:
    assert work_out(Decimal(10), Decimal(23), 3).rounded
    assert not work_out(Decimal(10), Decimal(22), 2).rounded


@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**7), places=4))
def test_rounding_keeps_four_significant_figures_and_at_most_four_decimals(value: Decimal) -> None:
    rounded = round_dose(value)

    assert -rounded.as_tuple().exponent <= 4
    assert abs(rounded - value) <= max(value / 2000, Decimal("0.00005"))


# --- the flow ---------------------------------------------------------------------------------


async def test_the_weight_is_asked_the_dose_shown_and_recorded_in_mg(db, team) -> None:
    asked = await send(db, team.mum, team.lily, "start levetiracetam 10 mg/kg/day bd")
    pending = await give(db, team.mum, "22 kg")
    assert await taking(db, team.lily, NOW) == []
    recorded = await confirm(db, team.mum, pending)

    assert isinstance(asked, WeightAsked) and asked.last_kg is None
    assert pending.proposal.checks == (ConfirmReason.PER_KG,)
    assert pending.proposal.basis == PerKg(Decimal(10), Decimal(22), Decimal(220), Decimal(110), 2)
    assert recorded.after is not None and recorded.after.amount == 110
    assert await taking(db, team.lily, NOW) == ["levetiracetam 110 mg 08:00 20:00"]
    async with db.open_session() as session:
        change = await session.scalar(select(MedicationChange))
        events = {e.kind: e.payload for e in await session.scalars(select(Event))}
    assert change is not None
    assert (change.dose_amount, change.dose_unit) == (Decimal(110), "mg")
    assert (change.dose_per_kg_day, change.weight_kg) == (Decimal(10), Decimal(22))
    assert events["child.weight"] == {"weight_kg": "22.00"}
    assert events["medication.start"]["dose_per_kg_day"] == "10"
    lily = await child(db, team.lily)
    assert lily.weight_kg == Decimal(22) and lily.weight_recorded_at == NOW


async def test_once_recorded_the_weight_is_not_asked_again(db, team, frozen_clock) -> None:
    await confirm(
        db, team.mum, await _answered(db, team, "start levetiracetam 10 mg/kg/day bd", "22")
    )
    frozen_clock.advance(timedelta(days=7))

    pending = await send(db, team.doctor, team.lily, "change levetiracetam 15 mg/kg/day")

    assert isinstance(pending, Pending)
    assert pending.proposal.checks == (ConfirmReason.PER_KG,)
    assert pending.proposal.basis is not None and pending.proposal.basis.dose == 165
    assert pending.proposal.weighed_at == NOW
    await confirm(db, team.doctor, pending)
    assert await taking(db, team.lily, frozen_clock.now()) == ["levetiracetam 165 mg 08:00 20:00"]


async def _answered(db: Database, team: Team, line: str, weight: str) -> Pending:
    assert isinstance(await send(db, team.mum, team.lily, line), WeightAsked)
    return await give(db, team.mum, weight)


async def test_a_weight_older_than_three_months_is_asked_again(db, team, frozen_clock) -> None:
    await set_weight(db, team.mum, team.lily, "18.5")
    frozen_clock.advance(timedelta(days=91))

    asked = await send(db, team.mum, team.lily, "start levetiracetam 10 mg/kg/day bd")

    assert isinstance(asked, WeightAsked)
    assert (asked.last_kg, asked.last_at) == (Decimal("18.5"), NOW)


async def test_a_cancelled_change_keeps_no_weight(db, team) -> None:
    pending = await _answered(db, team, "start levetiracetam 10 mg/kg/day bd", "122")
    async with db.transaction() as session:
        await medications.cancel(session, team.mum, team.mum.telegram_user_id, pending.ticket)

    assert (await child(db, team.lily)).weight_kg is None
    assert await taking(db, team.lily, NOW) == []


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("lots", "medications.weight.unreadable"),
        ("22 stone", "medications.weight.unreadable"),
        ("2000", "medications.weight.out_of_range"),
        ("0", "medications.weight.out_of_range"),
    ],
)
async def test_a_weight_that_cannot_be_right_is_refused_and_asked_again(
    db, team, typed: str, key: str
) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 10 mg/kg/day bd")

    with pytest.raises(DomainError) as refused:
        await give(db, team.mum, typed)
    pending = await give(db, team.mum, "22,5 kg")

    assert refused.value.key == key
    assert pending.proposal.basis is not None and pending.proposal.basis.dose == 112.5


async def test_in_a_group_the_weight_is_set_first(db, team) -> None:
    async with db.transaction() as session:
        membership = await membership_in(session, team.mum.id, team.lily.id)
        with pytest.raises(DomainError) as refused:
            await medications.submit(
                session, team.mum, membership, -100, "start levetiracetam 10 mg/kg/day bd"
            )

    assert refused.value.key == "medications.weight.needed_in_group"


async def test_the_usual_range_applies_per_kg(db, team) -> None:
    pending = await _answered(db, team, "start levetiracetam 90 mg/kg/day bd", "20")

    assert pending.proposal.checks == (ConfirmReason.PER_KG, ConfirmReason.DOSE_RANGE)
    finding = pending.proposal.finding
    assert finding is not None
    assert (finding.side, finding.daily, finding.limit, finding.unit) == (
        Side.ABOVE,
        Decimal(90),
        Decimal(60),
        "mg/kg",
    )


async def test_the_usual_range_applies_to_the_worked_out_dose(db, team) -> None:
    pending = await _answered(db, team, "start levetiracetam 55 mg/kg/day bd", "70")

    finding = pending.proposal.finding
    assert finding is not None and (finding.daily, finding.unit) == (Decimal(3850), "mg")


async def test_a_usual_dose_per_kg_only_shows_the_working_out(db, team) -> None:
    pending = await _answered(db, team, "start levetiracetam 60 mg/kg/day bd", "20")

    assert pending.proposal.checks == (ConfirmReason.PER_KG,)
    await confirm(db, team.mum, pending)
    assert await taking(db, team.lily, NOW) == ["levetiracetam 600 mg 08:00 20:00"]


async def test_a_change_per_kg_counts_the_doses_already_taken(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 100 mg 08:00 14:00 20:00")

    pending = await _answered(db, team, "change levetiracetam 30 mg/kg/day", "20")

    assert pending.proposal.basis is not None and pending.proposal.basis.dose == 200
    await confirm(db, team.mum, pending)
    assert await taking(db, team.lily, NOW) == ["levetiracetam 200 mg 08:00 14:00 20:00"]


async def test_a_titration_per_kg_is_worked_out_in_mg(db, team) -> None:
    line = (
        "start levetiracetam 10 mg/kg/day bd increase by 5 mg/kg/day every 7 days to 20 mg/kg/day"
    )
    recorded = await confirm(db, team.mum, await _answered(db, team, line, "20"))

    assert recorded.plan is not None
    assert (recorded.plan.step, recorded.plan.target, recorded.plan.unit) == (
        Decimal(50),
        Decimal(200),
        "mg",
    )
    assert [dose for _, dose in recorded.steps] == [Decimal(150), Decimal(200)]


async def test_the_weight_can_be_recorded_and_seen(db, team) -> None:
    await set_weight(db, team.doctor, team.lily, "21.4kg")

    async with db.open_session() as session:
        membership = await membership_in(session, team.teacher.id, team.lily.id)
        seen = await settings.weight(session, team.teacher, membership, "")
        with pytest.raises(DomainError):
            await settings.weight(session, team.teacher, membership, "30")

    assert seen.child.weight_kg == Decimal("21.4") and not seen.changed
