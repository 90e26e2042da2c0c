"""One-time invitations: a secret link that adds one person to a team with one role."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.errors import DomainError, NotAMember
from bot.services.teams.children import membership_in
from bot.services.teams.permissions import Action, require
from models import Child, Invite, Membership, Person, Role

VALID_FOR = timedelta(days=7)
TOKEN_BYTES = 24


class InviteUnknown(DomainError):
    key = "invites.unknown"


class InviteExpired(DomainError):
    key = "invites.expired"


class InviteUsed(DomainError):
    key = "invites.used"


class InviteRevoked(DomainError):
    key = "invites.revoked"


@dataclass(frozen=True)
class NewInvite:
    """An invitation just made; ``token`` exists only here, the database keeps its hash."""

    invite: Invite
    token: str
    child: Child


@dataclass(frozen=True)
class Joined:
    """Someone accepted an invitation."""

    membership: Membership
    child: Child


def hash_token(token: str) -> str:
    """The only form of a token that is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


async def inviting(session: AsyncSession, person: Person, child_id: int) -> Child:
    """The child ``person`` is about to invite someone for, if they may."""
    require(await membership_in(session, person.id, child_id), Action.INVITE)
    return await _child(session, child_id)


async def create(session: AsyncSession, person: Person, child_id: int, role: Role) -> NewInvite:
    """A guardian invites someone to join ``child_id``'s team as ``role``."""
    require(await membership_in(session, person.id, child_id), Action.INVITE)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    invite = Invite(
        child_id=child_id,
        role=role,
        token_hash=hash_token(token),
        created_by_id=person.id,
        expires_at=clock.now() + VALID_FOR,
    )
    session.add(invite)
    await session.flush()
    await audit.record(
        session,
        "invite.created",
        actor_id=person.id,
        child_id=child_id,
        invite_id=invite.id,
        role=role.value,
    )
    return NewInvite(invite, token, await _child(session, child_id))


async def accept(session: AsyncSession, person: Person, token: str) -> Joined:
    """``person`` opens an invitation link; they join the team with the invited role."""
    invite = await session.scalar(select(Invite).where(Invite.token_hash == hash_token(token)))
    _check_open(invite)
    assert invite is not None
    child = await _child(session, invite.child_id)
    membership = await session.scalar(
        select(Membership).where(
            Membership.child_id == invite.child_id, Membership.person_id == person.id
        )
    )
    if membership is not None and membership.left_at is None:
        raise DomainError("invites.already_member")
    now = clock.now()
    if membership is None:
        membership = Membership(child_id=child.id, person_id=person.id, role=invite.role)
        session.add(membership)
    membership.role, membership.joined_at, membership.left_at = invite.role, now, None
    invite.used_by_id, invite.used_at = person.id, now
    await session.flush()
    await audit.record(
        session,
        "invite.accepted",
        actor_id=person.id,
        child_id=child.id,
        invite_id=invite.id,
        role=invite.role.value,
    )
    return Joined(membership, child)


async def open_invites(
    session: AsyncSession, person: Person, child_id: int
) -> tuple[Child, list[Invite]]:
    """The invitations of ``child_id``'s team that can still be used, newest first."""
    require(await membership_in(session, person.id, child_id), Action.INVITE)
    invites = await session.scalars(
        select(Invite)
        .where(
            Invite.child_id == child_id,
            Invite.used_at.is_(None),
            Invite.revoked_at.is_(None),
            Invite.expires_at > clock.now(),
        )
        .order_by(Invite.id.desc())
    )
    return await _child(session, child_id), list(invites)


async def revoke(
    session: AsyncSession, person: Person, invite_id: int
) -> tuple[Child, list[Invite]]:
    """A guardian cancels an invitation before anyone uses it; return those still open."""
    invite = await session.get(Invite, invite_id)
    if invite is None:
        raise NotAMember()
    require(await membership_in(session, person.id, invite.child_id), Action.INVITE)
    if invite.used_at or invite.revoked_at or invite.expires_at <= clock.now():
        raise DomainError("invites.not_open")
    invite.revoked_at = clock.now()
    await audit.record(
        session, "invite.revoked", actor_id=person.id, child_id=invite.child_id, invite_id=invite.id
    )
    return await open_invites(session, person, invite.child_id)


def _check_open(invite: Invite | None) -> None:
    """Raise the error that says why ``invite`` cannot be used, if it cannot."""
    if invite is None:
        raise InviteUnknown()
    if invite.revoked_at is not None:
        raise InviteRevoked()
    if invite.used_at is not None:
        raise InviteUsed()
    if invite.expires_at <= clock.now():
        raise InviteExpired()


async def _child(session: AsyncSession, child_id: int) -> Child:
    child = await session.get(Child, child_id)
    if child is None:
        raise NotAMember()
    return child
