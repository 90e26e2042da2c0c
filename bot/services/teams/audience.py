"""Who must hear something about a child: the team, its guardians, one member; who cannot;
which chats may still show its news (not those of people who left).

Each answer is an ``Audience`` (``bot.audience``): the chats in order, each with
the language its reader uses, so a message can be written once per language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.audience import Audience, Recipient
from bot.replies import Language
from bot.services import audit
from bot.services.teams.children import can_receive
from models import Child, GroupStranger, Membership, NotifyPreference, Person, Role, TeamChat


@dataclass(frozen=True)
class PrivateRefused:
    """A member's private chat refused the bot: they are told in the group how to fix it."""

    first_name: str
    audience: Audience  # the group, or nobody when the team has none


def wants_private(membership: Membership, *, has_group: bool, urgent: bool) -> bool:
    """Whether this member should get the message privately.

    Urgent news reaches everyone's phone; without a group (none linked, one that
    holds a stranger now, or one this member left), "group only" members would
    hear nothing, so they get it privately too.
    """
    if urgent or membership.notify == NotifyPreference.PRIVATE:
        return True
    in_group = has_group and not membership.out_of_group
    return not in_group and membership.notify == NotifyPreference.GROUP


def member(membership: Membership, person: Person) -> Recipient:
    """A member's private chat."""
    return Recipient(person.telegram_user_id, person.language_code, membership.id)


async def group_recipient(session: AsyncSession, child_id: int) -> Recipient | None:
    """The team's linked group (its topic, the team's language), while nobody off the team is
    in it; None otherwise."""
    group = await _group(session, child_id)
    if group is None:
        return None
    child = await session.get(Child, child_id)  # loaded already by whoever asks, as a rule
    language = child.language if child is not None else None
    return Recipient(group.chat_id, language, group=True, thread_id=group.topic_id)


def privately(membership: Membership, person: Person) -> Audience:
    """One member's private chat, or nobody if they cannot get private messages."""
    reachable = can_receive(membership, person)
    return Audience(membership.child_id, (member(membership, person),) if reachable else ())


async def team(
    session: AsyncSession,
    child_id: int,
    *,
    exclude_person_id: int | None = None,
    exclude_chat_id: int | None = None,
    urgent: bool = False,
) -> Audience:
    """The team: privately each member who wants it and can get it, then the group if linked.

    Members who asked for private messages but cannot get them are ``unreachable``
    (the group is told how to fix that). ``exclude_person_id`` (usually the author) is
    left out, and so is the group if it is ``exclude_chat_id`` (the author's answer there
    is its copy).
    """
    group = await group_recipient(session, child_id)
    recipients: list[Recipient] = []
    unreachable: list[str] = []
    for membership, person in await _members(session, child_id):
        if person.id == exclude_person_id:
            continue
        if not wants_private(membership, has_group=group is not None, urgent=urgent):
            continue
        if can_receive(membership, person):
            recipients.append(member(membership, person))
        elif membership.notify == NotifyPreference.PRIVATE:
            unreachable.append(person.first_name)
    if group is not None and group.chat_id != exclude_chat_id:
        recipients.append(group)
        return Audience(child_id, tuple(recipients), tuple(unreachable))
    return Audience(child_id, tuple(recipients))


async def guardians(session: AsyncSession, child_id: int, *, group_too: bool = True) -> Audience:
    """The guardians, privately; the group instead if none of them can get private messages
    (and ``group_too``: not for what only the guardians may read)."""
    reachable = tuple(
        member(membership, person)
        for membership, person in await _members(session, child_id)
        if membership.role == Role.GUARDIAN and can_receive(membership, person)
    )
    if reachable or not group_too:
        return Audience(child_id, reachable)
    group = await group_recipient(session, child_id)
    return Audience(child_id, (group,) if group else ())


async def hearing(
    session: AsyncSession, child_id: int, chat_ids: Iterable[int]
) -> dict[int, Language]:
    """Those of ``chat_ids`` where news of ``child_id`` may show now, edits of old messages too,
    each with the language it is read in.

    Only its linked group does (in the team's language, while nobody off the team is in
    it), and the private chat of someone on its team now (in theirs): not the chat of
    someone who left or was removed, nor a group unlinked since.
    """
    wanted = set(chat_ids)
    if not wanted:
        return {}
    groups = await session.execute(
        select(TeamChat.chat_id, Child.language)
        .join(Child, Child.id == TeamChat.child_id)
        .where(
            TeamChat.child_id == child_id,
            TeamChat.chat_id.in_(wanted),
            _nobody_off_the_team(),
        )
    )
    members = await session.execute(
        select(Person.telegram_user_id, Person.language_code)
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Membership.child_id == child_id,
            Membership.left_at.is_(None),
            Person.telegram_user_id.in_(wanted),
        )
    )
    return {chat_id: language for chat_id, language in [*groups, *members]}


async def hears_about(session: AsyncSession, child_id: int, chat_id: int) -> bool:
    """Whether news of ``child_id`` may show in ``chat_id`` now (see ``hearing``)."""
    return chat_id in await hearing(session, child_id, [chat_id])


async def refused_privately(
    session: AsyncSession, membership_id: int, reason: str
) -> PrivateRefused | None:
    """Telegram refused a member's private chat for good: stop writing there, once.

    Returns who to tell, or None if private delivery was already off (or the member gone).
    """
    membership = await session.get(Membership, membership_id)
    if membership is None or not membership.private_delivery_ok:
        return None
    membership.private_delivery_ok = False
    person = await session.get(Person, membership.person_id)
    await audit.record(
        session,
        "delivery.private_disabled",
        actor_id=None,
        child_id=membership.child_id,
        person_id=membership.person_id,
        reason=reason[:200],
    )
    if person is None:
        return None
    group = await group_recipient(session, membership.child_id)
    recipients = (group,) if group else ()
    return PrivateRefused(person.first_name, Audience(membership.child_id, recipients))


async def held(session: AsyncSession, team_chat_id: int) -> bool:
    """Whether someone not on the team is in the group now (so it hears no news)."""
    count = await session.scalar(
        select(func.count())
        .select_from(GroupStranger)
        .where(GroupStranger.team_chat_id == team_chat_id)
    )
    return bool(count)


async def _group(session: AsyncSession, child_id: int) -> TeamChat | None:
    """The team's group, if one is linked and nobody off the team is in it now."""
    return await session.scalar(
        select(TeamChat).where(TeamChat.child_id == child_id, _nobody_off_the_team())
    )


def _nobody_off_the_team() -> ColumnElement[bool]:
    """A ``TeamChat`` condition: no one off the team is in that group now."""
    return ~select(GroupStranger.id).where(GroupStranger.team_chat_id == TeamChat.id).exists()


async def _members(session: AsyncSession, child_id: int) -> list[tuple[Membership, Person]]:
    rows = await session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.child_id == child_id, Membership.left_at.is_(None))
        .order_by(Membership.id)
    )
    return [(membership, person) for membership, person in rows]
