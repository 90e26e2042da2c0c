"""Reading the episodes: pages newest first, educators' 30 days, today's summary, one opened."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services.episodes import history as episode_history
from bot.services.errors import DomainError
from models import Child, Episode, Membership, Person
from models.session import Database
from tests.services.episodes.steps import ANNA, NOW, PARK, team_of_four


async def _add(db: Database, membership: Membership, *ago_and_seconds: tuple[timedelta, int]):
    """Episodes reported by ``membership``'s person, each so long ago, lasting so many seconds."""
    async with db.transaction() as session:
        for ago, seconds in ago_and_seconds:
            session.add(
                Episode(
                    child_id=membership.child_id,
                    reporter_id=membership.person_id,
                    occurred_at=NOW - ago,
                    duration_seconds=seconds,
                    relayed_at=NOW - ago,
                )
            )


async def _page(db: Database, membership: Membership, period: str = "7d", index: int = 0):
    async with db.open_session() as session:
        viewer = await session.get_one(Membership, membership.id)
        return await episode_history.page(session, viewer, period, index)


async def test_history_is_paged_ten_at_a_time_newest_first(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], *((timedelta(hours=hour), hour) for hour in range(1, 24)))

    first, third = await _page(db, team["Anna"]), await _page(db, team["Anna"], index=2)

    assert (first.total, first.pages) == (23, 3)
    assert [card.episode.duration_seconds for card in first.cards] == list(range(1, 11))
    assert [card.episode.duration_seconds for card in third.cards] == [21, 22, 23]


async def test_a_page_past_the_end_shows_the_last_one(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], *((timedelta(hours=hour), hour) for hour in range(1, 13)))

    page = await _page(db, team["Anna"], index=9)

    assert page.index == 1 and len(page.cards) == 2


@pytest.mark.parametrize(("period", "count"), [("7d", 1), ("30d", 2), ("all", 3)])
async def test_the_period_chooses_how_far_back(
    db: Database, frozen_clock, period: str, count: int
) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], *((timedelta(days=days), 10) for days in (1, 20, 90)))

    assert (await _page(db, team["Anna"], period)).total == count


async def test_educators_see_only_the_last_30_days(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], *((timedelta(days=days), 10) for days in (1, 20, 90)))

    page = await _page(db, team["Ms Park"], "all")

    assert page.total == 2 and page.limited


async def test_an_educator_cannot_open_an_older_episode(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], (timedelta(days=40), 10))

    async with db.open_session() as session:
        park = await session.scalar(select(Person).where(Person.telegram_user_id == PARK))
        old = await session.scalar(select(Episode))
        with pytest.raises(DomainError) as refused:
            await episode_history.open_episode(session, park, PARK, old.id)

    assert refused.value.key == "history.too_old"


async def test_a_guardian_opens_any_episode_and_may_change_it(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Ms Park"], (timedelta(days=40), 10))

    async with db.open_session() as session:
        anna = await session.scalar(select(Person).where(Person.telegram_user_id == ANNA))
        old = await session.scalar(select(Episode))
        shown = await episode_history.open_episode(session, anna, ANNA, old.id)

    assert shown.can_change and shown.card.reporter == "Ms Park"


async def test_today_counts_totals_and_groups_by_setting(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await _add(db, team["Anna"], (timedelta(hours=1), 30), (timedelta(hours=2), 90))
    await _add(db, team["Anna"], (timedelta(days=1), 600))
    async with db.transaction() as session:
        first = await session.scalar(select(Episode).order_by(Episode.id))
        first.setting = "school"

    async with db.open_session() as session:
        summary = await episode_history.today(
            session, await session.get_one(Membership, team["Anna"].id)
        )

    assert (summary.count, summary.total_seconds) == (2, 120)
    assert sorted(summary.by_setting, key=str) == [("school", 1), (None, 1)]


def test_an_unknown_period_is_explained() -> None:
    with pytest.raises(DomainError) as refused:
        episode_history.parse_period("forever")

    assert refused.value.key == "history.bad_period"


async def test_the_counts_split_at_local_midnights_and_skip_withdrawn_reports(
    db: Database, frozen_clock
) -> None:
    # NOW is Wednesday 25 November, 09:00 in London: this week began on Monday 23rd at
    # 00:00, last week on Monday 16th; an episode exactly at a midnight belongs to the day
    # that starts there.
    team = await team_of_four(db)
    monday = timedelta(days=2, hours=9)
    await _add(
        db,
        team["Anna"],
        (timedelta(minutes=5), 10),  # today
        (timedelta(hours=9), 10),  # today, at midnight
        (monday, 10),  # this week, at its first instant
        (monday + timedelta(seconds=1), 10),  # last week, its last second
        (monday + timedelta(days=7), 10),  # last week, at its first instant
        (monday + timedelta(days=7, seconds=1), 10),  # before last week: not counted
        (timedelta(hours=2), 10),  # today, but deleted below
        (timedelta(hours=3), 10),  # today, but merged into another below
    )
    async with db.transaction() as session:
        found = list(await session.scalars(select(Episode).order_by(Episode.id)))
        found[6].deleted_at = NOW
        found[7].merged_into_id = found[0].id

    async with db.open_session() as session:
        child = await session.get_one(Child, team["Anna"].child_id)
        counts = await episode_history.counts(session, child, NOW)

    assert (counts.today, counts.this_week, counts.last_week) == (2, 3, 2)
