"""History end to end: pages of ten, /today, educators' 30 days, and the action plan."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import clock
from bot.clock import FrozenClock
from models import Child, Episode, Person
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team
from tests.e2e.teams_steps import say, tap

pytestmark = pytest.mark.usefixtures("unhurried")


async def _earlier(world: World, *ago: timedelta) -> None:
    """Episodes Anna reported earlier, each 30 s, so long ago."""
    async with world.db.transaction() as session:
        lily = await session.scalar(select(Child))
        anna = await session.scalar(select(Person).where(Person.first_name == "Anna"))
        for gap in ago:
            moment = clock.now() - gap
            session.add(
                Episode(
                    child_id=lily.id,
                    reporter_id=anna.id,
                    occurred_at=moment,
                    duration_seconds=30,
                    created_at=moment,
                    relayed_at=moment,
                )
            )


async def test_history_pages_through_episodes_newest_first(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await _earlier(world, *(timedelta(hours=hours) for hours in range(1, 13)))
    chat = team.mum.private_chat

    first = await say(world, team.mum, chat, "/history")
    second = await tap(world, team.mum, chat, first, "Older ›")
    again = await tap(world, team.mum, chat, second, "‹ Newer")

    assert first.text.splitlines()[:2] == [
        "Lily's episodes, last 7 days (12)",
        "1. Wed 25 Nov 08:00 · 30 s",
    ]
    assert first.text.splitlines()[-1] == "Page 1 of 2"
    assert second.text.splitlines()[1:] == [
        "11. Tue 24 Nov 22:00 · 30 s",
        "12. Tue 24 Nov 21:00 · 30 s",
        "Page 2 of 2",
    ]
    assert again.text == first.text


async def test_educators_see_only_the_last_30_days(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    await _earlier(world, timedelta(days=10), timedelta(days=40))

    teachers = await say(world, team.teacher, team.teacher.private_chat, "/history all")
    mums = await say(world, team.mum, team.mum.private_chat, "/history all")

    assert teachers.text.splitlines()[:2] == [
        "Lily's episodes, all time (1)",
        "You can see the last 30 days.",
    ]
    assert mums.text.splitlines()[0] == "Lily's episodes, all time (2)"


async def test_today_sums_up_the_day(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    await say(world, team.mum, team.group, "/e 7:00 1m arms at home")
    await say(world, team.teacher, team.group, "/e 8:45 45s face school")

    summary = await say(world, team.mum, team.group, "/today")

    assert summary.text.splitlines() == [
        "Lily today: 2 episodes, 1 min 45 s in all",
        "at home 1 · at school 1",
    ]


async def test_the_team_reads_the_plan_a_guardian_wrote(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await say(world, team.mum, team.mum.private_chat, "/plan set Time it. Midazolam at 5 min.")
    await say(world, team.mum, team.mum.private_chat, "/plan threshold 3m")

    read = await say(world, team.teacher, team.group, "/plan")
    refused = await say(world, team.teacher, team.group, "/plan threshold 10m")

    assert read.text.splitlines()[:4] == [
        "Lily's seizure action plan",
        "Time it. Midazolam at 5 min.",
        "",
        "🚨 Reports of 3 min or more, or severe with an injury, are urgent and carry this plan.",
    ]
    assert refused.text == "Only a guardian or a clinician can change the action plan."
