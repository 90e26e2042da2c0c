"""What people read about episodes: the relay, the reporter's receipt, history, today, the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.replies import Reply
from bot.services.episodes.history import Card, Counts, HistoryPage, OpenedEpisode, Receipt, Today
from bot.services.episodes.plan import Plan
from bot.views.episodes import history as history_views
from bot.views.episodes import plan as plan_views
from bot.views.episodes import report as views
from models import Child, Episode, EpisodeKind, Intensity, Membership, Role

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LILY = Child(id=7, name="Lily", timezone="Europe/London", emergency_threshold_seconds=300)
COUNTS = Counts(today=2, this_week=5, last_week=3)


def _episode(**facts) -> Episode:
    values = {
        "id": 42,
        "child_id": 7,
        "occurred_at": NOW - timedelta(minutes=5),
        "created_at": NOW,
        "body_parts": [],
        "triggers": [],
        "injury": False,
        "relayed_at": NOW,
        **facts,
    }
    return Episode(**values)


def _card(episode: Episode, *also: str) -> Card:
    return Card(episode, "Ms Park", Role.EDUCATOR, also)


def _receipt(episode: Episode, **changes) -> Receipt:
    values = {"card": _card(episode), "child": LILY, "counts": COUNTS, "now": NOW}
    return Receipt(**{**values, "urgent": False, "shared": True, "can_undo": True, **changes})


def _labels(reply: Reply) -> list[str]:
    return [button.text for row in reply.buttons for button in row]


def _data(reply: Reply) -> list[str]:
    return [button.callback.pack() for row in reply.buttons for button in row if button.callback]


def test_the_relay_is_one_compact_message_with_everything_the_team_needs() -> None:
    episode = _episode(
        duration_seconds=95,
        kind=EpisodeKind.CLUSTER,
        body_parts=["arms", "face"],
        intensity=Intensity.MILD,
        setting="school",
        triggers=["fatigue", "illness"],
        rescue_medication="midazolam 5 mg",
        observer="grandma",
        notes="after lunch",
    )

    reply = views.relay(_card(episode, "Anna"), LILY, COUNTS, NOW, urgent=False)

    assert reply.text.splitlines() == [
        "⚡ <b>Lily</b> — episode at 08:55",
        "1 min 35 s · cluster · arms · face · mild",
        "📍 at school · trigger: tired, ill",
        "💊 Rescue: midazolam 5 mg",
        "📝 after lunch",
        "👤 Ms Park (educator) · seen by grandma · also seen by Anna",
        "📊 Today 2 · this week 5 · last week 3",
    ]


def test_a_series_shows_its_window_and_count() -> None:
    episode = _episode(
        occurred_at=datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
        window_end_at=datetime(2026, 11, 25, 7, 30, tzinfo=UTC),
        jerk_count=12,
        kind=EpisodeKind.CLUSTER,
        setting="waking",
    )

    lines = views.relay(_card(episode), LILY, COUNTS, NOW, urgent=False).text.splitlines()

    assert lines[:3] == ["⚡ <b>Lily</b> — episode at 07:00–07:30", "12 jerks", "📍 on waking"]


def test_a_late_entry_says_how_late() -> None:
    episode = _episode(occurred_at=datetime(2026, 11, 24, 21, 30, tzinfo=UTC), jerk_count=5)

    lines = views.relay(_card(episode), LILY, COUNTS, NOW, urgent=False).text.splitlines()

    assert lines[0] == "⚡ <b>Lily</b> — episode yesterday at 21:30"
    assert lines[2] == "👤 Ms Park (educator) · entered 11 h 30 min later"


def test_an_urgent_relay_carries_the_action_plan() -> None:
    lily = Child(id=7, name="Lily", timezone="Europe/London", action_plan="Call 999 <now>")

    reply = views.relay(_card(_episode(duration_seconds=360)), lily, COUNTS, NOW, urgent=True)

    lines = reply.text.splitlines()
    assert lines[0] == "🚨 <b>URGENT: Lily</b> — episode at 08:55"
    assert lines[-2:] == ["<b>Action plan</b>", "Call 999 &lt;now&gt;"]


def test_what_people_typed_is_escaped() -> None:
    episode = _episode(notes="<b>big</b> & scary", observer="<i>Gran</i>")

    text = views.relay(_card(episode), LILY, COUNTS, NOW, urgent=False).text

    assert "📝 &lt;b&gt;big&lt;/b&gt; &amp; scary" in text
    assert "seen by &lt;i&gt;Gran&lt;/i&gt;" in text


def test_the_receipt_offers_undo_and_details_at_first() -> None:
    reply = views.receipt(_receipt(_episode(duration_seconds=30)))

    assert reply.text.endswith("✅ Saved and shared with Lily's team.")
    assert _labels(reply) == ["↩️ Undo", "➕ Add details", "✏️ Correct", "🗑 Delete"]
    assert _data(reply)[:2] == ["ep:42:undo", "ep:42:details"]


def test_once_undo_is_over_a_complete_report_offers_correct_and_delete() -> None:
    complete = _episode(intensity=Intensity.MILD, setting="home", triggers=["stress"])

    reply = views.receipt(_receipt(complete, can_undo=False))

    assert _labels(reply) == ["✏️ Correct", "🗑 Delete"]


def test_a_report_held_back_asks_whether_it_is_the_same_episode() -> None:
    anna = Card(_episode(id=41, occurred_at=NOW - timedelta(minutes=3)), "Anna", Role.GUARDIAN)

    reply = views.receipt(_receipt(_episode(), shared=False, duplicate=anna))

    assert reply.text.endswith(
        "Saved, not shared yet: Anna reported an episode at 08:57 too. Is it the same one?"
    )
    assert "📊" not in reply.text
    assert _data(reply) == ["ep:42:same:41", "ep:42:differ"]


def test_details_offer_only_what_is_missing() -> None:
    reply = views.details(_receipt(_episode(intensity=Intensity.SEVERE, triggers=["stress"])))

    assert _labels(reply) == [
        "🏠 Home",
        "🏫 School",
        "🌳 Outside",
        "🚗 Car",
        "😴 Asleep",
        "🌅 Waking",
        "✓ Done",
    ]
    assert _data(reply)[1] == "ep:42:where:school"


def _page(episodes: list[Episode], index: int = 0, total: int | None = None) -> HistoryPage:
    viewer = Membership(id=1, child_id=7, person_id=1, role=Role.GUARDIAN)
    count = len(episodes) if total is None else total
    cards = [_card(episode) for episode in episodes]
    return HistoryPage(LILY, viewer, "7d", index, count, cards, False, NOW)


def test_a_history_page_numbers_episodes_and_turns_pages() -> None:
    edited = _episode(duration_seconds=30, setting="school", corrected_at=NOW)
    plain = _episode(id=43, jerk_count=3)

    reply = history_views.history(_page([edited, plain], index=1, total=22))

    assert reply.text.splitlines() == [
        "<b>Lily's episodes, last 7 days</b> (22)",
        "11. Wed 25 Nov 08:55 · 30 s · at school ✏️",
        "12. Wed 25 Nov 08:55 · 3 jerks",
        "Page 2 of 3",
    ]
    assert _data(reply) == [
        "ep:42:open:7d.1",
        "ep:43:open:7d.1",
        "hist:7:page:7d.0",
        "hist:7:page:7d.2",
    ]


def test_an_empty_history_says_so() -> None:
    assert history_views.history(_page([])).text.endswith("No episodes recorded in this time.")


def test_an_opened_episode_shows_who_when_and_that_it_was_edited() -> None:
    episode = _episode(duration_seconds=30, observer="grandma", corrected_at=NOW)

    reply = history_views.episode(OpenedEpisode(_card(episode), LILY, True, NOW), "7d.0")

    assert reply.text.splitlines() == [
        "⚡ <b>Lily</b> — episode at 08:55 (edited)",
        "30 s",
        "👤 Ms Park (educator) · seen by grandma · entered 5 min later",
    ]
    assert _data(reply) == ["ep:42:fix", "ep:42:delete:7d.0", "hist:7:page:7d.0"]


def test_someone_who_may_not_change_an_episode_only_goes_back() -> None:
    reply = history_views.episode(OpenedEpisode(_card(_episode()), LILY, False, NOW), "7d.0")

    assert _labels(reply) == ["‹ Back to the list"]


def test_today_sums_up_count_duration_and_places() -> None:
    summary = Today(LILY, 3, 135, [("school", 2), (None, 1)])

    assert history_views.today(summary).text.splitlines() == [
        "<b>Lily today</b>: 3 episodes, 2 min 15 s in all",
        "at school 2 · place not given 1",
    ]


def test_a_quiet_day_says_so() -> None:
    assert history_views.today(Today(LILY, 0, 0, [])).text == "No episodes recorded for Lily today."


def test_the_plan_shows_its_threshold_and_how_to_change_it_to_who_may() -> None:
    lily = Child(
        id=7, name="Lily", timezone="UTC", action_plan="Time it.", emergency_threshold_seconds=180
    )

    editor, reader = plan_views.plan(Plan(lily, True)), plan_views.plan(Plan(lily, False))

    assert editor.text.splitlines()[:4] == [
        "<b>Lily's seizure action plan</b>",
        "Time it.",
        "",
        "🚨 Reports of 3 min or more, or severe with an injury, are urgent and carry this plan.",
    ]
    assert "/plan set" in editor.text and "/plan set" not in reader.text


def test_the_record_lists_what_is_attached_by_kind() -> None:
    filmed = _episode(
        attachment_file_ids=["BAAC1", "AwAC2", "old"],
        details={"attachment_kinds": ["video", "voice"]},
    )
    bare = _episode(attachment_file_ids=[], details={})

    relay = views.relay(_card(filmed), LILY, COUNTS, NOW, urgent=False).text.splitlines()

    assert "📎 video, voice message, file" in relay
    assert not any(
        line.startswith("📎")
        for line in views.relay(_card(bare), LILY, COUNTS, NOW, urgent=False).text.splitlines()
    )
