"""Recurrences on the child's wall clock: daylight saving, month ends, storage and notices."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.recurrence import (
    DEFAULT_NOTICES,
    FREQUENCIES,
    MAX_INTERVAL,
    NoticeOffset,
    Recurrence,
    local_to_utc,
    next_occurrence,
    notice_times,
    occurrences,
    utc_to_local,
)

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
DAILY = Recurrence("daily")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def walls(moments: list[datetime], timezone: str) -> list[str]:
    return [f"{utc_to_local(moment, timezone):%Y-%m-%d %H:%M}" for moment in moments]


# ---------------------------------------------------------------- daylight saving


@pytest.mark.parametrize(
    ("timezone", "first", "expected_utc_hours"),
    [
        # London springs forward on 29 March 2026 and falls back on 25 October 2026.
        (LONDON, datetime(2026, 3, 27, 8), [8, 8, 7, 7]),
        (LONDON, datetime(2026, 10, 23, 8), [7, 7, 8, 8]),
        # New York springs forward on 8 March 2026 and falls back on 1 November 2026.
        (NEW_YORK, datetime(2026, 3, 6, 8), [13, 13, 12, 12]),
        (NEW_YORK, datetime(2026, 10, 30, 8), [12, 12, 13, 13]),
    ],
)
def test_daily_0800_stays_0800_local_across_clock_changes(
    timezone: str, first: datetime, expected_utc_hours: list[int]
) -> None:
    found = occurrences(first, DAILY, timezone, utc(2026, 1, 1), 4)
    assert [moment.hour for moment in found] == expected_utc_hours
    assert {utc_to_local(moment, timezone).time() for moment in found} == {time(8, 0)}
    assert all(moment.tzinfo is UTC for moment in found)


def test_a_skipped_time_moves_forward_by_the_gap_in_new_york() -> None:
    found = occurrences(datetime(2026, 3, 7, 2, 30), DAILY, NEW_YORK, utc(2026, 1, 1), 3)
    assert walls(found, NEW_YORK) == ["2026-03-07 02:30", "2026-03-08 03:30", "2026-03-09 02:30"]
    assert found[1] == utc(2026, 3, 8, 7, 30)


def test_a_skipped_time_moves_forward_by_the_gap_in_london() -> None:
    found = occurrences(datetime(2026, 3, 28, 1, 30), DAILY, LONDON, utc(2026, 1, 1), 3)
    assert walls(found, LONDON) == ["2026-03-28 01:30", "2026-03-29 02:30", "2026-03-30 01:30"]


@pytest.mark.parametrize(
    ("timezone", "day", "first_of_two"),
    [
        (NEW_YORK, datetime(2026, 11, 1), utc(2026, 11, 1, 5, 30)),
        (LONDON, datetime(2026, 10, 25), utc(2026, 10, 25, 0, 30)),
    ],
)
def test_a_repeated_time_happens_once_at_its_first_occurrence(
    timezone: str, day: datetime, first_of_two: datetime
) -> None:
    found = occurrences(datetime(2026, 10, 20, 1, 30), DAILY, timezone, utc(2026, 10, 1), 30)
    on_that_day = [
        moment for moment in found if utc_to_local(moment, timezone).date() == day.date()
    ]
    assert on_that_day == [first_of_two]


def test_local_to_utc_reads_naive_wall_times_and_passes_aware_ones_through() -> None:
    assert local_to_utc(datetime(2026, 7, 1, 8), LONDON) == utc(2026, 7, 1, 7)
    assert local_to_utc(datetime(2026, 3, 8, 2, 30), NEW_YORK) == utc(2026, 3, 8, 7, 30)
    assert local_to_utc(datetime(2026, 11, 1, 1, 30), NEW_YORK) == utc(2026, 11, 1, 5, 30)
    assert local_to_utc(utc(2026, 7, 1, 8), NEW_YORK) == utc(2026, 7, 1, 8)


# ---------------------------------------------------------------- stepping


def test_every_three_months_from_the_31st_falls_back_to_the_months_last_day() -> None:
    found = occurrences(
        datetime(2026, 1, 31, 9), Recurrence("monthly", 3), LONDON, utc(2026, 1, 1), 5
    )
    assert walls(found, LONDON) == [
        "2026-01-31 09:00",
        "2026-04-30 09:00",
        "2026-07-31 09:00",
        "2026-10-31 09:00",
        "2027-01-31 09:00",
    ]


def test_monthly_from_the_31st_comes_back_to_the_31st_after_february() -> None:
    found = occurrences(datetime(2028, 1, 31, 9), Recurrence("monthly"), LONDON, utc(2028, 1, 1), 3)
    assert walls(found, LONDON) == ["2028-01-31 09:00", "2028-02-29 09:00", "2028-03-31 09:00"]


def test_yearly_from_29_february_falls_on_28_february() -> None:
    found = occurrences(datetime(2028, 2, 29, 9), Recurrence("yearly"), LONDON, utc(2028, 3, 1), 1)
    assert walls(found, LONDON) == ["2029-02-28 09:00"]


def test_weekly_and_fortnightly_keep_the_weekday() -> None:
    monday = datetime(2026, 11, 30, 8)
    weekly = occurrences(monday, Recurrence("weekly"), LONDON, utc(2026, 12, 10), 2)
    fortnightly = occurrences(monday, Recurrence("weekly", 2), LONDON, utc(2026, 12, 10), 2)
    assert walls(weekly, LONDON) == ["2026-12-14 08:00", "2026-12-21 08:00"]
    assert walls(fortnightly, LONDON) == ["2026-12-14 08:00", "2026-12-28 08:00"]


def test_next_occurrence_is_strictly_after() -> None:
    first = datetime(2026, 11, 30, 8)
    assert next_occurrence(first, DAILY, LONDON, utc(2026, 11, 30, 8)) == utc(2026, 12, 1, 8)
    assert next_occurrence(first, DAILY, LONDON, utc(2026, 11, 30, 7, 59)) == utc(2026, 11, 30, 8)
    assert next_occurrence(first, DAILY, LONDON, utc(2020, 1, 1)) == utc(2026, 11, 30, 8)


def test_an_aware_first_occurrence_is_read_in_the_zone() -> None:
    aware = utc(2026, 6, 1, 12)  # 08:00 in New York (EDT)
    found = next_occurrence(aware, DAILY, NEW_YORK, utc(2026, 12, 1))
    assert found == utc(2026, 12, 1, 13)


def test_a_series_started_long_ago_is_computed_without_walking_every_day() -> None:
    found = next_occurrence(datetime(1990, 1, 1, 8), DAILY, LONDON, utc(2026, 11, 25, 10))
    assert found == utc(2026, 11, 26, 8)


# ---------------------------------------------------------------- storage


@given(
    st.sampled_from(FREQUENCIES).flatmap(
        lambda freq: st.builds(Recurrence, st.just(freq), st.integers(1, MAX_INTERVAL[freq]))
    )
)
def test_recurrence_text_round_trips(recurrence: Recurrence) -> None:
    assert Recurrence.from_text(recurrence.to_text()) == recurrence


def test_recurrence_text_and_description() -> None:
    assert Recurrence("monthly", 3).to_text() == "FREQ=MONTHLY;INTERVAL=3"
    assert Recurrence("daily").to_text() == "FREQ=DAILY;INTERVAL=1"
    assert Recurrence.from_text("RRULE:interval=2;freq=weekly") == Recurrence("weekly", 2)
    assert Recurrence.from_text("FREQ=YEARLY") == Recurrence("yearly")
    assert Recurrence("monthly", 3).describe() == "every 3 months"
    assert Recurrence("daily").describe() == "every day"
    assert Recurrence("weekly", 2).describe() == "every 2 weeks"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=HOURLY",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=-1",
        "FREQ=DAILY;BYDAY=MO",
        "FREQ=DAILY;FREQ=DAILY",
        "INTERVAL=2",
        "FREQ=DAILY;INTERVAL=x",
        "daily",
    ],
)
def test_unreadable_recurrence_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Recurrence.from_text(text)


@pytest.mark.parametrize(("freq", "interval"), [("hourly", 1), ("daily", 0), ("daily", True)])
def test_invalid_recurrences_are_refused(freq: str, interval: int) -> None:
    with pytest.raises(ValueError):
        Recurrence(freq, interval)  # type: ignore[arg-type]


@given(
    st.one_of(
        st.builds(
            NoticeOffset.local_time,
            st.integers(0, 999),
            st.builds(time, st.integers(0, 23), st.integers(0, 59)),
        ),
        st.builds(
            NoticeOffset.duration,
            st.integers(1, 9999 * 24 * 60).map(lambda minutes: timedelta(minutes=minutes)),
        ),
    )
)
def test_notice_offset_text_round_trips(offset: NoticeOffset) -> None:
    assert NoticeOffset.from_text(offset.to_text()) == offset


def test_notice_offset_texts() -> None:
    assert [offset.to_text() for offset in DEFAULT_NOTICES] == ["1d@18:00", "PT2H"]
    assert NoticeOffset.duration(timedelta(days=1, hours=2, minutes=30)).to_text() == "P1DT2H30M"
    assert NoticeOffset.from_text("P1D") == NoticeOffset.duration(timedelta(days=1))
    assert NoticeOffset.from_text("0d@07:30") == NoticeOffset.local_time(0, time(7, 30))


@pytest.mark.parametrize("text", ["", "P", "PT", "P1DT", "1d@24:00", "1d@8:00", "-1d@18:00", "2h"])
def test_unreadable_notice_offsets_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        NoticeOffset.from_text(text)


# ---------------------------------------------------------------- notices


def test_default_notices_are_the_evening_before_and_two_hours_before() -> None:
    due = local_to_utc(datetime(2026, 12, 3, 14, 30), LONDON)
    found = notice_times(due, LONDON, now=utc(2026, 11, 25, 10))
    assert walls(found, LONDON) == ["2026-12-02 18:00", "2026-12-03 12:30"]


def test_notices_already_past_are_dropped() -> None:
    due = local_to_utc(datetime(2026, 12, 3, 14, 30), LONDON)
    assert notice_times(due, LONDON, now=utc(2026, 12, 2, 18)) == [utc(2026, 12, 3, 12, 30)]
    assert notice_times(due, LONDON, now=utc(2026, 12, 3, 12, 30)) == []


def test_notices_not_before_the_due_time_are_dropped_and_duplicates_merged() -> None:
    due = utc(2026, 12, 3, 14, 30)
    offsets = [
        NoticeOffset.local_time(0, time(18, 0)),  # after the appointment
        NoticeOffset.local_time(0, time(14, 30)),  # at the appointment
        NoticeOffset.duration(timedelta(hours=2)),
        NoticeOffset.from_text("PT120M"),
        NoticeOffset.local_time(0, time(12, 30)),  # same moment as two hours before
    ]
    assert notice_times(due, LONDON, offsets, now=utc(2026, 11, 1)) == [utc(2026, 12, 3, 12, 30)]


@pytest.mark.parametrize(
    ("timezone", "due_local", "expected"),
    [
        # The evening before is 18:00 local on the day the clocks change.
        (LONDON, datetime(2026, 3, 30, 9), [utc(2026, 3, 29, 17), utc(2026, 3, 30, 6)]),
        (NEW_YORK, datetime(2026, 11, 2, 10), [utc(2026, 11, 1, 23), utc(2026, 11, 2, 13)]),
        # Two hours before 03:00 BST is 00:00 GMT: real elapsed time, not wall-clock time.
        (LONDON, datetime(2026, 3, 29, 3), [utc(2026, 3, 28, 18), utc(2026, 3, 29, 0)]),
    ],
)
def test_notices_across_a_clock_change(
    timezone: str, due_local: datetime, expected: list[datetime]
) -> None:
    due = local_to_utc(due_local, timezone)
    assert notice_times(due, timezone, now=utc(2026, 1, 1)) == expected
