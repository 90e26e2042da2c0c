"""Adherence: per medicine, how many scheduled doses were given, given late, skipped or missed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.doses.reminders import TIMING
from bot.services.errors import DomainError
from bot.services.teams.children import get_child
from bot.services.teams.permissions import Action, history_since, require
from models import Child, DoseLog, DoseStatus, Medication, Membership

DEFAULT_DAYS = 30
MAX_DAYS = 366
_PERIOD = re.compile(r"(\d{1,3})\s*(d|days?|w|weeks?)?")
_DAYS_PER = {"w": 7, "week": 7, "weeks": 7}


@dataclass(frozen=True)
class Tally:
    """One medicine's doses over the period, by outcome."""

    name: str
    given: int = 0
    late: int = 0
    skipped: int = 0
    missed: int = 0

    @property
    def total(self) -> int:
        """Every dose counted."""
        return self.given + self.late + self.skipped + self.missed

    def percent(self, count: int) -> int:
        """``count`` as a whole percentage of all the doses counted."""
        return round(100 * count / self.total) if self.total else 0


@dataclass(frozen=True)
class AdherenceReport:
    """Adherence of one child's medicines between two moments."""

    child: Child
    since: datetime
    until: datetime
    tallies: list[Tally]


def parse_days(text: str) -> int:
    """The period ``/adherence`` asks for: "30d", "2w", "90" (days); 30 days if empty."""
    words = text.strip().lower()
    if not words:
        return DEFAULT_DAYS
    match = _PERIOD.fullmatch(words)
    if match is None or not 1 <= int(match[1]) * _DAYS_PER.get(match[2] or "", 1) <= MAX_DAYS:
        raise DomainError("doses.bad_period", limit=MAX_DAYS)
    return int(match[1]) * _DAYS_PER.get(match[2] or "", 1)


def outcome_of(log: DoseLog) -> str:
    """given, late, skipped or missed: a Given long after its time counts as late."""
    if log.status == DoseStatus.GIVEN and log.recorded_at - log.scheduled_at > TIMING.late_after:
        return "late"
    return str(log.status)


async def report(
    session: AsyncSession, membership: Membership | None, days: int, now: datetime
) -> AdherenceReport:
    """Count the answered and missed doses of the last ``days`` days, per medicine."""
    membership = require(membership, Action.SEE_HISTORY)
    # Educators see a limited stretch of history (see permissions.HISTORY_WINDOW).
    window, start = history_since(membership, now), now - timedelta(days=days)
    since = max(start, window) if window else start
    rows = await session.execute(
        select(DoseLog, Medication.name)
        .join(Medication, Medication.id == DoseLog.medication_id)
        .where(
            DoseLog.child_id == membership.child_id,
            DoseLog.scheduled_at > since,
            DoseLog.scheduled_at <= now,
        )
    )
    counts: dict[str, dict[str, int]] = {}
    for log, name in rows:
        tally = counts.setdefault(name, {})
        outcome = outcome_of(log)
        tally[outcome] = tally.get(outcome, 0) + 1
    tallies = [Tally(name, **counts[name]) for name in sorted(counts)]
    return AdherenceReport(await get_child(session, membership.child_id), since, now, tallies)
