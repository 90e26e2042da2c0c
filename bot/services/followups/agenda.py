"""Follow-up reminders: save, list, move and cancel them, and choose their notices."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import utc_to_local, whole_minute
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.followups.parsing import FollowupParseError, ParsedFollowup, parse_followup
from bot.services.followups.schedule import (
    NOTICE_CHOICES,
    ahead,
    chosen,
    default_notices,
    key_prefix,
    next_times,
    schedule_occurrence,
)
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, Followup, FollowupStatus, Membership, Person, ReminderKind

TITLE_LIMIT = 200
AGENDA_LIMIT = 12


@dataclass(frozen=True)
class SavedFollowup:
    """A follow-up as its confirmation shows it: its notices, and those still to come."""

    followup: Followup
    child: Child
    notices: list[str]
    ahead: list[str]
    time_assumed: bool = False  # typed without a time: due at the default, 09:00


@dataclass(frozen=True)
class Upcoming:
    """A follow-up in the list, with its next occurrences (one, for a one-off)."""

    followup: Followup
    times: list[datetime]


@dataclass(frozen=True)
class Agenda:
    """What is coming for a child, soonest first."""

    child: Child
    items: list[Upcoming]


def summary(followup: Followup, child: Child) -> SavedFollowup:
    """What the confirmation of ``followup`` shows, as of now."""
    return SavedFollowup(followup, child, chosen(followup), ahead(followup, clock.now()))


def read_when(
    text: str, title: str, *, timezone: str, language: str | None = None
) -> ParsedFollowup:
    """Read a typed date for a follow-up already named ``title``; extra words join the title."""
    try:
        parsed = parse_followup(text, now=clock.now(), timezone=timezone, language=language)
    except FollowupParseError as error:
        if error.key != "followup_parsing.no_title":
            raise
        return parse_followup(
            f"{text} {title}", now=clock.now(), timezone=timezone, language=language
        )
    return ParsedFollowup(
        f"{title} {parsed.title}", parsed.due_at, parsed.kind, parsed.recurrence, parsed.time_given
    )


async def create(
    session: AsyncSession, person: Person, membership: Membership | None, line: str
) -> SavedFollowup:
    """Save a follow-up typed in one line (``tue 14:30 EEG``, ``every 3 months blood test``)."""
    require(membership, Action.FOLLOW_UPS)
    assert membership is not None
    child = await get_child(session, membership.child_id)
    parsed = parse_followup(
        line, now=clock.now(), timezone=child.timezone, language=person.language_code
    )
    return await add(session, person, child, parsed)


async def add(
    session: AsyncSession,
    person: Person,
    child: Child,
    parsed: ParsedFollowup,
    kind: ReminderKind | None = None,
) -> SavedFollowup:
    """Store ``parsed`` for ``child`` with its kind's notices; schedule its first occurrence.

    The due time is kept on its whole minute, the precision its notices' keys name.
    """
    if len(parsed.title) > TITLE_LIMIT:
        raise DomainError("followups.title_too_long", limit=TITLE_LIMIT)
    kind = kind or parsed.kind
    due_at = whole_minute(parsed.due_at)
    followup = Followup(
        child_id=child.id,
        kind=kind,
        title=parsed.title,
        due_at=due_at,
        timezone=child.timezone,
        recurrence=parsed.recurrence.to_text() if parsed.recurrence else None,
        first_local=utc_to_local(due_at, child.timezone) if parsed.recurrence else None,
        notices=default_notices(kind),
        status=FollowupStatus.ACTIVE,
        created_by_id=person.id,
    )
    session.add(followup)
    await session.flush()
    await schedule_occurrence(session, followup)
    await _record(session, "followup.created", person, followup)
    return replace(summary(followup, child), time_assumed=not parsed.time_given)


async def agenda(session: AsyncSession, membership: Membership | None) -> Agenda:
    """What is coming for the member's child, soonest first."""
    require(membership, Action.FOLLOW_UPS)
    assert membership is not None
    now = clock.now()
    rows = await session.scalars(
        select(Followup).where(
            Followup.child_id == membership.child_id, Followup.status == FollowupStatus.ACTIVE
        )
    )
    items = [Upcoming(row, times) for row in rows if (times := next_times(row, now))]
    items.sort(key=lambda item: (item.times[0], item.followup.id))
    return Agenda(await get_child(session, membership.child_id), items[:AGENDA_LIMIT])


