"""The /meds screen: the medicines now or on a date, titration plans, and who is reminded when."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from bot.services.doses.duties import Duties, Duty
from bot.services.medications.regimen import Dosing, PlannedChange, RegimenEntry, RegimenPage
from bot.views.medications import regimen as views
from models import (
    ChangeAction,
    Child,
    Medication,
    MedicationChange,
    Membership,
    Person,
    Role,
    Titration,
)
from tests.views.screens import all_data, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
STARTED = datetime(2026, 10, 1, 0, 0, tzinfo=UTC)  # Thu 01 Oct 2026 in London
CHANGED = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
NEXT_WEEK = datetime(2026, 12, 2, 0, 0, tzinfo=UTC)
TWICE = Dosing(Decimal("250"), "mg", ("08:00", "20:00"))
MORE = Dosing(Decimal("500"), "mg", ("08:00", "20:00"))
LEV = Medication(
    id=5,
    child_id=7,
    name="levetiracetam",
    name_as_typed="Keppra",
    dose_amount=Decimal("500"),
    dose_unit="mg",
)
GUARDIAN = Membership(id=1, child_id=7, person_id=1, role=Role.GUARDIAN)
EDUCATOR = Membership(id=2, child_id=7, person_id=2, role=Role.EDUCATOR)


def _change(action: ChangeAction, effective_at: datetime, **changes: object) -> MedicationChange:
    values: dict = dict(
        id=11,
        medication_id=5,
        child_id=7,
        action=action,
        reason=None,
        effective_at=effective_at,
        recorded_by_id=1,
        recorded_role=Role.GUARDIAN,
    )
    return MedicationChange(**{**values, **changes})


def _entry(**changes: object) -> RegimenEntry:
    values: dict = dict(
        medication=LEV,
        dosing=MORE,
        since=STARTED,
        last_change=_change(ChangeAction.ADJUST, CHANGED),
        previous=TWICE,
    )
    return RegimenEntry(**{**values, **changes})


def _plan(**changes: object) -> Titration:
    values: dict = dict(
        id=9,
        medication_id=5,
        child_id=7,
        step=Decimal("250"),
        unit="mg",
        every_days=7,
        target=Decimal("1000"),
        next_step_at=NEXT_WEEK,
    )
    return Titration(**{**values, **changes})


def _page(entries: list[RegimenEntry], **changes: object) -> RegimenPage:
    values: dict = dict(
        child=LILY,
        moment=NOW,
        is_now=True,
        entries=entries,
        planned=[],
        plans={},
        names={1: "Anna"},
        viewer=GUARDIAN,
    )
    return RegimenPage(**{**values, **changes})


def test_each_medicine_shows_its_dosing_since_when_the_last_change_and_who() -> None:
    entry = _entry(last_change=_change(ChangeAction.ADJUST, CHANGED, reason="<more> jerks"))

    reply = views.regimen(_page([entry]))

    assert reply.text.splitlines() == [
        "💊 <b>Lily's medicines</b> — now",
        "• <b>levetiracetam (typed as Keppra)</b>: 500 mg at 08:00, 20:00",
        "   since Thu 01 Oct 2026",
        "   last change Mon 02 Nov 2026: 250 mg at 08:00, 20:00 → 500 mg at 08:00, 20:00",
        "   why: &lt;more&gt; jerks",
        "   recorded by Anna (guardian)",
    ]
    assert reply.buttons == []


def test_a_medicine_just_started_has_no_change_line() -> None:
    entry = _entry(dosing=TWICE, previous=None, last_change=_change(ChangeAction.START, STARTED))

    lines = views.regimen(_page([entry])).text.splitlines()

    assert lines[2:] == ["   since Thu 01 Oct 2026", "   recorded by Anna (guardian)"]


def test_a_recorder_no_longer_known_is_someone() -> None:
    entry = _entry(last_change=_change(ChangeAction.ADJUST, CHANGED, recorded_by_id=99))

    assert views.regimen(_page([entry])).text.splitlines()[-1] == (
        "   recorded by someone (guardian)"
    )


def test_an_empty_regimen_says_so() -> None:
    assert views.regimen(_page([])).text.splitlines() == [
        "💊 <b>Lily's medicines</b> — now",
        "No medicines on the regimen.",
    ]


def test_a_past_date_is_named_in_the_title_and_shows_no_plans() -> None:
    page = _page([_entry()], moment=CHANGED, is_now=False, plans={5: _plan()})

    reply = views.regimen(page)

    assert reply.text.splitlines()[0] == "💊 <b>Lily's medicines</b> — on Mon 02 Nov 2026"
    assert "📈" not in reply.text and reply.buttons == []


def test_an_active_plan_shows_the_next_step_and_a_guardian_can_pause_it() -> None:
    reply = views.regimen(_page([_entry()], plans={5: _plan()}))

    assert reply.text.splitlines()[-1] == (
        "   📈 +250 mg every 7 days up to 1000 mg; next: 750 mg from Wed 02 Dec 2026"
    )
    assert labels(reply) == ["⏸ Pause levetiracetam titration"]
    assert all_data(reply) == ["titr:9:pause"]


def test_the_next_step_never_passes_the_target() -> None:
    plan = _plan(step=Decimal("-300"), target=Decimal("250"))

    assert views.regimen(_page([_entry()], plans={5: plan})).text.splitlines()[-1] == (
        "   📈 −300 mg every 7 days up to 250 mg; next: 250 mg from Wed 02 Dec 2026"
    )


def test_a_paused_plan_can_be_resumed() -> None:
    reply = views.regimen(_page([_entry()], plans={5: _plan(next_step_at=None)}))

    assert reply.text.splitlines()[-1] == "   ⏸ titration paused at this dose (target 1000 mg)"
    assert labels(reply) == ["▶️ Resume levetiracetam titration"]
    assert all_data(reply) == ["titr:9:resume"]


def test_someone_who_may_not_change_medicines_sees_the_plan_without_a_button() -> None:
    reply = views.regimen(_page([_entry()], plans={5: _plan()}, viewer=EDUCATOR))

    assert "📈 +250 mg" in reply.text
    assert reply.buttons == []


def test_changes_still_to_come_are_listed_after_the_regimen() -> None:
    stop = PlannedChange(_change(ChangeAction.STOP, NEXT_WEEK), LEV, MORE, None)
    more = PlannedChange(_change(ChangeAction.ADJUST, NEXT_WEEK), LEV, TWICE, MORE)

    lines = views.regimen(_page([_entry()], planned=[more, stop])).text.splitlines()

    assert lines[-4:] == [
        "",
        "Coming up:",
        "• from Wed 02 Dec 2026: levetiracetam 250 mg at 08:00, 20:00 → 500 mg at 08:00, 20:00",
        "• from Wed 02 Dec 2026: levetiracetam 500 mg at 08:00, 20:00 → stopped",
    ]


def test_duties_say_who_is_reminded_at_each_time() -> None:
    anna, gran = (
        Person(id=n, telegram_user_id=n, first_name=name)
        for n, name in ((1, "Anna"), (2, "<Gran>"))
    )
    duties = Duties(
        LILY,
        [
            Duty("08:00", [Role.GUARDIAN], [anna, gran], True),
            Duty("12:30", [Role.EDUCATOR], [], False),
        ],
    )

    lines = views.duties(duties).text.splitlines()

    assert lines[:3] == [
        "👥 <b>Who is reminded of Lily's doses</b>",
        "08:00: Anna, &lt;Gran&gt; (default)",
        "12:30: nobody on the team can record doses yet",
    ]
    assert lines[-1].startswith("Change it with, for example, <code>/med who 12:30 educator</code>")


def test_without_dose_times_the_duties_say_so() -> None:
    assert views.duties(Duties(LILY, [])).text.splitlines()[1] == "No dose times yet."
