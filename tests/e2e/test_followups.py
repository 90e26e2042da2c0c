"""Follow-ups through the real bot: add, hear of it, list, move, cancel, say how it went."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.client import Actor
from bot.scheduling import DISPATCHER_KEY
from models import Event, Followup, FollowupStatus, Reminder, ReminderStatus
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap
from tests.support.waiting import eventually

REVIEW = "neurology review with Dr Lee at City Hospital"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


def at(text: str) -> datetime:
    """A London wall time as an aware UTC moment."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/London")).astimezone(UTC)


async def time_passes(world: World, clock: FrozenClock, until: str) -> None:
    """Move the clock and wake the scheduler, as its JobQueue job would at a due time."""
    clock.set(at(until))
    await world.app.bot_data[DISPATCHER_KEY].tick()
    await world.settle()


async def parent_with_team(world: World) -> Actor:
    mum = await world.user("Anna")
    await create_team(world, mum)
    return mum


async def followups(world: World) -> list[Followup]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Followup).order_by(Followup.id)))


async def test_a_parent_adds_a_followup_hears_of_it_the_day_before_lists_it_and_cancels_it(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat

    saved = await say(world, mum, chat, f"/followup 2026-12-03 14:30 {REVIEW}")
    await time_passes(world, frozen_clock, "2026-12-02 18:00")
    notice = await chat.last_bot_message()
    listing = await say(world, mum, chat, "/reminders")
    confirm = await tap(world, mum, chat, listing, "✖️ Cancel 1. neurology review…")
    done = await tap(world, mum, chat, confirm, "Yes, cancel it")
    await time_passes(world, frozen_clock, "2026-12-03 20:00")

    assert saved.text == (
        f"✅ Saved for Lily: 🩺 {REVIEW}\n🗓 Thu 3 Dec, 14:30\n"
        "🔔 I'll remind the team the day before at 18:00, 2 hours before."
    )
    assert saved.labels == [
        "➕ A week before",
        "✅ Day before, 18:00",
        "➕ Morning of, 08:00",
        "✅ 2 hours before",
        "➕ 30 min before",
        "➕ At the time",
        "✖️ Cancel this follow-up",
    ]
    assert notice.text == f"🔔 Lily: 🩺 {REVIEW}, tomorrow (Thu 3 Dec) at 14:30"
    assert listing.text == f"Coming up for Lily\n1. 🩺 {REVIEW}\n      Thu 3 Dec, 14:30"
    assert confirm.text == f"Cancel 🩺 {REVIEW} (Thu 3 Dec, 14:30)? The team won't be reminded."
    assert done.text == f"✖️ Cancelled: {REVIEW}. The team won't be reminded."
    assert (await chat.bot_texts())[-1] == done.text  # nothing more: no notice, no question
    assert [f.status for f in await followups(world)] == [FollowupStatus.CANCELLED]


@pytest.mark.parametrize(
    ("line", "title", "when"),
    [
        (f"/followup 2026-12-03 14:30 {REVIEW}", f"🩺 {REVIEW}", "🗓 Thu 3 Dec, 14:30"),
        ("/followup next tuesday 9:00 EEG", "🧪 EEG", "🗓 Tue 1 Dec, 09:00"),
        (
            "/remind every 3 months blood test (valproate levels)",
            "🧪 blood test (valproate levels)",
            "🔁 every 3 months, next Thu 25 Feb, 09:00",
        ),
        ("/remind in 2 hours call the pharmacy", "📌 call the pharmacy", "🗓 Wed 25 Nov, 11:00"),
    ],
)
async def test_a_followup_typed_in_one_line_is_read_in_the_childs_time(
    world: World, line: str, title: str, when: str
) -> None:
    mum = await parent_with_team(world)

    saved = await say(world, mum, mum.private_chat, line)

    assert saved.text.splitlines()[:2] == [f"✅ Saved for Lily: {title}", when]


async def test_a_reminder_for_later_today_is_said_at_its_time(world: World) -> None:
    mum = await parent_with_team(world)

    saved = await say(world, mum, mum.private_chat, "/remind in 2 hours call the pharmacy")

    assert saved.text.splitlines()[2] == "🔔 I'll remind the team at the time."


async def test_a_reminder_in_one_minute_reaches_the_team_when_the_clock_passes_it(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat
    frozen_clock.set(at("2026-11-25 09:00:27.250000"))  # asked between two whole minutes

    saved = await say(world, mum, chat, "/remind in 1 minute call the pharmacy")
    await time_passes(world, frozen_clock, "2026-11-25 09:01:30")

    assert saved.text.splitlines() == [
        "✅ Saved for Lily: 📌 call the pharmacy",
        "🗓 Wed 25 Nov, 09:01",
        "🔔 I'll remind the team at the time.",
    ]
    assert (await chat.last_bot_message()).text == "🔔 Lily: 📌 call the pharmacy, today at 09:01"
    assert [f.due_at for f in await followups(world)] == [at("2026-11-25 09:01")]


async def test_an_appointment_in_some_hours_is_announced_and_asked_about_afterwards(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat
    frozen_clock.set(at("2026-11-25 09:00:41.900000"))

    await say(world, mum, chat, "/followup in 3 hours EEG at City Hospital")
    await time_passes(world, frozen_clock, "2026-11-25 10:00:10")
    notice = await chat.last_bot_message()
    await time_passes(world, frozen_clock, "2026-11-25 14:00:05")
    question = await chat.last_bot_message()
    answered = await tap(world, mum, chat, question, "✅ It happened")

    assert notice.text == "🔔 Lily: 🧪 EEG at City Hospital, today at 12:00"
    assert question.text.startswith(
        "🧪 EEG at City Hospital for Lily was due Wed 25 Nov, 12:00. Did it happen?"
    )
    assert answered.text.startswith(
        "✅ Noted by Anna: EEG at City Hospital (Wed 25 Nov, 12:00) happened."
    )
    assert [f.status for f in await followups(world)] == [FollowupStatus.DONE]


async def test_a_date_already_past_is_refused_with_the_date_it_read(world: World) -> None:
    mum = await parent_with_team(world)

    refusal = await say(world, mum, mum.private_chat, "/followup 2026-11-20 10:00 EEG")

    assert refusal.text.startswith("That time has already passed: Friday 20 November 2026, 10:00.")
    assert await followups(world) == []


async def test_the_guided_flow_asks_what_then_when(world: World) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat

    kinds = await say(world, mum, chat, "/followup")
    when = await tap(world, mum, chat, kinds, "EEG")
    saved = await say(world, mum, chat, "tue 14:30 at City Hospital")

    assert kinds.text == "What is the follow-up for Lily?"
    assert kinds.labels == ["Neurology review", "EEG", "Blood test", "Something else", "Cancel"]
    assert when.text.startswith("When is the EEG? Type the day and time")
    assert saved.text.splitlines()[:2] == [
        "✅ Saved for Lily: 🧪 EEG at City Hospital",
        "🗓 Tue 1 Dec, 14:30",
    ]


async def test_a_followup_is_moved_from_the_list(world: World) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat
    await say(world, mum, chat, "/followup 3 Dec 14:30 EEG")
    listing = await say(world, mum, chat, "/reminders")

    question = await tap(world, mum, chat, listing, "🗓 Move 1. EEG")
    moved = await say(world, mum, chat, "10 Dec 10:00")

    assert question.text.startswith("When is EEG now?")
    assert moved.text.splitlines()[:2] == ["🗓 Moved for Lily: 🧪 EEG", "🗓 Thu 10 Dec, 10:00"]
    async with world.db.open_session() as session:
        notices = await session.scalars(
            select(Reminder.due_at)
            .where(Reminder.status == ReminderStatus.PENDING, Reminder.kind == "followup.notice")
            .order_by(Reminder.due_at)
        )
        assert list(notices) == [at("2026-12-09 18:00"), at("2026-12-10 08:00")]


async def test_after_the_appointment_a_parent_says_it_happened_and_it_is_logged(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await parent_with_team(world)
    chat = mum.private_chat
    await say(world, mum, chat, "/followup 3 Dec 14:30 EEG")

    await time_passes(world, frozen_clock, "2026-12-03 16:30")
    question = await chat.last_bot_message()
    answered = await tap(world, mum, chat, question, "✅ It happened")

    assert question.text.startswith("🧪 EEG for Lily was due Thu 3 Dec, 14:30. Did it happen?")
    assert "record it with /med change" in question.text
    assert question.labels == ["✅ It happened", "🗓 It was moved", "❌ It was missed"]
    assert answered.text.startswith("✅ Noted by Anna: EEG (Thu 3 Dec, 14:30) happened.")
    async with world.db.open_session() as session:
        event = await session.scalar(select(Event).where(Event.kind == "followup.answered"))
        assert event.payload["outcome"] == "happened"


async def test_in_the_team_group_the_notices_reach_the_group_and_a_teacher_may_not_add_any(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await parent_with_team(world)
    teacher = await world.user("Ms Park")
    token = await invitation(world, mum, "🏫 Teacher or educator")
    await join(world, teacher, token)
    group = await linked_group(world, mum, "Lily's team", [teacher])

    saved = await say(world, mum, group, "/followup 3 Dec 14:30 EEG")
    refusal = await say(world, teacher, group, "/followup 4 Dec 10:00 bloods")
    await time_passes(world, frozen_clock, "2026-12-02 18:00")

    assert saved.text.startswith("✅ Saved for Lily: 🧪 EEG")
    assert refusal.text == (
        "Only a guardian, a caregiver or a clinician can manage follow-up reminders."
    )
    assert (await group.last_bot_message()).text == "🔔 Lily: 🧪 EEG, tomorrow (Thu 3 Dec) at 14:30"


async def test_a_notice_due_while_the_bot_was_down_is_sent_late_when_it_starts_again(
    emulator: Emulator, db_url: str, frozen_clock: FrozenClock
) -> None:
    settings = sandbox_settings(emulator, db_url)
    async with SandboxClient(emulator.url) as sandbox:
        first = Runtime(settings, Database(db_url))
        async with running_bot(first, poll_timeout=1) as app:
            world = World(sandbox, emulator, first, app)
            await sandbox.set_limits(per_chat_per_second=None)
            mum = await parent_with_team(world)
            await say(world, mum, mum.private_chat, "/followup 26 Nov 14:30 EEG")
        await first.db.dispose()
        frozen_clock.set(at("2026-11-25 20:00"))  # down from 09:00 to 20:00, past the 18:00 notice

        second = Runtime(settings, Database(db_url))
        async with running_bot(second, poll_timeout=1) as app:
            late = await _first_message_starting(World(sandbox, emulator, second, app), mum, "⏰")
        await second.db.dispose()

    assert (
        late
        == "⏰ Late reminder, was due Wed 18:00: 🔔 Lily: 🧪 EEG, tomorrow (Thu 26 Nov) at 14:30"
    )


async def _first_message_starting(world: World, person: Actor, start: str) -> str:
    """Wait (no one ticks: the start-up sweep alone must do it) for a message starting so."""

    async def found() -> str | None:
        await world.settle()
        texts = await person.private_chat.bot_texts()
        return next((text for text in texts if text.startswith(start)), None)

    return await eventually(found, timeout=10, what=f"a message starting with {start!r}")
