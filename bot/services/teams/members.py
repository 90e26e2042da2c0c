"""A team's members: the roster, roles, removal, leaving, and how each hears the news."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.digests.subscriptions import Schedule, subscribe_default
from bot.services.errors import DomainError, NotAMember
from bot.services.teams.children import get_child, membership_in, require_member
from bot.services.teams.permissions import Action, require
from models import Child, Membership, NotifyPreference, Person, Role, TeamChat

ROLE_ORDER = list(Role)


@dataclass(frozen=True)
class Member:
    """One current member of a team, with the person behind the membership."""

    membership: Membership
    person: Person


@dataclass(frozen=True)
class Roster:
    """A team as one of its members sees it."""

    child: Child
    group: TeamChat | None
    members: list[Member]
    viewer: Membership


@dataclass(frozen=True)
class NotifySaved:
    """A member's new way of hearing the news; ``digest`` is their schedule if digests only."""

    member: Member
    child: Child
    digest: Schedule | None = None


def role_named(value: str | None) -> Role:
    """The role a button names; a forged or stale value reads as an expired button."""
    try:
        return Role(value or "")
    except ValueError:
        raise DomainError("errors.expired_button") from None


def notify_named(value: str | None) -> NotifyPreference:
    """The notification preference a button names (see ``role_named``)."""
    try:
        return NotifyPreference(value or "")
    except ValueError:
        raise DomainError("errors.expired_button") from None


async def roster(session: AsyncSession, viewer: Membership) -> Roster:
    """The team of ``viewer``'s child: its members by role and name, and its group."""
    require_member(viewer)
    rows = await session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.child_id == viewer.child_id, Membership.left_at.is_(None))
        .order_by(Membership.id)
    )
    members = sorted(
        (Member(m, p) for m, p in rows),
        key=lambda x: (ROLE_ORDER.index(x.membership.role), x.person.first_name.casefold()),
    )
    return Roster(
        child=await get_child(session, viewer.child_id),
        group=await session.scalar(select(TeamChat).where(TeamChat.child_id == viewer.child_id)),
        members=members,
        viewer=viewer,
    )


async def roster_for(session: AsyncSession, person: Person, child_id: int) -> Roster:
    """The roster of ``child_id``'s team, for a member pressing a button."""
    return await roster(session, require_member(await membership_in(session, person.id, child_id)))


async def member(session: AsyncSession, person: Person, membership_id: int) -> tuple[Member, Child]:
    """A current member of a team, for a guardian of that team to manage."""
    target = require_member(await session.get(Membership, membership_id))
    require(await membership_in(session, person.id, target.child_id), Action.MANAGE_MEMBERS)
    who = await session.get(Person, target.person_id)
    assert who is not None
    return Member(target, who), await get_child(session, target.child_id)


@dataclass(frozen=True)
class RoleChange:
    """A member's role as a guardian set it; ``changed`` is False if they had it already."""

    member: Member
    child: Child
    changed: bool


async def change_role(
    session: AsyncSession, person: Person, membership_id: int, role: Role
) -> RoleChange:
    """A guardian gives another member ``role`` (a stale screen may offer the one they have)."""
    found, child = await member(session, person, membership_id)
    target = found.membership
    if target.role == role:
        return RoleChange(found, child, changed=False)
    if target.role == Role.GUARDIAN:
        await _keep_a_guardian(session, target)
    previous, target.role = target.role, role
    await audit.record(
        session,
        "member.role_changed",
        actor_id=person.id,
        child_id=target.child_id,
        person_id=target.person_id,
        old=previous.value,
        new=role.value,
    )
    return RoleChange(found, child, changed=True)


async def remove(session: AsyncSession, person: Person, membership_id: int) -> tuple[Member, Child]:
    """A guardian takes someone off the team."""
    found, child = await member(session, person, membership_id)
    await _end(session, found.membership, "member.removed", actor_id=person.id)
    return found, child


async def leave(session: AsyncSession, person: Person, child_id: int) -> Child:
    """``person`` leaves ``child_id``'s team."""
    own = require_member(await membership_in(session, person.id, child_id))
    await _end(session, own, "member.left", actor_id=person.id)
    if person.default_child_id == child_id:
        person.default_child_id = None
    return await get_child(session, child_id)


async def own(session: AsyncSession, person: Person, membership_id: int) -> tuple[Member, Child]:
    """``person``'s own current membership, as a button names it."""
    mine = require_member(await session.get(Membership, membership_id))
    if mine.person_id != person.id:
        raise NotAMember()
    return Member(mine, person), await get_child(session, mine.child_id)


async def set_notify(
    session: AsyncSession, person: Person, membership_id: int, notify: NotifyPreference
) -> NotifySaved:
    """``person`` chooses how they hear about their own team.

    "Digests only" subscribes them to the default digest schedule unless they have one.
    """
    found, child = await own(session, person, membership_id)
    mine = found.membership
    if mine.notify != notify:
        mine.notify = notify
        # Asking again for private messages is the way back after a block was lifted.
        if notify == NotifyPreference.PRIVATE and person.started_bot:
            mine.private_delivery_ok = True
        await audit.record(
            session,
            "member.notify_changed",
            actor_id=person.id,
            child_id=mine.child_id,
            notify=notify.value,
        )
    if notify != NotifyPreference.DIGEST:
        return NotifySaved(found, child)
    return NotifySaved(found, child, await subscribe_default(session, person, mine))


async def _keep_a_guardian(session: AsyncSession, leaving: Membership) -> None:
    """Refuse to lose the team's last guardian."""
    guardians = await session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(
            Membership.child_id == leaving.child_id,
            Membership.role == Role.GUARDIAN,
            Membership.left_at.is_(None),
        )
    )
    if (guardians or 0) <= 1:
        raise DomainError("teams.last_guardian")


async def _end(session: AsyncSession, membership: Membership, kind: str, *, actor_id: int) -> None:
    if membership.role == Role.GUARDIAN:
        await _keep_a_guardian(session, membership)
    membership.left_at = clock.now()
    await audit.record(
        session,
        kind,
        actor_id=actor_id,
        child_id=membership.child_id,
        person_id=membership.person_id,
    )
