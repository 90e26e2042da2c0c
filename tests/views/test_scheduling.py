"""The mark of a timed message that goes out late: the time it was due, in the child's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.scheduling import Fired
from bot.views.scheduling import mark_late
from models import Reminder

DUE = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)  # Wed 18:00 in London, Thu 05:00 in Sydney
BUTTON = Button("✅ It happened", Callback("fu", 3, "happened", "20261203T1430"))


def _fired(late_by: timedelta, timezone: str = "Europe/London") -> Fired:
    reminder = Reminder(kind="followup.notice", due_at=DUE, timezone=timezone, payload={})
    return Fired(reminder, DUE + late_by)


def test_a_message_on_time_is_shown_as_it_is() -> None:
    reply = Reply("🔔 Lily: EEG tomorrow", [[BUTTON]])

    assert mark_late(reply, _fired(timedelta(seconds=30))) is reply


def test_a_late_message_says_when_it_was_due_and_keeps_its_buttons() -> None:
    reply = mark_late(Reply("🔔 Lily: EEG tomorrow", [[BUTTON]]), _fired(timedelta(hours=2)))

    assert reply.text == "⏰ Late reminder, was due Wed 18:00: 🔔 Lily: EEG tomorrow"
    assert reply.buttons == [[BUTTON]]


def test_the_due_time_is_read_in_the_childs_zone() -> None:
    reply = mark_late(Reply("💊 dose"), _fired(timedelta(hours=2), "Australia/Sydney"))

    assert reply.text == "⏰ Late reminder, was due Thu 05:00: 💊 dose"
