"""/med lines as people write them: "to", bid/tid/qid, parts of the day, bedtime, typos, order."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.errors import DomainError
from bot.services.medications.drugs import Drug
from bot.services.medications.parsing import (
    MedChange,
    MedicationParseError,
    MedStart,
    MedStop,
    parse_med_command,
)
from bot.services.medications.settings import read_clock, read_weight
from bot.texts import t
from tests.services.medications.test_parsing import FOUR, NOW, THRICE, TWICE, ZONE, midnight

Parsed = MedStart | MedChange | MedStop


def parse(text: str, bedtime: str = "20:00") -> Parsed:
    return parse_med_command(text, now=NOW, timezone=ZONE, bedtime=bedtime)


def read(parsed: Parsed) -> tuple[object, ...]:
    """The fields a reader of the line checks: kind, medicine, dose, times, from when."""
    dose = getattr(parsed, "amount", None), getattr(parsed, "unit", None)
    at = f"{parsed.effective_at:%m-%d %H:%M}"
    return type(parsed).__name__, parsed.drug.generic, *dose, getattr(parsed, "times", None), at


NOW_AT = f"{NOW:%m-%d %H:%M}"
LINES = [
    # the lines
    ("start clobazam 5mg at night", ("MedStart", "clobazam", 5, "mg", ("20:00",), NOW_AT)),
    ("change keppra to 375 mg bid", ("MedChange", "levetiracetam", 375, "mg", TWICE, NOW_AT)),
    # frequencies
    ("start keppra 250 mg twice a day", ("MedStart", "levetiracetam", 250, "mg", TWICE, NOW_AT)),
    ("start keppra 250 mg 3 times a day", ("MedStart", "levetiracetam", 250, "mg", THRICE, NOW_AT)),
    ("start keppra 250 mg three times daily", ("MedStart", "levetiracetam", 250, "mg", THRICE,
                                               NOW_AT)),
    ("start keppra 250 mg 2x/day", ("MedStart", "levetiracetam", 250, "mg", TWICE, NOW_AT)),
    ("start keppra 250 mg q.i.d.", ("MedStart", "levetiracetam", 250, "mg", FOUR, NOW_AT)),
    ("start keppra 250 mg t.d.s.", ("MedStart", "levetiracetam", 250, "mg", THRICE, NOW_AT)),
    ("start keppra 250 mg every 12 hours", ("MedStart", "levetiracetam", 250, "mg", TWICE,
                                            NOW_AT)),
    ("start keppra 250 mg every 8 hours", ("MedStart", "levetiracetam", 250, "mg",
                                           ("06:00", "14:00", "22:00"), NOW_AT)),
    ("start keppra 250mg q6h", ("MedStart", "levetiracetam", 250, "mg",
                                ("00:00", "06:00", "12:00", "18:00"), NOW_AT)),
    ("start keppra 250 mg 8-hourly", ("MedStart", "levetiracetam", 250, "mg",
                                      ("06:00", "14:00", "22:00"), NOW_AT)),
    ("start zonisamide 25 mg once", ("MedStart", "zonisamide", 25, "mg", ("08:00",), NOW_AT)),
    # parts of the day
    ("start keppra 250 mg morning and evening", ("MedStart", "levetiracetam", 250, "mg", TWICE,
                                                 NOW_AT)),
    ("start keppra 250 mg in the morning and at night", ("MedStart", "levetiracetam", 250, "mg",
                                                         TWICE, NOW_AT)),
    ("start keppra 250 mg am & pm", ("MedStart", "levetiracetam", 250, "mg", TWICE, NOW_AT)),
    ("start Epilim 200mg with breakfast and dinner", ("MedStart", "valproate", 200, "mg",
                                                      ("08:00", "18:00"), NOW_AT)),
    ("start melatonin 3mg nightly", ("MedStart", "melatonin", 3, "mg", ("20:00",), NOW_AT)),
    ("start clonazepam 0.25 mg nocte", ("MedStart", "clonazepam", Decimal("0.25"), "mg",
                                        ("20:00",), NOW_AT)),
    ("start clobazam 5 mg once daily at bedtime", ("MedStart", "clobazam", 5, "mg", ("20:00",),
                                                   NOW_AT)),
    ("start keppra 250 mg at 8 in the evening", ("MedStart", "levetiracetam", 250, "mg",
                                                 ("20:00",), NOW_AT)),
    ("start keppra 250 mg at 7 in the morning", ("MedStart", "levetiracetam", 250, "mg",
                                                 ("07:00",), NOW_AT)),
    # clock times as people write them
    ("start keppra 250 mg 7.30 a.m. and 7.30 p.m.", ("MedStart", "levetiracetam", 250, "mg",
                                                     ("07:30", "19:30"), NOW_AT)),
    ("start keppra 250 mg 19h30", ("MedStart", "levetiracetam", 250, "mg", ("19:30",), NOW_AT)),
    # "to", "dose", any order
    ("change keppra dose to 375 mg morning and night", ("MedChange", "levetiracetam", 375, "mg",
                                                        TWICE, NOW_AT)),
    ("start 5 mg clobazam at night", ("MedStart", "clobazam", 5, "mg", ("20:00",), NOW_AT)),
    ("start 2 tabs keppra tid", ("MedStart", "levetiracetam", 2, "tablets", THRICE, NOW_AT)),
    # days without "from"
    ("change keppra 500 mg tomorrow", ("MedChange", "levetiracetam", 500, "mg", None,
                                       "11-26 00:00")),
    ("stop keppra tomorrow", ("MedStop", "levetiracetam", None, None, None, "11-26 00:00")),
    ("increase keppra to 500mg twice a day from next week", ("MedChange", "levetiracetam", 500,
                                                             "mg", TWICE, "11-30 00:00")),
    ("change keppra 500 mg in 3 days", ("MedChange", "levetiracetam", 500, "mg", None,
                                        "11-28 00:00")),
    ("Start Keppra 250mg BID starting Monday", ("MedStart", "levetiracetam", 250, "mg", TWICE,
                                                "11-30 00:00")),
    # typos, where only one word is meant
    ("chnage keppra to 375 mg twice daliy", ("MedChange", "levetiracetam", 375, "mg", TWICE,
                                             NOW_AT)),
    ("start clobazam 5 mg at nigth", ("MedStart", "clobazam", 5, "mg", ("20:00",), NOW_AT)),
    ("start keppra 250 mg mornign and evenign", ("MedStart", "levetiracetam", 250, "mg", TWICE,
                                                 NOW_AT)),
    ("start levetiracetem 250 mg bd", ("MedStart", "levetiracetam", 250, "mg", TWICE, NOW_AT)),
    ("stpo keppra", None),  # four letters: too short to correct
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LINES, ids=[text for text, _ in LINES])
def test_a_line_is_read_as_meant(text: str, expected: tuple[object, ...] | None) -> None:
    if expected is None:
        with pytest.raises(MedicationParseError):
            parse(text)
        return
    assert read(parse(text)) == expected


def test_at_night_is_the_childs_bedtime() -> None:
    assert parse("start clobazam 5 mg at bedtime", bedtime="19:30").times == ("19:30",)
    assert parse("start keppra 250 mg morning and night", bedtime="19:00").times == (
        "08:00",
        "19:00",
    )


def test_a_corrected_medicine_name_is_marked_for_confirmation() -> None:
    parsed = parse("start levetiracetem 250 mg bd")

    assert parsed.drug == Drug("levetiracetam", is_rescue=False, known=True, respelled=True)
    assert parsed.name_as_typed == "levetiracetem"
    assert not parse("start keppra 250 mg bd").drug.respelled


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("start keppra 250 mg at 8", "hour_ambiguous", {"hour": "8"}),
        ("start keppra 250 mg every 8 hours 08:00", "times_conflict",
         {"count": "1", "per_day": "3"}),
        ("start keppra 250 mg from 12/01", "bad_date", {"date": "12/01"}),
        ("change keppra to", "nothing_to_change", {"name": "keppra"}),
    ],
)  # fmt: skip
def test_what_cannot_be_read_whole_is_refused(text: str, key: str, params: dict) -> None:
    with pytest.raises(MedicationParseError) as caught:
        parse(text)

    assert (caught.value.key, caught.value.params) == (f"medication_parsing.{key}", params)


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [("19:30", "19:30"), ("7pm", "19:00"), ("7.30 p.m.", "19:30"), ("19h30", "19:30"),
     ("20.00", "20:00"), ("noon", "12:00"), ("7", None), ("25:00", None), ("soon", None)],
)  # fmt: skip
def test_a_bedtime_is_one_time_of_day(typed: str, read_as: str | None) -> None:
    assert read_clock(typed) == read_as


@pytest.mark.parametrize(
    ("typed", "kg"),
    [("22", "22.00"), ("22.5 kg", "22.50"), ("22,5kg", "22.50"), ("twenty kilos", "20.00"),
     ("18.456", "18.46")],
)  # fmt: skip
def test_a_weight_is_read_in_kg(typed: str, kg: str) -> None:
    assert str(read_weight(typed)) == kg


@pytest.mark.parametrize("typed", ["lots", "22 stone", "", "-3", "0", "201", "22 kg 5"])
def test_anything_else_is_not_a_weight(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        read_weight(typed)

    assert t(caught.value.key, **caught.value.params)


# --- properties -------------------------------------------------------------------------------

WORDS = [
    word
    for line in (
        "start change stop chnage keppra clobazam to at night bedtime nigth morning evening and",
        "bid tid qid bd od q8h every 8 hours 12 hrs twice three times a day daily 2x/day x",
        "7.30 a.m. p.m. 19h30 8 8am noon from next week in 3 days tomorrow monday wed 1 dec",
        "mg ml mg/kg/day tabs 5mg 2,5 0 -1 1,000 increase by every 7 to 1000 reason because",
    )
    for word in line.split()
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join),
    st.sampled_from(["20:00", "19:15"]),
)
def test_no_line_makes_the_parser_raise_anything_but_a_refusal(text: str, bedtime: str) -> None:
    try:
        parsed = parse(text, bedtime)
    except MedicationParseError as error:
        assert t(error.key, **error.params)
        return
    assert parsed.effective_at.tzinfo is not None
    for at in getattr(parsed, "times", None) or ():
        assert read_clock(at) == at  # every time of day is a real HH:MM


def test_the_line_is_read_at_the_moment_given() -> None:
    assert parse_med_command(
        "stop keppra tomorrow", now=datetime(2026, 7, 1, 10, tzinfo=UTC), timezone=ZONE
    ).effective_at == datetime(2026, 7, 1, 23, tzinfo=UTC)
    assert parse("stop keppra from tomorrow").effective_at == midnight(26)
