"""Digests through the real bot: on demand, scheduled, Acknowledge, Reply, who may, /summary."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Group, Message
from bot.scheduling import DISPATCHER_KEY
from bot.services.teams.permissions import Action, may
from models import Event, Outbox, OutboxFile, Role
from tests.e2e.conftest import World
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap

DOCTOR_ROLE = "🩺 Doctor, nurse or therapist"
WEEK = "📋 Lily: 18 Nov – 24 Nov 2026"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, with time frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def _team(world: World) -> tuple[Actor, Actor, Group]:
    """Anna (guardian) and Dr Lee (clinician) on Lily's team, both in its linked group."""
    mum, doctor = await world.user("Anna"), await world.user("Dr Lee")
    await create_team(world, mum)
    await join(world, doctor, await invitation(world, mum, DOCTOR_ROLE))
    group = await linked_group(world, mum, "Lily's team", [doctor])
    return mum, doctor, group


async def _digest(world: World, person: Actor, text: str = "/digest 7d") -> list[Message]:
    """``person`` asks for a digest in private; return the bot's two answers."""
    await person.send(person.private_chat, text)
    await world.settle()
    return (await person.private_chat.bot_messages())[-2:]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/London")).astimezone(UTC)


async def test_a_clinician_asks_for_the_digest_and_gets_the_chart_then_the_figures(
    world: World,
) -> None:
    _, doctor, _ = await _team(world)

    chart, figures = await _digest(world, doctor)

    assert "photo" in chart.raw and (chart.text or "").startswith(WEEK)
    assert chart.raw["photo"]["mime_type"] == "image/png"
    png = await world.sandbox.download(chart.raw["photo"]["file_id"])
    assert png.startswith(b"\x89PNG")
    assert (figures.text or "").splitlines()[:2] == [
        WEEK,
        "7 days, compared with the 7 days before (11 Nov – 17 Nov).",
    ]
    assert figures.labels == ["✅ Acknowledge", "💬 Reply to the team"]


async def test_in_the_group_the_digest_is_a_pointer_until_a_guardian_lets_it_show_there(
    world: World,
) -> None:
    mum, doctor, group = await _team(world)

    pointer = await say(world, doctor, group, "/digest")
    menu = await say(world, mum, group, "/digest schedule")
    await tap(world, mum, group, menu, "👥 Show digests in the group")
    await doctor.send(group, "/digest 7d")
    await world.settle()
    shown = (await group.bot_messages())[-2:]

    assert (pointer.text or "").startswith("📋 Lily's digest is private: ask me for it in our chat")
    assert [message.text.splitlines()[0] for message in shown if message.text] == [WEEK, WEEK]
    assert "photo" in shown[0].raw and shown[1].labels == []


INVITE_BUTTON = {
    Role.GUARDIAN: "👪 Parent or guardian",
    Role.CAREGIVER: "🧡 Other caregiver (family, nanny)",
    Role.EDUCATOR: "🏫 Teacher or educator",
    Role.CLINICIAN: DOCTOR_ROLE,
}


