"""The guided report's screens and the timer's messages, by their text and buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.replies import Reply
from bot.services.episodes.timer import Live
from bot.views.episodes import timer as timer_views
from bot.views.episodes import wizard as views
from models import TimerStatus, WizardState

TICKET = 123456789012
STARTED = datetime(2026, 11, 25, 9, 0, 5, tzinfo=UTC)


def _state(step: str, **answers: object) -> WizardState:
    data = {"_ticket": TICKET, "child": "Lily", "timezone": "Europe/London", "origin": "wizard"}
    return WizardState(person_id=1, chat_id=1, child_id=1, flow="episode", step=step,
                       data={**data, **answers})  # fmt: skip


def _labels(reply: Reply) -> list[list[str]]:
    return [[button.text for button in row] for row in reply.buttons]


def _data(reply: Reply, label: str) -> str:
    found = [b.callback for row in reply.buttons for b in row if b.text == label]
    assert found and found[0] is not None, _labels(reply)
    return found[0].pack()


def _live(**changes: object) -> Live:
    values: dict = dict(
        id=7, child_id=1, chat_id=1, message_id=70, status=TimerStatus.RUNNING, child="Lily",
        timezone="Europe/London", started_by="Anna", started_at=STARTED, seconds=83,
        threshold_seconds=300, action_plan="Give buccal midazolam 5 mg.", alerted=False,
        language=None,
    )  # fmt: skip
    return Live(**{**values, **changes})


def test_the_first_question_offers_quick_times_typing_and_the_timer() -> None:
    reply = views.question(_state("when"), in_private=True)

    assert reply.text == "📝 <b>Episode report — Lily</b>\n\nWhen did it start?"
    assert _labels(reply) == [
        ["Just now", "5 min ago"],
        ["15 min ago", "1 hour ago"],
        ["⌨️ Type a time"],
        ["⏱ Happening now — start timer"],
        ["✖️ Cancel"],
    ]


def test_buttons_carry_the_flow_ticket_and_the_answer() -> None:
    reply = views.question(_state("when"), in_private=True)

    assert _data(reply, "15 min ago") == f"wiz:{TICKET}:when:15m"
    assert _data(reply, "✖️ Cancel") == f"wiz:{TICKET}:cancel"


def test_later_questions_have_back_and_cancel_and_show_the_answers_so_far() -> None:
    state = _state("kind", occurred_at="2026-11-25T09:00:00+00:00", duration_seconds=20)

    reply = views.question(state, in_private=True)

    assert "🕒 Wed 09:00 · ⏳ 10–30 s" in reply.text
    assert reply.text.endswith("What did it look like?")
    assert _labels(reply)[-1] == ["⬅️ Back", "✖️ Cancel"]
    assert _data(reply, "⬅️ Back") == f"wiz:{TICKET}:back:kind"


def test_an_optional_single_choice_has_skip() -> None:
    reply = views.question(_state("intensity"), in_private=True)

    assert _labels(reply)[:2] == [["Mild", "Moderate", "Severe"], ["Skip ➡️"]]


def test_body_parts_are_ticked_and_skip_becomes_done() -> None:
    untouched = views.question(_state("body"), in_private=True)
    picked = views.question(_state("body", body_parts=["arms"]), in_private=True)

    assert ["Skip ➡️"] in _labels(untouched)
    assert ["✅ Done"] in _labels(picked)
    assert ["✅ Arms", "Legs"] in _labels(picked)
    assert "Arms" in picked.text.split("\n\n")[1]


def test_in_a_group_typed_answers_are_asked_as_replies() -> None:
    private = views.question(_state("typed_time"), in_private=True)
    group = views.question(_state("typed_time"), in_private=False)

    assert "Type when it started" in private.text
    assert "Reply to this message with when it started" in group.text


def test_the_last_question_saves_with_or_without_a_note() -> None:
    reply = views.question(_state("notes"), in_private=True)

    assert reply.text.endswith("Type a note or send a photo or video — or tap Save.")
    assert _labels(reply) == [["✅ Save"], ["⬅️ Back", "✖️ Cancel"]]


def test_a_stopped_timer_shows_the_exact_duration_and_two_ways_on() -> None:
    state = _state("stopped", origin="timer", duration_seconds=134,
                   occurred_at=STARTED.isoformat())  # fmt: skip

    reply = views.question(state, in_private=True)

    assert "⏹ Timer stopped at <b>2:14</b>." in reply.text
    assert "⏳ 2:14" in reply.text
    assert _labels(reply) == [["✅ Save now", "📝 Add details"], ["✖️ Cancel"]]


def test_the_childs_name_is_escaped() -> None:
    reply = views.question(_state("setting", child="<b>Lily</b>"), in_private=True)

    assert "&lt;b&gt;Lily&lt;/b&gt;" in reply.text and "<b>Lily</b>" not in reply.text


def test_the_report_keyboard_has_the_report_and_timer_buttons() -> None:
    reply = views.keyboard_offer()

    assert reply.keyboard == [["📝 Report episode", "⏱ Seizure timer"]]
    assert reply.buttons == []


def test_a_running_timer_counts_up_with_stop_and_cancel() -> None:
    reply = timer_views.live(_live())

    assert reply.text.startswith("⏱ <b>1:23</b> — seizure timer for <b>Lily</b>")
    assert "Started at 09:00:05 by Anna." in reply.text
    assert "At 5:00 I'll alert the whole team." in reply.text
    assert [[b.callback.pack() for b in row if b.callback] for row in reply.buttons] == [
        ["tmr:7:stop", "tmr:7:cancel"]
    ]


def test_after_the_threshold_the_timer_shows_the_action_plan() -> None:
    reply = timer_views.live(_live(seconds=310, alerted=True))

    assert "🚨 Past 5:00: the team has been alerted." in reply.text
    assert "Give buccal midazolam 5 mg." in reply.text


def test_the_alert_names_the_child_the_time_and_the_plan() -> None:
    reply = timer_views.alert(_live(seconds=300, alerted=True))

    assert reply.text.startswith("🚨 <b>Lily: seizure still going after 5:00</b>")
    assert "Timer started at 09:00:05 by Anna." in reply.text
    assert reply.text.endswith("<b>Action plan:</b>\nGive buccal midazolam 5 mg.")


def test_without_an_action_plan_the_alert_says_what_to_do() -> None:
    reply = timer_views.alert(_live(action_plan=None))

    assert "There is no action plan on file." in reply.text


def test_an_expired_timer_has_no_buttons() -> None:
    reply = timer_views.live(_live(status=TimerStatus.EXPIRED))

    assert reply.buttons == [] and "ran for an hour" in reply.text
