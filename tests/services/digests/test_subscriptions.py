"""Digests on a reader's schedule: on their clock, once a period, caught up once after downtime."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import scheduling
from bot.clock import FrozenClock
from bot.handlers import digests as digest_handlers
from bot.services.digests import subscriptions
from bot.services.teams import members, people
from models import (
    DigestCadence,
    DigestSubscription,
    NotifyPreference,
    Outbox,
    OutboxFile,
    Person,
    Reminder,
    ReminderStatus,
    Role,
)
from models.session import Database
from tests.factories import make_child, make_member, make_person

DOCTOR = 500
NEW_YORK = "America/New_York"
WEEKLY, MONTHLY = DigestCadence.WEEKLY, DigestCadence.MONTHLY


@pytest.fixture(autouse=True)
def _timed_handlers() -> None:
    scheduling.install(digest_handlers.TIMED)


def at(text: str, zone: str = "Europe/London") -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


async def _doctor(db: Database, *, zone: str | None = None, role: Role = Role.CLINICIAN):
    """Lily's team in London, and Dr Lee on it (in ``zone``, or Lily's when None)."""
    async with db.transaction() as session:
        lily = await make_child(session)
        lee = await make_person(session, DOCTOR, "Dr Lee")
        lee.timezone = zone
        membership = await make_member(session, lily, lee, role)
        return lily, lee, membership


async def _subscribe(db: Database, lee: Person, child_id: int, cadence=WEEKLY, day=0, hour=8):
    async with db.transaction() as session:
        person = await session.get(Person, lee.id)
        return await subscriptions.subscribe(session, person, child_id, cadence, day, hour)


async def _sent(db: Database) -> list[tuple[str, str]]:
    """What went to Dr Lee: each call's method and the first line of its text or caption."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == DOCTOR).order_by(Outbox.id)
        )
        return [
            (row.method, (row.payload.get("text") or row.payload["caption"]).splitlines()[0])
            for row in rows
        ]


