"""The confirmation of a dose outside a child's usual range: it names the amount and the limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.medications import dose_ranges
from bot.services.medications.changes import ConfirmReason, Pending, Proposal
from bot.services.medications.parsing import MedChange, MedStart, parse_med_command
from bot.services.medications.regimen import Dosing
from bot.views.medications import changes as views
from models import Child

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LILY = Child(id=7, name="Lily", timezone="Europe/London", emergency_threshold_seconds=300)


def question(line: str) -> list[str]:
    """The confirmation lines a start of ``line`` would show."""
    command = parse_med_command(line, now=NOW, timezone=LILY.timezone)
    assert isinstance(command, MedStart | MedChange)
    assert command.amount is not None and command.unit is not None and command.times is not None
    after = Dosing(command.amount, command.unit, command.times)
    plan = command.titration
    target = Dosing(plan.target, after.unit, after.times) if plan else None
    finding = dose_ranges.outside(command.drug.generic, None, after, target)
    assert finding is not None
    proposal = Proposal(command, LILY, None, None, after, (ConfirmReason.DOSE_RANGE,), finding)
    return views.confirm(Pending(proposal, ticket=1)).text.splitlines()


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "start levetiracetam 99999999 mg 08:00",
            "⚠️ That is 99,999,999 mg a day, above the usual maximum for levetiracetam"
            " (about 3,000 mg a day).",
        ),
        (
            "start Keppra 20 ml 08:00 20:00",
            "⚠️ That is 4,000 mg a day as the 100 mg/ml liquid, above the usual maximum"
            " for levetiracetam (about 3,000 mg a day).",
        ),
        (
            "start valproate 100 mg/kg/day bd",
            "⚠️ That is 100 mg/kg a day, above the usual maximum for valproate"
            " (about 60 mg/kg a day).",
        ),
        (
            "start clonazepam 0.001 mg 20:00",
            "⚠️ That is 0.001 mg a day, far below the usual dose of clonazepam"
            " (at least about 0.03 mg a day).",
        ),
        (
            "start levetiracetam 500 mg 08:00 20:00 increase by 250 mg every 7 days to 5000 mg",
            "⚠️ The plan's target is 10,000 mg a day, above the usual maximum for levetiracetam"
            " (about 3,000 mg a day).",
        ),
    ],
)
def test_the_confirmation_names_the_daily_amount_and_the_usual_limit(line: str, said: str) -> None:
    lines = question(line)

    assert lines[0] == "Please check before I record this:"
    assert lines[2:] == [said, "Confirm?"]
