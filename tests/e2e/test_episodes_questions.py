"""Loose reports end to end (issue 13): saved at once, urgent ones alerted at once, one question.

The clock stands at Wed 25 Nov 2026, 09:00 in London.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.clock import FrozenClock
from models.episode import TimePrecision
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team, logged, said_since, saved
from tests.e2e.teams_steps import answer_to, say, tap

pytestmark = pytest.mark.usefixtures("unhurried")

EMERGENCY = "/e 5 min clonic, gave buccal midazolam 5mg at 3 min"
RESCUE_QUESTION = "“3 min” — is that when the midazolam was given, or how long it lasted?"
EVENING = "/e yesterday evening 2 myoclonic jerks, very tired, late bedtime"


async def test_an_emergency_line_is_saved_alerted_at_once_and_asked_about_once(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    in_group = await team.group.bot_texts()

    receipt = await say(world, team.mum, team.mum.private_chat, EMERGENCY)

    [alert] = await said_since(team.group, in_group)  # before anyone answered anything
    assert alert.startswith("🚨 URGENT: Lily — episode at 09:00")
    assert "💊 Rescue: buccal midazolam 5 mg at 3 min" in alert
    [episode] = await saved(world)
    assert (episode.duration_seconds, episode.relayed_at) == (300, frozen_clock.now())
    assert receipt.text.startswith("🚨 URGENT: Lily — episode at 09:00\n5 min")
    assert receipt.text.endswith(
        "🚨 Saved. The team and every guardian have been alerted.\n\n" + RESCUE_QUESTION
    )
    assert receipt.labels[:2] == ["💊 midazolam given at 3 min", "⏱ It lasted 3 min"]
    assert [line for line in receipt.text.splitlines() if line.endswith("?")] == [RESCUE_QUESTION]


async def test_saying_the_medicine_was_given_at_3_min_keeps_the_five_minutes(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.mum.private_chat, EMERGENCY)
    in_group = await team.group.bot_texts()

    answered = await tap(
        world, team.mum, team.mum.private_chat, receipt, "💊 midazolam given at 3 min"
    )

    assert answered.message_id == receipt.message_id
    assert RESCUE_QUESTION not in answered.text
    assert answered.labels[0] == "↩️ Undo"
    [episode] = await saved(world)
    assert episode.duration_seconds == 300 and "question" not in episode.details
    [event] = await logged(world, "episode.answered")
    assert (event["question"], event["via"]) == ("rescue_time", "button")
    assert await said_since(team.group, in_group) == []  # nothing changed for the team


async def test_saying_it_lasted_3_min_corrects_the_record_and_tells_the_team(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.mum.private_chat, EMERGENCY)
    in_group = await team.group.bot_texts()

    answered = await tap(world, team.mum, team.mum.private_chat, receipt, "⏱ It lasted 3 min")

    assert "\n3 min" in answered.text
    [episode] = await saved(world)
    assert (episode.duration_seconds, episode.rescue_medication) == (180, "buccal midazolam 5 mg")
    [notice] = await said_since(team.group, in_group)
    assert notice.startswith("✏️ Anna corrected a report:") and "3 min" in notice


async def test_yesterday_evening_is_saved_and_one_tap_gives_its_time(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)

    receipt = await say(world, team.teacher, team.teacher.private_chat, EVENING)

    assert receipt.text.startswith("⚡ Lily — episode yesterday evening\n2 jerks")
    assert "“yesterday evening” — about what time?" in receipt.text
    assert receipt.labels[:4] == ["18:00", "20:00", "22:00", "✍️ Type it"]
    [episode] = await saved(world)
    assert episode.time_precision == TimePrecision.PART_OF_DAY and episode.relayed_at is not None

    answered = await tap(world, team.teacher, team.teacher.private_chat, receipt, "22:00")

    assert answered.text.startswith("⚡ Lily — episode yesterday at about 22:00")
    [episode] = await saved(world)
    assert episode.occurred_at == datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    assert episode.time_precision == TimePrecision.ABOUT
    assert episode.text_as_typed == EVENING.removeprefix("/e ")
    assert episode.notes is None and episode.triggers == ["fatigue", "poor_sleep"]


async def test_the_time_can_be_typed_instead(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    chat = team.mum.private_chat
    receipt = await say(world, team.mum, chat, EVENING)

    prompt = await tap(world, team.mum, chat, receipt, "✍️ Type it")
    assert "Type the time it started" in prompt.text and "✍️ Type it" not in prompt.labels
    thanks = await say(world, team.mum, chat, "21:15")

    assert thanks.text == "👍 Thanks, the report is updated."
    card = await chat.current(receipt)
    assert card.text.startswith("⚡ Lily — episode yesterday at 21:15")
    [episode] = await saved(world)
    assert episode.occurred_at == datetime(2026, 11, 24, 21, 15, tzinfo=UTC)
    assert episode.time_precision == TimePrecision.EXACT
    assert (await logged(world, "episode.answered"))[0]["via"] == "typed"


async def test_in_the_group_the_time_is_typed_as_a_reply(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.teacher, team.group, EVENING)
    prompt = await tap(world, team.teacher, team.group, receipt, "✍️ Type it")
    assert "Reply to this message with the time" in prompt.text

    await team.teacher.send(team.group, "around 7", reply_to=prompt)
    await world.settle()

    [episode] = await saved(world)
    assert episode.occurred_at == datetime(2026, 11, 24, 19, 0, tzinfo=UTC)
    assert episode.time_precision == TimePrecision.ABOUT
    card = await team.group.current(receipt)
    assert card.text.startswith("⚡ Lily — episode yesterday at about 19:00")


async def test_a_typed_answer_that_is_no_time_changes_nothing_and_says_why(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    chat = team.mum.private_chat
    receipt = await say(world, team.mum, chat, EVENING)
    await tap(world, team.mum, chat, receipt, "✍️ Type it")

    refusal = await say(world, team.mum, chat, "<b>no idea</b>")

    assert refusal.text.startswith("I couldn't read “<b>no idea</b>” as a time.")
    [episode] = await saved(world)
    assert episode.occurred_at == datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
    assert await logged(world, "episode.answered") == []


async def test_a_school_report_and_a_home_report_two_minutes_apart_are_both_relayed(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world, private_for=("Anna",))
    to_mum = await team.mum.private_chat.bot_texts()

    at_school = await say(world, team.teacher, team.group, "/e 8:58 30s arms at school")
    at_home = await say(world, team.mum, team.mum.private_chat, "/e 9:00 40s arms at home")

    assert at_school.text.endswith("✅ Saved and shared with Lily's team.")
    assert at_home.text.endswith("✅ Saved and shared with Lily's team.")
    assert "same one" not in at_home.text and at_home.labels[0] == "↩️ Undo"
    assert [e.relayed_at is not None for e in await saved(world)] == [True, True]
    heard = await said_since(team.mum.private_chat, to_mum)
    assert heard[0].startswith("⚡ Lily — episode at 08:58")


async def test_an_urgent_second_report_is_alerted_first_and_asked_about_after(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    await say(world, team.mum, team.mum.private_chat, "/e 8:57 30s arms")
    to_mum = await team.mum.private_chat.bot_texts()

    receipt = await say(world, team.teacher, team.group, "/e 6m whole body fall")

    [alert] = await said_since(team.mum.private_chat, to_mum)
    assert alert.startswith("🚨 URGENT: Lily — episode at 09:00")
    assert "Anna reported an episode at 08:57 too. Is it the same one?" in receipt.text
    merged = await tap(world, team.teacher, team.group, receipt, "Yes, the same one")

    assert "The team is told it was one episode." in merged.text
    first, second = await saved(world)
    assert second.merged_into_id == first.id
    [notice] = (await said_since(team.mum.private_chat, to_mum))[1:]
    assert notice.startswith("🔗 Ms Park says their report of Lily's episode at 09:00")


async def test_someone_else_cannot_answer_the_reporters_question(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    receipt = await say(world, team.mum, team.group, EVENING)

    alert = await answer_to(world, team.teacher, team.group, receipt, "ep:1:ans:1.2")

    assert alert == "Only the person who reported it or a guardian can change this episode."
    [episode] = await saved(world)
    assert episode.time_precision == TimePrecision.PART_OF_DAY
    assert await logged(world, "episode.answered") == []


async def test_a_forged_or_stale_answer_button_changes_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    chat = team.mum.private_chat
    receipt = await say(world, team.mum, chat, EVENING)
    await tap(world, team.mum, chat, receipt, "20:00")

    alerts = [
        await answer_to(world, team.mum, chat, receipt, data)
        for data in ("ep:1:ans:1.1", "ep:1:ans:7.0", "ep:1:ans:x.y", "ep:1:typeit:1")
    ]

    assert alerts == ["That's already been answered."] * 2 + [
        "This button has expired.",
        "That's already been answered.",
    ]
    assert len(await logged(world, "episode.answered")) == 1
    [episode] = await saved(world)
    assert episode.occurred_at == datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
