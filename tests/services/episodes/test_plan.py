"""The seizure action plan: all read it; guardians and clinicians write it and its threshold."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.episodes import plan as action_plan
from bot.services.errors import DomainError, Forbidden
from models import Child, Event, Membership
from models.session import Database
from tests.services.episodes.steps import team_of_four


async def _plan(db: Database, membership: Membership, text: str) -> action_plan.Plan:
    async with db.transaction() as session:
        member = await session.get_one(Membership, membership.id)
        return await action_plan.apply(session, member, member.person_id, text)


async def _lily(db: Database) -> Child:
    async with db.open_session() as session:
        return await session.scalar(select(Child))


async def test_a_guardian_writes_the_plan_and_the_log_keeps_the_old_one(db: Database) -> None:
    team = await team_of_four(db)
    await _plan(db, team["Anna"], "set Lie her on her side.")

    shown = await _plan(db, team["Anna"], "set Lie her on her side. Midazolam at 5 min.")

    assert shown.changed == "plan" and shown.can_edit
    assert (await _lily(db)).action_plan == "Lie her on her side. Midazolam at 5 min."
    async with db.open_session() as session:
        events = list(await session.scalars(select(Event).where(Event.kind == "plan.changed")))
    assert events[-1].payload["before"] == "Lie her on her side."


async def test_a_clinician_sets_the_emergency_threshold(db: Database) -> None:
    team = await team_of_four(db)

    await _plan(db, team["Dr Lee"], "threshold 3m")

    assert (await _lily(db)).emergency_threshold_seconds == 180


async def test_an_educator_reads_the_plan_but_cannot_change_it(db: Database) -> None:
    team = await team_of_four(db)
    await _plan(db, team["Anna"], "set Call 999 at 5 minutes.")

    shown = await _plan(db, team["Ms Park"], "")
    with pytest.raises(Forbidden) as refused:
        await _plan(db, team["Ms Park"], "set Nothing to worry about.")

    assert shown.child.action_plan == "Call 999 at 5 minutes." and not shown.can_edit
    assert refused.value.key == "permissions.refused.set_plan"
    assert (await _lily(db)).action_plan == "Call 999 at 5 minutes."


@pytest.mark.parametrize(("text", "seconds"), [("3m", 180), ("90s", 90), ("5 min", 300)])
def test_thresholds_read_like_durations(text: str, seconds: int) -> None:
    assert action_plan.parse_threshold(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "10s", "2h", "-3m"])
def test_an_unreasonable_threshold_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as refused:
        action_plan.parse_threshold(text)

    assert refused.value.key == "plan.bad_threshold"


async def test_an_unknown_plan_command_explains_the_choices(db: Database) -> None:
    team = await team_of_four(db)

    with pytest.raises(DomainError) as refused:
        await _plan(db, team["Anna"], "delete")

    assert refused.value.key == "plan.usage"
