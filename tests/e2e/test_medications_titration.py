"""A titration plan through the real bot: each step applied and announced on its day, paused."""

from __future__ import annotations

import pytest

from bot.clock import FrozenClock
from tests.e2e.conftest import World
from tests.e2e.medication_steps import lily_family, med, time_passes
from tests.e2e.teams_steps import say, tap

# Every two days rather than weekly, to keep the story short; the services test weekly plans.
PLAN = "start levetiracetam 500 mg 20:00 increase by 250 mg every 2 days to 1000 mg"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def test_a_titration_step_is_applied_and_announced_on_its_day(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    started = await med(world, family.doctor, family.group, PLAN)

    await time_passes(world, frozen_clock, "2026-11-27 00:30")
    regimen = await say(world, family.mum, family.group, "/meds")

    assert started.text.splitlines()[-3:] == [
        "📈 Plan: +250 mg every 2 days up to 1000 mg:",
        "• 750 mg from Fri 27 Nov 2026",
        "• 1000 mg from Sun 29 Nov 2026",
    ]
    steps = [text for text in await family.group.bot_texts() if "titration step" in text]
    assert steps == [
        "📈 Lily: titration step\n"
        "levetiracetam: 500 mg at 20:00 → 750 mg at 20:00\n"
        "When: from Fri 27 Nov 2026\n"
        "Next: 1000 mg from Sun 29 Nov 2026."
    ]
    assert regimen.text.splitlines()[1] == "• levetiracetam: 750 mg at 20:00"


async def test_a_paused_titration_takes_no_step_until_resumed(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await med(world, family.doctor, family.group, PLAN)
    regimen = await say(world, family.mum, family.group, "/meds")

    paused = await tap(world, family.mum, family.group, regimen, "⏸ Pause levetiracetam titration")
    await time_passes(world, frozen_clock, "2026-11-28 09:00")
    resumed = await say(world, family.doctor, family.group, "/med resume levetiracetam")

    assert regimen.labels == ["⏸ Pause levetiracetam titration"]
    assert paused.text.startswith("⏸ Lily: the levetiracetam titration is paused at 500 mg.")
    assert not [text for text in await family.group.bot_texts() if "titration step" in text]
    assert resumed.text == (
        "▶️ Lily: the levetiracetam titration goes on. Next: 750 mg from Mon 30 Nov 2026. (Dr Lee)"
    )
