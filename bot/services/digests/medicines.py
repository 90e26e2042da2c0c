"""Is the new dose working, are doses being given: changes with their windows, doses, adherence."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.digests.period import Period
from bot.services.doses.adherence import Tally, outcome_of
from bot.services.medications.regimen import Dosing, Timeline, apply
from models import ChangeAction, DoseLog, DoseStatus, MedicationChange, Titration, TitrationStatus

# Windows around a change, and the rates in them, are 28 days: the usual seizure-frequency window.
WINDOW_DAYS = 28
_OPEN = (TitrationStatus.ACTIVE, TitrationStatus.PAUSED)


@dataclass(frozen=True)
class Window:
    """A stretch of time on one regimen, its length in days on the child's clock, its episodes."""

    start: datetime
    end: datetime
    days: float
    episodes: int

    @property
    def full(self) -> bool:
        """Whether it covers the whole 28 days."""
        return self.days >= WINDOW_DAYS

    @property
    def rate(self) -> float | None:
        """Episodes per 28 days; None for a window shorter than a day."""
        return self.episodes * WINDOW_DAYS / self.days if self.days >= 1 else None


@dataclass(frozen=True)
class Effect:
    """One medication change (a titration counts as one) and the episode rate around it.

    The window before ends when the change took effect and the window after starts once
    the dose settled (a titration: its last step); each is at most 28 days and stops at
    any other change of any medicine, so it holds one regimen only.
    """

    medication: str
    action: ChangeAction
    at: datetime
    before: Dosing | None
    after: Dosing | None
    steps: int  # titration steps taken after ``at``
    under_way: bool  # a titration still going on: not judged yet
    window_before: Window
    window_after: Window | None

    @property
    def responder(self) -> bool | None:
        """Half the rate or less after than before, judged on full windows only; else None."""
        before, after = self.window_before, self.window_after
        if after is None or not (after.full and before.full) or before.episodes == 0:
            return None
        assert before.rate is not None and after.rate is not None
        return after.rate <= before.rate / 2


@dataclass(frozen=True)
class Span:
    """A stretch of the period on one dosing of a medicine."""

    start: datetime
    end: datetime
    dosing: Dosing


@dataclass(frozen=True)
class DoseLine:
    """One medicine over the period, for the chart: its dosing, and the doses not given."""

    medication: str
    spans: tuple[Span, ...]
    missed: tuple[datetime, ...]
    skipped: tuple[datetime, ...]


@dataclass(frozen=True)
class Planned:
    """A change (or titration) of the period with its windows, before their episodes are read."""

    changes: list[MedicationChange]
    before: Dosing | None
    after: Dosing | None
    under_way: bool
    window_before: tuple[datetime, datetime]
    window_after: tuple[datetime, datetime] | None


def _groups(timeline: Timeline, period: Period) -> list[list[MedicationChange]]:
    """The changes that took effect in the period, a titration's steps kept together."""
    groups: dict[tuple[str, int], list[MedicationChange]] = {}
    for changes in timeline.changes.values():
        for change in changes:
            key = ("plan", change.titration_id) if change.titration_id else ("one", change.id)
            if change.effective_at < period.end:
                groups.setdefault(key, []).append(change)
    found = [g for g in groups.values() if any(period.contains(c.effective_at) for c in g)]
    return sorted(found, key=lambda group: (group[0].effective_at, group[0].id))


def _dosing_before(timeline: Timeline, change: MedicationChange) -> Dosing | None:
    dosing = None
    for earlier in timeline.changes[change.medication_id]:
        if earlier is change:
            return dosing
        dosing = apply(dosing, earlier)
    return dosing


