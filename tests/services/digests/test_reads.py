"""Acknowledging a digest: the team hears once per reader and period, whatever is pressed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.digests import reads
from bot.services.errors import DomainError, Forbidden
from models import DigestRead, Event, Person, Role
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

WEEK = "20261123.20261129"


async def _team(db: Database, role: Role = Role.CLINICIAN):
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, -100)
        mum = await make_person(session, 1, "Anna")
        await make_member(session, lily, mum)
        lee = await make_person(session, 2, "Dr Lee")
        await make_member(session, lily, lee, role)
        return lily, lee


async def _ack(db: Database, person_id: int, child_id: int, arg: str = WEEK) -> reads.Read:
    async with db.transaction() as session:
        person = await session.get(Person, person_id)
        return await reads.acknowledge(session, person, child_id, arg)


async def test_the_first_acknowledgement_is_for_the_team_the_next_for_nobody(db: Database) -> None:
    lily, lee = await _team(db)

    first = await _ack(db, lee.id, lily.id)
    again = await _ack(db, lee.id, lily.id)

    assert (first.first_time, [r.chat_id for r in first.audience.recipients]) == (True, [-100])
    assert (again.first_time, again.audience.recipients) == (False, ())
    async with db.open_session() as session:
        assert [
            (r.first.isoformat(), r.last.isoformat())
            for r in await session.scalars(select(DigestRead))
        ] == [("2026-11-23", "2026-11-29")]
        kinds = list(await session.scalars(select(Event.kind).where(Event.kind == "digest.read")))
    assert kinds == ["digest.read"]


async def test_another_period_is_acknowledged_on_its_own(db: Database) -> None:
    lily, lee = await _team(db)
    await _ack(db, lee.id, lily.id)

    other = await _ack(db, lee.id, lily.id, "20261130.20261206")

    assert other.first_time


@pytest.mark.parametrize(
    "arg", [None, "", "20261123", "20261123.20261125", "2026112.20261129", "x.y"]
)
async def test_a_forged_period_reads_as_an_expired_button(db: Database, arg: str | None) -> None:
    lily, lee = await _team(db)

    with pytest.raises(DomainError) as refused:
        await _ack(db, lee.id, lily.id, arg)

    assert refused.value.key == "errors.expired_button"


async def test_a_role_the_table_refuses_digests_cannot_acknowledge_one(db: Database) -> None:
    lily, teacher = await _team(db, Role.EDUCATOR)

    with pytest.raises(Forbidden):
        await _ack(db, teacher.id, lily.id)
