"""Guided flows in the database: they survive restarts, expire after 15 minutes, never cross."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot import clock
from bot.services import wizards
from models import WizardState
from models.session import Database
from tests.factories import make_person

GROUP = -100123


async def _people(db: Database) -> tuple[int, int]:
    async with db.transaction() as session:
        mum = await make_person(session, 1001, "Anna")
        dad = await make_person(session, 1002, "Ben")
        return mum.id, dad.id


async def test_a_flow_survives_a_new_session_as_after_a_restart(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        state = await wizards.start(session, mum, 1001, "newchild", "name")
        await wizards.advance(session, state, "zone", name="Lily")

    async with db.transaction() as session:
        state = await wizards.current(session, mum, 1001)

    assert state is not None
    assert (state.flow, state.step) == ("newchild", "zone")
    assert wizards.answers(state) == {"name": "Lily"}


async def test_advancing_keeps_earlier_answers(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        state = await wizards.start(session, mum, 1001, "newchild", "name")
        await wizards.advance(session, state, "zone", name="Lily")
        await wizards.advance(session, state, "year", timezone="Europe/Paris")

    async with db.transaction() as session:
        state = await wizards.current(session, mum, 1001)

    assert state is not None
    assert wizards.answers(state) == {"name": "Lily", "timezone": "Europe/Paris"}


async def test_a_flow_left_quiet_for_15_minutes_is_gone(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        await wizards.start(session, mum, 1001, "newchild", "name")
    frozen_clock.advance(timedelta(minutes=15))

    async with db.transaction() as session:
        assert await wizards.current(session, mum, 1001) is None
    async with db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(WizardState)) == 0


async def test_each_answer_gives_another_15_minutes(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        state = await wizards.start(session, mum, 1001, "newchild", "name")
    frozen_clock.advance(timedelta(minutes=10))
    async with db.transaction() as session:
        state = await wizards.current(session, mum, 1001)
        assert state is not None
        await wizards.advance(session, state, "zone", name="Lily")
    frozen_clock.advance(timedelta(minutes=10))

    async with db.transaction() as session:
        assert await wizards.current(session, mum, 1001) is not None


async def test_two_people_in_one_group_each_have_their_own_flow(db: Database, frozen_clock) -> None:
    mum, dad = await _people(db)
    async with db.transaction() as session:
        await wizards.start(session, mum, GROUP, "episode", "when", child_id=None, by="mum")
        await wizards.start(session, dad, GROUP, "episode", "what", by="dad")

    async with db.transaction() as session:
        mine = await wizards.current(session, mum, GROUP)
        his = await wizards.current(session, dad, GROUP)

    assert mine is not None and (mine.step, wizards.answers(mine)) == ("when", {"by": "mum"})
    assert his is not None and (his.step, wizards.answers(his)) == ("what", {"by": "dad"})


async def test_finishing_one_persons_flow_leaves_the_others(db: Database, frozen_clock) -> None:
    mum, dad = await _people(db)
    async with db.transaction() as session:
        mine = await wizards.start(session, mum, GROUP, "episode", "when")
        await wizards.start(session, dad, GROUP, "episode", "when")
        await wizards.finish(session, mine)

    async with db.transaction() as session:
        assert await wizards.current(session, mum, GROUP) is None
        assert await wizards.current(session, dad, GROUP) is not None


async def test_starting_again_replaces_the_flow_in_progress(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        await wizards.start(session, mum, 1001, "episode", "when")
        await wizards.start(session, mum, 1001, "newchild", "name")

    async with db.transaction() as session:
        state = await wizards.current(session, mum, 1001)

    assert state is not None and state.flow == "newchild"


async def test_a_button_from_a_replaced_flow_has_expired(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        old = wizards.ticket(await wizards.start(session, mum, 1001, "newchild", "name"))
        await wizards.start(session, mum, 1001, "newchild", "name")

    async with db.transaction() as session:
        with pytest.raises(wizards.WizardExpired):
            await wizards.resume(session, mum, 1001, "newchild", old)


async def test_a_flow_expires_at_the_clocks_time(db: Database, frozen_clock) -> None:
    mum, _ = await _people(db)
    async with db.transaction() as session:
        state = await wizards.start(session, mum, 1001, "newchild", "name")

    assert state.expires_at == clock.now() + wizards.TTL
