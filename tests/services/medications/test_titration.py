"""Titration plans: each step applied and announced on its day, paused, resumed, ended."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.errors import Forbidden
from bot.services.medications import regimen, titration
from bot.services.teams.children import membership_in
from models import Child, Outbox, Titration, TitrationStatus
from models.session import Database
from tests.services.medications.steps import GROUP, Team, make_team, run_until, send

PLAN = "levetiracetam 500 mg 20:00 increase by 250 mg every 7 days to 1000 mg"


@pytest.fixture
async def team(db: Database, frozen_clock) -> Team:
    return await make_team(db)


async def dose_on(db: Database, lily: Child, moment: datetime) -> str:
    async with db.open_session() as session:
        entries = await regimen.regimen_on(session, lily.id, moment)
    return " ".join(f"{e.dosing.amount.normalize():f} {e.dosing.unit}" for e in entries)


async def steps_announced(db: Database) -> list[str]:
    """The titration messages the group was sent (dose reminders go there too)."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == GROUP).order_by(Outbox.id)
        )
        return [row.payload["text"] for row in rows if "titration step" in row.payload["text"]]


async def the_plan(db: Database) -> Titration:
    async with db.open_session() as session:
        plan = await session.scalar(select(Titration))
        assert plan is not None
        return plan


DEC_1 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
DEC_2 = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
DEC_9 = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)


async def test_a_step_is_applied_on_its_day_and_announced(db, team, frozen_clock) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")

    await run_until(db, frozen_clock, DEC_1)
    assert await dose_on(db, lily, DEC_1) == "500 mg"
    await run_until(db, frozen_clock, DEC_2)

    assert await dose_on(db, lily, DEC_2) == "750 mg"
    [step] = await steps_announced(db)
    assert "500 mg at 20:00 → <b>750 mg at 20:00</b>" in step
    assert "Next: 1000 mg from Wed 09 Dec 2026." in step


async def test_the_last_step_reaches_the_target_and_ends_the_plan(db, team, frozen_clock) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")

    await run_until(db, frozen_clock, DEC_9)

    assert await dose_on(db, lily, DEC_9) == "1000 mg"
    assert (await the_plan(db)).status == TitrationStatus.DONE
    assert "the target dose is reached" in (await steps_announced(db))[-1]


async def test_a_paused_plan_stays_at_its_dose(db, team, frozen_clock) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")
    async with db.transaction() as session:
        membership = await membership_in(session, mum.id, lily.id)
        await titration.pause(session, mum, membership=membership, name="Keppra")

    await run_until(db, frozen_clock, DEC_9)

    assert await dose_on(db, lily, DEC_9) == "500 mg"
    assert (await the_plan(db)).status == TitrationStatus.PAUSED


async def test_a_resumed_plan_steps_a_full_interval_after_resuming(db, team, frozen_clock) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")
    plan = await the_plan(db)
    async with db.transaction() as session:
        await titration.pause(session, mum, plan.id)
    await run_until(db, frozen_clock, DEC_2)

    async with db.transaction() as session:
        state = await titration.resume(session, mum, plan.id)

    assert state.upcoming[0][0].isoformat() == "2026-12-09"
    await run_until(db, frozen_clock, DEC_9)
    assert await dose_on(db, lily, DEC_9) == "750 mg"


async def test_a_change_by_hand_ends_the_plan(db, team, frozen_clock) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")

    await send(db, mum, lily, "change levetiracetam 600 mg")
    await run_until(db, frozen_clock, DEC_9)

    assert await dose_on(db, lily, DEC_9) == "600 mg"
    assert (await the_plan(db)).status == TitrationStatus.ENDED


async def test_an_educator_may_not_pause_a_plan(db, team) -> None:
    lily, mum = team.lily, team.mum
    await send(db, mum, lily, f"start {PLAN}")
    plan = await the_plan(db)

    async with db.transaction() as session:
        with pytest.raises(Forbidden):
            await titration.pause(session, team.teacher, plan.id)

    assert (await the_plan(db)).status == TitrationStatus.ACTIVE
