"""The guided report's screens, by their text and buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.views.episodes import wizard as views
from models import WizardState
from tests.views.screens import data, label_rows

TICKET = 123456789012
STARTED = datetime(2026, 11, 25, 9, 0, 5, tzinfo=UTC)


def _state(step: str, **answers: object) -> WizardState:
    data = {"_ticket": TICKET, "child": "Lily", "timezone": "Europe/London", "origin": "wizard"}
    return WizardState(person_id=1, chat_id=1, child_id=1, flow="episode", step=step,
                       data={**data, **answers})  # fmt: skip


def test_the_first_question_offers_quick_times_typing_and_the_timer() -> None:
    reply = views.question(_state("when"), in_private=True)

    assert reply.text == "📝 <b>Episode report — Lily</b>\n\nWhen did it start?"
    assert label_rows(reply) == [
        ["Just now", "5 min ago"],
        ["15 min ago", "1 hour ago"],
        ["⌨️ Type a time"],
        ["⏱ Happening now — start timer"],
        ["✖️ Cancel"],
    ]


def test_buttons_carry_the_flow_ticket_and_the_answer() -> None:
    reply = views.question(_state("when"), in_private=True)

    assert data(reply, "15 min ago") == f"wiz:{TICKET}:when:15m"
    assert data(reply, "✖️ Cancel") == f"wiz:{TICKET}:cancel"


def test_later_questions_have_back_and_cancel_and_show_the_answers_so_far() -> None:
    state = _state("kind", occurred_at="2026-11-25T09:00:00+00:00", duration_seconds=20)

    reply = views.question(state, in_private=True)

    assert "🕒 Wed 09:00 · ⏳ 10–30 s" in reply.text
    assert reply.text.endswith("What did it look like?")
    assert label_rows(reply)[-1] == ["⬅️ Back", "✖️ Cancel"]
    assert data(reply, "⬅️ Back") == f"wiz:{TICKET}:back:kind"


def test_an_optional_single_choice_has_skip() -> None:
    reply = views.question(_state("intensity"), in_private=True)

    assert label_rows(reply)[:2] == [["Mild", "Moderate", "Severe"], ["Skip ➡️"]]


def test_body_parts_are_ticked_and_skip_becomes_done() -> None:
    untouched = views.question(_state("body"), in_private=True)
    picked = views.question(_state("body", body_parts=["arms"]), in_private=True)

    assert ["Skip ➡️"] in label_rows(untouched)
    assert ["✅ Done"] in label_rows(picked)
    assert ["✅ Arms", "Legs"] in label_rows(picked)
    assert "Arms" in picked.text.split("\n\n")[1]


def test_in_a_group_typed_answers_are_asked_as_replies() -> None:
    private = views.question(_state("typed_time"), in_private=True)
    group = views.question(_state("typed_time"), in_private=False)

    assert "Type when it started" in private.text
    assert "Reply to this message with when it started" in group.text


def test_the_last_question_saves_with_or_without_a_note() -> None:
    reply = views.question(_state("notes"), in_private=True)

    assert reply.text.endswith("Type a note or send a photo or video — or tap Save.")
    assert label_rows(reply) == [["✅ Save"], ["⬅️ Back", "✖️ Cancel"]]


def test_a_stopped_timer_shows_the_exact_duration_and_two_ways_on() -> None:
    state = _state("stopped", origin="timer", duration_seconds=134,
                   occurred_at=STARTED.isoformat())  # fmt: skip

    reply = views.question(state, in_private=True)

    assert "⏹ Timer stopped at <b>2:14</b>." in reply.text
    assert "⏳ 2:14" in reply.text
    assert label_rows(reply) == [["✅ Save now", "📝 Add details"], ["✖️ Cancel"]]


def test_the_childs_name_is_escaped() -> None:
    reply = views.question(_state("setting", child="<b>Lily</b>"), in_private=True)

    assert "&lt;b&gt;Lily&lt;/b&gt;" in reply.text and "<b>Lily</b>" not in reply.text


def test_the_report_keyboard_has_the_report_and_timer_buttons() -> None:
    reply = views.keyboard_offer()

    assert reply.keyboard == [["📝 Report episode", "⏱ Seizure timer"]]
    assert reply.buttons == []


def test_the_answers_so_far_read_as_one_line_in_the_childs_zone() -> None:
    answers = {
        "timezone": "Asia/Tokyo",
        "occurred_at": STARTED.isoformat(),
        "duration_seconds": 20,
        "kind": "cluster",
        "body_parts": ["arms", "face"],
        "triggers": ["fatigue"],
        "rescue": "midazolam",
    }

    assert views.so_far(answers).split(" · ") == [
        "🕒 Wed 18:00",
        "⏳ 10–30 s",
        "Cluster of jerks",
        "Arms",
        "Face, eyes",
        "Tired",
        "Rescue: Midazolam",
    ]


def test_no_rescue_and_nothing_answered_add_nothing() -> None:
    assert views.so_far({"rescue": "none"}) == ""


def test_buttons_of_the_duration_step_carry_its_choice() -> None:
    reply = views.question(_state("duration", occurred_at=STARTED.isoformat()), in_private=True)

    assert reply.text.endswith("How long did it last?")
    assert data(reply, "10–30 s") == f"wiz:{TICKET}:dur:10_30"


def test_in_a_group_the_note_is_asked_as_a_reply() -> None:
    reply = views.question(_state("notes"), in_private=False)

    assert "Reply to this message" in reply.text


def test_cancelling_says_nothing_was_saved() -> None:
    assert views.cancelled().text == "OK — nothing was saved."


def test_the_keyboard_labels_are_the_report_and_timer_buttons() -> None:
    assert views.keyboard_labels() == ["📝 Report episode", "⏱ Seizure timer"]
