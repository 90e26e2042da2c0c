"""The one scheduler: on time, once, in local time across clock changes, downtime and crashes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from telegram.ext import ApplicationBuilder

from bot import clock, scheduling
from bot.clock import FrozenClock
from bot.delivery.outbox import enqueue
from bot.recurrence import Recurrence
from bot.replies import Reply
from bot.sandbox.runner import SANDBOX_TOKEN
from bot.scheduling import claims
from bot.scheduling.claims import LEASE, MAX_ATTEMPTS
from bot.views.scheduling import mark_late
from models import Outbox, Reminder, ReminderStatus
from models.session import Database
from tests.support.waiting import eventually

ECHO, BROKEN, HALF = "test.echo", "test.broken", "test.half"
CHAT = 4242
LONDON = "Europe/London"
DAILY = Recurrence("daily")


async def _echo(session, fired: scheduling.Fired) -> None:
    """Say the payload's text in CHAT, marked late when it is."""
    await enqueue(session, CHAT, mark_late(Reply(fired.payload["text"]), fired))


async def _broken(session, fired: scheduling.Fired) -> None:
    raise RuntimeError("the handler has a bug")


async def _half(session, fired: scheduling.Fired) -> None:
    """Queue its message, then fail: the message must not go out."""
    await _echo(session, fired)
    raise RuntimeError("failed after queueing")


@pytest.fixture(autouse=True)
def _timed_handlers() -> None:
    scheduling.install({ECHO: _echo, BROKEN: _broken, HALF: _half})


def at(text: str, zone: str = "UTC") -> datetime:
    """An aware moment from ``2027-03-28 08:00`` read in ``zone``."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


async def plan(db: Database, due_at: datetime, key: str, **options) -> None:
    async with db.transaction() as session:
        await scheduling.schedule(session, ECHO, due_at, key, {"text": key}, **options)


async def said(db: Database) -> list[str]:
    """What the scheduler has queued for CHAT, oldest first."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == CHAT).order_by(Outbox.id)
        )
        return [row.payload["text"] for row in rows]


async def said_at(db: Database, zone: str) -> list[str]:
    """When each message was queued, on ``zone``'s wall clock."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == CHAT).order_by(Outbox.id)
        )
        return [f"{row.created_at.astimezone(ZoneInfo(zone)):%a %d %H:%M}" for row in rows]


async def queued_at(db: Database) -> list[datetime]:
    """When each message for CHAT was queued."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox.created_at).where(Outbox.chat_id == CHAT).order_by(Outbox.id)
        )
        return list(rows)


async def reminders(db: Database) -> list[Reminder]:
    async with db.open_session() as session:
        return list(await session.scalars(select(Reminder).order_by(Reminder.due_at)))


async def run_until(dispatcher: scheduling.Dispatcher, clock: FrozenClock, until: datetime) -> None:
    """Be a punctual dispatcher: jump to each due time up to ``until`` and tick there."""
    while (due := await dispatcher.next_due()) is not None and due <= until:
        clock.set(max(due, clock.now()))
        await dispatcher.tick()
    clock.set(until)


@pytest.fixture
def dispatcher(db: Database) -> scheduling.Dispatcher:
    return scheduling.Dispatcher(db)


async def test_a_message_goes_out_at_its_time_and_not_before(db, dispatcher, frozen_clock) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG tomorrow")

    frozen_clock.set(at("2026-11-25 09:59"))
    await dispatcher.tick()
    assert await said(db) == []

    frozen_clock.set(at("2026-11-25 10:00"))
    await dispatcher.tick()
    assert await said(db) == ["EEG tomorrow"]
    [row] = await reminders(db)
    assert (row.status, row.sent_at) == (ReminderStatus.SENT, at("2026-11-25 10:00"))


