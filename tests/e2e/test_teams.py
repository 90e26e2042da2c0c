"""Creating a care team in private, surviving a restart mid-flow, and /help per role."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from models import Child, Membership, Role
from models.session import Database
from tests.e2e.conftest import World, sandbox_settings
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap

pytestmark = pytest.mark.usefixtures("unhurried")


async def _children(world: World) -> list[tuple[str, str, int | None]]:
    async with world.db.open_session() as session:
        rows = await session.scalars(select(Child).order_by(Child.id))
        return [(c.name, c.timezone, c.birth_year) for c in rows]


async def test_a_parent_creates_a_care_team_from_the_welcome_button(world: World) -> None:
    mum = await world.user("Anna")
    chat = mum.private_chat
    await world.settle()
    welcome = await chat.last_bot_message()

    name = await tap(world, mum, chat, welcome, "➕ Create a care team")
    zone = await say(world, mum, chat, "Lily")
    year = await say(world, mum, chat, "Europe/Paris")
    done = await say(world, mum, chat, "2019")

    assert "A nickname is enough" in name.text
    assert "Which time zone does Lily live in?" in zone.text
    assert "what year was Lily born?" in year.text
    assert done.text.startswith("Lily's care team is ready, and you're its guardian.")
    assert await _children(world) == [("Lily", "Europe/Paris", 2019)]


async def test_the_creator_is_the_teams_guardian(world: World) -> None:
    mum = await world.user("Anna")

    await create_team(world, mum)

    async with world.db.open_session() as session:
        assert (await session.scalar(select(Membership))).role == Role.GUARDIAN


async def test_the_time_zone_buttons_follow_the_parents_language(world: World) -> None:
    mum = await world.user("Anna", language_code="de")
    await say(world, mum, mum.private_chat, "/newchild")

    zone = await say(world, mum, mum.private_chat, "Lily")

    assert zone.labels == [
        "Berlin",
        "Vienna",
        "Zurich",
        "Cancel",
    ]


async def test_an_unknown_time_zone_is_explained_and_asked_again(world: World) -> None:
    mum = await world.user("Anna")
    await say(world, mum, mum.private_chat, "/newchild")
    await say(world, mum, mum.private_chat, "Lily")

    refusal = await say(world, mum, mum.private_chat, "Atlantis")
    year = await say(world, mum, mum.private_chat, "UTC+2")

    assert refusal.text.startswith("I don't know that time zone.")
    assert "what year was Lily born?" in year.text


async def test_cancelling_creates_nothing(world: World) -> None:
    mum = await world.user("Anna")
    name = await say(world, mum, mum.private_chat, "/newchild")

    cancelled = await tap(world, mum, mum.private_chat, name, "Cancel")

    assert cancelled.text == "OK, I didn't create anything."
    assert await _children(world) == []


async def test_newchild_in_a_group_points_to_a_private_chat(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Family", [mum])

    answer = await say(world, mum, group, "/newchild")

    assert answer.text.startswith("Let's do that in a private chat")
    assert answer.buttons == [
        [("Open a private chat", "https://t.me/CareCircleBot?start=newchild")]
    ]


async def test_the_private_chat_button_opens_on_the_first_question(world: World) -> None:
    mum = await world.user("Anna")

    question = await say(world, mum, mum.private_chat, "/start newchild")

    assert "What's the child's first name? A nickname is enough." in question.text


async def test_plain_text_with_no_question_waiting_gets_a_hint(world: World) -> None:
    mum = await world.user("Anna")

    hint = await say(world, mum, mum.private_chat, "hello?")

    assert hint.text.startswith("I'm not waiting for an answer from you right now.")


async def test_a_restart_mid_flow_loses_nothing(emulator: Emulator, db_url: str) -> None:
    settings = sandbox_settings(emulator, db_url)
    async with SandboxClient(emulator.url) as sandbox:
        first = Runtime(settings, Database(db_url))
        async with running_bot(first, poll_timeout=1) as app:
            world = World(sandbox, emulator, first, app)
            mum = await world.user("Anna")
            await say(world, mum, mum.private_chat, "/newchild")
            await say(world, mum, mum.private_chat, "Lily")
        await first.db.dispose()

        second = Runtime(settings, Database(db_url))
        async with running_bot(second, poll_timeout=1) as app:
            world = World(sandbox, emulator, second, app)
            year = await say(world, mum, mum.private_chat, "London")
            await say(world, mum, mum.private_chat, "2020")
            assert "what year was Lily born?" in year.text
            assert await _children(world) == [("Lily", "Europe/London", 2020)]
        await second.db.dispose()


async def test_help_for_a_teacher_in_the_group_lists_no_team_management(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [teacher])
    await join(world, teacher, await invitation(world, mum, "🏫 Teacher or educator"))

    help_text = (await say(world, teacher, group, "/help")).text

    assert "/team" in help_text and "/leave" in help_text
    for command in ("/invite", "/unlink", "/deletechild", "/link", "/newchild"):
        assert command not in help_text


async def test_help_for_a_guardian_in_private_lists_team_management(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)

    help_text = (await say(world, mum, mum.private_chat, "/help")).text

    for command in ("/newchild", "/team", "/invite", "/invites", "/child", "/deletechild"):
        assert command in help_text
    assert "/unlink" not in help_text
