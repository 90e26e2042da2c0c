"""A team's members: the roster, roles, removal, leaving, the last guardian, notifications."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.errors import DomainError, Forbidden, NotAMember
from bot.services.teams import audience, members
from models import Event, Membership, NotifyPreference, Role
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person


async def _team(db: Database):
    """Lily's team: Anna (guardian), Ms Park (educator)."""
    async with db.transaction() as session:
        lily = await make_child(session)
        mum, teacher = (
            await make_person(session, 1, "Anna"),
            await make_person(session, 2, "Ms Park"),
        )
        mums = await make_member(session, lily, mum, Role.GUARDIAN)
        teachers = await make_member(session, lily, teacher, Role.EDUCATOR)
    return lily, mum, teacher, mums, teachers


async def _events(db: Database) -> list[tuple[str, dict]]:
    async with db.open_session() as session:
        return [
            (e.kind, e.payload) for e in await session.scalars(select(Event).order_by(Event.id))
        ]


async def test_the_roster_lists_guardians_first(db: Database) -> None:
    _, _, _, mums, teachers = await _team(db)

    async with db.open_session() as session:
        team = await members.roster(session, teachers)

    assert [m.person.first_name for m in team.members] == ["Anna", "Ms Park"]
    assert team.child.name == "Lily" and team.group is None


async def test_a_guardian_changes_a_members_role(db: Database, frozen_clock) -> None:
    _, mum, _, _, teachers = await _team(db)

    async with db.transaction() as session:
        await members.change_role(session, mum, teachers.id, Role.CAREGIVER)

    async with db.open_session() as session:
        assert (await session.get(Membership, teachers.id)).role == Role.CAREGIVER
    assert (await _events(db))[-1][0] == "member.role_changed"


async def test_the_role_a_member_has_already_changes_nothing(db: Database, frozen_clock) -> None:
    _, mum, _, _, teachers = await _team(db)
    before = await _events(db)

    async with db.transaction() as session:
        changed = await members.change_role(session, mum, teachers.id, Role.EDUCATOR)

    assert changed.changed is False and changed.member.membership.role == Role.EDUCATOR
    assert await _events(db) == before


async def test_an_educator_cannot_change_roles(db: Database) -> None:
    _, _, teacher, mums, _ = await _team(db)

    async with db.transaction() as session:
        with pytest.raises(Forbidden):
            await members.change_role(session, teacher, mums.id, Role.EDUCATOR)


async def test_the_last_guardian_cannot_be_demoted(db: Database) -> None:
    _, mum, _, mums, _ = await _team(db)

    async with db.transaction() as session:
        with pytest.raises(DomainError) as refused:
            await members.change_role(session, mum, mums.id, Role.CAREGIVER)

    assert refused.value.key == "teams.last_guardian"


async def test_the_last_guardian_cannot_leave(db: Database) -> None:
    lily, mum, _, _, _ = await _team(db)

    async with db.transaction() as session:
        with pytest.raises(DomainError) as refused:
            await members.leave(session, mum, lily.id)

    assert refused.value.key == "teams.last_guardian"


async def test_one_of_two_guardians_may_leave(db: Database, frozen_clock) -> None:
    lily, mum, _, mums, _ = await _team(db)
    async with db.transaction() as session:
        dad = await make_person(session, 3, "Ben")
        await make_member(session, lily, dad, Role.GUARDIAN)

    async with db.transaction() as session:
        await members.leave(session, mum, lily.id)

    async with db.open_session() as session:
        assert (await session.get(Membership, mums.id)).left_at == frozen_clock.now()


async def test_a_removed_member_is_off_the_roster(db: Database, frozen_clock) -> None:
    _, mum, _, mums, teachers = await _team(db)

    async with db.transaction() as session:
        await members.remove(session, mum, teachers.id)
    async with db.open_session() as session:
        team = await members.roster(session, await session.get(Membership, mums.id))

    assert [m.person.first_name for m in team.members] == ["Anna"]
    assert (await _events(db))[-1][0] == "member.removed"


async def test_a_removed_members_old_button_changes_nothing(db: Database, frozen_clock) -> None:
    lily, mum, teacher, mums, teachers = await _team(db)
    async with db.transaction() as session:
        dad = await make_person(session, 3, "Ben")
        await make_member(session, lily, dad, Role.GUARDIAN)
        await members.change_role(session, mum, teachers.id, Role.GUARDIAN)
        await members.remove(session, dad, teachers.id)

    async with db.transaction() as session:
        with pytest.raises(NotAMember):
            await members.remove(session, teacher, mums.id)


async def test_after_leaving_or_removal_only_the_team_and_its_group_hear_about_the_child(
    db: Database, frozen_clock
) -> None:
    lily, mum, teacher, _, teachers = await _team(db)
    async with db.transaction() as session:
        await link_group(session, lily, -100)
        other = await make_child(session, "Max")
        await link_group(session, other, -200)
        dad = await make_person(session, 3, "Ben")
        await make_member(session, other, dad)
    chats = [1, 2, 3, -100, -200, 99]

    async with db.transaction() as session:
        before = await audience.hearing(session, lily.id, chats)
        await members.remove(session, mum, teachers.id)
        after = await audience.hearing(session, lily.id, chats)

    assert before.keys() == {1, 2, -100}
    assert after.keys() == {1, -100}
    async with db.open_session() as session:
        assert not await audience.hears_about(session, lily.id, teacher.telegram_user_id)


async def test_someone_chooses_private_messages_for_themselves(db: Database) -> None:
    _, _, teacher, _, teachers = await _team(db)

    async with db.transaction() as session:
        await members.set_notify(session, teacher, teachers.id, NotifyPreference.PRIVATE)

    async with db.open_session() as session:
        assert (await session.get(Membership, teachers.id)).notify == NotifyPreference.PRIVATE


async def test_nobody_chooses_notifications_for_someone_else(db: Database) -> None:
    _, mum, _, _, teachers = await _team(db)

    async with db.transaction() as session:
        with pytest.raises(NotAMember):
            await members.set_notify(session, mum, teachers.id, NotifyPreference.DIGEST)


@pytest.mark.parametrize("value", [None, "", "admin", "GUARDIAN"])
def test_a_forged_role_reads_as_an_expired_button(value: str | None) -> None:
    with pytest.raises(DomainError) as refused:
        members.role_named(value)

    assert refused.value.key == "errors.expired_button"
