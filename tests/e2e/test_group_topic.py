"""A guardian chooses the forum topic of the team's news with /topic, run inside it."""

from __future__ import annotations

import pytest

from bot.clock import FrozenClock
from tests.e2e.conftest import World
from tests.e2e.room_steps import RELAY
from tests.e2e.teams_steps import say
from tests.e2e.test_forum_topics import Forum, _forum_team

pytestmark = pytest.mark.usefixtures("unhurried")


async def _topic_command(world: World, forum: Forum, thread: int | None) -> str:
    await forum.mum.send(forum.group, "/topic", thread_id=thread)
    await world.settle()
    return (await forum.group.last_bot_message()).text or ""


async def _last_relay(world: World, forum: Forum) -> dict:
    await say(world, forum.teacher, forum.teacher.private_chat, "/e 8:55 30s arms")
    relays = [m for m in await forum.group.bot_messages() if (m.text or "").startswith(RELAY)]
    return relays[-1].raw


async def test_news_goes_to_the_topic_a_guardian_chose_inside_it(
    world: World, frozen_clock: FrozenClock
) -> None:
    forum = await _forum_team(world)

    answer = await _topic_command(world, forum, forum.topic)
    relay = await _last_relay(world, forum)

    assert answer == "News about Lily will go to this topic."
    assert relay["message_thread_id"] == forum.topic


async def test_topic_sent_in_general_brings_the_news_back_to_general(
    world: World, frozen_clock: FrozenClock
) -> None:
    forum = await _forum_team(world)
    await _topic_command(world, forum, forum.topic)

    answer = await _topic_command(world, forum, None)
    relay = await _last_relay(world, forum)

    assert answer.startswith("News about Lily will go to the General topic.")
    assert "message_thread_id" not in relay


async def test_only_a_guardian_chooses_the_topic(world: World, frozen_clock: FrozenClock) -> None:
    forum = await _forum_team(world)

    await forum.teacher.send(forum.group, "/topic", thread_id=forum.topic)
    await world.settle()
    relay = await _last_relay(world, forum)

    assert "message_thread_id" not in relay
    answers = await forum.group.bot_texts()
    assert not any(text == "News about Lily will go to this topic." for text in answers)
