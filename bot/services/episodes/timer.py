"""Seizure timers: start, stop and cancel one, and what the ticker owes each running timer now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.teams import audience
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, require
from models import Child, Membership, Outbox, Person, Timer, TimerStatus

# Telegram allows about one edit a second per chat; a 10-second beat leaves room for everyone.
EDIT_EVERY = timedelta(seconds=10)
# A timer nobody stopped is someone's forgotten phone, not a seizure.
MAX_RUN = timedelta(hours=1)


@dataclass(frozen=True)
class Live:
    """A timer as its message and its alert show it."""

    id: int
    child_id: int
    chat_id: int
    message_id: int | None
    status: TimerStatus
    child: str
    timezone: str
    started_by: str | None
    started_at: datetime
    seconds: int
    threshold_seconds: int
    action_plan: str | None
    alerted: bool
    language: str | None


@dataclass(frozen=True)
class Due:
    """What a running timer needs from the ticker now: an alert to the team, a fresh message."""

    live: Live
    alert: bool
    edit: bool


async def start(
    session: AsyncSession,
    membership: Membership,
    person: Person,
    chat_id: int,
    *,
    message_id: int | None = None,
) -> Live:
    """Start timing an episode of ``membership``'s child, shown in ``chat_id``."""
    require(membership, Action.REPORT_EPISODE)
    running = await _running_for(session, membership.child_id)
    if running is not None:
        live = await _live(session, running)
        raise DomainError(
            "timer.already_running", name=live.started_by, elapsed=clock_face(live.seconds)
        )
    started = Timer(
        child_id=membership.child_id,
        started_by_id=person.id,
        chat_id=chat_id,
        message_id=message_id,
        started_at=clock.now(),
    )
    session.add(started)
    await session.flush()
    await audit.record(
        session, "timer.started", actor_id=person.id, child_id=started.child_id, timer_id=started.id
    )
    return await _live(session, started)


async def posted(session: AsyncSession, live: Live, outbox_id: int) -> None:
    """The timer's message is queued as outbox row ``outbox_id``: the ticker edits it once sent."""
    found = await session.get_one(Timer, live.id)
    found.outbox_id = outbox_id
    await session.flush()


async def stop(session: AsyncSession, person: Person, chat_id: int, timer_id: int) -> Timer:
    """Someone on the team stopped the timer: the episode lasted until now."""
    found = await _pressed(session, person, chat_id, timer_id)
    found.status, found.stopped_at = TimerStatus.STOPPED, clock.now()
    await session.flush()
    seconds = round((found.stopped_at - found.started_at).total_seconds())
    await audit.record(
        session, "timer.stopped", actor_id=person.id, child_id=found.child_id, seconds=seconds
    )
    return found


async def cancel(session: AsyncSession, person: Person, chat_id: int, timer_id: int) -> Live:
    """Someone on the team cancelled the timer; nothing is recorded."""
    found = await _pressed(session, person, chat_id, timer_id)
    found.status, found.stopped_at = TimerStatus.CANCELLED, clock.now()
    await session.flush()
    await audit.record(session, "timer.cancelled", actor_id=person.id, child_id=found.child_id)
    return await _live(session, found)


async def due(session: AsyncSession) -> list[Due]:
    """Each running timer's alert and edit that are due now; both are marked done here."""
    now = clock.now()
    work = []
    for found in await session.scalars(select(Timer).where(Timer.status == TimerStatus.RUNNING)):
        await _find_message(session, found)
        elapsed = now - found.started_at
        if elapsed >= MAX_RUN:
            found.status, found.stopped_at = TimerStatus.EXPIRED, now
        alert = found.status == TimerStatus.RUNNING and await _claim_alert(session, found, now)
        last = found.edited_at or found.started_at
        edit = found.message_id is not None and (
            alert or found.status != TimerStatus.RUNNING or now - last >= EDIT_EVERY
        )
        # Its chat may have left the team since (the starter was removed): no more news there.
        edit = edit and await audience.hears_about(session, found.child_id, found.chat_id)
        if edit:
            found.edited_at = now
        await session.flush()
        work.append(Due(await _live(session, found), alert, edit))
    return work


async def still(session: AsyncSession, timer_id: int, status: TimerStatus) -> bool:
    """Whether the timer is still as the ticker found it."""
    return await session.scalar(select(Timer.status).where(Timer.id == timer_id)) == status


def clock_face(seconds: int) -> str:
    """Elapsed time as a stopwatch shows it: 0:07, 4:59, 12:30."""
    minutes, rest = divmod(max(seconds, 0), 60)
    return f"{minutes}:{rest:02d}"


async def _pressed(session: AsyncSession, person: Person, chat_id: int, timer_id: int) -> Timer:
    """The running timer a button in this chat belongs to, if the presser is on the team."""
    found = await session.get(Timer, timer_id)
    if found is None or found.chat_id != chat_id:
        raise DomainError("errors.expired_button")
    membership = await teams.membership_in(session, person.id, found.child_id)
    require(membership, Action.REPORT_EPISODE)
    if found.status != TimerStatus.RUNNING:
        raise DomainError("timer.not_running")
    return found


async def _running_for(session: AsyncSession, child_id: int) -> Timer | None:
    return await session.scalar(
        select(Timer).where(Timer.child_id == child_id, Timer.status == TimerStatus.RUNNING)
    )


async def _find_message(session: AsyncSession, found: Timer) -> None:
    """Learn the live message's id once the outbox has sent it."""
    if found.message_id is None and found.outbox_id is not None:
        found.message_id = await session.scalar(
            select(Outbox.telegram_message_id).where(Outbox.id == found.outbox_id)
        )


async def _claim_alert(session: AsyncSession, found: Timer, now: datetime) -> bool:
    """Mark the threshold alert as sent, once, even if two ticks race for it."""
    child = await session.get_one(Child, found.child_id)
    if found.alerted_at is not None or now - found.started_at < _threshold(child):
        return False
    claimed = await session.execute(
        update(Timer)
        .where(Timer.id == found.id, Timer.alerted_at.is_(None))
        .values(alerted_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        return False
    found.alerted_at = now
    return True


def _threshold(child: Child) -> timedelta:
    return timedelta(seconds=child.emergency_threshold_seconds)


async def _live(session: AsyncSession, found: Timer) -> Live:
    child = await session.get_one(Child, found.child_id)
    starter = await session.get(Person, found.started_by_id) if found.started_by_id else None
    end = found.stopped_at or clock.now()
    return Live(
        id=found.id,
        child_id=found.child_id,
        chat_id=found.chat_id,
        message_id=found.message_id,
        status=found.status,
        child=child.name,
        timezone=child.timezone,
        started_by=starter.first_name if starter else None,
        started_at=found.started_at,
        seconds=int((end - found.started_at).total_seconds()),
        threshold_seconds=child.emergency_threshold_seconds,
        action_plan=child.action_plan,
        alerted=found.alerted_at is not None,
        language=starter.language_code if starter else None,
    )
