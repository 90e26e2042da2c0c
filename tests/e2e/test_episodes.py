"""One-line reports end to end: the relay, one copy each, second reporters, urgency."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from models import Person
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team, logged, said_since, saved
from tests.e2e.teams_steps import create_team, say, tap

RELAY = [
    "⚡ Lily — episode at 09:00",
    "2 min · cluster · arms",
    "📍 at school · trigger: tired",
    "👤 Ms Park (educator)",
    "📊 Today 1 · this week 1 · last week 0",
]


pytestmark = pytest.mark.usefixtures("unhurried")


async def test_a_one_line_report_reaches_the_group_and_who_asked_for_private(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    in_group, to_mum = await team.group.bot_texts(), await team.mum.private_chat.bot_texts()

    receipt = await say(
        world, team.teacher, team.teacher.private_chat, "/e 2m cluster arms school tired"
    )

    assert receipt.text.splitlines() == [*RELAY, "", "✅ Saved and shared with Lily's team."]
    assert receipt.labels == [
        "↩️ Undo",
        "➕ Add details",
        "✏️ Correct",
        "🗑 Delete",
    ]
    assert await said_since(team.group, in_group) == ["\n".join(RELAY)]
    assert await said_since(team.mum.private_chat, to_mum) == ["\n".join(RELAY)]
    [episode] = await saved(world)
    assert (episode.duration_seconds, episode.setting, episode.triggers) == (
        120,
        "school",
        ["fatigue"],
    )


async def test_a_report_in_the_group_is_the_groups_only_copy(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    in_group, to_mum = await team.group.bot_texts(), await team.mum.private_chat.bot_texts()

    await say(world, team.teacher, team.group, "/e 2m cluster arms school tired")

    [receipt] = await said_since(team.group, in_group)
    assert receipt.startswith("\n".join(RELAY))
    assert await said_since(team.mum.private_chat, to_mum) == ["\n".join(RELAY)]


async def test_a_line_that_cannot_be_read_is_explained_and_saves_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    in_group = await team.group.bot_texts()

    answer = await say(world, team.mum, team.mum.private_chat, "/e it was scary")

    assert answer.text.startswith("I couldn't read that as an episode, so nothing was saved.")
    assert "/e 10:15 45s mild face" in answer.text
    assert await saved(world) == []
    assert await said_since(team.group, in_group) == []


async def test_a_time_to_come_is_refused_and_nobody_is_alerted(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    in_group, to_mum = await team.group.bot_texts(), await team.mum.private_chat.bot_texts()

    answer = await say(world, team.teacher, team.teacher.private_chat, "/e in 2 hours")

    assert answer.text == (
        "“in 2 hours” is in the future, so nothing was saved. "
        "To say how long it lasted, give just the length, e.g. /e 10:15 2m arms"
    )
    assert await saved(world) == []
    assert await said_since(team.group, in_group) == []
    assert await said_since(team.mum.private_chat, to_mum) == []


async def test_a_decimal_comma_is_a_decimal_and_a_bad_clock_is_named(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    in_group = await team.group.bot_texts()

    refused = await say(world, team.mum, team.mum.private_chat, "/e 25:99 40s")
    receipt = await say(world, team.mum, team.mum.private_chat, "/e 1,5 min arms")

    assert refused.text.startswith("“25:99” isn't a time on the clock, so nothing was saved.")
    assert receipt.text.splitlines()[:2] == ["⚡ Lily — episode at 09:00", "1 min 30 s · arms"]
    [episode] = await saved(world)
    assert episode.duration_seconds == 90
    [relay] = await said_since(team.group, in_group)
    assert not relay.startswith("🚨")


async def test_a_long_report_reaches_the_group_in_part_and_is_kept_whole(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    in_group = await team.group.bot_texts()
    note = "She was drawing at her desk when her arms jerked. " + "Then it went on. " * 235

    receipt = await say(world, team.teacher, team.teacher.private_chat, f"/e 30s note: {note}")

    assert len(note) > 4000
    [relay] = await said_since(team.group, in_group)
    for text in (relay, receipt.text):
        [shown] = [line for line in text.splitlines() if line.startswith("📝")]
        assert shown.startswith("📝 She was drawing at her desk when her arms jerked. Then")
        assert shown.endswith("…") and len(shown) <= 303
    assert receipt.text.endswith("✅ Saved and shared with Lily's team.")
    [episode] = await saved(world)
    assert episode.notes == note.strip() and episode.relayed_at is not None


async def test_a_series_of_jerks_is_one_record_with_a_count_and_a_window(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)

    receipt = await say(world, team.mum, team.mum.private_chat, "/e 12 jerks 7:00-7:30 on waking")

    assert receipt.text.splitlines()[:3] == [
        "⚡ Lily — episode at 07:00–07:30",
        "12 jerks",
        "📍 on waking",
    ]
    [episode] = await saved(world)
    assert (episode.jerk_count, episode.occurred_at.hour, episode.window_end_at.minute) == (
        12,
        7,
        30,
    )


async def test_two_people_reporting_at_once_in_the_group_tell_the_team_once(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna", "Ms Park"))
    private = {p.first_name: await p.private_chat.bot_texts() for p in (team.mum, team.teacher)}

    await asyncio.gather(
        team.mum.send(team.group, "/e 40s arms"), team.teacher.send(team.group, "/e 30s arms")
    )
    await world.settle()

    first, second = await saved(world)
    assert first.relayed_at is not None and second.relayed_at is None
    heard = [
        await said_since(p.private_chat, private[p.first_name]) for p in (team.mum, team.teacher)
    ]
    assert sorted(len(texts) for texts in heard) == [0, 1]  # the first reporter's news, once
    last = await team.group.last_bot_message()
    assert "Is it the same one?" in (last.text or "")


async def _second_report(world: World, frozen_clock: FrozenClock):
    """Anna reports in private; three minutes later Ms Park reports the same in the group."""
    team = await lily_team(world)
    await say(world, team.mum, team.mum.private_chat, "/e 8:57 30s arms")
    in_group = await team.group.bot_texts()
    question = await say(world, team.teacher, team.group, "/e 40s arms school")
    return team, in_group, question


async def test_a_second_report_of_the_same_episode_is_asked_about_and_merged(
    world: World, frozen_clock: FrozenClock
) -> None:
    team, in_group, question = await _second_report(world, frozen_clock)

    assert question.text.endswith(
        "Saved, not shared yet: Anna reported an episode at 08:57 too. Is it the same one?"
    )
    await tap(world, team.teacher, team.group, question, "Yes, the same one")

    merged = await team.group.current(question)
    assert merged.text == (
        "👍 Got it: added to Anna's report as a second observer. The team heard about it once."
    )
    assert len(await said_since(team.group, in_group)) == 1  # the question, edited in place
    first, second = await saved(world)
    assert second.merged_into_id == first.id and second.relayed_at is None
    listing = await say(world, team.mum, team.mum.private_chat, "/history")
    assert listing.text.splitlines()[0] == "Lily's episodes, last 7 days (1)"
    opened = await tap(world, team.mum, team.mum.private_chat, listing, "1")
    assert "also seen by Ms Park" in (opened.text or "")


async def test_a_second_report_of_another_episode_is_relayed_after_all(
    world: World, frozen_clock: FrozenClock
) -> None:
    team, in_group, question = await _second_report(world, frozen_clock)
    to_mum = await team.mum.private_chat.bot_texts()

    await tap(world, team.teacher, team.group, question, "No, another one")

    answered = await team.group.current(question)
    assert (answered.text or "").endswith("✅ Saved and shared with Lily's team.")
    assert len(await said_since(team.group, in_group)) == 1  # the receipt is the group's copy
    assert (await logged(world, "episode.not_duplicate"))[0]["episode_id"] == 2
    assert [e.relayed_at is not None for e in await saved(world)] == [True, True]
    assert await said_since(team.mum.private_chat, to_mum) == []  # Anna hears in the group


async def test_an_urgent_episode_shows_the_plan_and_alerts_guardians_privately(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await say(world, team.mum, team.mum.private_chat, "/plan set Buccal midazolam 5 mg. Call 999.")
    to_mum = await team.mum.private_chat.bot_texts()

    receipt = await say(world, team.teacher, team.group, "/e 6m whole body fall")

    lines = receipt.text.splitlines()
    assert lines[0] == "🚨 URGENT: Lily — episode at 09:00"
    assert "Action plan\nBuccal midazolam 5 mg. Call 999." in receipt.text
    [alert] = await said_since(team.mum.private_chat, to_mum)
    assert alert.startswith("🚨 URGENT: Lily") and "Call 999." in alert


async def test_e_alone_opens_the_guided_report(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)

    question = await say(world, team.mum, team.mum.private_chat, "/e")

    assert "When did it start?" in (question.text or "")
    assert await saved(world) == []


async def test_a_parent_of_two_says_which_child_and_the_report_is_not_lost(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await create_team(world, team.mum, "Tom")
    chat = team.mum.private_chat
    async with world.db.transaction() as session:  # Anna has not chosen a default child
        anna = await session.scalar(select(Person).where(Person.first_name == "Anna"))
        anna.default_child_id = None

    which = await say(world, team.mum, chat, "/e 8:55 30s arms")
    receipt = await tap(world, team.mum, chat, which, "Tom")

    assert which.text == "Which child?"
    assert receipt.text.startswith("⚡ Tom — episode at 08:55")
    [episode] = await saved(world)
    assert episode.duration_seconds == 30
