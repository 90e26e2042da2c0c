"""The seizure timer: its live message, the team's alert with the action plan, and its endings."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.episodes.timer import Live
from bot.views.episodes import timer as views
from models import TimerStatus
from tests.views.screens import label_rows, sent

STARTED = datetime(2026, 11, 25, 9, 0, 5, tzinfo=UTC)


def _live(**changes: object) -> Live:
    values: dict = dict(
        id=7, child_id=1, chat_id=1, message_id=70, status=TimerStatus.RUNNING, child="Lily",
        timezone="Europe/London", started_by="Anna", started_at=STARTED, seconds=83,
        threshold_seconds=300, action_plan="Give buccal midazolam 5 mg.", alerted=False,
        language=None,
    )  # fmt: skip
    return Live(**{**values, **changes})


def test_a_running_timer_counts_up_with_stop_and_cancel() -> None:
    reply = views.live(_live())

    assert reply.text.startswith("⏱ <b>1:23</b> — seizure timer for <b>Lily</b>")
    assert "Started at 09:00:05 by Anna." in reply.text
    assert "At 5:00 I'll alert the whole team." in reply.text
    assert [[sent(b.callback) for b in row] for row in reply.buttons] == [
        ["tmr:7:stop", "tmr:7:cancel"]
    ]


def test_after_the_threshold_the_timer_shows_the_action_plan() -> None:
    reply = views.live(_live(seconds=310, alerted=True))

    assert "🚨 Past 5:00: the team has been alerted." in reply.text
    assert "Give buccal midazolam 5 mg." in reply.text


def test_the_alert_names_the_child_the_time_and_the_plan() -> None:
    reply = views.alert(_live(seconds=300, alerted=True))

    assert reply.text.startswith("🚨 <b>Lily: seizure still going after 5:00</b>")
    assert "Timer started at 09:00:05 by Anna." in reply.text
    assert reply.text.endswith("<b>Action plan:</b>\nGive buccal midazolam 5 mg.")


def test_without_an_action_plan_the_alert_says_what_to_do() -> None:
    reply = views.alert(_live(action_plan=None))

    assert "There is no action plan on file." in reply.text


def test_an_expired_timer_has_no_buttons() -> None:
    reply = views.live(_live(status=TimerStatus.EXPIRED))

    assert reply.buttons == [] and "ran for an hour" in reply.text


def test_a_timer_started_by_someone_unknown_says_someone() -> None:
    reply = views.live(_live(started_by=None))

    assert "Started at 09:00:05 by someone." in reply.text


def test_the_child_the_starter_and_the_plan_are_escaped() -> None:
    timer = _live(
        child="<Lily>", started_by="Anna & Ben", action_plan="<i>call</i> 112", alerted=True
    )

    text = views.live(timer).text

    assert "seizure timer for <b>&lt;Lily&gt;</b>" in text
    assert "by Anna &amp; Ben." in text
    assert text.endswith("<b>Action plan:</b>\n&lt;i&gt;call&lt;/i&gt; 112")


def test_without_an_action_plan_the_child_is_named_in_what_to_do() -> None:
    assert views.plan(_live(action_plan=None)) == [
        "There is no action plan on file. Follow the emergency instructions from Lily's doctor;"
        " if in doubt, call emergency services."
    ]


def test_the_live_message_keeps_stop_and_cancel_after_the_alert() -> None:
    reply = views.live(_live(seconds=400, alerted=True))

    assert label_rows(reply) == [["⏹ Stop", "✖️ Cancel"]]


def test_a_cancelled_timer_says_nothing_was_saved() -> None:
    assert views.cancelled().text == "Timer cancelled — nothing was saved."


def test_the_start_time_is_shown_on_the_childs_clock() -> None:
    reply = views.live(_live(timezone="America/New_York"))

    assert "Started at 04:00:05 by Anna." in reply.text
