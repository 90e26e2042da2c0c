"""Seizure timers: one per child, redrawn every 10 s, one alert at the threshold, exact stops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import clock
from bot.delivery.outbox import enqueue
from bot.replies import Reply
from bot.services import wizards
from bot.services.episodes import timer
from bot.services.episodes import wizard as episode_wizard
from bot.services.episodes.wizard import ReportStep
from bot.services.errors import DomainError, NotAMember
from models import Child, Membership, Outbox, OutboxStatus, Person, Timer, TimerStatus
from models.session import Database
from tests.factories import make_child, make_member, make_person

MUM = 1001


@dataclass
class Family:
    db: Database
    child_id: int

    async def start(self, who: int = MUM, message_id: int | None = 70) -> timer.Live:
        async with self.db.transaction() as session:
            person = await _person(session, who)
            membership = await session.scalar(
                select(Membership).where(Membership.person_id == person.id)
            )
            assert membership is not None
            return await timer.start(session, membership, person, who, message_id=message_id)

    async def due(self) -> list[timer.Due]:
        async with self.db.transaction() as session:
            return await timer.due(session)

    async def timers(self) -> list[Timer]:
        async with self.db.open_session() as session:
            return list(await session.scalars(select(Timer).order_by(Timer.id)))


async def _person(session, telegram_id: int) -> Person:
    found = await session.scalars(select(Person).where(Person.telegram_user_id == telegram_id))
    return found.one()


@pytest.fixture
async def family(db: Database, frozen_clock) -> Family:
    """Lily, whose plan says to give midazolam after two minutes, and her mum Anna."""
    async with db.transaction() as session:
        lily = await make_child(session)
        lily.emergency_threshold_seconds = 120
        lily.action_plan = "Give buccal midazolam 5 mg, then call 112."
        await make_member(session, lily, await make_person(session, MUM, "Anna"))
        return Family(db, lily.id)


async def test_a_new_timer_runs_from_zero(family: Family) -> None:
    live = await family.start()

    assert (live.status, live.seconds, live.child, live.started_by) == (
        TimerStatus.RUNNING, 0, "Lily", "Anna",
    )  # fmt: skip
    assert (live.threshold_seconds, live.alerted) == (120, False)


async def test_a_second_timer_for_the_same_child_is_refused_naming_who_started_it(
    family: Family, frozen_clock
) -> None:
    await family.start()
    frozen_clock.advance(timedelta(seconds=42))

    with pytest.raises(DomainError) as refusal:
        await family.start()

    assert refusal.value.key == "timer.already_running"
    assert refusal.value.params == {"name": "Anna", "elapsed": "0:42"}


async def test_the_message_is_redrawn_at_most_every_ten_seconds(
    family: Family, frozen_clock
) -> None:
    await family.start()
    edits = []
    for _ in range(4):
        frozen_clock.advance(timedelta(seconds=5))
        edits += [(due.live.seconds, due.edit) for due in await family.due()]

    assert edits == [(5, False), (10, True), (15, False), (20, True)]


async def test_the_team_is_alerted_once_when_the_threshold_is_reached(
    family: Family, frozen_clock
) -> None:
    await family.start()
    frozen_clock.advance(timedelta(seconds=119))
    before = [due.alert for due in await family.due()]
    frozen_clock.advance(timedelta(seconds=1))
    at = await family.due()
    frozen_clock.advance(timedelta(seconds=30))
    after = [due.alert for due in await family.due()]

    assert before == [False] and [d.alert for d in at] == [True] and after == [False]
    assert at[0].edit and at[0].live.alerted
    assert at[0].live.action_plan == "Give buccal midazolam 5 mg, then call 112."


async def test_a_threshold_passed_while_the_bot_was_down_alerts_at_the_first_tick(
    family: Family, frozen_clock
) -> None:
    await family.start()
    frozen_clock.advance(timedelta(minutes=7))

    [due] = await family.due()

    assert (due.alert, due.live.seconds) == (True, 420)


async def test_stopping_opens_the_record_with_the_exact_duration(
    family: Family, frozen_clock
) -> None:
    live = await family.start()
    started = clock.now()
    frozen_clock.advance(timedelta(minutes=2, seconds=14))

    async with family.db.transaction() as session:
        state = await episode_wizard.from_timer(session, await _person(session, MUM), MUM, live.id)

    answers = wizards.answers(state)
    assert state.step == ReportStep.STOPPED
    assert (answers["duration_seconds"], answers["origin"]) == (134, "timer")
    assert answers["occurred_at"] == started.isoformat()
    [stopped] = await family.timers()
    assert (stopped.status, stopped.stopped_at) == (TimerStatus.STOPPED, clock.now())


async def test_a_stopped_timer_ticks_no_more(family: Family, frozen_clock) -> None:
    live = await family.start()
    async with family.db.transaction() as session:
        await timer.cancel(session, await _person(session, MUM), MUM, live.id)
    frozen_clock.advance(timedelta(minutes=5))

    assert await family.due() == []
    assert [t.status for t in await family.timers()] == [TimerStatus.CANCELLED]


async def test_a_stopped_timer_cannot_be_stopped_again(family: Family) -> None:
    live = await family.start()
    async with family.db.transaction() as session:
        await timer.cancel(session, await _person(session, MUM), MUM, live.id)

    async with family.db.transaction() as session:
        with pytest.raises(DomainError, match="timer.not_running"):
            await timer.stop(session, await _person(session, MUM), MUM, live.id)


async def test_someone_not_on_the_team_cannot_stop_it(family: Family) -> None:
    live = await family.start()

    async with family.db.transaction() as session:
        stranger = await make_person(session, 3003, "Eve")
        with pytest.raises(NotAMember):
            await timer.stop(session, stranger, MUM, live.id)


async def test_a_forgotten_timer_stops_by_itself_after_an_hour(
    family: Family, frozen_clock
) -> None:
    await family.start()
    await family.due()
    frozen_clock.advance(timedelta(hours=1))

    [due] = await family.due()

    assert (due.live.status, due.edit) == (TimerStatus.EXPIRED, True)
    assert await family.due() == []


async def test_a_timer_sent_through_the_outbox_learns_its_message_once_sent(
    family: Family, frozen_clock
) -> None:
    live = await family.start(message_id=None)
    async with family.db.transaction() as session:
        [row] = await enqueue(session, live.chat_id, Reply("⏱ 0:00"), child_id=live.child_id)
        await timer.posted(session, live, row.id)
    frozen_clock.advance(timedelta(seconds=10))
    unsent = await family.due()
    async with family.db.transaction() as session:
        row = await session.scalar(select(Outbox))
        assert row is not None
        row.status, row.telegram_message_id = OutboxStatus.SENT, 321

    sent = await family.due()

    assert (unsent[0].edit, unsent[0].live.message_id) == (False, None)
    assert (sent[0].edit, sent[0].live.message_id) == (True, 321)


async def test_the_threshold_is_the_childs_own(family: Family, frozen_clock) -> None:
    async with family.db.transaction() as session:
        (await session.get_one(Child, family.child_id)).emergency_threshold_seconds = 30
    await family.start()
    frozen_clock.advance(timedelta(seconds=30))

    assert [due.alert for due in await family.due()] == [True]
