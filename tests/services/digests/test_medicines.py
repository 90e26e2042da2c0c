"""Medication changes in a digest: the windows around each, titrations, the responder flag."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from bot.services.digests import medicines
from bot.services.digests.period import Period
from bot.services.medications.regimen import Dosing, Timeline
from models import ChangeAction, Medication, MedicationChange, Titration, TitrationStatus
from tests.services.digests.month import at, nov

PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29), "Europe/London")
LEV, CLOB = 1, 2


def _timeline(*changes: MedicationChange) -> Timeline:
    medications = {
        LEV: Medication(id=LEV, name="levetiracetam", is_rescue=False),
        CLOB: Medication(id=CLOB, name="clobazam", is_rescue=False),
    }
    found: dict[int, list[MedicationChange]] = {}
    for n, change in enumerate(sorted(changes, key=lambda c: c.effective_at), 1):
        change.id = n
        found.setdefault(change.medication_id, []).append(change)
    return Timeline({id_: medications[id_] for id_ in found}, found)


def _change(
    medication: int, action: ChangeAction, when: datetime, mg: int | None = None, plan: int = 0
) -> MedicationChange:
    started = action == ChangeAction.START
    return MedicationChange(
        medication_id=medication,
        action=action,
        effective_at=when,
        titration_id=plan or None,
        dose_amount=Decimal(mg) if mg is not None else None,
        dose_unit="mg" if started else None,
        schedule_times=["08:00"] if started else None,
    )


def _effects(timeline: Timeline, times: list[datetime], plans=None) -> list[medicines.Effect]:
    planned = medicines.plan(timeline, plans or {}, PERIOD)
    names = {id_: m.name for id_, m in timeline.medications.items()}
    return medicines.effects(PERIOD, planned, names, times)


def _every_day(first: datetime, days: int, per_day: int = 1) -> list[datetime]:
    return [first + timedelta(days=d, hours=h) for d in range(days) for h in range(per_day)]


START = _change(LEV, ChangeAction.START, nov(1, 8) - timedelta(days=90), 250)


def test_a_change_with_full_windows_that_halves_the_rate_is_a_responder() -> None:
    timeline = _timeline(START, _change(LEV, ChangeAction.ADJUST, nov(2), 500))
    # 28 episodes in the 28 days before (5-31 Oct, one a day, 1 Nov too), 14 after.
    times = _every_day(nov(2) - timedelta(days=28), 28) + _every_day(nov(2, 9), 14)

    [effect] = _effects(timeline, sorted(times))

    assert (effect.window_before.episodes, effect.window_before.full) == (28, True)
    assert effect.window_after is not None
    assert (effect.window_after.episodes, effect.window_after.full) == (14, True)
    assert effect.responder is True


def test_a_change_that_takes_off_less_than_half_is_no_responder() -> None:
    timeline = _timeline(START, _change(LEV, ChangeAction.ADJUST, nov(2), 500))
    times = _every_day(nov(2) - timedelta(days=28), 28) + _every_day(nov(2, 9), 15)

    [effect] = _effects(timeline, sorted(times))

    assert effect.responder is False


def test_the_window_before_stops_at_an_earlier_change_of_another_medicine() -> None:
    clobazam = _change(CLOB, ChangeAction.START, nov(6, 8), 5)
    timeline = _timeline(START, clobazam, _change(LEV, ChangeAction.ADJUST, nov(16), 500))
    times = [nov(3, 10), nov(7, 10), nov(20, 10)]

    effects = _effects(timeline, times)

    assert [e.medication for e in effects] == ["clobazam", "levetiracetam"]
    clob, lev = effects
    # 28 days before 6 Nov 08:00 on Lily's clock is 9 Oct 08:00 (summer time).
    assert (clob.window_before.start, clob.window_before.episodes) == (at(10, 9, 8), 1)
    assert clob.window_after is not None
    assert clob.window_after.end == nov(16)
    assert clob.window_after.days == pytest.approx(9 + 16 / 24)
    assert (lev.window_before.start, lev.window_before.episodes) == (nov(6, 8), 1)
    assert lev.window_after is not None and lev.window_after.episodes == 1
    assert clob.responder is None and lev.responder is None


def test_a_titration_still_under_way_is_listed_once_and_not_judged() -> None:
    plan = Titration(id=9, status=TitrationStatus.ACTIVE)
    timeline = _timeline(
        START,
        _change(LEV, ChangeAction.ADJUST, nov(10), 500, plan=9),
        _change(LEV, ChangeAction.ADJUST, nov(17), 750, plan=9),
        _change(LEV, ChangeAction.ADJUST, nov(24), 1000, plan=9),
    )

    [effect] = _effects(timeline, [nov(3, 10), nov(20, 10)], {9: plan})

    assert (effect.at, effect.steps, effect.under_way) == (nov(10), 2, True)
    assert (effect.before.amount, effect.after.amount) == (Decimal(250), Decimal(1000))
    assert effect.window_before.episodes == 1
    assert (effect.window_after, effect.responder) == (None, None)


def test_a_finished_titration_is_judged_from_its_last_step() -> None:
    plan = Titration(id=9, status=TitrationStatus.DONE)
    timeline = _timeline(
        START,
        _change(LEV, ChangeAction.ADJUST, nov(3), 500, plan=9),
        _change(LEV, ChangeAction.ADJUST, nov(10), 750, plan=9),
    )

    [effect] = _effects(timeline, [nov(5, 10), nov(12, 10), nov(29, 23)], {9: plan})

    assert effect.under_way is False
    assert effect.window_after is not None
    assert (effect.window_after.start, effect.window_after.end) == (nov(10), nov(30))
    assert effect.window_after.episodes == 2


def test_the_dose_line_follows_each_change_and_a_stop() -> None:
    timeline = _timeline(
        START,
        _change(LEV, ChangeAction.ADJUST, nov(10), 500),
        _change(LEV, ChangeAction.STOP, nov(20)),
    )

    [line] = medicines.dose_lines(timeline, PERIOD, [])

    assert [(s.start, s.end, s.dosing.amount) for s in line.spans] == [
        (nov(2), nov(10), Decimal(250)),
        (nov(10), nov(20), Decimal(500)),
    ]
    assert line.spans[0].dosing == Dosing(Decimal(250), "mg", ("08:00",))
