"""A care team's group may be a forum: news goes to General, answers to the asker's topic."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Group
from tests.e2e.conftest import World
from tests.e2e.episode_steps import TEACHER
from tests.e2e.report_steps import next_message
from tests.e2e.teams_steps import create_team, invitation, join, say

pytestmark = pytest.mark.usefixtures("unhurried")


@dataclass
class Forum:
    mum: Actor
    teacher: Actor
    group: Group
    topic: int  # the "Seizures" topic


async def _forum_team(world: World) -> Forum:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await world.sandbox.group("Lily's team", [mum, teacher], forum=True)
    await group.add_bot(by=mum)
    await say(world, mum, group, "/link")
    await join(world, teacher, await invitation(world, mum, TEACHER))
    topic = await group.create_topic("Seizures", by=mum)
    await world.settle()
    return Forum(mum, teacher, group, topic)


async def _asks_in_topic(world: World, forum: Forum, text: str) -> dict:
    seen = len(await forum.group.bot_messages())
    await forum.mum.send(forum.group, text, thread_id=forum.topic)
    return (await next_message(world, forum.group, seen)).raw


async def test_the_teams_news_goes_to_the_general_topic(
    world: World, frozen_clock: FrozenClock
) -> None:
    forum = await _forum_team(world)

    await say(world, forum.teacher, forum.teacher.private_chat, "/e 8:55 30s arms")

    relay = (await forum.group.last_bot_message()).raw
    assert relay["text"].startswith("⚡ Lily — episode at 08:55")
    assert "message_thread_id" not in relay


async def test_a_report_in_a_topic_is_answered_there(
    world: World, frozen_clock: FrozenClock
) -> None:
    forum = await _forum_team(world)

    receipt = await _asks_in_topic(world, forum, "/e 8:55 30s arms")

    assert receipt["text"].endswith("✅ Saved and shared with Lily's team.")
    assert receipt["message_thread_id"] == forum.topic


async def test_an_answer_queued_by_a_flood_limit_goes_to_the_topic_after_retry_after(
    world: World,
) -> None:
    forum = await _forum_team(world)
    world.emulator.limits.configure(per_chat_per_second=1, chat_burst=1)
    await world.app.bot.send_message(forum.group.id, "Another message takes the group's turn.")

    receipt = await _asks_in_topic(world, forum, "/e 8:55 30s arms")

    sends = [
        call
        for call in await world.sandbox.calls("sendMessage")
        if call["chat_id"] == forum.group.id
    ]
    assert [call["status"] for call in sends][-2:] == [429, 200]
    assert sends[-1]["time"] - sends[-2]["time"] >= 1  # Telegram said: retry after 1
    assert receipt["text"].endswith("✅ Saved and shared with Lily's team.")
    assert receipt["message_thread_id"] == forum.topic


async def test_an_alert_too_late_to_show_is_said_in_the_topic(
    world: World, frozen_clock: FrozenClock
) -> None:
    forum = await _forum_team(world)
    receipt = await _asks_in_topic(world, forum, "/e 8:55 30s arms")
    await world.sandbox.set_limits(callback_answer_seconds=0)
    seen = len(await forum.group.bot_messages())

    await forum.mum.press_data(forum.group, receipt["message_id"], "no-such-button", forge=True)
    said = (await next_message(world, forum.group, seen)).raw

    assert (said["text"], said["message_thread_id"]) == ("This button has expired.", forum.topic)
