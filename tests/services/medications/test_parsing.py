"""One-line ``/med`` commands: what they parse to, how they fail, and the dose arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.medications.drugs import SYNONYMS, UNITS, normalise_unit, resolve
from bot.services.medications.parsing import (
    MedChange,
    MedicationParseError,
    MedStart,
    MedStop,
    Titration,
    default_times,
    needs_dose_confirmation,
    parse_med_command,
    titration_steps,
)
from bot.texts import keys, t, variables

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday; London is on UTC in November
ZONE = "Europe/London"


def midnight(day: int, month: int = 11) -> datetime:
    """Local midnight in London in winter, which is UTC midnight."""
    return datetime(2026, month, day, tzinfo=UTC)


def parse(text: str) -> MedStart | MedChange | MedStop:
    return parse_med_command(text, now=NOW, timezone=ZONE)


Times = tuple[str, ...]


def start(
    name: str,
    amount: str,
    unit: str,
    times: Times = ("08:00",),
    *,
    at: datetime = NOW,
    reason: str | None = None,
    titration: Titration | None = None,
) -> MedStart:
    return MedStart(resolve(name), name, Decimal(amount), unit, times, at, reason, titration)


def change(
    name: str,
    amount: str | None = None,
    unit: str | None = None,
    times: Times | None = None,
    *,
    at: datetime = NOW,
    reason: str | None = None,
    titration: Titration | None = None,
) -> MedChange:
    dose = None if amount is None else Decimal(amount)
    return MedChange(resolve(name), name, dose, unit, times, at, reason, titration)


def stop(name: str, *, at: datetime = NOW, reason: str | None = None) -> MedStop:
    return MedStop(resolve(name), name, at, reason)


def plan(step: str, every_days: int, target: str) -> Titration:
    return Titration(Decimal(step), every_days, Decimal(target))


TWICE = ("08:00", "20:00")
THRICE = ("08:00", "14:00", "20:00")
FOUR = ("08:00", "12:00", "16:00", "20:00")

VALID = [
    # the examples of the brief
    ("start levetiracetam 250 mg 08:00 20:00", start("levetiracetam", "250", "mg", TWICE)),
    (
        "change levetiracetam 500 mg from tomorrow",
        change("levetiracetam", "500", "mg", at=midnight(26)),
    ),
    ("stop clonazepam reason drowsiness", stop("clonazepam", reason="drowsiness")),
    ("start valproate 5 ml 3x daily", start("valproate", "5", "ml", THRICE)),
    ("start Keppra 250mg twice daily", start("Keppra", "250", "mg", TWICE)),
    (
        "change keppra 500 mg increase by 250 mg every 7 days to 1000 mg",
        change("keppra", "500", "mg", titration=plan("250", 7, "1000")),
    ),
    (
        "start clobazam 5 mg 20:00 reason breakthrough jerks",
        start("clobazam", "5", "mg", ("20:00",), reason="breakthrough jerks"),
    ),
    # starts
    ("start levetiracetam 250 mg", start("levetiracetam", "250", "mg")),
    ("begin Depakine Chrono 2,5 ml bd", start("Depakine Chrono", "2.5", "ml", TWICE)),
    ("add topiramate 12.5 mg tds", start("topiramate", "12.5", "mg", THRICE)),
    ("start zonisamide 25 mg qid", start("zonisamide", "25", "mg", FOUR)),
    ("start ethosuximide 250 mg once daily", start("ethosuximide", "250", "mg")),
    ("start perampanel 2 mg od", start("perampanel", "2", "mg")),
    ("start Lamictal 5 mg bid", start("Lamictal", "5", "mg", TWICE)),
    ("start piracetam 400 mg three times daily", start("piracetam", "400", "mg", THRICE)),
    ("start brivaracetam 10 mg four times a day", start("brivaracetam", "10", "mg", FOUR)),
    ("start clonazepam 0,25 mg 8am 8pm", start("clonazepam", "0.25", "mg", TWICE)),
    (
        "start clonazepam 0.25 mg at 8:30 am and 8:30 p.m.",
        start("clonazepam", "0.25", "mg", ("08:30", "20:30")),
    ),
    ("start melatonin 3 mg 19:30", start("melatonin", "3", "mg", ("19:30",))),
    ("start levetiracetam 20 mg/kg/day bd", start("levetiracetam", "20", "mg/kg/day", TWICE)),
    ("start valproate 2 tabs 2x a day", start("valproate", "2", "tablets", TWICE)),
    ("start clobazam 5 drops 20:00", start("clobazam", "5", "drops", ("20:00",))),
    ("start levetiracetam 1 g twice daily", start("levetiracetam", "1", "g", TWICE)),
    ("start Keppra® 2.5mL 20:00, 08:00", start("Keppra®", "2.5", "ml", TWICE)),
    ("start keppra 250 mg noon 12am", start("keppra", "250", "mg", ("00:00", "12:00"))),
    ("START KEPPRA 250 MG BD", start("KEPPRA", "250", "mg", TWICE)),
    ("start Buccolam 2.5 ml", start("Buccolam", "2.5", "ml", ())),
    ("start keppra 250 mg from 1 december", start("keppra", "250", "mg", at=midnight(1, 12))),
    ("start keppra 250 mg from 1st dec 2026", start("keppra", "250", "mg", at=midnight(1, 12))),
    ("start keppra 250 mg from next friday", start("keppra", "250", "mg", at=midnight(27))),
    ("start keppra 250 mg from wed", start("keppra", "250", "mg", at=midnight(2, 12))),
    (
        "start keppra 250 mg 2 times daily starting tomorrow",
        start("keppra", "250", "mg", TWICE, at=midnight(26)),
    ),
    (
        "start keppra 250 mg increase by 250 mg every week to 1000 mg",
        start("keppra", "250", "mg", titration=plan("250", 7, "1000")),
    ),
    # changes
    ("change levetiracetam 750 mg", change("levetiracetam", "750", "mg")),
    ("adjust keppra 08:00 14:00 20:00", change("keppra", times=THRICE)),
    ("increase keppra 750 mg from monday", change("keppra", "750", "mg", at=midnight(30))),
    (
        "decrease Frisium 5 mg from 2026-12-01 because of sleepiness",
        change("Frisium", "5", "mg", at=midnight(1, 12), reason="sleepiness"),
    ),
    (
        "set clobazam 10 mg decrease by 2.5 mg every week to 0 mg",
        change("clobazam", "10", "mg", titration=plan("-2.5", 7, "0")),
    ),
    (
        "change keppra 250 mg increase by 125 every 2 weeks until 750",
        change("keppra", "250", "mg", titration=plan("125", 14, "750")),
    ),
    ("change keppra 500 mg bd", change("keppra", "500", "mg", TWICE)),
    # stops
    (
        "end valproate from today due to liver tests",
        stop("valproate", at=midnight(25), reason="liver tests"),
    ),
    ("discontinue Rivotril", stop("Rivotril")),
    ("stop Onfi from yesterday", stop("Onfi", at=midnight(24))),
    ("stop Keppra reason:   rash,  itchy ", stop("Keppra", reason="rash,  itchy")),
    ("stop keppra reason", stop("keppra")),
]


@pytest.mark.parametrize(("text", "expected"), VALID, ids=[text for text, _ in VALID])
def test_a_command_parses_to_its_record(text: str, expected: object) -> None:
    assert parse(text) == expected


def test_from_tomorrow_is_local_midnight_in_summer_time() -> None:
    summer = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)

    record = parse_med_command("stop keppra from tomorrow", now=summer, timezone=ZONE)

    assert record.effective_at == datetime(2026, 7, 1, 23, 0, tzinfo=UTC)


def test_tomorrow_follows_the_childs_calendar_not_utc() -> None:
    evening_utc = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # already the 26th in Tokyo

    record = parse_med_command("stop keppra from tomorrow", now=evening_utc, timezone="Asia/Tokyo")

    assert record.effective_at == datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 27th 00:00 JST


def test_without_from_a_command_takes_effect_now_in_utc() -> None:
    local_now = NOW.astimezone(timezone(timedelta(hours=-5)))

    record = parse_med_command("stop keppra", now=local_now, timezone=ZONE)

    assert record.effective_at == NOW
    assert record.effective_at.tzinfo is UTC


ERRORS = [
    ("", "empty"),
    ("   ", "empty"),
    ("take keppra 250 mg", "unknown_verb"),
    ("start", "no_name"),
    ("start 250 mg", "no_name"),
    ("stop reason rash", "no_name"),
    ("start " + "x" * 65 + " 5 mg", "name_too_long"),
    ("start keppra", "dose_missing"),
    ("start keppra twice daily", "dose_missing"),
    ("start keppra 0 mg", "dose_not_positive"),
    ("start keppra -5 mg", "dose_not_positive"),
    ("start keppra 1,000 mg", "dose_ambiguous"),
    ("start keppra 1.500 mg", "dose_ambiguous"),
    ("start keppra 0.00001 mg", "dose_out_of_range"),
    ("start keppra 100000000 mg", "dose_out_of_range"),
    ("start keppra 250", "unit_missing"),
    ("start keppra 250 08:00", "unit_missing"),
    ("start keppra 250 twice daily", "unit_missing"),
    ("start keppra 250 mcg", "unknown_unit"),
    ("start keppra 250 mg 25:00", "bad_time"),
    ("start keppra 250 mg 13pm", "bad_time"),
    ("start keppra 250 mg 8:75", "bad_time"),
    ("start keppra 250 mg at 8", "hour_ambiguous"),
    ("start keppra 250 mg bd 08:00", "times_conflict"),
    ("start keppra 250 mg once daily 08:00 20:00", "times_conflict"),
    ("start keppra 250 mg from someday", "bad_date"),
    ("start keppra 250 mg from 2026-02-30", "bad_date"),
    ("start keppra 250 mg from 12/01/2026", "bad_date"),
    ("start keppra 250 mg from", "bad_date"),
    ("change keppra 500 mg from 2026-11-23", "date_too_far_back"),
    ("stop keppra from 20 november", "date_too_far_back"),
    ("change keppra 500 mg from 2028-01-01", "date_too_far_ahead"),
    ("change keppra", "nothing_to_change"),
    ("change keppra because it is time", "nothing_to_change"),
    ("start keppra 250 mg sometimes", "not_understood"),
    ("start keppra 250 mg 500 mg", "not_understood"),
    ("start keppra 250 mg 8", "not_understood"),
    ("stop keppra 250 mg", "not_understood"),
    ("change keppra 500 mg increase 250 mg every 7 days to 1000 mg", "titration_malformed"),
    ("change keppra 500 mg increase by 250 mg to 1000 mg", "titration_malformed"),
    ("change keppra 500 mg increase by 250 mg every 7 days", "titration_malformed"),
    ("change keppra 500 mg increase by 250 mg every 0 days to 1000 mg", "titration_malformed"),
    ("change keppra 500 mg increase by 250 mg every 7 months to 1000 mg", "titration_malformed"),
    ("change keppra 500 mg increase by lots every 7 days to 1000 mg", "titration_malformed"),
    ("change keppra 500 mg increase by 0 mg every 7 days to 1000 mg", "titration_malformed"),
    (
        "change keppra 500 mg increase by 250 mg every 7 days to 1000 mg "
        "increase by 250 mg every 7 days to 1000 mg",
        "titration_malformed",
    ),
    ("change keppra increase by 250 mg every 7 days to 1000 mg", "titration_needs_dose"),
    ("change keppra 500 mg increase by 5 ml every 7 days to 1000 mg", "titration_unit_mismatch"),
    ("change keppra 500 mg increase by 250 mg every 7 days to 1 g", "titration_unit_mismatch"),
    ("change keppra 500 mg increase by 250 mg every 7 days to 500 mg", "titration_target_reached"),
    ("change keppra 500 mg increase by 250 mg every 7 days to 100 mg", "titration_direction"),
    ("change keppra 500 mg decrease by 250 mg every 7 days to 1000 mg", "titration_direction"),
    ("change keppra 500 mg increase by 1 mg every day to 1000 mg", "titration_too_many_steps"),
]


@pytest.mark.parametrize(("text", "key"), ERRORS, ids=[text[:60] for text, _ in ERRORS])
def test_a_bad_command_names_its_problem(text: str, key: str) -> None:
    with pytest.raises(MedicationParseError) as caught:
        parse(text)

    assert caught.value.key == f"medication_parsing.{key}"
    assert "Example: /med " in t(caught.value.key, **caught.value.params)


def test_every_error_text_is_exercised() -> None:
    catalogue = {key.partition(".")[2] for key in keys() if key.startswith("medication_parsing.")}

    assert {key for _, key in ERRORS} == catalogue


def test_error_texts_are_safe_html_ending_with_an_example() -> None:
    catalogue = [
        t(key, **dict.fromkeys(variables(key), "x"))
        for key in keys()
        if key.startswith("medication_parsing.")
    ]

    for text in catalogue:
        assert "<" not in text and "&" not in text
        assert text.rpartition(". Example: ")[2].startswith("/med ")


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("take keppra", {"verb": "take"}),
        ("start keppra 250 mcg", {"unit": "mcg"}),
        ("start keppra 250 mg 25:00", {"time": "25:00"}),
        ("start keppra 1,000 mg", {"amount": "1,000", "thousands": "1000", "decimal": "1.0000"}),
        ("change keppra 500 mg from 2026-11-23", {"date": "2026-11-23"}),
        ("start keppra 250 mg sometimes", {"word": "sometimes"}),
    ],
)
def test_an_error_names_what_it_could_not_read(text: str, params: dict[str, str]) -> None:
    with pytest.raises(MedicationParseError) as caught:
        parse(text)

    assert caught.value.params == params


@pytest.mark.parametrize(
    ("old", "new", "asks"),
    [
        ("500", "1000", False),  # exactly double is fine
        ("500", "1000.01", True),
        ("500", "250", False),  # exactly half is fine
        ("500", "249.99", True),
        ("500", "500", False),
        ("500", "750", False),
        ("500", "5000", True),  # the classic tenfold slip
        ("500", "50", True),
        ("0.25", "2.5", True),
    ],
)
def test_a_big_jump_in_dose_asks_for_confirmation(old: str, new: str, asks: bool) -> None:
    assert needs_dose_confirmation(Decimal(old), Decimal(new)) is asks


def steps(
    current: str, step: str, every_days: int, target: str, first: date
) -> list[tuple[date, Decimal]]:
    return titration_steps(Decimal(current), plan(step, every_days, target), first)


def test_titration_steps_up_to_the_target_on_schedule() -> None:
    assert steps("250", "250", 7, "1000", date(2026, 12, 2)) == [
        (date(2026, 12, 2), Decimal("500")),
        (date(2026, 12, 9), Decimal("750")),
        (date(2026, 12, 16), Decimal("1000")),
    ]


def test_titration_never_overshoots_the_target() -> None:
    assert steps("250", "300", 7, "1000", date(2026, 12, 2)) == [
        (date(2026, 12, 2), Decimal("550")),
        (date(2026, 12, 9), Decimal("850")),
        (date(2026, 12, 16), Decimal("1000")),
    ]


def test_a_taper_steps_down_to_the_target() -> None:
    assert steps("10", "-4", 14, "1", date(2026, 12, 1)) == [
        (date(2026, 12, 1), Decimal("6")),
        (date(2026, 12, 15), Decimal("2")),
        (date(2026, 12, 29), Decimal("1")),
    ]
    assert [dose for _, dose in steps("10", "-2.5", 7, "0", date(2026, 12, 1))] == [
        Decimal("7.5"),
        Decimal("5.0"),
        Decimal("2.5"),
        Decimal("0"),
    ]


@pytest.mark.parametrize(("current", "step"), [("1000", "250"), ("1200", "250"), ("800", "-250")])
def test_a_titration_already_at_or_past_its_target_has_no_steps(current: str, step: str) -> None:
    assert steps(current, step, 7, "1000", date(2026, 12, 1)) == []


def test_a_titration_without_a_step_is_refused() -> None:
    with pytest.raises(ValueError):
        steps("250", "0", 7, "1000", date(2026, 12, 1))


@pytest.mark.parametrize(
    ("per_day", "times"), [(1, ("08:00",)), (2, TWICE), (3, THRICE), (4, FOUR)]
)
def test_default_times(per_day: int, times: tuple[str, ...]) -> None:
    assert default_times(per_day) == times


@pytest.mark.parametrize("per_day", [0, 5])
def test_default_times_only_for_one_to_four_doses(per_day: int) -> None:
    with pytest.raises(ValueError):
        default_times(per_day)


# --- properties -------------------------------------------------------------------------------

NAMES = sorted({name for generic, names in SYNONYMS.items() for name in (generic, *names)})
SPELLINGS = sorted({spelling for spellings in UNITS.values() for spelling in spellings})
VOCABULARY = [
    word
    for line in (
        "start change stop begin increase decrease by every to until from reason because due",
        "keppra clobazam valproic acid mg ml g drops tabs mg/kg/day x times daily twice bd tds",
        "08:00 8 am pm 8pm 12:61 noon tomorrow monday 2026-12-01 1 dec 7 days week 0 -5 2,5",
        "1,000 0.00001 250mg 3x 1st at and , ; ® next yesterday today 99999999999 nine",
    )
    for word in line.split()
]


def assert_only_parse_errors(text: str) -> None:
    try:
        parse(text)
    except MedicationParseError as error:
        t(error.key, **error.params)  # every error has a text that takes its params


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_fails_only_with_parse_errors(text: str) -> None:
    assert_only_parse_errors(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=14).map(" ".join))
def test_near_miss_commands_fail_only_with_parse_errors(text: str) -> None:
    assert_only_parse_errors(text)


@st.composite
def start_lines(draw: st.DrawFn) -> tuple[str, MedStart]:
    name = draw(st.sampled_from(NAMES).map(draw(st.sampled_from([str, str.upper, str.title]))))
    amount = draw(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(5000), places=2))
    spelling = draw(st.sampled_from(SPELLINGS))
    times = draw(st.lists(st.times().map(lambda at: at.strftime("%H:%M")), max_size=4, unique=True))
    typed = f"{amount:f}".replace(".", draw(st.sampled_from([".", ","])))
    gap = draw(st.sampled_from(["", " "]))
    line = f"start {name} {typed}{gap}{spelling} {' '.join(times)}"
    drug = resolve(name)
    default = () if drug.is_rescue else ("08:00",)
    expected = MedStart(
        drug=drug,
        name_as_typed=name,
        amount=amount,
        unit=normalise_unit(spelling),
        times=tuple(sorted(times)) or default,
        effective_at=NOW,
        reason=None,
        titration=None,
    )
    return line, expected


@settings(max_examples=300, deadline=None)
@given(start_lines())
def test_a_generated_start_round_trips(case: tuple[str, MedStart]) -> None:
    line, expected = case

    assert parse(line) == expected
