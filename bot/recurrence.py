"""Repeating reminders and their notices, computed on the child's wall clock and stored in UTC."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

Freq = Literal["daily", "weekly", "monthly", "yearly"]
FREQUENCIES: tuple[Freq, ...] = get_args(Freq)

# The longest interval a person can sensibly mean; the parser refuses anything beyond.
MAX_INTERVAL: dict[Freq, int] = {"daily": 365, "weekly": 104, "monthly": 36, "yearly": 10}

_UNIT: dict[Freq, str] = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
_RELATIVEDELTA_FIELD: dict[Freq, str] = {
    "daily": "days",
    "weekly": "weeks",
    "monthly": "months",
    "yearly": "years",
}


@dataclass(frozen=True)
class Recurrence:
    """A repeat every ``interval`` days, weeks, months or years (a subset of RFC 5545 RRULE).

    Stored as text such as ``FREQ=MONTHLY;INTERVAL=3``. The weekday, day of month and time
    of day come from the first occurrence. A monthly or yearly repeat from a day the target
    month lacks (the 31st, 29 February) falls on that month's last day, and comes back to
    the original day in months that have it.
    """

    freq: Freq
    interval: int = 1

    def __post_init__(self) -> None:
        if self.freq not in FREQUENCIES:
            raise ValueError(f"unknown frequency {self.freq!r}")
        if isinstance(self.interval, bool) or not isinstance(self.interval, int):
            raise ValueError(f"interval must be an int, not {self.interval!r}")
        if self.interval < 1:
            raise ValueError(f"interval must be at least 1, not {self.interval}")

    @property
    def unit(self) -> str:
        """The singular unit of the interval: day, week, month or year."""
        return _UNIT[self.freq]

    def step(self, times: int = 1) -> relativedelta:
        """The wall-clock distance covered by ``times`` intervals."""
        return relativedelta(**{_RELATIVEDELTA_FIELD[self.freq]: self.interval * times})

    def to_text(self) -> str:
        """The stored form, always with both parts: ``FREQ=WEEKLY;INTERVAL=1``."""
        return f"FREQ={self.freq.upper()};INTERVAL={self.interval}"

    @classmethod
    def from_text(cls, text: str) -> Recurrence:
        """Read the stored form (parts in any order and case, INTERVAL optional)."""
        parts = _rrule_parts(text)
        freq = parts.pop("FREQ", "").lower()
        interval = parts.pop("INTERVAL", "1")
        if parts:
            raise ValueError(f"unsupported recurrence parts {sorted(parts)} in {text!r}")
        if freq not in FREQUENCIES or not interval.isascii() or not interval.isdigit():
            raise ValueError(f"not a recurrence: {text!r}")
        return cls(freq, int(interval))  # type: ignore[arg-type]

    def describe(self) -> str:
        """Plain English: ``every day``, ``every 2 weeks``, ``every 3 months``."""
        if self.interval == 1:
            return f"every {self.unit}"
        return f"every {self.interval} {self.unit}s"


def _rrule_parts(text: str) -> dict[str, str]:
    """Split ``FREQ=DAILY;INTERVAL=2`` (optionally after ``RRULE:``) into upper-case parts."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    parts: dict[str, str] = {}
    for part in body.split(";"):
        name, equals, value = part.partition("=")
        name = name.strip().upper()
        if not equals or not name or name in parts:
            raise ValueError(f"not a recurrence: {text!r}")
        parts[name] = value.strip()
    return parts


def local_to_utc(wall: datetime, timezone: str) -> datetime:
    """The UTC instant of a naive wall time in ``timezone`` (an aware one is just converted).

    A wall time in the hour skipped when clocks go forward moves on by the gap (02:30 on the
    US spring-forward night is 03:30 EDT); one in the repeated hour when clocks go back is
    its first occurrence (the daylight-saving one).
    """
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    # PEP 495: fold=0 reads a skipped time with the offset before the gap, which lands the
    # same minutes after it, and reads a repeated time as its first occurrence.
    return wall.replace(tzinfo=ZoneInfo(timezone), fold=0).astimezone(UTC)


def utc_to_local(moment: datetime, timezone: str) -> datetime:
    """The naive wall time in ``timezone`` of an aware instant."""
    return moment.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)


def whole_minute(moment: datetime) -> datetime:
    """The start of the minute ``moment`` falls in (seconds dropped, aware or naive kept).

    Follow-up times are whole minutes: that is what people mean and what keys name. Every
    zone's UTC offset today is a whole number of minutes, so a UTC minute is a local one.
    """
    return moment.replace(second=0, microsecond=0)


def _as_wall(first_local: datetime, timezone: str) -> datetime:
    """A naive wall time; an aware value is first converted to ``timezone``."""
    if first_local.tzinfo is None:
        return first_local
    return utc_to_local(first_local, timezone)


