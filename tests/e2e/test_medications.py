"""The regimen through the real bot: start, change and stop relayed to the team, and /meds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.views.medications.changes import amount
from models import MedicationChange
from tests.e2e.conftest import World
from tests.e2e.medication_steps import lily_family, med, time_passes
from tests.e2e.teams_steps import say, tap

START = "start levetiracetam 250 mg 08:00 20:00"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def recorded_changes(world: World) -> list[str]:
    async with world.db.open_session() as session:
        rows = await session.scalars(select(MedicationChange).order_by(MedicationChange.id))
        return [f"{row.action} {amount(row.dose_amount or Decimal(0))}" for row in rows]


async def test_a_parent_starts_a_medicine_and_the_group_is_told_at_once(world: World) -> None:
    family = await lily_family(world)

    answer = await med(world, family.mum, family.mum.private_chat, START)

    relay = (
        "💊 Lily: new medicine\n"
        "levetiracetam: not taken → 250 mg at 08:00, 20:00\n"
        "When: from Wed 25 Nov 2026, 09:00\n"
        "Recorded by Anna (guardian)"
    )
    assert answer.text == relay
    assert (await family.group.bot_texts())[-1] == relay


async def test_the_neurologist_changes_the_dose_from_tomorrow_in_the_group(world: World) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.mum.private_chat, START)

    await med(
        world,
        family.doctor,
        family.group,
        "change Keppra 500 mg from tomorrow reason more jerks at night",
    )

    relays = (await family.group.bot_texts())[-1:]
    assert relays == [
        "💊 Lily: dose change\n"
        "levetiracetam: 250 mg at 08:00, 20:00 → 500 mg at 08:00, 20:00\n"
        "When: from Thu 26 Nov 2026\n"
        "Why: more jerks at night\n"
        "Recorded by Dr Lee (clinician)"
    ]


async def test_a_brand_name_is_kept_under_its_generic_name(world: World) -> None:
    family = await lily_family(world)

    answer = await med(world, family.mum, family.group, "start Epilim 5 ml 3x daily")

    assert answer.text.splitlines()[1] == (
        "valproate (typed as Epilim): not taken → 5 ml at 08:00, 14:00, 20:00"
    )


async def test_four_times_the_dose_is_confirmed_first_naming_both_numbers(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, chat, START)
    relays_before = await family.group.bot_texts()

    question = await med(world, family.mum, chat, "change levetiracetam 1000 mg")

    assert question.text == (
        "Please check before I record this:\n"
        "levetiracetam: 250 mg at 08:00, 20:00 → 1000 mg at 08:00, 20:00\n"
        "⚠️ That's 4× the current dose: 250 mg → 1000 mg.\n"
        "Confirm?"
    )
    assert question.labels == ["✅ Yes, record it", "✖️ Cancel"]
    assert await family.group.bot_texts() == relays_before
    done = await tap(world, family.mum, chat, question, "✅ Yes, record it")
    assert done.text.startswith("💊 Lily: dose change\nlevetiracetam: 250 mg")
    assert await recorded_changes(world) == ["start 250", "adjust 1000"]


async def test_a_tenth_of_the_dose_can_be_cancelled_and_nothing_is_recorded(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, chat, START)

    question = await med(world, family.mum, chat, "change levetiracetam 25 mg")
    cancelled = await tap(world, family.mum, chat, question, "✖️ Cancel")

    assert "⚠️ That's 1/10 of the current dose: 250 mg → 25 mg." in question.text
    assert cancelled.text == "OK, nothing was recorded."
    assert await recorded_changes(world) == ["start 250"]


async def test_an_unknown_medicine_is_kept_as_typed_after_a_confirmation(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat

    question = await med(world, family.mum, chat, "start Calmex 2 mg 20:00")
    done = await tap(world, family.mum, chat, question, "✅ Yes, record it")

    assert "⚠️ I don't know the medicine “Calmex”. I'll keep the name as typed." in question.text
    assert done.text.splitlines()[1] == "Calmex: not taken → 2 mg at 20:00"


async def test_a_stop_is_confirmed_then_relayed_with_its_reason(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, chat, "start clonazepam 0.25 mg 20:00")

    question = await med(world, family.mum, chat, "stop clonazepam reason drowsiness")
    await tap(world, family.mum, chat, question, "✅ Yes, record it")

    assert "⚠️ This stops clonazepam (0.25 mg at 20:00) from Wed 25 Nov 2026, 09:00" in question.text
    assert (await family.group.bot_texts())[-1] == (
        "💊 Lily: medicine stopped\n"
        "clonazepam: 0.25 mg at 20:00 → stopped\n"
        "When: from Wed 25 Nov 2026, 09:00\n"
        "Why: drowsiness\n"
        "Recorded by Anna (guardian)"
    )


async def test_the_regimen_shows_each_medicine_since_when_and_the_last_change(
    world: World, frozen_clock
) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, START)
    await med(
        world,
        family.doctor,
        family.group,
        "change levetiracetam 500 mg from tomorrow reason more jerks",
    )
    await med(world, family.mum, family.group, "start midazolam 5 mg")
    await time_passes(world, frozen_clock, "2026-11-26 12:00")

    regimen = await say(world, family.teacher, family.group, "/meds")

    assert regimen.text == (
        "💊 Lily's medicines — now\n"
        "• levetiracetam: 500 mg at 08:00, 20:00\n"
        "   since Wed 25 Nov 2026\n"
        "   last change Thu 26 Nov 2026: 250 mg at 08:00, 20:00 → 500 mg at 08:00, 20:00\n"
        "   why: more jerks\n"
        "   recorded by Dr Lee (clinician)\n"
        "• midazolam: 5 mg as needed\n"
        "   since Wed 25 Nov 2026\n"
        "   recorded by Anna (guardian)"
    )


async def test_the_regimen_on_a_past_date(world: World, frozen_clock) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, START)
    await time_passes(world, frozen_clock, "2026-11-27 09:00")
    await med(world, family.mum, family.group, "change levetiracetam 375 mg")
    await med(world, family.mum, family.group, "start clobazam 5 mg 20:00")

    past = await say(world, family.doctor, family.doctor.private_chat, "/meds 2026-11-26")

    assert past.text.splitlines()[:2] == [
        "💊 Lily's medicines — on Thu 26 Nov 2026",
        "• levetiracetam: 250 mg at 08:00, 20:00",
    ]
    assert "clobazam" not in past.text


async def test_a_teacher_sees_the_medicines_but_may_not_change_them(world: World) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, START)

    refusal = await med(world, family.teacher, family.group, "change levetiracetam 500 mg")

    assert refusal.text == "Only a guardian or a clinician can record medication changes."
    assert await recorded_changes(world) == ["start 250"]


async def test_a_parent_is_guided_by_buttons_in_private(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, chat, START)

    menu = await say(world, family.mum, chat, "/med")
    pick = await tap(world, family.mum, chat, menu, "✏️ Change a dose or times")
    ask = await tap(world, family.mum, chat, pick, "levetiracetam")
    done = await say(world, family.mum, chat, "375 mg from tomorrow")

    assert menu.labels[:3] == [
        "➕ Start a medicine",
        "✏️ Change a dose or times",
        "⏹ Stop a medicine",
    ]
    assert ask.text.startswith("What changes for levetiracetam (now 250 mg at 08:00, 20:00)?")
    assert done.text.splitlines()[:3] == [
        "💊 Lily: dose change",
        "levetiracetam: 250 mg at 08:00, 20:00 → 375 mg at 08:00, 20:00",
        "When: from Thu 26 Nov 2026",
    ]


async def test_a_dose_that_is_not_a_number_is_explained(world: World) -> None:
    family = await lily_family(world)

    answer = await med(world, family.mum, family.group, "start levetiracetam 0 mg 08:00")

    assert answer.text.startswith("The dose must be more than zero, not 0.")
    assert await recorded_changes(world) == []


async def test_an_absurd_dose_is_confirmed_first_naming_the_usual_maximum(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    relays_before = await family.group.bot_texts()

    question = await med(world, family.mum, chat, "start levetiracetam 99999999 mg 08:00")
    cancelled = await tap(world, family.mum, chat, question, "✖️ Cancel")

    assert question.text == (
        "Please check before I record this:\n"
        "levetiracetam: not taken → 99999999 mg at 08:00\n"
        "⚠️ That is 99,999,999 mg a day, above the usual maximum for levetiracetam"
        " (about 3,000 mg a day).\n"
        "Confirm?"
    )
    assert question.labels == ["✅ Yes, record it", "✖️ Cancel"]
    assert cancelled.text == "OK, nothing was recorded."
    assert await family.group.bot_texts() == relays_before
    assert await recorded_changes(world) == []


async def test_a_dose_a_thousand_times_too_small_is_confirmed_then_recorded(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat

    question = await med(world, family.mum, chat, "start clobazam 0.005 mg 20:00")
    done = await tap(world, family.mum, chat, question, "✅ Yes, record it")

    assert "⚠️ That is 0.005 mg a day, far below the usual dose of clobazam" in question.text
    assert done.text.splitlines()[1] == "clobazam: not taken → 0.005 mg at 20:00"
    assert await recorded_changes(world) == ["start 0.005"]


async def test_stopping_a_medicine_not_taken_suggests_a_childs_dose_of_it(world: World) -> None:
    family = await lily_family(world)

    answer = await med(world, family.mum, family.mum.private_chat, "stop Rivotril")

    assert answer.text == (
        "clonazepam isn't on the regimen. See /meds, or start it:"
        " /med start clonazepam 0.25 mg 20:00"
    )


async def test_the_guided_change_suggests_a_childs_dose_of_that_medicine(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, chat, "start clonazepam 0.5 mg 20:00")

    menu = await say(world, family.mum, chat, "/med")
    pick = await tap(world, family.mum, chat, menu, "✏️ Change a dose or times")
    ask = await tap(world, family.mum, chat, pick, "clonazepam")

    assert ask.text == (
        "What changes for clonazepam (now 0.5 mg at 20:00)? Type the new dose and/or times,"
        " and when. For example: 0.25 mg from tomorrow or 08:00 12:30 20:00"
    )
