"""Acknowledging a digest: the team hears once that a reader has read one period's digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.audience import Audience
from bot.services import audit
from bot.services.digests.period import CHOICES, Period
from bot.services.errors import DomainError
from bot.services.teams import audience
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, DigestRead, Membership, Person

STAMP = "%Y%m%d"


@dataclass(frozen=True)
class Read:
    """A reader acknowledged a digest; ``first_time`` only once per reader and period."""

    person: Person
    membership: Membership
    child: Child
    period: Period
    first_time: bool
    audience: Audience  # the team, without the reader (nobody if not the first time)


def period_arg(period: Period) -> str:
    """A period as a digest's buttons name it: ``20261123.20261129``."""
    return f"{period.first:{STAMP}}.{period.last:{STAMP}}"


def period_named(arg: str | None, child: Child) -> Period:
    """The period a button names; a forged or impossible one reads as an expired button."""
    first_text, _, last_text = (arg or "").partition(".")
    try:
        first, last = (date.fromisoformat(_iso(text)) for text in (first_text, last_text))
    except ValueError:
        raise DomainError("errors.expired_button") from None
    period = Period(first, last, child.timezone)
    if period.days not in CHOICES:
        raise DomainError("errors.expired_button")
    return period


async def acknowledge(
    session: AsyncSession, person: Person, child_id: int, arg: str | None
) -> Read:
    """``person`` has read ``child_id``'s digest of the period ``arg`` names."""
    membership = require(await membership_in(session, person.id, child_id), Action.DIGEST)
    child = await get_child(session, child_id)
    period = period_named(arg, child)
    first_time = await _first_read(session, person, child, period)
    if first_time:
        await audit.record(
            session,
            "digest.read",
            actor_id=person.id,
            child_id=child_id,
            first=str(period.first),
            last=str(period.last),
        )
        team = await audience.team(session, child_id, exclude_person_id=person.id)
    else:
        team = Audience(child_id)
    return Read(person, membership, child, period, first_time, team)


async def _first_read(session: AsyncSession, person: Person, child: Child, period: Period) -> bool:
    """Record the read unless it is recorded already; the unique key settles a race."""
    seen = await session.scalar(
        select(DigestRead.id).where(
            DigestRead.person_id == person.id,
            DigestRead.child_id == child.id,
            DigestRead.first == period.first,
            DigestRead.last == period.last,
        )
    )
    if seen is not None:
        return False
    try:
        async with session.begin_nested():
            session.add(
                DigestRead(
                    person_id=person.id,
                    child_id=child.id,
                    first=period.first,
                    last=period.last,
                    read_at=clock.now(),
                )
            )
    except IntegrityError:
        return False
    return True


def _iso(stamp: str) -> str:
    if len(stamp) != 8 or not stamp.isdigit():
        raise ValueError(stamp)
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}"
