"""History screens: a page of episodes, one episode opened from it, and today's summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.episodes.history import Card, OpenedEpisode, Today
from bot.views.episodes import history as views
from models import Child, Role
from tests.views.episode_data import LILY, NOW
from tests.views.episode_data import card as _card
from tests.views.episode_data import episode as _episode
from tests.views.episode_data import page as _page
from tests.views.screens import all_data, data, label_rows, labels


def test_a_history_page_numbers_episodes_and_turns_pages() -> None:
    edited = _episode(duration_seconds=30, setting="school", corrected_at=NOW)
    plain = _episode(id=43, jerk_count=3)

    reply = views.history(_page([edited, plain], index=1, total=22))

    assert reply.text.splitlines() == [
        "<b>Lily's episodes, last 7 days</b> (22)",
        "11. Wed 25 Nov 08:55 · 30 s · at school ✏️",
        "12. Wed 25 Nov 08:55 · 3 jerks",
        "Page 2 of 3",
    ]
    assert all_data(reply) == [
        "ep:42:open:7d.1",
        "ep:43:open:7d.1",
        "hist:7:page:7d.0",
        "hist:7:page:7d.2",
    ]


def test_an_empty_history_says_so() -> None:
    assert views.history(_page([])).text.endswith("No episodes recorded in this time.")


def test_an_opened_episode_shows_who_when_and_that_it_was_edited() -> None:
    episode = _episode(duration_seconds=30, observer="grandma", corrected_at=NOW)

    reply = views.episode(OpenedEpisode(_card(episode), LILY, True, NOW), "7d.0")

    assert reply.text.splitlines() == [
        "⚡ <b>Lily</b> — episode at 08:55 (edited)",
        "30 s",
        "👤 Ms Park (educator) · seen by grandma · entered 5 min later",
    ]
    assert all_data(reply) == ["ep:42:fix", "ep:42:delete:7d.0", "hist:7:page:7d.0"]


def test_someone_who_may_not_change_an_episode_only_goes_back() -> None:
    reply = views.episode(OpenedEpisode(_card(_episode()), LILY, False, NOW), "7d.0")

    assert labels(reply) == ["‹ Back to the list"]


def test_today_sums_up_count_duration_and_places() -> None:
    summary = Today(LILY, 3, 135, [("school", 2), (None, 1)])

    assert views.today(summary).text.splitlines() == [
        "<b>Lily today</b>: 3 episodes, 2 min 15 s in all",
        "at school 2 · place not given 1",
    ]


def test_a_quiet_day_says_so() -> None:
    assert views.today(Today(LILY, 0, 0, [])).text == "No episodes recorded for Lily today."


def test_the_page_buttons_come_five_to_a_row_then_the_arrows() -> None:
    episodes = [_episode(id=100 + n) for n in range(7)]

    reply = views.history(_page(episodes, total=7))

    assert label_rows(reply) == [["1", "2", "3", "4", "5"], ["6", "7"]]
    assert data(reply, "7") == "ep:106:open:7d.0"


def test_the_first_page_of_several_only_goes_older_and_the_last_only_newer() -> None:
    first = views.history(_page([_episode()], index=0, total=25))
    last = views.history(_page([_episode()], index=2, total=25))

    assert label_rows(first)[-1] == ["Older ›"]
    assert data(first, "Older ›") == "hist:7:page:7d.1"
    assert label_rows(last)[-1] == ["‹ Newer"]
    assert data(last, "‹ Newer") == "hist:7:page:7d.1"


def test_an_episode_with_nothing_noted_says_no_details() -> None:
    reply = views.history(_page([_episode()]))

    assert reply.text.splitlines()[1] == "1. Wed 25 Nov 08:55 · no details"


def test_a_role_that_sees_only_recent_history_is_told() -> None:
    lines = views.history(_page([], period="30d", limited=True)).text.splitlines()

    assert lines == [
        "<b>Lily's episodes, last 30 days</b> (0)",
        "You can see the last 30 days.",
        "No episodes recorded in this time.",
    ]


def test_the_childs_name_is_escaped_in_the_title() -> None:
    child = Child(id=7, name="<Lily>", timezone="Europe/London")

    assert views.history(_page([], child=child)).text.startswith(
        "<b>&lt;Lily&gt;'s episodes, last 7 days</b>"
    )


def test_an_opened_episode_always_says_how_late_it_was_entered() -> None:
    found = _episode(occurred_at=NOW - timedelta(minutes=3))

    reply = views.episode(OpenedEpisode(_card(found), LILY, False, NOW), None)

    assert reply.text.splitlines()[-1] == "👤 Ms Park (educator) · entered 3 min later"
    assert reply.buttons == []


def test_an_episode_whose_reporter_left_says_so() -> None:
    gone = Card(_episode(), None, None)

    reply = views.episode(OpenedEpisode(gone, LILY, True, NOW), "7d.0")

    assert reply.text.splitlines()[-1].startswith("👤 someone who has left the team")
    assert labels(reply) == ["✏️ Correct", "🗑 Delete", "‹ Back to the list"]


def test_one_episode_today_is_counted_in_the_singular() -> None:
    summary = Today(LILY, 1, 0, [("home", 1)])

    assert views.today(summary).text.splitlines() == ["<b>Lily today</b>: 1 episode", "at home 1"]


def test_a_history_of_another_zone_shows_local_times() -> None:
    found = _episode(occurred_at=datetime(2026, 11, 25, 8, 55, tzinfo=UTC))
    tokyo = Child(id=7, name="Lily", timezone="Asia/Tokyo")

    line = views.history(_page([found], child=tokyo)).text.splitlines()[1]

    assert line == "1. Wed 25 Nov 17:55 · no details"


def test_a_reporter_of_any_role_is_named_with_it() -> None:
    reply = views.episode(
        OpenedEpisode(Card(_episode(), "Dr Lee", Role.CLINICIAN), LILY, False, NOW), None
    )

    assert "👤 Dr Lee (clinician)" in reply.text