async def agenda_of(session: AsyncSession, person: Person, followup_id: int) -> Agenda:
    """The list a follow-up's buttons came from, for going back to it."""
    followup, _ = await managed(session, person, followup_id)
    return await agenda(session, await membership_in(session, person.id, followup.child_id))


async def managed(
    session: AsyncSession, person: Person, followup_id: int
) -> tuple[Followup, Child]:
    """A follow-up that ``person`` may change (reloaded, permission re-checked)."""
    followup = await session.get(Followup, followup_id)
    if followup is None:
        raise DomainError("errors.expired_button")
    require(await membership_in(session, person.id, followup.child_id), Action.FOLLOW_UPS)
    return followup, await get_child(session, followup.child_id)


async def active(session: AsyncSession, person: Person, followup_id: int) -> SavedFollowup:
    """A follow-up still active that ``person`` may change."""
    followup, child = await managed(session, person, followup_id)
    if followup.status != FollowupStatus.ACTIVE:
        raise DomainError("followups.not_active")
    return summary(followup, child)


async def toggle_notice(
    session: AsyncSession, person: Person, followup_id: int, choice: str | None
) -> SavedFollowup:
    """Turn one of the offered notices on or off, for the coming occurrence and later ones."""
    found = await active(session, person, followup_id)
    followup = found.followup
    text = NOTICE_CHOICES.get(choice or "")
    if text is None:
        raise DomainError("errors.expired_button")
    wanted = set(followup.notices) ^ {text}
    followup.notices = [known for known in NOTICE_CHOICES.values() if known in wanted]
    await scheduling.cancel(session, f"{key_prefix(followup, followup.due_at)}notice:")
    await schedule_occurrence(session, followup)
    await _record(session, "followup.notices_changed", person, followup, notices=followup.notices)
    return summary(followup, found.child)


async def cancel(session: AsyncSession, person: Person, followup_id: int) -> SavedFollowup:
    """Cancel a follow-up: none of its notices or questions will be sent."""
    followup, child = await managed(session, person, followup_id)
    if followup.status == FollowupStatus.ACTIVE:
        followup.status = FollowupStatus.CANCELLED
        await scheduling.cancel(session, key_prefix(followup))
        await _record(session, "followup.cancelled", person, followup)
    return summary(followup, child)


async def reschedule(
    session: AsyncSession, person: Person, followup_id: int, text: str
) -> SavedFollowup:
    """Move a follow-up (a repeat: its whole series) to the typed date and time."""
    followup, child = await managed(session, person, followup_id)
    if followup.status == FollowupStatus.CANCELLED:
        raise DomainError("followups.not_active")
    parsed = read_when(text, followup.title, timezone=child.timezone)
    await scheduling.cancel(session, key_prefix(followup))
    previous = followup.due_at
    followup.due_at, followup.timezone = whole_minute(parsed.due_at), child.timezone
    followup.status = FollowupStatus.ACTIVE
    if followup.recurrence is not None:
        followup.first_local = utc_to_local(followup.due_at, child.timezone)
    await schedule_occurrence(session, followup)
    await _record(session, "followup.rescheduled", person, followup, previous=previous.isoformat())
    return replace(summary(followup, child), time_assumed=not parsed.time_given)


async def _record(
    session: AsyncSession, kind: str, person: Person, followup: Followup, **details: object
) -> None:
    await audit.record(
        session,
        kind,
        actor_id=person.id,
        child_id=followup.child_id,
        followup_id=followup.id,
        due_at=followup.due_at.isoformat(),
        **details,
    )
