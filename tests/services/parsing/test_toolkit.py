"""The shared parsing toolkit: each reader on the forms people type, and that none ever raises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.parsing import amounts, clocks, dayparts, days, numerals, relative
from bot.services.parsing.phrases import Phrasebook, Speller, canonical, expand
from bot.services.parsing.tokens import quote, respell, tokenize

D = Decimal


def test_tokens_keep_where_they_were_typed() -> None:
    line = "At 7.30 a.m., ~2 min (1,5 min) arms,5"
    tokens = tokenize(line)
    assert [t.bare for t in tokens] == ["At", "7.30", "a.m", "2", "min", "1,5", "min", "arms", "5"]
    assert all(line[t.start : t.end] == t.bare for t in tokens)
    assert tokens[3].approximate and not tokens[4].approximate
    assert quote(line, tokens, 0, 3) == "At 7.30 a.m"


def test_a_typo_is_corrected_only_when_it_is_unambiguous() -> None:
    speller = Speller(["tired", "seizure", "midazolam", "jerks"], keep=["tried"])
    assert [speller.correct(w) for w in ["tierd", "sezure", "midazolm", "jerkes"]] == [
        "tired", "seizure", "midazolam", "jerks",
    ]  # fmt: skip
    assert speller.correct("tried") is None  # a real word, not a typo of "tired"
    assert speller.correct("jerk") is None  # too short to guess
    assert Speller(["fever", "fewer"]).correct("fevar") == "fever"
    assert Speller(["sever", "fever"]).correct("bever") is None  # two candidates: leave it
    assert [t.norm for t in respell(tokenize("very tierd"), speller)] == ["very", "tired"]


def test_patterns_expand_and_a_phrasebook_finds_the_longest() -> None:
    assert expand("a|b [c]") == [("a", "c"), ("a",), ("b", "c"), ("b",)]
    assert canonical("tonic-clonic [seizure]|fit") == "tonic-clonic"
    book: Phrasebook[str] = Phrasebook()
    book.add("school [bus]", "place", leadins=["on|in [the]"])
    assert book.longest(["on", "the", "school", "bus", "x"], 0) == (4, "place")
    with pytest.raises(ValueError, match="two things"):
        book.add("school", "other")


@pytest.mark.parametrize(
    ("text", "low", "high", "bound", "approximate"),
    [
        ("5", D(5), None, "exact", False),
        ("twelve", D(12), None, "exact", False),
        ("1,5", D("1.5"), None, "exact", False),
        ("about 5", D(5), None, "exact", True),
        ("~5", D(5), None, "exact", True),
        ("5ish", D(5), None, "exact", True),
        ("2-3", D(2), D(3), "range", False),
        ("approx. 2-3", D(2), D(3), "range", True),
        ("8 to 10", D(8), D(10), "range", False),
        ("between 2 and 3", D(2), D(3), "range", False),
        ("under 10", None, D(10), "under", False),
        ("<10", None, D(10), "under", False),
        ("at least 5", D(5), None, "over", False),
        ("a couple of", D(2), None, "exact", True),
    ],
)
def test_quantities(
    text: str, low: Decimal | None, high: Decimal | None, bound: str, approximate: bool
) -> None:
    found = numerals.quantity_at(tokenize(text), 0)
    assert found is not None and found[0] == len(tokenize(text))
    q = found[1]
    assert (q.low, q.high, q.bound, q.approximate) == (low, high, bound, approximate)


@pytest.mark.parametrize(
    ("text", "low", "high", "bound"),
    [
        ("2m", 120, None, "exact"),
        ("90 sec", 90, None, "exact"),
        ("1,5 min", 90, None, "exact"),
        ("1 min 30 s", 90, None, "exact"),
        ("1 hour and 20 minutes", 4800, None, "exact"),
        ("~2 minutes", 120, None, "exact"),
        ("approx. 2-3 min", 120, 180, "range"),
        ("2-3min", 120, 180, "range"),
        ("under 10 s", None, 10, "under"),
        ("<10s", None, 10, "under"),
        ("more than 5 minutes", 300, None, "over"),
        ("half an hour", 1800, None, "exact"),
        ("an hour and a half", 5400, None, "exact"),
        ("maybe a minute", 60, None, "exact"),
        ("1h30", 5400, None, "exact"),
    ],
)
def test_durations(text: str, low: int | None, high: int | None, bound: str) -> None:
    found = amounts.duration_at(tokenize(text), 0)
    assert found is not None and found[0] == len(tokenize(text))
    q = found[1].quantity
    assert (q.low, q.high, q.bound) == (low, high, bound)


def test_doses() -> None:
    found = amounts.dose_at(tokenize("2,5 ml"), 0)
    assert found is not None and found[1].unit == "ml" and found[1].quantity.low == D("2.5")
    assert amounts.dose_at(tokenize("5mg"), 0) is not None
    assert amounts.dose_unit("Milligrams") == "mg"


@pytest.mark.parametrize(
    ("text", "start", "end", "twelve", "approximate"),
    [
        ("7am", "07:00", None, False, False),
        ("at 7.30 a.m.", "07:30", None, False, False),
        ("8:15pm", "20:15", None, False, False),
        ("19h30", "19:30", None, False, False),
        ("at 11", "11:00", None, True, False),
        ("around 6", "06:00", None, True, True),
        ("around 2am", "02:00", None, False, True),
        ("7ish", "07:00", None, True, True),
        ("half past 7", "07:30", None, True, False),
        ("between 6:30 and 7:15", "06:30", "07:15", False, False),
        ("6:30-7:15", "06:30", "07:15", False, False),
        ("7-8pm", "19:00", "20:00", False, False),
        ("from 7pm to 7:30pm", "19:00", "19:30", False, False),
    ],
)
def test_clock_times(
    text: str, start: str, end: str | None, twelve: bool, approximate: bool
) -> None:
    found = clocks.clock_at(tokenize(text), 0)
    assert found is not None and found[0] == len(tokenize(text))
    clock = found[1]
    shown = str(clock.end) if clock.end else None
    assert (str(clock.start), shown, clock.twelve_hour, clock.approximate) == (
        start, end, twelve, approximate,
    )  # fmt: skip


@pytest.mark.parametrize("text", ["7", "2-3", "at 3 min", "7 jerks", "1.5"])
def test_what_is_not_a_clock_time(text: str) -> None:
    assert clocks.clock_at(tokenize(text), 0, units={"jerks"}) is None


TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("yesterday", date(2026, 11, 24)),
        ("the day before yesterday", date(2026, 11, 23)),
        ("Tuesday", date(2026, 11, 24)),
        ("last wed", date(2026, 11, 25)),
        ("on sat", date(2026, 11, 21)),
        ("28/11", date(2026, 11, 28)),  # still to come this year: the caller refuses it
        ("24.11.", date(2026, 11, 24)),
        ("2026-11-04", date(2026, 11, 4)),
        ("3 Nov", date(2026, 11, 3)),
        ("Nov 3rd", date(2026, 11, 3)),
    ],
)
def test_days_read_as_past(text: str, day: date) -> None:
    found = days.day_at(tokenize(text), 0)
    assert found is not None and found[0] == len(tokenize(text))
    assert days.on_or_before(found[1], TODAY) == day  # type: ignore[arg-type]


def test_days_read_as_to_come_and_bad_dates() -> None:
    found = days.day_at(tokenize("tuesday"), 0)
    assert found and days.on_or_after(found[1], TODAY) == date(2026, 12, 1)  # type: ignore[arg-type]
    assert days.day_at(tokenize("31/02"), 0) == (1, clocks.Bad("31/02"))
    assert days.day_at(tokenize("sat"), 0) is None  # "sat on the sofa"
    assert days.day_at(tokenize("1/2 min"), 0) is None


def test_parts_of_day_and_times_from_now() -> None:
    found = dayparts.part_at(tokenize("yesterday evening"), 1)
    assert found and found[1].key == "evening" and str(found[1].at) == "20:00"
    assert [str(o) for o in found[1].options] == ["18:00", "20:00", "22:00"]
    nap = dayparts.part_at(tokenize("at nap time"), 0)
    assert nap and nap[1].setting == "sleep"
    night = dayparts.part_at(tokenize("last night"), 0)
    assert night and night[1].day == -1 and night[1].at.next_day
    ago = relative.ago_at(tokenize("half an hour ago"), 0)
    assert ago and ago[1].low == 1800
    assert relative.ago_at(tokenize("just now"), 0) is not None
    ahead = relative.ahead_at(tokenize("2 hours from now"), 0)
    assert ahead and ahead[1].low == 7200


READERS = [
    numerals.quantity_at, amounts.duration_at, amounts.dose_at, clocks.clock_at, days.day_at,
    dayparts.part_at, relative.ago_at, relative.ahead_at,
]  # fmt: skip
PIECES = st.sampled_from(
    ["7", "7:30", "-", "to", "and", "a", "half", "an", "hour", "ago", "min", "~", "<", "2-3",
     "1,5", "about", "under", "between", "am", "p.m.", "31/02", "28.11.", "99:99", "x", "the",
     "day", "before", "yesterday", "last", "night", "quarter", "past", "o'clock", "nov", "mg"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=8).map(" ".join)),
    at=st.integers(0, 8),
)
def test_no_reader_ever_raises(text: str, at: int) -> None:
    tokens = tokenize(text)
    for reader in READERS:
        found = reader(tokens, at)  # type: ignore[operator]
        assert found is None or at < found[0] <= len(tokens)