async def _queued_at(db: Database, zone: str) -> list[str]:
    """When each digest (its chart) was queued, on ``zone``'s wall clock."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox.created_at)
            .where(Outbox.chat_id == DOCTOR, Outbox.method == "sendPhoto")
            .order_by(Outbox.id)
        )
        return [f"{moment.astimezone(ZoneInfo(zone)):%a %d %b %H:%M}" for moment in rows]


async def _rows(db: Database) -> list[Reminder]:
    async with db.open_session() as session:
        query = select(Reminder).where(Reminder.kind == subscriptions.KIND).order_by(Reminder.id)
        return list(await session.scalars(query))


async def run_until(dispatcher: scheduling.Dispatcher, clock: FrozenClock, until: datetime) -> None:
    """A punctual dispatcher: tick at each due time up to ``until``."""
    while (due := await dispatcher.next_due()) is not None and due <= until:
        clock.set(max(due, clock.now()))
        await dispatcher.tick()
    clock.set(until)


async def test_a_weekly_schedule_waits_for_the_next_monday_at_eight_keyed_by_its_period(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)

    schedule = await _subscribe(db, lee, lily.id)

    [row] = await _rows(db)
    assert schedule.subscription is not None
    assert schedule.subscription.next_due_at == row.due_at == at("2026-11-30 08:00")
    assert row.occurrence_key == f"digest:{lee.id}:{lily.id}:20261123-20261129"
    assert row.status == ReminderStatus.PENDING


async def test_the_digest_comes_as_a_chart_then_the_figures_with_the_buttons(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)

    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-11-30 09:00"))

    assert await _sent(db) == [
        ("sendPhoto", "📋 <b>Lily: 23 Nov – 29 Nov 2026</b>"),
        ("sendMessage", "📋 <b>Lily: 23 Nov – 29 Nov 2026</b>"),
    ]
    async with db.open_session() as session:
        photo, text = list(
            await session.scalars(
                select(Outbox).where(Outbox.chat_id == DOCTOR).order_by(Outbox.id)
            )
        )
        stored = await session.get(OutboxFile, photo.id)
    assert stored is not None and stored.content.startswith(b"\x89PNG")
    assert text.payload["reply_markup"]["inline_keyboard"] == [
        [
            {"text": "✅ Acknowledge", "callback_data": f"dg:{lily.id}:ack:20261123.20261129"},
            {
                "text": "💬 Reply to the team",
                "callback_data": f"dg:{lily.id}:reply:20261123.20261129",
            },
        ]
    ]


async def test_each_week_brings_one_digest_of_the_week_before(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)

    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-12-15 12:00"))

    assert await _queued_at(db, "Europe/London") == [
        "Mon 30 Nov 08:00",
        "Mon 07 Dec 08:00",
        "Mon 14 Dec 08:00",
    ]
    assert [(row.occurrence_key[-17:], row.status) for row in await _rows(db)] == [
        ("20261123-20261129", ReminderStatus.SENT),
        ("20261130-20261206", ReminderStatus.SENT),
        ("20261207-20261213", ReminderStatus.SENT),
        ("20261214-20261220", ReminderStatus.PENDING),
    ]


async def test_every_four_weeks_covers_the_28_days_before(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id, MONTHLY, day=3, hour=18)

    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2027-01-01 12:00"))

    assert await _queued_at(db, "Europe/London") == ["Thu 26 Nov 18:00", "Thu 24 Dec 18:00"]
    assert [title for method, title in await _sent(db) if method == "sendPhoto"] == [
        "📋 <b>Lily: 29 Oct – 25 Nov 2026</b>",
        "📋 <b>Lily: 26 Nov – 23 Dec 2026</b>",
    ]


async def test_eight_oclock_on_the_readers_clock_stays_eight_across_the_clock_change(
    db: Database, frozen_clock: FrozenClock
) -> None:
    frozen_clock.set(at("2027-03-01 12:00", NEW_YORK))
    lily, lee, _ = await _doctor(db, zone=NEW_YORK)
    await _subscribe(db, lee, lily.id)

    # New York moves its clocks forward on Sunday 14 March 2027; London not until the 28th.
    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2027-03-23 12:00", NEW_YORK))

    assert await _queued_at(db, NEW_YORK) == [
        "Mon 08 Mar 08:00",
        "Mon 15 Mar 08:00",
        "Mon 22 Mar 08:00",
    ]
    assert await _queued_at(db, "UTC") == [
        "Mon 08 Mar 13:00",
        "Mon 15 Mar 12:00",
        "Mon 22 Mar 12:00",
    ]


async def test_after_downtime_the_digest_goes_out_once_marked_late_then_weekly_again(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)

    frozen_clock.set(at("2026-12-16 10:00"))  # down from before the first until weeks later
    dispatcher = scheduling.Dispatcher(db)
    await dispatcher.tick()
    await run_until(dispatcher, frozen_clock, at("2026-12-22 12:00"))

    sent = await _sent(db)
    assert sent == [
        ("sendPhoto", "📋 <b>Lily: 23 Nov – 29 Nov 2026</b>"),
        ("sendMessage", "⏰ Late: this digest was due Mon 30 Nov, 08:00."),
        ("sendPhoto", "📋 <b>Lily: 14 Dec – 20 Dec 2026</b>"),
        ("sendMessage", "📋 <b>Lily: 14 Dec – 20 Dec 2026</b>"),
    ]
    assert await _queued_at(db, "Europe/London") == ["Wed 16 Dec 10:00", "Mon 21 Dec 08:00"]


async def test_a_restart_sends_nothing_again(db: Database, frozen_clock: FrozenClock) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)
    frozen_clock.set(at("2026-11-30 08:00"))
    await scheduling.Dispatcher(db).tick()

    frozen_clock.set(at("2026-11-30 08:01"))
    await scheduling.Dispatcher(db).tick()  # the process restarted

    assert [method for method, _ in await _sent(db)] == ["sendPhoto", "sendMessage"]


async def test_a_later_hour_the_same_day_does_not_send_that_period_again(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)
    frozen_clock.set(at("2026-11-30 08:00"))
    await scheduling.Dispatcher(db).tick()

    frozen_clock.set(at("2026-11-30 09:00"))
    later = await _subscribe(db, lee, lily.id, hour=20)  # Monday 20:00 from now on
    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-11-30 23:00"))

    assert [method for method, _ in await _sent(db)] == ["sendPhoto", "sendMessage"]
    assert later.subscription is not None
    assert later.subscription.next_due_at == at("2026-12-07 20:00")


async def test_two_processes_send_each_readers_digest_once(
    suite_and_postgres_url: str, frozen_clock: FrozenClock
) -> None:
    first, second = Database(suite_and_postgres_url), Database(suite_and_postgres_url)
    try:
        lily, lee, _ = await _doctor(first)
        await _subscribe(first, lee, lily.id)
        frozen_clock.set(at("2026-11-30 08:00"))

        handled = await asyncio.gather(
            scheduling.Dispatcher(first).tick(), scheduling.Dispatcher(second).tick()
        )

        assert sorted(handled) == [0, 1]
        assert [method for method, _ in await _sent(first)] == ["sendPhoto", "sendMessage"]
    finally:
        await first.dispose()
        await second.dispose()


async def test_turning_it_off_withdraws_the_next_digest(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)

    async with db.transaction() as session:
        person = await session.get(Person, lee.id)
        await subscriptions.unsubscribe(session, person, lily.id)
    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-12-08 12:00"))

    assert await _sent(db) == []
    assert [row.status for row in await _rows(db)] == [ReminderStatus.CANCELLED]


async def test_a_reader_who_left_the_team_gets_no_more_digests(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, membership = await _doctor(db)
    await _subscribe(db, lee, lily.id)
    async with db.transaction() as session:
        await members.leave(session, await session.get(Person, lee.id), lily.id)

    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-12-08 12:00"))

    assert await _sent(db) == []
    async with db.open_session() as session:
        assert list(await session.scalars(select(DigestSubscription))) == []


async def test_a_new_time_zone_moves_the_next_digest_to_the_readers_new_clock(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, _ = await _doctor(db)
    await _subscribe(db, lee, lily.id)

    async with db.transaction() as session:
        await people.set_timezone(session, await session.get(Person, lee.id), NEW_YORK)

    pending = [row for row in await _rows(db) if row.status == ReminderStatus.PENDING]
    assert [row.due_at for row in pending] == [at("2026-11-30 08:00", NEW_YORK)]


async def test_digests_only_subscribes_a_clinician_to_monday_at_eight_once(
    db: Database, frozen_clock: FrozenClock
) -> None:
    lily, lee, membership = await _doctor(db)
    await _subscribe(db, lee, lily.id, MONTHLY, day=4, hour=17)  # a schedule of their own

    async with db.transaction() as session:
        person = await session.get(Person, lee.id)
        kept = await members.set_notify(session, person, membership.id, NotifyPreference.DIGEST)

    assert kept.digest is not None and kept.digest.subscription is not None
    assert (kept.digest.subscription.cadence, kept.digest.subscription.weekday) == (MONTHLY, 4)


async def test_digests_only_for_a_new_reader_is_weekly_on_monday_at_eight(
    db: Database, frozen_clock: FrozenClock
) -> None:
    _, lee, membership = await _doctor(db)

    async with db.transaction() as session:
        person = await session.get(Person, lee.id)
        saved = await members.set_notify(session, person, membership.id, NotifyPreference.DIGEST)

    assert saved.digest is not None and saved.digest.subscription is not None
    found = saved.digest.subscription
    assert (found.cadence, found.weekday, found.hour) == (WEEKLY, 0, 8)
    assert found.next_due_at == at("2026-11-30 08:00")


async def test_digests_only_subscribes_no_one_the_table_refuses_digests(
    db: Database, frozen_clock: FrozenClock
) -> None:
    _, teacher, membership = await _doctor(db, role=Role.EDUCATOR)

    async with db.transaction() as session:
        person = await session.get(Person, teacher.id)
        saved = await members.set_notify(session, person, membership.id, NotifyPreference.DIGEST)

    assert saved.digest is None
    assert await _rows(db) == []


@pytest.mark.parametrize(
    "arg", [None, "", "daily", "weekly.7", "weekly.0.24", "weekly.x", "weekly.0.8.1", "weekly.-1"]
)
def test_a_forged_schedule_button_reads_as_an_expired_button(arg: str | None) -> None:
    from bot.services.errors import DomainError

    with pytest.raises(DomainError) as refused:
        subscriptions.named(arg)

    assert refused.value.key == "errors.expired_button"
