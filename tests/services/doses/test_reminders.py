"""Dose reminders: planned from the regimen, sent to who is responsible, answered, escalated."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.doses import answers as dose_answers
from bot.services.doses import duties as dose_duties
from bot.services.doses import outcomes as dose_outcomes
from bot.services.doses import reminders as doses
from bot.services.doses.answers import Already, RepeatDoseWarning
from bot.services.teams.children import membership_in
from models import DoseLog, DoseReminder, DoseStatus, Reminder
from models.session import Database
from tests.services.medications.steps import (
    DAD,
    GRAN,
    GROUP,
    LONDON,
    MUM,
    TEACHER,
    Team,
    last_row,
    make_team,
    planned,
    run_until,
    send,
    sent,
    the_reminder,
)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A wall-clock moment in London, late 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
async def team(db: Database, frozen_clock) -> Team:
    """Lily's team, on Wednesday 25 November 2026 at 09:00 in London."""
    return await make_team(db)


async def press(db: Database, person, reminder: DoseReminder, status: DoseStatus, **kwargs):
    async with db.transaction() as session:
        return await dose_answers.answer(session, person, reminder.id, status, **kwargs)


async def logs(db: Database) -> list[tuple[str, str, int | None]]:
    async with db.open_session() as session:
        rows = await session.scalars(select(DoseLog).order_by(DoseLog.scheduled_at))
        return [
            (f"{r.scheduled_at.astimezone(LONDON):%a %H:%M}", r.status, r.recorded_by_id)
            for r in rows
        ]


TWICE_DAILY = "start levetiracetam 250 mg 08:00 20:00"


async def test_reminders_are_planned_at_each_dose_time_two_days_ahead(db, team) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)

    assert await planned(db) == ["Wed 20:00", "Thu 08:00", "Thu 20:00", "Fri 08:00"]


async def test_the_reminder_goes_privately_to_guardians_and_caregivers(
    db, team, frozen_clock
) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    before = await last_row(db)

    await run_until(db, frozen_clock, at(25, 20))

    reminders = await sent(db, since=before)
    assert [chat for chat, _, _ in reminders] == [MUM, DAD, GRAN]
    assert reminders[0][2] == "💊 <b>20:00 dose for Lily</b>\nlevetiracetam 250 mg"


async def test_a_parent_who_never_opened_the_bot_is_reminded_in_the_group(db, frozen_clock) -> None:
    team = await make_team(db, dad_started=False)
    await send(db, team.mum, team.lily, TWICE_DAILY)
    before = await last_row(db)

    await run_until(db, frozen_clock, at(25, 20))

    reminders = await sent(db, since=before)
    assert [chat for chat, _, _ in reminders] == [MUM, GRAN, GROUP]
    assert reminders[-1][2].endswith("\nFor: Ben")


async def test_a_school_dose_goes_to_the_educator(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start valproate 5 ml 08:00 12:30 20:00")
    async with db.transaction() as session:
        membership = await membership_in(session, team.mum.id, team.lily.id)
        await dose_duties.set_duty(session, membership, team.mum, ["12:30", "educator"])
    before = await last_row(db)

    await run_until(db, frozen_clock, at(25, 12, 30))

    assert [chat for chat, _, _ in await sent(db, since=before)] == [TEACHER]


async def test_given_is_recorded_once_and_the_repeats_are_withdrawn(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(25, 20, 5))
    reminder = await the_reminder(db, at(25, 20))

    outcome = await press(db, team.dad, reminder, DoseStatus.GIVEN)
    before = await last_row(db)
    await run_until(db, frozen_clock, at(25, 22))

    assert await logs(db) == [("Wed 20:00", "given", team.dad.id)]
    assert isinstance(outcome, dose_outcomes.DoseOutcome) and len(outcome.copies) == 3
    assert await sent(db, since=before) == []


async def test_a_second_answer_shows_who_answered_first(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(25, 20, 5))
    reminder = await the_reminder(db, at(25, 20))
    await press(db, team.dad, reminder, DoseStatus.GIVEN)

    second = await press(db, team.gran, reminder, DoseStatus.GIVEN)

    assert isinstance(second, Already) and second.outcome.by == "Ben"
    assert await logs(db) == [("Wed 20:00", "given", team.dad.id)]


async def test_no_answer_reminds_again_after_30_minutes_then_marks_it_missed(
    db, team, frozen_clock
) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(25, 20, 1))
    before = await last_row(db)

    await run_until(db, frozen_clock, at(25, 20, 31))
    again = await sent(db, since=before)
    await run_until(db, frozen_clock, at(25, 21, 1))
    missed = await sent(db, since=before + len(again))

    assert [(chat, text.splitlines()[0]) for chat, _, text in again] == [
        (chat, "🔔 <b>Still open: 20:00 dose for Lily</b>") for chat in (MUM, DAD, GRAN)
    ]
    assert await logs(db) == [("Wed 20:00", "missed", None)]
    alert = [text for chat, method, text in missed if chat == GROUP and method == "sendMessage"]
    assert alert == [
        "❌ <b>Missed dose for Lily</b>\n"
        "levetiracetam 250 mg at 20:00: nobody recorded it within 60 minutes."
    ]
    edits = [text for _, method, text in missed if method == "editMessageText"]
    assert len(edits) == 6 and set(edits) == {
        "💊 20:00 dose for Lily: levetiracetam 250 mg\n❌ Missed: nobody answered by 21:00"
    }


