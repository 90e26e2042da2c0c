"""How much of each medicine in the dictionary a child plausibly takes in a day.

These numbers guard against typos (a missing decimal point, mg for micrograms, an extra
zero): a dose outside them is confirmed before it is recorded. They are not dosing advice
and never refuse anything. Each maximum is the highest daily amount the cited reference
allows a child (usually the 12–17 years or >= 50 kg dose, the largest); each minimum is the
smallest usual daily amount for the smallest child, and only a tenth of it counts as "far
below". BNFc is the BNF for Children monograph of the medicine; SmPC and US label are the
manufacturer's product information.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Protocol

D = Decimal
FAR_BELOW = D(10)  # below a tenth of the smallest usual dose is a slip, not a dose
MG_PER_G = D(1000)


@dataclass(frozen=True)
class DoseRange:
    """The daily amounts a child plausibly takes, and an example for hints."""

    mg: tuple[Decimal, Decimal]  # smallest usual and largest daily amount, in mg a day
    mg_per_kg: tuple[Decimal, Decimal] | None  # the same in mg/kg a day, where one is stated
    mg_per_ml: Decimal | None  # strength of its liquid, when only one strength is sold
    example: tuple[str, str]  # a usual first dose for a child and its times ("" as needed)


RANGES: dict[str, DoseRange] = {
    # BNFc: 1–5 months from 7 mg/kg once daily; >= 50 kg max 1.5 g twice daily; < 50 kg max
    # 30 mg/kg twice daily. Oral solution 100 mg/ml (Keppra SmPC, the one strength).
    "levetiracetam": DoseRange((D(20), D(3000)), (D(7), D(60)), D(100), ("250 mg", "08:00 20:00")),
    # BNFc: 1 month–11 years from 10 mg/kg daily, max 60 mg/kg daily; 12–17 years max 2.5 g
    # daily. Liquids of several strengths (200 mg/5 ml, 200 mg/ml).
    "valproate": DoseRange((D(30), D(2500)), (D(10), D(60)), None, ("200 mg", "08:00 20:00")),
    # BNFc: 1–11 months from 250 micrograms at night; 12–17 years maintenance 4–8 mg daily.
    # US label (Klonopin): infants from 0.01 mg/kg daily, maintenance up to 0.2 mg/kg daily.
    "clonazepam": DoseRange((D("0.03"), D(8)), (D("0.01"), D("0.2")), None, ("0.25 mg", "20:00")),
    # BNFc: 2–17 years from 0.5–1 mg/kg at night, max 15 mg/kg daily; 12–17 years
    # monotherapy max 500 mg daily.
    "topiramate": DoseRange((D(1), D(500)), (D("0.5"), D(15)), None, ("25 mg", "20:00")),
    # BNFc: 6–17 years from 1 mg/kg once daily, maintenance 6–8 mg/kg once daily, max 500 mg
    # daily.
    "zonisamide": DoseRange((D(10), D(500)), (D(1), D(8)), None, ("25 mg", "08:00")),
    # BNFc: 1 month–5 years from 125 micrograms/kg twice daily, max 500 micrograms/kg twice
    # daily; 6–17 years max 60 mg daily.
    "clobazam": DoseRange((D(1), D(60)), (D("0.25"), D(1)), None, ("5 mg", "20:00")),
    # BNFc: 1 month–5 years from 5 mg/kg twice daily, max 20 mg/kg twice daily; 6–17 years
    # max 2 g daily. Syrup 250 mg/5 ml (Zarontin SmPC, the one strength).
    "ethosuximide": DoseRange((D(20), D(2000)), (D(10), D(40)), D(50), ("250 mg", "08:00 20:00")),
    # BNFc: 16–17 years (cortical myoclonus) from 7.2 g daily, max 24 g daily (Nootropil
    # SmPC); younger children off label, from about 50 mg/kg daily. Solution 333 mg/ml.
    "piracetam": DoseRange((D(200), D(24000)), None, D(333), ("800 mg", "08:00 20:00")),
    # Fycompa SmPC: from 4 years, 1–2 mg daily at first, max 12 mg daily. Oral suspension
    # 0.5 mg/ml (the one strength).
    "perampanel": DoseRange((D(1), D(12)), None, D("0.5"), ("2 mg", "20:00")),
    # Briviact SmPC: from 1 month, < 50 kg from 0.5 mg/kg twice daily, up to 3 mg/kg twice
    # daily (< 10 kg); >= 50 kg max 100 mg twice daily. Oral solution 10 mg/ml.
    "brivaracetam": DoseRange((D(2), D(200)), (D(1), D(6)), D(10), ("25 mg", "08:00 20:00")),
    # BNFc: 2–11 years with valproate from 150 micrograms/kg daily; without, max 15 mg/kg
    # daily; 12–17 years with enzyme inducers max 700 mg daily.
    "lamotrigine": DoseRange((D(1), D(700)), (D("0.15"), D(15)), None, ("5 mg", "08:00")),
    # BNFc (buccal, seizures): 1–2 months 300 micrograms/kg; 10–17 years 10 mg, repeated
    # once if needed. Liquids of several strengths (5 mg/ml, 10 mg/ml).
    "midazolam": DoseRange((D("0.5"), D(20)), None, None, ("5 mg", "")),
    # BNFc (rectal, seizures): neonates 1.25–2.5 mg; 12–17 years 10–20 mg, repeated once if
    # needed. Tubes and liquids of several strengths.
    "diazepam": DoseRange((D(1), D(40)), None, None, ("5 mg", "")),
}


class Side(enum.StrEnum):
    ABOVE = "above"
    BELOW = "below"


@dataclass(frozen=True)
class Finding:
    """A daily amount outside the usual range: which side, and the limit it passes."""

    generic: str
    side: Side
    daily: Decimal
    limit: Decimal  # the usual maximum, or the smallest usual amount
    unit: str  # "mg" or "mg/kg"
    mg_per_ml: Decimal | None  # the strength an amount in ml was read as
    of_target: bool = False  # about a titration's target, not the dose now


class Dosed(Protocol):
    """An amount, its unit, and its times of day (none: as needed)."""

    @property
    def amount(self) -> Decimal: ...
    @property
    def unit(self) -> str: ...
    @property
    def times(self) -> Sequence[str]: ...


def example(generic: str) -> tuple[str, str] | None:
    """A usual first dose of ``generic`` for a child and its times, or None if unknown."""
    found = RANGES.get(generic)
    return found.example if found else None


def _daily(found: DoseRange, dosing: Dosed) -> tuple[Decimal, str, Decimal | None] | None:
    """The amount a day in mg (or mg/kg), and the strength used; None if it can't be told."""
    doses = max(len(dosing.times), 1)  # as needed: one dose
    if dosing.unit == "mg/kg/day":
        return (dosing.amount, "mg/kg", None) if found.mg_per_kg else None
    per_mg = {"mg": D(1), "g": MG_PER_G, "ml": found.mg_per_ml}.get(dosing.unit)
    if per_mg is None:
        return None  # drops, tablets, or a liquid of unknown strength
    strength = found.mg_per_ml if dosing.unit == "ml" else None
    return dosing.amount * per_mg * doses, "mg", strength


