"""People edit what they sent: a report's typo is a correction, any other edit runs nothing.

Telegram sends an edit as an ``edited_message`` update. An edited ``/e`` line, by its
reporter within 48 hours, corrects the record as the ✏️ Correct button does (the audit
log keeps before and after, the team is told); an edit of anything else, an older report
included, is answered privately with how to correct, and never runs a command again.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Chat
from models import Timer
from tests.e2e.conftest import World
from tests.e2e.episode_steps import lily_team, logged, said_since, saved
from tests.e2e.teams_steps import create_team

pytestmark = pytest.mark.usefixtures("unhurried")

NOT_READ = (
    "I don't read edited messages, so nothing changed. To fix a report, tap ✏️ Correct "
    "under it or send a new /e line; to run a command again, send it again."
)


async def _edit(world: World, person: Actor, chat: Chat, message_id: int, text: str) -> None:
    await person.edit(chat, message_id, text)
    await world.settle()


async def test_an_edited_report_in_private_corrects_the_record(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    chat = team.teacher.private_chat
    report = await team.teacher.send(chat, "/e 8:55 30s arms")
    await world.settle()
    in_group = await team.group.bot_texts()

    await _edit(world, team.teacher, chat, report, "/e 8:55 45s arms")

    [episode] = await saved(world)
    assert (episode.duration_seconds, episode.corrected_at is not None) == (45, True)
    answer = await chat.last_bot_message()
    assert answer.text.splitlines()[:2] == ["⚡ Lily — episode at 08:55 (edited)", "45 s · arms"]
    assert answer.text.endswith("✏️ Corrected.")
    [notice] = await said_since(team.group, in_group)
    assert notice.startswith("✏️ Ms Park corrected a report:\n⚡ Lily — episode at 08:55 (edited)")
    [change] = await logged(world, "episode.corrected")
    assert (change["before"]["duration_seconds"], change["after"]["duration_seconds"]) == (30, 45)
    assert change["via"] == "edit"


async def test_an_edited_report_in_the_group_corrects_it_there_once(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    report = await team.mum.send(team.group, "/e 8:55 30s arms")
    await world.settle()
    in_group = await team.group.bot_texts()

    await _edit(world, team.mum, team.group, report, "/e 8:55 2m arms")

    [episode] = await saved(world)
    assert episode.duration_seconds == 120
    [corrected] = await said_since(team.group, in_group)
    assert corrected.splitlines()[:2] == ["⚡ Lily — episode at 08:55 (edited)", "2 min · arms"]
    assert corrected.endswith("✏️ Corrected.")
    assert len(await logged(world, "episode.reported")) == 1


async def test_an_edit_that_cannot_be_read_changes_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    report = await mum.send(mum.private_chat, "/e 8:55 30s arms")
    await world.settle()

    await _edit(world, mum, mum.private_chat, report, "/e 25:99 30s arms")

    answer = (await mum.private_chat.last_bot_message()).text or ""
    assert "25:99" in answer
    [episode] = await saved(world)
    assert (episode.duration_seconds, episode.corrected_at) == (30, None)
    assert await logged(world, "episode.corrected") == []


async def test_a_report_edited_after_48_hours_is_not_changed(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    report = await mum.send(mum.private_chat, "/e 8:55 30s arms")
    await world.settle()
    frozen_clock.advance(timedelta(hours=48, minutes=1))

    await _edit(world, mum, mum.private_chat, report, "/e 8:55 45s arms")

    answer = (await mum.private_chat.last_bot_message()).text
    assert answer == (
        "That report is more than 48 hours old, so editing it changed nothing. "
        "Open it in /history and tap ✏️ Correct."
    )
    assert (await saved(world))[0].duration_seconds == 30


async def test_an_edited_command_is_not_run_again(world: World, frozen_clock: FrozenClock) -> None:
    team = await lily_team(world)
    command = await team.mum.send(team.group, "/timer")
    await world.settle()
    in_group = await team.group.bot_texts()

    await _edit(world, team.mum, team.group, command, "/timer now")

    async with world.db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(Timer)) == 1
    assert await said_since(team.group, in_group) == []
    assert (await team.mum.private_chat.last_bot_message()).text == NOT_READ


async def test_an_edited_line_that_was_not_a_report_is_not_read(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    chat = mum.private_chat
    sent = await mum.send(chat, "/today")
    await world.settle()
    before = await chat.bot_texts()

    await _edit(world, mum, chat, sent, "/e 8:55 30s arms")

    assert await said_since(chat, before) == [NOT_READ]
    assert await saved(world) == []


async def test_someone_who_never_opened_a_private_chat_hears_in_the_group(
    world: World, frozen_clock: FrozenClock
) -> None:
    team = await lily_team(world)
    stranger = await world.user("Sam", started=False)
    await team.group.add_member(stranger)
    command = await stranger.send(team.group, "/help")
    await world.settle()

    await _edit(world, stranger, team.group, command, "/help me")

    answer = await team.group.last_bot_message()
    assert (answer.text, answer.raw["reply_to_message_id"]) == (NOT_READ, command)
