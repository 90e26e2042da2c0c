"""A property of the team's group: whatever people do, the child's news reaches only the team.

A random sequence of joins and leaves (of the group and of the team), removals by a
guardian and role changes, the bot an admin or not; after each step a guardian
reports an episode. The relay, and any edit, may reach only the private chat of
someone on the team now, or the group while everyone in it is on the team; and every
member on the team hears it somewhere they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Group
from models import Child, Membership, Person
from tests.e2e.conftest import World
from tests.e2e.teams_steps import INVITE_LINK, create_team, say, tap

pytestmark = pytest.mark.usefixtures("unhurried")

ROLES = ["🧡 Other caregiver (family, nanny)", "🏫 Teacher or educator"]
ACTIONS = st.tuples(
    st.sampled_from(
        [
            "stranger_joins",
            "stranger_leaves",
            "remove_stranger",
            "invite",
            "remove_member",
            "leave_team",
            "leave_group",
            "back_to_group",
            "role_change",
        ]
    ),
    st.integers(min_value=0, max_value=5),
)


@dataclass
class Room:
    """One example's team: its own child, guardian, group and people."""

    name: str
    mum: Actor
    group: Group
    admin: bool
    people: list[Actor] = field(default_factory=list)  # everyone but the guardian

    def pick(self, index: int) -> Actor | None:
        return self.people[index % len(self.people)] if self.people else None


async def _room(world: World, number: int, admin: bool) -> Room:
    name = f"Kid{number}"
    mum = await world.user(f"Mum{number}")
    await create_team(world, mum, name)
    group = await world.sandbox.group(f"Room {number}", [mum])
    await group.add_bot(by=mum, admin=admin)
    await say(world, mum, group, "/link")
    return Room(name, mum, group, admin)


async def _on_team(world: World, room: Room) -> set[int]:
    """The Telegram ids of everyone on the room's team now."""
    async with world.db.open_session() as session:
        ids = await session.scalars(
            select(Person.telegram_user_id)
            .join(Membership, Membership.person_id == Person.id)
            .join(Child, Child.id == Membership.child_id)
            .where(Child.name == room.name, Membership.left_at.is_(None))
        )
        return set(ids)


def _in_group(world: World, room: Room) -> set[int]:
    chat = world.emulator.core.world.chats[room.group.id]
    bot = world.emulator.core.bot_id
    return {user for user in chat.members if chat.is_present(user) and user != bot}


async def _invite(world: World, room: Room, number: int) -> None:
    chat = room.mum.private_chat
    roles = await say(world, room.mum, chat, "/invite")
    link = await tap(world, room.mum, chat, roles, ROLES[number % len(ROLES)])
    found = INVITE_LINK.search(link.text or "")
    assert found, link.text
    person = await world.user(f"P{number}")
    await say(world, person, person.private_chat, f"/start {found.group(1)}")
    joining = (await person.private_chat.bot_texts())[-1]
    if joining.startswith("Join ") and "https://t.me/+" in joining:
        await person.join_link(joining.split(": ", 1)[1])
    else:  # "A guardian will add you"
        await room.group.add_member(person)
    room.people.append(person)


async def _remove_from_team(world: World, room: Room, who: Actor) -> None:
    chat = room.mum.private_chat
    roster = await say(world, room.mum, chat, "/team")
    if f"{who.first_name} ›" not in roster.labels:
        return
    member = await tap(world, room.mum, chat, roster, f"{who.first_name} ›")
    confirm = await tap(world, room.mum, chat, member, "Remove from the team")
    await tap(world, room.mum, chat, confirm, f"Yes, remove {who.first_name}")


async def _change_role(world: World, room: Room, who: Actor) -> None:
    chat = room.mum.private_chat
    roster = await say(world, room.mum, chat, "/team")
    if f"{who.first_name} ›" not in roster.labels:
        return
    member = await tap(world, room.mum, chat, roster, f"{who.first_name} ›")
    other = next(label for label in member.labels if label in ("Make caregiver", "Make educator"))
    await tap(world, room.mum, chat, member, other)


async def _act(world: World, room: Room, action: str, index: int, step: int) -> None:
    """Do ``action`` on the person ``index`` picks, when it makes sense now."""
    who, present = room.pick(index), _in_group(world, room)
    if action == "stranger_joins":
        stranger = await world.user(f"S{step}")
        await room.group.add_member(stranger)
        room.people.append(stranger)
    elif action == "invite":
        await _invite(world, room, step)
    elif who is None:
        return
    elif action in ("stranger_leaves", "leave_group") and who.id in present:
        await room.group.remove_member(who)
    elif action == "back_to_group" and who.id not in present:
        await room.group.add_member(who)
    elif action == "remove_stranger":
        notices = [m for m in await room.mum.private_chat.bot_messages() if m.labels]
        found = [m for m in notices if "🚪 Remove from the group" in m.labels]
        if found:
            await tap(world, room.mum, room.mum.private_chat, found[-1], "🚪 Remove from the group")
    elif action == "remove_member":
        await _remove_from_team(world, room, who)
    elif action == "leave_team" and who.id in await _on_team(world, room):
        confirm = await say(world, who, who.private_chat, "/leave")
        if "Yes, leave" in confirm.labels:
            await tap(world, who, who.private_chat, confirm, "Yes, leave")
    elif action == "role_change":
        await _change_role(world, room, who)
    await world.settle()


def _about_the_child(call: dict[str, Any], room: Room) -> bool:
    text = re.sub(r"<[^>]+>", "", str(call["params"].get("text") or ""))
    return text.startswith(f"⚡ {room.name} — episode") or call["method"] == "editMessageText"


async def _probe(world: World, room: Room, step: int, clock: FrozenClock) -> None:
    """The guardian reports; check where the relay went, against who is where now."""
    clock.advance(timedelta(minutes=10))  # another episode, not "the same one?"
    team, present = await _on_team(world, room), _in_group(world, room)
    group_ok = present <= team
    before = len(await world.sandbox.calls())
    await say(world, room.mum, room.mum.private_chat, f"/e {10 + step}s arms")
    calls = (await world.sandbox.calls())[before:]
    reached: set[int] = set()
    for call in calls:
        if call["status"] != 200 or not _about_the_child(call, room):
            continue
        chat = call["chat_id"]
        if chat == room.group.id:
            assert group_ok, f"news in the group while {present - team} off the team are in it"
            reached |= present
        elif chat != room.mum.id:
            assert chat in team, f"news or an edit reached {chat}, who is not on the team"
            reached.add(chat)
    assert team - {room.mum.id} <= reached, "someone on the team did not hear the news"


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(admin=st.booleans(), actions=st.lists(ACTIONS, min_size=3, max_size=6))
async def test_the_childs_news_reaches_only_the_team(
    world: World, frozen_clock: FrozenClock, admin: bool, actions: list[tuple[str, int]]
) -> None:
    number = len(world.emulator.core.world.users)  # each example has its own team
    room = await _room(world, number, admin)
    await _invite(world, room, number * 10 + 9)  # someone on the team besides the guardian
    for step, (action, index) in enumerate(actions):
        await _act(world, room, action, index, number * 10 + step)
        await _probe(world, room, number * 10 + step, frozen_clock)
