"""Changing reports end to end: undo, details, correction, deletion, forged buttons."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team, logged, said_since, saved
from tests.e2e.teams_steps import answer_to, create_team, say, tap

pytestmark = pytest.mark.usefixtures("unhurried")


async def test_the_reporter_undoes_a_report_within_ten_minutes(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    chat = team.teacher.private_chat
    receipt = await say(world, team.teacher, chat, "/e 8:55 30s arms")
    in_group = await team.group.bot_texts()
    frozen_clock.advance(timedelta(minutes=9))

    await tap(world, team.teacher, chat, receipt, "↩️ Undo")

    assert (await chat.current(receipt)).text == "↩️ Undone: the episode at 08:55 is removed."
    assert await said_since(team.group, in_group) == [
        "↩️ Ms Park took back the report of Lily's episode at 08:55."
    ]
    [episode] = await saved(world)
    assert episode.deleted_at is not None
    assert (await logged(world, "episode.undone"))[0]["record"]["body_parts"] == ["arms"]


async def test_undo_is_refused_after_ten_minutes(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    chat = team.teacher.private_chat
    receipt = await say(world, team.teacher, chat, "/e 8:55 30s arms")
    frozen_clock.advance(timedelta(minutes=11))

    alert = await answer_to(world, team.teacher, chat, receipt, receipt.button_data("↩️ Undo"))

    assert alert == "It's too late to undo (10 minutes have passed). Use 🗑 Delete instead."
    assert (await saved(world))[0].deleted_at is None


async def test_details_are_added_with_buttons(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    chat = team.mum.private_chat
    receipt = await say(world, team.mum, chat, "/e 8:55 30s arms")

    details = await tap(world, team.mum, chat, receipt, "➕ Add details")
    details = await tap(world, team.mum, chat, details, "Moderate")
    details = await tap(world, team.mum, chat, details, "🏠 Home")
    done = await tap(world, team.mum, chat, details, "✓ Done")

    assert done.text.splitlines()[1:3] == ["30 s · arms · moderate", "📍 at home"]
    [episode] = await saved(world)
    assert (episode.intensity, episode.setting) == ("moderate", "home")


async def test_a_correction_typed_in_private_replaces_the_report_and_the_log_keeps_both(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    chat = team.teacher.private_chat
    receipt = await say(world, team.teacher, chat, "/e 8:55 30s arms")
    in_group = await team.group.bot_texts()

    prompt = await tap(world, team.teacher, chat, receipt, "✏️ Correct")
    corrected = await say(world, team.teacher, chat, "8:50 45s face mild")

    assert prompt.text.endswith("Now it reads:\n2026-11-25 08:55 30s arms")
    assert corrected.text.splitlines()[:2] == [
        "⚡ Lily — episode at 08:50 (edited)",
        "45 s · face · mild",
    ]
    assert corrected.text.endswith("✏️ Corrected.")
    [notice] = await said_since(team.group, in_group)
    assert notice.startswith("✏️ Ms Park corrected a report:\n⚡ Lily — episode at 08:50 (edited)")
    [change] = await logged(world, "episode.corrected")
    assert (change["before"]["duration_seconds"], change["after"]["duration_seconds"]) == (30, 45)


async def test_correct_in_the_group_asks_for_the_line_in_private(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.group, "/e 8:55 30s arms")

    query = await team.mum.press(team.group, receipt, "✏️ Correct")
    await world.settle()
    corrected = await say(world, team.mum, team.mum.private_chat, "1m arms")

    answer = await world.sandbox.callback_answer(query)
    assert answer["text"] == "I've sent you a private message: type the corrected report there."
    assert corrected.text.endswith("✏️ Corrected.")
    assert (await saved(world))[0].duration_seconds == 60


async def test_a_guardian_deletes_a_report_from_the_history(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await say(world, team.teacher, team.teacher.private_chat, "/e 8:55 30s arms school")
    chat = team.mum.private_chat
    listing = await say(world, team.mum, chat, "/history")

    opened = await tap(world, team.mum, chat, listing, "1")
    confirm = await tap(world, team.mum, chat, opened, "🗑 Delete")
    done = await tap(world, team.mum, chat, confirm, "Yes, delete it")
    back = await tap(world, team.mum, chat, done, "‹ Back to the list")

    assert done.text == "🗑 Deleted the episode at 08:55."
    assert back.text.splitlines()[-1] == "No episodes recorded in this time."
    assert (await saved(world))[0].deleted_at is not None
    assert (await logged(world, "episode.deleted"))[0]["record"]["setting"] == "school"


async def test_an_educators_forged_delete_button_changes_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.group, "/e 8:55 30s arms")
    [episode] = await saved(world)

    alert = await answer_to(world, team.teacher, team.group, receipt, f"ep:{episode.id}:delyes")

    assert alert == "Only the person who reported it or a guardian can change this episode."
    assert (await saved(world))[0].deleted_at is None


async def test_someone_from_another_team_cannot_touch_lilys_episode(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await say(world, team.mum, team.group, "/e 8:55 30s arms")
    dad = await world.user("Ben")
    await create_team(world, dad, "Tom")
    menu = await dad.private_chat.last_bot_message()

    alert = await answer_to(world, dad, dad.private_chat, menu, "ep:1:undo")

    assert alert == "You're not on this child's care team. Ask a guardian for an invitation."
    assert (await saved(world))[0].deleted_at is None


async def test_garbage_episode_button_data_is_an_expired_button(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.group, "/e 8:55 30s arms")

    alerts = [
        await answer_to(world, team.mum, team.group, receipt, data)
        for data in ("ep:1:explode", "ep:1:where:moon", "ep:99999:undo")
    ]

    assert alerts == [
        "This button has expired.",
        "This button has expired.",
        "That episode has been deleted.",
    ]
    assert (await saved(world))[0].setting is None
