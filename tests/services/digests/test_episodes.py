"""Counting rules of the digest: clusters, doses not given, the percentage note."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.digests import episodes
from bot.services.digests.episodes import Compared
from bot.services.digests.period import Period
from bot.services.digests.records import Report
from tests.services.digests.month import nov

PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29), "Europe/London")
H = timedelta(hours=1)


def _report(when: datetime, setting: str | None = None) -> Report:
    return Report(
        id=int(when.timestamp()),
        occurred_at=when,
        ended_at=when,
        duration_seconds=None,
        jerk_count=None,
        kind=None,
        setting=setting,
        triggers=(),
        rescue=False,
        named_witness=False,
        timed=False,
        created_at=when,
        reporter_id=None,
        merged_into_id=None,
    )


@pytest.mark.parametrize(
    ("hours", "found"),
    [
        ([0, 12, 24], 1),  # the third exactly 24 hours after the first
        ([0, 12, 24.01], 0),
        ([0, 1, 2, 3, 4, 5], 1),  # six in a row is one cluster, not two
        ([0, 1, 2, 25, 26, 27], 2),
        ([0, 1], 0),
    ],
)
def test_a_cluster_is_three_or_more_within_24_hours_of_the_first(hours, found) -> None:
    times = [nov(2) + h * H for h in hours]

    assert episodes.clusters(times, 3, 24) == found


@given(st.lists(st.integers(0, 24 * 60), max_size=30), st.integers(2, 5))
def test_clusters_never_share_an_episode(minutes: list[int], size: int) -> None:
    times = sorted(nov(2) + timedelta(minutes=m * 30) for m in minutes)

    assert episodes.clusters(times, size, 24) * size <= len(times)


def test_a_dose_missed_the_evening_before_the_period_counts_for_its_first_morning() -> None:
    doses = [nov(1, 20)]

    found = episodes.pattern(PERIOD, [_report(nov(2, 8)), _report(nov(3, 8))], doses)

    assert (found.doses_not_given, found.after_dose_not_given) == (0, 1)


@pytest.mark.parametrize(
    ("now", "before", "percent", "small"),
    [(10, 7, 43, False), (3, 6, -50, True), (12, 0, None, False), (0, 0, None, True)],
)
def test_the_change_against_the_period_before(now, before, percent, small) -> None:
    assert (Compared(now, before).percent, Compared(now, before).small) == (percent, small)


def test_days_are_the_childs_calendar_days_across_the_clock_change() -> None:
    october = Period(date(2026, 10, 24), date(2026, 10, 26), "Europe/London")
    # London leaves summer time on 25 Oct: that day lasts 25 hours, both of these fall in it.
    early = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)  # 00:30 summer time
    late = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)  # 23:30 winter time

    found = episodes.days(october, [_report(early), _report(late)])

    assert [sum(day.places) for day in found] == [0, 2, 0]
