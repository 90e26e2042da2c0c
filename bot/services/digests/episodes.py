"""What the episodes of a period say: how often, how bad, where and when, and how well recorded."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

from bot.services.digests.period import Period
from bot.services.digests.records import Report
from models import Child, DoseLog, DoseStatus, EpisodeKind, Role

# Below this many in both periods, a percentage says more about chance than about the child.
SMALL = 10
PLACES = ("home", "school", "other", "unknown")
TIMES_OF_DAY = ("night", "morning", "afternoon", "evening")  # from 00:00, 06:00, 12:00, 18:00
REPORTERS = ("parents", "school", "others")
TOP_TRIGGERS = 3
AFTER_A_DOSE = timedelta(hours=24)


@dataclass(frozen=True)
class Compared:
    """A count in this period and in the one before."""

    now: int
    before: int

    @property
    def percent(self) -> int | None:
        """The change as a whole percentage; None when there was nothing before."""
        return round(100 * (self.now - self.before) / self.before) if self.before else None

    @property
    def small(self) -> bool:
        """Too few to mean much."""
        return max(self.now, self.before) < SMALL


@dataclass(frozen=True)
class Frequency:
    """Is it better or worse: episodes, days with episodes, seizure-free days, jerks."""

    episodes: Compared
    episode_days: Compared
    free_days: int
    longest_free_run: int
    jerk_days: int  # days on which a series was counted
    jerks_median: float | None
    jerks_max: int | None


@dataclass(frozen=True)
class Severity:
    """Clusters, long episodes and rescue medicine."""

    clusters: int
    cluster_episodes: int  # the child's rule: this many episodes ...
    cluster_hours: int  # ... within this many hours
    long: int  # at or over the action plan's threshold
    threshold_seconds: int
    rescue: int


@dataclass(frozen=True)
class Pattern:
    """Where and when, what set them off, and how many followed a dose not given."""

    places: tuple[tuple[str, int], ...]
    times: tuple[tuple[str, int], ...]
    waking: int
    sleep: int
    triggers: tuple[tuple[str, int], ...]
    doses_not_given: int
    after_dose_not_given: int


@dataclass(frozen=True)
class Trust:
    """How complete the record is: silent days, witnesses, delays, who reported."""

    silent_days: int
    episodes: int
    witnessed: int
    median_delay_minutes: int | None
    reporters: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Day:
    """One day's episodes by place (in the order of ``PLACES``), for the chart."""

    day: date
    places: tuple[int, ...]


def place_of(setting: str | None) -> str:
    """Home, school, other, or unknown (in sleep and on waking say when, not where)."""
    if setting in ("home", "school"):
        return setting
    return "unknown" if setting in (None, "sleep", "waking") else "other"


def _by_day(period: Period, reports: Sequence[Report]) -> dict[int, list[Report]]:
    days: dict[int, list[Report]] = {}
    for report in reports:
        index = period.index_of(report.occurred_at)
        if index is not None:
            days.setdefault(index, []).append(report)
    return days


def _longest_run(free: Sequence[bool]) -> int:
    best = run = 0
    for is_free in free:
        run = run + 1 if is_free else 0
        best = max(best, run)
    return best


def _jerks(day: Sequence[Report]) -> int | None:
    """Jerks counted that day: the series' counts plus single jerks; None without a series."""
    if all(report.jerk_count is None for report in day):
        return None
    single = EpisodeKind.SINGLE_JERK
    return sum(r.jerk_count or (1 if r.kind == single else 0) for r in day)


def frequency(period: Period, reports: Sequence[Report], before: Sequence[Report]) -> Frequency:
    """Episodes and days with episodes against the period before, and the free days."""
    days = _by_day(period, reports)
    earlier = _by_day(period.previous(), before)
    jerks = [n for day in days.values() if (n := _jerks(day)) is not None]
    return Frequency(
        episodes=Compared(sum(map(len, days.values())), sum(map(len, earlier.values()))),
        episode_days=Compared(len(days), len(earlier)),
        free_days=period.days - len(days),
        longest_free_run=_longest_run([i not in days for i in range(period.days)]),
        jerk_days=len(jerks),
        jerks_median=median(jerks) if jerks else None,
        jerks_max=max(jerks) if jerks else None,
    )


