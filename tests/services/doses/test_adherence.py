"""Adherence: per medicine, doses given on time, given late, skipped and missed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.doses import adherence
from bot.services.doses import answers as dose_answers
from bot.services.doses.adherence import Tally
from bot.services.errors import DomainError
from bot.services.teams.children import membership_in
from models import DoseReminder, DoseStatus, Person
from models.session import Database
from tests.services.medications.steps import Team, make_team, run_until, send

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
async def team(db: Database, frozen_clock) -> Team:
    return await make_team(db)


async def answer(db: Database, person: Person, dose: datetime, status: DoseStatus) -> None:
    """``person`` taps Given or Skipped on the reminder of the dose due at ``dose``."""
    async with db.transaction() as session:
        reminder = await session.scalar(
            select(DoseReminder).where(DoseReminder.scheduled_at == dose.astimezone(UTC))
        )
        assert reminder is not None
        await dose_answers.answer(session, person, reminder.id, status)


async def report(db: Database, person: Person, team: Team, days: int, now: datetime):
    async with db.open_session() as session:
        membership = await membership_in(session, person.id, team.lily.id)
        return await adherence.report(session, membership, days, now)


async def test_a_known_week_gives_exact_counts_and_percentages(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 20:00")
    await run_until(db, frozen_clock, at(25, 20, 5))
    await answer(db, team.mum, at(25, 20), DoseStatus.GIVEN)
    await run_until(db, frozen_clock, at(26, 8, 45))
    await answer(db, team.dad, at(26, 8), DoseStatus.GIVEN)
    await run_until(db, frozen_clock, at(26, 20, 10))
    await answer(db, team.gran, at(26, 20), DoseStatus.SKIPPED)
    await run_until(db, frozen_clock, at(27, 10))

    found = await report(db, team.doctor, team, 30, frozen_clock.now())

    [tally] = found.tallies
    assert tally == Tally("levetiracetam", given=1, late=1, skipped=1, missed=1)
    assert [tally.percent(n) for n in (1, 1, 1, 1)] == [25, 25, 25, 25]


async def test_doses_outside_the_period_are_not_counted(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start clobazam 5 mg 20:00")
    await run_until(db, frozen_clock, at(27, 22))

    found = await report(db, team.mum, team, 1, frozen_clock.now())

    assert found.tallies == [Tally("clobazam", missed=1)]


async def test_an_educator_sees_at_most_the_last_30_days(db, team, frozen_clock) -> None:
    found = await report(db, team.teacher, team, 90, frozen_clock.now())

    assert found.since == frozen_clock.now() - timedelta(days=30)


@pytest.mark.parametrize(
    ("typed", "days"), [("", 30), ("30d", 30), ("7", 7), ("2w", 14), ("90 days", 90)]
)
def test_the_period_reads_days_and_weeks(typed: str, days: int) -> None:
    assert adherence.parse_days(typed) == days


@pytest.mark.parametrize("typed", ["0d", "400d", "soon", "-3"])
def test_a_period_that_makes_no_sense_is_refused(typed: str) -> None:
    with pytest.raises(DomainError):
        adherence.parse_days(typed)
