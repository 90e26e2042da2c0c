"""A child's digest figures for one period, compared with the period before: no Telegram here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services.digests import episodes, medicines, records
from bot.services.digests.episodes import Day, Frequency, Pattern, Severity, Trust
from bot.services.digests.medicines import DoseLine, Effect
from bot.services.digests.period import DEFAULT_DAYS, Period, period_of
from bot.services.doses.adherence import Tally
from bot.services.followups.agenda import Upcoming, agenda
from bot.services.medications.regimen import timeline
from bot.services.teams.children import get_child
from bot.services.teams.permissions import Action, may, require
from models import Child, Membership

FOLLOWUPS = 3


@dataclass(frozen=True)
class Figures:
    """Everything a digest shows, computed once; views only arrange it."""

    child: Child
    period: Period
    # The day the child's record began, when that was after the period before began.
    record_start: date | None
    frequency: Frequency
    severity: Severity
    pattern: Pattern
    changes: list[Effect]
    adherence: list[Tally]
    trust: Trust
    days: list[Day]
    doses: list[DoseLine]
    followups: list[Upcoming]


async def figures(
    session: AsyncSession,
    membership: Membership | None,
    days: int = DEFAULT_DAYS,
    *,
    last: date | None = None,
) -> Figures:
    """The digest of the member's child over ``days`` whole days up to ``last`` (yesterday)."""
    membership = require(membership, Action.DIGEST)
    child = await get_child(session, membership.child_id)
    period = period_of(days, clock.now(), child.timezone, last)
    found = await compute(session, child, period)
    if may(membership.role, Action.FOLLOW_UPS):
        upcoming = (await agenda(session, membership)).items[:FOLLOWUPS]
        found = replace(found, followups=upcoming)
    return found


async def compute(session: AsyncSession, child: Child, period: Period) -> Figures:
    """The figures of ``period``, reading only its rows and those of the windows it compares."""
    history = await timeline(session, child.id)
    plan_ids = {c.titration_id for cs in history.changes.values() for c in cs if c.titration_id}
    plans = medicines.plan(history, await records.titrations(session, plan_ids), period)
    previous = period.previous()
    start = min([previous.start, *(p.window_before[0] for p in plans)])
    loaded, seconds = await records.reports(session, child.id, start, period.end)
    now = [r for r in loaded if period.contains(r.occurred_at)]
    before = [r for r in loaded if previous.contains(r.occurred_at)]
    counted = {r.id for r in now}
    seconds = [r for r in seconds if r.merged_into_id in counted]
    logs = await records.doses(session, child.id, period.start - episodes.AFTER_A_DOSE, period.end)
    in_period = [log for log in logs if period.contains(log.scheduled_at)]
    names = await records.medicine_names(session, child.id)
    roles = await records.roles(session, child.id)
    begun = period.day_of(child.created_at)
    return Figures(
        child=child,
        period=period,
        record_start=begun if child.created_at > previous.start else None,
        frequency=episodes.frequency(period, now, before),
        severity=episodes.severity(child, now),
        pattern=episodes.pattern(period, now, episodes.not_given(logs)),
        changes=medicines.effects(period, plans, names, [r.occurred_at for r in loaded]),
        adherence=medicines.adherence(names, period, in_period),
        trust=episodes.trust(period, now, seconds, in_period, roles),
        days=episodes.days(period, now),
        doses=medicines.dose_lines(history, period, in_period),
        followups=[],
    )