@pytest.mark.parametrize("role", [role for role in Role if not may(role, Action.DIGEST)])
async def test_a_role_the_permission_table_refuses_gets_no_figures(
    world: World, role: Role
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    member = await world.user("Ms Park")
    await join(world, member, await invitation(world, mum, INVITE_BUTTON[role]))

    refused = await say(world, member, member.private_chat, "/digest")

    assert refused.text == "Only a guardian, a caregiver or a clinician can get digests."
    assert not any("photo" in message.raw for message in await member.private_chat.messages())


async def test_a_weekly_digest_set_with_buttons_comes_on_monday_at_eight(
    world: World, frozen_clock: FrozenClock
) -> None:
    _, doctor, _ = await _team(world)
    chat = doctor.private_chat
    menu = await say(world, doctor, chat, "/digest schedule")
    days = await tap(world, doctor, chat, menu, "📅 Every week")
    hours = await tap(world, doctor, chat, days, "Mon")
    saved = await tap(world, doctor, chat, hours, "08:00")

    frozen_clock.set(at("2026-11-30 08:00"))
    await world.app.bot_data[DISPATCHER_KEY].tick()
    await world.settle()
    chart, figures = (await chat.bot_messages())[-2:]

    assert (saved.text or "").splitlines()[:3] == [
        "✅ Saved.",
        "🗞 Lily's digest for you",
        "Now: every Monday at 08:00 (your time, Europe/London). Next: Mon 30 Nov, 08:00.",
    ]
    assert "photo" in chart.raw and (chart.text or "").startswith("📋 Lily: 23 Nov – 29 Nov 2026")
    assert figures.labels == ["✅ Acknowledge", "💬 Reply to the team"]
    async with world.db.open_session() as session:
        assert list(await session.scalars(select(OutboxFile))) == []  # sent: the bytes are gone
        photos = await session.scalars(select(Outbox).where(Outbox.method == "sendPhoto"))
        assert [row.status for row in photos] == ["sent"]


async def test_acknowledge_tells_the_group_once_however_often_it_is_pressed(world: World) -> None:
    _, doctor, group = await _team(world)
    _, figures = await _digest(world, doctor)

    answers = []
    for _ in range(3):
        query = await doctor.press(doctor.private_chat, figures, "✅ Acknowledge")
        await world.settle()
        answers.append((await world.sandbox.callback_answer(query))["text"])

    read = "✅ Dr Lee (clinician) has read Lily's digest for 18 Nov – 24 Nov 2026."
    assert [text for text in await group.bot_texts() if text.startswith("✅ Dr Lee")] == [read]
    assert answers == [
        "Thanks: the team knows you've read it.",
        "The team already knows you've read this digest.",
        "The team already knows you've read this digest.",
    ]


async def test_reply_relays_the_clinicians_next_message_and_a_guardian_answers_it(
    world: World,
) -> None:
    mum, doctor, group = await _team(world)
    _, figures = await _digest(world, doctor)

    prompt = await tap(world, doctor, doctor.private_chat, figures, "💬 Reply to the team")
    sent = await say(world, doctor, doctor.private_chat, "Fewer jerks since the new dose: keep it.")
    relayed = await group.last_bot_message()
    await mum.press(group, relayed, "↩️ Answer Dr Lee")
    await world.settle()
    asked = await mum.private_chat.last_bot_message()
    answered = await say(world, mum, mum.private_chat, "Thank you, we will.")
    reply = await doctor.private_chat.last_bot_message()

    assert (prompt.text or "").startswith("💬 Write your message to Lily's team")
    assert sent.text == "✅ Sent to Lily's team."
    assert (
        relayed.text
        == "💬 Dr Lee (clinician) about Lily:\nFewer jerks since the new dose: keep it."
    )
    assert (asked.text or "").startswith("💬 Write your answer to Dr Lee")
    assert answered.text == "✅ Sent to Dr Lee."
    assert reply.text == "💬 Anna (guardian) answers about Lily:\nThank you, we will."
    assert reply.labels == ["↩️ Reply to the team"]
    async with world.db.open_session() as session:
        logged = await session.scalars(select(Event).where(Event.kind == "digest.note"))
        assert [event.payload["text"] for event in logged] == [
            "Fewer jerks since the new dose: keep it.",
            "Thank you, we will.",
        ]


async def test_a_command_the_bot_does_not_know_is_answered_in_private(world: World) -> None:
    mum = await world.user("Anna")

    answer = await say(world, mum, mum.private_chat, "/summary")

    assert answer.text == "I don't know /summary — did you mean /digest?"


async def test_in_a_group_an_unknown_command_is_answered_only_when_addressed_to_the_bot(
    world: World,
) -> None:
    mum, _, group = await _team(world)
    before = len(await group.bot_messages())

    await mum.send(group, "/summary")  # perhaps meant for another bot
    await say(world, mum, group, "/summary@CareCircleBot")

    assert [m.text for m in (await group.bot_messages())[before:]] == [
        "I don't know /summary — did you mean /digest?"
    ]


async def test_with_two_children_the_period_asked_for_survives_the_which_child_question(
    world: World,
) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum, "Lily")
    await create_team(world, mum, "Tom")
    question = await say(world, mum, mum.private_chat, "/digest 7d")

    await mum.press(mum.private_chat, question, "Tom")
    await world.settle()
    chart, figures = (await mum.private_chat.bot_messages())[-2:]

    assert question.text == "Which child?"
    assert "photo" in chart.raw and (chart.text or "").startswith("📋 Tom: 18 Nov – 24 Nov 2026")
    assert figures.labels == []  # a guardian's digest: nothing to acknowledge
