"""Cards follow the record: every relayed copy of an episode shows it corrected or withdrawn."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.sandbox.client import Chat, Message
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team
from tests.e2e.room_steps import RELAY
from tests.e2e.teams_steps import say, tap

pytestmark = pytest.mark.usefixtures("unhurried")


async def relay_in(chat: Chat) -> Message:
    [relay] = [m for m in await chat.bot_messages() if (m.text or "").startswith(RELAY)]
    return relay


async def test_a_correction_edits_the_group_card_and_every_private_copy(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    chat = team.teacher.private_chat
    receipt = await say(world, team.teacher, chat, "/e 8:55 30s arms")
    in_group, in_private = await relay_in(team.group), await relay_in(team.mum.private_chat)

    await tap(world, team.teacher, chat, receipt, "✏️ Correct")
    await say(world, team.teacher, chat, "8:50 45s face mild")

    for copy, where in ((in_group, team.group), (in_private, team.mum.private_chat)):
        now = await where.current(copy)
        assert now.text is not None
        assert now.text.splitlines()[:2] == [
            "⚡ Lily — episode at 08:50 (edited)",
            "45 s · face · mild",
        ]
        assert now.text.endswith("✏️ edited")
        assert now.labels == []


@pytest.mark.parametrize("how", ["↩️ Undo", "🗑 Delete"])
async def test_an_undone_or_deleted_report_is_withdrawn_on_every_card(
    world: World, frozen_clock: FrozenClock, how: str
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    chat = team.teacher.private_chat
    receipt = await say(world, team.teacher, chat, "/e 8:55 30s arms")
    in_group, in_private = await relay_in(team.group), await relay_in(team.mum.private_chat)
    frozen_clock.advance(timedelta(minutes=2))

    answer = await tap(world, team.teacher, chat, receipt, how)
    if how == "🗑 Delete":
        await tap(world, team.teacher, chat, answer, "Yes, delete it")

    withdrawn = "↩️ withdrawn: Lily's episode at 08:55 was taken back."
    assert (await team.group.current(in_group)).text == withdrawn
    assert (await team.mum.private_chat.current(in_private)).text == withdrawn


async def test_a_card_is_not_edited_for_someone_who_left_the_team(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Ms Park",))
    chat = team.mum.private_chat
    receipt = await say(world, team.mum, chat, "/e 8:55 30s arms")
    copy = await relay_in(team.teacher.private_chat)
    confirm = await say(world, team.teacher, team.teacher.private_chat, "/leave")
    await tap(world, team.teacher, team.teacher.private_chat, confirm, "Yes, leave")

    await tap(world, team.mum, chat, receipt, "↩️ Undo")

    assert (await team.teacher.private_chat.current(copy)).text == copy.text