def clusters(times: Sequence[datetime], size: int, hours: int) -> int:
    """Clusters: ``size`` or more episodes within ``hours`` of the first; none shares one."""
    found, i, window = 0, 0, timedelta(hours=hours)
    while i + size <= len(times):
        if times[i + size - 1] - times[i] <= window:
            found += 1
            i = bisect.bisect_right(times, times[i] + window)
        else:
            i += 1
    return found


def severity(child: Child, reports: Sequence[Report]) -> Severity:
    """How many clusters, episodes at or over the plan's threshold, and rescue uses."""
    threshold = child.emergency_threshold_seconds
    times = [report.occurred_at for report in reports]
    return Severity(
        clusters=clusters(times, child.cluster_episodes, child.cluster_hours),
        cluster_episodes=child.cluster_episodes,
        cluster_hours=child.cluster_hours,
        long=sum((report.duration_seconds or 0) >= threshold for report in reports),
        threshold_seconds=threshold,
        rescue=sum(report.rescue for report in reports),
    )


def not_given(logs: Sequence[DoseLog]) -> list[datetime]:
    """When each dose skipped or missed was due, in order."""
    return sorted(log.scheduled_at for log in logs if log.status != DoseStatus.GIVEN)


def _after_a_dose(moment: datetime, doses: Sequence[datetime]) -> bool:
    """Whether ``moment`` falls within 24 hours after one of ``doses`` (in time order)."""
    last = bisect.bisect_right(doses, moment)
    return last > 0 and moment - doses[last - 1] < AFTER_A_DOSE


def pattern(period: Period, reports: Sequence[Report], doses: Sequence[datetime]) -> Pattern:
    """Where and when the period's episodes happened, the top triggers, and after doses not given.

    :param doses: when each dose not given was due, from 24 hours before the period on.
    """
    places = Counter(place_of(report.setting) for report in reports)
    hours = Counter(TIMES_OF_DAY[period.local(report.occurred_at).hour // 6] for report in reports)
    settings = Counter(report.setting for report in reports)
    triggers = Counter(trigger for report in reports for trigger in report.triggers)
    top = sorted(triggers.items(), key=lambda item: (-item[1], item[0]))[:TOP_TRIGGERS]
    return Pattern(
        places=tuple((place, places[place]) for place in PLACES),
        times=tuple((time, hours[time]) for time in TIMES_OF_DAY),
        waking=settings["waking"],
        sleep=settings["sleep"],
        triggers=tuple(top),
        doses_not_given=sum(period.contains(moment) for moment in doses),
        after_dose_not_given=sum(_after_a_dose(r.occurred_at, doses) for r in reports),
    )


def _reporter_group(role: Role | None) -> str:
    if role == Role.GUARDIAN:
        return "parents"
    return "school" if role == Role.EDUCATOR else "others"


def trust(
    period: Period,
    reports: Sequence[Report],
    seconds: Sequence[Report],
    logs: Sequence[DoseLog],
    roles: dict[int, Role],
) -> Trust:
    """Days nobody recorded anything, witnessed episodes, entry delays, and who reported.

    A day counts as recorded if an episode of it was reported or someone answered one of
    its doses. An episode counts as witnessed if it was timed live, names who saw it, or
    was reported by a second person too.
    """
    answered = (log.scheduled_at for log in logs if log.recorded_by_id is not None)
    recorded = {period.index_of(moment) for moment in answered}
    recorded |= {period.index_of(report.occurred_at) for report in (*reports, *seconds)}
    confirmed = {report.merged_into_id for report in seconds}
    delays = [max(r.created_at - r.ended_at, timedelta(0)) for r in reports]
    by = Counter(_reporter_group(roles.get(r.reporter_id or 0)) for r in (*reports, *seconds))
    return Trust(
        silent_days=period.days - len(recorded - {None}),
        episodes=len(reports),
        witnessed=sum(r.timed or r.named_witness or r.id in confirmed for r in reports),
        median_delay_minutes=round(median(delays).total_seconds() / 60) if delays else None,
        reporters=tuple((group, by[group]) for group in REPORTERS),
    )


def days(period: Period, reports: Sequence[Report]) -> list[Day]:
    """Each day of the period with its episodes by place."""
    found = _by_day(period, reports)
    return [
        Day(day, tuple(sum(place_of(r.setting) == p for r in found.get(i, ())) for p in PLACES))
        for i, day in enumerate(period.dates())
    ]
