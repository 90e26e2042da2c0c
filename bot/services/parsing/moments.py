"""From a local day and wall-clock time to an instant in UTC, across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.services.parsing.clocks import Wall


def utc(now: datetime) -> datetime:
    """``now`` in UTC; a naive time is a programming error."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def instant(day: date, wall: Wall, fold: int, zone: ZoneInfo) -> datetime:
    """A local date and wall-clock time in UTC; ``fold`` picks the hour a clock change repeats."""
    local = datetime.combine(day, time(wall.hour, wall.minute, fold=fold), tzinfo=zone)
    return local.astimezone(UTC)


def latest_past(day: date, wall: Wall, until: datetime, zone: ZoneInfo) -> datetime | None:
    """The latest moment that day showing that time which isn't after ``until``."""
    candidates = {instant(day, wall, fold, zone) for fold in (0, 1)}
    return max((moment for moment in candidates if moment <= until), default=None)


def earliest(day: date, wall: Wall, zone: ZoneInfo) -> datetime:
    """The first moment that day showing that time."""
    return min(instant(day, wall, fold, zone) for fold in (0, 1))


def window_end(end: Wall, start: datetime, zone: ZoneInfo) -> datetime:
    """The first moment from ``start`` on that shows ``end`` (so 23:50-00:10 ends next day)."""
    first_day = start.astimezone(zone).date()
    candidates = {
        instant(first_day + timedelta(days=days), end, fold, zone)
        for days in (0, 1, 2)
        for fold in (0, 1)
    }
    return min(moment for moment in candidates if moment >= start)


def show(moment: datetime, zone: ZoneInfo) -> str:
    """A moment as local "YYYY-MM-DD HH:MM", for messages."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
