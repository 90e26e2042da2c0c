"""The guided episode report end to end: buttons, Back, Skip, Cancel, timeouts, restarts, groups."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import Episode, EpisodeKind, Intensity, Person
from models.episode import DurationBound
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.e2e.report_steps import answer_to, next_message, press, presses, send
from tests.e2e.teams_steps import create_team, invitation, join, linked_group

GUARDIAN = "👪 Parent or guardian"
NO_DETAILS = ["Skip ➡️"] * 5  # body, intensity, setting, triggers, rescue


pytestmark = pytest.mark.usefixtures("unhurried")


async def _episodes(world: World) -> list[Episode]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Episode).order_by(Episode.id)))


async def _reporter(world: World, episode: Episode) -> str:
    async with world.db.open_session() as session:
        return (await session.get_one(Person, episode.reporter_id)).first_name


async def test_a_parent_reports_an_episode_with_buttons_in_one_message(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")

    last = await presses(
        world, mum, chat, question,
        "15 min ago", "10–30 s", "Cluster of jerks", "Arms", "Legs", "✅ Done", "Mild",
        "🏠 Home", "Tired", "✅ Done", "Midazolam",
    )  # fmt: skip
    saved = await press(world, mum, chat, last, "✅ Save")

    assert question.text == "📝 Episode report — Lily\n\nWhen did it start?"
    assert last.message_id == question.message_id
    assert last.text.endswith("Type a note or send a photo or video — or tap Save.")
    assert "🚨 Saved" in saved.text  # rescue medicine was given: the team is alerted (issue 13)
    [episode] = await _episodes(world)
    assert (episode.kind, episode.body_parts) == (EpisodeKind.CLUSTER, ["arms", "legs"])
    assert (episode.duration_seconds, episode.duration_max_seconds, episode.duration_bound) == (
        10, 30, DurationBound.RANGE,
    )  # fmt: skip
    assert (episode.intensity, episode.setting, episode.triggers) == (
        Intensity.MILD, "home", ["fatigue"],
    )  # fmt: skip
    assert (episode.rescue_medication, episode.source) == ("midazolam", "wizard")


async def test_back_goes_to_the_previous_question(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")
    kind = await presses(world, mum, chat, question, "Just now", "Under 10 s")

    back = await press(world, mum, chat, kind, "⬅️ Back")

    assert kind.text.endswith("What did it look like?")
    assert back.text.endswith("How long did it last?")
    assert "⏳ Under 10 s" in back.text


async def test_skipping_every_detail_saves_the_essentials(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")

    notes = await presses(world, mum, chat, question, "Just now", "Don't know", "Fall or drop")
    await presses(world, mum, chat, notes, *NO_DETAILS, "✅ Save")

    [episode] = await _episodes(world)
    assert (episode.kind, episode.duration_seconds) == (EpisodeKind.FALL, None)
    assert (episode.body_parts, episode.setting, episode.notes) == ([], None, None)


async def test_cancel_saves_nothing(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")

    cancelled = await presses(world, mum, chat, question, "5 min ago", "✖️ Cancel")

    assert cancelled.text == "OK — nothing was saved." and cancelled.buttons == []
    assert await _episodes(world) == []


async def test_an_abandoned_report_times_out_quietly_after_15_minutes(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    duration = await press(world, mum, chat, await send(world, mum, chat, "/episode"), "Just now")
    before = await chat.bot_texts()

    frozen_clock.advance(timedelta(minutes=15))
    answer = await answer_to(world, await mum.press(chat, duration, "Under 10 s"))

    assert answer["text"] == "That question has timed out. Please start again."
    assert await chat.bot_texts() == before
    assert await _episodes(world) == []


async def test_a_typed_time_and_a_typed_note_finish_the_report(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")
    typing = await press(world, mum, chat, question, "⌨️ Type a time")

    duration = await send(world, mum, chat, "yesterday 21:15")
    notes = await presses(world, mum, chat, duration, "Over 5 min", "Whole-body seizure")
    notes = await presses(world, mum, chat, notes, *NO_DETAILS)
    await send(world, mum, chat, "lips went blue")
    receipt, offer = (await chat.bot_texts())[-2:]

    assert "Type when it started" in typing.text
    assert duration.text.endswith("How long did it last?") and "21:15" in duration.text
    assert notes.text.endswith("or tap Save.")
    assert "📝 lips went blue" in receipt and "Saved" in receipt
    assert offer.startswith("Next time, just tap 📝 Report episode")
    [episode] = await _episodes(world)
    assert episode.occurred_at.strftime("%H:%M") == "21:15"
    assert (episode.notes, episode.duration_seconds) == ("lips went blue", 300)


async def test_a_photo_is_kept_with_the_report(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")
    notes = await presses(world, mum, chat, question, "Just now", "Under 10 s", "Single jerk")
    await presses(world, mum, chat, notes, *NO_DETAILS)
    seen = len(await chat.bot_messages())

    await mum.send_photo(chat, caption="right after")
    await next_message(world, chat, seen)

    [episode] = await _episodes(world)
    assert episode.notes == "right after"
    assert len(episode.attachment_file_ids) == 1


async def test_the_report_button_stays_under_the_chat_after_the_first_report(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    question = await send(world, mum, chat, "/episode")
    notes = await presses(world, mum, chat, question, "Just now", "Under 10 s", "Single jerk")
    await presses(world, mum, chat, notes, *NO_DETAILS, "✅ Save")
    offer = await chat.last_bot_message()

    again = await send(world, mum, chat, "📝 Report episode")

    assert offer.text.startswith("Next time, just tap 📝 Report episode")
    assert offer.raw["reply_markup"]["keyboard"] == [
        [{"text": "📝 Report episode"}, {"text": "⏱ Seizure timer"}]
    ]
    assert offer.raw["reply_markup"]["is_persistent"] is True
    assert again.text.endswith("When did it start?")


async def test_typing_report_episode_without_the_emoji_also_starts_a_report(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)

    question = await send(world, mum, mum.private_chat, "Report episode")

    assert question.text.endswith("When did it start?")


async def test_two_parents_reporting_at_once_in_the_group_do_not_cross(world: World) -> None:
    mum, dad = await world.user("Anna"), await world.user("Ben")
    await create_team(world, mum)
    await join(world, dad, await invitation(world, mum, GUARDIAN))
    group = await linked_group(world, mum, "Family", [dad])
    mums = await send(world, mum, group, "/episode")
    dads = await send(world, dad, group, "/episode")

    mums = await presses(world, mum, group, mums, "5 min ago", "1–5 min")
    refusal = await answer_to(world, await dad.press(group, mums, "Single jerk"))
    dads = await presses(world, dad, group, dads, "Just now", "Under 10 s", "Single jerk")
    await presses(world, dad, group, dads, *NO_DETAILS, "✅ Save")
    await presses(world, mum, group, mums, "Fall or drop", *NO_DETAILS, "✅ Save")

    assert refusal["text"] == "This is Anna's report. To report yourself, send /episode."
    reports = {
        await _reporter(world, e): (e.kind, e.duration_seconds, e.duration_max_seconds)
        for e in await _episodes(world)
    }
    assert reports == {
        "Anna": (EpisodeKind.FALL, 60, 300),  # 1–5 min
        "Ben": (EpisodeKind.SINGLE_JERK, None, 10),  # under 10 s
    }


async def test_in_the_group_the_time_is_typed_as_a_reply(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])
    question = await send(world, mum, group, "/episode")
    typing = await press(world, mum, group, question, "⌨️ Type a time")

    duration = await send(world, mum, group, "08:40", reply_to=typing)

    assert "Reply to this message with when it started" in typing.text
    assert duration.text.endswith("How long did it last?") and "08:40" in duration.text


async def test_a_restart_in_the_middle_of_a_report_loses_nothing(
    emulator: Emulator, db_url: str
) -> None:
    settings = sandbox_settings(emulator, db_url)
    async with SandboxClient(emulator.url) as sandbox:
        first = Runtime(settings, Database(db_url))
        async with running_bot(first, poll_timeout=1) as app:
            world = World(sandbox, emulator, first, app)
            await sandbox.set_limits(per_chat_per_second=None)
            mum = await world.user("Anna")
            await create_team(world, mum)
            chat = mum.private_chat
            question = await send(world, mum, chat, "/episode")
            kind = await presses(world, mum, chat, question, "1 hour ago", "30 s – 1 min")
        await first.db.dispose()

        second = Runtime(settings, Database(db_url))
        async with running_bot(second, poll_timeout=1) as app:
            world = World(sandbox, emulator, second, app)
            notes = await press(world, mum, chat, kind, "Absence, staring")
            saved = await presses(world, mum, chat, notes, *NO_DETAILS, "✅ Save")
            [episode] = await _episodes(world)
        await second.db.dispose()

    assert notes.text.endswith("Where on the body? Tap all that apply.")
    assert "✅ Saved" in saved.text
    assert (episode.kind, episode.duration_seconds, episode.duration_max_seconds) == (
        EpisodeKind.ABSENCE, 30, 60,
    )  # fmt: skip
