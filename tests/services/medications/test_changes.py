"""The regimen: starts, changes and stops, the confirmations they need, and any past regimen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.services.errors import DomainError, Forbidden
from bot.services.medications import changes as medications
from bot.services.medications import regimen
from bot.services.medications.changes import ConfirmReason, Pending, Recorded
from bot.services.medications.parsing import MedicationParseError
from bot.services.teams.children import membership_in
from models import ChangeAction, Child, Event, MedicationChange, Person, Role
from models.session import Database
from tests.factories import make_child, make_member, make_person

MUM, TEACHER, DOCTOR = 1, 2, 3
CHAT = MUM


@dataclass
class Team:
    lily: Child
    mum: Person
    teacher: Person
    doctor: Person


@pytest.fixture
async def team(db: Database, frozen_clock) -> Team:
    """Lily (London) with Anna (guardian), Ms Park (educator) and Dr Lee (clinician)."""
    async with db.transaction() as session:
        lily = await make_child(session)
        mum = await make_person(session, MUM, "Anna")
        teacher = await make_person(session, TEACHER, "Ms Park")
        doctor = await make_person(session, DOCTOR, "Dr Lee")
        await make_member(session, lily, mum, Role.GUARDIAN)
        await make_member(session, lily, teacher, Role.EDUCATOR)
        await make_member(session, lily, doctor, Role.CLINICIAN)
    return Team(lily, mum, teacher, doctor)


async def send(db: Database, person: Person, child: Child, line: str) -> Recorded | Pending:
    """``person`` sends ``/med <line>`` in their private chat."""
    async with db.transaction() as session:
        membership = await membership_in(session, person.id, child.id)
        return await medications.submit(session, person, membership, person.telegram_user_id, line)


async def confirm(db: Database, person: Person, pending: Recorded | Pending) -> Recorded:
    assert isinstance(pending, Pending)
    async with db.transaction() as session:
        return await medications.confirm(session, person, person.telegram_user_id, pending.ticket)


async def taking(db: Database, child: Child, moment: datetime) -> list[str]:
    """What the child takes at ``moment``, as one line per medicine."""
    async with db.open_session() as session:
        entries = await regimen.regimen_on(session, child.id, moment)
    return [
        f"{e.medication.name} {e.dosing.amount.normalize():f} {e.dosing.unit} "
        + " ".join(e.dosing.times)
        for e in entries
    ]


NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


async def test_a_guardian_starts_a_medicine_and_the_regimen_shows_it(db, team) -> None:
    recorded = await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    assert isinstance(recorded, Recorded)
    assert recorded.before is None and recorded.after is not None
    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 20:00"]
    async with db.open_session() as session:
        change = await session.scalar(select(MedicationChange))
        assert change is not None
        assert (change.action, change.recorded_role) == (ChangeAction.START, Role.GUARDIAN)
        assert change.recorded_by_id == team.mum.id


async def test_a_brand_name_is_recorded_under_its_generic_name(db, team) -> None:
    await send(db, team.doctor, team.lily, "start Keppra 250 mg twice daily")

    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 20:00"]


async def test_a_frequency_becomes_the_usual_times(db, team) -> None:
    await send(db, team.mum, team.lily, "start valproate 5 ml 3x daily")

    assert await taking(db, team.lily, NOW) == ["valproate 5 ml 08:00 14:00 20:00"]


async def test_an_unknown_name_is_kept_as_typed_only_after_confirmation(db, team) -> None:
    pending = await send(db, team.mum, team.lily, "start Brainzol 2 mg 20:00")

    assert isinstance(pending, Pending) and pending.proposal.checks == (ConfirmReason.UNKNOWN_NAME,)
    assert await taking(db, team.lily, NOW) == []
    await confirm(db, team.mum, pending)
    assert await taking(db, team.lily, NOW) == ["brainzol 2 mg 20:00"]


async def test_four_times_the_dose_waits_for_confirmation(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    pending = await send(db, team.mum, team.lily, "change levetiracetam 1000 mg")

    assert isinstance(pending, Pending) and pending.proposal.checks == (ConfirmReason.DOSE_RATIO,)
    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 20:00"]
    await confirm(db, team.mum, pending)
    assert await taking(db, team.lily, NOW) == ["levetiracetam 1000 mg 08:00 20:00"]


async def test_doubling_the_dose_needs_no_confirmation(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    assert isinstance(await send(db, team.mum, team.lily, "change levetiracetam 500 mg"), Recorded)


async def test_a_new_unit_waits_for_confirmation(db, team) -> None:
    await send(db, team.mum, team.lily, "start valproate 200 mg 08:00 20:00")

    pending = await send(db, team.mum, team.lily, "change valproate 5 ml")

    assert isinstance(pending, Pending) and pending.proposal.checks == (ConfirmReason.UNIT,)


async def test_a_change_from_tomorrow_leaves_today_as_it_was(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    await send(db, team.doctor, team.lily, "change levetiracetam 500 mg from tomorrow")

    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 20:00"]
    tomorrow = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    assert await taking(db, team.lily, tomorrow) == ["levetiracetam 500 mg 08:00 20:00"]


async def test_new_times_keep_the_dose(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    await send(db, team.mum, team.lily, "change levetiracetam 08:00 12:30 20:00")

    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 12:30 20:00"]


async def test_a_stop_waits_for_confirmation_and_keeps_the_history(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start clonazepam 0.25 mg 20:00")
    frozen_clock.advance(timedelta(days=3))

    pending = await send(db, team.mum, team.lily, "stop clonazepam reason drowsiness")
    recorded = await confirm(db, team.mum, pending)

    assert recorded.change.reason == "drowsiness" and recorded.after is None
    assert await taking(db, team.lily, frozen_clock.now()) == []
    assert await taking(db, team.lily, NOW) == ["clonazepam 0.25 mg 20:00"]


async def test_the_regimen_on_a_past_date_is_rebuilt_from_the_changes(
    db, team, frozen_clock
) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")
    frozen_clock.advance(timedelta(days=7))
    await send(db, team.mum, team.lily, "change levetiracetam 500 mg")
    frozen_clock.advance(timedelta(days=7))
    await send(db, team.mum, team.lily, "start clobazam 5 mg 20:00")

    async with db.open_session() as session:
        membership = await membership_in(session, team.teacher.id, team.lily.id)
        page = await regimen.page(session, membership, "2026-12-03", frozen_clock.now())

    assert not page.is_now
    assert [(e.medication.name, e.dosing.amount) for e in page.entries] == [
        ("levetiracetam", Decimal(500))
    ]
    assert page.entries[0].previous is not None and page.entries[0].previous.amount == 250


async def test_starting_a_medicine_already_taken_is_refused(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    with pytest.raises(DomainError) as refused:
        await send(db, team.mum, team.lily, "start keppra 500 mg 08:00 20:00")

    assert refused.value.key == "medications.already_taken"


async def test_a_medicine_can_be_started_again_after_it_stopped(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start clobazam 5 mg 20:00")
    await confirm(db, team.mum, await send(db, team.mum, team.lily, "stop clobazam"))
    frozen_clock.advance(timedelta(days=1))

    await send(db, team.mum, team.lily, "start clobazam 2.5 mg 20:00")

    assert await taking(db, team.lily, frozen_clock.now()) == ["clobazam 2.5 mg 20:00"]


async def test_changing_a_medicine_not_taken_is_refused(db, team) -> None:
    with pytest.raises(DomainError) as refused:
        await send(db, team.mum, team.lily, "change clonazepam 0.5 mg")

    assert refused.value.key == "medications.not_on_regimen"


async def test_a_dose_of_zero_is_refused(db, team) -> None:
    with pytest.raises(MedicationParseError):
        await send(db, team.mum, team.lily, "start levetiracetam 0 mg 08:00")


async def test_an_educator_may_not_record_changes(db, team) -> None:
    with pytest.raises(Forbidden):
        await send(db, team.teacher, team.lily, "start levetiracetam 250 mg 08:00")


async def test_a_confirmation_is_refused_if_the_dose_changed_meanwhile(
    db, team, frozen_clock
) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")
    pending = await send(db, team.mum, team.lily, "change levetiracetam 1000 mg")
    frozen_clock.advance(timedelta(minutes=1))
    await send(db, team.doctor, team.lily, "change levetiracetam 400 mg")
    frozen_clock.advance(timedelta(minutes=1))

    with pytest.raises(DomainError) as refused:
        await confirm(db, team.mum, pending)

    assert refused.value.key == "medications.changed_meanwhile"
    assert await taking(db, team.lily, frozen_clock.now()) == ["levetiracetam 400 mg 08:00 20:00"]


async def test_a_change_confirmed_later_takes_effect_when_confirmed(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")
    pending = await send(db, team.mum, team.lily, "change levetiracetam 1000 mg")
    frozen_clock.advance(timedelta(minutes=5))

    recorded = await confirm(db, team.mum, pending)

    assert recorded.change.effective_at == NOW + timedelta(minutes=5)


async def test_every_change_is_audited(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")
    await send(db, team.mum, team.lily, "change levetiracetam 500 mg")

    async with db.open_session() as session:
        kinds = list(await session.scalars(select(Event.kind).order_by(Event.id)))
    assert kinds == ["medication.start", "medication.adjust"]


# Doses in mg/kg/day are worked out from the weight first, and always shown: test_per_kg.py.
@pytest.mark.parametrize(
    "line",
    [
        "start levetiracetam 2000 mg 08:00 20:00",  # 4,000 mg a day
        "start levetiracetam 4 g 08:00",
        "start levetiracetam 20 ml 08:00 20:00",  # of its one liquid, 100 mg/ml: 4,000 mg a day
        "start valproate 1.5 g twice daily",
        "start clonazepam 25 mg 20:00",
        "start midazolam 100 mg",
        "start levetiracetam 1 mg 08:00",  # a thousandth of a usual dose
        "start levetiracetam 500 mg 08:00 20:00 increase by 250 mg every 7 days to 5000 mg",
    ],
)
async def test_a_dose_outside_a_childs_usual_range_waits_for_confirmation(
    db, team, line: str
) -> None:
    pending = await send(db, team.mum, team.lily, line)

    assert isinstance(pending, Pending) and pending.proposal.checks == (ConfirmReason.DOSE_RANGE,)
    assert await taking(db, team.lily, NOW) == []
    await confirm(db, team.mum, pending)
    assert len(await taking(db, team.lily, NOW)) == 1


@pytest.mark.parametrize(
    "line",
    [
        "start levetiracetam 1500 mg 08:00 20:00",  # the usual maximum itself
        "start valproate 5 ml 3x daily",  # sold in more than one strength: ml is not guarded
        "start clonazepam 2 tablets 20:00",  # nor are tablets
        "start clobazam 10 mg 20:00 decrease by 2.5 mg every week to 0 mg",  # tapering off
        "start midazolam 10 mg",
    ],
)
async def test_a_usual_dose_is_recorded_without_a_question(db, team, line: str) -> None:
    assert isinstance(await send(db, team.mum, team.lily, line), Recorded)


async def test_a_high_dose_confirmed_once_is_not_questioned_again_when_its_times_move(
    db, team
) -> None:
    start = "start levetiracetam 2000 mg 08:00 20:00"
    await confirm(db, team.mum, await send(db, team.mum, team.lily, start))

    moved = await send(db, team.mum, team.lily, "change levetiracetam 07:30 19:30")
    more = await send(db, team.mum, team.lily, "change levetiracetam 08:00 14:00 20:00")

    assert isinstance(moved, Recorded)
    assert isinstance(more, Pending) and more.proposal.checks == (ConfirmReason.DOSE_RANGE,)


async def test_a_tenfold_slip_beyond_the_usual_maximum_names_both(db, team) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")

    pending = await send(db, team.mum, team.lily, "change levetiracetam 2500 mg")

    assert isinstance(pending, Pending)
    assert pending.proposal.checks == (ConfirmReason.DOSE_RATIO, ConfirmReason.DOSE_RANGE)


@pytest.mark.parametrize(
    ("line", "key", "example"),
    [
        ("stop Rivotril", "medications.not_on_regimen", "0.25 mg 20:00"),
        ("change clobazam 5 mg", "medications.not_on_regimen", "5 mg 20:00"),
        ("stop Buccolam", "medications.not_on_regimen", "5 mg"),
        ("stop melatonin", "medications.not_on_regimen_unknown", None),
    ],
)
async def test_a_medicine_not_taken_is_refused_with_a_childs_dose_to_start_it(
    db, team, line: str, key: str, example: str | None
) -> None:
    with pytest.raises(DomainError) as refused:
        await send(db, team.mum, team.lily, line)

    assert refused.value.key == key
    assert refused.value.params.get("example") == example


async def test_starting_a_medicine_again_suggests_changing_it_to_a_childs_dose(db, team) -> None:
    await send(db, team.mum, team.lily, "start clonazepam 0.5 mg 20:00")

    with pytest.raises(DomainError) as refused:
        await send(db, team.mum, team.lily, "start Rivotril 0.5 mg 20:00")

    assert refused.value.params == {"name": "clonazepam", "example": "0.25 mg"}
