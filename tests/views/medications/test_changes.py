"""Medication screens: the relay of a change, the confirmation of a risky one, titration steps."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from bot.services.medications.changes import ConfirmReason, Pending, Proposal, Recorded
from bot.services.medications.drugs import resolve
from bot.services.medications.parsing import MedChange, MedStart, MedStop
from bot.services.medications.regimen import Dosing
from bot.services.medications.titration import AppliedStep, PlanState
from bot.views.medications import changes as views
from bot.views.medications import titration as titration_views
from models import ChangeAction, Child, Medication, MedicationChange, Person, Role, Titration
from tests.views.screens import all_data, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
TOMORROW = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)  # midnight in London: a whole day
EVENING = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
ANNA = Person(id=1, telegram_user_id=101, first_name="Anna")
TWICE = Dosing(Decimal("250"), "mg", ("08:00", "20:00"))
MORE = Dosing(Decimal("500"), "mg", ("08:00", "20:00"))


def _medication(name: str = "levetiracetam", typed: str = "levetiracetam") -> Medication:
    return Medication(
        id=5, child_id=7, name=name, name_as_typed=typed, dose_amount=Decimal("250"), dose_unit="mg"
    )


def _change(action: ChangeAction, reason: str | None = None, **changes: object) -> MedicationChange:
    values: dict = dict(
        id=11,
        medication_id=5,
        child_id=7,
        action=action,
        reason=reason,
        effective_at=TOMORROW,
        recorded_by_id=1,
        recorded_role=Role.GUARDIAN,
    )
    return MedicationChange(**{**values, **changes})


def _recorded(
    change: MedicationChange, before: Dosing | None, after: Dosing | None, **changes: object
) -> Recorded:
    values: dict = dict(
        child=LILY,
        medication=_medication(),
        change=change,
        before=before,
        after=after,
        recorder=ANNA,
        plan=None,
        steps=[],
        ended_plan=None,
    )
    return Recorded(**{**values, **changes})


def _plan(step: str = "250", **changes: object) -> Titration:
    values: dict = dict(
        id=9,
        medication_id=5,
        child_id=7,
        step=Decimal(step),
        unit="mg",
        every_days=7,
        target=Decimal("1000"),
        next_step_at=TOMORROW,
    )
    return Titration(**{**values, **changes})


def test_doses_read_as_people_write_them() -> None:
    assert views.amount(Decimal("250.000")) == "250"
    assert views.amount(Decimal("2.50")) == "2.5"
    assert views.amount(Decimal("2.5E+2")) == "250"
    assert views.dose(Decimal("0.250"), "ml") == "0.25 ml"


def test_a_dosing_says_how_much_and_when_or_as_needed() -> None:
    assert views.dosing_text(TWICE) == "250 mg at 08:00, 20:00"
    assert views.dosing_text(Dosing(Decimal("5"), "mg", ())) == "5 mg as needed"
    assert views.dosing_text(None) == "not taken"


def test_a_change_applies_from_a_day_or_from_a_moment_in_the_childs_zone() -> None:
    assert views.when(TOMORROW, "Europe/London") == "from Thu 26 Nov 2026"
    assert views.when(EVENING, "Europe/London") == "from Wed 25 Nov 2026, 20:00"
    assert views.when(EVENING, "Asia/Tokyo") == "from Thu 26 Nov 2026, 05:00"


def test_a_brand_name_shows_the_generic_and_what_was_typed() -> None:
    assert views.medicine_name(_medication(typed="Keppra")) == "levetiracetam (typed as Keppra)"
    assert views.medicine_name(_medication()) == "levetiracetam"


def test_a_medicine_unknown_to_us_is_shown_as_typed_and_escaped() -> None:
    odd = _medication(name="<b>magic</b> drops", typed="<b>Magic</b> drops")

    assert views.medicine_name(odd) == "&lt;b&gt;Magic&lt;/b&gt; drops"


def test_the_recorder_is_named_with_the_role_or_the_plan() -> None:
    assert views.recorder("<Anna>", Role.GUARDIAN) == "&lt;Anna&gt; (guardian)"
    assert views.recorder(None, Role.CLINICIAN) == "someone (clinician)"
    assert views.recorder("Anna", None) == "the titration plan"


def test_a_dose_change_relay_says_old_new_when_why_and_who() -> None:
    change = _change(ChangeAction.ADJUST, reason="still <jerks> at night")

    reply = views.relay(_recorded(change, TWICE, MORE))

    assert reply.text.splitlines() == [
        "💊 <b>Lily: dose change</b>",
        "levetiracetam: 250 mg at 08:00, 20:00 → <b>500 mg at 08:00, 20:00</b>",
        "When: from Thu 26 Nov 2026",
        "Why: still &lt;jerks&gt; at night",
        "Recorded by Anna (guardian)",
    ]
    assert reply.buttons == []


def test_a_new_medicine_comes_from_not_taken_and_a_stopped_one_goes_to_stopped() -> None:
    started = views.relay(_recorded(_change(ChangeAction.START), None, TWICE)).text
    stopped = views.relay(_recorded(_change(ChangeAction.STOP), TWICE, None)).text

    assert started.splitlines()[:2] == [
        "💊 <b>Lily: new medicine</b>",
        "levetiracetam: not taken → <b>250 mg at 08:00, 20:00</b>",
    ]
    assert stopped.splitlines()[:2] == [
        "💊 <b>Lily: medicine stopped</b>",
        "levetiracetam: 250 mg at 08:00, 20:00 → <b>stopped</b>",
    ]


def test_a_relay_with_a_plan_lists_its_first_steps_and_how_many_more() -> None:
    steps = [(date(2026, 12, d), Decimal(250 + 50 * d)) for d in range(1, 8)]
    recorded = _recorded(_change(ChangeAction.START), None, TWICE, plan=_plan(), steps=steps)

    lines = views.relay(recorded).text.splitlines()

    assert lines[-7:] == [
        "📈 Plan: +250 mg every 7 days up to 1000 mg:",
        "• 300 mg from Tue 01 Dec 2026",
        "• 350 mg from Wed 02 Dec 2026",
        "• 400 mg from Thu 03 Dec 2026",
        "• 450 mg from Fri 04 Dec 2026",
        "• 500 mg from Sat 05 Dec 2026",
        "• … 2 more steps",
    ]


def test_a_taper_shows_its_step_with_a_minus_and_an_ended_plan_says_so() -> None:
    taper = _recorded(_change(ChangeAction.ADJUST), MORE, TWICE, plan=_plan("-250"), steps=[])
    ended = _recorded(_change(ChangeAction.ADJUST), MORE, TWICE, ended_plan=_plan())

    assert views.relay(taper).text.splitlines()[-1] == (
        "📈 Plan: −250 mg every 7 days up to 1000 mg:"
    )
    assert views.relay(ended).text.splitlines()[-1] == "The titration plan to 1000 mg has ended."


def _proposal(command, before, after, *checks: ConfirmReason, medication=None) -> Proposal:
    return Proposal(command, LILY, medication, before, after, checks)


def test_a_big_dose_change_asks_to_confirm_with_the_ratio() -> None:
    command = MedChange(
        resolve("levetiracetam"), "levetiracetam", Decimal("1000"), "mg", None, TOMORROW, None, None
    )
    after = Dosing(Decimal("1000"), "mg", TWICE.times)
    proposal = _proposal(command, TWICE, after, ConfirmReason.DOSE_RATIO, medication=_medication())

    reply = views.confirm(Pending(proposal, 777))

    assert reply.text.splitlines() == [
        "Please check before I record this:",
        "levetiracetam: 250 mg at 08:00, 20:00 → <b>1000 mg at 08:00, 20:00</b>",
        "⚠️ That's 4× the current dose: 250 mg → 1000 mg.",
        "Confirm?",
    ]
    assert labels(reply) == ["✅ Yes, record it", "✖️ Cancel"]
    assert all_data(reply) == ["med:777:confirm", "med:777:cancel"]


def test_a_cut_dose_is_said_as_a_fraction_or_a_percentage() -> None:
    def ratio_line(before: str, after: str) -> str:
        old, new = Dosing(Decimal(before), "mg", ("08:00",)), Dosing(Decimal(after), "mg", ())
        command = MedChange(
            resolve("valproate"), "valproate", new.amount, "mg", None, TOMORROW, None, None
        )
        proposal = _proposal(command, old, new, ConfirmReason.DOSE_RATIO, medication=_medication())
        return views.confirm(Pending(proposal, 1)).text.splitlines()[2]

    assert ratio_line("1000", "250") == "⚠️ That's 1/4 of the current dose: 1000 mg → 250 mg."
    assert ratio_line("1000", "300") == "⚠️ That's 30% of the current dose: 1000 mg → 300 mg."


def test_a_unit_change_and_an_unknown_name_are_pointed_out() -> None:
    command = MedStart(
        resolve("<b>Zzz</b>"), "<b>Zzz</b>", Decimal("5"), "ml", ("08:00",), TOMORROW, None, None
    )
    before, after = Dosing(Decimal("5"), "mg", ("08:00",)), Dosing(Decimal("5"), "ml", ("08:00",))

    lines = views.confirm(
        Pending(
            _proposal(command, before, after, ConfirmReason.UNKNOWN_NAME, ConfirmReason.UNIT), 1
        )
    ).text.splitlines()

    assert lines[1].startswith("&lt;b&gt;zzz&lt;/b&gt;: ")
    assert lines[2:4] == [
        "⚠️ I don't know the medicine “&lt;b&gt;Zzz&lt;/b&gt;”. I'll keep the name as typed.",
        "⚠️ The unit changes: 5 mg → 5 ml.",
    ]


def test_stopping_asks_to_confirm_what_stops_and_when() -> None:
    command = MedStop(resolve("levetiracetam"), "levetiracetam", TOMORROW, None)
    proposal = _proposal(command, TWICE, None, ConfirmReason.STOP, medication=_medication())

    lines = views.confirm(Pending(proposal, 1)).text.splitlines()

    assert lines[1] == "levetiracetam: 250 mg at 08:00, 20:00 → <b>stopped</b>"
    assert lines[2] == (
        "⚠️ This stops levetiracetam (250 mg at 08:00, 20:00) from Thu 26 Nov 2026, "
        "and its dose reminders."
    )


def test_cancelling_says_nothing_was_recorded() -> None:
    assert views.cancelled().text == "OK, nothing was recorded."


def test_a_titration_step_says_the_new_dose_and_the_next_one() -> None:
    change = _change(ChangeAction.ADJUST, recorded_role=None, titration_id=9)
    applied = AppliedStep(
        LILY, _medication(), _plan(), change, TWICE, MORE, [(date(2026, 12, 3), Decimal("750"))]
    )

    assert titration_views.step(applied).text.splitlines() == [
        "📈 <b>Lily: titration step</b>",
        "levetiracetam: 250 mg at 08:00, 20:00 → <b>500 mg at 08:00, 20:00</b>",
        "When: from Thu 26 Nov 2026",
        "Next: 750 mg from Thu 03 Dec 2026.",
    ]


def test_the_last_titration_step_says_the_target_is_reached() -> None:
    change = _change(ChangeAction.ADJUST, recorded_role=None)
    applied = AppliedStep(LILY, _medication(), _plan(), change, TWICE, MORE, [])

    assert titration_views.step(applied).text.splitlines()[-1] == (
        "That was the last step: the target dose is reached."
    )


def test_a_paused_plan_says_at_which_dose_and_how_to_resume() -> None:
    state = PlanState(LILY, _medication(), _plan(next_step_at=None), [])

    assert titration_views.plan_state(state, "<Anna>").text == (
        "⏸ <b>Lily</b>: the levetiracetam titration is paused at 250 mg. "
        "&lt;Anna&gt; paused it; resume with /med resume levetiracetam."
    )


def test_a_resumed_plan_says_the_next_step() -> None:
    state = PlanState(LILY, _medication(), _plan(), [(date(2026, 12, 3), Decimal("500"))])

    assert titration_views.plan_state(state, "Anna").text == (
        "▶️ <b>Lily</b>: the levetiracetam titration goes on. "
        "Next: 500 mg from Thu 03 Dec 2026. (Anna)"
    )
