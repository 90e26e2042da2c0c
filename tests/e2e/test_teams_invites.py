"""Invitations end to end: joining, and links that are used, expired, revoked or unknown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FrozenClock
from models import Invite, Membership, Role
from tests.e2e.conftest import World
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap

EDUCATOR = "🏫 Teacher or educator"


pytestmark = pytest.mark.usefixtures("unhurried")


async def _members(world: World) -> list[Role]:
    async with world.db.open_session() as session:
        rows = await session.scalars(
            select(Membership.role).where(Membership.left_at.is_(None)).order_by(Membership.id)
        )
        return list(rows)


async def test_teacher_joins_with_an_invitation_and_the_group_is_told(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [teacher])

    welcome = await join(world, teacher, await invitation(world, mum, EDUCATOR))

    assert welcome.text.startswith("Welcome to Lily's care team! You joined as an educator.")
    assert (await group.last_bot_message()).text == (
        "👋 Ms Park joined Lily's care team as an educator."
    )
    assert await _members(world) == [Role.GUARDIAN, Role.EDUCATOR]


async def test_the_invitation_names_the_child_and_the_role(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    roles = await say(world, mum, mum.private_chat, "/invite")

    link = await tap(world, mum, mum.private_chat, roles, "🩺 Doctor, nurse or therapist")

    assert link.text.startswith("Here is a one-time invitation to Lily's care team, as a clinician")
    assert "https://t.me/CareCircleBot?start=" in link.text
    assert "It works once, within 7 days." in link.text


async def test_an_invitation_link_works_only_once(world: World) -> None:
    mum, teacher, sam = (
        await world.user("Anna"),
        await world.user("Ms Park"),
        await world.user("Sam"),
    )
    await create_team(world, mum)
    token = await invitation(world, mum, EDUCATOR)
    await join(world, teacher, token)

    refusal = await join(world, sam, token)

    assert refusal.text.startswith("This invitation has already been used")
    assert await _members(world) == [Role.GUARDIAN, Role.EDUCATOR]


async def test_an_expired_invitation_changes_nothing(
    world: World, frozen_clock: FrozenClock
) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    token = await invitation(world, mum, EDUCATOR)
    frozen_clock.advance(timedelta(days=7, minutes=1))

    refusal = await join(world, teacher, token)

    assert refusal.text.startswith("This invitation has expired")
    assert await _members(world) == [Role.GUARDIAN]


async def test_a_revoked_invitation_changes_nothing(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    token = await invitation(world, mum, EDUCATOR)
    listing = await say(world, mum, mum.private_chat, "/invites")
    emptied = await tap(world, mum, mum.private_chat, listing, "✖️ Cancel invitation 1")

    refusal = await join(world, teacher, token)

    assert listing.text.splitlines()[1].startswith("1. educator — valid until")
    assert emptied.text == "There are no open invitations for Lily. Make one with /invite."
    assert refusal.text.startswith("This invitation was cancelled by a guardian.")
    assert await _members(world) == [Role.GUARDIAN]


async def test_an_unknown_invitation_is_refused_clearly(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    token = await invitation(world, mum, EDUCATOR)

    refusal = await join(world, teacher, token[:-4] + "AAAA")

    assert refusal.text.startswith("I don't recognise this invitation link.")
    assert await _members(world) == [Role.GUARDIAN]


async def test_invitation_links_are_only_made_in_private(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])

    answer = await say(world, mum, group, "/invite")

    assert answer.text.startswith("Invitation links work like keys")
    assert answer.buttons == [[("Open a private chat", "https://t.me/CareCircleBot")]]
    async with world.db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(Invite)) == 0


async def test_an_educator_cannot_invite(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    await join(world, teacher, await invitation(world, mum, EDUCATOR))

    refusal = await say(world, teacher, teacher.private_chat, "/invite")

    assert refusal.text == "Only a guardian can invite people to the team."
