"""Dose reminders through the real bot: to the right people, first answer everywhere, escalation."""

from __future__ import annotations

import pytest

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Message
from tests.e2e.conftest import World
from tests.e2e.medication_steps import Family, at, dose_logs, lily_family, med, time_passes
from tests.e2e.teams_steps import answer_to, say, tap

TWICE_DAILY = "start levetiracetam 250 mg 08:00 20:00"
REMINDER = "💊 20:00 dose for Lily\nlevetiracetam 250 mg"
BUTTONS = ["✅ Given", "⏭ Skipped", "⏰ 15 min"]


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def reminders(person: Actor) -> list[Message]:
    """The dose reminders ``person`` got privately."""
    messages = await person.private_chat.bot_messages()
    return [m for m in messages if "dose for Lily" in (m.text or "")]


async def evening_reminders(world: World, clock: FrozenClock) -> Family:
    """Lily takes levetiracetam twice a day; time passes to the 20:00 dose."""
    family = await lily_family(world)
    await med(world, family.mum, family.group, TWICE_DAILY)
    await time_passes(world, clock, "2026-11-25 20:00")
    return family


async def test_the_evening_dose_reminds_both_parents_privately_and_nobody_else(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await evening_reminders(world, frozen_clock)

    for parent in (family.mum, family.dad):
        [reminder] = await reminders(parent)
        assert (reminder.text, reminder.labels) == (REMINDER, BUTTONS)
    assert await reminders(family.teacher) == await reminders(family.doctor) == []
    assert not [text for text in await family.group.bot_texts() if "dose for Lily" in text]


async def test_the_first_given_shows_on_every_copy(world: World, frozen_clock: FrozenClock) -> None:
    family = await evening_reminders(world, frozen_clock)
    [mums], [dads] = await reminders(family.mum), await reminders(family.dad)
    frozen_clock.set(at("2026-11-25 20:05"))

    await tap(world, family.mum, family.mum.private_chat, mums, "✅ Given")

    outcome = "💊 20:00 dose for Lily: levetiracetam 250 mg\n✅ Given by Anna at 20:05"
    for parent, copy in ((family.mum, mums), (family.dad, dads)):
        now = await parent.private_chat.current(copy)
        assert (now.text, now.buttons) == (outcome, [])
    assert await dose_logs(world) == [("Wed 20:00", "given")]


async def test_a_second_given_from_a_stale_copy_says_who_gave_it_first(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await evening_reminders(world, frozen_clock)
    [mums], [dads] = await reminders(family.mum), await reminders(family.dad)
    frozen_clock.set(at("2026-11-25 20:05"))
    await tap(world, family.mum, family.mum.private_chat, mums, "✅ Given")

    alert = await answer_to(
        world, family.dad, family.dad.private_chat, dads, dads.button_data("✅ Given")
    )

    assert alert == "Already given by Anna at 20:05."
    assert await dose_logs(world) == [("Wed 20:00", "given")]


async def test_no_answer_reminds_again_after_half_an_hour(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await evening_reminders(world, frozen_clock)

    await time_passes(world, frozen_clock, "2026-11-25 20:30")

    for parent in (family.mum, family.dad):
        first, again = await reminders(parent)
        assert again.text == "🔔 Still open: 20:00 dose for Lily\nlevetiracetam 250 mg"
        assert first.labels == again.labels == BUTTONS


async def test_after_an_hour_the_dose_is_missed_and_the_group_can_acknowledge(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await evening_reminders(world, frozen_clock)

    await time_passes(world, frozen_clock, "2026-11-25 21:05")
    alert = await family.group.last_bot_message()
    seen = await tap(world, family.teacher, family.group, alert, "👀 Acknowledge")

    missed = "💊 20:00 dose for Lily: levetiracetam 250 mg\n❌ Missed: nobody answered by 21:00"
    for parent in (family.mum, family.dad):
        assert [(m.text, m.buttons) for m in await reminders(parent)] == [(missed, [])] * 2
    assert alert.text == (
        "❌ Missed dose for Lily\n"
        "levetiracetam 250 mg at 20:00: nobody recorded it within 60 minutes."
    )
    assert alert.labels == ["✅ It was given", "👀 Acknowledge"]
    assert seen.text.endswith("\n👀 Seen by Ms Park at 21:05")
    assert seen.labels == ["✅ It was given"]
    assert await dose_logs(world) == [("Wed 20:00", "missed")]


async def test_a_missed_dose_given_after_all_is_recorded_late(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await evening_reminders(world, frozen_clock)
    await time_passes(world, frozen_clock, "2026-11-25 21:10")
    alert = await family.group.last_bot_message()

    given = await tap(world, family.dad, family.group, alert, "✅ It was given")

    assert given.text.endswith("\n✅ Given by Ben at 21:10 (1 h 10 min after its time)")
    assert await dose_logs(world) == [("Wed 20:00", "given")]


async def test_snooze_reminds_again_in_15_minutes(world: World, frozen_clock: FrozenClock) -> None:
    family = await evening_reminders(world, frozen_clock)
    [mums] = await reminders(family.mum)

    snoozed = await tap(world, family.mum, family.mum.private_chat, mums, "⏰ 15 min")
    await time_passes(world, frozen_clock, "2026-11-25 20:16")

    assert snoozed.text == f"{REMINDER}\n⏰ Anna snoozed it until 20:15."
    assert (await reminders(family.mum))[-1].text.startswith("⏰ Snoozed: 20:00 dose for Lily")
    assert len(await reminders(family.dad)) == 1


async def test_the_school_dose_goes_to_the_teacher(world: World, frozen_clock: FrozenClock) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, "start valproate 5 ml 08:00 12:30 20:00")

    who = await med(world, family.mum, family.group, "who 12:30 educator")
    await time_passes(world, frozen_clock, "2026-11-25 12:30")

    assert who.text.splitlines()[1:4] == [
        "08:00: Anna, Ben (default)",
        "12:30: Ms Park",
        "20:00: Anna, Ben (default)",
    ]
    [school] = [m for m in await reminders(family.teacher) if "12:30" in (m.text or "")]
    assert school.text == "💊 12:30 dose for Lily\nvalproate 5 ml"
    assert not [m for m in await reminders(family.mum) if "12:30" in (m.text or "")]


async def test_new_times_move_the_reminders_at_once(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, TWICE_DAILY)

    await med(world, family.mum, family.group, "change levetiracetam 07:30 19:30")
    await time_passes(world, frozen_clock, "2026-11-25 20:15")

    assert [m.text.splitlines()[0] for m in await reminders(family.mum)] == [
        "💊 19:30 dose for Lily",
        "🔔 Still open: 19:30 dose for Lily",
    ]


async def test_a_stopped_medicine_gets_no_more_reminders(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, TWICE_DAILY)

    await med(world, family.mum, family.group, "stop levetiracetam reason rash", confirm=True)
    await time_passes(world, frozen_clock, "2026-11-26 21:00")

    assert await reminders(family.mum) == []


async def test_todays_doses_show_what_became_of_each(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await med(world, family.mum, family.group, "start levetiracetam 250 mg 08:00 12:30 20:00")
    await time_passes(world, frozen_clock, "2026-11-26 08:02")
    await tap(
        world, family.dad, family.dad.private_chat, (await reminders(family.dad))[-1], "✅ Given"
    )
    await time_passes(world, frozen_clock, "2026-11-26 12:40")

    today = await say(world, family.teacher, family.group, "/doses")

    assert today.text == (
        "💊 Lily's doses today (Thu 26 Nov 2026)\n"
        "08:00 levetiracetam 250 mg — ✅ given by Ben at 08:02\n"
        "12:30 levetiracetam 250 mg — 🔔 waiting for an answer\n"
        "20:00 levetiracetam 250 mg — ⏳ to come"
    )


async def test_adherence_counts_a_known_sequence(world: World, frozen_clock: FrozenClock) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    await med(world, family.mum, family.group, TWICE_DAILY)
    await time_passes(world, frozen_clock, "2026-11-25 20:05")
    await tap(world, family.mum, chat, (await reminders(family.mum))[-1], "✅ Given")
    await time_passes(world, frozen_clock, "2026-11-26 08:40")
    await tap(world, family.mum, chat, (await reminders(family.mum))[-1], "✅ Given")
    await time_passes(world, frozen_clock, "2026-11-26 20:10")
    await tap(world, family.mum, chat, (await reminders(family.mum))[-1], "⏭ Skipped")
    await time_passes(world, frozen_clock, "2026-11-27 10:00")

    report = await say(world, family.doctor, family.doctor.private_chat, "/adherence 30d")

    assert report.text == (
        "📊 Lily's doses, last 30 days (Wed 28 Oct 2026 – Fri 27 Nov 2026)\n"
        "levetiracetam: 4 doses\n"
        "✅ given 1 (25%) · 🕒 late 1 (25%) · ⏭ skipped 1 (25%) · ❌ missed 1 (25%)"
    )
