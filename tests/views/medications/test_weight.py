"""The working-out of a dose from mg/kg/day, as the confirmation says it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.services.medications.per_kg import work_out
from bot.views.medications.weight import worked_out


@pytest.mark.parametrize(
    ("per_kg", "kg", "doses", "said"),
    [
        ("10", "22", 2, "⚖️ 10 mg/kg/day × 22 kg = 220 mg a day, 110 mg twice daily."),
        ("30", "15", 1, "⚖️ 30 mg/kg/day × 15 kg = 450 mg a day, 450 mg once daily."),
        ("10", "23", 3, "⚖️ 10 mg/kg/day × 23 kg = 230 mg a day, about 76.67 mg 3 times daily"
                        " (rounded)."),
        ("0.3", "12.5", 0, "⚖️ 0.3 mg/kg/day × 12.5 kg = 3.75 mg a day, 3.75 mg each time,"
                           " as needed."),
    ],
)  # fmt: skip
def test_the_sum_is_shown_with_how_often(per_kg: str, kg: str, doses: int, said: str) -> None:
    assert worked_out(work_out(Decimal(per_kg), Decimal(kg), doses)) == said