def assess(generic: str, dosing: Dosed, *, below: bool = True) -> Finding | None:
    """Whether ``dosing`` is above the usual daily maximum (or, with ``below``, far below)."""
    found = RANGES.get(generic)
    daily = _daily(found, dosing) if found else None
    if found is None or daily is None:
        return None
    amount, unit, strength = daily
    low, high = found.mg_per_kg if unit == "mg/kg" and found.mg_per_kg else found.mg
    if amount > high:
        return Finding(generic, Side.ABOVE, amount, high, unit, strength)
    if below and amount * FAR_BELOW < low:
        return Finding(generic, Side.BELOW, amount, low, unit, strength)
    return None


def _moves_out(finding: Finding, before: Finding | None) -> bool:
    """Whether a change takes the dose out of range, or further out than it already was."""
    if before is None or (before.side, before.unit) != (finding.side, finding.unit):
        return True
    if finding.side == Side.ABOVE:
        return finding.daily > before.daily
    return finding.daily < before.daily


def outside(
    generic: str, before: Dosed | None, after: Dosed, target: Dosed | None = None
) -> Finding | None:
    """What a change makes newly unusual: the dose after it, or the target it titrates to.

    A taper's target is never "far below": tapering off ends at nothing.
    """
    was = assess(generic, before) if before is not None else None
    found = assess(generic, after)
    if found is not None and _moves_out(found, was):
        return found
    aim = assess(generic, target, below=False) if target is not None else None
    return replace(aim, of_target=True) if aim is not None and _moves_out(aim, was) else None