async def test_a_message_goes_out_once_however_often_the_dispatcher_ticks(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG tomorrow")
    frozen_clock.set(at("2026-11-25 10:00"))

    await asyncio.gather(dispatcher.tick(), dispatcher.tick())
    await dispatcher.tick()

    assert await said(db) == ["EEG tomorrow"]


async def test_scheduling_the_same_key_again_moves_the_message(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "bloods")
    await plan(db, at("2026-11-25 11:00"), "bloods")

    await run_until(dispatcher, frozen_clock, at("2026-11-25 12:00"))

    assert await said_at(db, "UTC") == ["Wed 25 11:00"]


async def test_a_cancelled_message_is_not_sent(db, dispatcher, frozen_clock) -> None:
    await plan(db, at("2026-11-25 10:00"), "followup:7:notice")
    await plan(db, at("2026-11-25 10:00"), "followup:8:notice")
    async with db.transaction() as session:
        assert await scheduling.cancel(session, "followup:7:") == 1

    await run_until(dispatcher, frozen_clock, at("2026-11-25 12:00"))

    assert await said(db) == ["followup:8:notice"]


async def test_the_next_wake_up_is_the_earliest_message_still_to_send(db, dispatcher) -> None:
    await plan(db, at("2026-11-25 12:00"), "later")
    await plan(db, at("2026-11-25 10:00"), "sooner")

    assert await dispatcher.next_due() == at("2026-11-25 10:00")


async def test_the_job_queue_wakes_the_dispatcher_when_a_message_falls_due(db) -> None:
    """Real time here: APScheduler only says when to look; the database says what is due."""
    app = ApplicationBuilder().token(SANDBOX_TOKEN).build()
    assert app.job_queue is not None
    dispatcher = scheduling.Dispatcher(db)
    due = clock.now() + timedelta(seconds=1)
    await plan(db, due, "EEG now")
    await app.job_queue.start()
    try:
        dispatcher.start(app.job_queue)
        await eventually(lambda: said(db), timeout=5, what="the message to be queued")
        assert await said(db) == ["EEG now"]
        (queued,) = await queued_at(db)
        assert queued >= due  # woken when it fell due, not before
    finally:
        await dispatcher.stop()
        await app.job_queue.stop()


# ---------------------------------------------------------------- local time and clock changes


async def test_a_daily_eight_oclock_stays_at_eight_when_the_clocks_go_forward(
    db, dispatcher, frozen_clock
) -> None:
    frozen_clock.set(at("2027-03-25 12:00"))
    await plan(db, at("2027-03-26 08:00", LONDON), "valproate", timezone=LONDON, recurrence=DAILY)

    await run_until(dispatcher, frozen_clock, at("2027-03-30 12:00"))

    assert await said_at(db, LONDON) == [
        f"{day} 08:00" for day in ("Fri 26", "Sat 27", "Sun 28", "Mon 29", "Tue 30")
    ]
    assert await said_at(db, "UTC") == [
        "Fri 26 08:00",
        "Sat 27 08:00",
        "Sun 28 07:00",
        "Mon 29 07:00",
        "Tue 30 07:00",
    ]


async def test_a_daily_eight_oclock_stays_at_eight_when_the_clocks_go_back(
    db, dispatcher, frozen_clock
) -> None:
    frozen_clock.set(at("2027-10-29 00:00"))
    await plan(db, at("2027-10-29 08:00", LONDON), "valproate", timezone=LONDON, recurrence=DAILY)

    await run_until(dispatcher, frozen_clock, at("2027-11-01 12:00"))

    assert await said_at(db, LONDON) == [
        f"{day} 08:00" for day in ("Fri 29", "Sat 30", "Sun 31", "Mon 01")
    ]
    assert await said_at(db, "UTC") == [
        "Fri 29 07:00",
        "Sat 30 07:00",
        "Sun 31 08:00",
        "Mon 01 08:00",
    ]


async def test_a_time_in_the_skipped_hour_goes_out_just_after_the_gap_that_day_only(
    db, dispatcher, frozen_clock
) -> None:
    frozen_clock.set(at("2027-03-26 12:00"))
    # In London, 01:00-02:00 does not exist on 28 March 2027.
    await plan(db, at("2027-03-27 01:30", LONDON), "night dose", timezone=LONDON, recurrence=DAILY)

    await run_until(dispatcher, frozen_clock, at("2027-03-30 12:00"))

    assert await said_at(db, LONDON) == [
        "Sat 27 01:30",
        "Sun 28 02:30",
        "Mon 29 01:30",
        "Tue 30 01:30",
    ]


async def test_a_time_in_the_repeated_hour_goes_out_once_the_first_time_round(
    db, dispatcher, frozen_clock
) -> None:
    frozen_clock.set(at("2027-10-29 12:00"))
    # In London, 01:00-02:00 happens twice on 31 October 2027 (BST, then GMT).
    await plan(db, at("2027-10-30 01:30", LONDON), "night dose", timezone=LONDON, recurrence=DAILY)

    await run_until(dispatcher, frozen_clock, at("2027-11-02 12:00"))

    assert await said_at(db, "UTC") == [
        "Sat 30 00:30",
        "Sun 31 00:30",
        "Mon 01 01:30",
        "Tue 02 01:30",
    ]


# ---------------------------------------------------------------- downtime


async def test_after_downtime_each_overdue_message_goes_out_once_marked_late_with_its_time(
    db, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG tomorrow")
    await plan(db, at("2026-11-25 14:30"), "Call the pharmacy")
    frozen_clock.set(at("2026-11-25 18:00"))  # the bot was down all afternoon

    restarted = scheduling.Dispatcher(db)
    await restarted.tick()
    await restarted.tick()

    assert await said(db) == [
        "⏰ Late reminder, was due Wed 10:00: EEG tomorrow",
        "⏰ Late reminder, was due Wed 14:30: Call the pharmacy",
    ]


async def test_a_message_a_minute_behind_is_not_called_late(db, dispatcher, frozen_clock) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG tomorrow")
    frozen_clock.set(at("2026-11-25 10:01"))

    await dispatcher.tick()

    assert await said(db) == ["EEG tomorrow"]


async def test_a_message_past_its_use_is_recorded_as_missed_not_sent(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG in 2 hours", expires_at=at("2026-11-25 12:00"))
    frozen_clock.set(at("2026-11-25 13:00"))

    await dispatcher.tick()

    assert await said(db) == []
    assert [row.status for row in await reminders(db)] == [ReminderStatus.MISSED]


async def test_a_daily_message_after_a_week_down_goes_out_once_then_daily_again(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-26 08:00", LONDON), "valproate", timezone=LONDON, recurrence=DAILY)
    frozen_clock.set(at("2026-12-03 12:00"))

    await dispatcher.tick()

    assert await said(db) == ["⏰ Late reminder, was due Thu 08:00: valproate"]
    assert (await reminders(db))[-1].due_at == at("2026-12-04 08:00", LONDON)


# ---------------------------------------------------------------- crashes and failures


async def test_a_claim_whose_dispatcher_died_is_retried_after_its_lease(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "EEG tomorrow")
    frozen_clock.set(at("2026-11-25 10:00"))
    async with db.transaction() as session:  # another process claims the row, then dies
        assert len(await claims.claim(session, frozen_clock.now())) == 1

    await dispatcher.tick()
    assert await said(db) == []

    frozen_clock.advance(LEASE)
    await dispatcher.tick()
    assert await said(db) == ["EEG tomorrow"]
    [row] = await reminders(db)
    assert (row.status, row.attempts) == (ReminderStatus.SENT, 2)


async def test_a_message_cancelled_while_claimed_by_a_dead_dispatcher_stays_unsent(
    db, dispatcher, frozen_clock
) -> None:
    await plan(db, at("2026-11-25 10:00"), "followup:7:notice")
    frozen_clock.set(at("2026-11-25 10:00"))
    async with db.transaction() as session:
        await claims.claim(session, frozen_clock.now())
    async with db.transaction() as session:
        await scheduling.cancel(session, "followup:7:")

    frozen_clock.advance(LEASE)
    await dispatcher.tick()

    assert await said(db) == []
    assert [row.status for row in await reminders(db)] == [ReminderStatus.CANCELLED]


async def test_a_failing_handler_is_retried_with_pauses_then_given_up(
    db, dispatcher, frozen_clock
) -> None:
    async with db.transaction() as session:
        await scheduling.schedule(session, BROKEN, at("2026-11-25 10:00"), "broken")
    frozen_clock.set(at("2026-11-25 10:00"))

    await dispatcher.tick()
    [row] = await reminders(db)
    assert (row.status, row.claim_expires_at) == (ReminderStatus.CLAIMED, at("2026-11-25 10:01"))
    assert "the handler has a bug" in (row.last_error or "")

    await run_until(dispatcher, frozen_clock, at("2026-11-26 10:00"))
    [row] = await reminders(db)
    assert (row.status, row.attempts) == (ReminderStatus.FAILED, MAX_ATTEMPTS)


async def test_a_row_failing_among_others_due_together_is_undone_alone(
    db, dispatcher, frozen_clock
) -> None:
    ten = at("2026-11-25 10:00")
    async with db.transaction() as session:
        for kind, key in ((ECHO, "first"), (HALF, "half"), (ECHO, "third")):
            await scheduling.schedule(session, kind, ten, key, {"text": key})
    frozen_clock.set(ten)

    assert await dispatcher.tick() == 2

    assert sorted(await said(db)) == ["first", "third"]
    statuses = {r.occurrence_key: (r.status, r.last_error) for r in await reminders(db)}
    assert statuses["first"] == statuses["third"] == (ReminderStatus.SENT, None)
    assert statuses["half"][0] == ReminderStatus.CLAIMED  # to be tried again after its pause
    assert "failed after queueing" in (statuses["half"][1] or "")


# ---------------------------------------------------------------- two dispatchers, one database


@pytest.mark.slow
async def test_two_dispatchers_on_one_database_send_each_of_300_messages_exactly_once(
    suite_and_postgres_url: str, frozen_clock
) -> None:
    first, second = Database(suite_and_postgres_url), Database(suite_and_postgres_url)
    try:
        keys = [f"notice {n:03d}" for n in range(300)]
        for start in range(0, len(keys), 100):
            async with first.transaction() as session:
                for key in keys[start : start + 100]:
                    await scheduling.schedule(session, ECHO, frozen_clock.now(), key, {"text": key})

        handled = await asyncio.gather(
            scheduling.Dispatcher(first, batch=1).tick(),  # many turns: more chances to race
            scheduling.Dispatcher(second, batch=1).tick(),
        )

        assert sorted(await said(first)) == keys
        assert sum(handled) == 300
        assert min(handled) > 0, "one dispatcher did all the work: nothing raced"
        assert {row.status for row in await reminders(first)} == {ReminderStatus.SENT}
    finally:
        await first.dispose()
        await second.dispose()
