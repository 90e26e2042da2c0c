"""Follow-ups: notices at the right local times to the right people; cancel, move, ask after."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import scheduling
from bot import schema as migrate
from bot.clock import FrozenClock
from bot.handlers import followups as followup_handlers
from bot.services.errors import DomainError, Forbidden
from bot.services.followups import agenda as followups
from bot.services.followups import notices as followup_notices
from bot.services.followups import wizard as followup_wizard
from bot.services.followups.parsing import ParsedFollowup
from bot.services.teams.children import membership_in
from models import (
    Child,
    Event,
    Followup,
    FollowupStatus,
    Outbox,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
    Role,
)
from models import NotifyPreference as Notify
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP = -700
MUM, DAD, GRAN, TEACHER, DOCTOR = 1, 2, 3, 4, 5
LONDON = "Europe/London"
REVIEW = "2026-12-03 14:30 neurology review with Dr Lee at City Hospital"


@dataclass
class Team:
    lily: Child
    mum: Person
    dad: Person
    teacher: Person
    doctor: Person


async def make_team(db: Database, timezone: str = LONDON) -> Team:
    """Lily's team and its linked group: two parents, gran, a teacher, a neurologist (digests)."""
    async with db.transaction() as session:
        lily = await make_child(session, timezone=timezone)
        people = {}
        for user_id, name, role, notify in [
            (MUM, "Anna", Role.GUARDIAN, Notify.GROUP),
            (DAD, "Ben", Role.GUARDIAN, Notify.GROUP),
            (GRAN, "Gran", Role.CAREGIVER, Notify.GROUP),
            (TEACHER, "Ms Park", Role.EDUCATOR, Notify.GROUP),
            (DOCTOR, "Dr Lee", Role.CLINICIAN, Notify.DIGEST),
        ]:
            people[user_id] = await make_person(session, user_id, name)
            await make_member(session, lily, people[user_id], role, notify)
        await link_group(session, lily, GROUP)
    return Team(lily, people[MUM], people[DAD], people[TEACHER], people[DOCTOR])


async def add(db: Database, team: Team, line: str, by: Person | None = None) -> Followup:
    """``by`` (the mum, unless said) types ``/followup <line>``."""
    author = by or team.mum
    async with db.transaction() as session:
        membership = await membership_in(session, author.id, team.lily.id)
        return (await followups.create(session, author, membership, line)).followup


def at(text: str, zone: str = LONDON) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local(moment: datetime, zone: str = LONDON) -> str:
    return f"{moment.astimezone(ZoneInfo(zone)):%a %d %b %H:%M}"


async def said(db: Database, chat_id: int) -> list[str]:
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == chat_id).order_by(Outbox.id)
        )
        return [row.payload["text"] for row in rows]


async def said_at(db: Database, chat_id: int, zone: str = LONDON) -> list[str]:
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.chat_id == chat_id).order_by(Outbox.id)
        )
        return [local(row.created_at, zone) for row in rows]


async def scheduled(
    db: Database, status: ReminderStatus = ReminderStatus.PENDING
) -> list[tuple[str, str]]:
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Reminder).where(Reminder.status == status).order_by(Reminder.due_at)
        )
        return [(row.kind, local(row.due_at)) for row in rows]


async def run_until(dispatcher: scheduling.Dispatcher, clock: FrozenClock, until: datetime) -> None:
    """A punctual dispatcher: jump to each due time up to ``until`` and tick there."""
    while (due := await dispatcher.next_due()) is not None and due <= until:
        clock.set(max(due, clock.now()))
        await dispatcher.tick()
    clock.set(until)


@pytest.fixture(autouse=True)
def _timed_handlers() -> None:
    scheduling.install(followup_handlers.TIMED)


@pytest.fixture
def dispatcher(db: Database) -> scheduling.Dispatcher:
    return scheduling.Dispatcher(db)


