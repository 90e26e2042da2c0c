"""Follow-up lines as people write them: the date and time anywhere, typos, the 20th, "at 3"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.followups.parsing import FollowupParseError, parse_followup
from bot.texts import has, t
from tests.services.followups.test_parsing import CUSTOM, FOLLOWUP, NOW, TEST, local, parse

TABLE = [
    # text, title, kind, local due, time given
    # the lines
    ("EEG on 15 jan at 8am", "EEG", TEST, "2027-01-15 08:00", True),
    ("neurologist next friday at 2pm", "neurologist", FOLLOWUP, "2026-11-27 14:00", True),
    ("blood test valproate level in 2 weeks", "blood test valproate level", TEST,
     "2026-12-09 09:00", False),
    ("neuro appt on the 20th at 10:30", "neuro appt", FOLLOWUP, "2026-12-20 10:30", True),
    # a day and a time said apart
    ("8am EEG on 15 jan", "EEG", TEST, "2027-01-15 08:00", True),
    ("EEG 15 jan City Hospital 8am", "EEG City Hospital", TEST, "2027-01-15 08:00", True),
    ("blood test at 8:30 on 2/12", "blood test", TEST, "2026-12-02 08:30", True),
    ("EEG friday 19h30", "EEG", TEST, "2026-11-27 19:30", True),
    ("EEG at 7.30 a.m. on friday", "EEG", TEST, "2026-11-27 07:30", True),
    # words left dangling before the date go; words after it stay
    ("MRI is on friday", "MRI", TEST, "2026-11-27 09:00", False),
    ("blood test due in 2 weeks", "blood test", TEST, "2026-12-09 09:00", False),
    ("EEG on friday at City Hospital", "EEG at City Hospital", TEST, "2026-11-27 09:00", False),
    ("appointment with Dr Lee at City Hospital on monday 14:30",
     "appointment with Dr Lee at City Hospital", FOLLOWUP, "2026-11-30 14:30", True),
    # a day of the month alone is the next one
    ("repeat bloods on the 3rd", "repeat bloods", TEST, "2026-12-03 09:00", False),
    ("EEG on the 1st", "EEG", TEST, "2026-12-01 09:00", False),
    # typos in date words
    ("EEG tmrw 9am", "EEG", TEST, "2026-11-26 09:00", True),
    ("EEG tomorow at 9", "EEG", TEST, "2026-11-26 09:00", True),
    ("neuro review on thrusday at 3pm", "neuro review", FOLLOWUP, "2026-11-26 15:00", True),
    ("sleep EEG on wendesday", "sleep EEG", TEST, "2026-12-02 09:00", False),
    ("clinic letter febuary 3rd", "clinic letter", FOLLOWUP, "2027-02-03 09:00", False),
    # more of what parents and clinicians write
    ("ring the GP surgery tomorrow morning", "ring the GP surgery", FOLLOWUP, "2026-11-26 09:00",
     True),
    ("neurology follow up in 3 months", "neurology follow up", FOLLOWUP, "2027-02-25 09:00", False),
    ("call pharmacy about keppra refill in 3 days", "call pharmacy about keppra refill", CUSTOM,
     "2026-11-28 09:00", False),
    ("review in a fortnight", "review", FOLLOWUP, "2026-12-09 09:00", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "kind", "due", "time_given"), TABLE)
def test_a_line_is_read_as_meant(text: str, title: str, kind, due: str, time_given: bool) -> None:
    parsed = parse(text)

    assert (parsed.title, parsed.kind, local(parsed), parsed.recurrence, parsed.time_given) == (
        title,
        kind,
        due,
        None,
        time_given,
    )


@pytest.mark.parametrize(
    ("text", "title", "due", "recurrence"),
    [
        ("bloods every 3 months", "bloods", "2027-02-25 09:00", "FREQ=MONTHLY;INTERVAL=3"),
        ("physio every monday at 5pm", "physio", "2026-11-30 17:00", "FREQ=WEEKLY;INTERVAL=1"),
        ("swimming every thurs 16:00", "swimming", "2026-11-26 16:00", "FREQ=WEEKLY;INTERVAL=1"),
    ],
)
def test_a_repeat_may_follow_the_title(text: str, title: str, due: str, recurrence: str) -> None:
    parsed = parse(text)

    assert parsed.recurrence is not None
    assert (parsed.title, local(parsed), parsed.recurrence.to_text()) == (title, due, recurrence)


def test_every_inside_a_title_is_only_a_word() -> None:
    parsed = parse("check every bottle tomorrow")

    assert (parsed.title, parsed.recurrence, local(parsed)) == (
        "check every bottle",
        None,
        "2026-11-26 09:00",
    )


@pytest.mark.parametrize("text", ["Dr appointment at 3 tomorrow", "EEG tomorrow at 5"])
def test_a_bare_hour_from_1_to_6_is_asked_about(text: str) -> None:
    with pytest.raises(FollowupParseError) as caught:
        parse(text)

    assert caught.value.key == "followup_parsing.ambiguous_hour"
    assert "/followup " in t(caught.value.key, **caught.value.params)


# ---------------------------------------------------------------- properties

TITLES = ["EEG", "blood test", "neuro appt", "physio at the pool", "review with Dr Lee"]
DATES = ["on 15 jan at 8am", "next friday at 2pm", "in 2 weeks", "tomorrow 9:00", "on 3 Dec",
         "on the 20th at 10:30", "in 3 hours", "friday 19h30"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TITLES), st.sampled_from(DATES), st.booleans())
def test_the_date_reads_the_same_before_or_after_the_title(
    title: str, date: str, date_first: bool
) -> None:
    line = f"{date} {title}" if date_first else f"{title} {date}"
    alone = parse(f"{date} {title}")

    parsed = parse(line)

    assert (parsed.title, parsed.due_at, parsed.time_given) == (
        title,
        alone.due_at,
        alone.time_given,
    )


WORDS = [*" ".join(TITLES + DATES).split(), "every", "tmrw", "at", "3", "the", "-", ",", "½"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join))
def test_no_line_makes_the_parser_raise_anything_but_a_refusal(text: str) -> None:
    try:
        parsed = parse_followup(text, now=NOW, timezone="Europe/London")
    except FollowupParseError as error:
        assert has(error.key)
        return
    assert parsed.title.strip() and parsed.due_at > NOW
