"""Linking a group: one group per child, one child per group, guardians only, through migration."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.errors import DomainError, Forbidden
from bot.services.teams import links
from bot.services.teams.children import Choice
from models import Role, TeamChat
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP, SUPERGROUP = -500, -1000000000500


async def _links(db: Database) -> list[tuple[int, int, str | None]]:
    async with db.open_session() as session:
        return [(g.child_id, g.chat_id, g.title) for g in await session.scalars(select(TeamChat))]


async def test_a_guardian_links_a_group_to_their_child(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily, mum = await make_child(session), await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        found = await links.candidates(session, mum, GROUP)
        await links.link(session, mum, lily.id, GROUP, "Family")

    assert found.id == lily.id
    assert await _links(db) == [(lily.id, GROUP, "Family")]


async def test_a_guardian_of_two_unlinked_children_is_asked_which(db: Database) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        for name in ("Lily", "Tom"):
            await make_member(session, await make_child(session, name), mum)

        found = await links.candidates(session, mum, GROUP)

    assert isinstance(found, Choice) and [c.name for c in found.children] == ["Lily", "Tom"]


async def test_a_caregiver_cannot_link_a_group(db: Database) -> None:
    async with db.transaction() as session:
        lily, gran = await make_child(session), await make_person(session, 5, "Gran")
        await make_member(session, lily, gran, Role.CAREGIVER)

        with pytest.raises(Forbidden):
            await links.link(session, gran, lily.id, GROUP, "Family")


async def test_a_second_group_for_the_same_child_is_refused(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily, mum = await make_child(session), await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        await link_group(session, lily, GROUP)

        with pytest.raises(DomainError) as refused:
            await links.link(session, mum, lily.id, -600, "Other")

    assert refused.value.key == "links.child_has_group"


async def test_a_linked_group_cannot_take_a_second_child(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily, tom = await make_child(session, "Lily"), await make_child(session, "Tom")
        mum = await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        await make_member(session, tom, mum)
        await link_group(session, lily, GROUP)

        with pytest.raises(DomainError) as refused:
            await links.link(session, mum, tom.id, GROUP, "Family")

    assert refused.value.key == "links.already_linked"


async def test_unlinking_removes_the_link(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily, mum = await make_child(session), await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        await link_group(session, lily, GROUP)
        await links.unlink(session, mum, GROUP)

    assert await _links(db) == []


async def test_a_renamed_group_keeps_its_link(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, GROUP)
        await links.retitle(session, GROUP, "Lily ❤️")

    assert await _links(db) == [(lily.id, GROUP, "Lily ❤️")]


async def test_a_group_that_became_a_supergroup_keeps_its_link(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, GROUP)
        await links.migrate(session, GROUP, SUPERGROUP)
        await links.migrate(session, GROUP, SUPERGROUP)

    assert await _links(db) == [(lily.id, SUPERGROUP, "Team")]
