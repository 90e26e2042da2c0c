"""Handled update ids are forgotten once Telegram can no longer send those updates again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot import housekeeping
from bot.clock import FrozenClock
from models import InboxUpdate, ProcessedUpdate
from models.session import Database


async def _handled(db: Database, clock: FrozenClock, ages: dict[int, timedelta]) -> None:
    async with db.transaction() as session:
        for update_id, age in ages.items():
            session.add(ProcessedUpdate(update_id=update_id, processed_at=clock.now() - age))


async def _kept(db: Database) -> list[int]:
    async with db.open_session() as session:
        return list(
            await session.scalars(
                select(ProcessedUpdate.update_id).order_by(ProcessedUpdate.update_id)
            )
        )


async def test_ids_older_than_a_few_days_are_forgotten_in_small_batches(
    db: Database, frozen_clock: FrozenClock
) -> None:
    old, recent = timedelta(days=4), timedelta(hours=30)
    await _handled(db, frozen_clock, {n: old for n in range(1, 8)} | {8: recent, 9: timedelta()})

    forgotten = await housekeeping.forget_handled_updates(db, frozen_clock.now(), batch=3)

    assert forgotten == 7
    assert await _kept(db) == [8, 9]


async def test_an_update_still_in_the_inbox_keeps_its_mark(
    db: Database, frozen_clock: FrozenClock
) -> None:
    await _handled(db, frozen_clock, {1: timedelta(days=5), 2: timedelta(days=5)})
    async with db.transaction() as session:
        session.add(InboxUpdate(update_id=2, payload={}, received_at=frozen_clock.now()))

    assert await housekeeping.forget_handled_updates(db, frozen_clock.now()) == 1
    assert await _kept(db) == [2]


async def test_the_highest_update_id_seen_counts_the_inbox_too(
    db: Database, frozen_clock: FrozenClock
) -> None:
    assert await housekeeping.highest_update_id(db) == 0
    await _handled(db, frozen_clock, {41: timedelta()})
    async with db.transaction() as session:
        session.add(InboxUpdate(update_id=42, payload={}, received_at=frozen_clock.now()))

    assert await housekeeping.highest_update_id(db) == 42