def _elapsed_intervals(first: datetime, later: datetime, recurrence: Recurrence) -> int:
    """A lower bound on how many whole intervals fit between two wall times."""
    if later <= first:
        return 0
    if recurrence.freq in ("daily", "weekly"):
        days = (later - first).days
        units = days // 7 if recurrence.freq == "weekly" else days
    else:
        months = (later.year - first.year) * 12 + later.month - first.month
        units = months // 12 if recurrence.freq == "yearly" else months
    # One interval of slack: month lengths and DST make the estimate slightly optimistic.
    return max(0, units // recurrence.interval - 1)


def occurrences(
    first_local: datetime, recurrence: Recurrence, timezone: str, after: datetime, count: int
) -> list[datetime]:
    """The next ``count`` occurrences strictly after ``after``, as aware UTC times.

    ``first_local`` is the first occurrence as a naive wall time in ``timezone`` (an aware
    value is converted to that zone first). Always pass the series' first occurrence, not
    the latest one: each occurrence is computed from it, so the 31st survives February.
    """
    first = _as_wall(first_local, timezone)
    after_local = utc_to_local(after, timezone)
    index = _elapsed_intervals(first, after_local, recurrence)
    found: list[datetime] = []
    while len(found) < count:
        moment = local_to_utc(first + recurrence.step(index), timezone)
        if moment > after:
            found.append(moment)
        index += 1
    return found


def next_occurrence(
    first_local: datetime, recurrence: Recurrence, timezone: str, after: datetime
) -> datetime:
    """The first occurrence strictly after ``after`` (aware UTC); see :func:`occurrences`."""
    return occurrences(first_local, recurrence, timezone, after, 1)[0]


_DAYS_AT = re.compile(r"(\d{1,3})d@([01]\d|2[0-3]):([0-5]\d)")
_DURATION = re.compile(r"P(?:(\d{1,4})D)?(?:T(?=\d)(?:(\d{1,5})H)?(?:(\d{1,6})M)?)?")


@dataclass(frozen=True)
class NoticeOffset:
    """When to warn before something falls due: a local time some days before, or a duration.

    Stored as text: ``1d@18:00`` is the day before at 18:00 local time (``0d@07:30`` the
    same day at 07:30); ``PT2H`` is two hours before (an ISO 8601 duration of days, hours
    and minutes, e.g. ``P1D``, ``PT30M``, ``P1DT2H30M``), measured in real elapsed time.
    """

    days_before: int = 0
    at: time | None = None
    before: timedelta | None = None

    def __post_init__(self) -> None:
        if (self.at is None) == (self.before is None):
            raise ValueError("a notice needs exactly one of `at` or `before`")
        if self.days_before < 0 or (self.before is not None and self.days_before):
            raise ValueError("days_before must be 0 or more, and only with `at`")
        if self.at is not None and (self.at.tzinfo is not None or self.at.second):
            raise ValueError("`at` is a naive time in whole minutes")
        if self.before is not None and (
            self.before <= timedelta(0) or self.before % timedelta(minutes=1)
        ):
            raise ValueError("`before` is a positive whole number of minutes")

    @classmethod
    def local_time(cls, days_before: int, at: time) -> NoticeOffset:
        """At the local time ``at``, ``days_before`` calendar days before the due date."""
        return cls(days_before=days_before, at=at)

    @classmethod
    def duration(cls, before: timedelta) -> NoticeOffset:
        """A fixed stretch of real time before the due moment."""
        return cls(before=before)

    def to_text(self) -> str:
        """The stored form: ``1d@18:00`` or ``PT2H``."""
        if self.at is not None:
            return f"{self.days_before}d@{self.at:%H:%M}"
        assert self.before is not None
        minutes = int(self.before.total_seconds()) // 60
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")

    @classmethod
    def from_text(cls, text: str) -> NoticeOffset:
        """Read the stored form written by :meth:`to_text`."""
        if match := _DAYS_AT.fullmatch(text):
            days, hour, minute = (int(group) for group in match.groups())
            return cls.local_time(days, time(hour, minute))
        match = _DURATION.fullmatch(text)
        if match is None or not any(match.groups()):
            raise ValueError(f"not a notice offset: {text!r}")
        days, hours, minutes = (int(group or 0) for group in match.groups())
        return cls.duration(timedelta(days=days, hours=hours, minutes=minutes))

    def notice_at(self, due_at: datetime, timezone: str) -> datetime:
        """The aware UTC moment of this notice for something due at ``due_at``."""
        if self.before is not None:
            return due_at.astimezone(UTC) - self.before
        assert self.at is not None
        due_day: date = utc_to_local(due_at, timezone).date()
        wall = datetime.combine(due_day - timedelta(days=self.days_before), self.at)
        return local_to_utc(wall, timezone)


DEFAULT_NOTICES: tuple[NoticeOffset, ...] = (
    NoticeOffset.local_time(1, time(18, 0)),
    NoticeOffset.duration(timedelta(hours=2)),
)


def notice_times(
    due_at: datetime,
    timezone: str,
    offsets: Sequence[NoticeOffset] = DEFAULT_NOTICES,
    *,
    now: datetime,
) -> list[datetime]:
    """The notices still to send for ``due_at``: aware UTC, sorted, distinct, in (now, due_at)."""
    moments = {offset.notice_at(due_at, timezone) for offset in offsets}
    return sorted(moment for moment in moments if now < moment < due_at)
