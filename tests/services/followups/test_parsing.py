"""One-line /followup and /remind texts: dates, titles, kinds, repeats and refusals."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.handlers.kit import _param as shown
from bot.recurrence import utc_to_local
from bot.services.followups.parsing import FollowupParseError, ParsedFollowup, parse_followup
from bot.texts import has, t
from models.reminder import ReminderKind

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
TOKYO = "Asia/Tokyo"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday; 10:00 in London

FOLLOWUP, TEST, CUSTOM = ReminderKind.FOLLOWUP, ReminderKind.TEST, ReminderKind.CUSTOM


def parse(text: str, timezone: str = LONDON, now: datetime = NOW) -> ParsedFollowup:
    return parse_followup(text, now=now, timezone=timezone)


def local(parsed: ParsedFollowup, timezone: str = LONDON) -> str:
    return f"{utc_to_local(parsed.due_at, timezone):%Y-%m-%d %H:%M}"


def test_a_full_date_time_and_place() -> None:
    parsed = parse("2026-12-03 14:30 neurology review with Dr Lee at City Hospital")
    assert parsed == ParsedFollowup(
        title="neurology review with Dr Lee at City Hospital",
        due_at=datetime(2026, 12, 3, 14, 30, tzinfo=UTC),
        kind=FOLLOWUP,
        recurrence=None,
        time_given=True,
    )


def test_next_weekday_with_a_time() -> None:
    parsed = parse("next tuesday 9:00 EEG")
    assert (parsed.title, parsed.kind, local(parsed)) == ("EEG", TEST, "2026-12-01 09:00")


def test_a_repeat_without_a_start_falls_due_one_interval_from_today_at_nine() -> None:
    parsed = parse("every 3 months blood test (valproate levels)")
    assert parsed.title == "blood test (valproate levels)"
    assert parsed.kind == TEST
    assert (
        parsed.recurrence is not None and parsed.recurrence.to_text() == "FREQ=MONTHLY;INTERVAL=3"
    )
    assert (local(parsed), parsed.time_given) == ("2027-02-25 09:00", False)


def test_in_two_hours() -> None:
    parsed = parse("in 2 hours call the pharmacy")
    assert (parsed.title, parsed.kind) == ("call the pharmacy", CUSTOM)
    assert parsed.due_at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


BETWEEN_MINUTES = datetime(2026, 11, 25, 10, 0, 27, 250000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("in 1 minute call the pharmacy", datetime(2026, 11, 25, 10, 1, tzinfo=UTC)),
        ("in 2 hours call the pharmacy", datetime(2026, 11, 25, 12, 0, tzinfo=UTC)),
        ("in 1.5 hours call the pharmacy", datetime(2026, 11, 25, 11, 30, tzinfo=UTC)),
        ("in 90 seconds call the pharmacy", datetime(2026, 11, 25, 10, 1, tzinfo=UTC)),
        ("every day in 2 hours call the pharmacy", datetime(2026, 11, 25, 12, 0, tzinfo=UTC)),
        ("tomorrow 8:00:45 call the pharmacy", datetime(2026, 11, 26, 8, 0, tzinfo=UTC)),
    ],
)
def test_a_time_from_now_falls_on_the_minute_the_clock_shows(text: str, due: datetime) -> None:
    assert parse(text, now=BETWEEN_MINUTES).due_at == due


def test_a_few_seconds_from_now_is_the_next_minute_not_the_past() -> None:
    assert parse("in 30 seconds call", now=BETWEEN_MINUTES).due_at == datetime(
        2026, 11, 25, 10, 1, tzinfo=UTC
    )


TABLE = [
    # text, title, kind, local due, recurrence, time given
    ("tomorrow 8am swimming kit", "swimming kit", CUSTOM, "2026-11-26 08:00", None, True),
    ("tomorrow at 8:30 blood test", "blood test", TEST, "2026-11-26 08:30", None, True),
    ("friday 10:00 physio", "physio", CUSTOM, "2026-11-27 10:00", None, True),
    ("on 3 Dec at 14:30 MRI under sedation", "MRI under sedation", TEST, "2026-12-03 14:30",
     None, True),
    ("Dec 3 2:30pm ECG", "ECG", TEST, "2026-12-03 14:30", None, True),
    ("3 Dec 2026 14:30 consultation", "consultation", FOLLOWUP, "2026-12-03 14:30", None, True),
    # Numeric dates are day first; the bare number in the title stays in the title.
    ("3/12 valproate levels 2", "valproate levels 2", TEST, "2026-12-03 09:00", None, False),
    ("2026-12-03 EEG", "EEG", TEST, "2026-12-03 09:00", None, False),
    ("the 3rd of December review", "review", FOLLOWUP, "2026-12-03 09:00", None, False),
    ("in 30 minutes give the evening dose", "give the evening dose", CUSTOM, "2026-11-25 10:30",
     None, True),
    ("in 3 days call the school nurse", "call the school nurse", CUSTOM, "2026-11-28 09:00",
     None, False),
    ("in 36 hours repeat EEG", "repeat EEG", TEST, "2026-11-26 22:00", None, True),
    ("in 2 months neurology review", "neurology review", FOLLOWUP, "2027-01-25 09:00", None,
     False),
    ("next week check-up", "check-up", FOLLOWUP, "2026-12-02 09:00", None, False),
    ("14:30 call the GP", "call the GP", FOLLOWUP, "2026-11-25 14:30", None, True),
    ("8:00 give medicine", "give medicine", CUSTOM, "2026-11-26 08:00", None, True),
    ("today 17:00 pick up prescription", "pick up prescription", CUSTOM, "2026-11-25 17:00",
     None, True),
    ("tonight bath", "bath", CUSTOM, "2026-11-25 20:00", None, True),
    ("thurs 9:00 clinic", "clinic", FOLLOWUP, "2026-11-26 09:00", None, True),
    ("Friday 10:00 - lab", "lab", TEST, "2026-11-27 10:00", None, True),
    # dateparser quirk: a weekday named on that weekday means next week's.
    ("wednesday 14:00 swimming", "swimming", CUSTOM, "2026-12-02 14:00", None, True),
    # dateparser quirks worked around: "tomorrow 8am a" loses the 8am, "friday 10:00 2" is
    # the 2nd of the month, "at 10" is the 10th of the month.
    ("tomorrow 8am a blood test", "a blood test", TEST, "2026-11-26 08:00", None, True),
    ("friday 10:00 2 puffs of salbutamol", "2 puffs of salbutamol", CUSTOM, "2026-11-27 10:00",
     None, True),
    ("friday at 10 Dr Lee", "Dr Lee", FOLLOWUP, "2026-11-27 10:00", None, True),
    # dateparser ignores a bare hour after "tomorrow": it stays in the title, at 09:00.
    ("tomorrow 8 EEG", "8 EEG", TEST, "2026-11-26 09:00", None, False),
    # Repeats.
    ("every day 8:00 levetiracetam", "levetiracetam", CUSTOM, "2026-11-26 08:00",
     "FREQ=DAILY;INTERVAL=1", True),
    ("every day 14:00 check the diary", "check the diary", CUSTOM, "2026-11-25 14:00",
     "FREQ=DAILY;INTERVAL=1", True),
    ("every monday 8:00 weigh-in", "weigh-in", CUSTOM, "2026-11-30 08:00",
     "FREQ=WEEKLY;INTERVAL=1", True),
    ("every monday clinic letters", "clinic letters", FOLLOWUP, "2026-11-30 09:00",
     "FREQ=WEEKLY;INTERVAL=1", False),
    ("every 2 weeks physio", "physio", CUSTOM, "2026-12-09 09:00", "FREQ=WEEKLY;INTERVAL=2",
     False),
    ("every 2 weeks on friday 10:00 hydrotherapy", "hydrotherapy", CUSTOM, "2026-11-27 10:00",
     "FREQ=WEEKLY;INTERVAL=2", True),
    ("every other monday at 7pm bath", "bath", CUSTOM, "2026-11-30 19:00",
     "FREQ=WEEKLY;INTERVAL=2", True),
    ("every fortnight visit from the nurse", "visit from the nurse", FOLLOWUP, "2026-12-09 09:00",
     "FREQ=WEEKLY;INTERVAL=2", False),
    ("every year flu jab", "flu jab", CUSTOM, "2027-11-25 09:00", "FREQ=YEARLY;INTERVAL=1",
     False),
    ("every six months neurology review", "neurology review", FOLLOWUP, "2027-05-25 09:00",
     "FREQ=MONTHLY;INTERVAL=6", False),
    # A start already past rolls on to its next occurrence.
    ("every month on the 3rd bloods", "bloods", TEST, "2026-12-03 09:00",
     "FREQ=MONTHLY;INTERVAL=1", False),
    ("every day from 1 Dec 8:00 melatonin", "melatonin", CUSTOM, "2026-12-01 08:00",
     "FREQ=DAILY;INTERVAL=1", True),
    ("Every 3 Months starting 3 Dec EEG", "EEG", TEST, "2026-12-03 09:00",
     "FREQ=MONTHLY;INTERVAL=3", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "kind", "due", "recurrence", "time_given"), TABLE)
def test_table(
    text: str, title: str, kind: ReminderKind, due: str, recurrence: str | None, time_given: bool
) -> None:
    parsed = parse(text)
    found = parsed.recurrence.to_text() if parsed.recurrence else None
    assert (parsed.title, parsed.kind, local(parsed), found, parsed.time_given) == (
        title,
        kind,
        due,
        recurrence,
        time_given,
    )
    assert parsed.due_at.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "timezone", "due_local", "due_utc"),
    [
        # 10:00 UTC is 05:00 in New York and 19:00 in Tokyo.
        ("tomorrow 8am EEG", NEW_YORK, "2026-11-26 08:00", datetime(2026, 11, 26, 13, 0)),
        ("14:30 review", NEW_YORK, "2026-11-25 14:30", datetime(2026, 11, 25, 19, 30)),
        ("14:30 review", TOKYO, "2026-11-26 14:30", datetime(2026, 11, 26, 5, 30)),
        ("tomorrow blood test", TOKYO, "2026-11-26 09:00", datetime(2026, 11, 26, 0, 0)),
        ("every day 8:00 meds", TOKYO, "2026-11-26 08:00", datetime(2026, 11, 25, 23, 0)),
    ],
)
def test_wall_times_are_read_in_the_childs_zone(
    text: str, timezone: str, due_local: str, due_utc: datetime
) -> None:
    parsed = parse(text, timezone)
    assert local(parsed, timezone) == due_local
    assert parsed.due_at == due_utc.replace(tzinfo=UTC)


def test_in_hours_is_elapsed_time_across_spring_forward() -> None:
    before_the_change = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 00:30 GMT
    parsed = parse("in 3 hours check on her", now=before_the_change)
    assert parsed.due_at == datetime(2026, 3, 29, 3, 30, tzinfo=UTC)
    assert local(parsed) == "2026-03-29 04:30"


def test_in_an_hour_is_elapsed_time_across_fall_back() -> None:
    before_the_change = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    parsed = parse("in 1 hour check on him", NEW_YORK, now=before_the_change)
    assert parsed.due_at == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 01:30 EST


def test_a_skipped_wall_time_moves_forward_by_the_gap() -> None:
    parsed = parse("8 March 2:30 call", NEW_YORK, now=datetime(2026, 3, 1, tzinfo=UTC))
    assert parsed.due_at == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert local(parsed, NEW_YORK) == "2026-03-08 03:30"


# ---------------------------------------------------------------- refusals


def refusal(text: str) -> FollowupParseError:
    with pytest.raises(FollowupParseError) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize("text", ["", "   ", "xyz", "2 puffs inhaler", "may need a refill"])
def test_no_date(text: str) -> None:
    assert refusal(text).key == "followup_parsing.no_date"


@pytest.mark.parametrize("text", ["tomorrow", "next tuesday 9:00", "3 Dec 14:30 - "])
def test_no_title(text: str) -> None:
    assert refusal(text).key == "followup_parsing.no_title"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2026-11-24 09:00 EEG", "Tuesday 24 November 2026, 09:00"),
        ("yesterday EEG", "Tuesday 24 November 2026, 09:00"),
        ("today EEG", "Wednesday 25 November 2026, 09:00"),  # 09:00 by default, already past
    ],
)
def test_in_the_past_says_the_date_back_in_local_time(text: str, when: str) -> None:
    error = refusal(text)
    assert error.key == "followup_parsing.in_the_past"
    assert shown(error.params["when"]) == when  # the kit writes it in the reader's language


def test_in_the_past_in_another_zone() -> None:
    with pytest.raises(FollowupParseError) as caught:
        parse("today 18:00 EEG", TOKYO)  # it is already 19:00 in Tokyo
    assert shown(caught.value.params["when"]) == "Wednesday 25 November 2026, 18:00"


def test_month_first_numbers_read_day_first_are_too_far() -> None:
    error = refusal("12/25 EEG")  # day 12 of a month 25 does not exist: dateparser reads 2125
    assert error.key == "followup_parsing.too_far"
    assert (shown(error.params["when"]), error.params["years"]) == ("Monday 12 November 2125", 10)


def test_a_refused_date_is_written_in_the_readers_language() -> None:
    when = refusal("2026-11-24 09:00 EEG").params["when"]
    assert shown(when, "es") == "martes, 24 de noviembre de 2026, 09:00"
    assert shown(when, "ru") == "вторник, 24 ноября 2026\u202fг., 09:00"


@pytest.mark.parametrize("text", ["every", "every weekday meds", "every now and then meds"])
def test_unknown_repeat(text: str) -> None:
    assert refusal(text).key == "followup_parsing.unknown_repeat"


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("every 0 days meds", {"interval": 0, "unit": "days", "maximum": 365}),
        ("every 400 days meds", {"interval": 400, "unit": "days", "maximum": 365}),
        ("every 99 years EEG", {"interval": 99, "unit": "years", "maximum": 10}),
        ("every 0 mondays meds", {"interval": 0, "unit": "weeks", "maximum": 104}),
    ],
)
def test_bad_interval(text: str, params: dict[str, object]) -> None:
    error = refusal(text)
    assert (error.key, error.params) == ("followup_parsing.bad_interval", params)


@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("followup_parsing.no_date", {}),
        ("followup_parsing.no_title", {}),
        ("followup_parsing.in_the_past", {"when": "Tuesday 24 November 2026, 09:00"}),
        ("followup_parsing.too_far", {"when": "Monday 12 November 2125", "years": 10}),
        ("followup_parsing.unknown_repeat", {}),
        ("followup_parsing.bad_interval", {"interval": 0, "unit": "days", "maximum": 365}),
    ],
)
def test_every_refusal_has_a_plain_text_with_an_example(key: str, params: dict) -> None:
    assert has(key)
    text = t(key, **params)
    assert "/followup " in text
    assert not re.search(r"[<&]", text)  # the texts are HTML: nothing to escape
    assert "{" not in text


# ---------------------------------------------------------------- robustness

WORDS = [
    "every", "2", "0", "3/12", "12/25", "tomorrow", "next", "tuesday", "at", "8", "8am", "9:00",
    "in", "hours", "days", "months", "on", "the", "3rd", "Dec", "may", "a", "EEG", "levels",
    "from", "starting", "other", "mon", "fortnight", "yesterday", "now", "1/1/9999", "-", "½",
]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)))
def test_any_text_either_parses_or_raises_a_parse_error(text: str) -> None:
    try:
        parsed = parse(text)
    except FollowupParseError as error:
        assert has(error.key)
        return
    assert parsed.title and parsed.due_at > NOW and parsed.due_at.tzinfo is UTC


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS + ["minute", "minutes", "seconds", "1.5"]), max_size=6).map(
        " ".join
    ),
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
    ),
    st.sampled_from([LONDON, NEW_YORK, TOKYO, "Asia/Kolkata", "Asia/Kathmandu"]),
)
def test_whatever_the_moment_of_asking_a_due_time_is_a_whole_minute_still_ahead(
    text: str, now: datetime, timezone: str
) -> None:
    try:
        parsed = parse(text + " call", timezone, now=now)
    except FollowupParseError:
        return
    assert parsed.due_at > now
    assert (parsed.due_at.second, parsed.due_at.microsecond) == (0, 0)
    assert utc_to_local(parsed.due_at, timezone).second == 0
