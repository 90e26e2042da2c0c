"""What people read about episodes: the team's relay, the reporter's receipt, and notices."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.episodes.history import Card
from bot.views.episodes import report as views
from models import Child, EpisodeKind, Intensity, Role
from tests.views.episode_data import COUNTS, LILY, NOW
from tests.views.episode_data import card as _card
from tests.views.episode_data import episode as _episode
from tests.views.episode_data import receipt as _receipt
from tests.views.screens import all_data, data, label_rows, labels


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
    assert labels(reply) == ["↩️ Undo", "➕ Add details", "✏️ Correct", "🗑 Delete"]
    assert all_data(reply)[:2] == ["ep:42:undo", "ep:42:details"]


def test_once_undo_is_over_a_complete_report_offers_correct_and_delete() -> None:
    complete = _episode(intensity=Intensity.MILD, setting="home", triggers=["stress"])

    reply = views.receipt(_receipt(complete, can_undo=False))

    assert labels(reply) == ["✏️ Correct", "🗑 Delete"]


def test_a_report_held_back_asks_whether_it_is_the_same_episode() -> None:
    anna = Card(_episode(id=41, occurred_at=NOW - timedelta(minutes=3)), "Anna", Role.GUARDIAN)

    reply = views.receipt(_receipt(_episode(), shared=False, duplicate=anna))

    assert reply.text.endswith(
        "Saved, not shared yet: Anna reported an episode at 08:57 too. Is it the same one?"
    )
    assert "📊" not in reply.text
    assert all_data(reply) == ["ep:42:same:41", "ep:42:differ"]


def test_details_offer_only_what_is_missing() -> None:
    reply = views.details(_receipt(_episode(intensity=Intensity.SEVERE, triggers=["stress"])))

    assert labels(reply) == [
        "🏠 Home",
        "🏫 School",
        "🌳 Outside",
        "🚗 Car",
        "😴 Asleep",
        "🌅 Waking",
        "✓ Done",
    ]
    assert all_data(reply)[1] == "ep:42:where:school"


def test_an_urgent_receipt_says_the_team_and_the_guardians_were_alerted() -> None:
    reply = views.receipt(_receipt(_episode(duration_seconds=400), urgent=True))

    assert reply.text.startswith("🚨 <b>URGENT: Lily</b> — episode at 08:55")
    assert reply.text.endswith("🚨 Saved. The team and every guardian have been alerted.")


def test_a_corrected_receipt_says_corrected() -> None:
    reply = views.receipt(_receipt(_episode(jerk_count=3)), corrected=True)

    assert reply.text.endswith("\n\n✏️ Corrected.")


def test_a_report_held_back_with_no_duplicate_can_be_shared() -> None:
    reply = views.receipt(_receipt(_episode(), shared=False))

    assert reply.text.endswith("\n\nSaved, not shared with the team yet.")
    assert label_rows(reply) == [["📣 Share with the team"]]
    assert data(reply, "📣 Share with the team") == "ep:42:differ"


def test_details_group_the_choices_three_to_a_row_and_end_with_done() -> None:
    reply = views.details(_receipt(_episode()))

    assert label_rows(reply)[0] == ["Mild", "Moderate", "Severe"]
    assert label_rows(reply)[-1] == ["✓ Done"]
    assert data(reply, "Mild") == "ep:42:int:mild"
    assert data(reply, "✓ Done") == "ep:42:done"
    assert reply.text.endswith("\n\nAdd what you know:")


def test_details_of_a_complete_report_only_say_thanks() -> None:
    complete = _episode(intensity=Intensity.MILD, setting="home", triggers=["stress"])

    reply = views.details(_receipt(complete))

    assert reply.text.endswith("Thanks, that's everything I ask for.")
    assert labels(reply) == ["✓ Done"]


def test_a_report_is_missing_details_until_intensity_setting_and_trigger_are_known() -> None:
    assert views.missing(_episode(intensity=Intensity.MILD, setting="home"))
    assert not views.missing(_episode(intensity=Intensity.MILD, setting="home", triggers=["ill"]))


def test_merging_names_the_first_reporter() -> None:
    anna = Card(_episode(id=41), "<Anna>", Role.GUARDIAN)

    assert views.merged(anna).text == (
        "👍 Got it: added to &lt;Anna&gt;'s report as a second observer. "
        "The team heard about it once."
    )


def test_undoing_says_which_episode_was_removed() -> None:
    assert views.undone(_card(_episode()), LILY, NOW).text == (
        "↩️ Undone: the episode at 08:55 is removed."
    )


def test_deleting_asks_first_and_remembers_the_history_page() -> None:
    reply = views.delete_confirm(42, "30d.2")

    assert reply.text.startswith("Delete this episode? The team will see it's gone.")
    assert labels(reply) == ["Yes, delete it", "Keep it"]
    assert all_data(reply) == ["ep:42:delyes:30d.2", "ep:42:keep:30d.2"]


def test_deleting_from_the_receipt_has_no_page_to_return_to() -> None:
    assert all_data(views.delete_confirm(42, None)) == ["ep:42:delyes", "ep:42:keep"]


def test_a_deleted_episode_offers_the_way_back_only_from_the_history() -> None:
    from_history = views.deleted(_receipt(_episode()), "7d.0")
    from_receipt = views.deleted(_receipt(_episode()), None)

    assert from_history.text == "🗑 Deleted the episode at 08:55."
    assert data(from_history, "‹ Back to the list") == "hist:7:page:7d.0"
    assert from_receipt.buttons == []


def test_the_team_is_told_who_took_back_or_deleted_a_report() -> None:
    card = _card(_episode())

    undone = views.removed_notice("undone", "<Ms Park>", card, LILY, NOW)
    deleted = views.removed_notice("deleted", "Anna", card, LILY, NOW)

    assert undone.text == "↩️ &lt;Ms Park&gt; took back the report of Lily's episode at 08:55."
    assert deleted.text == "🗑 Anna deleted the report of Lily's episode at 08:55."


def test_the_team_is_told_how_a_corrected_report_reads_with_the_plan_if_urgent() -> None:
    lily = Child(id=7, name="Lily", timezone="Europe/London", action_plan="Call 999")

    reply = views.corrected_notice(
        "Anna", _receipt(_episode(duration_seconds=400), child=lily, urgent=True)
    )

    lines = reply.text.splitlines()
    assert lines[:2] == ["✏️ Anna corrected a report:", "🚨 <b>URGENT: Lily</b> — episode at 08:55"]
    assert lines[-2:] == ["<b>Action plan</b>", "Call 999"]


def test_the_correction_prompt_shows_the_report_as_it_reads_now_escaped() -> None:
    assert views.correct_prompt("10:15 45s <mild>").text == (
        "Send the corrected report in one line, as it should read. Now it reads:\n"
        "<code>10:15 45s &lt;mild&gt;</code>"
    )
    assert views.correct_prompt_sent().text.startswith("I've sent you a private message")


def test_a_relay_of_yesterdays_report_with_a_timestamp_in_another_zone() -> None:
    sydney = Child(id=7, name="Lily", timezone="Australia/Sydney")
    earlier = _episode(
        occurred_at=datetime(2026, 11, 24, 9, 0, tzinfo=UTC), created_at=NOW - timedelta(minutes=1)
    )

    head = views.relay(_card(earlier), sydney, COUNTS, NOW, urgent=False).text.splitlines()[0]

    assert head == "⚡ <b>Lily</b> — episode yesterday at 20:00"


def test_an_unusual_kind_is_named() -> None:
    lines = views.relay(
        _card(_episode(kind=EpisodeKind.ABSENCE)), LILY, COUNTS, NOW, urgent=False
    ).text.splitlines()

    assert lines[1] == "absence"


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
