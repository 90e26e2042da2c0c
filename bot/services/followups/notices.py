"""What a follow-up's timed messages say when due: a notice, and the after-appointment question."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.audience import Audience, Recipient
from bot.recurrence import Recurrence, next_occurrence
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.followups.schedule import (
    APPOINTMENTS,
    from_stamp,
    key_prefix,
    schedule_occurrence,
    stamp,
)
from bot.services.teams import audience
from bot.services.teams.children import can_receive, membership_in
from bot.services.teams.permissions import Action, require
from models import (
    Child,
    Event,
    Followup,
    FollowupStatus,
    Person,
    Reminder,
    ReminderStatus,
    Role,
    TeamChat,
)

ANSWERED = "followup.answered"


class AppointmentOutcome(enum.StrEnum):
    HAPPENED = "happened"
    MOVED = "moved"
    MISSED = "missed"


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a follow-up, as a notice or the after-question tells the team."""

    followup: Followup
    child: Child
    at: datetime


@dataclass(frozen=True)
class Notice:
    """A notice to send: the occurrence, to the team and a clinician creator it would miss."""

    occurrence: Occurrence
    audience: Audience


@dataclass(frozen=True)
class AppointmentAnswer:
    """How an occurrence went, and who said so (``already``: someone had answered before)."""

    occurrence: Occurrence
    outcome: AppointmentOutcome
    by: str
    already: bool


async def due(session: AsyncSession, payload: dict[str, Any]) -> Occurrence | None:
    """The occurrence a timed message is about, or None if it was cancelled or moved since."""
    followup = await session.get(Followup, payload.get("followup_id"))
    at = from_stamp(payload.get("occurrence"))
    if followup is None or followup.status != FollowupStatus.ACTIVE or followup.due_at != at:
        return None
    child = await session.get(Child, followup.child_id)
    return Occurrence(followup, child, at) if child is not None else None


async def notice(session: AsyncSession, payload: dict[str, Any]) -> Notice | None:
    """The notice a timed message stands for, or None if its follow-up was cancelled or moved."""
    found = await due(session, payload)
    if found is None:
        return None
    hears = await audience.team(session, found.child.id)
    clinician = await _clinician_copy(session, found)
    return Notice(found, hears.plus(clinician) if clinician else hears)


async def passed(
    session: AsyncSession, payload: dict[str, Any], now: datetime
) -> Occurrence | None:
    """An occurrence is over: move a repeat on, close a one-off; return it if it is asked about."""
    found = await due(session, payload)
    if found is None:
        return None
    followup = found.followup
    if followup.recurrence is None or followup.first_local is None:
        followup.status = FollowupStatus.DONE
    else:
        recurrence = Recurrence.from_text(followup.recurrence)
        after = max(found.at, now)
        followup.due_at = next_occurrence(
            followup.first_local, recurrence, followup.timezone, after
        )
        await schedule_occurrence(session, followup)
    return found if followup.kind in APPOINTMENTS else None


async def _clinician_copy(session: AsyncSession, occurrence: Occurrence) -> Recipient | None:
    """The clinician who created the follow-up, if the team relay would not reach them privately."""
    creator_id = occurrence.followup.created_by_id
    if creator_id is None:
        return None
    membership = await membership_in(session, creator_id, occurrence.child.id)
    person = await session.get(Person, creator_id)
    if membership is None or person is None or membership.role != Role.CLINICIAN:
        return None
    group = await session.scalar(
        select(TeamChat.id).where(TeamChat.child_id == membership.child_id)
    )
    if audience.wants_private(membership, has_group=group is not None, urgent=False):
        return None
    return audience.member(membership, person) if can_receive(membership, person) else None


async def record_outcome(
    session: AsyncSession, person: Person, followup_id: int, at: str | None, outcome: str
) -> AppointmentAnswer:
    """Log how an occurrence went; only the first answer counts, later ones are told who gave it."""
    followup = await session.get(Followup, followup_id)
    if followup is None:
        raise DomainError("errors.expired_button")
    require(await membership_in(session, person.id, followup.child_id), Action.FOLLOW_UPS)
    child = await session.get(Child, followup.child_id)
    assert child is not None
    occurrence = Occurrence(followup, child, from_stamp(at))
    if not await _was_asked(session, occurrence):
        raise DomainError("errors.expired_button")
    earlier = await _answer_to(session, occurrence)
    if earlier is not None:
        by = await session.get(Person, earlier.actor_id) if earlier.actor_id else None
        outcome = earlier.payload["outcome"]
        return AppointmentAnswer(
            occurrence, AppointmentOutcome(outcome), by.first_name if by else "", already=True
        )
    await audit.record(
        session,
        ANSWERED,
        actor_id=person.id,
        child_id=child.id,
        followup_id=followup.id,
        occurrence=stamp(occurrence.at),
        outcome=AppointmentOutcome(outcome).value,
    )
    return AppointmentAnswer(
        occurrence, AppointmentOutcome(outcome), person.first_name, already=False
    )


async def _was_asked(session: AsyncSession, occurrence: Occurrence) -> bool:
    """Whether the team was asked about this occurrence (a forged button names another)."""
    key = f"{key_prefix(occurrence.followup, occurrence.at)}ask"
    asked = await session.scalar(
        select(Reminder.id).where(
            Reminder.occurrence_key == key, Reminder.status == ReminderStatus.SENT
        )
    )
    return asked is not None


async def _answer_to(session: AsyncSession, occurrence: Occurrence) -> Event | None:
    """The first answer logged for this occurrence, if any."""
    events = await session.scalars(
        select(Event)
        .where(Event.kind == ANSWERED, Event.child_id == occurrence.child.id)
        .order_by(Event.id)
    )
    wanted = {"followup_id": occurrence.followup.id, "occurrence": stamp(occurrence.at)}
    for event in events:
        if all(event.payload.get(name) == value for name, value in wanted.items()):
            return event
    return None
