"""The digest figures of a made-up month (see month.py), every number worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot import clock
from bot.services.digests.episodes import Compared, Day
from bot.services.digests.figures import Figures, figures
from bot.services.digests.medicines import Span
from bot.services.doses.adherence import Tally
from bot.services.errors import DomainError, Forbidden
from bot.services.medications.regimen import Dosing
from bot.services.teams.children import membership_in
from models import ChangeAction, Child, Person
from models.session import Database
from tests.services.digests.month import TODAY, Month, at, make_month, nov

TWICE = ("08:00", "20:00")


@pytest.fixture
async def month(db: Database) -> Month:
    previous = clock.use(clock.FrozenClock(TODAY))
    try:
        yield await make_month(db)
    finally:
        clock.use(previous)


async def digest_for(db: Database, month: Month, reader: Person, days: int = 28) -> Figures:
    async with db.open_session() as session:
        membership = await membership_in(session, reader.id, month.lily.id)
        return await figures(session, membership, days)


async def test_the_period_is_the_last_28_whole_days_on_the_childs_clock(db, month) -> None:
    found = await digest_for(db, month, month.lee)

    assert (found.period.first, found.period.last, found.period.days) == (
        date(2026, 11, 2),
        date(2026, 11, 29),
        28,
    )
    assert found.period.previous().first == date(2026, 10, 5)
    assert found.record_start is None


async def test_episodes_and_days_with_episodes_are_compared_with_the_28_days_before(
    db, month
) -> None:
    frequency = (await digest_for(db, month, month.lee)).frequency

    assert frequency.episodes == Compared(now=10, before=7)
    assert (frequency.episodes.percent, frequency.episodes.small) == (43, False)
    assert frequency.episode_days == Compared(now=8, before=6)
    assert (frequency.episode_days.percent, frequency.episode_days.small) == (33, True)
    assert (frequency.free_days, frequency.longest_free_run) == (20, 4)


async def test_jerks_per_day_count_the_days_a_series_was_reported(db, month) -> None:
    frequency = (await digest_for(db, month, month.lee)).frequency

    # 3 Nov: 12 jerks; 21 Nov: a series of 5 and a single jerk.
    assert (frequency.jerk_days, frequency.jerks_median, frequency.jerks_max) == (2, 9, 12)


async def test_one_cluster_one_long_episode_and_one_rescue(db, month) -> None:
    severity = (await digest_for(db, month, month.lee)).severity

    assert (severity.clusters, severity.cluster_episodes, severity.cluster_hours) == (1, 3, 24)
    assert (severity.long, severity.threshold_seconds, severity.rescue) == (1, 300, 1)


async def test_where_when_triggers_and_episodes_after_a_dose_not_given(db, month) -> None:
    pattern = (await digest_for(db, month, month.lee)).pattern

    assert pattern.places == (("home", 4), ("school", 3), ("other", 1), ("unknown", 2))
    assert pattern.times == (("night", 1), ("morning", 5), ("afternoon", 1), ("evening", 3))
    assert (pattern.waking, pattern.sleep) == (1, 1)
    assert pattern.triggers == (("fatigue", 2), ("illness", 2), ("missed_dose", 1))
    # 1 skipped and 3 missed; only E8 fell within 24 hours after one (E9 at exactly 24 h).
    assert (pattern.doses_not_given, pattern.after_dose_not_given) == (4, 1)


async def test_the_dose_change_with_the_windows_before_and_after_it(db, month) -> None:
    [change] = (await digest_for(db, month, month.lee)).changes

    assert (change.medication, change.action, change.at) == (
        "levetiracetam",
        ChangeAction.ADJUST,
        nov(16),
    )
    assert change.before == Dosing(Decimal(250), "mg", TWICE)
    assert change.after == Dosing(Decimal(500), "mg", TWICE)
    assert (change.steps, change.under_way) == (0, False)
    before, after = change.window_before, change.window_after
    # 19 Oct to 16 Nov (local midnights): 5 episodes up to 1 Nov, then E1 to E6.
    assert (before.start, before.end, before.days, before.episodes) == (at(10, 19), nov(16), 28, 11)
    assert (before.rate, before.full) == (11, True)
    assert after is not None
    assert (after.start, after.end, after.days, after.episodes) == (nov(16), nov(30), 14, 4)
    assert (after.rate, after.full) == (8, False)
    assert change.responder is None


async def test_adherence_counts_each_dose_of_the_period(db, month) -> None:
    found = await digest_for(db, month, month.lee)

    assert found.adherence == [Tally("levetiracetam", given=50, late=2, skipped=1, missed=3)]


async def test_how_far_the_record_can_be_trusted(db, month) -> None:
    trust = (await digest_for(db, month, month.lee)).trust

    # 28 Nov: no episode and both doses missed. Witnessed: E4 (Ben too), E7 (timed), E9 (grandma).
    assert (trust.silent_days, trust.episodes, trust.witnessed) == (1, 10, 3)
    assert trust.median_delay_minutes == 10
    assert trust.reporters == (("parents", 8), ("school", 3), ("others", 1))


async def test_the_days_and_doses_the_chart_draws(db, month) -> None:
    found = await digest_for(db, month, month.lee)

    assert len(found.days) == 28
    assert found.days[10] == Day(date(2026, 11, 12), (1, 0, 0, 0))
    assert found.days[11] == Day(date(2026, 11, 13), (1, 0, 0, 1))
    assert found.days[19] == Day(date(2026, 11, 21), (2, 0, 0, 0))
    assert sum(sum(day.places) for day in found.days) == 10
    [line] = found.doses
    assert line.medication == "levetiracetam"
    assert line.spans == (
        Span(nov(2), nov(16), Dosing(Decimal(250), "mg", TWICE)),
        Span(nov(16), nov(30), Dosing(Decimal(500), "mg", TWICE)),
    )
    assert line.missed == (nov(20, 20), nov(28, 8), nov(28, 20))
    assert line.skipped == (nov(14, 20),)


async def test_the_next_follow_ups_are_the_active_ones_to_come(db, month) -> None:
    found = await digest_for(db, month, month.lee)

    assert [(u.followup.title, u.times[0]) for u in found.followups] == [
        ("neurology review with Dr Lee", at(12, 3, 14, 30))
    ]


async def test_a_week_compares_with_the_week_before(db, month) -> None:
    found = await digest_for(db, month, month.lee, days=7)

    # 23-29 Nov: E10 only; 16-22 Nov: E7, E8, E9.
    assert found.frequency.episodes == Compared(now=1, before=3)
    assert found.frequency.episodes.percent == -67
    assert found.changes == []


async def test_a_record_begun_within_the_period_before_says_so(db, month) -> None:
    async with db.transaction() as session:
        lily = await session.get_one(Child, month.lily.id)
        lily.created_at = at(10, 20, 9)

    found = await digest_for(db, month, month.lee)

    assert found.record_start == date(2026, 10, 20)


async def test_an_educator_gets_no_digest(db, month) -> None:
    with pytest.raises(Forbidden):
        await digest_for(db, month, month.park)


async def test_a_period_other_than_7_14_28_or_90_days_is_refused(db, month) -> None:
    with pytest.raises(DomainError) as refused:
        await digest_for(db, month, month.lee, days=30)

    assert refused.value.key == "digest.bad_period"
