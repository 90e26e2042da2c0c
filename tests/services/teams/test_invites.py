"""Invitations: only a hash is stored; each works once, for 7 days, unless revoked."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.services.errors import DomainError, Forbidden
from bot.services.teams import invites
from bot.texts import t
from models import Event, Invite, Membership, Outbox, Person, Role
from models.session import Database
from tests.factories import make_child, make_member, make_person


async def _invitation(db: Database, role: Role = Role.EDUCATOR) -> tuple[str, int, int]:
    """Lily's guardian Anna invites someone as ``role``; return the token, child and invite ids."""
    async with db.transaction() as session:
        lily, mum = await make_child(session), await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        made = await invites.create(session, mum, lily.id, role)
    return made.token, lily.id, made.invite.id


async def _accept(db: Database, token: str, telegram_id: int = 2, name: str = "Ms Park"):
    async with db.transaction() as session:
        person = await session.scalar(select(Person).where(Person.telegram_user_id == telegram_id))
        person = person or await make_person(session, telegram_id, name)
        return await invites.accept(session, person, token)


async def _memberships(db: Database) -> int:
    async with db.open_session() as session:
        return await session.scalar(select(func.count()).select_from(Membership)) or 0


async def test_only_a_hash_of_the_token_is_stored(db: Database, frozen_clock) -> None:
    token, _, invite_id = await _invitation(db)

    async with db.open_session() as session:
        invite = await session.get(Invite, invite_id)
    assert invite.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invite.token_hash


async def test_the_token_is_stored_nowhere_else(db: Database, frozen_clock) -> None:
    token, _, _ = await _invitation(db)

    async with db.open_session() as session:
        rows = [
            row
            for table in (Invite, Outbox)
            for row in (await session.execute(select(table))).all()
        ]
        events = (await session.execute(select(Event))).all()
    assert token not in repr(rows) + repr(events)


async def test_the_link_is_a_telegram_start_parameter(db: Database, frozen_clock) -> None:
    token, _, _ = await _invitation(db)

    assert 20 <= len(token) <= 64
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


async def test_opening_an_invitation_joins_with_its_role(db: Database, frozen_clock) -> None:
    token, lily_id, _ = await _invitation(db)

    joined = await _accept(db, token)

    assert (joined.child.id, joined.membership.role) == (lily_id, Role.EDUCATOR)
    assert await _memberships(db) == 2


async def test_an_invitation_works_only_once(db: Database, frozen_clock) -> None:
    token, _, _ = await _invitation(db)
    await _accept(db, token)

    with pytest.raises(invites.InviteUsed):
        await _accept(db, token, telegram_id=3, name="Sam")

    assert await _memberships(db) == 2


async def test_an_invitation_expires_after_7_days(db: Database, frozen_clock) -> None:
    token, _, _ = await _invitation(db)
    frozen_clock.advance(timedelta(days=7))

    with pytest.raises(invites.InviteExpired):
        await _accept(db, token)

    assert await _memberships(db) == 1


async def test_an_invitation_works_until_just_before_7_days(db: Database, frozen_clock) -> None:
    token, _, _ = await _invitation(db)
    frozen_clock.advance(timedelta(days=7) - timedelta(seconds=1))

    await _accept(db, token)

    assert await _memberships(db) == 2


async def test_a_revoked_invitation_does_nothing(db: Database, frozen_clock) -> None:
    token, _, invite_id = await _invitation(db)
    async with db.transaction() as session:
        mum = await session.scalar(select(Person).where(Person.telegram_user_id == 1))
        await invites.revoke(session, mum, invite_id)

    with pytest.raises(invites.InviteRevoked):
        await _accept(db, token)

    assert await _memberships(db) == 1


async def test_an_unknown_token_does_nothing(db: Database, frozen_clock) -> None:
    await _invitation(db)

    with pytest.raises(invites.InviteUnknown):
        await _accept(db, "not-a-real-token")

    assert await _memberships(db) == 1


def test_unknown_expired_used_and_revoked_each_have_their_own_words() -> None:
    refusals = [invites.InviteUnknown, invites.InviteExpired, invites.InviteUsed]
    texts = {t(refusal.key) for refusal in [*refusals, invites.InviteRevoked]}

    assert len(texts) == 4


async def test_a_member_opening_an_invitation_changes_nothing(db: Database, frozen_clock) -> None:
    token, _, invite_id = await _invitation(db)

    with pytest.raises(DomainError) as refused:
        await _accept(db, token, telegram_id=1)

    assert refused.value.key == "invites.already_member"
    async with db.open_session() as session:
        assert (await session.get(Invite, invite_id)).used_at is None


async def test_someone_who_left_can_rejoin_with_a_new_invitation(
    db: Database, frozen_clock
) -> None:
    token, _, _ = await _invitation(db)
    joined = await _accept(db, token)
    async with db.transaction() as session:
        (await session.get(Membership, joined.membership.id)).left_at = frozen_clock.now()
        mum = await session.scalar(select(Person).where(Person.telegram_user_id == 1))
        again = await invites.create(session, mum, joined.child.id, Role.CAREGIVER)

    rejoined = await _accept(db, again.token)

    assert rejoined.membership.id == joined.membership.id
    assert (rejoined.membership.role, rejoined.membership.left_at) == (Role.CAREGIVER, None)


async def test_only_a_guardian_may_invite(db: Database, frozen_clock) -> None:
    token, lily_id, _ = await _invitation(db)
    joined = await _accept(db, token)

    async with db.transaction() as session:
        teacher = await session.get(Person, joined.membership.person_id)
        with pytest.raises(Forbidden):
            await invites.create(session, teacher, lily_id, Role.EDUCATOR)


async def test_open_invitations_leave_out_used_revoked_and_expired(
    db: Database, frozen_clock
) -> None:
    used, lily_id, _ = await _invitation(db)
    await _accept(db, used)
    async with db.transaction() as session:
        mum = await session.scalar(select(Person).where(Person.telegram_user_id == 1))
        revoked = await invites.create(session, mum, lily_id, Role.CLINICIAN)
        await invites.revoke(session, mum, revoked.invite.id)
        stale = await invites.create(session, mum, lily_id, Role.CAREGIVER)
    frozen_clock.advance(timedelta(days=1))
    async with db.transaction() as session:
        fresh = await invites.create(session, mum, lily_id, Role.GUARDIAN)
    frozen_clock.advance(timedelta(days=6, hours=1))

    async with db.open_session() as session:
        _, open_ = await invites.open_invites(session, mum, lily_id)

    assert [invite.id for invite in open_] == [fresh.invite.id]
    assert stale.invite.id not in [invite.id for invite in open_]
