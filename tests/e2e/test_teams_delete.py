"""Erasing a child end to end: two confirmations, then no row of the child anywhere."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from bot import clock
from bot.sandbox.client import Actor, Group
from models import (
    Base,
    ChangeAction,
    Child,
    DoseLog,
    DoseStatus,
    Episode,
    Event,
    Medication,
    MedicationChange,
    Person,
    Reminder,
    WizardState,
)
from tests.e2e.conftest import World
from tests.e2e.teams_steps import answer_to, create_team, invitation, join, linked_group, say, tap

NAME = "Zephyrine"


pytestmark = pytest.mark.usefixtures("unhurried")


async def _team(world: World) -> tuple[Actor, Actor, Group]:
    """Zephyrine's team: Anna (guardian), Dr Lee (clinician), their group, an open invitation."""
    mum, doctor = await world.user("Anna"), await world.user("Dr Lee")
    await create_team(world, mum, NAME)
    group = await linked_group(world, mum, "Family", [doctor])
    await join(world, doctor, await invitation(world, mum, "🩺 Doctor, nurse or therapist"))
    await invitation(world, mum, "🧡 Other caregiver (family, nanny)")
    return mum, doctor, group


async def _health_records(world: World) -> int:
    """Give the child a row in every table about them that other features will fill."""
    now = clock.now()
    async with world.db.transaction() as session:
        child = await session.scalar(select(Child))
        person_id = await session.scalar(select(Person.id))
        assert child is not None and person_id is not None
        medicine = Medication(
            child_id=child.id,
            name="levetiracetam",
            name_as_typed="Keppra",
            dose_amount=Decimal("250"),
            dose_unit="mg",
            started_at=now,
        )
        session.add_all([Episode(child_id=child.id, occurred_at=now, notes=NAME), medicine])
        await session.flush()
        session.add_all(
            [
                MedicationChange(
                    medication_id=medicine.id,
                    child_id=child.id,
                    action=ChangeAction.START,
                    effective_at=now,
                ),
                DoseLog(
                    medication_id=medicine.id,
                    child_id=child.id,
                    scheduled_at=now,
                    status=DoseStatus.GIVEN,
                    recorded_at=now,
                ),
                WizardState(
                    person_id=person_id,
                    chat_id=1,
                    child_id=child.id,
                    flow="episode",
                    step="when",
                    updated_at=now,
                    expires_at=now,
                ),
                Reminder(
                    child_id=child.id,
                    kind="followup",
                    occurrence_key=f"eeg-{child.id}",
                    due_at=now,
                    timezone=child.timezone,
                    payload={"title": f"EEG for {NAME}"},
                ),
            ]
        )
        return child.id


async def _erase(world: World, mum: Actor) -> None:
    first = await say(world, mum, mum.private_chat, "/deletechild")
    second = await tap(world, mum, mum.private_chat, first, f"Erase {NAME}'s records")
    await tap(world, mum, mum.private_chat, second, f"Yes, erase {NAME}'s records forever")


async def _rows_about(world: World, child_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row, in every table, that points at the child or mentions their name."""
    found: dict[str, list[dict[str, Any]]] = {}
    async with world.db.open_session() as session:
        for table in Base.metadata.sorted_tables:
            pointers = [
                column.name
                for column in table.columns
                if any(key.column.table.name == "child" for key in column.foreign_keys)
            ] + (["id"] if table.name == "child" else [])
            for row in (await session.execute(select(table))).mappings():
                if any(row[c] == child_id for c in pointers) or NAME in repr(dict(row)):
                    found.setdefault(table.name, []).append(dict(row))
    return found


async def test_erasing_a_child_asks_twice_naming_the_child(world: World) -> None:
    mum, _, _ = await _team(world)

    first = await say(world, mum, mum.private_chat, "/deletechild")
    second = await tap(world, mum, mum.private_chat, first, f"Erase {NAME}'s records")

    assert first.text.startswith(f"Erase everything about {NAME}?")
    assert second.text == f"Last check: erase all of {NAME}'s records for good?"
    assert second.labels == [
        f"Yes, erase {NAME}'s records forever",
        "Cancel",
    ]


async def test_erasing_a_child_leaves_no_row_of_the_child_in_any_table(world: World) -> None:
    mum, _, _ = await _team(world)
    child_id = await _health_records(world)
    before = set(await _rows_about(world, child_id))
    assert before >= {"child", "episode", "dose_log", "reminder", "wizard_state", "membership"}

    await _erase(world, mum)

    assert await _rows_about(world, child_id) == {}


async def test_only_an_anonymous_note_of_the_erasure_remains(world: World) -> None:
    mum, _, _ = await _team(world)

    await _erase(world, mum)

    async with world.db.open_session() as session:
        events = [(e.kind, e.child_id, e.payload) for e in await session.scalars(select(Event))]
    assert events == [("child.deleted", None, {})]


async def test_the_guardian_is_told_and_the_group_is_unlinked(world: World) -> None:
    mum, _, group = await _team(world)

    await _erase(world, mum)

    assert (await mum.private_chat.last_bot_message()).text.startswith(
        f"All of {NAME}'s records are erased."
    )
    assert (await group.last_bot_message()).text == (
        "A guardian erased this care team's records. This group is no longer linked."
    )


async def test_a_clinician_cannot_erase_a_child(world: World) -> None:
    _, doctor, _ = await _team(world)

    refusal = await say(world, doctor, doctor.private_chat, "/deletechild")

    assert refusal.text == "Only a guardian can delete a child's records."


async def test_cancelling_keeps_everything(world: World) -> None:
    mum, _, _ = await _team(world)
    first = await say(world, mum, mum.private_chat, "/deletechild")

    cancelled = await tap(world, mum, mum.private_chat, first, "Cancel")

    assert cancelled.text == "OK, nothing changed."
    async with world.db.open_session() as session:
        assert await session.scalar(select(Child.name)) == NAME


async def test_a_forged_final_button_from_a_clinician_changes_nothing(world: World) -> None:
    _, doctor, group = await _team(world)
    async with world.db.open_session() as session:
        child_id = await session.scalar(select(Child.id))

    alert = await answer_to(
        world, doctor, group, await group.last_bot_message(), f"del:{child_id}:confirm"
    )

    assert alert == "Only a guardian can delete a child's records."
    async with world.db.open_session() as session:
        assert await session.scalar(select(Child.name)) == NAME