async def test_a_followup_is_noticed_the_day_before_at_six_and_two_hours_before_then_asked_about(
    db, frozen_clock
) -> None:
    team = await make_team(db)

    await add(db, team, REVIEW)

    assert await scheduled(db) == [
        ("followup.notice", "Wed 02 Dec 18:00"),
        ("followup.notice", "Thu 03 Dec 12:30"),
        ("followup.ask", "Thu 03 Dec 16:30"),
    ]


async def test_the_team_group_is_reminded_at_the_right_local_times(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, REVIEW)

    await run_until(dispatcher, frozen_clock, at("2026-12-03 15:00"))

    title = "🩺 <b>neurology review with Dr Lee at City Hospital</b>"
    assert await said(db, GROUP) == [
        f"🔔 <b>Lily</b>: {title}, tomorrow (Thu 3 Dec) at 14:30",
        f"🔔 <b>Lily</b>: {title}, today at 14:30",
    ]
    assert await said_at(db, GROUP) == ["Wed 02 Dec 18:00", "Thu 03 Dec 12:30"]
    assert await said(db, TEACHER) == []


async def test_in_new_york_the_day_before_notice_comes_at_six_in_the_evening_there(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db, timezone="America/New_York")
    await add(db, team, "3 Dec 9:00 EEG")

    await run_until(dispatcher, frozen_clock, at("2026-12-03 09:00", "America/New_York"))

    assert await said_at(db, GROUP, "America/New_York") == ["Wed 02 Dec 18:00", "Thu 03 Dec 07:00"]
    assert await said_at(db, GROUP, "UTC") == ["Wed 02 Dec 23:00", "Thu 03 Dec 12:00"]


@pytest.mark.parametrize(
    ("created", "until", "expected"),
    [
        (  # clocks go forward on Sunday 28 March 2027
            "2027-03-18 12:00",
            "2027-03-29 12:00",
            ["Sun 21 Mar 18:00", "Mon 22 Mar 07:00", "Sun 28 Mar 18:00", "Mon 29 Mar 07:00"],
        ),
        (  # clocks go back on Sunday 31 October 2027
            "2027-10-21 12:00",
            "2027-11-01 12:00",
            ["Sun 24 Oct 18:00", "Mon 25 Oct 07:00", "Sun 31 Oct 18:00", "Mon 01 Nov 07:00"],
        ),
    ],
)
async def test_a_weekly_followup_keeps_its_local_times_across_a_clock_change(
    db, dispatcher, frozen_clock, created: str, until: str, expected: list[str]
) -> None:
    team = await make_team(db)
    frozen_clock.set(at(created))
    await add(db, team, "every monday 9:00 physiotherapy appointment")

    await run_until(dispatcher, frozen_clock, at(until))

    assert await said_at(db, GROUP) == expected


async def test_a_plain_reminder_is_said_at_its_time_and_asks_nothing_after(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, "in 2 hours call the pharmacy")

    await run_until(dispatcher, frozen_clock, at("2026-11-26 12:00"))

    assert await said(db, GROUP) == ["🔔 <b>Lily</b>: 📌 <b>call the pharmacy</b>, today at 11:00"]
    assert await said_at(db, GROUP) == ["Wed 25 Nov 11:00"]
    assert await said(db, MUM) == []


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("in 1 minute call the pharmacy", "2026-11-25 09:01"),
        ("in 90 minutes call the pharmacy", "2026-11-25 10:30"),
        ("every day in 2 hours call the pharmacy", "2026-11-25 11:00"),
    ],
)
async def test_a_reminder_asked_for_between_two_minutes_is_said_at_its_minute(
    db, dispatcher, frozen_clock, line: str, due: str
) -> None:
    team = await make_team(db)
    frozen_clock.set(at("2026-11-25 09:00:27.250000"))
    followup = await add(db, team, line)

    await run_until(dispatcher, frozen_clock, at(due) + timedelta(minutes=5))

    assert followup.due_at == at(due)
    assert await said(db, GROUP) == [
        f"🔔 <b>Lily</b>: 📌 <b>call the pharmacy</b>, today at {due[-5:]}"
    ]
    assert await said_at(db, GROUP) == [local(at(due))]


