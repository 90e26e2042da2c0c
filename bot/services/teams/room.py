"""Who is in a team's Telegram group: strangers who joined, members who left it, the bot itself.

The group holds a child's health news, so it follows the team: while someone not on the
team is in it the group hears nothing new (``audience`` sends the news privately), a
member out of it gets the news privately, and a group the bot lost is unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.audience import Audience, Recipient
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.teams.audience import guardians, held
from bot.services.teams.children import get_child, group_of, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, GroupStranger, Membership, Person, TeamChat


@dataclass(frozen=True)
class StrangerJoined:
    """Someone not on the team is in its group: the guardians decide; the group is held."""

    child: Child
    stranger: GroupStranger
    bot_admin: bool
    audience: Audience  # the guardians, privately
    group: Audience  # the group, told once that news goes privately for now


@dataclass(frozen=True)
class GroupChange:
    """A member left the group or came back, the group was freed, lost or moved."""

    kind: Literal["member_out", "member_back", "freed", "lost", "moved"]
    child: Child
    name: str
    audience: Audience


@dataclass(frozen=True)
class Decision:
    """A guardian's answer about a stranger: remove them (how depends on the bot's rights)."""

    child: Child
    stranger: GroupStranger
    chat_id: int
    bot_admin: bool


async def set_bot_rights(session: AsyncSession, chat_id: int, admin: bool) -> None:
    """The bot was made an admin of the group, or no longer is."""
    group = await group_of(session, chat_id)
    if group is not None and group.bot_admin != admin:
        group.bot_admin = admin
        await audit.record(
            session, "team.group_bot_rights", actor_id=None, child_id=group.child_id, admin=admin
        )


async def joined(
    session: AsyncSession, chat_id: int, user_id: int, first_name: str
) -> StrangerJoined | GroupChange | None:
    """Someone joined the group: a member back in it, or a stranger (told once)."""
    group = await group_of(session, chat_id)
    if group is None:
        return None
    child = await get_child(session, group.child_id)
    membership = await _membership(session, group.child_id, user_id)
    if membership is not None:
        if not membership.out_of_group:
            return None
        membership.out_of_group = False
        return GroupChange("member_back", child, first_name, await guardians(session, child.id))
    return await add_stranger(session, group, child, user_id, first_name)


async def add_stranger(
    session: AsyncSession, group: TeamChat, child: Child, user_id: int, first_name: str
) -> StrangerJoined | None:
    """Hold the group's news while ``user_id`` (not on the team) is in it; None if known."""
    known = await session.scalar(
        select(GroupStranger).where(
            GroupStranger.team_chat_id == group.id, GroupStranger.telegram_user_id == user_id
        )
    )
    if known is not None:
        return None
    was_held = await held(session, group.id)
    stranger = GroupStranger(
        team_chat_id=group.id,
        telegram_user_id=user_id,
        first_name=first_name[:128],
        joined_at=clock.now(),
    )
    session.add(stranger)
    await session.flush()
    await audit.record(session, "team.group_stranger", actor_id=None, child_id=child.id)
    told = () if was_held else (Recipient(group.chat_id, group=True),)
    return StrangerJoined(
        child,
        stranger,
        group.bot_admin,
        await guardians(session, child.id, group_too=False),
        Audience(child.id, told),
    )


async def left(session: AsyncSession, chat_id: int, user_id: int) -> GroupChange | None:
    """Someone left the group: a stranger gone (the group is freed if it was the last), or a
    member whose news now comes privately."""
    group = await group_of(session, chat_id)
    if group is None:
        return None
    child = await get_child(session, group.child_id)
    gone = await session.scalar(
        select(GroupStranger).where(
            GroupStranger.team_chat_id == group.id, GroupStranger.telegram_user_id == user_id
        )
    )
    if gone is not None:
        await session.delete(gone)
        await session.flush()
        return await _freed(session, group, child, gone.first_name)
    membership = await _membership(session, group.child_id, user_id)
    if membership is None or membership.out_of_group:
        return None
    membership.out_of_group = True
    person = await session.get(Person, membership.person_id)
    name = person.first_name if person is not None else ""
    return GroupChange("member_out", child, name, await guardians(session, child.id))