async def test_acknowledging_a_missed_dose_records_who_saw_it(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(25, 21, 5))
    reminder = await the_reminder(db, at(25, 20))

    async with db.transaction() as session:
        outcome = await dose_answers.acknowledge(session, team.teacher, reminder.id)

    assert outcome.acknowledged_by == "Ms Park"
    assert outcome.log.acknowledged_at == at(25, 21, 5)


async def test_a_missed_dose_can_be_recorded_as_given_after_all(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(26, 10))

    late = await press(db, team.mum, await the_reminder(db, at(26, 8)), DoseStatus.GIVEN)

    assert isinstance(late, dose_outcomes.DoseOutcome) and late.by == "Anna"
    assert (await logs(db))[-1] == ("Thu 08:00", "given", team.mum.id)


async def test_a_given_soon_after_a_late_given_warns_first(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(26, 15))
    await press(db, team.mum, await the_reminder(db, at(26, 8)), DoseStatus.GIVEN)
    await run_until(db, frozen_clock, at(26, 20, 5))
    evening = await the_reminder(db, at(26, 20))

    warning = await press(db, team.dad, evening, DoseStatus.GIVEN)
    recorded = await press(db, team.dad, evening, DoseStatus.GIVEN, anyway=True)

    assert isinstance(warning, RepeatDoseWarning) and warning.by == "Anna"
    assert warning.earlier.recorded_at == at(26, 15)
    assert (
        isinstance(recorded, dose_outcomes.DoseOutcome) and recorded.log.status == DoseStatus.GIVEN
    )


async def test_a_given_after_an_on_time_given_needs_no_warning(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(26, 8, 5))
    await press(db, team.mum, await the_reminder(db, at(26, 8)), DoseStatus.GIVEN)
    await run_until(db, frozen_clock, at(26, 20, 5))

    evening = await press(db, team.mum, await the_reminder(db, at(26, 20)), DoseStatus.GIVEN)

    assert isinstance(evening, dose_outcomes.DoseOutcome)


async def test_snooze_reminds_again_in_that_chat_after_15_minutes(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await run_until(db, frozen_clock, at(25, 20, 2))
    reminder = await the_reminder(db, at(25, 20))
    async with db.transaction() as session:
        snoozed = await dose_answers.snooze(session, team.mum, reminder.id, MUM)
    before = await last_row(db)

    await run_until(db, frozen_clock, at(25, 20, 17))

    assert snoozed.until == at(25, 20, 17)
    assert [(chat, text.splitlines()[0]) for chat, _, text in await sent(db, since=before)] == [
        (MUM, "⏰ <b>Snoozed: 20:00 dose for Lily</b>")
    ]


async def test_a_stopped_medicine_gets_no_more_reminders(db, team) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)

    await send(db, team.mum, team.lily, "stop levetiracetam reason rash")

    assert await planned(db) == []


async def test_new_times_move_the_reminders_at_once(db, team) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)

    await send(db, team.mum, team.lily, "change levetiracetam 07:30 19:30")

    assert await planned(db) == ["Wed 19:30", "Thu 07:30", "Thu 19:30", "Fri 07:30"]


async def test_a_change_from_tomorrow_moves_only_tomorrows_reminders(db, team) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)

    await send(db, team.mum, team.lily, "change levetiracetam 09:00 21:00 from tomorrow")

    assert await planned(db) == ["Wed 20:00", "Thu 09:00", "Thu 21:00", "Fri 09:00"]


async def test_a_reminder_shows_the_dose_of_its_day(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    await send(db, team.mum, team.lily, "change levetiracetam 500 mg from tomorrow")

    await run_until(db, frozen_clock, at(26, 8))

    assert (await the_reminder(db, at(25, 20))).dose_amount == 250
    assert (await the_reminder(db, at(26, 8))).dose_amount == 500


async def test_reminders_keep_the_childs_wall_clock_across_the_clock_change(
    db, team, frozen_clock
) -> None:
    frozen_clock.set(datetime(2026, 10, 23, 12, 0, tzinfo=UTC))

    await send(db, team.mum, team.lily, "start clobazam 5 mg 08:00")

    async with db.open_session() as session:
        due = list(
            await session.scalars(select(Reminder.due_at).where(Reminder.kind == doses.REMIND))
        )
    # British Summer Time ends at 01:00 UTC on Sunday 25 October 2026.
    assert due == [
        datetime(2026, 10, 24, 7, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 8, 0, tzinfo=UTC),
    ]


async def test_a_reminder_far_too_late_after_downtime_is_reported_missed(
    db, team, frozen_clock
) -> None:
    await send(db, team.mum, team.lily, TWICE_DAILY)
    frozen_clock.set(at(25, 23))

    await run_until(db, frozen_clock, at(25, 23))

    assert await logs(db) == [("Wed 20:00", "missed", None)]


async def test_todays_doses_show_what_became_of_each(db, team, frozen_clock) -> None:
    await send(db, team.mum, team.lily, "start levetiracetam 250 mg 08:00 12:30 20:00")
    await run_until(db, frozen_clock, at(26, 8, 5))
    await press(db, team.mum, await the_reminder(db, at(26, 8)), DoseStatus.GIVEN)
    await run_until(db, frozen_clock, at(26, 12, 40))

    async with db.open_session() as session:
        membership = await membership_in(session, team.teacher.id, team.lily.id)
        day = await dose_answers.day(session, membership, frozen_clock.now())

    assert [
        (f"{line.scheduled_at.astimezone(LONDON):%H:%M}", line.log, line.called)
        for line in day.lines
    ][1:] == [
        ("12:30", None, True),
        ("20:00", None, False),
    ]
    assert day.lines[0].by == "Anna"
