"""A child's usual daily range of each medicine: the typo guard, and the doses hints suggest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.medications import dose_ranges
from bot.services.medications.dose_ranges import RANGES, Finding, Side, assess, outside
from bot.services.medications.drugs import SYNONYMS
from bot.services.medications.parsing import MedChange, MedStart, parse_med_command
from bot.texts import FOLDER

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Dosing:
    amount: Decimal
    unit: str
    times: tuple[str, ...] = ("08:00",)


def test_every_medicine_in_the_dictionary_has_a_childs_range() -> None:
    assert set(RANGES) == set(SYNONYMS)
    for generic, found in RANGES.items():
        low, high = found.mg
        assert 0 < low < high, generic
        if found.mg_per_kg is not None:
            assert 0 < found.mg_per_kg[0] < found.mg_per_kg[1], generic


@pytest.mark.parametrize("generic", sorted(RANGES))
def test_the_example_dose_of_each_medicine_is_one_the_guard_accepts(generic: str) -> None:
    amount, times = RANGES[generic].example
    command = parse_med_command(f"start {generic} {amount} {times}", now=NOW, timezone="UTC")

    assert isinstance(command, MedStart)
    assert assess(generic, Dosing(command.amount, command.unit, command.times)) is None


def _examples() -> list[str]:
    """Every /med line the texts show as an example (with its verb)."""
    found = []
    for path in sorted(FOLDER.glob("en/*.ftl")):
        for code in re.findall(r"(?:/med |<code>)((?:start|change) [^<\n\"{}]+)", path.read_text()):
            found.append(code.strip())
    return found


def test_the_texts_show_examples() -> None:
    assert len(_examples()) >= 10


@pytest.mark.parametrize("line", _examples())
def test_every_example_dose_in_the_texts_is_a_plausible_childs_dose(line: str) -> None:
    command = parse_med_command(line, now=NOW, timezone="UTC")

    assert isinstance(command, MedStart | MedChange)
    if command.amount is not None and command.unit is not None:
        dosing = Dosing(command.amount, command.unit, command.times or ("08:00", "20:00"))
        plan = command.titration
        target = Dosing(plan.target, command.unit, dosing.times) if plan else None
        assert outside(command.drug.generic, None, dosing, target) is None


@pytest.mark.parametrize(
    ("dosing", "finding"),
    [
        (Dosing(Decimal(2000), "mg", ("08:00", "20:00")), (Side.ABOVE, 4000, 3000, "mg")),
        (Dosing(Decimal("3.5"), "g"), (Side.ABOVE, 3500, 3000, "mg")),
        (Dosing(Decimal(31), "ml"), (Side.ABOVE, 3100, 3000, "mg")),
        (Dosing(Decimal(61), "mg/kg/day", ("08:00", "20:00")), (Side.ABOVE, 61, 60, "mg/kg")),
        (Dosing(Decimal("1.9"), "mg"), (Side.BELOW, Decimal("1.9"), 20, "mg")),
        (Dosing(Decimal("0.5"), "mg/kg/day"), (Side.BELOW, Decimal("0.5"), 7, "mg/kg")),
    ],
)
def test_levetiracetam_outside_a_childs_range(dosing: Dosing, finding: tuple) -> None:
    found = assess("levetiracetam", dosing)

    assert found is not None
    assert (found.side, found.daily, found.limit, found.unit) == finding


@pytest.mark.parametrize(
    "dosing",
    [
        Dosing(Decimal(1500), "mg", ("08:00", "20:00")),
        Dosing(Decimal(2), "mg"),
        Dosing(Decimal(15), "ml", ("08:00", "20:00")),
        Dosing(Decimal(60), "mg/kg/day", ("08:00", "20:00")),
        Dosing(Decimal(99), "tablets"),
        Dosing(Decimal(99), "drops"),
    ],
)
def test_levetiracetam_within_a_childs_range_or_in_units_not_guarded(dosing: Dosing) -> None:
    assert assess("levetiracetam", dosing) is None


def test_ml_of_a_medicine_sold_in_several_strengths_is_not_guarded() -> None:
    assert assess("valproate", Dosing(Decimal(500), "ml")) is None
    assert assess("valproate", Dosing(Decimal(5000), "mg")) is not None


def test_an_as_needed_dose_counts_once() -> None:
    assert assess("midazolam", Dosing(Decimal(10), "mg", ())) is None
    assert assess("midazolam", Dosing(Decimal(25), "mg", ())) is not None


def test_an_unknown_medicine_has_no_range() -> None:
    assert assess("melatonin", Dosing(Decimal(10**7), "mg")) is None
    assert dose_ranges.example("melatonin") is None


def test_a_change_within_an_unusual_dose_is_not_flagged_again_unless_it_goes_further() -> None:
    high = Dosing(Decimal(2000), "mg", ("08:00", "20:00"))
    moved = Dosing(Decimal(2000), "mg", ("07:00", "19:00"))
    lower = Dosing(Decimal(1800), "mg", ("08:00", "20:00"))
    more = Dosing(Decimal(2000), "mg", ("08:00", "14:00", "20:00"))

    assert outside("levetiracetam", high, moved) is None
    assert outside("levetiracetam", high, lower) is None
    assert outside("levetiracetam", high, more) == Finding(
        "levetiracetam", Side.ABOVE, Decimal(6000), Decimal(3000), "mg", None
    )


def test_a_titration_target_above_the_maximum_is_flagged_but_a_taper_to_nothing_is_not() -> None:
    now = Dosing(Decimal(500), "mg", ("08:00", "20:00"))

    aim = outside("levetiracetam", None, now, Dosing(Decimal(5000), "mg", now.times))
    taper = outside("clobazam", None, Dosing(Decimal(10), "mg"), Dosing(Decimal(0), "mg"))

    assert aim is not None and aim.of_target and aim.daily == 10000
    assert taper is None


AMOUNTS = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**8), places=4)
UNITS = st.sampled_from(["mg", "g", "ml", "mg/kg/day", "drops", "tablets"])
TIMES = st.lists(st.sampled_from(["08:00", "12:00", "16:00", "20:00"]), max_size=4, unique=True)


@given(st.sampled_from(sorted(RANGES)), AMOUNTS, AMOUNTS, UNITS, TIMES)
def test_a_bigger_dose_is_never_judged_less_unusual_than_a_smaller_one(
    generic: str, first: Decimal, second: Decimal, unit: str, times: list[str]
) -> None:
    small, big = sorted((first, second))
    smaller = assess(generic, Dosing(small, unit, tuple(times)))
    bigger = assess(generic, Dosing(big, unit, tuple(times)))

    if smaller is not None and smaller.side == Side.ABOVE:
        assert bigger is not None and bigger.side == Side.ABOVE
    if bigger is not None and bigger.side == Side.BELOW:
        assert smaller is not None and smaller.side == Side.BELOW
    for found in (smaller, bigger):
        if found is not None and found.side == Side.ABOVE:
            assert found.daily > found.limit
        if found is not None and found.side == Side.BELOW:
            assert found.daily * 10 < found.limit
