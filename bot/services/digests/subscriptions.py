"""Digests on a reader's own schedule: weekly or every 4 weeks, on their wall clock, once a period.

Each subscription has one timed message at a time, keyed by the period it covers
(``digest:<person>:<child>:<first>-<last>``), so however often it is scheduled or claimed,
a period is sent at most once. The job that sends it schedules the next one in the same
transaction, counting from now: after downtime the overdue digest goes out once, late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import local_to_utc, utc_to_local
from bot.services import audit
from bot.services.digests.period import Period, period_of
from bot.services.errors import DomainError
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, may, require
from models import Child, DigestCadence, DigestSubscription, Membership, Person, ReminderStatus

KIND = "digest.send"
# Days between two digests, which is also how many days each one covers.
DAYS: dict[DigestCadence, int] = {DigestCadence.WEEKLY: 7, DigestCadence.MONTHLY: 28}
DEFAULT = (DigestCadence.WEEKLY, 0, 8)  # Monday 08:00, on the reader's clock
HOURS = range(24)
WEEKDAYS = range(7)


@dataclass(frozen=True)
class Schedule:
    """A reader's digest schedule for one child, as they see it (``subscription`` None: off)."""

    membership: Membership
    child: Child
    timezone: str
    subscription: DigestSubscription | None


@dataclass(frozen=True)
class Due:
    """A scheduled digest to send now: for whom, and which period."""

    membership: Membership
    person: Person
    child: Child
    period: Period


def named(arg: str | None) -> tuple[DigestCadence, int | None, int | None]:
    """The cadence, weekday and hour a button names (``weekly.0.08``); forged: expired."""
    parts = (arg or "").split(".")
    try:
        cadence = DigestCadence(parts[0])
        numbers = [int(part) for part in parts[1:3] if part.isascii() and part.isdigit()]
    except ValueError:
        raise DomainError("errors.expired_button") from None
    if len(parts) > 3 or len(numbers) != len(parts) - 1:
        raise DomainError("errors.expired_button")
    weekday = numbers[0] if numbers else None
    hour = numbers[1] if len(numbers) > 1 else None
    if (weekday is not None and weekday not in WEEKDAYS) or (
        hour is not None and hour not in HOURS
    ):
        raise DomainError("errors.expired_button")
    return cadence, weekday, hour


def zone_of(person: Person, child: Child) -> str:
    """The zone a person's schedule is read in: their own, else the child's."""
    return person.timezone or child.timezone


def first_due(weekday: int, hour: int, timezone: str, after: datetime) -> datetime:
    """The first ``weekday`` at ``hour``:00 on the wall clock of ``timezone`` after ``after``."""
    day = utc_to_local(after, timezone).date()
    for offset in range(15):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() == weekday:
            moment = _at(candidate, hour, timezone)
            if moment > after:
                return moment
    raise AssertionError("a weekday comes within two weeks")


def following(
    cadence: DigestCadence, hour: int, timezone: str, due: datetime, now: datetime
) -> datetime:
    """The next digest after the one due at ``due``: a cadence later, and after ``now``.

    Counted in days on the wall clock, so 08:00 stays 08:00 across daylight-saving changes.
    """
    day = utc_to_local(due, timezone).date()
    while True:
        day += timedelta(days=DAYS[cadence])
        moment = _at(day, hour, timezone)
        if moment > now:
            return moment


def period_at(cadence: DigestCadence, child: Child, due: datetime) -> Period:
    """The whole days on the child's clock that a digest due at ``due`` covers."""
    return period_of(DAYS[cadence], due, child.timezone)


def key(person_id: int, child_id: int, period: Period | None = None) -> str:
    """The timed message of one person's digest of one child for ``period`` (or its prefix)."""
    series = f"digest:{person_id}:{child_id}:"
    return series if period is None else f"{series}{period.first:%Y%m%d}-{period.last:%Y%m%d}"


async def schedule_of(session: AsyncSession, person: Person, child_id: int) -> Schedule:
    """``person``'s digest schedule for ``child_id``, if they may get digests."""
    membership = require(await membership_in(session, person.id, child_id), Action.DIGEST)
    child = await get_child(session, child_id)
    subscription = await _subscription(session, person.id, child_id)
    return Schedule(membership, child, zone_of(person, child), subscription)


