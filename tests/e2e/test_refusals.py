"""Refusals that repeat what someone typed: their words come back as typed, never as markup."""

from __future__ import annotations

import pytest

from bot.clock import FrozenClock
from tests.e2e.conftest import World
from tests.e2e.medication_steps import lily_family
from tests.e2e.report_steps import answer_to, send
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say

GUARDIAN = "👪 Parent or guardian"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen; human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def test_a_date_that_looks_like_a_tag_is_refused_in_words(world: World) -> None:
    family = await lily_family(world)

    answer = await say(world, family.mum, family.mum.private_chat, "/meds <b>")

    assert answer.text == (
        "I couldn't read the date “<b>”. Use the form 2026-11-01, for example /meds 2026-11-01."
    )


async def test_stopping_a_medicine_named_like_a_tag_is_refused_in_words(world: World) -> None:
    family = await lily_family(world)

    answer = await say(world, family.mum, family.mum.private_chat, "/med stop <i>foo")

    assert answer.text == (
        "<i>foo isn't on the regimen. See /meds, or start it with /med start <i>foo, its dose and"
        " its times."
    )


async def test_a_button_alert_shows_a_name_as_typed(world: World) -> None:
    mum, dad = await world.user("<Ann & Co>"), await world.user("Ben")
    await create_team(world, mum)
    await join(world, dad, await invitation(world, mum, GUARDIAN))
    group = await linked_group(world, mum, "Family", [dad])
    mums = await send(world, mum, group, "/episode")

    refusal = await answer_to(world, await dad.press(group, mums, "5 min ago"))

    assert refusal["text"] == "This is <Ann & Co>'s report. To report yourself, send /episode."
