"""Dose screens: the reminder, each copy once answered, the missed alert, /doses and /adherence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from bot.audience import Audience, Recipient
from bot.services.doses.adherence import AdherenceReport, Tally
from bot.services.doses.answers import DoseLine, DosesOfDay, RepeatDoseWarning, Snoozed
from bot.services.doses.duties import Recipients
from bot.services.doses.outcomes import DoseOutcome
from bot.services.doses.reminders import DoseCall
from bot.services.medications.regimen import Dosing
from bot.views import doses as views
from models import Child, DoseLog, DoseReminder, DoseStatus, Medication, Person
from tests.views.screens import all_data, label_rows, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
AT_8 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # 08:00 in London
LEV = Medication(
    id=5,
    child_id=7,
    name="levetiracetam",
    name_as_typed="Keppra",
    dose_amount=Decimal("500"),
    dose_unit="mg",
)
REMINDER = DoseReminder(
    id=90,
    medication_id=5,
    child_id=7,
    scheduled_at=AT_8,
    dose_amount=Decimal("500.000"),
    dose_unit="mg",
)
BUTTONS = ["✅ Given", "⏭ Skipped", "⏰ 15 min"]


def _call(*in_group: str) -> DoseCall:
    people = [Person(id=n, telegram_user_id=n, first_name=name) for n, name in enumerate(in_group)]
    group = (Recipient(-100, group=True),) if people else ()
    return DoseCall(REMINDER, LILY, LEV, Recipients(Audience(LILY.id, group), people))


def _log(status: DoseStatus, after: timedelta, **changes: object) -> DoseLog:
    return DoseLog(
        medication_id=5,
        child_id=7,
        scheduled_at=AT_8,
        status=status,
        recorded_at=AT_8 + after,
        **changes,
    )


def _outcome(
    log: DoseLog, by: str | None = "Anna", acknowledged_by: str | None = None
) -> DoseOutcome:
    return DoseOutcome(REMINDER, LILY, LEV, log, by, acknowledged_by, [], [], frozenset())


def test_the_reminder_names_the_time_the_child_and_the_dose_with_three_answers() -> None:
    reply = views.reminder(_call())

    assert reply.text == "💊 <b>08:00 dose for Lily</b>\nlevetiracetam 500 mg"
    assert label_rows(reply) == [BUTTONS]
    assert all_data(reply) == ["dose:90:given", "dose:90:skipped", "dose:90:snooze"]


def test_the_group_copy_says_whom_it_is_for() -> None:
    reply = views.reminder(_call("Ben", "<Gran>"), group=True)

    assert reply.text.splitlines()[-1] == "For: Ben, &lt;Gran&gt;"


def test_a_reminder_sent_again_has_its_own_title() -> None:
    text = views.reminder(_call(), title="title_again").text

    assert text.splitlines()[0] == "🔔 <b>Still open: 08:00 dose for Lily</b>"


def test_a_snoozed_reminder_keeps_its_buttons_and_says_until_when() -> None:
    found = Snoozed(REMINDER, LILY, LEV, AT_8 + timedelta(minutes=15), "Anna")

    reply = views.snoozed(found)

    assert reply.text.splitlines()[-1] == "⏰ Anna snoozed it until 08:15."
    assert labels(reply) == BUTTONS


def test_an_answered_dose_says_who_gave_it_and_when_with_no_buttons() -> None:
    reply = views.outcome(_outcome(_log(DoseStatus.GIVEN, timedelta(minutes=5))))

    assert reply.text == "💊 08:00 dose for Lily: levetiracetam 500 mg\n✅ Given by Anna at 08:05"
    assert reply.buttons == []


def test_a_dose_given_well_after_its_time_says_how_late() -> None:
    text = views.outcome(_outcome(_log(DoseStatus.GIVEN, timedelta(hours=7, minutes=20)))).text

    assert text.splitlines()[-1] == "✅ Given by Anna at 15:20 (7 h 20 min after its time)"


def test_a_skipped_and_a_missed_dose_read_so() -> None:
    skipped = views.outcome(_outcome(_log(DoseStatus.SKIPPED, timedelta(minutes=2)), "<Ben>"))
    missed = views.outcome(_outcome(_log(DoseStatus.MISSED, timedelta(hours=1)), None))

    assert skipped.text.splitlines()[-1] == "⏭ Skipped by &lt;Ben&gt; at 08:02"
    assert missed.text.splitlines()[-1] == "❌ Missed: nobody answered by 09:00"


def test_the_alert_on_a_dose_already_answered_says_by_whom() -> None:
    assert views.already(_outcome(_log(DoseStatus.GIVEN, timedelta(minutes=5)))) == (
        "Already given by Anna at 08:05."
    )
    assert views.already(_outcome(_log(DoseStatus.MISSED, timedelta(hours=1)), None)) == (
        "Already marked missed at 09:00."
    )


def test_the_missed_alert_offers_it_was_given_and_acknowledge() -> None:
    reply = views.missed_alert(_outcome(_log(DoseStatus.MISSED, timedelta(hours=1)), None))

    assert reply.text.splitlines() == [
        "❌ <b>Missed dose for Lily</b>",
        "levetiracetam 500 mg at 08:00: nobody recorded it within 60 minutes.",
    ]
    assert labels(reply) == ["✅ It was given", "👀 Acknowledge"]
    assert all_data(reply) == ["dose:90:given", "dose:90:ack"]


def test_an_acknowledged_alert_says_who_saw_it_and_keeps_only_it_was_given() -> None:
    log = _log(DoseStatus.MISSED, timedelta(hours=1), acknowledged_at=AT_8 + timedelta(hours=2))

    reply = views.missed_alert(_outcome(log, None, acknowledged_by="Dr Lee"))

    assert reply.text.splitlines()[-1] == "👀 Seen by Dr Lee at 10:00"
    assert labels(reply) == ["✅ It was given"]


def test_an_alert_answered_after_all_shows_the_outcome_without_buttons() -> None:
    reply = views.missed_alert(_outcome(_log(DoseStatus.GIVEN, timedelta(hours=2))))

    assert reply.text.splitlines()[-1] == "✅ Given by Anna at 10:00 (2 h after its time)"
    assert reply.buttons == []


def test_a_second_given_too_soon_asks_before_recording() -> None:
    earlier = _log(DoseStatus.GIVEN, timedelta(hours=-1))

    reply = views.warning(RepeatDoseWarning(REMINDER, LILY, LEV, earlier, "Ben"))

    assert reply.text == (
        "⚠️ levetiracetam was already given at 07:00 by Ben, sooner than its usual interval. "
        "Record the 08:00 dose as given too?"
    )
    assert labels(reply) == ["✅ Yes, it was given", "‹ Back"]
    assert all_data(reply) == ["dose:90:anyway", "dose:90:back"]


def test_today_lists_each_dose_and_what_became_of_it() -> None:
    dosing = Dosing(Decimal("500"), "mg", ("08:00", "20:00"))
    now = AT_8 + timedelta(hours=4)
    lines = [
        DoseLine(LEV, AT_8, dosing, _log(DoseStatus.GIVEN, timedelta(minutes=45)), "Anna", True),
        DoseLine(LEV, AT_8 + timedelta(hours=12), dosing, None, None, False),
    ]

    reply = views.day(DosesOfDay(LILY, date(2026, 11, 25), lines), now)

    assert reply.text.splitlines() == [
        "💊 <b>Lily's doses today</b> (Wed 25 Nov 2026)",
        "08:00 levetiracetam 500 mg — ✅ given by Anna at 08:45, late",
        "20:00 levetiracetam 500 mg — ⏳ to come",
    ]


def test_a_dose_past_its_time_with_no_answer_is_waiting_or_unanswered() -> None:
    def shown(called: bool) -> str:
        line = DoseLine(LEV, AT_8, Dosing(Decimal("500"), "mg", ("08:00",)), None, None, called)
        return views.day(
            DosesOfDay(LILY, date(2026, 11, 25), [line]), AT_8 + timedelta(minutes=10)
        ).text

    assert shown(called=True).endswith("— 🔔 waiting for an answer")
    assert shown(called=False).endswith("— — no answer recorded")


def test_a_day_without_doses_says_so() -> None:
    reply = views.day(DosesOfDay(LILY, date(2026, 11, 25), []), AT_8)

    assert reply.text.splitlines()[-1] == "No doses scheduled today."


def test_adherence_counts_each_outcome_with_percentages() -> None:
    since, until = AT_8 - timedelta(days=30), AT_8
    report = AdherenceReport(
        LILY, since, until, [Tally("levetiracetam", given=6, late=2, missed=2)]
    )

    assert views.adherence(report, 30).text.splitlines() == [
        "📊 <b>Lily's doses, last 30 days</b> (Mon 26 Oct 2026 – Wed 25 Nov 2026)",
        "<b>levetiracetam</b>: 10 doses",
        "✅ given 6 (60%) · 🕒 late 2 (20%) · ⏭ skipped 0 (0%) · ❌ missed 2 (20%)",
    ]


def test_adherence_without_doses_says_so() -> None:
    report = AdherenceReport(LILY, AT_8 - timedelta(days=7), AT_8, [])

    assert views.adherence(report, 7).text.splitlines()[-1] == "No doses recorded in this period."


def test_a_medicine_name_typed_by_someone_is_escaped() -> None:
    odd = Medication(
        id=6,
        child_id=7,
        name="<i>drops</i>",
        name_as_typed="<i>drops</i>",
        dose_amount=Decimal("2"),
        dose_unit="ml",
    )

    assert views.medicine(REMINDER, odd) == "&lt;i&gt;drops&lt;/i&gt; 500 mg"


def test_delays_read_as_people_say_them() -> None:
    assert views.duration(timedelta(minutes=45)) == "45 min"
    assert views.duration(timedelta(hours=7)) == "7 h"
    assert views.duration(timedelta(hours=7, minutes=20)) == "7 h 20 min"