def plan(timeline: Timeline, plans: dict[int, Titration], period: Period) -> list[Planned]:
    """The changes of the period with the windows around them (see ``Effect``)."""
    moments = sorted(c.effective_at for cs in timeline.changes.values() for c in cs)
    found = []
    for group in _groups(timeline, period):
        first, last = group[0], group[-1]
        before = _dosing_before(timeline, first)
        after = before
        for change in group:
            after = apply(after, change)
        titration = plans.get(first.titration_id) if first.titration_id else None
        later = [c for c in timeline.changes[first.medication_id] if c.effective_at >= period.end]
        under_way = titration is not None and (
            titration.status in _OPEN or any(c.titration_id == titration.id for c in later)
        )
        i = bisect.bisect_left(moments, first.effective_at)
        start = max([period.shift(first.effective_at, -WINDOW_DAYS), *moments[i - 1 : i]])
        window_after = None
        if not under_way:
            following = moments[bisect.bisect_right(moments, last.effective_at) :]
            end = min([period.shift(last.effective_at, WINDOW_DAYS), period.end, *following[:1]])
            window_after = (last.effective_at, end)
        found.append(
            Planned(group, before, after, under_way, (start, first.effective_at), window_after)
        )
    return found


def _window(period: Period, bounds: tuple[datetime, datetime], times: Sequence[datetime]) -> Window:
    start, end = bounds
    days = (period.local(end) - period.local(start)) / timedelta(days=1)
    count = bisect.bisect_left(times, end) - bisect.bisect_left(times, start)
    return Window(start, end, days, count)


def effects(
    period: Period, plans: Sequence[Planned], names: dict[int, str], times: Sequence[datetime]
) -> list[Effect]:
    """Each planned change with the episodes (``times``, in order) counted in its windows."""
    return [
        Effect(
            medication=names[p.changes[0].medication_id],
            action=p.changes[0].action,
            at=p.changes[0].effective_at,
            before=p.before,
            after=p.after,
            steps=len(p.changes) - 1,
            under_way=p.under_way,
            window_before=_window(period, p.window_before, times),
            window_after=_window(period, p.window_after, times) if p.window_after else None,
        )
        for p in plans
    ]


def dose_lines(timeline: Timeline, period: Period, logs: Sequence[DoseLog]) -> list[DoseLine]:
    """Each regular medicine taken in the period: its dosing spans and the doses not given."""
    spans: dict[str, list[Span]] = {}

    def add(name: str, start: datetime, end: datetime, dosing: Dosing | None) -> None:
        if dosing is not None and end > start:
            spans.setdefault(name, []).append(Span(start, end, dosing))

    for id_, medication in timeline.medications.items():
        if medication.is_rescue:
            continue
        changes, dosing, since = timeline.changes[id_], None, period.start
        for change in changes:
            if change.effective_at >= period.end:
                break
            if change.effective_at > period.start:
                add(medication.name, since, change.effective_at, dosing)
                since = change.effective_at
            dosing = apply(dosing, change)
        add(medication.name, since, period.end, dosing)
    names = {id_: medication.name for id_, medication in timeline.medications.items()}
    missed: dict[str, list[datetime]] = {}
    skipped: dict[str, list[datetime]] = {}
    for log in logs:
        into = {DoseStatus.MISSED: missed, DoseStatus.SKIPPED: skipped}.get(log.status)
        if into is not None and log.medication_id in names and period.contains(log.scheduled_at):
            into.setdefault(names[log.medication_id], []).append(log.scheduled_at)
    return [
        DoseLine(
            name,
            tuple(sorted(spans.get(name, ()), key=lambda span: span.start)),
            tuple(missed.get(name, ())),
            tuple(skipped.get(name, ())),
        )
        for name in sorted(spans.keys() | missed.keys() | skipped.keys())
    ]


def adherence(names: dict[int, str], period: Period, logs: Sequence[DoseLog]) -> list[Tally]:
    """Per medicine, the period's doses given, late, skipped and missed (as ``/adherence``)."""
    counts: dict[str, Counter[str]] = {}
    for log in logs:
        if period.contains(log.scheduled_at):
            counts.setdefault(names[log.medication_id], Counter())[outcome_of(log)] += 1
    return [Tally(name, **counts[name]) for name in sorted(counts)]
