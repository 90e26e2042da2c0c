"""The digest's period: whole days on the child's clock, and the same length just before."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from bot.recurrence import local_to_utc, utc_to_local
from bot.services.errors import DomainError

DEFAULT_DAYS = 28  # the usual window for seizure frequency
CHOICES = (7, 14, 28, 90)
_TYPED = re.compile(r"(\d{1,2})\s*(?:d|days?)?")


@dataclass(frozen=True)
class Period:
    """``days`` whole local days, ``first``..``last`` included, in ``timezone``."""

    first: date
    last: date
    timezone: str

    @property
    def days(self) -> int:
        """How many calendar days the period holds."""
        return (self.last - self.first).days + 1

    @cached_property
    def start(self) -> datetime:
        """The UTC moment its first day begins."""
        return day_start(self.first, self.timezone)

    @cached_property
    def end(self) -> datetime:
        """The UTC moment after its last day ends."""
        return day_start(self.last + timedelta(days=1), self.timezone)

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        before = self.first - timedelta(days=self.days)
        return Period(before, self.first - timedelta(days=1), self.timezone)

    def local(self, moment: datetime) -> datetime:
        """``moment`` on the child's wall clock (naive)."""
        return utc_to_local(moment, self.timezone)

    def shift(self, moment: datetime, days: int) -> datetime:
        """``moment`` moved by ``days`` on the child's wall clock (08:00 stays 08:00)."""
        return local_to_utc(self.local(moment) + timedelta(days=days), self.timezone)

    def day_of(self, moment: datetime) -> date:
        """The local day ``moment`` falls on."""
        return self.local(moment).date()

    @cached_property
    def _midnights(self) -> list[datetime]:
        """The UTC moment each day begins, and the end."""
        return [day_start(day, self.timezone) for day in self.dates()] + [self.end]

    def index_of(self, moment: datetime) -> int | None:
        """Which day of the period (0 is the first) ``moment`` falls on, or None if outside."""
        index = bisect.bisect_right(self._midnights, moment) - 1
        return index if 0 <= index < self.days else None

    def dates(self) -> list[date]:
        """Every day of the period, in order."""
        return [self.first + timedelta(days=i) for i in range(self.days)]

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` falls within the period."""
        return self.start <= moment < self.end


def day_start(day: date, timezone: str) -> datetime:
    """The UTC moment ``day`` begins on the child's wall clock."""
    return local_to_utc(datetime.combine(day, time()), timezone)


def period_of(days: int, now: datetime, timezone: str, last: date | None = None) -> Period:
    """The ``days`` whole local days up to ``last`` (by default yesterday, the last full day)."""
    if days not in CHOICES:
        raise DomainError("digest.bad_period")
    last = last or utc_to_local(now, timezone).date() - timedelta(days=1)
    return Period(last - timedelta(days=days - 1), last, timezone)


def parse_days(text: str) -> int:
    """The period a reader asks for: "", "7", "14d", "90 days" (28 days if empty)."""
    words = text.strip().lower()
    if not words:
        return DEFAULT_DAYS
    found = _TYPED.fullmatch(words)
    if found is None or int(found[1]) not in CHOICES:
        raise DomainError("digest.bad_period")
    return int(found[1])
