"""Titration plans in a /med line ("increase by 250 mg every 7 days to 1000 mg") and their steps."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from bot.services.medications.commands import Titration, fail
from bot.services.medications.drugs import normalise_unit
from bot.services.medications.reading import Cursor, Draft, PlannedTitration, amount
from bot.services.parsing.phrases import Phrasebook

MAX_STEP_DAYS = 365
MAX_TITRATION_STEPS = 100
_COUNT = re.compile(r"[0-9]{1,3}")


def _expect(cur: Cursor, book: Phrasebook[bool]) -> None:
    """Step over a phrase of ``book``, or fail: the plan is not in its one accepted shape."""
    found = cur.phrase(book)
    if found is None:
        fail("titration_malformed")
    cur.take(found[0])


def _quantity(cur: Cursor) -> tuple[Decimal, str | None]:
    """An amount with an optional unit inside a titration."""
    value = amount(cur.peek())
    if value is None or value < 0:
        fail("titration_malformed")
    cur.take()
    unit = normalise_unit(cur.peek())
    if unit is not None:
        cur.take()
    return value, unit


def _interval(cur: Cursor, draft: Draft) -> int:
    """The days in "every 7 days", "every 2 weeks", "every day", "every fortnight"."""
    count = 1
    if _COUNT.fullmatch(cur.peek()):
        count = int(cur.peek())
        cur.take()
    days = count * draft.words.periods.get(cur.peek(), 0)
    if not 1 <= days <= MAX_STEP_DAYS:
        fail("titration_malformed")
    cur.take()
    return days


def read_titration(cur: Cursor, draft: Draft) -> bool:
    """Read "increase by 250 mg every 7 days to 1000 mg" (or "decrease ... to 0 mg")."""
    found = cur.phrase(draft.words.directions)
    if found is None:
        return False
    if draft.titration is not None:
        fail("titration_malformed")
    cur.take(found[0])
    sign = found[1]
    words = draft.words
    _expect(cur, words.by)
    step, step_unit = _quantity(cur)
    _expect(cur, words.every)
    every_days = _interval(cur, draft)
    up_down = cur.phrase(words.up_down)
    if up_down and cur.phrase(words.until) is None:
        cur.take(up_down[0])
    _expect(cur, words.until)
    target, target_unit = _quantity(cur)
    units = frozenset(unit for unit in (step_unit, target_unit) if unit)
    draft.titration = PlannedTitration(sign * step, every_days, target, units)
    return True


def titration(draft: Draft) -> Titration | None:
    """The titration read, checked against the dose it starts from."""
    plan = draft.titration
    if plan is None:
        return None
    if draft.dose is None:
        fail("titration_needs_dose")
    dose, unit = draft.dose
    if plan.units - {unit}:
        fail("titration_unit_mismatch", unit=unit, other=", ".join(sorted(plan.units - {unit})))
    if plan.step == 0:
        fail("titration_malformed")
    gap = plan.target - dose
    if gap == 0:
        fail("titration_target_reached", target=f"{plan.target} {unit}")
    if gap * plan.step < 0:
        direction = "increase" if plan.step > 0 else "decrease"
        fail(
            "titration_direction",
            direction=direction,
            amount=f"{dose} {unit}",
            target=f"{plan.target} {unit}",
        )
    if gap / plan.step > MAX_TITRATION_STEPS:
        fail("titration_too_many_steps", limit=MAX_TITRATION_STEPS)
    return Titration(step=plan.step, every_days=plan.every_days, target=plan.target)


def titration_steps(
    current: Decimal, plan: Titration, first_step_on: date
) -> list[tuple[date, Decimal]]:
    """Each (day, new dose) of ``plan`` from ``current``; the last step lands on the target."""
    if plan.step == 0 or plan.every_days < 1:
        raise ValueError("a titration needs a non-zero step and at least a day between steps")
    clamp = min if plan.step > 0 else max
    steps: list[tuple[date, Decimal]] = []
    dose, day = current, first_step_on
    while (plan.target - dose) * plan.step > 0:
        dose = clamp(dose + plan.step, plan.target)
        steps.append((day, dose))
        day += timedelta(days=plan.every_days)
    return steps
