"""The seizure timer end to end: a live message, the alert with the plan, exact stops, restarts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import clock
from bot.clock import FrozenClock
from bot.handlers.timer import tick
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import Child, Episode, EpisodeKind, Timer, TimerStatus
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.e2e.report_steps import answer_to, press, send
from tests.e2e.teams_steps import create_team, invitation, join, linked_group

GUARDIAN = "👪 Parent or guardian"
PLAN = "Give buccal midazolam 5 mg, then call 112."


pytestmark = pytest.mark.usefixtures("unhurried")


async def _time_passes(world: World, frozen_clock: FrozenClock, **delta: float) -> None:
    """Move the clock on and let the ticker catch up, as its every-second beat would."""
    frozen_clock.advance(timedelta(**delta))
    await tick(world.runtime, world.app.bot)
    await world.settle()


async def _with_plan(world: World) -> None:
    async with world.db.transaction() as session:
        child = await session.scalar(select(Child))
        assert child is not None
        child.action_plan = PLAN


async def _episodes(world: World) -> list[Episode]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Episode)))


async def test_the_timer_counts_up_in_one_message(world: World, frozen_clock: FrozenClock) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    started = await send(world, mum, mum.private_chat, "/timer")

    await _time_passes(world, frozen_clock, seconds=10)
    later = await mum.private_chat.current(started)

    assert started.text.startswith("⏱ 0:00 — seizure timer for Lily")
    assert started.labels == ["⏹ Stop", "✖️ Cancel"]
    assert later.text.startswith("⏱ 0:10 — seizure timer for Lily")


async def test_at_the_threshold_the_team_is_alerted_with_the_action_plan(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum, dad = await world.user("Anna"), await world.user("Ben")
    await create_team(world, mum)
    await join(world, dad, await invitation(world, mum, GUARDIAN))
    group = await linked_group(world, mum, "Family", [dad])
    await _with_plan(world)
    started = await send(world, mum, mum.private_chat, "/timer")

    await _time_passes(world, frozen_clock, minutes=4, seconds=59)
    early = await group.last_bot_message()
    await _time_passes(world, frozen_clock, seconds=1)

    alert = await group.last_bot_message()
    assert "seizure still going" not in (early.text or "")
    assert alert.text.startswith("🚨 Lily: seizure still going after 5:00")
    assert alert.text.endswith(f"Action plan:\n{PLAN}")
    assert (await dad.private_chat.last_bot_message()).text == alert.text
    timer_message = await mum.private_chat.current(started)
    assert "🚨 Past 5:00: the team has been alerted." in timer_message.text
    assert PLAN in timer_message.text


async def test_stop_records_the_exact_duration(world: World, frozen_clock: FrozenClock) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    started = await send(world, mum, chat, "/timer")
    began = clock.now()
    frozen_clock.advance(timedelta(minutes=2, seconds=14))

    stopped = await press(world, mum, chat, started, "⏹ Stop")
    saved = await press(world, mum, chat, stopped, "✅ Save now")

    assert "⏹ Timer stopped at 2:14." in stopped.text
    assert "✅ Saved" in saved.text
    [episode] = await _episodes(world)
    assert (episode.duration_seconds, episode.occurred_at, episode.source) == (134, began, "timer")


async def test_after_stopping_the_details_continue_with_what_it_looked_like(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    started = await send(world, mum, chat, "/timer")
    frozen_clock.advance(timedelta(seconds=48))
    stopped = await press(world, mum, chat, started, "⏹ Stop")

    kind = await press(world, mum, chat, stopped, "📝 Add details")
    for label in ("Whole-body seizure", "Whole body", "✅ Done", "Severe"):
        kind = await press(world, mum, chat, kind, label)
    for label in ("Skip ➡️", "Skip ➡️", "Diazepam", "✅ Save"):
        kind = await press(world, mum, chat, kind, label)

    [episode] = await _episodes(world)
    assert (episode.kind, episode.body_parts, episode.duration_seconds) == (
        EpisodeKind.GENERALIZED, ["whole_body"], 48,
    )  # fmt: skip
    assert (episode.rescue_medication, episode.source) == ("diazepam", "timer")


async def test_cancel_stops_the_timer_and_saves_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    started = await send(world, mum, mum.private_chat, "/timer")

    cancelled = await press(world, mum, mum.private_chat, started, "✖️ Cancel")
    await _time_passes(world, frozen_clock, minutes=6)

    assert cancelled.text == "Timer cancelled — nothing was saved."
    assert await _episodes(world) == []
    assert "seizure still going" not in "".join(
        m.text or "" for m in await mum.private_chat.messages()
    )


async def test_it_is_happening_now_turns_the_report_into_a_timer(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    question = await send(world, mum, mum.private_chat, "/episode")

    live = await press(world, mum, mum.private_chat, question, "⏱ Happening now — start timer")

    assert live.text.startswith("⏱ 0:00 — seizure timer for Lily")
    async with world.db.open_session() as session:
        running = await session.scalar(select(Timer))
    assert running is not None and running.message_id == question.message_id


async def test_the_seizure_timer_button_starts_a_timer(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)

    started = await send(world, mum, mum.private_chat, "⏱ Seizure timer")

    assert started.text.startswith("⏱ 0:00 — seizure timer for Lily")


async def test_a_second_timer_for_the_same_child_points_to_the_first(world: World) -> None:
    mum, dad = await world.user("Anna"), await world.user("Ben")
    await create_team(world, mum)
    await join(world, dad, await invitation(world, mum, GUARDIAN))
    group = await linked_group(world, mum, "Family", [dad])
    await send(world, mum, group, "/timer")

    refusal = await send(world, dad, group, "/timer")

    assert refusal.text.startswith("⏱ Anna started a timer 0:")
    assert "still running" in refusal.text


async def test_a_timer_keeps_running_through_a_restart(
    emulator: Emulator, db_url: str, frozen_clock: FrozenClock
) -> None:
    settings = sandbox_settings(emulator, db_url)
    async with SandboxClient(emulator.url) as sandbox:
        first = Runtime(settings, Database(db_url))
        async with running_bot(first, poll_timeout=1) as app:
            world = World(sandbox, emulator, first, app)
            await sandbox.set_limits(per_chat_per_second=None)
            mum = await world.user("Anna")
            await create_team(world, mum)
            await _with_plan(world)
            started = await send(world, mum, mum.private_chat, "/timer")
        await first.db.dispose()
        frozen_clock.advance(timedelta(minutes=6))

        second = Runtime(settings, Database(db_url))
        async with running_bot(second, poll_timeout=1) as app:
            world = World(sandbox, emulator, second, app)
            await _time_passes(world, frozen_clock, seconds=1)
            alert = await mum.private_chat.last_bot_message()
            stopped = await press(world, mum, mum.private_chat, started, "⏹ Stop")
            async with second.db.open_session() as session:
                timers = list(await session.scalars(select(Timer)))
        await second.db.dispose()

    # The alert goes out at the first tick after the restart: at 6:00, or at 6:01 if the
    # test's own tick comes first.
    assert re.match(r"🚨 Lily: seizure still going after 6:0[01]\n", alert.text)
    assert "⏹ Timer stopped at 6:01." in stopped.text
    assert [t.status for t in timers] == [TimerStatus.STOPPED]


async def test_someone_not_on_the_team_cannot_stop_the_timer(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum, sam = await world.user("Anna"), await world.user("Sam")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [sam])
    started = await send(world, mum, group, "/timer")

    answer = (await answer_to(world, await sam.press(group, started, "⏹ Stop")))["text"]

    assert answer == "You're not on this child's care team. Ask a guardian for an invitation."
    assert (await group.current(started)).buttons == started.buttons


async def test_help_lists_the_timer_for_the_team(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)

    help_text = (await send(world, mum, mum.private_chat, "/help")).text

    assert "/timer — time a seizure; the team is alerted at the emergency threshold" in help_text
