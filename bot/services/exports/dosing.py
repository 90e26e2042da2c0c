"""Dose periods: each stretch of time one medicine was taken at one dosing, from its changes."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.services.digests.period import Period
from bot.services.medications.regimen import Dosing, apply
from models import Medication, MedicationChange


@dataclass(frozen=True)
class Step:
    """One change with the dosing before and after it."""

    change: MedicationChange
    before: Dosing | None
    after: Dosing | None


@dataclass(frozen=True)
class DosePeriod:
    """A medicine taken at one dosing from ``start`` until ``end`` (None: still so)."""

    medication: Medication
    dosing: Dosing
    start: datetime
    end: datetime | None
    opened_by: MedicationChange
    ended_by: MedicationChange | None

    def overlaps(self, period: Period) -> bool:
        return self.start < period.end and (self.end is None or self.end > period.start)


def steps(changes: Sequence[MedicationChange]) -> list[Step]:
    """Every change (in effect order) with the dosing of its medicine before and after it."""
    dosing: dict[int, Dosing | None] = {}
    found = []
    for change in changes:
        before = dosing.get(change.medication_id)
        after = dosing[change.medication_id] = apply(before, change)
        found.append(Step(change, before, after))
    return found


def dose_periods(
    medications: dict[int, Medication], changes: Sequence[MedicationChange]
) -> list[DosePeriod]:
    """Each medicine's dose periods: a change opens one, the next change of it ends it."""
    periods: list[DosePeriod] = []
    open_by_medicine: dict[int, int] = {}
    for step in steps(changes):
        change = step.change
        index = open_by_medicine.pop(change.medication_id, None)
        if index is not None:
            ending = periods[index]
            periods[index] = DosePeriod(
                ending.medication, ending.dosing, ending.start, change.effective_at,
                ending.opened_by, change,
            )  # fmt: skip
        if step.after is not None:
            open_by_medicine[change.medication_id] = len(periods)
            periods.append(
                DosePeriod(
                    medications[change.medication_id],
                    step.after,
                    change.effective_at,
                    None,
                    change,
                    None,
                )  # fmt: skip
            )
    return [p for p in periods if p.end is None or p.end > p.start]


class Doses:
    """The dosing of any medicine at any moment, from its dose periods."""

    def __init__(self, periods: Sequence[DosePeriod]) -> None:
        self._starts: dict[int, list[datetime]] = {}
        self._periods: dict[int, list[DosePeriod]] = {}
        for period in sorted(periods, key=lambda p: p.start):
            self._starts.setdefault(period.medication.id, []).append(period.start)
            self._periods.setdefault(period.medication.id, []).append(period)

    def at(self, medication_id: int, moment: datetime) -> DosePeriod | None:
        """The dose period of the medicine at ``moment``, if it was taken then."""
        index = bisect.bisect_right(self._starts.get(medication_id, []), moment) - 1
        if index < 0:
            return None
        found = self._periods[medication_id][index]
        return found if found.end is None or moment < found.end else None
