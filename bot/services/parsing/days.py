"""Days as people name them: "yesterday", "Tuesday", "28/11", "28.11.", "28 Nov", ISO dates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.services.parsing import vocab
from bot.services.parsing.amounts import seconds_per_unit
from bot.services.parsing.clocks import YEARS, Bad
from bot.services.parsing.dayparts import words as dayparts_words
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token, norm_at

MAX_AGO = timedelta(days=31)  # "30/12" early in January is last year's, within a month
_ISO = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})(?:\2([0-9]{2}|[0-9]{4}))?")
_DATEISH = re.compile(r"[0-9]+(?:/[0-9]+)+|[0-9]+(?:-[0-9]+){2,}|[0-9]+(?:\.[0-9]+){2,}")
_DOTTED_DAY = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})")
_ORDINAL = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class DayMonth:
    """A date written without its year ("24/11", "28 Nov")."""

    day: int
    month: int


@dataclass(frozen=True)
class Weekday:
    """A day of the week (0 = Monday), as "Tuesday" or "last tue" names it."""

    index: int


Day = date | int | DayMonth | Weekday  # int: days from today (-1 = yesterday)


@vocab.per_language
def _relative() -> Phrasebook[int]:
    book: Phrasebook[int] = Phrasebook()
    for phrase, offset in vocab.common()["days"]["relative"].items():
        book.add(phrase, int(offset))
    return book


@vocab.per_language
def _weekday_leadins() -> Phrasebook[bool]:
    book: Phrasebook[bool] = Phrasebook()
    for pattern in vocab.common()["days"]["weekday_leadins"]:
        book.add(pattern, True)
    return book


def calendar_day(year: int, month: int, day: int) -> date | None:
    """The date, if there is one (and it is in YEARS)."""
    try:
        return date(year, month, day) if year in YEARS else None
    except ValueError:
        return None


def _numeric(token: Token, after: str) -> tuple[date | DayMonth | Bad] | None:
    """ "2026-11-24", "24/11", "24/11/2026", "24.11.2026", "28.11." (day first); a wrong one Bad.

    Something shaped like a date followed by a unit ("1/2 min") is not taken for one.
    """
    norm = token.norm
    if after in seconds_per_unit():
        return None
    dotted = _DOTTED_DAY.fullmatch(norm)
    if dotted and token.text[len(token.lead) + len(token.bare) :][:1] == ".":
        found = calendar_day(2000, int(dotted[2]), int(dotted[1]))  # "28.11.": a leap year
        return (DayMonth(int(dotted[1]), int(dotted[2])),) if found else None
    if not _DATEISH.fullmatch(norm):
        return None
    iso, day_first = _ISO.fullmatch(norm), _DAY_FIRST.fullmatch(norm)
    value: date | DayMonth | None = None
    if iso:
        value = calendar_day(int(iso[1]), int(iso[2]), int(iso[3]))
    elif day_first:
        day, separator, month, year = day_first.groups()
        if year:
            full_year = int(year) + (2000 if len(year) == 2 else 0)
            value = calendar_day(full_year, int(month), int(day))
        elif separator == "/" and calendar_day(2000, int(month), int(day)):  # a leap year
            value = DayMonth(int(day), int(month))
    return (value if value is not None else Bad(token.bare),)


def _named_month(tokens: Sequence[Token], at: int) -> tuple[int, date | DayMonth | Bad] | None:
    """ "28 Nov", "28th November 2026", "Nov 28", "November 28th"."""
    months = vocab.calendar_names()[0]
    first, second = norm_at(tokens, at), norm_at(tokens, at + 1)
    if (day := _ORDINAL.fullmatch(first)) and second in months:
        number, month, stop = int(day[1]), months[second], at + 2
    elif first in months and (day := _ORDINAL.fullmatch(second)):
        number, month, stop = int(day[1]), months[first], at + 2
    else:
        return None
    if _YEAR.fullmatch(norm_at(tokens, stop)):
        found = calendar_day(int(norm_at(tokens, stop)), month, number)
        return stop + 1, found if found else Bad(" ".join(t.bare for t in tokens[at : stop + 1]))
    if calendar_day(2000, month, number) is None:
        return stop, Bad(" ".join(t.bare for t in tokens[at:stop]))
    return stop, DayMonth(number, month)


def day_at(tokens: Sequence[Token], at: int) -> tuple[int, Day | Bad] | None:
    """A day at ``at``: "today", "yesterday", "the day before yesterday", "Tuesday",
    "last tue", "on 3/11", "28.11.", "2026-11-24", "28 Nov". Short weekday names ("sat")
    need a lead-in ("on sat"), being other words too."""
    words = [token.norm for token in tokens]
    relative = _relative().longest(words, at)
    if relative:
        return relative
    lead = _weekday_leadins().longest(words, at)
    start = lead[0] if lead else at
    weekdays = vocab.calendar_names()[1]
    name, after = norm_at(tokens, start), norm_at(tokens, start + 1)
    timed = after[:1].isdigit() or after in dayparts_words()  # "Sat evening", "sat 9:00"
    if name in weekdays and (lead or len(name) > 3 or timed):
        return start + 1, Weekday(weekdays[name])
    if norm_at(tokens, start) == "the":
        start += 1
    named = _named_month(tokens, start)
    if named:
        return named
    if start < len(tokens) and (numeric := _numeric(tokens[start], norm_at(tokens, start + 1))):
        return start + 1, numeric[0]
    return None


def on_or_before(day: Day, today: date, *, within: timedelta = MAX_AGO) -> date | None:
    """The date a day names, read as past: "Tuesday" is the last one (today, if a Tuesday);
    "24/11" is this year's unless still to come and last year's is ``within`` reach
    (then this year's, to be refused as to come); None for no such date."""
    if isinstance(day, date):
        return day
    if isinstance(day, int):
        return today + timedelta(days=day)
    if isinstance(day, Weekday):
        return today - timedelta(days=(today.weekday() - day.index) % 7)
    this = calendar_day(today.year, day.month, day.day)
    last = calendar_day(today.year - 1, day.month, day.day)
    if this is not None and this <= today:
        return this
    if last is not None and today - last <= within:
        return last
    return this


def on_or_after(day: Day, today: date) -> date | None:
    """The date a day names, read as to come: "Tuesday" is the next one (today, if a Tuesday)."""
    if isinstance(day, date):
        return day
    if isinstance(day, int):
        return today + timedelta(days=day)
    if isinstance(day, Weekday):
        return today + timedelta(days=(day.index - today.weekday()) % 7)
    this = calendar_day(today.year, day.month, day.day)
    if this is not None and this >= today:
        return this
    return calendar_day(today.year + 1, day.month, day.day)
