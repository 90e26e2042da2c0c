"""Telling a child's team something: its group, plus private messages to those who want them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import enqueue
from bot.replies import Reply
from bot.services.teams.children import can_receive
from bot.views.teams import members as views
from models import Membership, NotifyPreference, Outbox, Person, Role, TeamChat


def wants_private(membership: Membership, *, has_group: bool, urgent: bool) -> bool:
    """Whether this member should get the message privately.

    Urgent news reaches everyone's phone; without a group, "group only"
    members would hear nothing, so they get it privately too.
    """
    if urgent or membership.notify == NotifyPreference.PRIVATE:
        return True
    return not has_group and membership.notify == NotifyPreference.GROUP


async def announce(
    session: AsyncSession,
    child_id: int,
    reply: Reply,
    *,
    exclude_person_id: int | None = None,
    exclude_chat_id: int | None = None,
    urgent: bool = False,
) -> list[Outbox]:
    """Queue ``reply`` for the team group (if linked) and for each member who wants it privately.

    Members who asked for private messages but cannot receive them are told in
    the group how to turn them on. ``exclude_person_id`` (usually the author) is skipped,
    and so is the group if it is ``exclude_chat_id`` (the author's answer there is its copy).
    """
    group = await session.scalar(select(TeamChat).where(TeamChat.child_id == child_id))
    rows: list[Outbox] = []
    unreachable: list[str] = []
    for membership, person in await _members(session, child_id):
        if person.id == exclude_person_id:
            continue
        if not wants_private(membership, has_group=group is not None, urgent=urgent):
            continue
        if can_receive(membership, person):
            rows += await enqueue(
                session,
                person.telegram_user_id,
                reply,
                child_id=child_id,
                membership_id=membership.id,
            )
        elif membership.notify == NotifyPreference.PRIVATE:
            unreachable.append(person.first_name)
    if group is not None and group.chat_id != exclude_chat_id:
        text = reply.text
        if unreachable:
            text = f"{text}\n\n{views.private_hint(unreachable).text}"
        rows += await enqueue(session, group.chat_id, Reply(text, reply.buttons), child_id=child_id)
    return rows


async def tell_guardians(session: AsyncSession, child_id: int, reply: Reply) -> list[Outbox]:
    """Queue ``reply`` privately for the team's guardians, or for the group if none can get it."""
    rows: list[Outbox] = []
    for membership, person in await _members(session, child_id):
        if membership.role == Role.GUARDIAN and can_receive(membership, person):
            rows += await enqueue(
                session,
                person.telegram_user_id,
                reply,
                child_id=child_id,
                membership_id=membership.id,
            )
    if not rows:
        group = await session.scalar(select(TeamChat).where(TeamChat.child_id == child_id))
        if group is not None:
            rows = await enqueue(session, group.chat_id, reply, child_id=child_id)
    return rows


async def _members(session: AsyncSession, child_id: int) -> list[tuple[Membership, Person]]:
    rows = await session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.child_id == child_id, Membership.left_at.is_(None))
        .order_by(Membership.id)
    )
    return [(membership, person) for membership, person in rows]
