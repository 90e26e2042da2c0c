"""Housekeeping: forget handled update ids once Telegram can no longer send them again.

The handler kit marks every update it handled in ``processed_update``, so a redelivered
update changes nothing. Telegram never redelivers an update after 24 hours, so a mark
older than a few days only takes room: an hourly job deletes those, in small batches so
that no transaction holds the table for long.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from telegram.ext import Application, ContextTypes

from bot import clock
from bot.runtime import runtime_of
from models import InboxUpdate, ProcessedUpdate
from models.session import Database

log = logging.getLogger(__name__)

JOB = "housekeeping.forget_handled_updates"
KEEP = timedelta(days=3)
EVERY = timedelta(hours=1)
BATCH = 500


async def forget_handled_updates(
    db: Database, now: datetime, *, keep: timedelta = KEEP, batch: int = BATCH
) -> int:
    """Delete the marks of updates handled before ``now - keep``; return how many went.

    An update still waiting in the inbox keeps its mark, so replaying it stays harmless.
    """
    old = (
        select(ProcessedUpdate.update_id)
        .where(
            ProcessedUpdate.processed_at < now - keep,
            ProcessedUpdate.update_id.not_in(select(InboxUpdate.update_id)),
        )
        .order_by(ProcessedUpdate.processed_at)
        .limit(batch)
    )
    total = 0
    while True:
        async with db.transaction() as session:
            done = await session.execute(
                delete(ProcessedUpdate)
                .where(ProcessedUpdate.update_id.in_(old))
                .execution_options(synchronize_session=False)
            )
        total += done.rowcount
        if done.rowcount < batch:
            return total
        await asyncio.sleep(0)  # let updates being handled have the database in between


async def highest_update_id(db: Database) -> int:
    """The highest update id the bot has handled or holds in its inbox (0 for none)."""
    async with db.reading() as session:
        handled = await session.scalar(select(func.max(ProcessedUpdate.update_id)))
        waiting = await session.scalar(select(func.max(InboxUpdate.update_id)))
    return max(handled or 0, waiting or 0)


async def _job(context: ContextTypes.DEFAULT_TYPE) -> None:
    forgotten = await forget_handled_updates(runtime_of(context).db, clock.now())
    if forgotten:
        log.info("forgot %d handled update ids older than %s", forgotten, KEEP)


def start(app: Application) -> None:
    """Run the job every hour while ``app`` runs (first a minute after the start)."""
    assert app.job_queue is not None
    app.job_queue.run_repeating(_job, interval=EVERY, first=timedelta(minutes=1), name=JOB)
