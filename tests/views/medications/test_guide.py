"""The guided /med screens: what to record, which medicine, and what to type."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from bot.services.medications.guide import GuideQuestion, GuideStep
from bot.services.medications.regimen import Dosing, RegimenEntry
from bot.views.medications import guide as views
from models import ChangeAction, Child, Medication, MedicationChange, WizardState
from tests.views.screens import data, label_rows, url

LILY = Child(id=7, name="Lily", timezone="Europe/London")
TICKET = 31337
SINCE = datetime(2026, 10, 1, tzinfo=UTC)


def _state(step: GuideStep, **data: object) -> WizardState:
    return WizardState(
        person_id=1, chat_id=1, flow="med", step=step, data={"_ticket": TICKET, **data}
    )


def _entry(medication_id: int, name: str, dosing: Dosing) -> RegimenEntry:
    medication = Medication(
        id=medication_id,
        child_id=7,
        name=name,
        name_as_typed=name,
        dose_amount=dosing.amount,
        dose_unit=dosing.unit,
    )
    change = MedicationChange(
        id=medication_id,
        medication_id=medication_id,
        child_id=7,
        action=ChangeAction.START,
        effective_at=SINCE,
    )
    return RegimenEntry(medication, dosing, SINCE, change, None)


LEV = _entry(5, "levetiracetam", Dosing(Decimal("250"), "mg", ("08:00", "20:00")))
CLB = _entry(6, "<clobazam>", Dosing(Decimal("5"), "mg", ()))


def test_the_menu_asks_what_to_record_one_button_per_kind_of_change() -> None:
    reply = views.question(GuideQuestion(_state(GuideStep.MENU), LILY))

    assert reply.text == "What would you like to record for <b>Lily</b>?"
    assert label_rows(reply) == [
        ["➕ Start a medicine"],
        ["✏️ Change a dose or times"],
        ["⏹ Stop a medicine"],
        ["✖️ Cancel"],
    ]
    assert data(reply, "✏️ Change a dose or times") == f"med:{TICKET}:change"
    assert data(reply, "✖️ Cancel") == f"med:{TICKET}:cancel"


def test_picking_offers_each_medicine_on_the_regimen_by_name() -> None:
    question = GuideQuestion(_state(GuideStep.PICK, verb="stop"), LILY, choices=[LEV, CLB])

    reply = views.question(question)

    assert reply.text == "Which medicine stops?"
    assert label_rows(reply) == [["levetiracetam"], ["<clobazam>"], ["✖️ Cancel"]]
    assert data(reply, "levetiracetam") == f"med:{TICKET}:stop:5"


def test_starting_asks_for_the_line_with_examples() -> None:
    reply = views.question(GuideQuestion(_state(GuideStep.START), LILY))

    assert reply.text.startswith("Type the medicine, the dose and the times. For example:")
    assert label_rows(reply) == [["✖️ Cancel"]]


def test_changing_names_the_medicine_and_how_it_is_taken_now() -> None:
    reply = views.question(GuideQuestion(_state(GuideStep.CHANGE), LILY, entry=LEV))

    assert reply.text.startswith(
        "What changes for <b>levetiracetam</b> (now 250 mg at 08:00, 20:00)?"
    )


def test_stopping_asks_why_and_the_reason_can_be_skipped() -> None:
    reply = views.question(GuideQuestion(_state(GuideStep.STOP), LILY, entry=CLB))

    assert reply.text == "Why does <b>&lt;clobazam&gt;</b> stop? Type the reason, or tap Skip."
    assert label_rows(reply) == [["Skip"], ["✖️ Cancel"]]
    assert data(reply, "Skip") == f"med:{TICKET}:skip"


def test_in_a_group_the_one_line_forms_are_shown_with_a_way_to_private() -> None:
    reply = views.in_private("CareCircleBot")

    assert reply.text.startswith("Send the change in one line here, for example:")
    assert url(reply, "Open a private chat") == "https://t.me/CareCircleBot"