async def test_a_followup_given_a_time_with_seconds_is_kept_on_its_minute(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    async with db.transaction() as session:
        lily = await session.get(Child, team.lily.id)
        mum = await session.get(Person, team.mum.id)
        parsed = ParsedFollowup(
            "EEG", at("2026-11-26 10:15:42.5"), ReminderKind.TEST, None, time_given=True
        )
        saved = await followups.add(session, mum, lily, parsed)

    await run_until(dispatcher, frozen_clock, at("2026-11-26 12:30"))

    assert saved.followup.due_at == at("2026-11-26 10:15")
    assert await said_at(db, GROUP) == ["Wed 25 Nov 18:00", "Thu 26 Nov 08:15"]
    assert await said_at(db, MUM) == ["Thu 26 Nov 12:15"]  # the after-question


async def test_a_followup_stored_with_seconds_by_an_older_version_is_reminded_after_upgrading(
    db_url, frozen_clock
) -> None:
    db = Database(db_url)
    team = await make_team(db)
    frozen_clock.set(at("2026-11-25 09:00:27.250000"))
    await add(db, team, "in 1 minute call the pharmacy")
    await add(db, team, "every day in 2 hours give the inhaler")
    await _as_an_older_version_stored_them(db, timedelta(seconds=27.25))
    await db.dispose()

    await migrate.downgrade(db_url, "0006")
    await migrate.upgrade(db_url)
    db = Database(db_url)
    await run_until(scheduling.Dispatcher(db), frozen_clock, at("2026-11-25 13:30"))

    assert await said(db, GROUP) == [
        "🔔 <b>Lily</b>: 📌 <b>call the pharmacy</b>, today at 09:01",
        "🔔 <b>Lily</b>: 📌 <b>give the inhaler</b>, today at 11:00",
    ]
    async with db.open_session() as session:
        rows = list(await session.scalars(select(Followup).order_by(Followup.id)))
    assert [(row.status, row.due_at) for row in rows] == [
        (FollowupStatus.DONE, at("2026-11-25 09:01")),
        (FollowupStatus.ACTIVE, at("2026-11-26 11:00")),
    ]
    assert rows[1].first_local == datetime(2026, 11, 25, 11, 0)
    await db.dispose()


def test_a_followup_time_with_seconds_cannot_be_stored() -> None:
    with pytest.raises(ValueError, match="whole minute"):
        Followup(due_at=at("2026-11-25 09:01:27"))
    with pytest.raises(ValueError, match="whole minute"):
        Followup(first_local=datetime(2026, 11, 25, 9, 1, 0, 5))


async def _as_an_older_version_stored_them(db: Database, seconds: timedelta) -> None:
    """Put back the seconds of the moment of asking, as versions before 0007 kept them."""
    followup, reminder = Followup.__table__, Reminder.__table__
    async with db.transaction() as session:
        for row in (await session.execute(select(followup))).all():
            first = row.first_local + seconds if row.first_local else None
            await session.execute(
                followup.update()
                .where(followup.c.id == row.id)
                .values(due_at=row.due_at + seconds, first_local=first)
            )
        for row in (await session.execute(select(reminder.c.id, reminder.c.due_at))).all():
            await session.execute(
                reminder.update().where(reminder.c.id == row.id).values(due_at=row.due_at + seconds)
            )


async def test_an_educator_may_not_add_followups(db, frozen_clock) -> None:
    team = await make_team(db)

    with pytest.raises(Forbidden) as refused:
        await add(db, team, REVIEW, by=team.teacher)

    assert refused.value.key == "permissions.refused.follow_ups"


async def test_a_clinician_who_created_a_followup_gets_its_notices_privately(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, REVIEW, by=team.doctor)

    await run_until(dispatcher, frozen_clock, at("2026-12-03 15:00"))

    assert await said_at(db, DOCTOR) == ["Wed 02 Dec 18:00", "Thu 03 Dec 12:30"]
    assert len(await said(db, GROUP)) == 2


async def test_turning_off_the_day_before_notice_leaves_the_two_hour_one(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    followup = await add(db, team, REVIEW)

    async with db.transaction() as session:
        saved = await followups.toggle_notice(session, team.mum, followup.id, "eve")
    await run_until(dispatcher, frozen_clock, at("2026-12-03 15:00"))

    assert saved.notices == ["2h"]
    assert await said_at(db, GROUP) == ["Thu 03 Dec 12:30"]


async def test_adding_a_notice_a_week_before_schedules_it(db, frozen_clock) -> None:
    team = await make_team(db)
    followup = await add(db, team, REVIEW)

    async with db.transaction() as session:
        await followups.toggle_notice(session, team.mum, followup.id, "week")

    assert ("followup.notice", "Thu 26 Nov 09:00") in await scheduled(db)


async def test_cancelling_a_followup_withdraws_its_notices_and_its_question(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    followup = await add(db, team, REVIEW)

    async with db.transaction() as session:
        await followups.cancel(session, team.dad, followup.id)
    await run_until(dispatcher, frozen_clock, at("2026-12-04 12:00"))

    assert await said(db, GROUP) == []
    assert await said(db, MUM) == []
    assert len(await scheduled(db, ReminderStatus.CANCELLED)) == 3
    async with db.open_session() as session:
        assert (await session.get(Followup, followup.id)).status == FollowupStatus.CANCELLED


async def test_moving_a_followup_moves_its_notices_to_the_new_date(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    followup = await add(db, team, REVIEW)

    async with db.transaction() as session:
        await followups.reschedule(session, team.mum, followup.id, "10 Dec 10:00")
    await run_until(dispatcher, frozen_clock, at("2026-12-10 10:00"))

    assert await said_at(db, GROUP) == ["Wed 09 Dec 18:00", "Thu 10 Dec 08:00"]


async def test_after_the_appointment_only_the_guardians_are_asked_whether_it_happened(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, "3 Dec 14:30 EEG")

    await run_until(dispatcher, frozen_clock, at("2026-12-04 12:00"))

    question = (
        "🧪 <b>EEG</b> for <b>Lily</b> was due Thu 3 Dec, 14:30. Did it happen?\n\n"
        "If the doctor changed a medicine, record it with /med change."
    )
    assert await said(db, MUM) == [question]
    assert await said(db, DAD) == [question]
    assert await said_at(db, MUM) == ["Thu 03 Dec 16:30"]
    assert await said(db, GRAN) == [] and await said(db, TEACHER) == []


async def test_an_evening_appointment_is_asked_about_the_next_morning(db, frozen_clock) -> None:
    team = await make_team(db)

    await add(db, team, "3 Dec 19:30 clinic visit")

    assert ("followup.ask", "Fri 04 Dec 09:00") in await scheduled(db)


async def test_the_first_answer_is_logged_and_a_second_guardian_is_told_who_answered(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    followup = await add(db, team, "3 Dec 14:30 EEG")
    await run_until(dispatcher, frozen_clock, at("2026-12-03 17:00"))

    async with db.transaction() as session:
        await followup_notices.record_outcome(
            session, team.mum, followup.id, "20261203T1430", "happened"
        )
    async with db.transaction() as session:
        second = await followup_notices.record_outcome(
            session, team.dad, followup.id, "20261203T1430", "missed"
        )

    assert (second.already, second.by, second.outcome) == (True, "Anna", "happened")
    async with db.open_session() as session:
        events = list(await session.scalars(select(Event).where(Event.kind == "followup.answered")))
    assert [(e.actor_id, e.payload["outcome"]) for e in events] == [(team.mum.id, "happened")]


async def test_an_answer_about_an_occurrence_never_asked_changes_nothing(db, frozen_clock) -> None:
    team = await make_team(db)
    followup = await add(db, team, "3 Dec 14:30 EEG")

    with pytest.raises(DomainError) as refused:
        async with db.transaction() as session:
            await followup_notices.record_outcome(
                session, team.mum, followup.id, "20261203T1430", "happened"
            )

    assert refused.value.key == "errors.expired_button"


async def test_a_repeating_followup_moves_on_to_its_next_occurrence_once_one_has_passed(
    db, dispatcher, frozen_clock
) -> None:
    team = await make_team(db)
    followup = await add(db, team, "every 3 months from 3 Dec 9:00 blood test (valproate levels)")

    await run_until(dispatcher, frozen_clock, at("2026-12-04 12:00"))

    async with db.open_session() as session:
        assert (await session.get(Followup, followup.id)).due_at == at("2027-03-03 09:00")
    assert await scheduled(db) == [
        ("followup.notice", "Tue 02 Mar 18:00"),
        ("followup.notice", "Wed 03 Mar 07:00"),
        ("followup.ask", "Wed 03 Mar 11:00"),
    ]


async def test_after_downtime_a_notice_still_useful_goes_out_late_with_its_time(
    db, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, "3 Dec 14:30 EEG")
    frozen_clock.set(at("2026-12-03 09:00"))  # down since before the day-before notice

    await scheduling.Dispatcher(db).tick()

    assert await said(db, GROUP) == [
        "⏰ Late reminder, was due Wed 18:00: 🔔 <b>Lily</b>: 🧪 <b>EEG</b>, today at 14:30"
    ]


async def test_after_downtime_past_the_appointment_notices_are_missed_and_the_question_asked(
    db, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, "3 Dec 14:30 EEG")
    frozen_clock.set(at("2026-12-03 20:00"))

    await scheduling.Dispatcher(db).tick()

    assert await said(db, GROUP) == []
    assert [status for _, status in await _statuses(db)] == ["missed", "missed", "sent"]
    assert (await said(db, MUM))[0].startswith("⏰ Late reminder, was due Thu 16:30: 🧪 <b>EEG</b>")


async def _statuses(db: Database) -> list[tuple[str, str]]:
    async with db.open_session() as session:
        rows = await session.scalars(select(Reminder).order_by(Reminder.due_at))
        return [(row.kind, row.status.value) for row in rows]


async def test_the_list_shows_what_is_coming_soonest_first_with_the_next_times_of_repeats(
    db, frozen_clock
) -> None:
    team = await make_team(db)
    await add(db, team, "every 3 months blood test (valproate levels)")
    await add(db, team, REVIEW)
    gone = await add(db, team, "4 Dec 10:00 physiotherapy")
    async with db.transaction() as session:
        await followups.cancel(session, team.mum, gone.id)

    async with db.open_session() as session:
        agenda = await followups.agenda(
            session, await membership_in(session, team.dad.id, team.lily.id)
        )

    assert [(item.followup.title, [local(t) for t in item.times]) for item in agenda.items] == [
        ("neurology review with Dr Lee at City Hospital", ["Thu 03 Dec 14:30"]),
        (
            "blood test (valproate levels)",
            ["Thu 25 Feb 09:00", "Tue 25 May 09:00", "Wed 25 Aug 09:00"],
        ),
    ]


async def test_a_line_typed_before_choosing_the_child_is_saved_for_the_child_tapped(
    db, frozen_clock
) -> None:
    team = await make_team(db)
    async with db.transaction() as session:
        tom = await make_child(session, "Tom")
        await make_member(session, tom, team.dad, Role.GUARDIAN)
    # Ben has two children and no default: he is asked which
    async with db.transaction() as session:
        await followup_wizard.hold(session, team.dad, DAD, "3 Dec 14:30 EEG")

    async with db.transaction() as session:  # he taps Tom
        membership = await membership_in(session, team.dad.id, tom.id)
        saved = await followup_wizard.begin(session, team.dad, membership, DAD, "")

    assert (saved.child.name, saved.followup.title) == ("Tom", "EEG")


def test_the_scheduler_and_follow_up_services_and_views_know_nothing_of_telegram() -> None:
    modules = [
        "bot.scheduling",
        "bot.services.followups.agenda",
        "bot.services.followups.schedule",
        "bot.services.followups.wizard",
        "bot.services.followups.notices",
        "bot.views.followups",
    ]
    check = (
        f"import sys, {', '.join(modules)}; "
        "print(any(name.split('.')[0] == 'telegram' for name in sys.modules))"
    )

    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
