"""Doses typed in mg/kg/day: worked out in mg from the child's weight, for each dose of the day.

``10 mg/kg/day`` for a child of 22 kg taken twice daily is 220 mg a day, 110 mg a dose. The
dose in mg is what the regimen records and the reminders say; the figure typed and the
weight it was worked out with are kept beside it. A dose is rounded to four significant
figures, whole mg at most and four decimals at least, finer than any syringe or tablet:
1833 mg, 112.5 mg, 76.67 mg, 0.045 mg.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from bot.services.errors import DomainError
from bot.services.medications.parsing import MedChange, MedStart, Titration

PER_KG = "mg/kg/day"
UNIT = "mg"
WEIGHT_LIMITS = (Decimal("0.5"), Decimal(200))  # kg: a premature baby to a heavy teenager
WEIGHT_PLACES = Decimal("0.01")
# A child's weight changes: one older than this is asked again before dosing from it.
WEIGHT_FRESH_FOR = timedelta(days=90)
SIGNIFICANT = 4
MAX_PLACES = 4


@dataclass(frozen=True)
class PerKg:
    """A dose worked out from a weight: the figure typed, the weight, and the result."""

    per_kg_day: Decimal
    weight_kg: Decimal
    daily: Decimal  # mg a day, unrounded
    dose: Decimal  # mg each time, rounded
    doses_a_day: int  # 0: as needed (one dose)

    @property
    def rounded(self) -> bool:
        """Whether the dose each time was rounded."""
        return self.dose * max(self.doses_a_day, 1) != self.daily


def round_dose(value: Decimal) -> Decimal:
    """``value`` to four significant figures, in whole mg at most and four decimals at least."""
    if value <= 0:
        return Decimal(0)
    exponent = min(value.adjusted() - SIGNIFICANT + 1, 0)
    quantum = Decimal(1).scaleb(max(exponent, -MAX_PLACES))
    return value.quantize(quantum, rounding=ROUND_HALF_UP).normalize()


def per_dose(per_kg_day: Decimal, weight_kg: Decimal, doses_a_day: int) -> Decimal:
    """The mg each time for ``per_kg_day`` at ``weight_kg``, given ``doses_a_day`` times."""
    return round_dose(per_kg_day * weight_kg / max(doses_a_day, 1))


def work_out(per_kg_day: Decimal, weight_kg: Decimal, doses_a_day: int) -> PerKg:
    """The dose in mg for ``per_kg_day`` at ``weight_kg``; refuse one too small to record."""
    dose = per_dose(per_kg_day, weight_kg, doses_a_day)
    if dose == 0:
        raise DomainError("medications.weight.dose_too_small")
    return PerKg(per_kg_day, weight_kg, per_kg_day * weight_kg, dose, doses_a_day)


Dosed = TypeVar("Dosed", MedStart, MedChange)


def in_mg(command: Dosed, weight_kg: Decimal, doses_a_day: int) -> tuple[Dosed, PerKg]:
    """``command`` with its mg/kg/day dose (and titration) worked out in mg."""
    assert command.amount is not None and command.unit == PER_KG
    basis = work_out(command.amount, weight_kg, doses_a_day)
    plan = command.titration
    if plan is not None:
        step = per_dose(abs(plan.step), weight_kg, doses_a_day)
        target = per_dose(plan.target, weight_kg, doses_a_day)
        sign = 1 if plan.step > 0 else -1
        if step == 0 or target == basis.dose:
            raise DomainError("medications.weight.plan_too_small")
        plan = Titration(sign * step, plan.every_days, target)
    return replace(command, amount=basis.dose, unit=UNIT, titration=plan), basis


def is_per_kg(command: object) -> bool:
    """Whether ``command`` gives its dose in mg/kg/day."""
    return isinstance(command, MedStart | MedChange) and command.unit == PER_KG


def fresh(weight_kg: Decimal | None, recorded_at: datetime | None, now: datetime) -> bool:
    """Whether a recorded weight is recent enough to dose from."""
    if weight_kg is None or recorded_at is None:
        return False
    return now - recorded_at <= WEIGHT_FRESH_FOR


def checked_weight(value: Decimal) -> Decimal:
    """``value`` as a weight in kg (two decimals), or the refusal saying what is expected."""
    low, high = WEIGHT_LIMITS
    if not low <= value <= high:
        raise DomainError("medications.weight.out_of_range", low=str(low), high=str(high))
    return value.quantize(WEIGHT_PLACES, rounding=ROUND_HALF_UP)
