"""Plurals by CLDR's rules (through Fluent and Babel) and dates, times, weekdays and numbers as
each language writes them (Babel), for English, Spanish and Russian."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.texts import t
from bot.views.dates import decimal, format_clock, format_day, format_moment, weekday_name

EVENING = datetime(2026, 11, 24, 21, 30)  # a Tuesday, on the child's wall clock


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["1 episode", "2 episodes", "5 episodes", "21 episodes"]),
        ("ru", ["1 приступ", "2 приступа", "5 приступов", "21 приступ"]),
    ],
)
def test_a_count_takes_its_languages_plural_form(language: str, forms: list[str]) -> None:
    assert [t("history.count.episodes", language, n=n) for n in (1, 2, 5, 21)] == forms


def test_spanish_counts_are_one_and_other() -> None:
    assert [t("episodes.count.jerks", "es", n=n) for n in (1, 2)] == ["1 sacudida", "2 sacudidas"]
    assert t("digest.steps", "es", n=1) != t("digest.steps", "es", n=3)


def test_english_plurals_read_as_before() -> None:
    assert t("episodes.count.jerks", "en", n=1) == "1 jerk"
    assert t("episodes.count.jerks", "en", n=12) == "12 jerks"
    assert t("digest.steps", "en", n=1) == "1 step"
    assert "every 7 days up to" in t("medications.relay.plan", "en", step="+1", days=7, target="x")
    assert "every day up to" in t("medications.relay.plan", "en", step="+1", days=1, target="x")


@pytest.mark.parametrize(("language", "shown"), [("en", "1.5"), ("es", "1,5"), ("ru", "1,5")])
def test_a_decimal_is_written_as_the_language_writes_it(language: str, shown: str) -> None:
    assert decimal(Decimal("1.50"), language) == shown


def test_numbers_are_never_grouped_rounded_or_in_exponent_form() -> None:
    assert [decimal(Decimal(v)) for v in ("1000", "2.5E+2", "0.0625")] == ["1000", "250", "0.0625"]


@given(st.decimals(min_value=0, max_value=100000, places=4, allow_nan=False))
def test_every_amount_reads_back_as_itself(value: Decimal) -> None:
    assert Decimal(decimal(value, "ru").replace(",", ".")) == value


@pytest.mark.parametrize(
    ("language", "moment", "day", "month"),
    [
        ("en", "Tue 24 Nov, 21:30", "Tue 24 Nov 2026", "Nov 2026"),
        ("es", "mar, 24 nov, 21:30", "mar, 24 nov 2026", "nov 2026"),
        ("ru", "вт, 24 нояб., 21:30", "вт, 24 нояб. 2026\u202fг.", "нояб. 2026\u202fг."),
    ],
)
def test_dates_are_written_by_babel_for_each_language(
    language: str, moment: str, day: str, month: str
) -> None:
    assert format_moment(EVENING, "moment", language) == moment
    assert format_day(EVENING.date(), "day_year", language) == day
    assert format_day(EVENING.date(), "month_year", language) == month
    assert format_clock(EVENING, language) == "21:30"


def test_english_keeps_the_day_first_forms_it_always_had() -> None:
    assert format_day(date(2026, 9, 3), "day", "en") == "Thu 03 Sep"
    assert format_day(date(2026, 9, 3), "day_unpadded", "en") == "Thu 3 Sep"
    assert format_moment(EVENING, "long_moment", "en") == "Tuesday 24 November 2026, 21:30"


@pytest.mark.parametrize(
    ("language", "monday", "sunday"),
    [("en", "Monday", "Sunday"), ("es", "lunes", "domingo"), ("ru", "понедельник", "воскресенье")],
)
def test_weekday_names_come_from_cldr(language: str, monday: str, sunday: str) -> None:
    assert (weekday_name(0, language), weekday_name(6, language)) == (monday, sunday)


def test_a_language_without_a_catalogue_gets_english_dates() -> None:
    assert format_moment(EVENING, "moment", "fr-FR") == format_moment(EVENING, "moment", "en")
