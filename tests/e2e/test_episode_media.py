"""A parent films an episode for the neurologist: the video is kept with the report and listed.

Videos (and round video notes, photos, voice messages) sent at the guided report's last
step are saved with the episode; every view of the record says what is attached.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.sandbox.client import Actor, Chat, Message
from models import Episode
from tests.e2e.conftest import World
from tests.e2e.report_steps import next_message, presses, send
from tests.e2e.teams_steps import create_team, linked_group, say, tap

NO_DETAILS = ["Skip ➡️"] * 5  # body, intensity, setting, triggers, rescue

pytestmark = pytest.mark.usefixtures("unhurried")


async def _at_the_notes_step(world: World, mum: Actor, chat: Chat) -> Message:
    question = await send(world, mum, chat, "/episode")
    notes = await presses(world, mum, chat, question, "Just now", "1–5 min", "Cluster of jerks")
    return await presses(world, mum, chat, notes, *NO_DETAILS)


async def _episodes(world: World) -> list[Episode]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Episode).order_by(Episode.id)))


async def _receipt(world: World, chat: Chat, seen: int) -> Message:
    """The bot's receipt of the saved report, once it has answered (a tip may follow it)."""
    await next_message(world, chat, seen)
    return next(m for m in reversed(await chat.bot_messages()) if "Saved" in (m.text or ""))


async def _file_of(chat: Chat, message_id: int, kind: str) -> str:
    [sent] = [m for m in await chat.messages() if m.message_id == message_id]
    return sent.raw[kind]["file_id"]


async def test_a_filmed_episode_keeps_its_video_and_every_view_lists_it(world: World) -> None:
    mum, dad = await world.user("Anna"), await world.user("Ben", started=False)
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [dad])
    chat = mum.private_chat
    await _at_the_notes_step(world, mum, chat)
    seen = len(await chat.bot_messages())

    sent = await mum.send_video(chat, caption="filmed from the start", duration=95)
    receipt = await _receipt(world, chat, seen)

    [episode] = await _episodes(world)
    assert episode.attachment_file_ids == [await _file_of(chat, sent, "video")]
    assert episode.notes == "filmed from the start"
    assert "📎 video" in receipt.text.splitlines()
    relay = await group.last_bot_message()
    assert "📎 video" in relay.text.splitlines()
    listing = await say(world, mum, chat, "/history")
    record = await tap(world, mum, chat, listing, "1")
    assert "📎 video" in record.text.splitlines()


async def test_a_round_video_replied_in_the_group_is_kept(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])
    question = await _at_the_notes_step(world, mum, group)
    seen = len(await group.bot_messages())

    sent = await mum.send_video_note(group, reply_to=question.message_id, duration=30)
    receipt = await _receipt(world, group, seen)

    [episode] = await _episodes(world)
    assert episode.attachment_file_ids == [await _file_of(group, sent, "video_note")]
    assert "📎 round video" in receipt.text.splitlines()


async def test_a_voice_message_describing_the_episode_is_kept(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    await _at_the_notes_step(world, mum, chat)
    seen = len(await chat.bot_messages())

    sent = await mum.send_voice(chat, duration=40)
    receipt = await _receipt(world, chat, seen)

    [episode] = await _episodes(world)
    assert episode.attachment_file_ids == [await _file_of(chat, sent, "voice")]
    assert "📎 voice message" in receipt.text.splitlines()
