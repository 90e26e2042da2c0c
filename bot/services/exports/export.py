"""One export: who may take it, which period, the records and the digest read, the audit event.

The records are read, and the export written to the audit log, in the caller's transaction;
the file itself is made from them afterwards (``Export`` holds nothing that reads lazily).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.recurrence import utc_to_local
from bot.services import audit
from bot.services.digests.figures import Figures, compute
from bot.services.digests.period import Period
from bot.services.errors import DomainError, Forbidden
from bot.services.exports.records import Records, collect, first_day
from bot.services.followups.agenda import Upcoming
from bot.services.followups.schedule import next_times
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, FollowupStatus, Person, Role

# The periods offered by button: days up to today, or everything ("all").
CHOICES = ("28", "90", "365", "all")
FOLLOWUPS = 3


class Format(enum.StrEnum):
    PDF = "pdf"
    CSV = "csv"
    FHIR = "fhir"


class UnknownChild(DomainError):
    key = "exports.unknown_child"


@dataclass(frozen=True)
class Export:
    """What one file is made of."""

    format: Format
    records: Records
    include_name: bool
    figures: Figures | None  # the digest of the period, for the PDF's first page


def period_for(child: Child, first: date, last: date) -> Period:
    """The whole local days ``first``..``last``; refused if they run backwards."""
    if last < first:
        raise DomainError("exports.bad_dates", first=first.isoformat(), last=last.isoformat())
    return Period(first, last, child.timezone)


async def chosen_period(session: AsyncSession, child: Child, choice: str, now: datetime) -> Period:
    """The period a button names: the last 28, 90 or 365 days up to today, or everything."""
    if choice not in CHOICES:
        raise DomainError("errors.expired_button")
    today = utc_to_local(now, child.timezone).date()
    if choice == "all":
        first = min(await first_day(session, child), today)
    else:
        first = today - timedelta(days=int(choice) - 1)
    return period_for(child, first, today)


async def for_member(
    session: AsyncSession,
    person: Person,
    child_id: int,
    format: Format,
    choice: str,
    include_name: bool = False,
) -> Export:
    """A guardian's or clinician's export from Telegram (the membership checked again).

    Only a guardian may put the child's name in a FHIR bundle.
    """
    membership = require(await membership_in(session, person.id, child_id), Action.EXPORT)
    if include_name and membership.role != Role.GUARDIAN:
        raise Forbidden("exports.name_guardians_only")
    child = await get_child(session, child_id)
    now = clock.now()
    period = await chosen_period(session, child, choice, now)
    return await _export(session, child, period, format, include_name, person.id, "telegram")


async def for_operator(
    session: AsyncSession,
    child_id: int,
    format: Format,
    first: date | None,
    last: date | None,
    include_name: bool = False,
) -> Export:
    """An export from the command line, by whoever runs CareCircle (no team member acts)."""
    child = await session.get(Child, child_id)
    if child is None:
        raise UnknownChild(child_id=child_id)
    now = clock.now()
    first = first or await first_day(session, child)
    last = last or utc_to_local(now, child.timezone).date()
    period = period_for(child, first, last)
    return await _export(session, child, period, format, include_name, None, "cli")


async def _export(
    session: AsyncSession,
    child: Child,
    period: Period,
    format: Format,
    include_name: bool,
    actor_id: int | None,
    via: str,
) -> Export:
    now = clock.now()
    records = await collect(session, child, period, now)
    figures = await _digest(session, records) if format == Format.PDF else None
    await audit.record(
        session,
        "export.made",
        actor_id=actor_id,
        child_id=child.id,
        format=str(format),
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        include_name=include_name and format == Format.FHIR,
        via=via,
        episodes=len(records.episodes),
        changes=len(records.changes_shown()),
        doses=len(records.doses),
    )
    return Export(format, records, include_name and format == Format.FHIR, figures)


async def _digest(session: AsyncSession, records: Records) -> Figures:
    """The digest of the export's period, with the follow-ups still to come."""
    found = await compute(session, records.child, records.period)
    upcoming = [
        Upcoming(followup, times)
        for followup in records.followups
        if followup.status == FollowupStatus.ACTIVE
        and (times := next_times(followup, records.made_at))
    ]
    upcoming.sort(key=lambda item: (item.times[0], item.followup.id))
    return replace(found, followups=upcoming[:FOLLOWUPS])
