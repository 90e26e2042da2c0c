"""When a follow-up's timed messages fall due: its notice choices, and one occurrence's schedule."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock, scheduling
from bot.recurrence import (
    DEFAULT_NOTICES,
    NoticeOffset,
    Recurrence,
    local_to_utc,
    notice_times,
    occurrences,
    utc_to_local,
    whole_minute,
)
from bot.services.errors import DomainError
from models import Followup, ReminderKind

NOTICE, ASK = "followup.notice", "followup.ask"
# Stored among the notices for "at the time itself", which a NoticeOffset cannot say.
AT_TIME = "at"
AT_TIME_GRACE = timedelta(hours=1)
# Appointments are announced ahead and asked about after; a plain reminder is said at its time.
APPOINTMENTS = frozenset({ReminderKind.FOLLOWUP, ReminderKind.TEST})
# The after-question waits for the appointment to end, and never wakes anyone at night.
ASK_AFTER = timedelta(hours=2)
QUIET_FROM, QUIET_UNTIL, MORNING = time(21, 0), time(8, 0), time(9, 0)
STAMP = "%Y%m%dT%H%M"

# The notices the confirmation offers as buttons: button name → stored form.
NOTICE_CHOICES: dict[str, str] = {
    "week": NoticeOffset.local_time(7, time(9, 0)).to_text(),
    "eve": NoticeOffset.local_time(1, time(18, 0)).to_text(),
    "morning": NoticeOffset.local_time(0, time(8, 0)).to_text(),
    "2h": NoticeOffset.duration(timedelta(hours=2)).to_text(),
    "30m": NoticeOffset.duration(timedelta(minutes=30)).to_text(),
    "now": AT_TIME,
}


def stamp(moment: datetime) -> str:
    """An occurrence as keys and buttons name it: ``20261203T1430`` (UTC).

    Only a whole minute has a stamp, so that :func:`from_stamp` gives back the same moment.
    """
    if moment != whole_minute(moment):
        raise ValueError(f"follow-up times are whole minutes, not {moment.isoformat()}")
    return moment.astimezone(UTC).strftime(STAMP)


def from_stamp(text: str | None) -> datetime:
    """The occurrence a button names; a forged one reads as an expired button."""
    try:
        return datetime.strptime(text or "", STAMP).replace(tzinfo=UTC)
    except ValueError:
        raise DomainError("errors.expired_button") from None


def key_prefix(followup: Followup, occurrence: datetime | None = None) -> str:
    """The key prefix of a follow-up's timed messages (of one occurrence, if given)."""
    prefix = f"followup:{followup.id}:"
    return f"{prefix}{stamp(occurrence)}:" if occurrence else prefix


def default_notices(kind: ReminderKind) -> list[str]:
    """The day before at 18:00 and 2 hours before for appointments; the time itself otherwise."""
    if kind in APPOINTMENTS:
        return [offset.to_text() for offset in DEFAULT_NOTICES]
    return [AT_TIME]


def chosen(followup: Followup) -> list[str]:
    """The follow-up's notices by button name, in the order the buttons show them."""
    return [name for name, text in NOTICE_CHOICES.items() if text in followup.notices]


def ahead(followup: Followup, now: datetime) -> list[str]:
    """The chosen notices still to come before the coming occurrence."""
    due = followup.due_at
    return [name for name in chosen(followup) if now < _moment(followup, name) <= due]


def _moment(followup: Followup, name: str) -> datetime:
    text = NOTICE_CHOICES[name]
    if text == AT_TIME:
        return followup.due_at
    return NoticeOffset.from_text(text).notice_at(followup.due_at, followup.timezone)


async def schedule_occurrence(session: AsyncSession, followup: Followup) -> None:
    """Schedule the notices still to come for ``followup.due_at``, and what follows it."""
    due, zone = followup.due_at, followup.timezone
    prefix = key_prefix(followup, due)
    payload = {"followup_id": followup.id, "occurrence": stamp(due)}
    where = {"child_id": followup.child_id, "timezone": zone}
    offsets = [NoticeOffset.from_text(text) for text in followup.notices if text != AT_TIME]
    for moment in notice_times(due, zone, offsets, now=clock.now()):
        # A notice is no use once the appointment has begun: it is recorded as missed then.
        key = f"{prefix}notice:{stamp(moment)}"
        await scheduling.schedule(session, NOTICE, moment, key, payload, expires_at=due, **where)
    if AT_TIME in followup.notices and due > clock.now():
        key, expires_at = f"{prefix}notice:{stamp(due)}", due + AT_TIME_GRACE
        await scheduling.schedule(
            session, NOTICE, due, key, payload, expires_at=expires_at, **where
        )
    # The after-question also moves a repeat on, so every kind has one (only some ask).
    await scheduling.schedule(session, ASK, ask_time(due, zone), f"{prefix}ask", payload, **where)


def ask_time(due_at: datetime, timezone: str) -> datetime:
    """Two hours after the appointment, moved to 09:00 if that falls in the night."""
    wall = utc_to_local(due_at + ASK_AFTER, timezone)
    if wall.time() >= QUIET_FROM:
        return local_to_utc(datetime.combine(wall.date() + timedelta(days=1), MORNING), timezone)
    if wall.time() < QUIET_UNTIL:
        return local_to_utc(datetime.combine(wall.date(), MORNING), timezone)
    return due_at + ASK_AFTER


def next_times(followup: Followup, now: datetime, count: int = 3) -> list[datetime]:
    """The follow-up's occurrences still to come: up to ``count`` for a repeat."""
    if followup.recurrence is None or followup.first_local is None:
        return [followup.due_at] if followup.due_at > now else []
    recurrence = Recurrence.from_text(followup.recurrence)
    return occurrences(followup.first_local, recurrence, followup.timezone, now, count)
