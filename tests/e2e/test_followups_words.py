"""Follow-ups written as people write them, through the real bot: the date anywhere, a time
that was assumed said, and moved from the confirmation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from models import Followup
from tests.e2e.conftest import World
from tests.e2e.teams_steps import say, tap
from tests.e2e.test_followups import at, parent_with_team


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


@pytest.mark.parametrize(
    ("line", "title", "when"),
    [
        ("/followup EEG on 15 jan at 8am", "🧪 EEG", "🗓 Fri 15 Jan, 08:00"),
        ("/followup neurologist next friday at 2pm", "🩺 neurologist", "🗓 Fri 27 Nov, 14:00"),
        ("/followup neuro appt on the 20th at 10:30", "🩺 neuro appt", "🗓 Sun 20 Dec, 10:30"),
        ("/followup 8am EEG on 15 jan", "🧪 EEG", "🗓 Fri 15 Jan, 08:00"),
    ],
)
async def test_the_date_and_time_are_read_anywhere_in_the_line(
    world: World, line: str, title: str, when: str
) -> None:
    mum = await parent_with_team(world)

    saved = await say(world, mum, mum.private_chat, line)

    assert saved.text.splitlines()[:2] == [f"✅ Saved for Lily: {title}", when]
    assert "No time was given" not in saved.text
    assert "🗓 Move" not in saved.labels


async def test_a_time_assumed_is_said_and_moved_from_the_confirmation(world: World) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat

    saved = await say(world, mum, chat, "/remind blood test valproate level in 2 weeks")
    question = await tap(world, mum, chat, saved, "🗓 Move")
    moved = await say(world, mum, chat, "9 Dec 7:45")

    assert saved.text.splitlines()[:3] == [
        "✅ Saved for Lily: 🧪 blood test valproate level",
        "🗓 Wed 9 Dec, 09:00",
        "🕘 No time was given, so it's at 09:00 — tap Move to change it.",
    ]
    assert saved.labels[-2:] == ["🗓 Move", "✖️ Cancel this follow-up"]
    assert question.text.startswith("When is blood test valproate level now?")
    assert moved.text.splitlines()[:2] == [
        "🗓 Moved for Lily: 🧪 blood test valproate level",
        "🗓 Wed 9 Dec, 07:45",
    ]
    async with world.db.open_session() as session:
        assert list(await session.scalars(select(Followup.due_at))) == [at("2026-12-09 07:45")]


async def test_a_bare_hour_that_could_be_night_or_afternoon_is_asked_again(world: World) -> None:
    mum = await parent_with_team(world)

    refusal = await say(world, mum, mum.private_chat, "/followup Dr appointment at 3 tomorrow")

    assert refusal.text.startswith("Is “at 3” in the morning or the afternoon?")
    async with world.db.open_session() as session:
        assert list(await session.scalars(select(Followup))) == []
