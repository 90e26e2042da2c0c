"""Follow-up screens: the guided questions, the confirmation, the list, notices, the outcome."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import callbacks
from bot.services.followups.agenda import Agenda, SavedFollowup, Upcoming
from bot.services.followups.notices import AppointmentAnswer, AppointmentOutcome, Occurrence
from bot.services.followups.schedule import from_stamp
from bot.views import followups as views
from models import Child, Followup, ReminderKind, WizardState
from tests.views.screens import all_data, data, label_rows, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wed 25 Nov
EEG_AT = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)  # Thu 3 Dec, 14:30 in London
TICKET = 555


def _followup(title: str = "EEG", **changes: object) -> Followup:
    values: dict = dict(
        id=3,
        child_id=7,
        kind=ReminderKind.TEST,
        title=title,
        due_at=EEG_AT,
        timezone="Europe/London",
        recurrence=None,
        notices=[],
    )
    return Followup(**{**values, **changes})


def _saved(followup: Followup, notices: list[str], ahead: list[str] | None = None) -> SavedFollowup:
    return SavedFollowup(followup, LILY, notices, notices if ahead is None else ahead)


def _flow(**data: object) -> WizardState:
    return WizardState(
        person_id=1, chat_id=1, flow="followup", step="when", data={"_ticket": TICKET, **data}
    )


def test_the_guided_flow_first_asks_what_kind_with_one_button_each() -> None:
    reply = views.ask_kind(_flow(), LILY, None)

    assert reply.text == "What is the follow-up for <b>Lily</b>?"
    assert label_rows(reply) == [
        ["Neurology review"],
        ["EEG"],
        ["Blood test"],
        ["Something else"],
        ["Cancel"],
    ]
    assert data(reply, "Blood test") == f"fuflow:{TICKET}:kind:blood"
    assert data(reply, "Cancel") == f"fuflow:{TICKET}:stop"


def test_then_it_asks_when_naming_the_kind_chosen() -> None:
    reply = views.ask_when(_flow(title="EEG"), None)

    assert reply.text.startswith("When is the <b>EEG</b>? Type the day and time")
    assert labels(reply) == ["Cancel"]


def test_for_something_else_it_asks_for_when_and_what_in_one_line() -> None:
    assert views.ask_when(_flow(), None).text.startswith("When, and what? For example")


def test_the_confirmation_says_what_when_and_which_reminders() -> None:
    reply = views.saved(_saved(_followup("EEG at City Hospital"), ["eve", "2h"]), None)

    assert reply.text.splitlines() == [
        "✅ Saved for <b>Lily</b>: 🧪 <b>EEG at City Hospital</b>",
        "🗓 Thu 3 Dec, 14:30",
        "🔔 I'll remind the team the day before at 18:00, 2 hours before.",
    ]


def test_the_confirmation_buttons_tick_the_chosen_reminders_and_cancel() -> None:
    reply = views.saved(_saved(_followup(), ["eve", "2h"]), None)

    assert label_rows(reply) == [
        ["➕ A week before", "✅ Day before, 18:00"],
        ["➕ Morning of, 08:00", "✅ 2 hours before"],
        ["➕ 30 min before", "➕ At the time"],
        ["✖️ Cancel this follow-up"],
    ]
    assert data(reply, "✅ 2 hours before") == "fu:3:notice:2h"
    assert data(reply, "✖️ Cancel this follow-up") == "fu:3:cancel"


def test_a_moved_followup_says_moved() -> None:
    text = views.saved(_saved(_followup(), ["eve"]), None, moved=True).text

    assert text.startswith("🗓 Moved for <b>Lily</b>: 🧪 <b>EEG</b>")


def test_without_reminders_the_confirmation_offers_to_add_one() -> None:
    text = views.saved(_saved(_followup(), []), None).text

    assert text.splitlines()[-1] == "🔕 No reminder. Tap one below to add it."


def test_when_every_reminder_has_passed_it_says_it_is_too_soon() -> None:
    text = views.saved(_saved(_followup(), ["week"], ahead=[]), None).text

    assert text.splitlines()[-1] == "🔕 It's too soon for a reminder before it."


def test_a_repeat_says_how_often_and_lists_all_its_reminders() -> None:
    repeat = _followup("blood test", recurrence="FREQ=MONTHLY;INTERVAL=3")

    lines = views.saved(_saved(repeat, ["week", "morning"], ahead=[]), None).text.splitlines()

    assert lines[1:] == [
        "🔁 every 3 months, next Thu 3 Dec, 14:30",
        "🔔 I'll remind the team a week before at 09:00, that morning at 08:00.",
    ]


@pytest.mark.parametrize(
    ("language", "every_3_months", "every_day"),
    [("es", "cada 3 meses", "cada día"), ("ru", "каждые 3 месяца", "каждый день")],
)
def test_how_often_is_said_in_the_readers_language(
    language: str, every_3_months: str, every_day: str
) -> None:
    quarterly = _followup("bloods", recurrence="FREQ=MONTHLY;INTERVAL=3")
    daily = _followup("bloods", recurrence="FREQ=DAILY;INTERVAL=1")

    assert every_3_months in views.saved(_saved(quarterly, [], ahead=[]), language).text
    assert every_day in views.saved(_saved(daily, [], ahead=[]), language).text


def test_what_people_typed_is_escaped_in_the_confirmation() -> None:
    text = views.saved(_saved(_followup("<b>MRI</b> & bloods"), []), None).text

    assert "<b>&lt;b&gt;MRI&lt;/b&gt; &amp; bloods</b>" in text


def test_a_notice_says_today_tomorrow_or_the_day() -> None:
    def said(at: datetime) -> str:
        return views.reminder(Occurrence(_followup(), LILY, at), NOW).text

    assert said(datetime(2026, 11, 25, 16, 0, tzinfo=UTC)) == (
        "🔔 <b>Lily</b>: 🧪 <b>EEG</b>, today at 16:00"
    )
    assert said(datetime(2026, 11, 26, 14, 30, tzinfo=UTC)) == (
        "🔔 <b>Lily</b>: 🧪 <b>EEG</b>, tomorrow (Thu 26 Nov) at 14:30"
    )
    assert said(EEG_AT) == "🔔 <b>Lily</b>: 🧪 <b>EEG</b>, Thu 3 Dec at 14:30"


def test_today_and_tomorrow_are_counted_on_the_childs_clock() -> None:
    late_evening = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)  # 10:30 on Thu in Sydney
    sydney = Child(id=7, name="Lily", timezone="Australia/Sydney")
    followup = _followup(timezone="Australia/Sydney")

    text = views.reminder(Occurrence(followup, sydney, late_evening), NOW).text

    assert text.endswith("tomorrow (Thu 26 Nov) at 10:30")


def test_the_after_question_has_one_button_per_answer_naming_the_occurrence() -> None:
    reply = views.question(Occurrence(_followup(), LILY, EEG_AT))

    assert reply.text.startswith(
        "🧪 <b>EEG</b> for <b>Lily</b> was due Thu 3 Dec, 14:30. Did it happen?"
    )
    assert labels(reply) == ["✅ It happened", "🗓 It was moved", "❌ It was missed"]
    assert all_data(reply) == [
        "fu:3:happened:20261203T1430",
        "fu:3:moved:20261203T1430",
        "fu:3:missed:20261203T1430",
    ]


def test_an_answer_that_it_happened_is_noted_without_buttons() -> None:
    answer = AppointmentAnswer(
        Occurrence(_followup(), LILY, EEG_AT), AppointmentOutcome.HAPPENED, "Anna", False
    )

    reply = views.answered(answer, None)

    assert reply.text.startswith("✅ Noted by Anna: <b>EEG</b> (Thu 3 Dec, 14:30) happened.")
    assert reply.buttons == []


def test_an_answer_that_it_was_missed_offers_a_new_date() -> None:
    answer = AppointmentAnswer(
        Occurrence(_followup(), LILY, EEG_AT), AppointmentOutcome.MISSED, "<Ben>", False
    )

    reply = views.answered(answer, None)

    assert reply.text.startswith(
        "❌ Noted by &lt;Ben&gt;: <b>EEG</b> (Thu 3 Dec, 14:30) was missed."
    )
    assert labels(reply) == ["🗓 Set the new date"]
    assert data(reply, "🗓 Set the new date") == "fu:3:move"


def test_the_list_numbers_what_is_coming_with_move_and_cancel_each() -> None:
    review = _followup("neurology review with Dr Lee", id=4, kind=ReminderKind.FOLLOWUP)
    bloods = _followup("bloods", id=5, recurrence="FREQ=MONTHLY;INTERVAL=3")
    later = datetime(2027, 3, 3, 14, 30, tzinfo=UTC)
    agenda = Agenda(LILY, [Upcoming(review, [EEG_AT]), Upcoming(bloods, [EEG_AT, later])])

    reply = views.agenda(agenda, None)

    assert reply.text.splitlines() == [
        "<b>Coming up for Lily</b>",
        "1. 🩺 <b>neurology review with Dr Lee</b>",
        "      Thu 3 Dec, 14:30",
        "2. 🧪 <b>bloods</b>",
        "      🔁 every 3 months: Thu 3 Dec, 14:30 · Wed 3 Mar, 14:30",
    ]
    assert label_rows(reply) == [
        ["🗓 Move 1. neurology review…", "✖️ Cancel 1. neurology review…"],
        ["🗓 Move 2. bloods", "✖️ Cancel 2. bloods"],
    ]
    assert all_data(reply) == ["fu:4:move", "fu:4:cancel", "fu:5:move", "fu:5:cancel"]


def test_an_empty_list_says_how_to_add_one() -> None:
    reply = views.agenda(Agenda(LILY, []), None)

    assert reply.text.startswith("Nothing coming up for <b>Lily</b>. Add a follow-up with")
    assert reply.buttons == []


def test_cancelling_asks_once_then_confirms() -> None:
    found = _saved(_followup(), ["eve"])

    confirm = views.confirm_cancel(found, None)

    assert confirm.text == "Cancel 🧪 <b>EEG</b> (Thu 3 Dec, 14:30)? The team won't be reminded."
    assert label_rows(confirm) == [["Yes, cancel it"], ["No, keep it"]]
    assert all_data(confirm) == ["fu:3:drop", "fu:3:keep"]
    assert views.cancelled(found, None).text == (
        "✖️ Cancelled: <b>EEG</b>. The team won't be reminded."
    )


def test_moving_asks_for_the_new_date_naming_the_followup() -> None:
    text = views.ask_new_date(_saved(_followup("<EEG>"), []), None).text

    assert text.startswith("When is <b>&lt;EEG&gt;</b> now? Type the new day and time")


def test_days_and_moments_are_shown_in_the_childs_zone() -> None:
    assert views.day(EEG_AT, "Pacific/Auckland") == "Fri 4 Dec"
    assert views.moment(EEG_AT, "Europe/London") == "Thu 3 Dec, 14:30"


def test_stopping_and_a_move_sent_privately_are_answered_in_one_line() -> None:
    assert views.stopped(None).text == "OK, nothing saved."
    assert views.sent_privately(None) == "I've sent you a private message: type the new date there."


@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ).map(lambda moment: moment.replace(second=0, microsecond=0)),
    st.integers(1, 10**18 - 1),
)
def test_each_answer_button_brings_back_the_occurrence_it_asked_about(
    at: datetime, followup_id: int
) -> None:
    reply = views.question(Occurrence(_followup(id=followup_id), LILY, at))

    for sent_back in all_data(reply):
        pressed = callbacks.parse(sent_back)
        assert pressed is not None and pressed.id == followup_id
        assert from_stamp(pressed.arg) == at
