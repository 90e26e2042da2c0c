"""Care teams: creating one, finding which child a command is about, outsiders, erasing a child."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.services.errors import DomainError, Forbidden, NotAMember
from bot.services.teams import children as teams
from bot.services.teams.permissions import Chat
from models import Child, Event, Membership, Person, Role, TeamChat
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP = -100500


async def test_the_creator_of_a_team_becomes_its_guardian(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        child = await teams.create_child(session, mum, "Lily", "Europe/Paris", 2019)

    async with db.open_session() as session:
        membership = await session.scalar(select(Membership))
        assert (membership.person_id, membership.child_id) == (mum.id, child.id)
        assert membership.role == Role.GUARDIAN
        event = await session.scalar(select(Event))
    assert (event.kind, event.actor_id, event.child_id) == ("child.created", mum.id, child.id)


async def test_in_private_a_member_of_one_team_needs_no_choice(db: Database) -> None:
    async with db.transaction() as session:
        lily, teacher = await make_child(session), await make_person(session, 2, "Ms Park")
        mine = await make_member(session, lily, teacher, Role.EDUCATOR)

        found = await teams.resolve(session, teacher, chat_id=2)

    assert isinstance(found, Membership) and found.id == mine.id


async def test_in_private_a_member_of_two_teams_is_asked_which_child(db: Database) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        teacher = await make_person(session, 2, "Ms Park")
        await make_member(session, lily, teacher, Role.EDUCATOR)
        await make_member(session, tom, teacher, Role.EDUCATOR)

        found = await teams.resolve(session, teacher, chat_id=2)

    assert isinstance(found, teams.Choice)
    assert [child.name for child in found.children] == ["Lily", "Tom"]


async def test_the_default_child_answers_the_question(db: Database) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        teacher = await make_person(session, 2, "Ms Park")
        await make_member(session, lily, teacher, Role.EDUCATOR)
        toms = await make_member(session, tom, teacher, Role.EDUCATOR)
        await teams.set_default(session, teacher, tom.id)

        found = await teams.resolve(session, teacher, chat_id=2)

    assert isinstance(found, Membership) and found.id == toms.id


async def test_in_a_linked_group_the_child_is_the_groups(db: Database) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        teacher = await make_person(session, 2, "Ms Park")
        await make_member(session, lily, teacher, Role.EDUCATOR)
        toms = await make_member(session, tom, teacher, Role.EDUCATOR)
        await link_group(session, tom, GROUP)

        found = await teams.resolve(session, teacher, GROUP)

    assert isinstance(found, Membership) and found.id == toms.id


async def test_a_button_for_another_teams_child_is_refused_in_a_linked_group(
    db: Database,
) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        teacher = await make_person(session, 2, "Ms Park")
        await make_member(session, lily, teacher, Role.EDUCATOR)
        await make_member(session, tom, teacher, Role.EDUCATOR)
        await link_group(session, tom, GROUP)

        with pytest.raises(NotAMember):
            await teams.resolve(session, teacher, GROUP, child_id=lily.id)


async def test_someone_in_the_group_but_not_on_the_team_is_an_outsider(db: Database) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, GROUP)
        stranger = await make_person(session, 9, "Sam")

        found = await teams.resolve(session, stranger, GROUP)

    assert isinstance(found, teams.Outsider) and found.child.id == lily.id


async def test_a_private_button_for_a_team_one_is_not_on_is_refused(db: Database) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        stranger = await make_person(session, 9, "Sam")

        with pytest.raises(NotAMember):
            await teams.resolve(session, stranger, 9, child_id=lily.id)


async def test_someone_without_a_team_is_told_how_to_get_one(db: Database) -> None:
    async with db.transaction() as session:
        stranger = await make_person(session, 9, "Sam")

        with pytest.raises(DomainError) as refused:
            await teams.resolve(session, stranger, 9)

    assert refused.value.key == "teams.no_team"


async def test_a_team_command_in_an_unlinked_group_asks_for_a_link(db: Database) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        await make_member(session, await make_child(session), mum)

        with pytest.raises(DomainError) as refused:
            await teams.resolve(session, mum, GROUP)

    assert refused.value.key == "teams.group_not_linked"


async def test_an_outsider_is_noted_only_the_first_time(db: Database) -> None:
    async with db.transaction() as session:
        lily, stranger = await make_child(session), await make_person(session, 9, "Sam")

        first = await teams.note_outsider(session, stranger, lily.id)
        second = await teams.note_outsider(session, stranger, lily.id)

    assert (first, second) == (True, False)


async def test_help_in_the_team_group_counts_only_that_teams_role(db: Database) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        nurse = await make_person(session, 3, "Kim")
        await make_member(session, lily, nurse, Role.GUARDIAN)
        await make_member(session, tom, nurse, Role.CLINICIAN)
        await link_group(session, tom, GROUP)

        assert await teams.help_context(session, nurse, GROUP) == (
            Chat.TEAM_GROUP,
            {Role.CLINICIAN},
        )
        assert await teams.help_context(session, nurse, 3) == (
            Chat.PRIVATE,
            {Role.GUARDIAN, Role.CLINICIAN},
        )


async def test_only_a_guardian_may_erase_a_child(db: Database) -> None:
    async with db.transaction() as session:
        lily, doctor = await make_child(session), await make_person(session, 4, "Dr Lee")
        await make_member(session, lily, doctor, Role.CLINICIAN)

        with pytest.raises(Forbidden):
            await teams.delete_child(session, doctor, lily.id)


async def test_erasing_a_child_leaves_one_anonymous_event(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        lily = await teams.create_child(session, mum, "Lily", "Europe/Paris", None)
        teacher = await make_person(session, 2, "Ms Park")
        await make_member(session, lily, teacher, Role.EDUCATOR)
        mum.default_child_id = teacher.default_child_id = lily.id
        await link_group(session, lily, GROUP)
    async with db.transaction() as session:
        mum = await session.get(Person, mum.id)
        erased = await teams.delete_child(session, mum, lily.id)

    assert erased == teams.Erased("Lily", GROUP)
    async with db.open_session() as session:
        events = list(await session.scalars(select(Event)))
        assert await session.scalar(select(func.count()).select_from(Child)) == 0
        assert await session.scalar(select(func.count()).select_from(TeamChat)) == 0
        assert (await session.get(Person, mum.id)).default_child_id is None
        assert (await session.get(Person, teacher.id)).default_child_id is None
    assert [(e.kind, e.actor_id, e.child_id, e.payload) for e in events] == [
        ("child.deleted", mum.id, None, {})
    ]