async def subscribe(
    session: AsyncSession,
    person: Person,
    child_id: int,
    cadence: DigestCadence,
    weekday: int,
    hour: int,
) -> Schedule:
    """``person`` gets ``child_id``'s digest on ``weekday`` at ``hour``, every ``cadence``."""
    if weekday not in WEEKDAYS or hour not in HOURS:
        raise DomainError("errors.expired_button")
    found = await schedule_of(session, person, child_id)
    subscription = found.subscription or DigestSubscription(person_id=person.id, child_id=child_id)
    subscription.cadence, subscription.weekday, subscription.hour = cadence, weekday, hour
    session.add(subscription)
    await session.flush()
    await _plan(session, subscription, found.child, found.timezone)
    await audit.record(
        session,
        "digest.scheduled",
        actor_id=person.id,
        child_id=child_id,
        cadence=cadence.value,
        weekday=weekday,
        hour=hour,
        timezone=found.timezone,
    )
    return Schedule(found.membership, found.child, found.timezone, subscription)


async def subscribe_default(
    session: AsyncSession, person: Person, membership: Membership
) -> Schedule | None:
    """The default schedule (Monday 08:00 weekly) unless one is set; None if no digests allowed."""
    if not may(membership.role, Action.DIGEST):
        return None
    found = await schedule_of(session, person, membership.child_id)
    if found.subscription is not None:
        return found
    return await subscribe(session, person, membership.child_id, *DEFAULT)


async def unsubscribe(session: AsyncSession, person: Person, child_id: int) -> Schedule:
    """``person`` gets no more scheduled digests of ``child_id``."""
    found = await schedule_of(session, person, child_id)
    if found.subscription is not None:
        await scheduling.cancel(session, key(person.id, child_id))
        await session.delete(found.subscription)
        await session.flush()
        await audit.record(session, "digest.unscheduled", actor_id=person.id, child_id=child_id)
    return Schedule(found.membership, found.child, found.timezone, None)


async def replan_all(session: AsyncSession, person: Person) -> None:
    """Move every digest of ``person`` to their wall clock (after they changed zone)."""
    for subscription in await session.scalars(
        select(DigestSubscription).where(DigestSubscription.person_id == person.id)
    ):
        child = await get_child(session, subscription.child_id)
        await _plan(session, subscription, child, zone_of(person, child))


async def due(
    session: AsyncSession, payload: dict[str, Any], due_at: datetime, now: datetime
) -> Due | None:
    """The digest a timed message stands for, with the next one scheduled; None if no longer.

    Nothing is sent, and nothing more scheduled, for a subscription that is gone or moved,
    or for a reader who left the team or may no longer get digests.
    """
    subscription = await session.get(DigestSubscription, payload.get("subscription", 0))
    if subscription is None or subscription.next_due_at != due_at:
        return None
    person = await session.get(Person, subscription.person_id)
    membership = await membership_in(session, subscription.person_id, subscription.child_id)
    if person is None or membership is None or not may(membership.role, Action.DIGEST):
        await session.delete(subscription)
        return None
    child = await get_child(session, subscription.child_id)
    zone = zone_of(person, child)
    period = Period(
        date.fromisoformat(payload["first"]), date.fromisoformat(payload["last"]), child.timezone
    )
    after = following(subscription.cadence, subscription.hour, zone, due_at, now)
    await _plan(session, subscription, child, zone, after, cancel=False)
    return Due(membership, person, child, period)


async def _plan(
    session: AsyncSession,
    subscription: DigestSubscription,
    child: Child,
    timezone: str,
    moment: datetime | None = None,
    *,
    cancel: bool = True,
) -> None:
    """Schedule the subscription's next digest (the first from now, unless ``moment``).

    A period already sent is not sent again: the digest after it is scheduled instead.
    """
    if cancel:
        await scheduling.cancel(session, key(subscription.person_id, subscription.child_id))
    cadence, hour = subscription.cadence, subscription.hour
    moment = moment or first_due(subscription.weekday, hour, timezone, clock.now())
    while True:
        period = period_at(cadence, child, moment)
        row = await scheduling.schedule(
            session,
            KIND,
            moment,
            key(subscription.person_id, subscription.child_id, period),
            {"subscription": subscription.id, "first": str(period.first), "last": str(period.last)},
            child_id=child.id,
            timezone=timezone,
        )
        if row.status == ReminderStatus.PENDING:
            break
        moment = following(cadence, hour, timezone, moment, moment)
    subscription.next_due_at = moment
    await session.flush()


async def _subscription(
    session: AsyncSession, person_id: int, child_id: int
) -> DigestSubscription | None:
    return await session.scalar(
        select(DigestSubscription).where(
            DigestSubscription.person_id == person_id, DigestSubscription.child_id == child_id
        )
    )


def _at(day: date, hour: int, timezone: str) -> datetime:
    return local_to_utc(datetime.combine(day, time(hour)), timezone)
