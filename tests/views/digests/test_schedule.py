"""/digest schedule: the schedule in words on the reader's clock, and the taps that set it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.digests.subscriptions import Schedule
from bot.views.digests.schedule import ask_day, ask_hour, default_set, menu, off
from models import Child, DigestCadence, DigestSubscription, Membership, Role
from tests.views.screens import all_data, data, label_rows, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London", group_digests=False)
NEW_YORK = "America/New_York"


def _schedule(role: Role = Role.CLINICIAN, subscription=None, child: Child = LILY) -> Schedule:
    membership = Membership(id=3, child_id=7, person_id=3, role=role)
    return Schedule(membership, child, NEW_YORK, subscription)


WEEKLY = DigestSubscription(
    cadence=DigestCadence.WEEKLY,
    weekday=0,
    hour=8,
    next_due_at=datetime(2026, 11, 30, 13, 0, tzinfo=UTC),
)


def test_the_schedule_is_said_on_the_readers_clock_with_the_next_digest() -> None:
    reply = menu(_schedule(subscription=WEEKLY))

    assert reply.text.splitlines() == [
        "🗞 <b>Lily's digest for you</b>",
        "Now: every Monday at 08:00 (your time, America/New_York). Next: Mon 30 Nov, 08:00.",
        "Not your time zone? Set yours with /timezone.",
    ]
    assert labels(reply) == ["📅 Every week", "🗓 Every 4 weeks", "✖️ No scheduled digest"]
    assert all_data(reply) == ["dsub:7:cadence:weekly", "dsub:7:cadence:monthly", "dsub:7:off"]


def test_without_a_schedule_there_is_nothing_to_turn_off() -> None:
    reply = menu(_schedule())

    assert "Now: no scheduled digest." in reply.text
    assert labels(reply) == ["📅 Every week", "🗓 Every 4 weeks"]


def test_a_guardian_can_let_digests_show_in_the_group_and_stop_it() -> None:
    shown = Child(id=7, name="Lily", timezone="Europe/London", group_digests=True)

    closed, opened = menu(_schedule(Role.GUARDIAN)), menu(_schedule(Role.GUARDIAN, child=shown))

    assert data(closed, "👥 Show digests in the group") == "dsub:7:group:on"
    assert closed.text.endswith("👥 /digest in the team group points to the private chat.")
    assert data(opened, "👥 Keep digests out of the group") == "dsub:7:group:off"
    assert opened.text.endswith("👥 /digest shows the figures in the team group.")


def test_every_four_weeks_is_said_as_such() -> None:
    four = DigestSubscription(
        cadence=DigestCadence.MONTHLY,
        weekday=3,
        hour=18,
        next_due_at=datetime(2026, 11, 26, 23, 0, tzinfo=UTC),
    )

    assert "Now: every 4 weeks on Thursday at 18:00" in menu(_schedule(subscription=four)).text


def test_the_day_comes_first_then_the_hour() -> None:
    days, hours = ask_day(_schedule(), DigestCadence.WEEKLY), ask_hour(_schedule(), "weekly", 0)

    assert label_rows(days) == [["Mon", "Tue", "Wed", "Thu"], ["Fri", "Sat", "Sun"], ["‹ Back"]]
    assert data(days, "Mon") == "dsub:7:day:weekly.0"
    assert hours.text == "At what time on Mondays (your time, America/New_York)?"
    assert label_rows(hours)[0] == ["06:00", "07:00", "08:00", "09:00"]
    assert data(hours, "08:00") == "dsub:7:at:weekly.0.08"
    assert data(hours, "‹ Back") == "dsub:7:cadence:weekly"


def test_off_and_the_default_are_confirmed_in_words() -> None:
    assert off(_schedule()).text.startswith("✅ No more scheduled digests of Lily.")
    assert default_set(_schedule(subscription=WEEKLY)) == (
        "🗞 Your digest of Lily comes every Monday at 08:00 (your time, America/New_York):"
        " change it with /digest schedule."
    )
    assert default_set(None).startswith("Digests are for guardians, caregivers and clinicians")
