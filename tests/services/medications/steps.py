"""Steps the medication and dose stories share: a team, /med lines, time passing, what was sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot import scheduling
from bot.clock import FrozenClock
from bot.handlers import doses as dose_handlers
from bot.handlers import medications as medication_handlers
from bot.services.doses import reminders as doses
from bot.services.medications import changes as medications
from bot.services.medications.changes import Pending, Recorded
from bot.services.teams.children import membership_in
from models import (
    Child,
    DoseReminder,
    NotifyPreference,
    Outbox,
    OutboxStatus,
    Person,
    Reminder,
    ReminderStatus,
    Role,
)
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

LONDON = ZoneInfo("Europe/London")
GROUP = -700
MUM, DAD, GRAN, TEACHER, DOCTOR = 1, 2, 3, 4, 5
# Telegram's ids of the messages the pretend sender delivered: outbox row id + this.
MESSAGE_IDS = 5000


@dataclass
class Team:
    """Lily's team: Anna and Ben (guardians), Gran (caregiver), Ms Park, Dr Lee."""

    lily: Child
    mum: Person
    dad: Person
    gran: Person
    teacher: Person
    doctor: Person


async def make_team(
    db: Database, timezone: str = "Europe/London", *, dad_started: bool = True
) -> Team:
    """Lily's team and its linked group; everyone has opened the bot unless told otherwise."""
    async with db.transaction() as session:
        lily = await make_child(session, timezone=timezone)
        people = []
        for user_id, name, role, started in [
            (MUM, "Anna", Role.GUARDIAN, True),
            (DAD, "Ben", Role.GUARDIAN, dad_started),
            (GRAN, "Gran", Role.CAREGIVER, True),
            (TEACHER, "Ms Park", Role.EDUCATOR, True),
            (DOCTOR, "Dr Lee", Role.CLINICIAN, True),
        ]:
            person = await make_person(session, user_id, name, started_bot=started)
            await make_member(session, lily, person, role, NotifyPreference.GROUP)
            people.append(person)
        await link_group(session, lily, GROUP)
    return Team(lily, *people)


async def send(db: Database, person: Person, child: Child, line: str) -> Recorded:
    """``person`` sends ``/med <line>`` privately, and confirms if asked to."""
    chat = person.telegram_user_id
    async with db.transaction() as session:
        membership = await membership_in(session, person.id, child.id)
        result = await medications.submit(session, person, membership, chat, line)
        if isinstance(result, Pending):
            result = await medications.confirm(session, person, chat, result.ticket)
        return result


async def deliver(db: Database) -> None:
    """The sender delivered every queued message (each gets a Telegram message id)."""
    async with db.transaction() as session:
        await session.execute(
            update(Outbox)
            .where(Outbox.status == OutboxStatus.PENDING)
            .values(status=OutboxStatus.SENT, telegram_message_id=Outbox.id + MESSAGE_IDS)
        )


async def run_until(db: Database, clock: FrozenClock, until: datetime) -> None:
    """A punctual dispatcher and sender: jump to each due time up to ``until``, tick, deliver."""
    scheduling.install({**dose_handlers.TIMED, **medication_handlers.TIMED})
    dispatcher = scheduling.Dispatcher(db)
    await deliver(db)
    while (due := await dispatcher.next_due()) is not None and due <= until:
        clock.set(max(due, clock.now()))
        await dispatcher.tick()
        await deliver(db)
    clock.set(until)


async def planned(db: Database) -> list[str]:
    """The dose reminders waiting to be sent, as local times."""
    async with db.open_session() as session:
        rows = await session.scalars(
            select(Reminder)
            .where(Reminder.kind == doses.REMIND, Reminder.status == ReminderStatus.PENDING)
            .order_by(Reminder.due_at)
        )
        return [f"{row.due_at.astimezone(LONDON):%a %H:%M}" for row in rows]


async def sent(db: Database, *, since: int = 0) -> list[tuple[int, str, str]]:
    """Messages queued after outbox row ``since``: (chat, method, text)."""
    async with db.open_session() as session:
        rows = await session.scalars(select(Outbox).where(Outbox.id > since).order_by(Outbox.id))
        return [(row.chat_id, row.method, row.payload["text"]) for row in rows]


async def last_row(db: Database) -> int:
    async with db.open_session() as session:
        return max(await session.scalars(select(Outbox.id)), default=0)


async def the_reminder(db: Database, moment: datetime) -> DoseReminder:
    async with db.open_session() as session:
        found = await session.scalar(
            select(DoseReminder).where(DoseReminder.scheduled_at == moment.astimezone(UTC))
        )
        assert found is not None, f"no reminder was sent for {moment}"
        return found