async def lost(session: AsyncSession, chat_id: int) -> GroupChange | None:
    """The bot is out of the group (removed, or the group deleted): close the link."""
    group = await group_of(session, chat_id)
    if group is None:
        return None
    child = await get_child(session, group.child_id)
    await session.delete(group)
    await session.flush()
    await audit.record(session, "team.group_lost", actor_id=None, child_id=child.id)
    return GroupChange("lost", child, group.title or "", await guardians(session, child.id))


async def moved(session: AsyncSession, group: TeamChat) -> GroupChange:
    """The group became a supergroup and the link followed it: the guardians hear so."""
    child = await get_child(session, group.child_id)
    audience = await guardians(session, child.id, group_too=False)
    return GroupChange("moved", child, group.title or "", audience)


async def deciding(session: AsyncSession, person: Person, stranger_id: int) -> Decision:
    """A guardian pressed a button about a stranger still in the group."""
    stranger = await session.get(GroupStranger, stranger_id)
    if stranger is None:
        raise DomainError("room.already_gone")
    group = await session.get(TeamChat, stranger.team_chat_id)
    assert group is not None
    require(await membership_in(session, person.id, group.child_id), Action.MANAGE_MEMBERS)
    return Decision(
        await get_child(session, group.child_id), stranger, group.chat_id, group.bot_admin
    )


async def decided(
    session: AsyncSession, person: Person, decision: Decision, how: str
) -> GroupChange | None:
    """The guardian decided (to remove them, or to invite them): they no longer hold the group.

    Returns the group freed, if nobody else off the team is in it.
    """
    await session.execute(delete(GroupStranger).where(GroupStranger.id == decision.stranger.id))
    await audit.record(
        session,
        "team.group_stranger_decided",
        actor_id=person.id,
        child_id=decision.child.id,
        how=how,
    )
    group = await session.get(TeamChat, decision.stranger.team_chat_id)
    return await _freed(session, group, decision.child, decision.stranger.first_name)


async def welcomed(session: AsyncSession, child_id: int, user_id: int) -> GroupChange | None:
    """Someone joined the team: if they were waiting in its group, they are a stranger no more."""
    group = await group_for(session, child_id)
    if group is None:
        return None
    waiting = await session.scalar(
        select(GroupStranger).where(
            GroupStranger.team_chat_id == group.id, GroupStranger.telegram_user_id == user_id
        )
    )
    if waiting is None:
        return None
    await session.delete(waiting)
    await session.flush()
    return await _freed(session, group, await get_child(session, child_id), waiting.first_name)


async def choose_topic(
    session: AsyncSession, person: Person, chat_id: int, topic_id: int | None
) -> Child:
    """A guardian chose the forum topic of the team's news (None: the General topic)."""
    group = await group_of(session, chat_id)
    if group is None:
        raise DomainError("links.not_linked")
    require(await membership_in(session, person.id, group.child_id), Action.LINK_GROUP)
    if group.topic_id != topic_id:
        group.topic_id = topic_id
        await audit.record(session, "team.group_topic", actor_id=person.id, child_id=group.child_id)
    return await get_child(session, group.child_id)


async def _freed(
    session: AsyncSession, group: TeamChat | None, child: Child, name: str
) -> GroupChange | None:
    if group is None or await held(session, group.id):
        return None
    return GroupChange("freed", child, name, _group(group))


async def group_for(session: AsyncSession, child_id: int) -> TeamChat | None:
    """The team's linked group, if any."""
    return await session.scalar(select(TeamChat).where(TeamChat.child_id == child_id))


def _group(group: TeamChat) -> Audience:
    return Audience(group.child_id, (Recipient(group.chat_id, group=True),))


async def _membership(session: AsyncSession, child_id: int, user_id: int) -> Membership | None:
    return await session.scalar(
        select(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.child_id == child_id,
            Membership.left_at.is_(None),
            Person.telegram_user_id == user_id,
        )
    )
