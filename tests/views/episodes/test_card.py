"""How one episode reads in every view: when, what was seen, where, rescue, notes and who."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.services.episodes.history import Card
from bot.services.episodes.vocabulary import UNSPECIFIED_RESCUE
from bot.views.episodes import card as views
from models import Child, EpisodeKind, Intensity, Role
from tests.views.episode_data import LILY, NOW
from tests.views.episode_data import card as _card
from tests.views.episode_data import episode as _episode

LONDON = "Europe/London"


def test_durations_read_in_plain_words() -> None:
    assert views.duration(45) == "45 s"
    assert views.duration(120) == "2 min"
    assert views.duration(90) == "1 min 30 s"
    assert views.duration(3900) == "1 h 5 min"
    assert views.duration(0) == "0 s"


@given(st.integers(min_value=1, max_value=7 * 24 * 3600))
def test_a_duration_names_only_the_units_it_needs(seconds: int) -> None:
    parts = views.duration(seconds).split(" ")
    numbers = dict(zip(parts[1::2], map(int, parts[::2]), strict=True))

    assert all(value > 0 for value in numbers.values())
    assert numbers.get("h", 0) * 3600 + numbers.get("min", 0) * 60 + numbers.get("s", 0) == seconds


def test_a_moment_is_today_yesterday_or_a_day_on_the_childs_clock() -> None:
    assert views.moment(NOW - timedelta(hours=1), LONDON, NOW) == "at 08:00"
    assert views.moment(NOW - timedelta(days=1), LONDON, NOW) == "yesterday at 09:00"
    assert views.moment(NOW - timedelta(days=2), LONDON, NOW) == "on Mon 23 Nov at 09:00"


def test_today_ends_at_the_childs_midnight_not_utcs() -> None:
    late = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)  # 10:30 on the 25th in Sydney

    assert views.moment(late, "Australia/Sydney", NOW) == "at 10:30"


def test_a_series_is_shown_with_the_end_of_its_window() -> None:
    series = _episode(
        occurred_at=datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
        window_end_at=datetime(2026, 11, 25, 7, 30, tzinfo=UTC),
    )

    assert views.when(series, LONDON, NOW) == "at 07:00–07:30"


def test_the_entry_delay_counts_from_the_end_of_a_window_and_is_never_negative() -> None:
    series = _episode(occurred_at=NOW - timedelta(hours=2), window_end_at=NOW - timedelta(hours=1))
    early = _episode(occurred_at=NOW + timedelta(minutes=1))

    assert views.entry_delay(series) == timedelta(hours=1)
    assert views.entry_delay(early) == timedelta(0)


def test_what_was_seen_lists_duration_count_kind_body_intensity_and_injury() -> None:
    seen = _episode(
        duration_seconds=30,
        kind=EpisodeKind.FALL,
        body_parts=["legs", "trunk"],
        intensity=Intensity.SEVERE,
        injury=True,
    )

    assert views.looked(seen) == ["30 s", "fall", "legs", "trunk", "severe", "injured"]


def test_a_count_of_jerks_says_one_or_many_and_implies_the_kind() -> None:
    assert views.looked(_episode(jerk_count=1, kind=EpisodeKind.SINGLE_JERK)) == ["1 jerk"]
    assert views.looked(_episode(jerk_count=12, kind=EpisodeKind.CLUSTER)) == ["12 jerks"]
    assert views.looked(_episode(jerk_count=3, kind=EpisodeKind.ABSENCE)) == [
        "3 jerks",
        "absence",
    ]


def test_the_body_lines_say_rescue_notes_and_who_escaped() -> None:
    found = _episode(
        setting="car",
        triggers=["startle"],
        rescue_medication="<midazolam>",
        notes="in the car & crying",
        observer="Gran",
    )

    lines = views.body(_card(found, "<Ben>"), LILY, NOW)

    assert lines == [
        "⚡ <b>Lily</b> — episode at 08:55",
        "📍 in the car · trigger: startled",
        "💊 Rescue: &lt;midazolam&gt;",
        "📝 in the car &amp; crying",
        "👤 Ms Park (educator) · seen by Gran · also seen by &lt;Ben&gt;",
    ]


def test_a_rescue_given_without_a_name_says_so() -> None:
    lines = views.body(_card(_episode(rescue_medication=UNSPECIFIED_RESCUE)), LILY, NOW)

    assert "💊 Rescue medicine given" in lines


def test_an_urgent_and_edited_episode_says_both_in_its_head() -> None:
    lines = views.body(_card(_episode(corrected_at=NOW)), LILY, NOW, urgent=True)

    assert lines[0] == "🚨 <b>URGENT: Lily</b> — episode at 08:55 (edited)"


def test_an_entry_is_said_late_from_the_chosen_delay_to_the_whole_minute() -> None:
    found = _episode(occurred_at=NOW - timedelta(minutes=20, seconds=40))

    relay = views.body(_card(found), LILY, NOW)
    prompt = views.body(_card(_episode()), LILY, NOW)
    history = views.body(_card(_episode()), LILY, NOW, delay_from=timedelta(0))

    assert relay[-1] == "👤 Ms Park (educator) · entered 20 min later"
    assert prompt[-1] == "👤 Ms Park (educator)"
    assert history[-1] == "👤 Ms Park (educator) · entered 5 min later"


def test_a_reporter_without_a_role_shows_a_dash() -> None:
    lines = views.body(Card(_episode(), "Anna", None), LILY, NOW)

    assert lines[-1] == "👤 Anna (—)"


def test_the_plan_block_escapes_the_plan_or_says_there_is_none() -> None:
    with_plan = Child(id=7, name="Lily", timezone=LONDON, action_plan="<i>Call</i> 999")

    assert views.plan_block(with_plan) == ["<b>Action plan</b>", "&lt;i&gt;Call&lt;/i&gt; 999"]
    assert views.plan_block(LILY) == [
        "<b>Action plan</b>",
        "No action plan yet. A guardian or clinician can add one with /plan set …",
    ]


def test_the_reporters_role_is_named() -> None:
    assert views.body(Card(_episode(), "Dr Lee", Role.CLINICIAN), LILY, NOW)[-1] == (
        "👤 Dr Lee (clinician)"
    )
