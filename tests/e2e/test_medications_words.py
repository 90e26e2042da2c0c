"""Medicines written as people write them, through the real bot: bedtime, "to", mg/kg/day."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from models import Child, MedicationChange
from tests.e2e.conftest import World
from tests.e2e.medication_steps import CONFIRM, lily_family, med
from tests.e2e.teams_steps import say, tap


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def test_at_night_is_the_childs_bedtime_which_a_parent_can_set(world: World) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat

    first = await med(world, family.mum, chat, "start clobazam 5mg at night")
    bedtime = await say(world, family.mum, chat, "/med bedtime 19:30")
    second = await med(world, family.mum, chat, "start melatonin 2 mg at bedtime")

    assert first.text.splitlines()[1] == "clobazam: not taken → 5 mg at 20:00"
    assert bedtime.text == (
        "🌙 Lily's bedtime is now 19:30: “at night” and “at bedtime” in /med mean 19:30."
        " Doses already set keep their times."
    )
    assert "melatonin: not taken → 2 mg at 19:30" in second.text


async def test_change_to_a_dose_twice_a_day(world: World) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, "start keppra 250 mg morning and evening")

    answer = await med(world, family.doctor, family.group, "change keppra to 375 mg bid")

    assert answer.text.splitlines()[1] == (
        "levetiracetam (typed as keppra): 250 mg at 08:00, 20:00 → 375 mg at 08:00, 20:00"
    )


async def test_a_dose_per_kg_asks_the_weight_once_and_shows_the_working_out(
    world: World,
) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat

    asked = await med(world, family.mum, chat, "start levetiracetam 10 mg/kg/day twice daily")
    question = await say(world, family.mum, chat, "22 kg")
    done = await tap(world, family.mum, chat, question, CONFIRM)
    again = await med(world, family.mum, chat, "change levetiracetam 15 mg/kg/day")

    assert asked.text == (
        "⚖️ That dose is per kg of weight. How much does Lily weigh now?"
        " Type it in kg, for example 22.5."
    )
    assert asked.labels == ["✖️ Cancel"]
    assert question.text == (
        "Please check before I record this:\n"
        "levetiracetam: not taken → 110 mg at 08:00, 20:00\n"
        "⚖️ 10 mg/kg/day × 22 kg = 220 mg a day, 110 mg twice daily.\n"
        "Confirm?"
    )
    relay = (
        "💊 Lily: new medicine\n"
        "levetiracetam: not taken → 110 mg at 08:00, 20:00\n"
        "⚖️ 10 mg/kg/day × 22 kg\n"
        "When: from Wed 25 Nov 2026, 09:00\n"
        "Recorded by Anna (guardian)"
    )
    assert done.text == relay
    assert (await family.group.bot_texts())[-1] == relay
    assert again.text.splitlines()[2:] == [
        "⚖️ 15 mg/kg/day × 22 kg = 330 mg a day, 165 mg twice daily.",
        "⚖️ Weight recorded Wed 25 Nov 2026. If it has changed, record it with /med weight"
        " and the new weight, then send the line again.",
        "Confirm?",
    ]


async def test_in_the_group_a_dose_per_kg_waits_for_the_weight(world: World) -> None:
    family = await lily_family(world)

    refusal = await med(world, family.doctor, family.group, "start keppra 20 mg/kg/day bd")
    weight = await say(world, family.doctor, family.group, "/med weight 18.4 kg")
    question = await med(world, family.doctor, family.group, "start keppra 20 mg/kg/day bd")

    assert refusal.text.startswith("Doses in mg/kg/day are worked out from the child's weight")
    assert weight.text.startswith("⚖️ Recorded: Lily weighs 18.4 kg.")
    assert "⚖️ 20 mg/kg/day × 18.4 kg = 368 mg a day, 184 mg twice daily." in question.text
    async with world.db.open_session() as session:
        assert await session.scalar(select(MedicationChange)) is None
        child = await session.scalar(select(Child))
        assert child is not None and str(child.weight_kg) == "18.40"
