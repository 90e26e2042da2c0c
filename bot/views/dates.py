"""Dates, times, weekdays, months and numbers in the reader's language, from Babel's CLDR data.

English keeps the day-first forms the bot has always shown ("Tue 24 Nov, 21:30"); every
other language gets CLDR's pattern for the same fields (a skeleton), so no month or day
name is written by hand anywhere.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.numbers import format_decimal

from bot.texts import DEFAULT_LANGUAGE, base_language

# A style: (the English pattern, as the bot has always written it; the CLDR skeleton).
STYLES: dict[str, tuple[str, str]] = {
    "time": ("HH:mm", "Hm"),
    "time_seconds": ("HH:mm:ss", "Hms"),
    "weekday": ("EEE", "EEE"),
    "day": ("EEE dd MMM", "MMMEd"),
    "day_unpadded": ("EEE d MMM", "MMMEd"),
    "day_year": ("EEE dd MMM yyyy", "yMMMEd"),
    "date": ("dd MMM yyyy", "yMMMd"),
    "day_month": ("d MMM", "MMMd"),
    "month_year": ("MMM yyyy", "yMMM"),
    "long_day": ("EEEE d MMMM yyyy", "full"),  # CLDR's full date
}
# A date and a time together: (the date style, the time style).
JOINED: dict[str, tuple[str, str]] = {
    "moment": ("day", "time"),
    "moment_year": ("date", "time"),
    "day_time": ("day_unpadded", "time"),
    "long_moment": ("long_day", "time"),
    "moment_plain": ("day", "time"),
    "weekday_time": ("weekday", "time"),
    "clock_seconds": ("", "time_seconds"),
}
_ENGLISH_JOIN = {"moment_year": "{1} {0}", "moment_plain": "{1} {0}", "weekday_time": "{1} {0}"}


def _locale(language: str | None) -> str:
    return base_language(language)


def format_day(value: date, style: str = "day", language: str | None = None) -> str:
    """A date (or a datetime's date) in ``style``, as the reader's language writes it."""
    day = value.date() if isinstance(value, datetime) else value
    return _day(day, style, _locale(language))


@lru_cache(maxsize=16384)  # an export writes thousands of rows over a few hundred days
def _day(value: date, style: str, locale: str) -> str:
    pattern, skeleton = STYLES[style]
    if locale == DEFAULT_LANGUAGE:
        return format_date(value, pattern, locale=locale)
    if skeleton in ("full", "long", "medium", "short"):
        return format_date(value, skeleton, locale=locale)
    return format_skeleton(skeleton, value, locale=locale)


def format_clock(
    value: datetime | time, language: str | None = None, *, seconds: bool = False
) -> str:
    """A wall-clock time, 24-hour as the bot has always shown it: 08:05."""
    second = value.second if seconds else None
    return _clock(value.hour, value.minute, second, _locale(language))


@lru_cache(maxsize=8192)
def _clock(hour: int, minute: int, second: int | None, locale: str) -> str:
    pattern = "HH:mm" if second is None else "HH:mm:ss"
    return format_time(time(hour, minute, second or 0), pattern, locale=locale)


def format_moment(value: datetime, style: str = "moment", language: str | None = None) -> str:
    """A local date and time together, joined as the language joins them."""
    if style in ("time", "time_seconds"):
        return format_clock(value, language, seconds=style == "time_seconds")
    if style in STYLES:
        return format_day(value, style, language)
    day_style, time_style = JOINED[style]
    clock = format_clock(value, language, seconds=time_style == "time_seconds")
    if not day_style:
        return clock
    day = format_day(value, day_style, language)
    return _join(style, language).format(clock, day)


@cache
def _join(style: str, language: str | None) -> str:
    locale = _locale(language)
    if locale == DEFAULT_LANGUAGE:
        return _ENGLISH_JOIN.get(style, "{1}, {0}")
    found = Locale.parse(locale).datetime_formats["medium"]
    return str(found) if "{0}" in str(found) else "{1}, {0}"


def weekday_name(index: int, language: str | None = None, width: str = "wide") -> str:
    """The name of a weekday, Monday being 0: Monday, lunes, понедельник (``abbreviated``: Mon)."""
    return str(get_day_names(width, "stand-alone", locale=_locale(language))[index])


def decimal(value: Decimal | float | int, language: str | None = None) -> str:
    """A number as the language writes it, never grouped nor rounded: 2.5, 2,5."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    exact = Decimal(value).normalize()
    digits = max(0, -exact.as_tuple().exponent)  # type: ignore[operator]
    pattern = "0." + "#" * digits if digits else "0"
    return format_decimal(exact, pattern, locale=_locale(language), decimal_quantization=False)
