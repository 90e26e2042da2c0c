"""Times go in as any aware datetime and always come back aware, in UTC, on either database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from models import Child
from models.session import Database

LILY = {"name": "Lily", "timezone": "Europe/Paris"}


async def test_an_aware_time_comes_back_aware_and_in_utc(db: Database) -> None:
    paris_morning = datetime(2026, 3, 29, 8, 30, tzinfo=timezone(timedelta(hours=2)))
    async with db.transaction() as session:
        session.add(Child(**LILY, created_at=paris_morning))

    async with db.open_session() as session:
        stored = await session.scalar(select(Child.created_at))

    assert stored == paris_morning
    assert stored.tzinfo is UTC
    assert stored.hour == 6


async def test_the_database_holds_utc_wall_time(db: Database) -> None:
    async with db.transaction() as session:
        session.add(
            Child(
                **LILY, created_at=datetime(2026, 1, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
            )
        )

    async with db.open_session() as session:
        raw = await session.scalar(text("SELECT CAST(created_at AS VARCHAR) FROM child"))

    assert str(raw).startswith("2026-01-02 04:00:00")


async def test_a_naive_time_is_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        async with db.transaction() as session:
            session.add(Child(**LILY, created_at=datetime(2026, 1, 1, 12, 0)))


async def test_comparisons_in_queries_use_utc(db: Database) -> None:
    noon_utc = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    async with db.transaction() as session:
        session.add(Child(**LILY, created_at=noon_utc))

    one_minute_before_in_tokyo = datetime(2026, 6, 1, 20, 59, tzinfo=timezone(timedelta(hours=9)))
    async with db.open_session() as session:
        later = await session.scalar(
            select(Child.name).where(Child.created_at > one_minute_before_in_tokyo)
        )

    assert later == "Lily"
