"""Linking a child's team to its one Telegram group, and following the group when it changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.teams.children import Choice, group_of, membership_in
from bot.services.teams.permissions import Action, require
from bot.texts import base_language
from models import Child, Membership, Person, Role, TeamChat


async def candidates(session: AsyncSession, person: Person, chat_id: int) -> Child | Choice:
    """The child ``person`` would link this group to, or a choice among several."""
    linked = await group_of(session, chat_id)
    if linked is not None:
        raise DomainError("links.already_linked")
    children = list(
        await session.scalars(
            select(Child)
            .join(Membership, Membership.child_id == Child.id)
            .outerjoin(TeamChat, TeamChat.child_id == Child.id)
            .where(
                Membership.person_id == person.id,
                Membership.left_at.is_(None),
                Membership.role == Role.GUARDIAN,
                TeamChat.id.is_(None),
            )
            .order_by(Child.name, Child.id)
        )
    )
    if not children:
        raise DomainError("links.nothing_to_link")
    return children[0] if len(children) == 1 else Choice(children)


async def link(
    session: AsyncSession, person: Person, child_id: int, chat_id: int, title: str | None
) -> Child:
    """A guardian links a group to a child's team: one group per child, one child per group."""
    require(await membership_in(session, person.id, child_id), Action.LINK_GROUP)
    child = await session.get(Child, child_id)
    assert child is not None
    if await group_of(session, chat_id) is not None:
        raise DomainError("links.already_linked")
    if await session.scalar(select(TeamChat).where(TeamChat.child_id == child_id)) is not None:
        raise DomainError("links.child_has_group")
    session.add(
        TeamChat(
            child_id=child_id,
            chat_id=chat_id,
            title=(title or "")[:255] or None,
            linked_by_id=person.id,
            linked_at=clock.now(),
        )
    )
    if child.language is None:  # the group reads the language of the guardian who linked it
        child.language = base_language(person.language_code)
    await audit.record(session, "team.group_linked", actor_id=person.id, child_id=child_id)
    return child


async def unlink(session: AsyncSession, person: Person, chat_id: int) -> Child:
    """A guardian unlinks the group from its child's team."""
    group = await group_of(session, chat_id)
    if group is None:
        raise DomainError("links.not_linked")
    require(await membership_in(session, person.id, group.child_id), Action.LINK_GROUP)
    child = await session.get(Child, group.child_id)
    assert child is not None
    await session.delete(group)
    await session.flush()
    await audit.record(session, "team.group_unlinked", actor_id=person.id, child_id=child.id)
    return child


async def retitle(session: AsyncSession, chat_id: int, title: str) -> None:
    """The group was renamed; the link holds by chat id, only the shown title changes."""
    group = await group_of(session, chat_id)
    if group is not None and group.title != title:
        group.title = title[:255]
        await audit.record(session, "team.group_renamed", actor_id=None, child_id=group.child_id)


async def migrate(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> TeamChat | None:
    """The group became a supergroup with a new id; keep its link (idempotent).

    Returns the link if it moved now, None if there was nothing (more) to move.
    """
    group = await group_of(session, old_chat_id)
    if group is None or await group_of(session, new_chat_id) is not None:
        return None
    group.chat_id = new_chat_id
    await audit.record(session, "team.group_migrated", actor_id=None, child_id=group.child_id)
    return group
